package org.anomaly4j.detect.density;

import static org.anomaly4j.detect.density.DensityGolden.assertClose;
import static org.anomaly4j.detect.density.DensityGolden.matrix;
import static org.anomaly4j.detect.density.DensityGolden.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * LODA against hand-worked cases and against PyOD's formula re-implemented in numpy ({@code gen_loda.py}) over
 * the same projection matrix. Tolerances: edges and probabilities exact (numpy's arithmetic order: linspace,
 * pairwise sum); scores 1e-12 relative (only {@code log}'s last bit may differ).
 */
class LodaTest {

    private static final double LN_06 = -Math.log(0.6);
    private static final double LN_04 = -Math.log(0.4);
    private static final double LN_02 = -Math.log(0.2);
    /**
     * The hand values use the plain fractions 3/5, 2/5, 1/5; the 1e-12 added to each count moves a probability by
     * about 1e-13 relative, so −ln p by about 1e-13: 1e-12 absolute is a tolerance that still catches a wrong bin
     * (the smallest difference between two hand values is 0.4).
     */
    private static final double HAND = 1e-12;

    private static double[][] column(double... v) {
        double[][] x = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            x[i] = new double[] {v[i]};
        }
        return x;
    }

    /**
     * One cut, w = (1), 3 bins on z = (0, 1, 1, 2, 6): edges (0, 2, 4, 6); bins [0, 2), [2, 4), [4, 6] hold 3, 1,
     * 1 values, so p = (0.6, 0.2, 0.2) and f = −ln p of the bin (k = 1). New values: −5 (below the range) takes
     * the first bin, 3 the middle one, 4 (an inner edge) the bin that starts there, 100 (above) the last.
     */
    @Test
    void handWorkedOneCut() {
        Loda.Fitted m = new Loda(3, 1, 0, false).fit(column(0, 1, 1, 2, 6), new double[][] {{1}});
        assertArrayEquals(new double[] {0, 2, 4, 6}, m.edges()[0], 0);
        assertArrayEquals(new double[] {0.6, 0.2, 0.2}, m.probability()[0], 1e-12);
        assertArrayEquals(new double[] {LN_06, LN_06, LN_06, LN_02, LN_02}, m.trainingScores(), HAND);
        assertArrayEquals(new double[] {LN_06, LN_02, LN_02, LN_02}, m.score(column(-5, 3, 4, 100)), HAND);
    }

    /**
     * The same with PyOD's lookup, {@code searchsorted(edges[:2] = (0, 2), z, 'left')} = how many of 0, 2 lie
     * strictly below z: 0 → 0, 1 → 1, 2 → 1, 6 → 2; so the two 1s, counted in the first bin (0.6), score as the
     * second (0.2). k = 1, so PyOD's extra 1/k changes nothing here.
     */
    @Test
    void handWorkedOneCutPyodLookup() {
        Loda.Fitted m = new Loda(3, 1, 0, true).fit(column(0, 1, 1, 2, 6), new double[][] {{1}});
        assertArrayEquals(new double[] {LN_06, LN_02, LN_02, LN_02, LN_02}, m.trainingScores(), HAND);
        assertArrayEquals(new double[] {LN_06, LN_02, LN_02, LN_02}, m.score(column(-5, 3, 4, 100)), HAND);
    }

    /**
     * Two cuts on x = (0,0), (1,0), (1,0), (2,0), (6,−6), 3 bins. Cut 1, w = (1, 0): as above, p = (0.6, 0.2,
     * 0.2). Cut 2, w = (1, 1): z = (0, 1, 1, 2, 0), edges (0, 2/3, 4/3, 2), counts (2, 2, 1), p = (0.4, 0.4, 0.2).
     * f = mean over the cuts: row 0: (−ln 0.6 − ln 0.4)/2; rows 1, 2: cut 1 bin 0, cut 2 bin 1: the same; row 3:
     * (−ln 0.2 − ln 0.2)/2; row 4: (−ln 0.2 − ln 0.4)/2.
     * PyOD (sum over cuts / k²): cut 2's lookup on (0, 2/3) sends 0 → 0, 1 → 2, 2 → 2; so row 0: −ln 0.6 − ln 0.4,
     * rows 1–3: −ln 0.2 − ln 0.2, row 4: −ln 0.2 − ln 0.4, each divided by 4.
     */
    @Test
    void handWorkedTwoCutsBothLookups() {
        double[][] x = {{0, 0}, {1, 0}, {1, 0}, {2, 0}, {6, -6}};
        double[][] w = {{1, 0}, {1, 1}};
        Loda.Fitted paper = new Loda(3, 2, 0, false).fit(x, w);
        assertArrayEquals(new double[] {0.4, 0.4, 0.2}, paper.probability()[1], 1e-12);
        double a = (LN_06 + LN_04) / 2;
        assertArrayEquals(new double[] {a, a, a, LN_02, (LN_02 + LN_04) / 2}, paper.trainingScores(), HAND);
        Loda.Fitted pyod = new Loda(3, 2, 0, true).fit(x, w);
        double b = (LN_02 + LN_02) / 4;
        assertArrayEquals(new double[] {(LN_06 + LN_04) / 4, b, b, b, (LN_02 + LN_04) / 4}, pyod.trainingScores(), HAND);
        assertArrayEquals(paper.trainingScores(), paper.score(x), 0, "training scores = scores of the training rows");
        assertArrayEquals(pyod.trainingScores(), pyod.score(x), 0);
    }

    /** An all-equal projection spans [v − 0.5, v + 0.5], as np.histogram; every row then shares one bin. */
    @Test
    void constantProjectionSpansOneUnitLikeNumpy() {
        Loda.Fitted m = new Loda(4, 1, 0, false).fit(column(3, 3, 3), new double[][] {{2}});
        assertArrayEquals(new double[] {5.5, 5.75, 6, 6.25, 6.5}, m.edges()[0], 0); // z = 2·3 = 6
        assertEquals(m.trainingScores()[0], m.trainingScores()[2], 0);
    }

    private static void checkGolden(JsonNode g, double[][] train, double[][] test, boolean state) {
        double[][] w = matrix(g.get("projections"));
        for (String variant : new String[] {"bins10", "auto"}) {
            int bins = variant.equals("auto") ? Loda.AUTO : 10;
            for (String lookup : new String[] {"histogram", "pyod"}) {
                JsonNode ref = g.get(variant).get(lookup);
                String what = variant + "/" + lookup;
                Loda.Fitted m = new Loda(bins, w.length, 0, lookup.equals("pyod")).fit(train, w);
                assertClose(vector(ref.get("train_scores")), m.trainingScores(), 1e-12, what + " train scores");
                assertClose(vector(ref.get("test_scores").get(0)), m.score(test), 1e-12, what + " test scores");
                if (lookup.equals("histogram")) {
                    JsonNode b = ref.get("bins");
                    for (int i = 0; i < w.length; i++) {
                        assertEquals(b.get(i).asInt(), m.bins()[i], what + " bins of cut " + i);
                    }
                    if (state) {
                        assertClose(matrix(ref.get("edges")), m.edges(), 0, what + " edges");
                        assertClose(matrix(ref.get("probability")), m.probability(), 0, what + " probability");
                    }
                }
            }
        }
    }

    @Test
    void equalsPyodFormulaOnSyntheticData() {
        JsonNode g = DensityGolden.load("loda", "synthetic.json");
        checkGolden(g, matrix(g.get("train")), matrix(g.get("test")), true);
    }

    /** Integer values: ties and values exactly on edges (where the lookup rule matters most). */
    @Test
    void equalsPyodFormulaOnBreastw() {
        JsonNode g = DensityGolden.load("loda", "breastw.json");
        double[][] x = DensityGolden.adbench("4_breastw").x();
        assertEquals(g.get("rows").asInt(), x.length);
        checkGolden(g, x, matrix(g.get("test")), false);
    }

    @Test
    void sameSeedSameModelOtherSeedOtherProjections() {
        double[][] x = matrix(DensityGolden.load("loda", "synthetic.json").get("train"));
        Loda.Fitted a = new Loda(10, 30, 4, false).fit(x);
        Loda.Fitted b = new Loda(10, 30, 4, false).fit(x);
        assertArrayEquals(a.projections(), b.projections());
        assertArrayEquals(a.trainingScores(), b.trainingScores(), 0);
        assertFalse(Arrays.deepEquals(a.projections(), new Loda(10, 30, 5, false).fit(x).projections()));
    }

    /** ⌊√d⌋ non-zero components per projection (PyOD; the paper's d^½): 2 of 5 here, 3 of 9, 1 of 1. */
    @Test
    void projectionsHaveFloorSqrtDNonZeroComponents() {
        for (int d : new int[] {1, 5, 9}) {
            for (double[] row : Loda.projections(50, d, 1)) {
                assertEquals((int) Math.sqrt(d), Arrays.stream(row).filter(v -> v != 0).count(), "d = " + d);
            }
        }
        // every feature gets used by some of the 50 cuts (a broken shuffle would always pick the same ones)
        double[][] w = Loda.projections(50, 9, 1);
        for (int j = 0; j < 9; j++) {
            final int f = j;
            assertTrue(Arrays.stream(w).anyMatch(r -> r[f] != 0), "feature " + j);
        }
    }

    @Test
    void inputIsNotMutatedAndRestoredStateScoresTheSame() {
        double[][] x = matrix(DensityGolden.load("loda", "synthetic.json").get("train"));
        double[][] before = Checks.copy(x);
        Loda.Fitted m = new Loda(Loda.AUTO, 12, 1, false).fit(x);
        double[] s = m.score(x);
        assertArrayEquals(before, x);
        double[][] w = m.projections();
        Loda.Fitted r = new Loda.Fitted(w, m.edges(), m.probability(), false, m.trainingScores());
        assertArrayEquals(s, r.score(x), 0);
        w[0][0] = 99;
        assertTrue(m.projections()[0][0] != 99, "accessors return copies");
        assertArrayEquals(before, x);
    }

    @Test
    void badInputNamesTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Loda(1, 10, 0, false)).getMessage()
                .contains("bins must be at least 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Loda(10, 0, 0, false)).getMessage()
                .contains("cuts must be at least 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Loda().fit(new double[][] {{1}}))
                .getMessage().contains("at least 2 rows"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Loda(Loda.AUTO, 5, 0, false).fit(column(1, 2, 3))).getMessage().contains("at least 4 rows"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Loda().fit(new double[][] {{1, 2}, {Double.NaN, 3}})).getMessage().contains("row 1"));
        Loda.Fitted m = new Loda().fit(new double[][] {{1, 2}, {2, 3}});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.score(new double[][] {{1}})).getMessage()
                .contains("fitted on 2 columns"));
        assertThrows(IllegalArgumentException.class,
                () -> new Loda(3, 1, 0, false).fit(column(1, 2), new double[][] {{1, 1}}), "projection width ≠ d");
        double[][] w = {{1}};
        double[][] e = {{0, 1, 2}};
        double[][] p = {{0.5, 0.5}};
        double[] s = {1, 1};
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Loda.Fitted(new double[][] {{0}}, e, p, false, s)).getMessage().contains("all zeros"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Loda.Fitted(w, new double[][] {{0, 1, 1}}, p, false, s)).getMessage().contains("increase"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Loda.Fitted(w, e, new double[][] {{0, 1}}, false, s)).getMessage().contains("(0, 1]"));
        assertThrows(IllegalArgumentException.class, () -> new Loda.Fitted(w, e, new double[][] {{1}}, false, s));
    }
}
