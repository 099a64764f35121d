package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The window → point mappings of {@link PointScore} on cases small enough to work by hand. */
class PointScoreTest {

    // n = 5 rows, window 3, stride 2: windows start at 0 and 2 (they overlap at row 2)
    private static final double[][] ERRORS = {{1, 2, 3}, {4, 5, 6}};
    private static final double[] WINDOW_MEANS = {2, 5};          // (1+2+3)/3, (4+5+6)/3
    private static final int[] STARTS = {0, 2};

    @Test
    void pointErrorAveragesEachPointsOwnErrorOverItsWindows() {
        // row 2 is position 2 of window 0 (error 3) and position 0 of window 1 (error 4): (3 + 4) / 2
        assertArrayEquals(new double[] {1, 2, 3.5, 5, 6},
                PointScore.POINT_ERROR.map(ERRORS, WINDOW_MEANS, STARTS, 5), 0.0);
    }

    @Test
    void windowMeanGivesEachPointTheMeanScoreOfItsWindows() {
        // rows 0, 1 only in window 0 (2); row 2 in both ((2 + 5) / 2); rows 3, 4 only in window 1 (5)
        assertArrayEquals(new double[] {2, 2, 3.5, 5, 5},
                PointScore.WINDOW_MEAN.map(ERRORS, WINDOW_MEANS, STARTS, 5), 0.0);
    }

    @Test
    void causalTakesTheLastStepOfTheWindowEndingAtThePoint() {
        // n = 5, window 3, every start: windows [0..2], [1..3], [2..4]; rows 0, 1 end no window: first window's errors
        double[][] errors = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        assertArrayEquals(new double[] {1, 2, 3, 6, 9},
                PointScore.CAUSAL.map(errors, new double[] {2, 5, 8}, new int[] {0, 1, 2}, 5), 0.0);
        assertEquals(1, PointScore.CAUSAL.scoringStride(7));
        assertEquals(7, PointScore.POINT_ERROR.scoringStride(7));
    }

    @Test
    void aSpikeKeepsItsErrorUnderPointErrorAndIsDilutedUnderWindowMean() {
        // 4 windows of 4 over 7 rows (stride 1), error 0.1 everywhere except row 3 (error 10.1, in every window)
        int window = 4;
        int[] starts = LstmAutoencoder.starts(7, window, 1);
        double[][] errors = new double[starts.length][window];
        double[] means = new double[starts.length];
        for (int k = 0; k < starts.length; k++) {
            for (int t = 0; t < window; t++) {
                errors[k][t] = starts[k] + t == 3 ? 10.1 : 0.1;
                means[k] += errors[k][t] / window;
            }
        }
        double[] own = PointScore.POINT_ERROR.map(errors, means, starts, 7);
        double[] diluted = PointScore.WINDOW_MEAN.map(errors, means, starts, 7);
        assertEquals(10.1, own[3], 1e-12);
        assertEquals(0.1, own[2], 1e-12);
        // every window holds the spike, so window-mean cannot tell row 3 from its neighbours: 0.1 + 10/4
        assertEquals(2.6, diluted[3], 1e-12);
        assertEquals(diluted[3], diluted[2], 1e-12);
    }

    @Test
    void textFormsRoundTripAndUnknownNamesAreRefused() {
        for (PointScore p : PointScore.values()) {
            assertEquals(p, PointScore.PARAM.parse(p.toString()));
            assertEquals(p, PointScore.PARAM.fromScalar(p.toString()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LstmAutoencoder.with().pointScore("max"));
        assertTrue(e.getMessage().contains("pointScore") && e.getMessage().contains("\"window-mean\""), e.getMessage());
        assertEquals(PointScore.POINT_ERROR, LstmAutoencoder.with().options().get(LstmAutoencoder.POINT_SCORE));
        assertEquals(PointScore.WINDOW_MEAN, PointScore.PARAM.absentValue());
    }
}
