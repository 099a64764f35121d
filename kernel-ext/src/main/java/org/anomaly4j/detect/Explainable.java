package org.anomaly4j.detect;

/**
 * A model that can say which features made a row anomalous. {@link Model#topAnomalies} adds these
 * contributions as {@code <feature>_contribution} columns.
 */
public interface Explainable {

    /**
     * One value per feature for one row (in {@link Model#features()} order); each model documents its meaning
     * (signed standardized deviations for the statistical models, shares of the isolation work that sum to 1
     * for the Isolation Forest).
     */
    double[] explain(double[] row);

    /** Whether {@link #explain} answers for this model (some algorithms have no per-feature contribution). */
    default boolean explains() {
        return true;
    }
}
