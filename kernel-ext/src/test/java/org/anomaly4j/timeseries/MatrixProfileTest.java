package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * STOMP against the definition computed by brute force (z-normalise both subsequences, Euclidean distance,
 * O(n²m)). Tolerance 1e-7 absolute on distances of order √m: the sliding dot product and the ρ formula lose
 * a few digits to cancellation on nearly identical shapes, where d is small.
 */
class MatrixProfileTest {

    /** A noisy sine with period 50, a flat stretch (constant subsequences) and one distorted cycle at 600..624. */
    private static double[] series() {
        Random r = new Random(42);
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 + 5 * Math.sin(2 * Math.PI * i / 50) + 0.2 * r.nextGaussian();
        }
        for (int i = 300; i < 340; i++) {
            x[i] = 100;
        }
        for (int i = 600; i < 625; i++) {
            x[i] = 100 + 5 * Math.sin(4 * Math.PI * i / 50) + 0.2 * r.nextGaussian();
        }
        return x;
    }

    private static double bruteDistance(double[] x, int i, int j, int m) {
        double[] a = znorm(x, i, m);
        double[] b = znorm(x, j, m);
        if (a == null || b == null) {
            return a == null && b == null ? 0 : Math.sqrt(m);
        }
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }

    /** z-normalised copy, or null for a constant subsequence. */
    private static double[] znorm(double[] x, int i, int m) {
        double mean = 0;
        for (int k = 0; k < m; k++) {
            mean += x[i + k];
        }
        mean /= m;
        double var = 0;
        boolean constant = true;
        for (int k = 0; k < m; k++) {
            var += (x[i + k] - mean) * (x[i + k] - mean);
            constant &= x[i + k] == x[i];
        }
        if (constant) {
            return null;
        }
        double sd = Math.sqrt(var / m);
        double[] z = new double[m];
        for (int k = 0; k < m; k++) {
            z[k] = (x[i + k] - mean) / sd;
        }
        return z;
    }

    @Test
    void profileEqualsBruteForce() {
        double[] x = series();
        double[] copy = x.clone();
        for (int m : new int[] {25, 8}) {
            MatrixProfile mp = MatrixProfile.of(x, m);
            int l = x.length - m + 1;
            int zone = MatrixProfile.exclusionZone(m);
            double[] p = mp.profile();
            int[] idx = mp.index();
            assertEquals(l, p.length);
            for (int i = 0; i < l; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < l; j++) {
                    if (Math.abs(i - j) > zone) {
                        best = Math.min(best, bruteDistance(x, i, j, m));
                    }
                }
                assertEquals(best, p[i], 1e-7, "m " + m + " profile at " + i);
                assertTrue(Math.abs(idx[i] - i) > zone, "match outside the exclusion zone at " + i);
                assertEquals(best, bruteDistance(x, i, idx[i], m), 1e-7, "m " + m + " index at " + i);
            }
        }
        assertArrayEquals(copy, x, "input unchanged");
    }

    @Test
    void theDistortedCycleIsTheTopDiscordAndFlatStretchesMatchEachOther() {
        double[] x = series();
        MatrixProfile mp = MatrixProfile.of(x, 25);
        int top = mp.discords(1)[0];
        assertTrue(top > 600 - 25 && top < 625, "top discord overlaps the distorted cycle, got " + top);
        int[] three = mp.discords(3);
        assertEquals(3, three.length);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                assertTrue(Math.abs(three[a] - three[b]) > 25, "discords do not overlap");
            }
        }
        // Windows inside the flat stretch (300..339) are constant: their nearest match is another one, at 0.
        assertEquals(0.0, mp.profile()[302]);
        double[] points = mp.pointScores();
        assertEquals(x.length, points.length);
        assertEquals(mp.profile()[top], points[top + 12], 0.0, "the discord's points carry its score");
        MatrixProfile fromTable = MatrixProfile.of(Table.create("t", DoubleColumn.create("v", x)), "v", 25);
        assertArrayEquals(mp.profile(), fromTable.profile(), 0.0);
    }

    @Test
    void errors() {
        String m = assertThrows(IllegalArgumentException.class, () -> MatrixProfile.of(new double[100], 2))
                .getMessage();
        assertTrue(m.contains("window m must be >= 3, got 2"), m);
        m = assertThrows(IllegalArgumentException.class, () -> MatrixProfile.of(new double[20], 16)).getMessage();
        assertTrue(m.contains("at least 21"), m);
        assertThrows(IllegalArgumentException.class, () -> MatrixProfile.of(series(), 10).discords(0));
    }
}
