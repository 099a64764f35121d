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
import org.anomaly4j.stats.Quantiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modified z-score: hand-worked case, scipy/numpy goldens (mad.json), MAD = 0 fallback, errors. */
class ModifiedZScoreTest {

    /**
     * Hand-worked: 14 proficiency-test results (the UNODC 2011 6-MAM round used as the example of the MATLAB
     * Central outlier toolbox's mzscore, whose expected outliers are 14.6 and 4.8). Sorted, the middle values
     * are 0.8 and 0.9, so median = 0.85; the absolute deviations' middle values are 0.65 and 0.75, so MAD =
     * 0.70; M(4.8) = 0.6745·3.95/0.70 = 3.80611, M(14.6) = 0.6745·13.75/0.70 = 13.24911, M(3.0) = 2.07168.
     */
    @Test
    void handWorkedIglewiczHoaglinCase() {
        double[] x = {2.0, 0.1, 0.8, 0.2, 3.0, 1.9, 1.0, 14.6, 4.8, 0.4, 0.9, 0.1, 0.3, 0.3};
        var m = (ModifiedZScore.MadModel) ModifiedZScore.with().fit(StatisticalGolden.rows(x));
        assertEquals(0.85, m.median()[0], 1e-15);
        assertEquals(0.70, m.mad()[0], 1e-15);
        assertEquals(0.70 / 0.6745, m.scale()[0], 1e-15);
        assertEquals(3.80611, m.explain(new double[] {4.8})[0], 5e-6);
        assertEquals(13.24911, m.explain(new double[] {14.6})[0], 5e-6);
        assertEquals(2.07168, m.explain(new double[] {3.0})[0], 5e-6);
        assertEquals(-0.72268, m.explain(new double[] {0.1})[0], 5e-6, "signed: below the median");
        assertEquals(3.5, m.threshold(), 0);
        assertArrayEquals(new int[] {7, 8}, StatisticalGolden.indices(m.predict(StatisticalGolden.rows(x))));
    }

    @Test
    void hiveMatchesScipyMedianAbsDeviation() {
        check(StatisticalGolden.load("mad.json").get("hive"), StatisticalGolden.hiveMatrix());
    }

    /** Synthetic a, b with planted outliers, and c with 62 % zeros: MAD 0, mean-absolute-deviation fallback. */
    @Test
    void syntheticIncludingTheMadZeroFallbackMatchesNumpy() {
        JsonNode g = StatisticalGolden.load("mad.json").get("synthetic");
        double[][] x = StatisticalGolden.rows(StatisticalGolden.synthetic("a"), StatisticalGolden.synthetic("b"),
                StatisticalGolden.synthetic("c"));
        var m = check(g, x);
        assertEquals(0, m.mad()[2], 0, "column c has MAD 0");
        assertEquals(ModifiedZScore.MEAN_AD_TO_SIGMA * g.get("mean_abs_deviation").get(2).asDouble(), m.scale()[2],
                1e-15);
    }

    private static ModifiedZScore.MadModel check(JsonNode g, double[][] x) {
        var m = (ModifiedZScore.MadModel) ModifiedZScore.with().fit(x);
        assertClose(doubles(g.get("median")), m.median(), STAT_TOL, "median");
        assertClose(doubles(g.get("mad")), m.mad(), STAT_TOL, "mad");
        assertClose(doubles(g.get("scores")), m.trainingScores(), STAT_TOL, "scores");
        assertArrayEquals(ints(g.get("flagged")), StatisticalGolden.indices(m.predict(x)));
        int[] rows = ints(g.get("explain_rows"));
        for (int k = 0; k < rows.length; k++) {
            double[] e = m.explain(x[rows[k]]);
            assertClose(doubles(g.get("explain").get(k)), e, STAT_TOL, "explain row " + rows[k]);
            double max = 0;
            for (double v : e) {
                max = Math.max(max, Math.abs(v));
            }
            assertEquals(m.trainingScores()[rows[k]], max, 0, "the score is the largest |M_j|");
        }
        return m;
    }

    @Test
    void constantColumnIsRejectedByName() {
        double[][] x = StatisticalGolden.rows(new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5});
        String msg = assertThrows(IllegalArgumentException.class,
                () -> ModifiedZScore.with().fit(x, List.of("ok", "flat"))).getMessage();
        assertTrue(msg.contains("\"flat\"") && msg.contains("constant"), msg);
    }

    @Test
    void contaminationAndSaveLoad(@TempDir Path dir) {
        double[][] x = StatisticalGolden.hiveMatrix();
        Model m = ModifiedZScore.with().contamination(0.05).fit(x, List.of("T17", "RH17"));
        assertEquals(Quantiles.percentile(m.trainingScores(), 95), m.threshold(), 0);
        m.save(dir.resolve("mad.json"));
        Model back = Detectors.load(dir.resolve("mad.json"));
        assertArrayEquals(m.score(x), back.score(x), 0);
        assertTrue(back.toString().contains("median"), back.toString());
    }

    @Test
    void tamperedStateNamesTheField(@TempDir Path dir) throws Exception {
        Model m = ModifiedZScore.with().fit(StatisticalGolden.hiveMatrix());
        Path f = dir.resolve("m.json");
        m.save(f);
        String json = java.nio.file.Files.readString(f);
        Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, json.replaceFirst("\"mad\" : \\[ [0-9.]+,", "\"mad\" : [ -1.0,"));
        String msg = assertThrows(IllegalArgumentException.class, () -> Detectors.load(bad)).getMessage();
        assertTrue(msg.contains("mad"), msg);
        Path shortArray = dir.resolve("short.json");
        java.nio.file.Files.writeString(shortArray, json.replaceFirst("\"median\" : \\[ ([0-9.]+), [0-9.]+ \\]",
                "\"median\" : [ $1 ]"));
        msg = assertThrows(IllegalArgumentException.class, () -> Detectors.load(shortArray)).getMessage();
        assertTrue(msg.contains("state.median must have 2 values"), msg);
    }
}
