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

class GanomalyTest {

    private static final int N = 400;
    private static final int OUT = 8;
    private static double[][] x;
    private static Ganomaly.GanomalyModel model;

    @BeforeAll
    static void fit() {
        x = DeepFixtures.correlated(N, 6, OUT, 5);
        model = Ganomaly.with().hidden(16).latent(2).dropout(0).epochs(40).learningRate(0.005).seed(4).fit(x);
    }

    @Test
    void rowsOffThePlaneGetDistantCodes() {
        boolean[] y = new boolean[N];
        for (int i = N - OUT; i < N; i++) {
            y[i] = true;
        }
        double auc = DeepFixtures.rocAuc(model.trainingScores(), y);
        assertTrue(auc > 0.9, "ROC-AUC " + auc);
    }

    @Test
    void theLatentScoreIsThePapersCodeDistance() {
        // same seed and options, other score: the same networks, so identical histories, other scores
        var latent = Ganomaly.with().hidden(16).latent(2).dropout(0).epochs(40).learningRate(0.005).seed(4)
                .score("latent").fit(x);
        assertEquals(model.history().print(), latent.history().print());
        assertTrue(!java.util.Arrays.equals(model.trainingScores(), latent.trainingScores()));
        for (double v : latent.trainingScores()) {
            assertTrue(v >= 0);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ganomaly.with().score("both"));
        assertTrue(e.getMessage().contains("reconstruction or latent"), e.getMessage());
    }

    @Test
    void sameSeedSameScores() {
        Ganomaly g = Ganomaly.with().hidden(8).latent(2).epochs(2).seed(3);
        assertArrayEquals(g.fit(x).trainingScores(), g.fit(x).trainingScores(), 0.0);
    }

    @Test
    void theMonitoredLossIsTheReconstructionAndLatentLoss() {
        // with the adversarial weight at 0 the training loss is exactly what validation monitors, so both fall
        var m = Ganomaly.with().hidden(8).latent(2).dropout(0).weights(0, 50, 1).epochs(10).learningRate(0.01).seed(2).fit(x);
        var h = m.history();
        assertTrue(h.doubleColumn("val_loss").get(h.rowCount() - 1) < h.doubleColumn("val_loss").get(0));
    }

    @Test
    void modelFileRoundTrip(@TempDir Path dir) {
        Path f = dir.resolve("ganomaly.json");
        model.save(f);
        var back = (Ganomaly.GanomalyModel) Detectors.load(f);
        assertArrayEquals(model.score(x), back.score(x), 0.0);
        assertEquals(model.options(), back.options());
    }

    @Test
    void badOptionsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ganomaly.with().weights(1, -1, 1));
        assertTrue(e.getMessage().contains("wCon"), e.getMessage());
    }
}
