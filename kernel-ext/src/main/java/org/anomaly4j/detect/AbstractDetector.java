package org.anomaly4j.detect;

import java.util.List;

import tech.tablesaw.api.Table;

/**
 * The shared shell of every detector: its type and options, the threshold options, input validation and
 * provenance. A detector class adds one-line setters ({@code return set(TREES, n);}) and
 * {@link #fitChecked}; it never re-implements checks or casts.
 *
 * @param <D> the detector's own type (so setters return it)
 * @param <M> its model type
 */
public abstract class AbstractDetector<D extends AbstractDetector<D, M>, M extends Model> implements Detector<M> {

    private final DetectorType<D, M> type;
    private final Options options;

    protected AbstractDetector(DetectorType<D, M> type, Options options) {
        this.type = type;
        this.options = options;
    }

    /** This detector's registry entry. */
    public final DetectorType<D, M> type() {
        return type;
    }

    @Override
    public final String name() {
        return type.name();
    }

    @Override
    public final Options options() {
        return options;
    }

    /** The value of one of this detector's parameters. */
    protected final <T> T get(Param<T> p) {
        return options.get(p);
    }

    /** The same detector with one parameter changed (checked: an invalid value raises an error naming it). */
    protected final <T> D set(Param<T> p, T value) {
        return type.create(options.with(p, value));
    }

    /** Any threshold rule (default: the algorithm's natural cut). */
    @Override
    public final D threshold(ThresholdRule rule) {
        return type.create(options.threshold(rule));
    }

    /** Threshold from the expected fraction of anomalies in the training data, in (0, 0.5]. */
    public final D contamination(double fraction) {
        return threshold(ThresholdRule.contamination(fraction));
    }

    @Override
    public final M fit(double[][] x, List<String> features) {
        return fit(x, features, "");
    }

    @Override
    public final M fit(Table table, String... columns) {
        double[][] x = Inputs.matrix(table, columns);
        return fit(x, List.of(columns), table.name());
    }

    private M fit(double[][] x, List<String> features, String source) {
        int d = Inputs.width(x);
        ModelInfo.checkFeatures(features, d);
        return fitChecked(x, new ModelInfo(name(), features, options, Provenance.now(source, x.length, d)));
    }

    /**
     * Fits on data already checked (non-empty, rectangular, finite, one distinct name per column); builds the
     * model with {@code info} and {@link TrainingScores#fitted}.
     */
    protected abstract M fitChecked(double[][] x, ModelInfo info);

    /** {@code IsolationForest(trees=100, ..., threshold=natural)}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + options + ")";
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof AbstractDetector<?, ?> other && other.type == type && other.options.equals(options);
    }

    @Override
    public final int hashCode() {
        return options.hashCode();
    }
}
