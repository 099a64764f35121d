package org.anomaly4j.detect;

import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.Table;

/**
 * An unfitted detector: an immutable value holding its options, validated when built. Fitting never
 * changes the detector or the data and returns an immutable {@link Model}.
 * <pre>{@code
 * Model m = IsolationForest.with().trees(100).seed(0).fit(hive, "T17", "RH17");
 * }</pre>
 */
public interface Detector {

    /** Registry name, e.g. {@code "isolation-forest"} (also the command-line name). */
    String name();

    /** The same detector with another threshold rule (every detector has this option). */
    Detector threshold(ThresholdRule rule);

    /** Fits on row-major data whose columns are named {@code features}. */
    Model fit(double[][] x, List<String> features);

    /** Fits on row-major data; features are named {@code x0, x1, ...}. */
    default Model fit(double[][] x) {
        int d = Inputs.width(x);
        List<String> names = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return fit(x, names);
    }

    /** Fits on the named numeric columns of a table (no missing or non-finite values allowed). */
    default Model fit(Table table, String... columns) {
        return fit(Inputs.matrix(table, columns), List.of(columns));
    }
}
