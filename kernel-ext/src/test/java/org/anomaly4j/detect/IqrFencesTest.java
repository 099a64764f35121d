package org.anomaly4j.detect;

import static org.anomaly4j.detect.StatisticalGolden.STAT_TOL;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tukey fences: hand-worked case, numpy percentile goldens (iqr.json), clipped scores, errors. */
class IqrFencesTest {

    /**
     * Hand-worked: 1..9 and 100. numpy's linear quartiles sit at positions 9·0.25 = 2.25 and 9·0.75 = 6.75:
     * Q1 = 3.25, Q3 = 7.75, IQR = 4.5; fences 3.25 − 6.75 = −3.5 and 7.75 + 6.75 = 14.5. Scores: 100 →
     * (100 − 14.5)/4.5 = 19; 1 → max(1 − 14.5, −3.5 − 1)/4.5 = −1 (one IQR inside the lower fence);
     * 5 → max(5 − 14.5, −3.5 − 5)/4.5 = −8.5/4.5.
     */
    @Test
    void handWorkedTukeyFences() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
        var m = (IqrFences.IqrModel) IqrFences.with().fit(StatisticalGolden.rows(x));
        assertEquals(3.25, m.q1()[0], 0);
        assertEquals(7.75, m.q3()[0], 0);
        assertEquals(-3.5, m.lowerFence()[0], 0);
        assertEquals(14.5, m.upperFence()[0], 0);
        double[] s = m.trainingScores();
        assertEquals(19, s[9], 1e-15);
        assertEquals(-1, s[0], 1e-15);
        assertEquals(-8.5 / 4.5, s[4], 1e-15);
        assertEquals(0, m.threshold(), 0);
        assertArrayEquals(new int[] {9}, StatisticalGolden.indices(m.predict(StatisticalGolden.rows(x))));
        assertEquals(0, m.score(new double[][] {{14.5}})[0], 0, "on the fence: score 0, not an anomaly");

        var clipped = (IqrFences.IqrModel) IqrFences.with().clipInside(true).fit(StatisticalGolden.rows(x));
        assertEquals(19, clipped.trainingScores()[9], 1e-15);
        assertEquals(0, clipped.trainingScores()[0], 0, "the seeds' score is 0 inside the fences");
        var outer = (IqrFences.IqrModel) IqrFences.with().k(3).fit(StatisticalGolden.rows(x));
        assertEquals(7.75 + 13.5, outer.upperFence()[0], 0);
    }

    @Test
    void hiveMatchesNumpyPercentile() {
        JsonNode g = StatisticalGolden.load("iqr.json");
        check(g.get("hive"), StatisticalGolden.hiveMatrix());
        check(g.get("hive_k3"), StatisticalGolden.hiveMatrix());
    }

    @Test
    void syntheticWithPlantedOutliersMatchesNumpy() {
        JsonNode g = StatisticalGolden.load("iqr.json").get("synthetic");
        double[][] x = StatisticalGolden.rows(StatisticalGolden.synthetic("a"), StatisticalGolden.synthetic("b"));
        var m = check(g, x);
        int[] flagged = StatisticalGolden.indices(m.predict(x));
        for (int planted : new int[] {3, 7, 50, 77, 123, 250}) {
            assertTrue(java.util.Arrays.stream(flagged).anyMatch(i -> i == planted), "planted row " + planted);
        }
        // The seeds' score (0 inside) flags the same rows.
        var clipped = IqrFences.with().clipInside(true).fit(x);
        assertArrayEquals(ints(g.get("seeds_score_flagged")), StatisticalGolden.indices(clipped.predict(x)));
    }

    private static IqrFences.IqrModel check(JsonNode g, double[][] x) {
        var m = (IqrFences.IqrModel) IqrFences.with().k(g.get("k").asDouble()).fit(x);
        assertClose(doubles(g.get("q1")), m.q1(), STAT_TOL, "q1");
        assertClose(doubles(g.get("q3")), m.q3(), STAT_TOL, "q3");
        assertClose(doubles(g.get("lower")), m.lowerFence(), STAT_TOL, "lower fence");
        assertClose(doubles(g.get("upper")), m.upperFence(), STAT_TOL, "upper fence");
        assertClose(doubles(g.get("scores")), m.trainingScores(), STAT_TOL, "scores");
        assertArrayEquals(ints(g.get("flagged")), StatisticalGolden.indices(m.predict(x)));
        double[] e = m.explain(x[0]);
        assertEquals(m.trainingScores()[0], Math.max(e[0], e[1]), 0, "score = largest signed fence distance");
        return m;
    }

    @Test
    void zeroIqrAndBadOptionsAreRejectedClearly(@TempDir Path dir) {
        double[][] x = StatisticalGolden.rows(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 0, 0, 9});
        String msg = assertThrows(IllegalArgumentException.class,
                () -> IqrFences.with().fit(x, List.of("ok", "sparse"))).getMessage();
        assertTrue(msg.contains("\"sparse\"") && msg.contains("interquartile range 0"), msg);
        assertEquals("k must be a finite number >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> IqrFences.with().k(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> IqrFences.with().k(Double.NaN));
        Model m = IqrFences.with().k(2).clipInside(true).fit(StatisticalGolden.hiveMatrix());
        m.save(dir.resolve("iqr.json"));
        Model back = Detectors.load(dir.resolve("iqr.json"));
        assertEquals(m.parameters(), back.parameters());
        assertArrayEquals(m.trainingScores(), back.score(StatisticalGolden.hiveMatrix()), 0);
    }
}
