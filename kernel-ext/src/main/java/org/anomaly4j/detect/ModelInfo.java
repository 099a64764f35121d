package org.anomaly4j.detect;

import java.util.HashSet;
import java.util.List;

/**
 * What every fitted model records besides its state: the detector's registry name, the feature names, the
 * options it was fitted with (parameters and threshold rule) and its {@link Provenance}.
 */
public record ModelInfo(String name, List<String> features, Options options, Provenance provenance) {

    public ModelInfo {
        features = checkFeatures(features, features == null ? 0 : features.size());
    }

    /**
     * Feature names as model files accept them: one per column, non-null, non-empty, distinct. Checked at fit
     * exactly as at load, so that every model that saves also loads.
     */
    static List<String> checkFeatures(List<String> features, int d) {
        if (features == null) {
            throw new IllegalArgumentException("feature names must not be null");
        }
        if (features.size() != d) {
            throw new IllegalArgumentException(features.size() + " feature names for " + d + " columns");
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one feature");
        }
        HashSet<String> seen = new HashSet<>();
        for (int j = 0; j < features.size(); j++) {
            String f = features.get(j);
            if (f == null || f.isEmpty()) {
                throw new IllegalArgumentException("feature " + j + " has no name; name every feature column");
            }
            if (!seen.add(f)) {
                throw new IllegalArgumentException("feature name \"" + f + "\" is used twice; feature names must be distinct");
            }
        }
        return List.copyOf(features);
    }
}
