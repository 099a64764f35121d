package org.anomaly4j.detect.neighbors;

import static org.anomaly4j.detect.neighbors.NeighborsGolden.REL_TOL;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.assertClose;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.json;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.matrix;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

import org.anomaly4j.detect.neighbors.NearestNeighbors.Structure;
import org.junit.jupiter.api.Test;

/** LOF against scikit-learn 1.9.1 {@code LocalOutlierFactor} (golden/neighbors, tolerance: see {@link NeighborsGolden#REL_TOL}). */
class LocalOutlierFactorTest {

    @Test
    void syntheticWithDuplicatesEqualsScikitLearn() {
        JsonNode g = json("lof_synthetic.json");
        double[][] x = matrix(g.get("x"));
        JsonNode e = g.get("lof20");
        for (Structure s : new Structure[] {Structure.KD_TREE, Structure.BRUTE}) {
            LocalOutlierFactor lof = LocalOutlierFactor.fit(x, 20, s);
            assertEquals(20, lof.neighbors());
            assertFalse(lof.clipped());
            assertClose(vector(e.get("k_distance")), lof.kDistances(), REL_TOL, s + " k-distance");
            assertClose(vector(e.get("lrd")), lof.localReachabilityDensities(), REL_TOL, s + " lrd");
            assertClose(vector(e.get("lof")), lof.trainingScores(), REL_TOL, s + " LOF");
            assertClose(vector(e.get("new_lof")), lof.score(matrix(g.get("new"))), REL_TOL, s + " novelty LOF");
        }
        // the row repeated 25 times (> k) has k-distance 0 and lrd = 1 / 1e-10 exactly as scikit-learn
        assertEquals(1e10, LocalOutlierFactor.fit(x, 20).localReachabilityDensities()[7], 1e-3);
        assertTrue(Arrays.stream(vector(e.get("lof"))).max().orElseThrow() > 1e9, "golden exercises the 1e-10 path");
    }

    @Test
    void neighboursAboveNMinusOneAreClippedAsScikitLearnDoes() {
        JsonNode g = json("lof_synthetic.json");
        double[][] small = Arrays.copyOf(matrix(g.get("x")), g.get("small_rows").asInt());
        JsonNode e = g.get("lof50_small");
        LocalOutlierFactor lof = LocalOutlierFactor.fit(small, 50);
        assertEquals(e.get("n_neighbors_").asInt(), lof.neighbors());
        assertEquals(50, lof.requestedNeighbors());
        assertTrue(lof.clipped());
        assertTrue(e.get("warnings").get(0).asText().contains("will be set to (n_samples - 1)"));
        assertClose(vector(e.get("lof")), lof.trainingScores(), REL_TOL, "clipped LOF");
    }

    @Test
    void hive17EqualsScikitLearn() {
        JsonNode g = json("lof_hive17.json");
        double[][] x = NeighborsGolden.hive17();
        assertEquals(g.get("rows").asInt(), x.length);
        double err = assertClose(vector(g.get("lof20").get("lof")), LocalOutlierFactor.fit(x, 20).trainingScores(),
                REL_TOL, "Hive17 LOF");
        int first = g.get("novelty_fit_rows").asInt();
        double[][] rest = Arrays.copyOfRange(x, first, x.length);
        double errNew = assertClose(vector(g.get("novelty_lof")),
                LocalOutlierFactor.fit(Arrays.copyOf(x, first), 20).score(rest), REL_TOL, "Hive17 novelty LOF");
        System.out.printf("Hive17 LOF max relative error %.2e (training), %.2e (novelty)%n", err, errNew);
    }

    @Test
    void thyroidEqualsScikitLearn() {
        JsonNode g = json("lof_thyroid.json");
        double[][] x = NeighborsGolden.adbench("38_thyroid.csv");
        double err = assertClose(vector(g.get("lof20")), LocalOutlierFactor.fit(x, 20).trainingScores(), REL_TOL,
                "thyroid LOF");
        System.out.printf("thyroid LOF max relative error %.2e%n", err);
    }

    @Test
    void restoredStateScoresLikeTheFit() {
        JsonNode g = json("lof_synthetic.json");
        double[][] x = matrix(g.get("x"));
        double[][] q = matrix(g.get("new"));
        LocalOutlierFactor fit = LocalOutlierFactor.fit(x, 20);
        LocalOutlierFactor back = LocalOutlierFactor.restore(x, 20, fit.kDistances(), fit.localReachabilityDensities(),
                fit.trainingScores());
        assertArrayEquals(fit.score(q), back.score(q), 0.0);
        assertArrayEquals(fit.trainingScores(), back.trainingScores(), 0.0);
        var bad = assertThrows(IllegalArgumentException.class,
                () -> LocalOutlierFactor.restore(x, 20, new double[3], fit.localReachabilityDensities(), fit.trainingScores()));
        assertTrue(bad.getMessage().contains("kDistances"), bad.getMessage());
    }

    @Test
    void withoutTiedDistancesScoresDoNotDependOnRowOrder() {
        // continuous Gaussian rows: no two distances tie, so the neighbour sets and the scores are order-free.
        // (With tied k-th distances — rounded data such as Hive17 — LOF depends on which tied rows are taken,
        // and scikit-learn's choice depends on the row order; we follow scikit-learn's choice.)
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int n = 500;
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextDouble() * r.nextDouble() * 10;
            }
        }
        double[][] reversed = new double[n][];
        for (int i = 0; i < n; i++) {
            reversed[i] = x[n - 1 - i];
        }
        for (Structure s : new Structure[] {Structure.KD_TREE, Structure.BRUTE}) {
            double[] base = LocalOutlierFactor.fit(x, 20, s).trainingScores();
            double[] rev = LocalOutlierFactor.fit(reversed, 20, s).trainingScores();
            for (int i = 0; i < n; i++) {
                assertEquals(base[i], rev[n - 1 - i], 1e-12 * base[i], s + " row " + i);
            }
        }
    }

    @Test
    void naturalThresholdIsScikitLearnsAutoOffset() {
        // scikit-learn: offset_ = -1.5 for contamination='auto'
        assertEquals(-json("lof_synthetic.json").get("lof20").get("offset").asDouble(), LocalOutlierFactor.NATURAL_THRESHOLD);
    }

    @Test
    void badInputAndNoMutation() {
        double[][] x = {{0, 0}, {1, 1}, {2, 0}};
        double[][] copy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        LocalOutlierFactor.fit(x, 2).score(x);
        assertTrue(Arrays.deepEquals(copy, x));
        assertThrows(IllegalArgumentException.class, () -> LocalOutlierFactor.fit(x, 0));
        var one = assertThrows(IllegalArgumentException.class, () -> LocalOutlierFactor.fit(new double[][] {{1}}, 5));
        assertTrue(one.getMessage().contains("at least 2 rows"), one.getMessage());
        var inf = assertThrows(IllegalArgumentException.class,
                () -> LocalOutlierFactor.fit(new double[][] {{1}, {Double.POSITIVE_INFINITY}}, 1));
        assertTrue(inf.getMessage().contains("row 1"), inf.getMessage());
    }
}
