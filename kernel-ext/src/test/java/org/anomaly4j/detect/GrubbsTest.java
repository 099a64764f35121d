package org.anomaly4j.detect;

import static org.anomaly4j.detect.StatisticalGolden.STAT_TOL;
import static org.anomaly4j.detect.StatisticalGolden.T_TOL;
import static org.anomaly4j.detect.StatisticalGolden.assertClose;
import static org.anomaly4j.detect.StatisticalGolden.doubles;
import static org.anomaly4j.detect.StatisticalGolden.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.stats.Nums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Iterated two-sided Grubbs: a published case, numpy goldens (grubbs.json), the detector form, errors. */
class GrubbsTest {

    /**
     * Eight values with one gross outlier, the two-sided Grubbs example of the MATLAB Central "outliers"
     * toolbox (after the NIST/SEMATECH e-Handbook §1.3.5.17.1), published output at α = 0.10:
     * G = 2.468765, G_crit = 2.031652 → 245.57 is an outlier. Step 2 (7 values left): G = 1.27488 &lt;
     * G_crit(7, 0.10) = 1.93813, so the iteration stops with one outlier. At α = 0.05, G_crit(8) = 2.126645.
     */
    @Test
    void publishedEightValueExample() {
        double[] x = {199.31, 199.53, 200.19, 200.82, 201.92, 201.95, 202.18, 245.57};
        ExtremeDeviates r = Grubbs.test(x, 0.10);
        assertEquals(2, r.steps());
        assertEquals(2.468765, r.statistics()[0], 5e-7);
        assertEquals(2.031652, r.criticalValues()[0], 5e-7);
        assertEquals(1.27488, r.statistics()[1], 5e-6);
        assertEquals(1.93813, r.criticalValues()[1], 5e-6);
        assertArrayEquals(new int[] {7}, r.outliers());
        assertArrayEquals(new int[] {7, 0}, r.candidates(), "step 2: 199.31 (index 0) is farthest from the new mean 200.843");
        assertEquals(2.126645, Grubbs.test(x, 0.05).criticalValues()[0], 5e-7);
        assertTrue(r.toString().contains("2.468765") && r.toString().contains(" *"), r.toString());
        assertEquals(List.of(199.31, 199.53, 200.19, 200.82, 201.92, 201.95, 202.18, 245.57),
                java.util.Arrays.stream(x).boxed().toList(), "the input is not changed");
    }

    /** Every step of every golden test: candidate index exactly, G to 1e-12, G_crit to 1e-9, outliers exactly. */
    @Test
    void iterationsMatchNumpyOnHiveAndSynthetic() {
        JsonNode tests = StatisticalGolden.load("grubbs.json").get("tests");
        double[][] hive = StatisticalGolden.hiveMatrix();
        int checked = 0;
        for (var it = tests.fields(); it.hasNext(); ) {
            var e = it.next();
            String[] key = e.getKey().split("@");
            double alpha = Double.parseDouble(key[1]);
            double[] x = switch (key[0]) {
                case "T17" -> Nums.column(hive, 0);
                case "RH17" -> Nums.column(hive, 1);
                default -> StatisticalGolden.synthetic(key[0]);
            };
            assertSameTest(e.getValue(), Grubbs.test(x, alpha), e.getKey());
            checked++;
        }
        assertEquals(8, checked);
        // The planted outliers of synthetic column a, in the order the test removes them.
        assertArrayEquals(new int[] {50, 7, 123, 250}, Grubbs.test(StatisticalGolden.synthetic("a"), 0.05).outliers());
    }

    static void assertSameTest(JsonNode g, ExtremeDeviates r, String what) {
        assertArrayEquals(ints(g.get("candidates")), r.candidates(), what + " candidates");
        assertClose(doubles(g.get("statistics")), r.statistics(), STAT_TOL, what + " statistics");
        assertClose(doubles(g.get("critical")), r.criticalValues(), T_TOL, what + " critical values");
        assertArrayEquals(ints(g.get("outliers")), r.outliers(), what + " outliers");
    }

