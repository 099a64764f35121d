package org.anomaly4j.detect.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CBLOF against a numpy re-implementation of PyOD's {@code CBLOF} (gen_clusters.py) from scikit-learn's k-means
 * clustering: same large clusters, scores within 1e-12 relative (the distances are sums of squares in another
 * order, then square roots: last-bit differences only), with and without weights; plus a small case by hand.
 */
class CblofTest {

    @ParameterizedTest
    @ValueSource(strings = {"hive17", "thyroid"})
    void scoresEqualPyOdsFromTheSameClustering(String kase) {
        JsonNode g = ClusterGolden.load(kase + ".json");
        double[][] x = ClusterGolden.data(kase);
        JsonNode km = g.get("kmeans");
        KMeans.Result clustering = new KMeans.Result(ClusterGolden.matrix(km.get("centres")),
                ClusterGolden.ints(km.get("labels")), km.get("inertia").asDouble(), km.get("n_iter").asInt());
        Cblof.Fitted plain = new Cblof().fit(x, clustering);
        int[] large = ClusterGolden.ints(g.get("cblof").get("large"));
        boolean[] flags = plain.large();
        int count = 0;
        for (int c = 0; c < flags.length; c++) {
            count += flags[c] ? 1 : 0;
        }
        assertEquals(large.length, count, kase + " number of large clusters");
        for (int c : large) {
            assertTrue(flags[c], kase + " cluster " + c + " is large");
        }
        double worst = ClusterGolden.assertClose(ClusterGolden.vector(g.get("cblof").get("score")), plain.score(x), 1e-12,
                kase + " CBLOF");
        ClusterGolden.assertClose(ClusterGolden.vector(g.get("cblof").get("score_weighted")),
                new Cblof(0.9, 5, true).fit(x, clustering).score(x), 1e-12, kase + " weighted CBLOF");
        System.out.printf("%s CBLOF largest relative error %.2e%n", kase, worst);
    }

    /**
     * Sizes 6, 3, 1 of n = 10 with α = 0.9, β = 2: i = 1 (6 rows = 60 %, 6/3 = 2 ≥ β) satisfies β only; i = 2
     * (9 rows = 90 % ≥ 0.9 n, 3/1 ≥ β) satisfies both, so the first two clusters are large. By hand, on a line:
     * cluster A = {0, 0, 0, 1, 1, 1} centre 0.5; B = {10, 10, 11} centre 31/3; C = {30} centre 30.
     */
    @Test
    void handWorkedSplitAndScores() {
        double[][] x = {{0}, {0}, {0}, {1}, {1}, {1}, {10}, {10}, {11}, {30}};
        KMeans.Result r = new KMeans.Result(new double[][] {{0.5}, {31.0 / 3}, {30}}, new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 2},
                0, 1);
        Cblof.Fitted f = new Cblof(0.9, 2, false).fit(x, r);
        assertArrayEquals(new boolean[] {true, true, false}, f.large());
        double[] s = f.score(x);
        assertEquals(0.5, s[0], 1e-15);
        assertEquals(0.5, s[3], 1e-15);
        assertEquals(31.0 / 3 - 10, s[6], 1e-14);
        assertEquals(11 - 31.0 / 3, s[8], 1e-14);
        assertEquals(30 - 31.0 / 3, s[9], 1e-14, "small cluster: distance to the nearest large centre");
        double[] w = new Cblof(0.9, 2, true).fit(x, r).score(x);
        assertEquals(0.5 * 6, w[0], 1e-14);
        assertEquals((30 - 31.0 / 3) * 1, w[9], 1e-14, "weight = size of the row's own (small) cluster");
        // a new row near C is still scored against the large clusters
        assertEquals(31 - 31.0 / 3, f.score(new double[][] {{31}})[0], 1e-14);
        // with β = 5 no drop is large enough, so the α rule alone decides: again i = 2
        assertArrayEquals(new boolean[] {true, true, false}, new Cblof(0.9, 5, false).fit(x, r).large());
        // with α = 0.5 and β = 2 both rules hold already at i = 1: only A is large
        assertArrayEquals(new boolean[] {true, false, false}, new Cblof(0.5, 2, false).fit(x, r).large());
    }

    @Test
    void equalClustersCannotBeSplit() {
        double[][] x = {{0}, {1}, {2}, {3}};
        KMeans.Result r = new KMeans.Result(new double[][] {{0}, {1}, {2}, {3}}, new int[] {0, 1, 2, 3}, 0, 1);
        String msg = assertThrows(IllegalArgumentException.class, () -> new Cblof().fit(x, r)).getMessage();
        assertTrue(msg.contains("[1, 1, 1, 1]") && msg.contains("alpha"), msg);
    }

    @Test
    void parametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Cblof(1, 5, false));
        assertThrows(IllegalArgumentException.class, () -> new Cblof(0, 5, false));
        assertThrows(IllegalArgumentException.class, () -> new Cblof(0.9, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Cblof(0.9, Double.NaN, false));
        KMeans.Result two = new KMeans.Result(new double[][] {{0}, {1}}, new int[] {0, 1, 1}, 0, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Cblof().fit(new double[][] {{0}, {1}}, two))
                .getMessage().contains("3 labels for 2 rows"));
        KMeans.Result bad = new KMeans.Result(new double[][] {{0}, {1}}, new int[] {0, 2}, 0, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Cblof().fit(new double[][] {{0}, {1}}, bad))
                .getMessage().contains("row 1"));
    }
}
