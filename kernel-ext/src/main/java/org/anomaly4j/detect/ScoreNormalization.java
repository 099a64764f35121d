package org.anomaly4j.detect;

import java.util.Arrays;
import java.util.Locale;

import org.anomaly4j.stats.Nums;

/**
 * Puts the scores of different detectors on one scale before they are combined, each fitted on a detector's
 * training scores (PyOD's {@code standardizer} and the score normalisations of Aggarwal &amp; Sathe 2015):
 * <ul>
 *   <li>{@code standard}: (s − mean) / std of the training scores (PyOD's default for combination);</li>
 *   <li>{@code minmax}: (s − min) / (max − min), not clipped;</li>
 *   <li>{@code rank}: the empirical CDF of the training scores, F(s) = (number of training scores ≤ s) / n, in
 *   [0, 1] — insensitive to each detector's scale and tails (the default of {@link Ensemble});</li>
 *   <li>{@code unify}: Kriegel, Kröger, Schubert &amp; Zimek (2011), "Interpreting and unifying outlier scores",
 *   SDM: Gaussian scaling max(0, erf((s − mean) / (std·√2))), a probability-like value.</li>
 * </ul>
 * Constant training scores (std or range 0) normalise to 0 everywhere, with rank keeping the CDF.
 */
public enum ScoreNormalization {
    STANDARD, MINMAX, RANK, UNIFY;

    /** The fitted scale of one detector: its sorted training scores and their mean and standard deviation. */
    record Fitted(ScoreNormalization kind, double[] sorted, double mean, double std) {

        static Fitted of(ScoreNormalization kind, double[] training) {
            double[] sorted = training.clone();
            Arrays.sort(sorted);
            double mean = 0;
            for (double v : sorted) {
                mean += v;
            }
            mean /= sorted.length;
            double ss = 0;
            for (double v : sorted) {
                ss += (v - mean) * (v - mean);
            }
            return new Fitted(kind, sorted, mean, Math.sqrt(ss / sorted.length));
        }

        /** Normalises scores (a new array). */
        double[] apply(double[] s) {
            double[] out = new double[s.length];
            int n = sorted.length;
            double min = sorted[0];
            double range = sorted[n - 1] - min;
            for (int i = 0; i < s.length; i++) {
                out[i] = switch (kind) {
                    case STANDARD -> std > 0 ? (s[i] - mean) / std : 0;
                    case MINMAX -> range > 0 ? (s[i] - min) / range : 0;
                    case RANK -> Nums.searchRight(sorted, n, s[i]) / (double) n;
                    case UNIFY -> std > 0 ? Math.max(0, erf((s[i] - mean) / (std * Math.sqrt(2)))) : 0;
                };
            }
            return out;
        }
    }

    /**
     * The error function by Abramowitz &amp; Stegun (1964), formula 7.1.26 (absolute error below 1.5e-7): enough
     * for a normalisation, which only needs a monotone, well-scaled map.
     */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ScoreNormalization parse(String text) {
        for (ScoreNormalization n : values()) {
            if (n.toString().equals(text.trim())) {
                return n;
            }
        }
        return null;
    }

    static final Param<ScoreNormalization> PARAM = Param.of("normalization", "standard|minmax|rank|unify", RANK,
            "\"standard\", \"minmax\", \"rank\" or \"unify\"", "how member scores are put on one scale",
            ScoreNormalization::parse, v -> v instanceof String s ? parse(s) : null, ScoreNormalization::toString);
}
