package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DecisionBoundaryChartTest {

    /** Distance from the origin: a ring-shaped boundary at the threshold. */
    private static final Function<double[][], double[]> DISTANCE = rows -> {
        double[] s = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            s[i] = Math.hypot(rows[i][0], rows[i][1]);
        }
        return s;
    };
    private static final double[] X = {0, 1, -1, 0.5, 4};
    private static final double[] Y = {0, 0, 1, -0.5, 4};
    private static final boolean[] LABELS = {false, false, false, false, true};

    @Test
    void gridOfScoresThresholdLineAndLabelledPoints() {
        Figure f = DecisionBoundaryChart.create("IF", DISTANCE, 2.0, X, Y, "T17", "RH17", LABELS, 11);
        assertEquals(4, f.traceCount());
        ObjectNode fill = f.trace(0);
        assertEquals("contour", fill.get("type").asText());
        assertEquals(Palette.SEQUENTIAL, fill.get("colorscale").asText());
        JsonNode gx = fill.get("x");
        assertEquals(11, gx.size());
        assertEquals(-1 - 0.25, gx.get(0).asDouble(), 1e-12, "min - 5 % of the range 5");
        assertEquals(4 + 0.25, gx.get(10).asDouble(), 1e-12);
        JsonNode z = fill.get("z");
        assertEquals(11, z.size(), "rows = y grid");
        double x3 = gx.get(3).asDouble();
        double y7 = fill.get("y").get(7).asDouble();
        assertEquals((float) Math.hypot(x3, y7), z.get(7).get(3).floatValue(), "z[j][i] = score(x_i, y_j)");
        ObjectNode line = f.trace(1);
        assertEquals("threshold 2", line.get("name").asText());
        assertEquals(2.0, line.get("contours").get("start").asDouble());
        assertEquals(2.0, line.get("contours").get("end").asDouble());
        assertEquals(z, line.get("z"), "the line is drawn on the same grid");
        assertEquals("normal (4)", f.trace(2).get("name").asText());
        assertEquals("anomaly (1)", f.trace(3).get("name").asText());
        assertEquals(4.0, f.trace(3).get("x").get(0).asDouble());
        JsonNode custom = f.trace(3).get("customdata").get(0);
        assertEquals(4, custom.get(0).asInt(), "row number");
        assertEquals(Math.hypot(4, 4), custom.get(1).asDouble(), 1e-12, "row's score");
        assertEquals("flagged", custom.get(2).asText());
        assertEquals("not flagged", f.trace(2).get("customdata").get(0).get(2).asText());
        assertEquals("T17", f.axisTitle("x"));
        assertEquals("RH17", f.axisTitle("y"));
    }

    @Test
    void defaultGridIsOneHundredSquaredAndScoringIsBatched() {
        AtomicInteger calls = new AtomicInteger();
        Function<double[][], double[]> counting = rows -> {
            calls.incrementAndGet();
            return DISTANCE.apply(rows);
        };
        double[] x = X.clone();
        Figure f = DecisionBoundaryChart.create("t", counting, 1, x, Y, "a", "b", null);
        assertEquals(2, calls.get(), "one call for the grid, one for the rows");
        assertEquals(DecisionBoundaryChart.DEFAULT_RESOLUTION, f.trace(0).get("x").size());
        assertEquals(4, f.traceCount(), "no labels: the model's flags split the points");
        assertEquals("not flagged (3)", f.trace(2).get("name").asText(), "distances 0, 1, 0.71 are not > 1");
        assertEquals("flagged (2)", f.trace(3).get("name").asText());
        assertEquals(4.0, f.trace(3).get("x").get(1).asDouble());
        assertArrayEquals(X, x, "input unchanged");
    }

    @Test
    void badInputAndBadScoringFunction() {
        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryChart.create("t", DISTANCE, 1, X, new double[] {1}, "a", "b", null));
        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryChart.create("t", DISTANCE, 1, X, Y, "a", "b", new boolean[2]));
        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryChart.create("t", DISTANCE, Double.NaN, X, Y, "a", "b", null));
        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryChart.create("t", DISTANCE, 1, X, Y, "a", "b", null, 1));
        String m = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryChart.create("t", rows -> new double[3], 1, X, Y, "a", "b", null, 5))
                .getMessage();
        assertTrue(m.contains("3 scores for 25 rows"), m);
        m = assertThrows(IllegalArgumentException.class, () -> DecisionBoundaryChart.create("t",
                rows -> new double[rows.length], 1, new double[] {Double.NaN}, new double[] {1}, "a", "b", null))
                .getMessage();
        assertTrue(m.startsWith("a has the non-finite value NaN at index 0"), m);
    }

    @Test
    void constantFeatureSpansHalfAUnitEachSide() {
        double[] g = DecisionBoundaryChart.axisGrid(new double[] {3, 3, 3}, 3);
        assertArrayEquals(new double[] {2.5, 3, 3.5}, g, 1e-15);
    }
}
