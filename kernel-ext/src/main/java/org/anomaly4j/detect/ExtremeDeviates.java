package org.anomaly4j.detect;

import java.util.Arrays;
import java.util.Locale;

import org.anomaly4j.stats.Nums;

/**
 * The outcome of an extreme studentized deviate test ({@link Grubbs#test iterated Grubbs},
 * {@link GeneralizedEsd#test generalized ESD}): one entry per step, where step i removes the value farthest
 * from the mean of the values still present.
 *
 * @param n              sample size
 * @param alpha          significance level of the test
 * @param candidates     index (into the tested array) of the most extreme remaining value at each step
 * @param statistics     {@code R_i = max |x − mean| / s} at each step, mean and s (ddof 1) of the remaining values
 * @param criticalValues the critical value {@code λ_i} of each step (Grubbs' {@code G_crit} for the remaining size)
 * @param outliers       indices declared outliers, in the order they were removed (a prefix of {@code candidates})
 */
public record ExtremeDeviates(int n, double alpha, int[] candidates, double[] statistics, double[] criticalValues,
                              int[] outliers) {

    public ExtremeDeviates {
        candidates = candidates.clone();
        statistics = statistics.clone();
        criticalValues = criticalValues.clone();
        outliers = outliers.clone();
    }

    /** Number of outliers found. */
    public int outlierCount() {
        return outliers.length;
    }

    /** Number of steps performed. */
    public int steps() {
        return statistics.length;
    }

    @Override
    public int[] candidates() {
        return candidates.clone();
    }

    @Override
    public double[] statistics() {
        return statistics.clone();
    }

    @Override
    public double[] criticalValues() {
        return criticalValues.clone();
    }

    @Override
    public int[] outliers() {
        return outliers.clone();
    }

    /** A table like the NIST/SEMATECH e-Handbook's: step, candidate, R_i, λ_i, and * where R_i &gt; λ_i. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "n = %d, alpha = %s: %d outlier%s %s%n   i  index          R_i          λ_i%n",
                n, alpha, outliers.length, outliers.length == 1 ? "" : "s", Arrays.toString(outliers)));
        for (int i = 0; i < statistics.length; i++) {
            b.append(String.format(Locale.ROOT, "%4d %6d %12.6f %12.6f%s%n", i + 1, candidates[i], statistics[i],
                    criticalValues[i], statistics[i] > criticalValues[i] ? " *" : ""));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtremeDeviates e && n == e.n && Double.compare(alpha, e.alpha) == 0
                && Arrays.equals(candidates, e.candidates) && Arrays.equals(statistics, e.statistics)
                && Arrays.equals(criticalValues, e.criticalValues) && Arrays.equals(outliers, e.outliers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(statistics) + Arrays.hashCode(candidates);
    }

    /**
     * Runs up to {@code maxSteps} removal steps on {@code x} (left unchanged).
     * <p>How, in O(n log n + r·g) (g: the largest group of equal values at the top, usually 1): the value
     * farthest from the mean of a set is its minimum or its maximum, so the values still present are always a
     * contiguous range of the sorted sample, and each step only compares the two ends. The mean and the sum of squared deviations of a range come from prefix sums of
     * {@code x − c} and {@code (x − c)²} (c: the middle value of the sorted sample, to keep the terms small) accumulated in
     * double-double arithmetic (error-free TwoSum / fma products, Dekker 1971; Ogita, Rump &amp; Oishi 2005), so
     * {@code M2 = S2 − S1²/m} keeps full double precision even after huge outliers leave the range — unlike
     * downdating a running variance. Ties: like numpy's {@code argmax} on the remaining values in their original
     * order, the value removed is the one with the smallest original index among those at maximal deviation.
     *
     * @param grubbs Grubbs iterated: stop after the first step whose R ≤ λ (that step is recorded) and declare
     *               the earlier steps outliers; generalized ESD ({@code false}): run every step, outliers are the
     *               first k for the largest k with R_k &gt; λ_k
     */
    static ExtremeDeviates run(double[] x, int maxSteps, double alpha, boolean grubbs) {
        int n = x.length;
        // Sort by (value, original index): within a group of equal values the indices ascend.
        double[] sortedValues = x.clone();
        Arrays.sort(sortedValues);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = Nums.searchLeft(sortedValues, n, x[i]); // its first position
            keys[i] = (rank << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) keys[k];
        }
        // Sums of d = x − c and d² (c: the middle value) as double-double (hi + lo), accumulated outwards from
        // the middle: "left[k]" over sorted positions k..mid−1, "right[k]" over mid..k−1. A range [lo, hi] is
        // then left[lo] + right[hi+1] and never includes a removed value farther out than what remains, so
        // huge removed outliers cannot swamp the small sums that are left.
        int mid = n / 2;
        double c = sortedValues[mid];
        double[] d1h = new double[n + 1];
        double[] d1l = new double[n + 1];
        double[] d2h = new double[n + 1];
        double[] d2l = new double[n + 1];
        double[] t = new double[2];
        for (int k = mid - 1; k >= 0; k--) {
            accumulate(sortedValues[k], c, d1h, d1l, d2h, d2l, k + 1, k, t);
        }
        for (int k = mid; k < n; k++) {
            accumulate(sortedValues[k], c, d1h, d1l, d2h, d2l, k, k + 1, t);
        }
        int[] cand = new int[maxSteps];
        double[] stat = new double[maxSteps];
        double[] crit = new double[maxSteps];
        int steps = 0;
        int lo = 0;
        int hi = n - 1;
        int accepted = -1;
        while (steps < maxSteps && hi - lo + 1 >= 3 && sortedValues[lo] < sortedValues[hi]) {
            int m = hi - lo + 1;
            // S1, S2 over [lo, hi]; mean = c + S1/m; M2 = S2 − S1²/m, all in double-double.
            rangeSum(d1h, d1l, lo, hi, mid, t);
            double a1h = t[0];
            double a1l = t[1];
            rangeSum(d2h, d2l, lo, hi, mid, t);
            double a2h = t[0];
            double a2l = t[1];
            double p = a1h * a1h;
            double pErr = Math.fma(a1h, a1h, -p) + 2 * a1h * a1l;
            double q = p / m;
            double qErr = (Math.fma(-q, m, p) + pErr) / m; // remainder of the division, carried
            ddAdd(a2h, a2l, -q, -qErr, t);
            double m2 = t[0] + t[1];
            double offset = (a1h + a1l) / m; // mean − c
            double sd = Math.sqrt(Math.max(m2, 0) / (m - 1));
            if (!(sd > 0)) {
                break;
            }
            // |x − mean| = |(x − c) − offset| with x − c kept exact: no rounding of the mean to a double.
            double devLow = deviation(sortedValues[lo], c, offset, t);
            double devHigh = deviation(sortedValues[hi], c, offset, t);
            // The smallest original index in the top group of equal values.
            int top = hi;
            int best = top;
            while (top > lo && sortedValues[top - 1] == sortedValues[hi]) {
                top--;
                if (order[top] < order[best]) {
                    best = top;
                }
            }
            boolean takeLow = devLow > devHigh || (devLow == devHigh && order[lo] < order[best]);
            cand[steps] = takeLow ? order[lo] : order[best];
            stat[steps] = (takeLow ? devLow : devHigh) / sd;
            crit[steps] = Grubbs.criticalValue(m, alpha);
            steps++;
            if (grubbs && !(stat[steps - 1] > crit[steps - 1])) {
                accepted = steps - 1;
                break;
            }
            if (takeLow) {
                lo++;
            } else {
                // Values in the group are equal, so the prefix sums by position stay valid; keep the group's
                // remaining indices in ascending order.
                System.arraycopy(order, best + 1, order, best, hi - best);
                hi--;
            }
        }
        int count;
        if (grubbs) {
            count = accepted >= 0 ? accepted : steps;
        } else {
            count = 0;
            for (int i = steps - 1; i >= 0; i--) {
                if (stat[i] > crit[i]) {
                    count = i + 1;
                    break;
                }
            }
        }
        return new ExtremeDeviates(n, alpha, Arrays.copyOf(cand, steps), Arrays.copyOf(stat, steps),
                Arrays.copyOf(crit, steps), Arrays.copyOf(cand, count));
    }

    /**
     * Adds the terms of value v to the outward sums: {@code sums[to] = sums[from] + term}, for d = v − c
     * (exact, TwoSum) and d² (exact product by fma, plus the cross terms of the low part).
     */
    private static void accumulate(double v, double c, double[] d1h, double[] d1l, double[] d2h, double[] d2l,
                                   int from, int to, double[] t) {
        twoSum(v, -c, t);
        double dh = t[0];
        double dl = t[1];
        double sq = dh * dh;
        double sqErr = Math.fma(dh, dh, -sq) + 2 * dh * dl + dl * dl;
        ddAdd(d1h[from], d1l[from], dh, dl, t);
        d1h[to] = t[0];
        d1l[to] = t[1];
        ddAdd(d2h[from], d2l[from], sq, sqErr, t);
        d2h[to] = t[0];
        d2l[to] = t[1];
    }

    /**
     * Sum over sorted positions lo..hi from the outward sums: left part (positions below mid, stored at
     * [k] for k..mid−1) plus right part (mid..k−1, stored at [k]); when the range lies on one side of the
     * middle, the difference of two sums on that side, whose extra terms lie between the range and the middle.
     */
    private static void rangeSum(double[] h, double[] l, int lo, int hi, int mid, double[] out) {
        if (lo <= mid && mid <= hi + 1) {
            ddAdd(h[lo], l[lo], h[hi + 1], l[hi + 1], out);
        } else if (lo > mid) {
            ddAdd(h[hi + 1], l[hi + 1], -h[lo], -l[lo], out);
        } else {
            ddAdd(h[lo], l[lo], -h[hi + 1], -l[hi + 1], out);
        }
    }

    /** |v − (c + offset)| with v − c formed exactly. */
    private static double deviation(double v, double c, double offset, double[] t) {
        twoSum(v, -c, t);
        return Math.abs((t[0] - offset) + t[1]);
    }

    /** Knuth's TwoSum: a + b = out[0] + out[1] exactly. */
    private static void twoSum(double a, double b, double[] out) {
        double s = a + b;
        double bb = s - a;
        out[0] = s;
        out[1] = (a - (s - bb)) + (b - bb);
    }

    /** Double-double addition (ah + al) + (bh + bl), renormalised into out[0] + out[1]. */
    private static void ddAdd(double ah, double al, double bh, double bl, double[] out) {
        twoSum(ah, bh, out);
        double sh = out[0];
        double sl = out[1] + al + bl;
        double h = sh + sl;
        out[1] = sl - (h - sh);
        out[0] = h;
    }

    /** Checks the input of a static test: at least 3 finite values. */
    static void checkSample(double[] x, double alpha, String test) {
        if (x == null || x.length < 3) {
            throw new IllegalArgumentException(test + " needs at least 3 values, got " + (x == null ? 0 : x.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("value at index " + i + " is " + x[i]
                        + "; drop or fill missing and infinite values first");
            }
        }
        checkAlpha(alpha);
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }
}
