package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdImpactChartTest {

    private static final double[] T = {0.1, 0.2, 0.3, 0.4};
    private static final double[] P = {0.2, 0.5, 0.8, 1.0};
    private static final double[] R = {1.0, 0.9, 0.6, 0.2};
    private static final double[] F1 = {0.33, 0.64, 0.69, 0.33};

    @Test
    void threeLinesAndTheBestF1Marked() {
        Figure f = ThresholdImpactChart.create("impact", T, P, R, F1);
        assertEquals(4, f.traceCount());
        assertEquals("precision", f.trace(0).get("name").asText());
        assertEquals("recall", f.trace(1).get("name").asText());
        assertEquals("F1", f.trace(2).get("name").asText());
        assertEquals("best F1 0.69 at 0.3", f.trace(3).get("name").asText());
        assertEquals(0.3, f.trace(3).get("x").get(0).asDouble());
        assertEquals(0.69, f.trace(3).get("y").get(0).asDouble());
        assertEquals("threshold", f.axisTitle("x"));
        assertFalse(f.layout().has("yaxis2"), "no cost axis without cost");
        assertEquals("h", f.layout().get("legend").get("orientation").asText());
    }

    @Test
    void costGoesOnASecondAxisWithItsMinimumMarked() {
        double[] cost = {50, 20, 25, 90};
        Figure f = ThresholdImpactChart.create("impact", T, P, R, F1, cost);
        assertEquals(6, f.traceCount());
        assertEquals("cost", f.trace(4).get("name").asText());
        assertEquals("y2", f.trace(4).get("yaxis").asText());
        assertEquals("lowest cost 20 at 0.2", f.trace(5).get("name").asText());
        assertEquals("y2", f.trace(5).get("yaxis").asText());
        assertEquals("cost", f.axisTitle("y2"));
        assertEquals("y", f.layout().get("yaxis2").get("overlaying").asText());
        assertEquals("right", f.layout().get("yaxis2").get("side").asText());
        assertArrayEquals(new double[] {50, 20, 25, 90}, cost, "input unchanged");
    }

    @Test
    void costMayHaveItsOwnThresholds() {
        Figure f = ThresholdImpactChart.create("impact", T, P, R, F1, new double[] {0.15, 0.35}, new double[] {7, 3});
        assertEquals(0.35, f.trace(4).get("x").get(1).asDouble());
        assertEquals("lowest cost 3 at 0.35", f.trace(5).get("name").asText());
        String m = assertThrows(IllegalArgumentException.class, () -> ThresholdImpactChart.create("t", T, P, R, F1,
                new double[] {0.1}, new double[] {1, 2})).getMessage();
        assertTrue(m.startsWith("cost has 2 values but costThresholds has 1"), m);
    }

    @Test
    void badInputNamesTheArray() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> ThresholdImpactChart.create("t", T, P, new double[] {1, 2}, F1)).getMessage();
        assertTrue(m.startsWith("recall has 2 values but thresholds has 4"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> ThresholdImpactChart.create("t", T, P, R, new double[] {0, Double.NaN, 0, 0})).getMessage();
        assertTrue(m.startsWith("F1 has the non-finite value NaN at index 1"), m);
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdImpactChart.create("t", new double[0], new double[0], new double[0], new double[0]));
        double[] one = {0.5};
        assertThrows(IllegalArgumentException.class, () -> ThresholdImpactChart.create("t",
                new double[] {Double.POSITIVE_INFINITY}, one, one, one));
    }

    @Test
    void infiniteThresholdsAreLeftOffTheAxis() {
        // CostAnalysis and roc_curve start at +inf ("flag nothing")
        Figure f = ThresholdImpactChart.create("t", T, P, R, F1, new double[] {Double.POSITIVE_INFINITY, 0.2, 0.3},
                new double[] {100, 20, 30});
        assertEquals(2, f.trace(4).get("x").size());
        assertEquals(0.2, f.trace(4).get("x").get(0).asDouble());
        assertEquals("lowest cost 20 at 0.2", f.trace(5).get("name").asText());
    }
}
