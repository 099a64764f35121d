package org.anomaly4j.detect.density;

import static org.anomaly4j.detect.density.DensityGolden.assertClose;
import static org.anomaly4j.detect.density.DensityGolden.matrix;
import static org.anomaly4j.detect.density.DensityGolden.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class HbosTest {

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /**
     * Worked by hand from PyOD's rules: x = (0, 1, 1, 2), 2 bins → edges (0, 1, 2), counts (1, 3) since bins are
     * [0, 1) and [1, 2], densities (0.25, 0.75). Scoring digitizes with right=True, so 1 falls in the FIRST bin
     * (0 &lt; 1 ≤ 1) though it was counted in the second: a PyOD quirk we keep for parity.
     */
    @Test
    void handWorkedTinyCase() {
        Hbos.Fitted m = new Hbos(2, 0.1, 0.5).fit(new double[][] {{0}, {1}, {1}, {2}});
        assertArrayEquals(new double[] {0, 1, 2}, m.edges()[0], 0);
        assertArrayEquals(new double[] {0.25, 0.75}, m.density()[0], 0);
        double low = -log2(0.25 + 0.1);
        double high = -log2(0.75 + 0.1);
        assertArrayEquals(new double[] {low, low, low, high}, m.trainingScores(), 1e-15);
        // 2.4 is right of the last edge by 0.4 ≤ 0.5·width → last bin; 2.6 is further → the lowest density
        // (min of log2(h + α)); −0.5 is left by exactly 0.5·width → first bin (the rule is ≤)
        assertArrayEquals(new double[] {high, low, low}, m.score(new double[][] {{2.4}, {2.6}, {-0.5}}), 1e-15);
    }

    @Test
    void constantColumnSpansOneUnitLikeNumpy() {
        Hbos.Fitted m = new Hbos().fit(new double[][] {{3, 0}, {3, 1}, {3, 2}});
        assertEquals(2.5, m.edges()[0][0], 0);
        assertEquals(3.5, m.edges()[0][10], 0);
        double total = 0;
        for (int k = 0; k < 10; k++) {
            total += m.density()[0][k] * 0.1;
        }
        assertEquals(1, total, 1e-12, "densities integrate to one");
    }

    private static void checkGolden(JsonNode g, double[][] train) {
        double[][] test = matrix(g.get("test"));
        Hbos.Fitted m = new Hbos().fit(train);
        JsonNode ref = g.get("hbos");
        // edges and densities: numpy's own arithmetic order, so equal to the last bit
        assertClose(matrix(ref.get("edges")), m.edges(), 0, "edges");
        assertClose(matrix(ref.get("hist")), m.density(), 0, "density");
        // scores: sums of log2(h + α); only log2's last bit may differ (Math.log / ln 2 vs numpy's log2)
        assertClose(vector(ref.get("train_scores")), m.trainingScores(), 1e-12, "train scores");
        assertClose(vector(ref.get("test_scores")), m.score(test), 1e-12, "test scores");
    }

    @Test
    void equalsPyodFormulaOnSyntheticData() {
        JsonNode g = DensityGolden.load("synthetic.json");
        checkGolden(g, matrix(g.get("train")));
    }

    @Test
    void equalsPyodFormulaOnBreastwWithTiesAndValuesOnEdges() {
        JsonNode g = DensityGolden.load("breastw.json");
        double[][] x = DensityGolden.adbench("4_breastw").x();
        assertEquals(g.get("rows").asInt(), x.length);
        checkGolden(g, x);
    }

    @Test
    void restoredStateScoresTheSameAndInputIsNotMutated() {
        double[][] x = matrix(DensityGolden.load("synthetic.json").get("train"));
        double[][] before = Checks.copy(x);
        Hbos.Fitted m = new Hbos(7, 0.2, 0.3).fit(x);
        assertArrayEquals(before, x);
        Hbos.Fitted r = new Hbos.Fitted(m.alpha(), m.tol(), m.edges(), m.density(), m.trainingScores());
        assertArrayEquals(m.score(x), r.score(x), 0);
        assertArrayEquals(m.trainingScores(), m.score(x), 0, "training scores = scores of the training rows");
        double[][] e = m.edges();
        e[0][0] = 99;
        assertEquals(before.length, m.trainingScores().length);
        assertTrue(m.edges()[0][0] != 99, "accessors return copies");
    }

    @Test
    void contributionsSumToTheScoreAndNameTheRareFeature() {
        JsonNode g = DensityGolden.load("synthetic.json");
        Hbos.Fitted m = new Hbos().fit(matrix(g.get("train")));
        double[][] test = matrix(g.get("test"));
        double[][] c = m.contributions(test);
        double[] s = m.score(test);
        for (int i = 0; i < test.length; i++) {
            double sum = 0;
            for (double v : c[i]) {
                sum += v;
            }
            assertEquals(s[i], sum, 0, "row " + i);
        }
        // test row 20 is (20, 0, 0, 0): far right of feature 0's range, so feature 0 has the largest term
        double[] row = c[20];
        for (int j = 1; j < row.length; j++) {
            assertTrue(row[0] > row[j], "feature " + j);
        }
    }

    @Test
    void badInputNamesTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> new Hbos(1, 0.1, 0.5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Hbos(10, 1.5, 0.5)).getMessage()
                .contains("alpha must be in (0.0, 1.0), got 1.5"));
        assertThrows(IllegalArgumentException.class, () -> new Hbos().fit(new double[][] {{1}}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Hbos().fit(new double[][] {{1, 2}, {Double.NaN, 3}})).getMessage().contains("row 1"));
        Hbos.Fitted m = new Hbos().fit(new double[][] {{1, 2}, {2, 3}});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.score(new double[][] {{1}})).getMessage()
                .contains("fitted on 2 columns"));
        assertThrows(IllegalArgumentException.class,
                () -> new Hbos.Fitted(0.1, 0.5, new double[][] {{0, 1, 1}}, new double[][] {{1, 1}}, new double[0]));
    }
}
