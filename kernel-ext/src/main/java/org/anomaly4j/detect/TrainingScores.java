package org.anomaly4j.detect;

/**
 * A model's scores of its training rows and its threshold, set once when the model is built: by a fit
 * ({@link #fitted}: the threshold from the rule) or by a model file ({@link #stored}).
 */
public record TrainingScores(double[] values, double threshold) {

    public TrainingScores {
        values = values.clone();
    }

    /**
     * After a fit: every score must be finite (otherwise the data overflowed the algorithm, or an option is
     * degenerate), and the threshold follows the options' rule.
     *
     * @param natural the algorithm's own cut, NaN if it has none
     */
    public static TrainingScores fitted(ModelInfo info, double[] scores, double natural) {
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(info.name() + " produced a non-finite score (" + scores[i]
                        + ") for training row " + i + ": the values are too large for this algorithm or an option is"
                        + " degenerate; scale the features (standardScaler(), robustScaler()) and check the options ("
                        + info.options() + ")");
            }
        }
        return new TrainingScores(scores, Thresholds.compute(info.options().threshold(), scores, natural));
    }

    /** As read from a model file (already checked finite by the reader). */
    public static TrainingScores stored(double[] scores, double threshold) {
        return new TrainingScores(scores, threshold);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    int count() {
        return values.length;
    }
}
