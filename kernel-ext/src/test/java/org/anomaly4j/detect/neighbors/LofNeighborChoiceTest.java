package org.anomaly4j.detect.neighbors;

import static org.anomaly4j.detect.neighbors.NeighborsGolden.json;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.matrix;
import static org.anomaly4j.detect.neighbors.NeighborsGolden.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The silhouette choice of LOF's k against scikit-learn's fit_predict + silhouette_score (golden/neighbors/lof_choice.json). */
class LofNeighborChoiceTest {

    /**
     * scikit-learn's silhouette uses distances from the expansion ‖a‖² + ‖b‖² − 2a·b (rounding ~1e-16 relative
     * to the norms) and sums them in another order; 1e-9 absolute on a value in [−1, 1] is far above that.
     */
    private static final double SILHOUETTE_TOL = 1e-9;

    @Test
    void silhouettesAndChoiceEqualScikitLearn() {
        JsonNode g = json("lof_choice.json");
        double[][] x = matrix(json("lof_synthetic.json").get("x"));
        int[] ks = LofNeighborChoice.range(10, 50, 5);
        double[] expectedK = vector(g.get("k"));
        assertEquals(expectedK.length, ks.length);
        // sample size above n: the silhouette of all rows, as silhouette_score without sample_size
        LofNeighborChoice.Result r = LofNeighborChoice.chooseK(x, ks, g.get("contamination").asDouble(), 10_000, 0);
        assertArrayEquals(vector(g.get("silhouette")), r.silhouettes(), SILHOUETTE_TOL);
        for (int i = 0; i < ks.length; i++) {
            assertEquals(g.get("outliers").get(i).asInt(), r.outliers()[i], "outliers at k " + ks[i]);
        }
        assertEquals(g.get("chosen_k").asInt(), r.k());
    }

    @Test
    void subsampleIsSeededAndDistinct() {
        int[] a = LofNeighborChoice.sample(10_000, 500, 7);
        assertArrayEquals(a, LofNeighborChoice.sample(10_000, 500, 7));
        assertEquals(500, java.util.Arrays.stream(a).distinct().count());
        assertTrue(!java.util.Arrays.equals(a, LofNeighborChoice.sample(10_000, 500, 8)));
    }

    @Test
    void silhouetteOfTwoSeparatedPairsIsNearOne() {
        // {0, 0.1} and {10, 10.1}: a = 0.1, b ≈ 10, s ≈ 0.99 for each row (hand-computed)
        double[][] x = {{0}, {0.1}, {10}, {10.1}};
        double s = LofNeighborChoice.silhouette(x, new int[] {0, 1, 2, 3}, new boolean[] {false, false, true, true});
        double s0 = (10.05 - 0.1) / 10.05;
        double s1 = (9.95 - 0.1) / 9.95;
        assertEquals((s0 + s1 + s1 + s0) / 4, s, 1e-12);
        assertTrue(Double.isNaN(LofNeighborChoice.silhouette(x, new int[] {0, 1}, new boolean[] {false, false})));
    }

    @Test
    void badArguments() {
        double[][] x = {{0}, {1}, {2}};
        assertThrows(IllegalArgumentException.class, () -> LofNeighborChoice.chooseK(x, new int[0], 0.1));
        var c = assertThrows(IllegalArgumentException.class, () -> LofNeighborChoice.chooseK(x, new int[] {2}, 0.7));
        assertTrue(c.getMessage().contains("(0, 0.5]"), c.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LofNeighborChoice.range(10, 5, 5));
    }
}
