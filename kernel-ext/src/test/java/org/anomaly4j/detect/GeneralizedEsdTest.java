package org.anomaly4j.detect;

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

/** Rosner's generalized ESD: the NIST e-Handbook example, numpy goldens (esd.json), the detector form, errors. */
class GeneralizedEsdTest {

    /** Rosner (1983)'s 54 values, as listed in the NIST/SEMATECH e-Handbook §1.3.5.17.3. */
    static final double[] ROSNER = {
            -0.25, 0.68, 0.94, 1.15, 1.20, 1.26, 1.26,
            1.34, 1.38, 1.43, 1.49, 1.49, 1.55, 1.56,
            1.58, 1.65, 1.69, 1.70, 1.76, 1.77, 1.81,
            1.91, 1.94, 1.96, 1.99, 2.06, 2.09, 2.10,
            2.14, 2.15, 2.23, 2.24, 2.26, 2.35, 2.37,
            2.40, 2.47, 2.54, 2.62, 2.64, 2.90, 2.92,
            2.92, 2.93, 3.21, 3.26, 3.30, 3.59, 3.68,
            4.30, 4.64, 5.34, 5.42, 6.01};

    /** The e-Handbook's summary table (α = 0.05, up to 10 outliers): R_i and λ_i, truncated to 3 decimals. */
    static final double[] NIST_R = {3.118, 2.942, 3.179, 2.810, 2.815, 2.848, 2.279, 2.310, 2.101, 2.067};
    static final double[] NIST_LAMBDA = {3.158, 3.151, 3.143, 3.136, 3.128, 3.120, 3.111, 3.103, 3.094, 3.085};

    /**
     * NIST §1.3.5.17.3: "the largest number of outliers for which the test statistic is greater than the critical
     * value (at the 5 % level) is three" — 6.01, 5.42, 5.34 — although R_1 and R_2 do not exceed λ_1, λ_2
     * (masking: iterated Grubbs would stop at step 1 and find none).
     */
    @Test
    void nistHandbookRosnerExampleFindsThreeOutliers() {
        assertEquals(54, ROSNER.length);
        ExtremeDeviates r = GeneralizedEsd.test(ROSNER, 10, 0.05);
        assertEquals(10, r.steps());
        for (int i = 0; i < 10; i++) {
            // The handbook truncates: 3.118906 is printed 3.118, 3.158794 is printed 3.158.
            double ri = r.statistics()[i];
            double li = r.criticalValues()[i];
            assertTrue(ri >= NIST_R[i] && ri < NIST_R[i] + 0.001, "R_" + (i + 1) + " = " + ri);
            assertTrue(li >= NIST_LAMBDA[i] && li < NIST_LAMBDA[i] + 0.001, "λ_" + (i + 1) + " = " + li);
        }
        assertEquals(3, r.outlierCount());
        assertArrayEquals(new int[] {53, 52, 51}, r.outliers());
        assertEquals(6.01, ROSNER[r.outliers()[0]], 0);
        assertEquals(5.34, ROSNER[r.outliers()[2]], 0);
        assertEquals(0, Grubbs.test(ROSNER, 0.05).outlierCount(), "masking: iterated Grubbs stops at step 1");
        assertEquals(3, GeneralizedEsd.with().maxOutliers(10).fit(StatisticalGolden.rows(ROSNER)).outlierCounts()[0]);
    }

    @Test
    void iterationsMatchNumpyOnHiveAndSynthetic() {
        JsonNode tests = StatisticalGolden.load("esd.json").get("tests");
        double[][] hive = StatisticalGolden.hiveMatrix();
        int checked = 0;
        for (var it = tests.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey().split("@")[0];
            double alpha = Double.parseDouble(e.getKey().split("@")[1].split("/")[0]);
            double[] x = switch (name) {
                case "T17" -> Nums.column(hive, 0);
                case "RH17" -> Nums.column(hive, 1);
                default -> StatisticalGolden.synthetic(name);
            };
            int r = e.getValue().get("max_outliers").asInt();
            ExtremeDeviates result = GeneralizedEsd.test(x, r, alpha);
            assertEquals(r, result.steps(), e.getKey());
            GrubbsTest.assertSameTest(e.getValue(), result, e.getKey());
            checked++;
        }
        assertEquals(5, checked);
        assertEquals(184, tests.get("T17@0.05").get("statistics").size(), "10 % of 1847 rows: 184 steps compared");
    }

    @Test
    void detectorMatchesNumpyOnHiveAndSynthetic() {
        JsonNode g = StatisticalGolden.load("esd.json");
        GrubbsTest.checkModel(g.get("model_hive"), GeneralizedEsd.with().fit(StatisticalGolden.hiveMatrix()),
                StatisticalGolden.hiveMatrix());
        double[][] x = StatisticalGolden.rows(StatisticalGolden.synthetic("a"), StatisticalGolden.synthetic("b"));
        var m = GeneralizedEsd.with().fit(x);
        GrubbsTest.checkModel(g.get("model_synthetic"), m, x);
        assertArrayEquals(new int[] {4, 2}, m.outlierCounts());
    }

    @Test
    void optionsSaveLoadAndErrors(@TempDir Path dir) {
        double[][] x = StatisticalGolden.rows(StatisticalGolden.synthetic("a"), StatisticalGolden.synthetic("b"));
        Model m = GeneralizedEsd.with().maxOutliers(12).alpha(0.01).fit(x, List.of("a", "b"));
        assertEquals(12, m.parameters().get("maxOutliers"));
        m.save(dir.resolve("esd.json"));
        Model back = Detectors.load(dir.resolve("esd.json"));
        assertEquals(m.parameters(), back.parameters());
        assertArrayEquals(m.score(x), back.score(x), 0);

        assertEquals(30, GeneralizedEsd.with().bound(300));
        assertEquals(1, GeneralizedEsd.with().bound(5));
        assertEquals(60, GeneralizedEsd.with().maxFraction(0.2).bound(300));
        assertEquals("maxFraction must be in (0, 0.5], got 0.7",
                assertThrows(IllegalArgumentException.class, () -> GeneralizedEsd.with().maxFraction(0.7)).getMessage());
        assertEquals("maxOutliers must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> GeneralizedEsd.with().maxOutliers(0)).getMessage());
        String tooMany = assertThrows(IllegalArgumentException.class,
                () -> GeneralizedEsd.with().maxOutliers(8).fit(StatisticalGolden.rows(new double[10]))).getMessage();
        assertTrue(tooMany.contains("n - 3 = 7"), tooMany);
        String steps = assertThrows(IllegalArgumentException.class,
                () -> GeneralizedEsd.test(new double[] {1, 2, 3, 4}, 3, 0.05)).getMessage();
        assertTrue(steps.contains("[1, 2]"), steps);
    }
}
