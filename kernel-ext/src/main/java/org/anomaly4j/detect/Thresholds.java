package org.anomaly4j.detect;

import org.anomaly4j.stats.Quantiles;

/** The one place where thresholds and probabilities are computed from training scores. */
public final class Thresholds {

    /** 1/Φ⁻¹(0.75): scales the median absolute deviation to a standard deviation for normal data. */
    public static final double MAD_TO_SIGMA = 1.482602218505602;

    private Thresholds() {
    }

    /**
     * The threshold a rule gives on these training scores.
     *
     * @param natural the algorithm's own cut, used by {@link ThresholdRule.Natural}; NaN if it has none,
     *                in which case the natural rule falls back to contamination 0.1 (PyOD's default)
     */
    public static double compute(ThresholdRule rule, double[] trainingScores, double natural) {
        return switch (rule) {
            case ThresholdRule.Natural n -> Double.isNaN(natural) ? Quantiles.percentile(trainingScores, 90) : natural;
            case ThresholdRule.Contamination c -> Quantiles.percentile(trainingScores, 100 * (1 - c.fraction()));
            case ThresholdRule.Fixed f -> f.value();
            case ThresholdRule.Percentile p -> Quantiles.percentile(trainingScores, p.p());
            case ThresholdRule.Robust r -> {
                double med = Quantiles.percentile(trainingScores, 50);
                double[] dev = new double[trainingScores.length];
                for (int i = 0; i < dev.length; i++) {
                    dev[i] = Math.abs(trainingScores[i] - med);
                }
                yield med + r.k() * MAD_TO_SIGMA * Quantiles.percentile(dev, 50);
            }
        };
    }

    /**
     * PyOD's linear probability: {@code (score − min) / (max − min)} over the training scores, clipped to
     * [0, 1]; 0.5 everywhere when all training scores are equal.
     */
    public static double[] linearProbability(double[] scores, double[] trainingScores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : trainingScores) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] p = new double[scores.length];
        double range = max - min;
        for (int i = 0; i < p.length; i++) {
            p[i] = range > 0 ? Math.min(1, Math.max(0, (scores[i] - min) / range)) : 0.5;
        }
        return p;
    }
}
