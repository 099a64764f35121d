package org.anomaly4j.detect.neighbors;

import static org.anomaly4j.detect.neighbors.NeighborsGolden.REL_TOL;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.assertClose;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.json;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.matrix;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.anomaly4j.detect.neighbors.KnnDistance.Method;
import org.junit.jupiter.api.Test;

/** k-NN distance scores against PyOD's KNN formula over scikit-learn's NearestNeighbors (golden/neighbors). */
class KnnDistanceTest {

    @Test
    void syntheticEqualsPyodFormula() {
        JsonNode g = json("lof_synthetic.json");
        double[][] x = matrix(g.get("x"));
        double[][] q = matrix(g.get("new"));
        JsonNode e = g.get("knn5");
        for (Method m : Method.values()) {
            String key = m.name().toLowerCase(Locale.ROOT);
            KnnDistance knn = KnnDistance.fit(x, 5, m);
            assertClose(vector(e.get(key)), knn.trainingScores(), REL_TOL, key);
            assertClose(vector(e.get("new_" + key)), knn.score(q), REL_TOL, "new rows " + key);
        }
    }

    @Test
    void hive17AndThyroidEqualPyodFormula() {
        assertClose(vector(json("lof_hive17.json").get("knn5_largest")),
                KnnDistance.fit(NeighborsGolden.hive17(), 5, Method.LARGEST).trainingScores(), REL_TOL, "Hive17 largest");
        JsonNode t = json("lof_thyroid.json");
        double[][] x = NeighborsGolden.adbench("38_thyroid.csv");
        assertClose(vector(t.get("knn5_largest")), KnnDistance.fit(x, 5, Method.LARGEST).trainingScores(), REL_TOL,
                "thyroid largest");
        assertClose(vector(t.get("knn5_mean")), KnnDistance.fit(x, 5, Method.MEAN).trainingScores(), REL_TOL,
                "thyroid mean");
    }

    @Test
    void medianOfEvenKIsTheMeanOfTheMiddlePair() {
        // row 0 of {0, 1, 2, 4, 8}: distances 1, 2, 4, 8 → median (2 + 4) / 2 = 3; largest 8; mean 15 / 4
        double[][] x = {{0}, {1}, {2}, {4}, {8}};
        assertTrue(KnnDistance.fit(x, 4, Method.MEDIAN).trainingScores()[0] == 3.0);
        assertTrue(KnnDistance.fit(x, 4, Method.LARGEST).trainingScores()[0] == 8.0);
        assertTrue(KnnDistance.fit(x, 4, Method.MEAN).trainingScores()[0] == 3.75);
    }

    @Test
    void restoreAndBadInput() {
        double[][] x = NeighborsGolden.hive17();
        KnnDistance fit = KnnDistance.fit(x, 5, Method.MEAN);
        KnnDistance back = KnnDistance.restore(x, 5, Method.MEAN, fit.trainingScores());
        assertArrayEquals(fit.score(x), back.score(x), 0.0);
        var k = assertThrows(IllegalArgumentException.class, () -> KnnDistance.fit(new double[][] {{0}, {1}}, 2, Method.MEAN));
        assertTrue(k.getMessage().contains("[1, 1]"), k.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KnnDistance.fit(x, 5, null));
    }
}
