package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ScoreDistributionChartTest {

    private static final double[] SCORES = {0.1, 0.2, 0.2, 0.3, 0.35, 0.4, 0.8, 0.9};
    private static final boolean[] LABELS = {false, false, false, false, false, false, true, true};

    @Test
    void twoClassesOnTheSameBinsAsPercentOfClassWithTheThresholdLine() {
        Figure f = ScoreDistributionChart.create("scores", SCORES, LABELS, 0.5);
        assertEquals(2, f.traceCount());
        assertEquals("normal (6)", f.trace(0).get("name").asText());
        assertEquals("anomaly (2)", f.trace(1).get("name").asText());
        assertEquals(Palette.NORMAL, f.trace(0).get("marker").get("color").asText());
        assertEquals(Palette.ANOMALY, f.trace(1).get("marker").get("color").asText());
        assertEquals(f.trace(0).get("x"), f.trace(1).get("x"), "same bins");
        double[] edges = Bins.autoEdges(SCORES);
        assertEquals(edges.length - 1, f.trace(0).get("x").size());
        double sum = 0;
        for (JsonNode y : f.trace(1).get("y")) {
            sum += y.asDouble();
        }
        assertEquals(100, sum, 1e-9, "heights are percent of the class");
        JsonNode shape = f.layout().get("shapes").get(0);
        assertEquals(0.5, shape.get("x0").asDouble());
        assertEquals(0.5, shape.get("x1").asDouble());
        assertEquals("paper", shape.get("yref").asText());
        assertEquals("threshold 0.5", f.layout().get("annotations").get(0).get("text").asText());
        assertEquals("% of class", f.axisTitle("y"));
        assertTrue(f.axisTitle("x").startsWith("score"));
        assertEquals("actual class", f.layout().get("legend").get("title").get("text").asText());
    }

    @Test
    void withoutLabelsOneHistogram() {
        Figure f = ScoreDistributionChart.create("scores", SCORES, 0.5);
        assertEquals(1, f.traceCount());
        assertEquals("all rows (8)", f.trace(0).get("name").asText());
        assertEquals(1, f.layout().get("shapes").size());
    }

    @Test
    void badInputAndNoMutation() {
        double[] s = SCORES.clone();
        ScoreDistributionChart.create("t", s, LABELS, 0.5);
        assertArrayEquals(SCORES, s);
        assertThrows(IllegalArgumentException.class,
                () -> ScoreDistributionChart.create("t", SCORES, new boolean[] {true}, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreDistributionChart.create("t", SCORES, LABELS, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreDistributionChart.create("t", new double[] {1, Double.NaN}, 0.5));
    }
}
