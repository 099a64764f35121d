package org.anomaly4j.detect;

import java.util.Arrays;

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
            case ThresholdRule.Natural n -> Double.isNaN(natural) ? percentile(trainingScores, 90) : natural;
            case ThresholdRule.Contamination c -> percentile(trainingScores, 100 * (1 - c.fraction()));
            case ThresholdRule.Fixed f -> f.value();
            case ThresholdRule.Percentile p -> percentile(trainingScores, p.p());
            case ThresholdRule.Robust r -> {
                double med = percentile(trainingScores, 50);
                double[] dev = new double[trainingScores.length];
                for (int i = 0; i < dev.length; i++) {
                    dev[i] = Math.abs(trainingScores[i] - med);
                }
                yield med + r.k() * MAD_TO_SIGMA * percentile(dev, 50);
            }
        };
    }

    /** numpy's {@code percentile(x, p)} with linear interpolation (method 'linear'). */
    public static double percentile(double[] x, double p) {
        if (x.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        double[] s = x.clone();
        Arrays.sort(s);
        return sortedPercentile(s, p);
    }

    /** {@link #percentile} on already sorted values. */
    public static double sortedPercentile(double[] sorted, double p) {
        double pos = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
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
