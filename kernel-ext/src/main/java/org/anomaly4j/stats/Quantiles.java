package org.anomaly4j.stats;

import java.util.Arrays;

/**
 * Order statistics, one definition each: numpy's {@code quantile}/{@code percentile} with the default
 * {@code method='linear'}, numpy's {@code median}, and selection of a few ranks without a full sort. Every
 * quantile in the library (describe, clip, robust scaling, IQR fences, thresholds from contamination or
 * percentile) goes through {@link #quantileOfSorted}, so they agree with numpy, pandas and PyOD to the bit.
 * Inputs are never modified.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * Quantile of sorted values by linear interpolation between the closest ranks, numpy's default
     * ({@code method='linear'}): position h = (n − 1)·q, result x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]),
     * interpolated by {@link #lerp} as numpy does. O(1).
     *
     * @param sorted ascending values without NaN, at least one
     * @param q      quantile in [0, 1]
     */
    public static double quantileOfSorted(double[] sorted, double q) {
        int n = sorted.length;
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return lerp(sorted[lo], sorted[lo + 1], h - lo);
    }

    /**
     * numpy's {@code percentile(x, p)} (method 'linear'): q = p / 100 first, as numpy divides before
     * interpolating, then {@link #quantileOfSorted} on a sorted copy. O(n log n).
     *
     * @param x values without NaN, at least one (not modified)
     * @param p percentile in [0, 100]
     */
    public static double percentile(double[] x, double p) {
        if (x.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        double[] s = x.clone();
        Arrays.sort(s);
        return quantileOfSorted(s, p / 100);
    }

    /**
     * numpy's {@code _lerp}: a + t·(b − a), computed from the upper end, b − (1 − t)·(b − a), when t ≥ 0.5.
     * The two forms round differently; using numpy's choice makes results agree with numpy, pandas and
     * scikit-learn to the last bit in the usual cases.
     */
    public static double lerp(double a, double b, double t) {
        double d = b - a;
        return t >= 0.5 ? b - d * (1 - t) : a + d * t;
    }

    /** numpy's {@code median} of sorted values: the middle value, or the mean of the two middle values. */
    public static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        int mid = n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** numpy's {@code median} of values without NaN (a sorted copy; the input is not changed). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return medianOfSorted(s);
    }

    /**
     * The values at the given ranks (ascending, 0-based) of {@code present} (no NaN), as if sorted, without
     * a full sort: successive quickselects (Hoare's FIND, 1961, with Wirth's partition loop and a
     * median-of-three pivot), each on the part right of the previous rank; a rank one above the previous
     * one is the minimum of that right part, found by a scan. O(n) expected for a few ranks.
     * {@code present} is not modified.
     *
     * @param present values without NaN (see {@link Nums#present})
     * @param ranks   ascending ranks within [0, present.length)
     * @return the values at those ranks
     */
    public static double[] selectRanks(double[] present, int[] ranks) {
        return selectRanksInPlace(present.clone(), present.length, ranks);
    }

    /**
     * As {@link #selectRanks} on {@code a[0 .. n)}, rearranging that part of {@code a} instead of copying it
     * (for callers that own a scratch array: a column's describe holds one copy, not two).
     *
     * @param a     scratch values, no NaN in {@code a[0 .. n)}; rearranged
     * @param n     number of values used, at least 1
     * @param ranks ascending ranks within [0, n)
     */
    public static double[] selectRanksInPlace(double[] a, int n, int[] ranks) {
        double[] out = new double[ranks.length];
        int from = 0;
        int last = -1;
        for (int r = 0; r < ranks.length; r++) {
            int k = ranks[r];
            if (k == last) {
                out[r] = out[r - 1];
                continue;
            }
            if (k == n - 1 && k != last + 1) {
                double m = a[from];
                for (int i = from + 1; i < n; i++) {
                    m = Math.max(m, a[i]);
                }
                out[r] = m; // the largest value; nothing ranks above it, so no rearranging is needed
            } else if (k == last + 1) {
                double m = a[from];
                for (int i = from + 1; i < n; i++) {
                    m = Math.min(m, a[i]);
                }
                out[r] = m; // everything right of the previous rank is >= it; the smallest of them is rank k
                // keep the invariant "a[from..] holds ranks from.." by moving that minimum to position k
                for (int i = from; i < n; i++) {
                    if (a[i] == m) {
                        a[i] = a[from];
                        a[from] = m;
                        break;
                    }
                }
            } else {
                out[r] = select(a, from, n - 1, k);
            }
            last = k;
            from = k + 1;
        }
        return out;
    }

    /** k-th smallest of a[lo..hi] (inclusive), rearranging that range so a[lo..k-1] <= a[k] <= a[k+1..hi]. */
    private static double select(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double x = median3(a[lo], a[k], a[hi]);
            int i = lo;
            int j = hi;
            do {
                while (a[i] < x) {
                    i++;
                }
                while (x < a[j]) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) {
                lo = i;
            }
            if (k < i) {
                hi = j;
            }
        }
        return a[k];
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
