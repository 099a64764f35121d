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
    /** The same network (training does not read pointScore), its errors mapped by window-mean. */
    private static LstmAutoencoder.LstmAutoencoderModel windowMean;

    /** A sine of period 25 with 0.05 noise; rows 300..304 are pushed up by 3 (a burst the sine never shows). */
    @BeforeAll
    static void fit() {
        SplittableRandom r = new SplittableRandom(7);
        series = new double[N][1];
        for (int i = 0; i < N; i++) {
            series[i][0] = Math.sin(2 * Math.PI * i / 25) + 0.05 * r.nextGaussian() + (i >= SPIKE && i < SPIKE + 5 ? 3 : 0);
        }
        LstmAutoencoder options = LstmAutoencoder.with().window(20).stride(2).hidden(16).epochs(40).learningRate(0.01).seed(3);
        model = options.fit(series);
        windowMean = options.pointScore(PointScore.WINDOW_MEAN).fit(series);
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
    void oneWindowGivesItsPointErrorsOrTheirMean() {
        // one window only (n = window): window-mean gives every point that window's score, which is the mean of
        // the points' own errors that point-error gives (d = 1: the same sum in the same order)
        double[][] part = java.util.Arrays.copyOfRange(series, 0, 20);
        double[] own = model.score(part);
        double[] mean = windowMean.score(part);
        for (double v : mean) {
            assertEquals(mean[0], v, 0.0);
        }
        assertEquals(mean[0], DeepFixtures.mean(own, 0, 20), 1e-12 * mean[0]);
        assertTrue(java.util.Arrays.stream(own).distinct().count() > 1, "point errors differ along the window");
    }

    @Test
    void aSinglePointSpikeScoresAboveItsNeighbours() {
        // the sine without the burst, one reading raised by 2 (inside the sine's range [-1, 1] + 2)
        int spike = 150;
        double[][] x = java.util.Arrays.copyOfRange(series, 0, 250);
        x[spike] = new double[] {x[spike][0] + 2};
        double[] own = model.score(x);
        double[] mean = windowMean.score(x);
        // every row within a window's reach (19 rows) of the spike shares windows with it
        double ownNeighbours = 0;
        double meanNeighbours = 0;
        for (int i = spike - 19; i <= spike + 19; i++) {
            if (i != spike) {
                assertTrue(own[spike] > own[i], "spike " + own[spike] + " <= row " + i + ": " + own[i]);
                ownNeighbours = Math.max(ownNeighbours, own[i]);
                meanNeighbours = Math.max(meanNeighbours, mean[i]);
            }
        }
        // window-mean shares the spike's error with its windows: its margin over the neighbours is smaller
        assertTrue(own[spike] / ownNeighbours > mean[spike] / meanNeighbours,
                "point-error margin " + own[spike] / ownNeighbours + ", window-mean " + mean[spike] / meanNeighbours);
    }

    @Test
    void causalScoresUseNoLaterRow() {
        double[][] part = java.util.Arrays.copyOfRange(series, 0, 120);
        var causal = LstmAutoencoder.with().window(10).stride(3).hidden(4).epochs(2).seed(1)
                .pointScore(PointScore.CAUSAL).fit(part);
        double[] full = causal.score(part);
        double[] prefix = causal.score(java.util.Arrays.copyOfRange(part, 0, 60));
        for (int i = 9; i < 60; i++) {
            // the same window through the network in a batch of another size: equal up to float rounding
            assertEquals(full[i], prefix[i], 1e-5 * full[i], "row " + i);
        }
    }

    @Test
    void sameSeedSameScores() {
        double[][] part = java.util.Arrays.copyOfRange(series, 0, 120);
        for (PointScore p : PointScore.values()) {
            LstmAutoencoder l = LstmAutoencoder.with().window(10).stride(5).hidden(4).epochs(2).seed(1).pointScore(p);
            assertArrayEquals(l.fit(part).trainingScores(), l.fit(part).trainingScores(), 0.0, p.toString());
        }
    }

    @Test
    void modelFileRoundTrip(@TempDir Path dir) {
        Path f = dir.resolve("lstm.json");
        model.save(f);
        var back = (LstmAutoencoder.LstmAutoencoderModel) Detectors.load(f);
        assertArrayEquals(model.score(series), back.score(series), 0.0);
        assertEquals(model.history().rowCount(), back.history().rowCount());
        assertEquals(PointScore.POINT_ERROR, back.options().get(LstmAutoencoder.POINT_SCORE));
    }

    /**
     * A model file written before {@code pointScore} existed (LstmModelFileFixture at commit "deep: LSTM
     * autoencoder model file written before pointScore existed") loads with window-mean, what it was fitted
     * with, and gives the scores it gave then. Tolerance 1e-9 relative: the network runs in float32 and libtorch
     * may round the last bits differently on another CPU; the mappings differ by far more (point-error gives
     * each row of a stride-2 pair its own value, window-mean the same one).
     */
    @Test
    void anOlderModelFileScoresAsItDidWhenWritten() throws Exception {
        Path dir = Path.of(LstmAutoencoderTest.class.getResource("/model-files").toURI());
        var old = (LstmAutoencoder.LstmAutoencoderModel) Detectors.load(dir.resolve("lstm-autoencoder-v2.json"));
        assertEquals(PointScore.WINDOW_MEAN, old.options().get(LstmAutoencoder.POINT_SCORE));
        var expected = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("lstm-autoencoder-v2.expected.json").toFile());
        double[] scores = old.score(LstmModelFileFixture.probes());
        assertEquals(expected.get("scores").size(), scores.length);
        for (int i = 0; i < scores.length; i++) {
            double e = expected.get("scores").get(i).asDouble();
            assertEquals(e, scores[i], 1e-9 * e, "row " + i);
        }
        assertEquals(expected.get("threshold").asDouble(), old.threshold(), 0.0);
    }

    @Test
    void aSeriesShorterThanTheWindowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.score(new double[][] {{1}, {2}}));
        assertTrue(e.getMessage().contains("window=20"), e.getMessage());
    }
}
