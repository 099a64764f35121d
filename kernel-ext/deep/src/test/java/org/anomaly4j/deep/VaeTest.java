package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.anomaly4j.detect.Detectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeTest {

    private static final int N = 400;
    private static final int OUT = 8;
    private static double[][] x;
    private static Vae.VaeModel model;

    @BeforeAll
    static void fit() {
        x = DeepFixtures.correlated(N, 6, OUT, 4);
        model = Vae.with().hidden(16, 8).latent(2).dropout(0).epochs(60).learningRate(0.01).seed(2).fit(x);
    }

    @Test
    void rowsOffTheLatentPlaneHaveTheLargestNegativeElbo() {
        double[] s = model.trainingScores();
        boolean[] y = new boolean[N];
        for (int i = N - OUT; i < N; i++) {
            y[i] = true;
        }
        double auc = DeepFixtures.rocAuc(s, y);
        assertTrue(auc > 0.95, "ROC-AUC " + auc);
    }

    @Test
    void withBetaZeroTheScoreIsHalfTheSquaredErrorAndNeverNegative() {
        var m = Vae.with().hidden(8).latent(2).beta(0).epochs(2).seed(1).fit(x);
        for (double v : m.trainingScores()) {
            assertTrue(v >= 0);
        }
    }

    @Test
    void scoresAreNonNegativeAndEncodeGivesTheLatentMeans() {
        // score = ½ squared error + beta · KL with KL(q || N(0, I)) >= 0
        double[][] mu = model.encode(x);
        assertEquals(N, mu.length);
        assertEquals(2, mu[0].length);
        for (double v : model.trainingScores()) {
            assertTrue(v >= 0, "negative ELBO with a unit-variance decoder and beta 1 is >= 0 up to the dropped constant");
        }
    }

    @Test
    void sameSeedSameScores() {
        Vae v = Vae.with().hidden(8).latent(2).epochs(3).seed(9);
        assertArrayEquals(v.fit(x).trainingScores(), v.fit(x).trainingScores(), 0.0);
    }

    @Test
    void modelFileRoundTrip(@TempDir Path dir) {
        Path f = dir.resolve("vae.json");
        model.save(f);
        var back = (Vae.VaeModel) Detectors.load(f);
        assertArrayEquals(model.score(x), back.score(x), 0.0);
        assertEquals(model.options(), back.options());
        assertEquals(model.bestEpoch(), back.bestEpoch());
    }

    @Test
    void badOptionsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vae.with().latent(0));
        assertTrue(e.getMessage().contains("latent"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vae.with().beta(-1));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
    }
}
