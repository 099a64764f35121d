package org.anomaly4j.stats;

/**
 * numpy's summation order, for results equal to pandas and numpy to the last bit. The one implementation
 * shared by {@code describe}, the scalers and the one-class SVM's {@code gamma='scale'}.
 */
public final class PairwiseSum {

    private PairwiseSum() {
    }

    /**
     * Sum in numpy's order ({@code np.add.reduce} on a contiguous float64 array, numpy's
     * {@code pairwise_sum}): blocks of at most 128 values are summed with eight interleaved accumulators, longer
     * runs are split in two (at a multiple of 8) and the halves added. Reproduces pandas' {@code sum}/{@code mean}
     * to the last bit; the rounding error grows as O(log n) instead of O(n). No NaN skipping: zero the missing
     * values first, as pandas does.
     */
    public static double of(double[] a) {
        return of(a, 0, a.length);
    }

    /** The pairwise sum of {@code a[from .. from + n)}. */
    public static double of(double[] a, int from, int n) {
        if (n < 8) {
            double res = -0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= 128) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                int k = from + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return of(a, from, n2) + of(a, from + n2, n - n2);
    }
}
