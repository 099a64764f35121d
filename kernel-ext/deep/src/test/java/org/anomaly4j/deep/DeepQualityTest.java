package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.anomaly4j.detect.Detectors;
import org.anomaly4j.detect.Inputs;
import org.anomaly4j.detect.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.Table;

/**
 * Quality parity with pip PyTorch: each dense deep detector with its defaults (autoencoder 64, 32, 16 mirrored;
 * VAE 128, 64, 32 with latent 2; GANomaly 64, 32 with code 16; dropout 0.2; Adam 1e-3, weight decay 1e-5; batch
 * 32; 50 epochs, early stopping), trained unsupervised on all rows of the credit-card subset (V1..V28 and Amount,
 * standardised by the detector), separates the frauds as well as the same network and training rules in PyTorch
 * ({@code gen_deep.py}, {@code creditcard_<model>.json}). The random streams differ between the two (weights,
 * split, shuffles, dropout, noise), so single runs are not comparable: the mean ROC-AUC over seeds 0, 1, 2 must
 * be within ±0.02 of PyTorch's mean over its seeds 0, 1, 2 (one seed's ROC-AUC varies by about ±0.01 on either
 * side). That the arithmetic itself is PyTorch's is {@link DeepParityTest}'s job.
 */
class DeepQualityTest {

    static final double TOLERANCE = 0.02;

    @ParameterizedTest
    @ValueSource(strings = {"autoencoder", "vae", "ganomaly"})
    void creditCardRocAucMatchesPyTorch(String name) throws Exception {
        JsonNode golden = new ObjectMapper().readTree(
                Files.readString(Path.of("src/test/resources/golden/deep/creditcard_" + name + ".json")));
        Table cards = DeepData.creditcard();
        List<String> features = new ArrayList<>();
        golden.get("features").forEach(f -> features.add(f.asText()));
        double[][] x = Inputs.matrix(cards, features.toArray(String[]::new));
        boolean[] fraud = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            fraud[i] = cards.numberColumn("Class").getDouble(i) == 1;
        }
        double sum = 0;
        StringBuilder runs = new StringBuilder();
        for (int seed = 0; seed < 3; seed++) {
            Model m = Detectors.create(name, Map.of("seed", String.valueOf(seed))).fit(x, features);
            double auc = DeepFixtures.rocAuc(m.trainingScores(), fraud);
            runs.append(String.format(java.util.Locale.ROOT, "seed %d: %.4f (%d epochs); ", seed, auc,
                    ((DeepModel) m).history().rowCount()));
            sum += auc;
        }
        double mean = sum / 3;
        System.out.println(name + " credit-card ROC-AUC: " + runs + "mean " + mean + ", PyTorch "
                + golden.get("meanRocAuc").asDouble());
        assertEquals(golden.get("meanRocAuc").asDouble(), mean, TOLERANCE, runs.toString());
    }
}
