package org.anomaly4j.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * NaN-aware array primitives (missing = NaN, as pandas): finding and dropping NaN, means and modes of the
 * present values, a column of a row-major matrix, the sample moments of the statistical tests, and Python's
 * string order. Sums in numpy's order are in {@link PairwiseSum}, order statistics in {@link Quantiles}.
 * Inputs are never modified; loops run on primitive arrays.
 */
public final class Nums {

    /** Python's string order: by code point (differs from {@link String#compareTo} only beyond the BMP). */
    public static final Comparator<String> TEXT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private Nums() {
    }

    /**
     * numpy's {@code searchsorted(a[:n], v, side='left')}: the first index i &lt; n with a[i] ≥ v, else n, i.e. how
     * many of the sorted a[0 .. n) lie below v.
     */
    public static int searchLeft(double[] a, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * numpy's {@code searchsorted(a[:n], v, side='right')}: the first index i &lt; n with a[i] &gt; v, else n, i.e. how
     * many of the sorted a[0 .. n) are at most v.
     */
    public static int searchRight(double[] a, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first NaN, or -1. */
    public static int firstNaN(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Number of NaN values. */
    public static int countNaN(double[] x) {
        int k = 0;
        for (double v : x) {
            if (Double.isNaN(v)) {
                k++;
            }
        }
        return k;
    }

    /** The non-NaN values of {@code x}, in order. */
    public static double[] present(double[] x) {
        int k = 0;
        double[] out = new double[x.length];
        for (double v : x) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        return k == x.length ? out : Arrays.copyOf(out, k);
    }

    /** The non-NaN values, sorted ascending (a new array). */
    public static double[] sortedPresent(double[] x) {
        double[] out = new double[x.length];
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        out = Arrays.copyOf(out, k);
        Arrays.sort(out);
        return out;
    }

    /** Arithmetic mean of the non-NaN values (NaN when there are none). */
    public static double meanPresent(double[] x) {
        double sum = 0;
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    /** Smallest of the most frequent non-NaN values (pandas {@code Series.mode().iloc[0]}); NaN if none. */
    public static double modePresent(double[] x) {
        double[] s = sortedPresent(x);
        double best = Double.NaN;
        int bestCount = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = s[i];
            }
            i = j;
        }
        return best;
    }

    /**
     * {@code x} with ±∞ replaced by NaN, as pandas' window functions do before computing ({@code _prep_values});
     * {@code x} itself when it has no infinity (so the result must not be written to).
     */
    public static double[] infinitiesAsNaN(double[] x) {
        double[] out = x;
        for (int i = 0; i < x.length; i++) {
            if (Double.isInfinite(x[i])) {
                if (out == x) {
                    out = x.clone();
                }
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** Column j of a row-major matrix, as a fresh array. */
    public static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }

    /** Mean of the first m values (a plain left-to-right sum, as the statistical tests' textbook formulas). */
    public static double mean(double[] v, int m) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += v[i];
        }
        return s / m;
    }

    /** Sample standard deviation (ddof = 1, as numpy {@code std(ddof=1)}) of the first m values around mean. */
    public static double sampleStd(double[] v, int m, double mean) {
        double ss = 0;
        for (int i = 0; i < m; i++) {
            double dev = v[i] - mean;
            ss += dev * dev;
        }
        return Math.sqrt(ss / (m - 1));
    }
}
