package org.anomaly4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Selection must give exactly the sorted order statistics, with ties, sorted and reversed input. */
class SelectRanksTest {

    @Test
    void equalsSortedOrderStatistics() {
        Random r = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + r.nextInt(400);
            double[] x = new double[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                x[i] = switch (kind) {
                    case 0 -> r.nextGaussian();
                    case 1 -> r.nextInt(5);          // many ties
                    case 2 -> i;                     // sorted
                    default -> n - i;                // reversed
                };
            }
            double[] before = x.clone();
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            int[] ranks = new int[] {0, (n - 1) / 4, Math.min((n - 1) / 4 + 1, n - 1), (n - 1) / 2,
                    Math.min((n - 1) / 2 + 1, n - 1), 3 * (n - 1) / 4, Math.min(3 * (n - 1) / 4 + 1, n - 1), n - 1};
            Arrays.sort(ranks);
            double[] got = Nums.selectRanks(x, ranks);
            for (int i = 0; i < ranks.length; i++) {
                assertEquals(sorted[ranks[i]], got[i], 0.0, "trial " + trial + " rank " + ranks[i]);
            }
            assertArrayEquals(before, x, 0.0, "input unchanged");
        }
    }
}
