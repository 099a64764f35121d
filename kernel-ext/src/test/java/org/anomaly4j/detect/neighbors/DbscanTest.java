package org.anomaly4j.detect.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import org.anomaly4j.detect.cluster.ClusterGolden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DBSCAN against scikit-learn 1.9.1's {@code DBSCAN(eps, min_samples=5)} (golden/clusters/*_dbscan.json, two eps
 * per table): the labels must be equal, cluster numbers included, and the core samples the same rows (exact: both
 * compare the same squared distances with eps²). The score (distance to the nearest core sample) must equal the
 * golden's KDTree distance within 1e-12 relative (the same sum, last-bit rounding of the square root aside), and
 * {@code score > eps} must be exactly the noise.
 */
class DbscanTest {

    @ParameterizedTest
    @ValueSource(strings = {"hive17", "thyroid"})
    void labelsCoreSamplesAndScoresEqualScikitLearn(String kase) {
        JsonNode g = ClusterGolden.load(kase + "_dbscan.json");
        double[][] x = ClusterGolden.data(kase);
        double[][] before = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        for (JsonNode run : g.get("dbscan")) {
            double eps = run.get("eps").asDouble();
            Dbscan.Fitted f = new Dbscan(eps, 5).fit(x);
            String what = kase + " eps " + eps;
            assertArrayEquals(ClusterGolden.ints(run.get("labels")), f.labels(), what + " labels");
            int[] cores = ClusterGolden.ints(run.get("core_sample_indices"));
            assertEquals(cores.length, f.cores().length, what + " core samples");
            double[] s = f.trainingScores();
            for (int i : cores) {
                assertEquals(0.0, s[i], 0.0, what + " core row " + i + " scores 0");
            }
            ClusterGolden.assertClose(ClusterGolden.vector(run.get("score")), s, 1e-12, what + " score");
            int noise = 0;
            for (int i = 0; i < s.length; i++) {
                assertEquals(f.labels()[i] == -1, s[i] > eps, what + " row " + i + ": score > eps iff noise");
                noise += f.labels()[i] == -1 ? 1 : 0;
            }
            assertEquals(run.get("noise").asInt(), noise);
            assertArrayEquals(s, f.score(x), 0.0, "scoring the training rows again gives the training scores");
        }
        assertTrue(Arrays.deepEquals(before, x), "input not modified");
    }

    /**
     * ROC-AUC of the DBSCAN score (eps 0.5, min_samples 5, raw features) equals scikit-learn's from
     * gen_adbench.py (golden/adbench/sklearn.csv, rounded to 6 decimals, hence 1e-6) on three ADBench tables, one of
     * them (6_cardio, d = 21) where both sides use brute force instead of a tree.
     */
    @ParameterizedTest
    @ValueSource(strings = {"4_breastw", "6_cardio", "38_thyroid"})
    void adbenchAucEqualsScikitLearns(String table) throws java.io.IOException {
        double expected = Double.NaN;
        try (var in = DbscanTest.class.getResourceAsStream("/golden/adbench/sklearn.csv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.trim().split(",");
                if (f[0].equals(table) && f[1].equals("dbscan")) {
                    expected = Double.parseDouble(f[2]);
                }
            }
        }
        double[] s = new Dbscan(0.5, 5).fit(ClusterGolden.adbench(table)).trainingScores();
        double auc = org.anomaly4j.detect.IsolationForestAdbenchTest.rocAuc(ClusterGolden.adbenchLabels(table), s);
        assertEquals(expected, auc, 1e-6, table);
    }

    /** Counts within a radius against a plain double loop, for the tree (d ≤ 15) and the linear scan (d > 15). */
    @ParameterizedTest
    @ValueSource(ints = {3, 20})
    void radiusCountsEqualABruteForceCount(int d) {
        Random r = new Random(d);
        double[][] x = new double[400][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = Math.rint(4 * r.nextGaussian()) / 4; // a grid: many distances exactly equal to the radius
            }
        }
        double radius = d == 3 ? 0.5 : 3.0;
        int[] counts = NearestNeighbors.fit(x).radiusCounts(radius);
        for (int i = 0; i < x.length; i++) {
            int c = 0;
            for (double[] y : x) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (x[i][j] - y[j]) * (x[i][j] - y[j]);
                }
                c += s <= radius * radius ? 1 : 0;
            }
            assertEquals(c, counts[i], "row " + i);
        }
    }

    /** By hand: a dense square of 5 rows, one border row, one far row (min_samples 5, eps 1). */
    @Test
    void handWorkedCoreBorderAndNoise() {
        double[][] x = {{0, 0}, {0.5, 0}, {0, 0.5}, {0.5, 0.5}, {0.25, 0.25}, {1.4, 0.25}, {5, 5}};
        Dbscan.Fitted f = new Dbscan(1, 5).fit(x);
        // rows 0–4 each see the five square rows; row 5 sees rows 1, 3, 4 and itself (4 < 5): border of cluster 0
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, -1}, f.labels());
        assertEquals(5, f.cores().length);
        double[] s = f.trainingScores();
        assertEquals(0.0, s[0], 0.0);
        assertEquals(Math.hypot(0.9, 0.25), s[5], 1e-15, "border: distance to the nearest core (row 1)");
        assertEquals(Math.hypot(4.5, 4.5), s[6], 1e-15, "noise: distance to core row 3");
        double[] fresh = f.score(new double[][] {{0.25, 1.2}, {0.25, 1.6}});
        assertTrue(fresh[0] <= 1 && fresh[1] > 1, "a new row within eps of a core row is not noise; one beyond is");
    }

    @Test
    void noCoreSampleAndBadParametersAreRejected() {
        double[][] spread = {{0, 0}, {10, 0}, {20, 0}, {30, 0}, {40, 0}};
        String msg = assertThrows(IllegalArgumentException.class, () -> new Dbscan(0.5, 5).fit(spread)).getMessage();
        assertTrue(msg.contains("no core sample") && msg.contains("eps"), msg);
        assertThrows(IllegalArgumentException.class, () -> new Dbscan(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new Dbscan(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Dbscan(Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> new Dbscan(0.5, 0));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Dbscan(0.5, 1).fit(new double[][] {{0, 0}, {Double.NaN, 1}})).getMessage().contains("row 1"));
    }
}
