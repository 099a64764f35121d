package org.anomaly4j.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.junit.jupiter.api.Test;

/**
 * numpy's quantile, percentile and median (golden/stats/quantiles.json, gen_stats.py) to the last bit, and
 * selection equal to sorting. Tolerance 0: Quantiles repeats numpy's operations in numpy's order.
 */
class QuantilesTest {

    private static final JsonNode GOLDEN = TableFixtures.golden("stats", "quantiles.json");

    @Test
    void quantilePercentileAndMedianEqualNumpyToTheBit() {
        int checked = 0;
        int naiveWouldDiffer = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            String name = c.get("name").asText();
            double[] x = TableFixtures.doubles(c.get("values"));
            double[] before = x.clone();
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double[] qs = TableFixtures.doubles(c.get("q"));
            double[] expectedQ = TableFixtures.doubles(c.get("quantile"));
            for (int k = 0; k < qs.length; k++) {
                assertEquals(expectedQ[k], Quantiles.quantileOfSorted(sorted, qs[k]), 0.0, name + " quantile " + qs[k]);
                checked++;
            }
            double[] ps = TableFixtures.doubles(c.get("p"));
            double[] expectedP = TableFixtures.doubles(c.get("percentile"));
            for (int k = 0; k < ps.length; k++) {
                assertEquals(expectedP[k], Quantiles.percentile(x, ps[k]), 0.0, name + " percentile " + ps[k]);
                if (naivePercentile(sorted, ps[k]) != expectedP[k]) {
                    naiveWouldDiffer++;
                }
                checked++;
            }
            assertEquals(c.get("median").asDouble(), Quantiles.median(x), 0.0, name + " median");
            assertEquals(c.get("median").asDouble(), Quantiles.medianOfSorted(sorted), 0.0, name + " median");
            assertArrayEquals(before, x, 0.0, name + ": input unchanged");
        }
        assertEquals(8 * (13 + 18), checked);
        // The golden discriminates: the textbook form (n − 1)·p/100 with a + t·(b − a) misses some of these bits.
        assertTrue(naiveWouldDiffer > 0, "no case separates numpy's interpolation from the naive one");
    }

    /** The formula this class replaced: (n − 1)·p/100 and a + t·(b − a) always (not numpy's rounding). */
    private static double naivePercentile(double[] sorted, double p) {
        double pos = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    @Test
    void lerpUsesTheUpperEndFromOneHalf() {
        // Halfway between 0.4 and 2.3: 0.4 + 0.5·1.9 = 1.35 but 2.3 − 0.5·1.9 = 1.3499999999999999; numpy
        // (np.quantile([0.4, 2.3], 0.5)) gives the second.
        assertEquals(1.3499999999999999, Quantiles.lerp(0.4, 2.3, 0.5), 0.0);
        assertTrue(0.4 + (2.3 - 0.4) * 0.5 != Quantiles.lerp(0.4, 2.3, 0.5), "the two forms differ here");
        assertEquals(0.4 + (2.3 - 0.4) * 0.25, Quantiles.lerp(0.4, 2.3, 0.25), 0.0);
        assertEquals(5.0, Quantiles.lerp(5.0, 5.0, 0.5), 0.0);
    }

    @Test
    void percentileOfNoValuesIsAnError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Quantiles.percentile(new double[0], 50))
                .getMessage().contains("no values"));
    }

    @Test
    void selectRanksEqualsSortedOrderStatistics() {
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
            double[] got = Quantiles.selectRanks(x, ranks);
            for (int i = 0; i < ranks.length; i++) {
                assertEquals(sorted[ranks[i]], got[i], 0.0, "trial " + trial + " rank " + ranks[i]);
            }
            assertArrayEquals(before, x, 0.0, "input unchanged");
        }
    }

    /** In place on a prefix: the values past n (here +∞ sentinels) are neither read as ranks nor moved. */
    @Test
    void selectRanksInPlaceUsesOnlyThePrefix() {
        Random rng = new Random(5);
        int n = 1001;
        double[] a = new double[n + 50];
        Arrays.fill(a, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian();
        }
        double[] sorted = Arrays.copyOf(a, n);
        Arrays.sort(sorted);
        int[] ranks = {0, 250, 251, 500, 501, 750, 751, n - 1};
        double[] got = Quantiles.selectRanksInPlace(a, n, ranks);
        for (int i = 0; i < ranks.length; i++) {
            assertEquals(sorted[ranks[i]], got[i], 0.0, "rank " + ranks[i]);
        }
        for (int i = n; i < a.length; i++) {
            assertEquals(Double.POSITIVE_INFINITY, a[i], 0.0, "a[" + i + "] past the prefix");
        }
        double[] prefix = Arrays.copyOf(a, n);
        Arrays.sort(prefix);
        assertArrayEquals(sorted, prefix, 0.0, "the prefix is a permutation of the values");
    }
}
