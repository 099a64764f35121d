package org.anomaly4j.detect;

import java.util.List;
import java.util.Locale;

/**
 * The parts every model shares, all final and set once in the constructor: name, features, options,
 * provenance, training scores and threshold. Subclasses compute scores on validated input
 * ({@link #scores(double[][])}).
 */
public abstract class AbstractModel implements Model {

    private final ModelInfo info;
    private final double[] trainingScores;
    private final double threshold;

    protected AbstractModel(ModelInfo info, TrainingScores scores) {
        this.info = info;
        this.trainingScores = scores.values();
        this.threshold = scores.threshold();
    }

    /** Scores of rows already checked to be finite with {@link #features()}.size() columns. */
    protected abstract double[] scores(double[][] x);

    @Override
    public final double[] score(double[][] x) {
        int d = Inputs.width(x);
        if (d != info.features().size()) {
            throw new IllegalArgumentException("the model was fitted on " + info.features().size() + " features "
                    + info.features() + " but the data has " + d + " columns");
        }
        return scores(x);
    }

    /** The header of this model (name, features, options, provenance). */
    public final ModelInfo info() {
        return info;
    }

    @Override
    public final String name() {
        return info.name();
    }

    @Override
    public final List<String> features() {
        return info.features();
    }

    @Override
    public final Options options() {
        return info.options();
    }

    @Override
    public final Provenance provenance() {
        return info.provenance();
    }

    @Override
    public final double[] trainingScores() {
        return trainingScores.clone();
    }

    @Override
    public final double threshold() {
        return threshold;
    }

    /** Number of training rows flagged by the threshold. */
    public final int trainingAnomalies() {
        int c = 0;
        for (boolean b : flags(trainingScores)) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /** What the fitted state adds to {@link #toString()} (e.g. "214 support vectors"); empty by default. */
    protected String describeState() {
        return "";
    }

    /**
     * {@code IsolationForestModel(trees=100, ...) on [T17, RH17]: threshold 0.5 (natural), 214 of 1847
     * training rows flagged; <state>; fitted on "Hive17", ...}.
     */
    @Override
    public String toString() {
        String state = describeState();
        // -Double.MIN_VALUE (the one-class SVM's natural cut) means "score >= 0"
        String cut = threshold == -Double.MIN_VALUE ? "score >= 0"
                : String.format(Locale.ROOT, "score > %.6g", threshold);
        return String.format(Locale.ROOT, "%s(%s) on %s: anomaly when %s (%s), %d of %d training rows flagged%s; %s",
                getClass().getSimpleName(), info.options().toString().replace(", threshold=" + thresholdRule(), ""),
                features(), cut, thresholdRule(), trainingAnomalies(), trainingScores.length,
                state.isEmpty() ? "" : "; " + state, provenance());
    }
}
