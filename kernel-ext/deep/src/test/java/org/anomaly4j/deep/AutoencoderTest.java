package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.anomaly4j.detect.Detectors;
import org.anomaly4j.detect.Model;
import org.anomaly4j.io.InvalidModelFileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

class AutoencoderTest {

    private static final int N = 400;
    private static final int OUT = 8;
    private static double[][] x;
    private static Autoencoder.AutoencoderModel model;

    @BeforeAll
    static void fit() {
        x = DeepFixtures.correlated(N, 6, OUT, 3);
        model = Autoencoder.with().hidden(8, 2).dropout(0).epochs(60).batchSize(32).learningRate(0.01).seed(5).fit(x);
    }

    @Test
    void outliersOffThePlaneReconstructWorst() {
        double[] s = model.trainingScores();
        boolean[] y = new boolean[N];
        for (int i = N - OUT; i < N; i++) {
            y[i] = true;
        }
        assertTrue(DeepFixtures.rocAuc(s, y) > 0.95, "ROC-AUC " + DeepFixtures.rocAuc(s, y));
        double out = DeepFixtures.mean(s, N - OUT, N);
        double in = DeepFixtures.mean(s, 0, N - OUT);
        assertTrue(out > 3 * in, "mean score of outliers " + out + ", of the rest " + in);
    }

    @Test
    void sameSeedSameScoresOtherSeedOtherWeights() {
        Autoencoder ae = Autoencoder.with().hidden(8, 2).epochs(3).seed(11);
        double[] a = ae.fit(x).trainingScores();
        double[] b = ae.fit(x).trainingScores();
        assertArrayEquals(a, b, 0.0);
        double[] c = ae.seed(12).fit(x).trainingScores();
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void scoresAreTheMeanSquaredReconstructionErrorOfTheStandardisedRow() {
        double[][] r = model.reconstruct(new double[][] {x[0]});
        // standardise by hand from the training data
        int d = x[0].length;
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double m = 0;
            for (double[] row : x) {
                m += row[j];
            }
            m /= N;
            double v = 0;
            for (double[] row : x) {
                v += (row[j] - m) * (row[j] - m);
            }
            double sd = Math.sqrt(v / N);
            double e = (x[0][j] - r[0][j]) / sd;
            sum += e * e;
        }
        assertEquals(sum / d, model.score(new double[][] {x[0]})[0], 1e-12);
    }

    @Test
    void explainGivesEachFeaturesShareOfTheError() {
        double[] e = model.explain(x[N - 1]);
        double total = 0;
        int max = 0;
        for (int j = 0; j < e.length; j++) {
            assertTrue(e[j] >= 0);
            total += e[j];
            max = e[j] > e[max] ? j : max;
        }
        assertEquals(1, total, 1e-12);
        // the outlier was moved along feature 1, but the bottleneck spreads the error: feature 1 must carry a
        // large share, not necessarily the largest
        assertTrue(e[1] > 1.0 / e.length, "share of feature 1: " + e[1]);
    }

    @Test
    void historyHasOneRowPerEpochAndKeepsTheBestEpoch() {
        Table h = model.history();
        assertEquals(List.of("epoch", "loss", "val_loss"), h.columnNames());
        assertTrue(h.rowCount() >= 1 && h.rowCount() <= 60);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < h.rowCount(); i++) {
            best = Math.min(best, h.doubleColumn("val_loss").get(i));
        }
        assertEquals(best, h.doubleColumn("val_loss").get(model.bestEpoch() - 1), 0.0);
        assertTrue(h.doubleColumn("loss").get(h.rowCount() - 1) < h.doubleColumn("loss").get(0));
    }

    @Test
    void earlyStoppingStopsBeforeTheEpochLimit() {
        var m = Autoencoder.with().hidden(4, 2).epochs(500).patience(2).lrPatience(0).learningRate(0.05).seed(1).fit(x);
        assertTrue(m.history().rowCount() < 500, m.history().rowCount() + " epochs");
    }

    @Test
    void defaultThresholdFlagsTenPercentOfTheTrainingRows() {
        assertEquals(N / 10, model.trainingAnomalies(), 1);
    }

    @Test
    void modelFileRoundTripScoresTheSame(@TempDir Path dir) {
        Path f = dir.resolve("ae.json");
        model.save(f);
        Model back = Detectors.load(f);
        assertTrue(back instanceof Autoencoder.AutoencoderModel);
        assertArrayEquals(model.score(x), back.score(x), 0.0);
        assertEquals(model.threshold(), back.threshold(), 0.0);
        assertEquals(model.options(), back.options());
        assertEquals(model.history().print(), ((Autoencoder.AutoencoderModel) back).history().print());
    }

    @Test
    void aTamperedLayerShapeIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ae.json");
        model.save(f);
        String json = java.nio.file.Files.readString(f).replaceFirst("\"shape\" ?: ?\\[ ?8 ?, ?6 ?\\]", "\"shape\":[8,5]");
        java.nio.file.Files.writeString(f, json);
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> Detectors.load(f));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void registeredThroughTheProvider() {
        assertTrue(Detectors.names().contains("autoencoder"));
        var d = Detectors.create("autoencoder", Map.of("hidden", "16,4", "epochs", "7"));
        assertEquals(Autoencoder.with().hidden(16, 4).epochs(7), d);
        assertTrue(Detectors.help().contains("hidden"));
    }

    @Test
    void badInputAndOptionsNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autoencoder.with().hidden());
        assertTrue(e.getMessage().contains("at least one size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autoencoder.with().dropout(1));
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
        double[][] nan = {{1, 2}, {Double.NaN, 1}};
        e = assertThrows(IllegalArgumentException.class, () -> Autoencoder.with().fit(nan));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autoencoder.with().validation(0.5).fit(new double[][] {{1}}));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.score(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("6 features"), e.getMessage());
    }

    @Test
    void inputsAreNotMutated() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        Autoencoder.with().hidden(4).epochs(1).fit(x);
        model.score(x);
        model.explain(x[3]);
        model.reconstruct(x);
        assertArrayEquals(copy, x);
    }
}
