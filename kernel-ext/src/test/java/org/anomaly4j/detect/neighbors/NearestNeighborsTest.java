package org.anomaly4j.detect.neighbors;

import static org.anomaly4j.detect.neighbors.NeighborsGolden.intMatrix;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.json;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

import org.anomaly4j.detect.neighbors.NearestNeighbors.Structure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class NearestNeighborsTest {

    /**
     * Distances must be bit-identical to scikit-learn's KDTree (same sequential sum of squares, one sqrt);
     * 1e-15 relative leaves only the last bit. Indices are compared where the distance is unique in its row and
     * not the last column (a tie with the unseen (k+1)-th may be broken the other way by scikit-learn).
     */
    private static final double DISTANCE_TOL = 1e-15;

    @ParameterizedTest
    @EnumSource(value = Structure.class, names = {"KD_TREE", "BRUTE"})
    void trainingNeighboursEqualScikitLearn(Structure structure) {
        JsonNode g = json("kneighbors.json");
        int k = g.get("k").asInt();
        NearestNeighbors nn = NearestNeighbors.fit(matrix(g.get("x")), structure);
        compare(nn.kneighbors(k), matrix(g.get("distances")), intMatrix(g.get("indices")), "training");
        compare(nn.kneighbors(matrix(g.get("new")), k), matrix(g.get("new_distances")), intMatrix(g.get("new_indices")),
                "new rows");
        int wk = g.get("wide_k").asInt();
        compare(NearestNeighbors.fit(matrix(g.get("wide")), structure).kneighbors(wk), matrix(g.get("wide_distances")),
                intMatrix(g.get("wide_indices")), "d = 20");
    }

    private static void compare(Neighbors ours, double[][] dist, int[][] idx, String what) {
        assertEquals(dist.length, ours.rows(), what);
        int checkedIndices = 0;
        for (int i = 0; i < dist.length; i++) {
            int k = dist[i].length;
            for (int j = 0; j < k; j++) {
                double e = dist[i][j];
                double err = Math.abs(ours.distance(i, j) - e) / Math.max(e, Double.MIN_NORMAL);
                assertTrue(err <= DISTANCE_TOL || ours.distance(i, j) == e,
                        what + " row " + i + " neighbour " + j + ": " + ours.distance(i, j) + " vs " + e);
                boolean unique = (j == 0 || dist[i][j - 1] != e) && j < k - 1 && dist[i][j + 1] != e;
                if (unique) {
                    assertEquals(idx[i][j], ours.index(i, j), what + " row " + i + " neighbour " + j);
                    checkedIndices++;
                }
            }
        }
        assertTrue(checkedIndices > dist.length, what + ": too few unique distances to check indices");
    }

    /** Exact reference: all distances, sorted by (distance, index). */
    private static Neighbors naive(double[][] x, double[][] q, int k, boolean self) {
        int m = q.length;
        int[] idx = new int[m * k];
        double[] dist = new double[m * k];
        for (int i = 0; i < m; i++) {
            Integer[] order = new Integer[x.length];
            double[] d2 = new double[x.length];
            for (int r = 0; r < x.length; r++) {
                order[r] = r;
                double s = 0;
                for (int j = 0; j < x[r].length; j++) {
                    double t = q[i][j] - x[r][j];
                    s += t * t;
                }
                d2[r] = (self && r == i) ? Double.POSITIVE_INFINITY : s;
            }
            Arrays.sort(order, (a, b) -> d2[a] != d2[b] ? Double.compare(d2[a], d2[b]) : Integer.compare(a, b));
            for (int j = 0; j < k; j++) {
                idx[i * k + j] = order[j];
                dist[i * k + j] = Math.sqrt(d2[order[j]]);
            }
        }
        return new Neighbors(m, k, idx, dist);
    }

    /** Rows on a coarse grid (many exact distance ties) plus duplicates, in d dimensions. */
    private static double[][] tiedRows(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = i > 0 && r.nextInt(10) == 0 ? x[i - 1][j] : r.nextInt(7) * 0.5 - 1.5 + (j == 0 ? 1e3 : 0);
            }
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(value = Structure.class, names = {"KD_TREE", "BRUTE"})
    void equalsExhaustiveSearch(Structure structure) {
        // the column offset 1e3 makes ‖a‖² ≫ ‖a − b‖²: the brute force's expansion cancels badly and must re-check
        for (int d : new int[] {1, 2, 5, 17}) {
            double[][] x = tiedRows(700, d, d);
            double[][] q = tiedRows(90, d, 100 + d);
            NearestNeighbors nn = NearestNeighbors.fit(x, structure);
            Neighbors ref = naive(x, x, 40, true);
            Neighbors refNew = naive(x, q, 40, false);
            for (int k : new int[] {1, 6, 40}) {
                assertPrefix(ref, nn.kneighbors(k), structure + " d " + d + " k " + k);
                assertPrefix(refNew, nn.kneighbors(q, k), structure + " new rows, d " + d + " k " + k);
            }
        }
    }

    /**
     * {@code ours} has the distances of the first ours.k() neighbours of each row of {@code ref}; the same
     * indices for the brute force (ties to the lower index), and for the tree wherever the distance is not
     * tied with the k-th (there it keeps scikit-learn's choice, checked against the golden file).
     */
    private static void assertPrefix(Neighbors ref, Neighbors ours, String what) {
        boolean lowerIndex = what.startsWith("BRUTE");
        int k = ours.k();
        for (int i = 0; i < ref.rows(); i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(ref.distance(i, j), ours.distance(i, j), 0.0, what + " row " + i + " neighbour " + j);
                if (lowerIndex || ref.distance(i, j) != ref.distance(i, k - 1)) {
                    assertEquals(ref.index(i, j), ours.index(i, j), what + " row " + i + " neighbour " + j);
                }
            }
        }
    }

    @Test
    void allOtherRowsWhenKIsNMinusOne() {
        double[][] x = {{0}, {1}, {3}, {3}};
        Neighbors nb = NearestNeighbors.fit(x).kneighbors(3);
        assertArrayEquals(new int[] {1, 2, 3, 0, 2, 3, 3, 1, 0, 2, 1, 0}, nb.indices());
        assertArrayEquals(new double[] {1, 3, 3, 1, 2, 2, 0, 2, 3, 0, 2, 3}, nb.distances(), 0.0);
        assertEquals(3.0, nb.kDistance(0));
    }

    @Test
    void autoPicksTheTreeInLowDimensionAndBruteForceAbove() {
        assertEquals(Structure.KD_TREE, NearestNeighbors.fit(tiedRows(50, NearestNeighbors.KD_TREE_MAX_DIMENSION, 1)).structure());
        assertEquals(Structure.BRUTE,
                NearestNeighbors.fit(tiedRows(50, NearestNeighbors.KD_TREE_MAX_DIMENSION + 1, 1)).structure());
    }

    @Test
    void inputIsNotModified() {
        double[][] x = tiedRows(300, 3, 9);
        double[][] copy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        NearestNeighbors nn = NearestNeighbors.fit(x);
        nn.kneighbors(5);
        nn.kneighbors(x, 5);
        assertTrue(Arrays.deepEquals(copy, x));
    }

    @Test
    void badInputNamesTheProblem() {
        double[][] x = {{0, 1}, {1, 2}, {2, 3}};
        var nan = assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbors.fit(new double[][] {{0, 1}, {Double.NaN, 2}}));
        assertTrue(nan.getMessage().contains("row 1, column 0"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbors.fit(new double[][] {{0, 1}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbors.fit(new double[0][]));
        NearestNeighbors nn = NearestNeighbors.fit(x);
        var k = assertThrows(IllegalArgumentException.class, () -> nn.kneighbors(3));
        assertTrue(k.getMessage().contains("[1, 2]"), k.getMessage());
        assertThrows(IllegalArgumentException.class, () -> nn.kneighbors(0));
        assertThrows(IllegalArgumentException.class, () -> nn.kneighbors(new double[][] {{0, 1}}, 4));
        var width = assertThrows(IllegalArgumentException.class, () -> nn.kneighbors(new double[][] {{0}}, 1));
        assertTrue(width.getMessage().contains("1 columns"), width.getMessage());
    }
}
