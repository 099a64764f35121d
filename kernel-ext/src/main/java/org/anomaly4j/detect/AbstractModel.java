package org.anomaly4j.detect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts every model shares: name, features, parameters, training scores and threshold. Subclasses
 * compute scores on validated input ({@link #scores(double[][])}) and describe their fitted state.
 */
public abstract class AbstractModel implements Model {

    private final String name;
    private final List<String> features;
    private final Map<String, Object> parameters;
    private final ThresholdRule rule;
    private double[] trainingScores;
    private double threshold;

    protected AbstractModel(String name, List<String> features, Map<String, Object> parameters, ThresholdRule rule) {
        this.name = name;
        this.features = List.copyOf(features);
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.rule = rule;
    }

    /**
     * Sets the training scores and the threshold; called once by the subclass constructor after its state
     * is complete (the scores need it).
     *
     * @param natural the algorithm's natural cut, NaN if none
     */
    protected final void initThreshold(double[] trainingScores, double natural) {
        this.trainingScores = trainingScores.clone();
        this.threshold = Thresholds.compute(rule, trainingScores, natural);
    }

    /** Same as {@link #initThreshold} but with a stored threshold (loading a model file). */
    protected final void restoreThreshold(double[] trainingScores, double threshold) {
        this.trainingScores = trainingScores.clone();
        this.threshold = threshold;
    }

    /** Scores of rows already checked to be finite with {@link #features()}.size() columns. */
    protected abstract double[] scores(double[][] x);

    @Override
    public final double[] score(double[][] x) {
        int d = Inputs.width(x);
        if (d != features.size()) {
            throw new IllegalArgumentException("the model was fitted on " + features.size() + " features "
                    + features + " but the data has " + d + " columns");
        }
        return scores(x);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> features() {
        return features;
    }

    @Override
    public final Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public final double[] trainingScores() {
        return trainingScores.clone();
    }

    @Override
    public final ThresholdRule thresholdRule() {
        return rule;
    }

    @Override
    public final double threshold() {
        return threshold;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + parameters + " fitted on " + trainingScores.length + " rows × "
                + features + ", threshold " + threshold + " (" + rule + ")";
    }
}
