package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.anomaly4j.detect.Detectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LstmAutoencoderTest {

    private static final int N = 400;
    private static final int SPIKE = 300;
    private static double[][] series;
    private static LstmAutoencoder.LstmAutoencoderModel model;

    /** A sine of period 25 with 0.05 noise; rows 300..304 are pushed up by 3 (a burst the sine never shows). */
    @BeforeAll
    static void fit() {
        SplittableRandom r = new SplittableRandom(7);
        series = new double[N][1];
        for (int i = 0; i < N; i++) {
            series[i][0] = Math.sin(2 * Math.PI * i / 25) + 0.05 * r.nextGaussian() + (i >= SPIKE && i < SPIKE + 5 ? 3 : 0);
        }
        model = LstmAutoencoder.with().window(20).stride(2).hidden(16).epochs(40).learningRate(0.01).seed(3).fit(series);
    }

    @Test
    void theBurstScoresHighest() {
        double[] s = model.trainingScores();
        assertEquals(N, s.length);
        int max = 0;
        for (int i = 1; i < N; i++) {
            max = s[i] > s[max] ? i : max;
        }
        // the windows covering the burst reach 19 rows either side of it
        assertTrue(max >= SPIKE - 19 && max < SPIKE + 5 + 19, "highest score at row " + max);
        assertTrue(s[SPIKE + 2] > 3 * DeepFixtures.mean(s, 0, SPIKE - 40), "burst " + s[SPIKE + 2] + ", before "
                + DeepFixtures.mean(s, 0, SPIKE - 40));
    }

    @Test
    void windowsCoverEveryRow() {
        assertArrayEquals(new int[] {0, 4, 6}, LstmAutoencoder.starts(10, 4, 4));
        assertArrayEquals(new int[] {0, 1, 2}, LstmAutoencoder.starts(5, 3, 1));
        assertArrayEquals(new int[] {0}, LstmAutoencoder.starts(3, 3, 5));
    }

    @Test
    void pointScoreIsTheMeanOfItsWindows() {
        // one window only (n = window): every point has that window's score
        double[][] part = java.util.Arrays.copyOfRange(series, 0, 20);
        double[] s = model.score(part);
        for (double v : s) {
            assertEquals(s[0], v, 0.0);
        }
    }

    @Test
    void sameSeedSameScores() {
        LstmAutoencoder l = LstmAutoencoder.with().window(10).stride(5).hidden(4).epochs(2).seed(1);
        double[][] part = java.util.Arrays.copyOfRange(series, 0, 120);
        assertArrayEquals(l.fit(part).trainingScores(), l.fit(part).trainingScores(), 0.0);
    }

    @Test
    void modelFileRoundTrip(@TempDir Path dir) {
        Path f = dir.resolve("lstm.json");
        model.save(f);
        var back = (LstmAutoencoder.LstmAutoencoderModel) Detectors.load(f);
        assertArrayEquals(model.score(series), back.score(series), 0.0);
        assertEquals(model.history().rowCount(), back.history().rowCount());
    }

    @Test
    void aSeriesShorterThanTheWindowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.score(new double[][] {{1}, {2}}));
        assertTrue(e.getMessage().contains("window=20"), e.getMessage());
    }
}
