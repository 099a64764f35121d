package org.anomaly4j.detect;

import java.util.Locale;

import org.anomaly4j.stats.DixonTable;

/**
 * Dixon's Q test (the r10 ratio) for one outlier at either end of a small sample, 3 ≤ n ≤ 30 — replicate
 * measurements in analytical chemistry. Not a {@link Detector}: its critical values exist only for n ≤ 30,
 * so it cannot be fitted on tables; use {@link Grubbs} or {@link GeneralizedEsd} for those.
 * <p>With the sample sorted, {@code x(1) ≤ … ≤ x(n)}, the statistics are the gap of each extreme value to its
 * neighbour over the range:
 * <pre>
 *   Q_low = (x(2) − x(1)) / (x(n) − x(1)),    Q_high = (x(n) − x(n−1)) / (x(n) − x(1))
 * </pre>
 * An extreme value is an outlier when its Q exceeds the critical value {@code Q_crit(n, α)}. The table is
 * two-sided: α is the probability that, for normal data, the larger of Q_low and Q_high exceeds Q_crit
 * (i.e. "confidence level" 1 − α in Rorabacher's and most textbooks' wording; one-sided α/2).
 * <p>Critical values: D. B. Rorabacher (1991), Analytical Chemistry 63(2), 139–146, the r10 table for
 * n = 3..30 at α = 0.20, 0.10, 0.05, 0.04, 0.02, 0.01, kept in {@link DixonTable} with the full reference. The golden
 * test compares every entry with a 10⁶-sample Monte Carlo estimate of the same quantile.
 * <p>Original test: R. B. Dean and W. J. Dixon (1951), "Simplified statistics for small numbers of
 * observations", Analytical Chemistry 23(4), 636–638; W. J. Dixon (1950), "Analysis of extreme values",
 * Annals of Mathematical Statistics 21(4), 488–506. Equivalent: R {@code outliers::dixon.test(x, type = 10,
 * two.sided = TRUE)}. O(n) (two scans, no sort).
 */
public final class DixonQ {

    private DixonQ() {
    }

    /**
     * The outcome of a Dixon Q test.
     *
     * @param n           sample size
     * @param alpha       two-sided significance level
     * @param qLow        {@code (x(2) − x(1)) / range}
     * @param qHigh       {@code (x(n) − x(n−1)) / range}
     * @param critical    {@code Q_crit(n, α)} from Rorabacher's table
     * @param lowIndex    index (into the tested array) of the smallest value (the first, if tied)
     * @param highIndex   index of the largest value (the last, if tied)
     * @param lowOutlier  {@code qLow > critical}
     * @param highOutlier {@code qHigh > critical}
     */
    public record Result(int n, double alpha, double qLow, double qHigh, double critical, int lowIndex,
                         int highIndex, boolean lowOutlier, boolean highOutlier) {

        /** Indices of the outliers found: none, one, or (rarely, for n ≥ 5 with two far extremes) both ends. */
        public int[] outliers() {
            if (lowOutlier && highOutlier) {
                return new int[] {lowIndex, highIndex};
            }
            return lowOutlier ? new int[] {lowIndex} : highOutlier ? new int[] {highIndex} : new int[0];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Dixon Q (r10), n = %d, alpha = %s: Q_low = %.4f%s, Q_high = %.4f%s,"
                    + " Q_crit = %.3f", n, alpha, qLow, lowOutlier ? " (outlier)" : "", qHigh,
                    highOutlier ? " (outlier)" : "", critical);
        }
    }

    /**
     * Dixon's r10 test of both extremes of a sample of 3..30 values at a two-sided level alpha, one of 0.20,
     * 0.10, 0.05, 0.04, 0.02, 0.01.
     *
     * @throws IllegalArgumentException n outside 3..30, a non-finite value, all values equal, or an alpha
     *                                  without a tabulated column
     */
    public static Result test(double[] x, double alpha) {
        if (x == null || x.length < DixonTable.MIN_N || x.length > DixonTable.MAX_N) {
            throw new IllegalArgumentException("Dixon's Q test needs " + DixonTable.MIN_N + " to " + DixonTable.MAX_N
                    + " values (its critical values are tabulated for those sizes), got " + (x == null ? 0 : x.length)
                    + "; for larger samples use Grubbs.test or GeneralizedEsd.test");
        }
        double crit = DixonTable.criticalValue(x.length, alpha);
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("value at index " + i + " is " + x[i]
                        + "; drop or fill missing and infinite values first");
            }
            if (x[i] < x[lo]) {
                lo = i;
            }
            if (x[i] >= x[hi]) {
                hi = i;
            }
        }
        double range = x[hi] - x[lo];
        if (!(range > 0)) {
            throw new IllegalArgumentException("all " + x.length + " values are equal (" + x[lo]
                    + "), so Dixon's Q is undefined");
        }
        // Neighbours of the extremes: the second smallest and second largest values (ties count).
        double second = Double.POSITIVE_INFINITY;
        double penultimate = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (i != lo && x[i] < second) {
                second = x[i];
            }
            if (i != hi && x[i] > penultimate) {
                penultimate = x[i];
            }
        }
        double qLow = (second - x[lo]) / range;
        double qHigh = (x[hi] - penultimate) / range;
        return new Result(x.length, alpha, qLow, qHigh, crit, lo, hi, qLow > crit, qHigh > crit);
    }
}
