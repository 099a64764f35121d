package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.anomaly4j.detect.cluster.ClusterGolden;
import org.junit.jupiter.api.Test;

/**
 * The three clustering detectors as registered detectors: what each score is, seeded determinism, the DBSCAN
 * natural threshold, parameter and data errors, and no change to the input. (Their cores are held to
 * scikit-learn/PyOD in {@code KMeansTest}, {@code CblofTest} and {@code DbscanTest}; the shared contract in
 * {@link DetectorContractTest}.)
 */
class ClusterDetectorsTest {

    /** Three Gaussian blobs of 100 rows and a group of 4 far rows at the start. */
    static double[][] blobs() {
        Random r = new Random(4);
        double[][] x = new double[304][2];
        double[][] centres = {{0, 0}, {6, 0}, {0, 6}};
        for (int i = 0; i < 300; i++) {
            x[i + 4][0] = centres[i % 3][0] + r.nextGaussian();
            x[i + 4][1] = centres[i % 3][1] + r.nextGaussian();
        }
        for (int i = 0; i < 4; i++) {
            x[i] = new double[] {20 + 0.1 * i, 20};
        }
        return x;
    }

    @Test
    void kmeansScoresTheDistanceToTheNearestCentreAndIsSeeded() {
        double[][] x = blobs();
        double[][] before = deep(x);
        var m = KMeans.with().clusters(3).seed(5).fit(x);
        var again = KMeans.with().clusters(3).seed(5).fit(x);
        assertArrayEquals(m.trainingScores(), again.trainingScores(), 0.0);
        double[][] c = m.core().centres();
        double[] s = m.trainingScores();
        for (int i = 0; i < x.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] ctr : c) {
                best = Math.min(best, Math.hypot(x[i][0] - ctr[0], x[i][1] - ctr[1]));
            }
            assertEquals(best, s[i], 1e-12, "row " + i);
        }
        assertTrue(Arrays.deepEquals(before, x), "input not modified");
    }

    @Test
    void kmeansOnHive17WithTheGoldensSeedingQuality() {
        double[][] x = ClusterGolden.data("hive17");
        double sk = ClusterGolden.load("hive17.json").get("kmeans").get("best_of_10_inertia").asDouble();
        var m = KMeans.with().inits(10).seed(0).fit(x);
        double inertia = 0;
        for (double v : m.trainingScores()) {
            inertia += v * v;
        }
        assertTrue(inertia <= 1.01 * sk, "inertia " + inertia + " vs scikit-learn's best of 10 " + sk);
    }

    @Test
    void cblofPutsTheFarGroupInASmallClusterAndScoresItHighest() {
        double[][] x = blobs();
        var m = Cblof.with().clusters(4).seed(1).fit(x);
        double[] s = m.trainingScores();
        double maxOther = Arrays.stream(s, 4, s.length).max().orElseThrow();
        for (int i = 0; i < 4; i++) {
            assertTrue(s[i] > maxOther, "far row " + i + " scores " + s[i] + " <= " + maxOther);
        }
        // plain k-means distance masks the same group: it becomes a centre of its own
        double[] km = KMeans.with().clusters(4).seed(1).fit(x).trainingScores();
        assertTrue(km[0] < Arrays.stream(km, 4, km.length).max().orElseThrow(), "k-means distance masks the far group");
        assertArrayEquals(s, Cblof.with().clusters(4).seed(1).fit(x).trainingScores(), 0.0, "seeded");
    }

    @Test
    void dbscanThresholdIsEpsAndFlagsExactlyTheNoise() {
        double[][] x = ClusterGolden.data("hive17");
        var m = Dbscan.with().eps(0.1).fit(x);
        assertEquals(0.1, m.threshold(), 0.0);
        int[] labels = m.core().labels();
        boolean[] flagged = m.predict(x);
        int noise = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(labels[i] == -1, flagged[i], "row " + i);
            noise += flagged[i] ? 1 : 0;
        }
        assertEquals(ClusterGolden.load("hive17_dbscan.json").get("dbscan").get(0).get("noise").asInt(), noise);
    }

    @Test
    void badParametersAndDataAreRejectedByName() {
        double[][] x = {{0, 0}, {1, 1}, {2, 2}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KMeans.with().clusters(4).fit(x)).getMessage()
                .contains("clusters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cblof.with().fit(x)).getMessage()
                .contains("clusters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dbscan.with().eps(0)).getMessage().contains("eps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dbscan.with().eps(-0.5)).getMessage().contains("eps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dbscan.with().minSamples(0)).getMessage()
                .contains("minSamples"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cblof.with().clusters(1)).getMessage()
                .contains("clusters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cblof.with().alpha(1)).getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cblof.with().beta(1)).getMessage().contains("beta"));
        String noCore = assertThrows(IllegalArgumentException.class, () -> Dbscan.with().fit(x)).getMessage();
        assertTrue(noCore.contains("no core sample"), noCore);
        double[][] nan = {{0, 0}, {1, Double.NaN}, {2, 2}};
        for (Detector<?> d : new Detector<?>[] {KMeans.with().clusters(2), Cblof.with().clusters(2), Dbscan.with()}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> d.fit(nan)).getMessage().contains("row 1"),
                    d.name());
        }
    }

    static double[][] deep(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
