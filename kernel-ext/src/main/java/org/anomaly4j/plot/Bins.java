package org.anomaly4j.plot;

import java.util.Arrays;

import org.anomaly4j.stats.Quantiles;

/**
 * Histogram bins as numpy computes them: {@code np.histogram_bin_edges(x, bins='auto')} and the counts of
 * {@code np.histogram(x, bins=edges)}, bit for bit in the cases the golden file covers.
 * <p>numpy 2.4's 'auto' rule (numpy/lib/_histograms_impl.py, {@code _hist_bin_auto}): bin width
 * {@code h = min(max(h_FD, h_sqrt / 2), h_Sturges)} with
 * <ul>
 *   <li>Freedman–Diaconis {@code h_FD = 2·IQR·n^(−1/3)} (Freedman &amp; Diaconis, 1981), IQR from numpy's
 *       linear percentiles ({@link Quantiles});</li>
 *   <li>Sturges {@code h_Sturges = range / (log₂ n + 1)} (Sturges, 1926);</li>
 *   <li>square root {@code h_sqrt = range / √n}, which keeps FD from making more than 2√n bins (numpy 2.x;
 *       numpy 1.x took plain {@code min(h_FD, h_Sturges)} when {@code h_FD > 0}).</li>
 * </ul>
 * Bin count {@code ceil(range / h)} (1 when h = 0), edges {@code min + i·(range / bins)} with the last edge
 * the maximum (numpy's {@code linspace}); a constant sample gets one bin [v − 0.5, v + 0.5]. Every bin is
 * half-open {@code [e_i, e_{i+1})} except the last, which includes the maximum. Cost O(n log n) for the
 * quartiles' sort.
 */
final class Bins {

    private Bins() {
    }

    /** Bin edges of the finite values in {@code x} (at least one), numpy's 'auto' rule. */
    static double[] autoEdges(double[] x) {
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("No values to bin; the histogram needs at least one finite value");
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double first = sorted[0];
        double last = sorted[n - 1];
        double ptp = last - first;
        double sturges = ptp / (log2(n) + 1.0);
        double sqrt = ptp / Math.sqrt(n);
        double iqr = Quantiles.quantileOfSorted(sorted, 0.75) - Quantiles.quantileOfSorted(sorted, 0.25);
        // numpy: x.size ** (-1.0 / 3.0), a C pow of the count
        double fd = 2.0 * iqr * Math.pow(n, -1.0 / 3.0);
        double width = Math.min(Math.max(fd, sqrt / 2), sturges);
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        int bins = width > 0 ? (int) Math.ceil((last - first) / width) : 1;
        return linspace(first, last, bins + 1);
    }

    /** numpy's {@code linspace(start, stop, num, endpoint=True)}: {@code i·step + start}, last = stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] e = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            e[i] = i * step + start;
        }
        e[num - 1] = stop;
        return e;
    }

    /** Counts of {@code x} per bin; values outside [edges[0], edges[last]] are not counted. */
    static long[] counts(double[] x, double[] edges) {
        int bins = edges.length - 1;
        long[] c = new long[bins];
        double lo = edges[0];
        double hi = edges[bins];
        for (double v : x) {
            if (v < lo || v > hi) {
                continue;
            }
            int k = Arrays.binarySearch(edges, v);
            // binarySearch: an exact edge hit at k opens bin k; a miss gives -(insertion point) - 1
            int bin = k >= 0 ? k : -k - 2;
            c[Math.min(bin, bins - 1)]++; // the last edge closes the last bin
        }
        return c;
    }

    /**
     * log₂ n exact for powers of two (Sturges' bin count is then an integer and must not round up to one
     * more bin), else {@code ln n / ln 2}, within an ulp or two of numpy's {@code log2}.
     */
    static double log2(long n) {
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2);
    }
}
