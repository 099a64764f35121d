package org.anomaly4j.detect;

/**
 * How a fitted model turns scores into anomaly labels: a row is an anomaly when its score is strictly
 * greater than the threshold (PyOD's {@code decision_scores_ > threshold_}).
 * <ul>
 *   <li>{@link Natural}: the algorithm's own cut where it has one (One-Class SVM: decision value 0;
 *   Isolation Forest: scikit-learn's {@code contamination='auto'} offset, score 0.5; z-score: |z| &gt; 3);</li>
 *   <li>{@link Contamination}: the expected fraction of anomalies in the training data; the threshold is the
 *   {@code 100·(1 − fraction)} percentile of the training scores with linear interpolation (numpy's
 *   default), which reproduces scikit-learn's {@code offset_} and PyOD's {@code threshold_};</li>
 *   <li>{@link Fixed}: a given score;</li>
 *   <li>{@link Percentile}: the p-th percentile of the training scores;</li>
 *   <li>{@link Robust}: median + k·MAD of the training scores, MAD scaled by 1.4826 = 1/Φ⁻¹(0.75) so that it
 *   estimates the standard deviation of normal data.</li>
 * </ul>
 */
public sealed interface ThresholdRule {

    /** The algorithm's natural cut. */
    record Natural() implements ThresholdRule {
        @Override
        public String toString() {
            return "natural";
        }
    }

    /** Expected fraction of anomalies, in (0, 0.5]. */
    record Contamination(double fraction) implements ThresholdRule {
        public Contamination {
            if (!(fraction > 0 && fraction <= 0.5)) {
                throw new IllegalArgumentException("contamination must be in (0, 0.5], got " + fraction);
            }
        }

        @Override
        public String toString() {
            return "contamination " + Param.plain(fraction);
        }
    }

    /** A fixed score. */
    record Fixed(double value) implements ThresholdRule {
        public Fixed {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("fixed threshold must be finite, got " + value);
            }
        }

        @Override
        public String toString() {
            return "fixed " + Param.plain(value);
        }
    }

    /** The p-th percentile (0..100) of the training scores. */
    record Percentile(double p) implements ThresholdRule {
        public Percentile {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
            }
        }

        @Override
        public String toString() {
            return "percentile " + Param.plain(p);
        }
    }

    /** Median + k·(1.4826·MAD) of the training scores. */
    record Robust(double k) implements ThresholdRule {
        public Robust {
            if (!(k > 0) || !Double.isFinite(k)) {
                throw new IllegalArgumentException("robust threshold k must be > 0, got " + k);
            }
        }

        @Override
        public String toString() {
            return "robust " + Param.plain(k);
        }
    }

    static ThresholdRule natural() {
        return new Natural();
    }

    static ThresholdRule contamination(double fraction) {
        return new Contamination(fraction);
    }

    static ThresholdRule fixed(double value) {
        return new Fixed(value);
    }

    static ThresholdRule percentile(double p) {
        return new Percentile(p);
    }

    static ThresholdRule robust(double k) {
        return new Robust(k);
    }
}
