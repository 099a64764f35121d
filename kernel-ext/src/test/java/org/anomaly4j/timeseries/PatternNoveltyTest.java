package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Causal pattern novelty (left matrix profile of block means): hand-worked distances, causality, bad input. */
class PatternNoveltyTest {

    @Test
    void blockMeansDropThePartialBlock() {
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(new double[] {1.5, 3.5, 5.5}, PatternNovelty.blockMeans(x, 2), 0.0);
        assertArrayEquals(new double[] {1, 2}, PatternNovelty.blockMeans(new double[] {1, 2}, 1), 0.0);
    }

    /**
     * b = 0 0 1 1 0 0 5 5, m = 2 (patterns (b_{k−1}, b_k), earlier non-overlapping ones end at j = 1 … k−2):
     * d_3: (1,1) vs (0,0) → √2; d_4: (1,0) vs (0,0) → 1; d_5: (0,0) vs (0,0) → 0; d_6: (0,5) vs (0,1) → 4;
     * d_7: (5,5) vs (1,1) → √32 (the others are √41 and √50).
     */
    @Test
    void distancesByHand() {
        double[] d = PatternNovelty.distances(new double[] {0, 0, 1, 1, 0, 0, 5, 5}, 2);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, Math.sqrt(2), 1, 0, 4, Math.sqrt(32)}, d,
                1e-15);
    }

    @Test
    void aRepeatedPatternIsNotNovelAndANewLevelIs() {
        double[] b = new double[60];
        for (int k = 0; k < b.length; k++) {
            b[k] = k % 5; // period 5: every pattern of 3 recurs
        }
        b[50] = 9; // a level never seen
        double[] d = PatternNovelty.distances(b, 3);
        for (int k = 10; k < 50; k++) {
            assertEquals(0.0, d[k], 0.0, "repeated pattern at " + k);
        }
        assertTrue(d[50] >= 5, "new level: " + d[50]); // nearest earlier pattern differs by at least 9 − 4 in b_50
    }

    /** With history 2 the pattern (5,5) ending at 7 sees only those ending at 4 and 5: (1,0) → √41, (0,0) → √50. */
    @Test
    void aBoundedHistorySearchesOnlyTheLatestPatterns() {
        double[] b = {0, 0, 1, 1, 0, 0, 5, 5};
        double[] d = PatternNovelty.distances(b, 2, 2);
        assertEquals(Math.sqrt(41), d[7], 1e-15);
        assertEquals(Math.sqrt(2), d[3], 1e-15);
        assertArrayEquals(PatternNovelty.distances(b, 2), PatternNovelty.distances(b, 2, 100), 0.0);
    }

    @Test
    void appendingFuturePointsNeverChangesPastDistances() {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i / 7.0) + r.nextDouble();
        }
        double[] prefix = Arrays.copyOf(x, 300);
        double[] full = PatternNovelty.distances(PatternNovelty.blockMeans(x, 3), 4);
        double[] part = PatternNovelty.distances(PatternNovelty.blockMeans(prefix, 3), 4);
        assertArrayEquals(part, Arrays.copyOf(full, part.length), 0.0);
        // and the NAB channel built on it, at a fixed probationary length
        double[] uFull = NabSurprise.noveltyLikelihood(x, 60, 4, 5);
        double[] uPart = NabSurprise.noveltyLikelihood(prefix, 60, 4, 5);
        assertArrayEquals(uPart, Arrays.copyOf(uFull, uPart.length), 0.0);
    }

    @Test
    void inputIsNotModified() {
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        double[] x0 = x.clone();
        PatternNovelty.distances(PatternNovelty.blockMeans(x, 2), 1);
        assertArrayEquals(x0, x, 0.0);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PatternNovelty.blockMeans(new double[4], 0));
        assertThrows(IllegalArgumentException.class, () -> PatternNovelty.distances(new double[4], 0));
        assertThrows(IllegalArgumentException.class, () -> PatternNovelty.distances(new double[4], 1, 0));
    }
}
