package org.anomaly4j.detect.neighbors;

import java.util.function.IntConsumer;

/**
 * Exact brute-force k-nearest-neighbour search in cache-sized blocks, for dimensions where a k-d tree prunes
 * too little. Each query is compared with every training row through the expansion
 * ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b, the dot products of one query with a block of training rows computed
 * coordinate by coordinate over the block stored column-major (a SIMD-friendly loop). That value can be off
 * by cancellation when the points are close relative to their norms, so it only filters: a row is re-checked
 * with the exact sequential sum of squared differences (the value reported, the same as the k-d tree's and
 * scikit-learn's trees') whenever the filtered value minus its rounding-error bound does not exceed the
 * current k-th exact distance. The bound (4d + 16)·2⁻⁵³·(‖a‖² + ‖b‖²) covers the rounding of both norms, of
 * the dot product (Higham 2002, "Accuracy and Stability of Numerical Algorithms", §3.1: |error| ≤ γ_d Σ|aᵢbᵢ|)
 * and of the final combination, with a factor two to spare; so the result is the exact k nearest, not an
 * approximation. Memory: the data twice (row- and column-major), its norms and the results; never n × n.
 */
final class BruteForce {

    /**
     * Training rows per block: a block is stored column-major (d runs of up to 1,024 values, 80 KB at d = 10) so
     * that the inner loop over its rows is a plain multiply-add over contiguous arrays, which the JIT turns
     * into SIMD instructions.
     */
    static final int TRAIN_BLOCK = 1024;

    private final double[] x;
    private final int n;
    private final int d;
    private final double[] norms;
    /** The training rows block by block, each block column-major: value (t0 + t, j) at t0·d + j·size + t. */
    private final double[] columns;
    private final double errorFactor;

    BruteForce(double[] x, int n, int d) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = exactNorm(x, i * d, d);
        }
        this.columns = new double[n * d];
        for (int t0 = 0; t0 < n; t0 += TRAIN_BLOCK) {
            int size = Math.min(TRAIN_BLOCK, n - t0);
            for (int t = 0; t < size; t++) {
                for (int j = 0; j < d; j++) {
                    columns[t0 * d + j * size + t] = x[(t0 + t) * d + j];
                }
            }
        }
        this.errorFactor = (4.0 * d + 16) * 0x1p-53;
    }

    /**
     * The k nearest training rows of the queries {@code from .. to − 1} of {@code q} (row-major, d columns),
     * written to {@code indices}/{@code distances} at {@code i·k}; {@code selfExclude} skips training row i
     * for query i (training queries).
     */
    void query(double[] q, int from, int to, boolean selfExclude, SortedNeighbors[] best, int[] indices,
               double[] distances, int k) {
        int m = to - from;
        double[] qNorms = new double[m];
        for (int a = 0; a < m; a++) {
            qNorms[a] = exactNorm(q, (from + a) * d, d);
            best[a].reset();
        }
        double[] acc = new double[TRAIN_BLOCK];
        for (int t0 = 0; t0 < n; t0 += TRAIN_BLOCK) {
            int size = Math.min(TRAIN_BLOCK, n - t0);
            int base = t0 * d;
            for (int a = 0; a < m; a++) {
                int qi = from + a;
                int qo = qi * d;
                // acc[t] = −2 a·b, one contiguous multiply-add per coordinate (vectorised by the JIT)
                double c0 = -2 * q[qo];
                for (int t = 0; t < size; t++) {
                    acc[t] = c0 * columns[base + t];
                }
                for (int j = 1; j < d; j++) {
                    double c = -2 * q[qo + j];
                    int off = base + j * size;
                    for (int t = 0; t < size; t++) {
                        acc[t] += c * columns[off + t];
                    }
                }
                double qn = qNorms[a];
                SortedNeighbors b = best[a];
                int exclude = selfExclude ? qi - t0 : -1;
                double bound = b.worst();
                for (int t = 0; t < size; t++) {
                    double sum = qn + norms[t0 + t];
                    if (sum + acc[t] - errorFactor * sum > bound || t == exclude) {
                        continue;
                    }
                    b.offer(exact(q, qo, (t0 + t) * d), t0 + t);
                    bound = b.worst();
                }
            }
        }
        for (int a = 0; a < m; a++) {
            best[a].copyTo(indices, distances, (from + a) * k);
        }
    }

    /** Calls {@code visit} with every training row whose exact squared distance to query row qo is at most r2. */
    void within(double[] q, int qo, double r2, IntConsumer visit) {
        for (int i = 0; i < n; i++) {
            if (exact(q, qo, i * d) <= r2) {
                visit.accept(i);
            }
        }
    }

    /** Sequential sum of squared differences: the exact squared distance every path reports. */
    private double exact(double[] q, int qo, int ro) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = q[qo + j] - x[ro + j];
            s += t * t;
        }
        return s;
    }

    private static double exactNorm(double[] a, int o, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += a[o + j] * a[o + j];
        }
        return s;
    }
}
