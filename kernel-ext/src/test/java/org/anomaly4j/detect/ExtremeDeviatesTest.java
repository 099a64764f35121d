package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.anomaly4j.stats.Nums;
import org.junit.jupiter.api.Test;

/**
 * The O(n log n + r) removal sweep of {@link ExtremeDeviates#run} against the textbook O(n·r) loop (recompute
 * mean and s of the remaining values, take numpy's argmax of |x − mean|, delete it), on samples with many ties,
 * exact end ties and outliers 10¹² times the spread.
 */
class ExtremeDeviatesTest {

    /** The textbook loop, as gen_statistical.py's numpy sweep: candidates and statistics of every step. */
    static double[][] reference(double[] x, int maxSteps) {
        double[] v = x.clone();
        int[] idx = new int[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        int m = v.length;
        double[] cand = new double[maxSteps];
        double[] stat = new double[maxSteps];
        int steps = 0;
        while (steps < maxSteps && m >= 3) {
            double mean = Nums.mean(v, m);
            double s = Nums.sampleStd(v, m, mean);
            if (!(s > 0)) {
                break;
            }
            int k = 0;
            for (int i = 1; i < m; i++) {
                if (Math.abs(v[i] - mean) > Math.abs(v[k] - mean)) {
                    k = i;
                }
            }
            cand[steps] = idx[k];
            stat[steps] = Math.abs(v[k] - mean) / s;
            steps++;
            System.arraycopy(v, k + 1, v, k, m - k - 1);
            System.arraycopy(idx, k + 1, idx, k, m - k - 1);
            m--;
        }
        return new double[][] {Arrays.copyOf(cand, steps), Arrays.copyOf(stat, steps)};
    }

    /** max |x − mean| / s over the values not removed, in exact decimal arithmetic (60 digits). */
    static double exactStatistic(double[] x, boolean[] removed) {
        java.math.MathContext mc = new java.math.MathContext(60);
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            if (!removed[i]) {
                sum = sum.add(new java.math.BigDecimal(x[i]));
                m++;
            }
        }
        java.math.BigDecimal mean = sum.divide(java.math.BigDecimal.valueOf(m), mc);
        java.math.BigDecimal ss = java.math.BigDecimal.ZERO;
        java.math.BigDecimal maxDev = java.math.BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            if (!removed[i]) {
                java.math.BigDecimal dev = new java.math.BigDecimal(x[i]).subtract(mean).abs();
                ss = ss.add(dev.multiply(dev));
                maxDev = maxDev.max(dev);
            }
        }
        java.math.BigDecimal sd = ss.divide(java.math.BigDecimal.valueOf(m - 1), mc).sqrt(mc);
        return maxDev.divide(sd, mc).doubleValue();
    }

    static void assertSameAsReference(double[] x, int r) {
        double[][] ref = reference(x, r);
        ExtremeDeviates fast = ExtremeDeviates.run(x, r, 0.05, false);
        assertArrayEquals(Arrays.stream(ref[0]).mapToInt(v -> (int) v).toArray(), fast.candidates());
        double[] s = fast.statistics();
        for (int i = 0; i < s.length; i++) {
            assertEquals(ref[1][i], s[i], 1e-12 * ref[1][i], "step " + i);
        }
    }

    @Test
    void sameStepsAsTheTextbookLoopOnRandomSamplesWithTies() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 5 + rnd.nextInt(120);
            double[] x = new double[n];
            int levels = 2 + rnd.nextInt(12); // few distinct values: many ties, also at the ends
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(levels) + (rnd.nextInt(10) == 0 ? 25 * rnd.nextGaussian() : 0);
            }
            assertSameAsReference(x, n - 2);
        }
    }

    @Test
    void exactTiesBetweenTheEndsTakeTheSmallerIndex() {
        // mean 0: |−1| = |1|; numpy's argmax takes the first, index 3 (value 1) before index 4 (value −1).
        ExtremeDeviates r = ExtremeDeviates.run(new double[] {0, 0, 0, 1, -1, 0}, 1, 0.05, false);
        assertEquals(3, r.candidates()[0]);
        // Top group of equal values: the smallest index first, then the next.
        assertArrayEquals(new int[] {0, 3}, ExtremeDeviates.run(new double[] {9, 1, 2, 9, 3, 2}, 2, 0.05, false)
                .candidates());
        assertSameAsReference(new double[] {5, -5, 5, -5, 0, 5, -5, 1}, 6);
    }

    @Test
    void hugeOutliersDoNotSpoilTheSpreadOfWhatRemains() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e6 + rnd.nextGaussian();
        }
        x[10] = 1e18;
        x[20] = -3e17;
        x[30] = 1e6 + 1e5;
        ExtremeDeviates r = ExtremeDeviates.run(x, 5, 0.05, false);
        assertArrayEquals(new int[] {10, 20, 30}, Arrays.copyOf(r.candidates(), 3));
        assertArrayEquals(Arrays.stream(reference(x, 5)[0]).mapToInt(v -> (int) v).toArray(), r.candidates());
        assertEquals(3, r.outlierCount());
        // Each statistic to 1e-15 of the exact value (BigDecimal, 60 digits). The plain double loop is only good
        // to about 1e-10 here: its sums of ~300 values near 1e6 lose the digits of a unit-variance spread.
        boolean[] removed = new boolean[x.length];
        for (int step = 0; step < r.steps(); step++) {
            double exact = exactStatistic(x, removed);
            assertEquals(exact, r.statistics()[step], 1e-15 * exact, "step " + step);
            removed[r.candidates()[step]] = true;
        }
        // After the three are gone, R is an ordinary normal deviate (≈ 3 for the largest of ~300).
        assertTrue(r.statistics()[3] > 2 && r.statistics()[3] < 4.5, "R_4 " + r.statistics()[3]);
    }
}
