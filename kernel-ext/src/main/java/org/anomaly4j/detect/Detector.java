package org.anomaly4j.detect;

import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.Table;

/**
 * An unfitted detector: an immutable value holding its {@link Options}, validated when set. Fitting never
 * changes the detector or the data and returns an immutable model of type {@code M}, so
 * {@code IsolationForest.with().fit(...)} is an {@code IsolationForestModel} without a cast.
 * <pre>{@code
 * IsolationForestModel m = IsolationForest.with().trees(100).seed(0).fit(hive, "T17", "RH17");
 * }</pre>
 *
 * @param <M> the fitted model type
 */
public interface Detector<M extends Model> {

    /** Registry name, e.g. {@code "isolation-forest"} (also the command-line name). */
    String name();

    /** The options: every parameter's value and the threshold rule. */
    Options options();

    /** The same detector with another threshold rule (every detector has this option). */
    Detector<M> threshold(ThresholdRule rule);

    /** Fits on row-major data whose columns are named {@code features} (distinct, non-empty). */
    M fit(double[][] x, List<String> features);

    /** Fits on row-major data; features are named {@code x0, x1, ...}. */
    default M fit(double[][] x) {
        int d = Inputs.width(x);
        List<String> names = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return fit(x, names);
    }

    /** Fits on the named numeric columns of a table (no missing or non-finite values allowed). */
    M fit(Table table, String... columns);
}
