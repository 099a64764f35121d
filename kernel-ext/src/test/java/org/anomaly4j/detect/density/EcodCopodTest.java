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

/** ECOD and COPOD share {@link EmpiricalTails}; both are checked against a numpy reproduction of PyOD. */
class EcodCopodTest {

    private static final double[][] TINY = {{1}, {2}, {3}, {4}, {10}};

    /**
     * By hand: x = (1, 2, 3, 4, 10), skewness &gt; 0. F = (0.2, 0.4, 0.6, 0.8, 1) (values ≤, itself included),
     * F̄ = (1, 0.8, 0.6, 0.4, 0.2). ECOD = max(−log F, −log F̄, −log F̄): log 5 for both ends.
     */
    @Test
    void ecodHandWorked() {
        TailModel m = Ecod.fit(TINY);
        assertArrayEquals(new double[] {Math.log(5), Math.log(2.5), Math.log(5 / 3.0), Math.log(2.5), Math.log(5)},
                m.trainingScores(), 1e-15);
        // a new row is ranked among the 5 training values and itself: 100 is the largest of 6 → F̄ = 1/6
        assertArrayEquals(new double[] {Math.log(6)}, m.score(new double[][] {{100}}), 1e-15);
    }

    /**
     * Same data: COPOD = max(O_skew, (O_left + O_right)/2) with O_skew = −log F̄ (positive skew), so the low end
     * 1 scores only log(5)/2 while the high end 10 scores log 5: the skewness correction at work.
     */
    @Test
    void copodHandWorked() {
        TailModel m = Copod.fit(TINY);
        double[] s = m.trainingScores();
        assertEquals(Math.log(5) / 2, s[0], 1e-15);
        assertEquals(Math.log(5), s[4], 1e-15);
        assertEquals(Math.max(-Math.log(0.8), (-Math.log(0.4) - Math.log(0.8)) / 2), s[1], 1e-15);
    }

    @Test
    void skewSignIsScipysWithItsPrecisionGuard() {
        assertEquals(1, EmpiricalTails.trainingSkewSigns(TINY)[0]);
        assertEquals(-1, EmpiricalTails.trainingSkewSigns(new double[][] {{-1}, {-2}, {-3}, {-4}, {-10}})[0]);
        // symmetric: m3 = 0 exactly → sign 0 (O_skew = O_left + O_right)
        assertEquals(0, EmpiricalTails.trainingSkewSigns(new double[][] {{-1}, {0}, {1}})[0]);
        // constant column: scipy returns NaN (m2 = 0 ≤ (ε·mean)²), nan_to_num makes it 0
        assertEquals(0, EmpiricalTails.trainingSkewSigns(new double[][] {{7}, {7}, {7}})[0]);
        // the O(1) update for one added value agrees with a full recomputation
        EmpiricalTails t = new EmpiricalTails(EmpiricalTails.sortedColumns(TINY));
        assertEquals(-1, t.skewSignWith(0, -40));
        assertEquals(1, t.skewSignWith(0, 3));
    }

    private static void checkGolden(JsonNode g, double[][] train) {
        double[][] test = matrix(g.get("test"));
        // 1e-12 relative: same ranks and linspace arithmetic; only −log's last bit and the summation order of
        // the d per-feature terms (numpy's pairwise unrolling from 8 features) differ
        TailModel e = Ecod.fit(train);
        assertClose(vector(g.get("ecod").get("train_scores")), e.trainingScores(), 1e-12, "ECOD train");
        assertClose(vector(g.get("ecod").get("test_scores")), e.score(test), 1e-12, "ECOD test");
        TailModel c = Copod.fit(train);
        assertClose(vector(g.get("copod").get("train_scores")), c.trainingScores(), 1e-12, "COPOD train");
        assertClose(vector(g.get("copod").get("test_scores")), c.score(test), 1e-12, "COPOD test");
    }

    @Test
    void equalPyodFormulaOnSyntheticData() {
        JsonNode g = DensityGolden.load("synthetic.json");
        checkGolden(g, matrix(g.get("train")));
    }

    @Test
    void equalPyodFormulaOnBreastwWithTies() {
        checkGolden(DensityGolden.load("breastw.json"), DensityGolden.adbench("4_breastw").x());
    }

    @Test
    void scoresAreBatchIndependentRestorableAndInputIsNotMutated() {
        double[][] x = matrix(DensityGolden.load("synthetic.json").get("train"));
        double[][] before = Checks.copy(x);
        TailModel m = Ecod.fit(x);
        TailModel c = Copod.fit(x);
        assertArrayEquals(before, x);
        double[][] batch = {x[3], x[250], {0, 0, 0, 0}};
        double[] together = m.score(batch);
        for (int i = 0; i < batch.length; i++) {
            assertEquals(together[i], m.score(new double[][] {batch[i]})[0], 0, "row " + i + " alone");
        }
        TailModel r = new TailModel(TailModel.Rule.ECOD, m.sortedColumns(), m.trainingScores());
        assertArrayEquals(together, r.score(batch), 0);
        assertArrayEquals(m.trainingScores(), r.trainingScores(), 0);
        TailModel rc = new TailModel(TailModel.Rule.COPOD, c.sortedColumns(), c.trainingScores());
        assertArrayEquals(c.score(batch), rc.score(batch), 0);
    }

    @Test
    void contributionsSumToTheScore() {
        double[][] x = matrix(DensityGolden.load("synthetic.json").get("train"));
        double[][] probe = {{20, 0, 0, 0}, x[5]};
        for (TailModel m : new TailModel[] {Ecod.fit(x), Copod.fit(x)}) {
            double[][] c = m.contributions(probe);
            double[] s = m.score(probe);
            for (int i = 0; i < probe.length; i++) {
                double sum = 0;
                for (double v : c[i]) {
                    sum += v;
                }
                assertEquals(s[i], sum, 0, m.rule() + " row " + i);
            }
            // 20 is beyond every training value of feature 0: the largest per-feature term
            assertEquals(-Math.log(1.0 / (x.length + 1)), c[0][0], 1e-12, m.rule() + " right tail of the maximum");
        }
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> Ecod.fit(new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> Copod.fit(new double[][] {{1, 2}, {1}}));
        TailModel m = Ecod.fit(TINY);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.score(new double[][] {{Double.NaN}}))
                .getMessage().contains("row 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TailModel(TailModel.Rule.ECOD, new double[][] {{2, 1}}, new double[2])).getMessage()
                .contains("not sorted"));
        assertThrows(IllegalArgumentException.class,
                () -> new TailModel(TailModel.Rule.COPOD, new double[][] {{1, 2}}, new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> new TailModel(null, new double[][] {{1, 2}}, new double[2]));
    }
}
