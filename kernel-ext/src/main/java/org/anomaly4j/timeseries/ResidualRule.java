package org.anomaly4j.timeseries;

import org.anomaly4j.stats.Quantiles;

/**
 * How residuals (an STL remainder, a forecast error) become anomaly flags: a point is flagged when
 * |r − centre| &gt; cut, strictly.
 * <ul>
 *   <li>{@link Fixed}: centre 0, cut = the given value (the beehive study's |resid| &gt; 5);</li>
 *   <li>{@link Sigma}: centre = mean, cut = k · standard deviation (ddof 1, pandas' {@code std()});</li>
 *   <li>{@link Mad}: centre = median, cut = k · 1.4826 · median|r − median|, the MAD scaled by
 *   1.4826 ≈ 1/Φ⁻¹(0.75) so that it estimates σ for normal data (R's {@code mad()}); robust to the very
 *   outliers being looked for.</li>
 * </ul>
 */
public sealed interface ResidualRule {

    /** R's {@code mad()} constant, ≈ 1/Φ⁻¹(0.75) (Hampel 1974). */
    double MAD_SCALE = 1.4826;

    /** |r| &gt; threshold. */
    record Fixed(double threshold) implements ResidualRule {
        public Fixed {
            if (!(threshold >= 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("threshold must be finite and >= 0, got " + threshold);
            }
        }
    }

    /** |r − mean| &gt; k·sd. */
    record Sigma(double k) implements ResidualRule {
        public Sigma {
            checkK(k);
        }
    }

    /** |r − median| &gt; k·1.4826·MAD. */
    record Mad(double k) implements ResidualRule {
        public Mad {
            checkK(k);
        }
    }

    static ResidualRule fixed(double threshold) {
        return new Fixed(threshold);
    }

    static ResidualRule sigma(double k) {
        return new Sigma(k);
    }

    static ResidualRule mad(double k) {
        return new Mad(k);
    }

    /** The flags of residuals {@code r} (left unchanged); NaN residuals are never flagged. */
    default boolean[] flags(double[] r) {
        double[] cc = centreAndCut(r);
        boolean[] out = new boolean[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = Math.abs(r[i] - cc[0]) > cc[1];
        }
        return out;
    }

    /** {centre, cut} for residuals {@code r}. */
    default double[] centreAndCut(double[] r) {
        if (r.length == 0) {
            throw new IllegalArgumentException("residuals must not be empty");
        }
        return switch (this) {
            case Fixed f -> new double[] {0, f.threshold()};
            case Sigma s -> {
                if (r.length < 2) {
                    throw new IllegalArgumentException("a k·sigma rule needs at least 2 residuals, got " + r.length);
                }
                double sum = 0;
                for (double v : r) {
                    sum += v;
                }
                double mean = sum / r.length;
                double ss = 0;
                for (double v : r) {
                    ss += (v - mean) * (v - mean);
                }
                yield new double[] {mean, s.k() * Math.sqrt(ss / (r.length - 1))};
            }
            case Mad m -> {
                double median = Quantiles.median(r);
                double[] dev = new double[r.length];
                for (int i = 0; i < r.length; i++) {
                    dev[i] = Math.abs(r[i] - median);
                }
                yield new double[] {median, m.k() * MAD_SCALE * Quantiles.median(dev)};
            }
        };
    }

    private static void checkK(double k) {
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be finite and > 0, got " + k);
        }
    }
}