    @Test
    void detectorMatchesNumpyOnHiveAndSynthetic() {
        JsonNode g = StatisticalGolden.load("grubbs.json");
        checkModel(g.get("model_hive"), Grubbs.with().fit(StatisticalGolden.hiveMatrix()),
                StatisticalGolden.hiveMatrix());
        double[][] x = StatisticalGolden.rows(StatisticalGolden.synthetic("a"), StatisticalGolden.synthetic("b"));
        var m = Grubbs.with().fit(x);
        checkModel(g.get("model_synthetic"), m, x);
        assertArrayEquals(new int[] {4, 2}, m.outlierCounts());
        assertArrayEquals(new int[] {3, 7, 50, 77, 123, 250}, StatisticalGolden.indices(m.predict(x)));
    }

    static void checkModel(JsonNode g, ExtremeDeviatesModel m, double[][] x) {
        JsonNode cols = g.get("columns");
        for (int j = 0; j < cols.size(); j++) {
            JsonNode c = cols.get(j);
            assertClose(c.get("mean").asDouble(), m.mean()[j], STAT_TOL, "mean " + j);
            assertClose(c.get("std").asDouble(), m.std()[j], STAT_TOL, "std " + j);
            assertClose(c.get("critical").asDouble(), m.critical()[j], T_TOL, "critical " + j);
            assertEquals(c.get("test").get("outliers").size(), m.outlierCounts()[j]);
        }
        assertClose(doubles(g.get("scores")), m.trainingScores(), T_TOL, "scores");
        assertEquals(1, m.threshold(), 0);
        int[] flagged = StatisticalGolden.indices(m.predict(x));
        assertArrayEquals(ints(g.get("flagged")), flagged);
        assertTrue(g.get("flagged_equals_test_union").asBoolean(), "the natural threshold flags the test's outliers");
        assertArrayEquals(ints(g.get("test_union")), flagged);
        double[] e = m.explain(x[3]);
        double max = 0;
        for (double v : e) {
            max = Math.max(max, Math.abs(v));
        }
        assertEquals(m.trainingScores()[3], max, 1e-15);
    }

    @Test
    void saveLoadKeepsAlphaAndScores(@TempDir Path dir) {
        double[][] x = StatisticalGolden.rows(StatisticalGolden.synthetic("a"), StatisticalGolden.synthetic("b"));
        Model m = Grubbs.with().alpha(0.01).fit(x, List.of("a", "b"));
        m.save(dir.resolve("g.json"));
        Model back = Detectors.load(dir.resolve("g.json"));
        assertEquals(m.parameters(), back.parameters());
        assertArrayEquals(m.score(x), back.score(x), 0);
        assertArrayEquals(((ExtremeDeviatesModel) m).outlierCounts(), ((ExtremeDeviatesModel) back).outlierCounts());
        assertTrue(back.toString().contains("outliers per feature [4, 2]"), back.toString());
    }

    @Test
    void badInputIsRejectedClearly() {
        assertEquals("Grubbs' test needs at least 3 values, got 2",
                assertThrows(IllegalArgumentException.class, () -> Grubbs.test(new double[] {1, 2}, 0.05)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grubbs.test(new double[] {1, Double.NaN, 2}, 0.05))
                .getMessage().contains("index 1"));
        assertEquals("alpha must be in (0, 1), got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Grubbs.with().alpha(0)).getMessage());
        double[][] flat = StatisticalGolden.rows(new double[] {1, 2, 3, 4, 5}, new double[] {7, 7, 7, 7, 7});
        String msg = assertThrows(IllegalArgumentException.class, () -> Grubbs.with().fit(flat, List.of("x", "k")))
                .getMessage();
        assertTrue(msg.contains("\"k\" is constant"), msg);
        // Equal values: no step has a spread, no outlier.
        assertEquals(0, Grubbs.test(new double[] {3, 3, 3, 3}, 0.05).steps());
    }
}
