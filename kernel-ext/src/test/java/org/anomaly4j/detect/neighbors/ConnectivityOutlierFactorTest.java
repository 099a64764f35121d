package org.anomaly4j.detect.neighbors;

import static org.anomaly4j.detect.neighbors.NeighborsGolden.REL_TOL;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.assertClose;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.json;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.matrix;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** COF against PyOD's COF(method='fast') formula reproduced with numpy/scipy (golden/neighbors/cof.json). */
class ConnectivityOutlierFactorTest {

    @Test
    void equalsPyodFast() {
        JsonNode g = json("cof.json");
        double[][] x = matrix(g.get("x"));
        assertClose(vector(g.get("cof20")), ConnectivityOutlierFactor.scores(x, 20), REL_TOL, "COF k 20");
        assertClose(vector(g.get("cof5")), ConnectivityOutlierFactor.scores(x, 5), REL_TOL, "COF k 5");
        // d = 9: scipy sums squares pairwise, we sequentially; last-bit differences stay far below 1e-9
        assertClose(vector(g.get("cof9_10")), ConnectivityOutlierFactor.scores(matrix(g.get("x9")), 10), REL_TOL,
                "COF d 9");
    }

    @Test
    void pointsOffTheLineScoreHigherThanPointsOnIt() {
        double[] cof = ConnectivityOutlierFactor.scores(matrix(json("cof.json").get("x")), 20);
        // rows 180 and 181 sit 0.6 and 0.5 off the line cluster (rows 120..179), row 182 is far from everything
        double lineMax = 0;
        for (int i = 130; i < 170; i++) {
            lineMax = Math.max(lineMax, cof[i]);
        }
        assertTrue(cof[180] > lineMax && cof[181] > lineMax, "off-line rows " + cof[180] + ", " + cof[181]
                + " vs line max " + lineMax);
        assertTrue(cof[182] > 1.5, "far row " + cof[182]);
    }

    @Test
    void duplicatesOnlyGiveZeroLikePyod() {
        // every neighbour is a duplicate: 0 / 0 → 0 (nan_to_num)
        double[] cof = ConnectivityOutlierFactor.scores(new double[][] {{1, 1}, {1, 1}, {1, 1}}, 2);
        assertEquals(0.0, cof[0]);
        assertThrows(IllegalArgumentException.class, () -> ConnectivityOutlierFactor.scores(new double[][] {{1}}, 2));
        assertThrows(IllegalArgumentException.class, () -> ConnectivityOutlierFactor.scores(new double[][] {{1}, {2}}, 0));
    }
}
