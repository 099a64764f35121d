package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class SubplotsTest {

    private static final double[] T = {0.1, 0.2, 0.3};

    private static Figure roc(String name) {
        return RocChart.create("ROC " + name, new Curve(name, new double[] {0, 0.2, 1}, new double[] {0, 0.8, 1}, 0.8));
    }

    private static List<String> annotationTexts(Figure f) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : f.layout().path("annotations")) {
            out.add(a.get("text").asText());
        }
        return out;
    }

    @Test
    void twoByTwoRenumbersAxesAndPlacesCells() {
        Figure cost = ThresholdImpactChart.create("impact", T, new double[] {0.2, 0.5, 0.9},
                new double[] {1, 0.7, 0.3}, new double[] {0.3, 0.6, 0.45}, new double[] {9, 4, 6});
        Figure scores = ScoreDistributionChart.create("scores", new double[] {0.1, 0.2, 0.9, 0.3},
                new boolean[] {false, false, true, false}, 0.5);
        Figure cm = ConfusionMatrixChart.create("cm", 5, 1, 1, 3);
        Figure f = Subplots.create("report", 2, 2, roc("IF"), cost, scores, cm);
        assertEquals(2 + 6 + 2 + 1, f.traceCount());
        assertEquals("report", f.title());
        // figure 1: x/y; figure 2: x2/y2 and its cost axis y3 overlaying y2
        assertEquals("x", f.trace(0).get("xaxis").asText());
        assertEquals("y", f.trace(0).get("yaxis").asText());
        assertEquals("x2", f.trace(2).get("xaxis").asText());
        assertEquals("y2", f.trace(2).get("yaxis").asText());
        ObjectNode costTrace = f.trace(6);
        assertEquals("cost", costTrace.get("name").asText());
        String costAxis = costTrace.get("yaxis").asText();
        assertFalse(costAxis.equals("y2"));
        JsonNode layout = f.layout();
        JsonNode y3 = layout.get(Figure.layoutAxisKey(costAxis));
        assertEquals("y2", y3.get("overlaying").asText());
        assertEquals("x2", y3.get("anchor").asText());
        assertEquals("cost", f.axisTitle(costAxis));
        // ROC's square aspect follows its own renumbered axis
        assertEquals("x", layout.get("yaxis").get("scaleanchor").asText());
        // cells: top-left and top-right, bottom row below
        JsonNode xd1 = layout.get("xaxis").get("domain");
        JsonNode xd2 = layout.get("xaxis2").get("domain");
        assertEquals(0.0, xd1.get(0).asDouble());
        assertTrue(xd1.get(1).asDouble() < xd2.get(0).asDouble(), "columns do not overlap");
        assertEquals(1.0, xd2.get(1).asDouble(), 1e-12);
        JsonNode yTop = layout.get("yaxis").get("domain");
        String scoresY = f.trace(8).get("yaxis").asText();
        JsonNode yBottom = layout.get(Figure.layoutAxisKey(scoresY)).get("domain");
        assertTrue(yBottom.get(1).asDouble() < yTop.get(0).asDouble(), "rows do not overlap");
        // the score threshold line moved to the third cell; its paper reference became that cell's domain
        JsonNode shape = layout.get("shapes").get(0);
        assertEquals(f.trace(8).get("xaxis").asText(), shape.get("xref").asText());
        assertEquals(scoresY + " domain", shape.get("yref").asText());
        List<String> notes = annotationTexts(f);
        assertTrue(notes.contains("threshold 0.5"));
        for (String heading : new String[] {"ROC IF", "impact", "scores", "cm"}) {
            assertTrue(notes.contains("<b>" + heading + "</b>"), heading + " in " + notes);
        }
        assertEquals("figure 1", f.trace(0).get("legendgroup").asText());
        assertEquals("ROC IF", f.trace(0).get("legendgrouptitle").get("text").asText());
        assertEquals("overlay", layout.get("barmode").asText(), "the histogram keeps its overlay");
        // the heatmap's colour bar sits beside its own cell
        JsonNode bar = f.trace(10).get("colorbar");
        assertEquals(1.0, bar.get("x").asDouble() - 0.01, 1e-9);
        assertEquals(layout.get(Figure.layoutAxisKey(f.trace(10).get("yaxis").asText())).get("domain").get(1)
                .asDouble() - layout.get(Figure.layoutAxisKey(f.trace(10).get("yaxis").asText())).get("domain")
                .get(0).asDouble(), bar.get("len").asDouble(), 1e-12);
    }

    @Test
    void sameAxisTitlesAreSharedAlongRowsAndColumns() {
        Figure f = Subplots.create("two", 1, 2, roc("IF"), roc("LOF"));
        JsonNode l = f.layout();
        assertEquals("y", l.get("yaxis2").get("matches").asText(), "same y title in a row: linked");
        assertEquals("true-positive rate", f.axisTitle("y"));
        assertEquals("", f.axisTitle("y2"), "title only on the left");
        assertFalse(l.get("xaxis2").has("matches"), "different columns: x not linked");
        assertEquals("false-positive rate", f.axisTitle("x2"));
        Table t = Table.create("t", DoubleColumn.create("a", 1, 2, 3), DoubleColumn.create("b", 3, 1, 2));
        Figure g = Subplots.create("mixed", 1, 2, Histogram.create("h", t, "a"), Histogram.create("h", t, "b"));
        assertEquals("y", g.layout().get("yaxis2").get("matches").asText(), "both count axes");
        assertFalse(g.layout().get("xaxis2").has("matches"));
    }

    @Test
    void badGrids() {
        assertThrows(IllegalArgumentException.class, () -> Subplots.create("t", 1, 1, roc("a"), roc("b")));
        assertThrows(IllegalArgumentException.class, () -> Subplots.create("t", 0, 1, roc("a")));
        Table t = Table.create("t", DoubleColumn.create("a", 1, 2), DoubleColumn.create("b", 3, 1));
        String m = assertThrows(IllegalArgumentException.class,
                () -> Subplots.create("t", 1, 2, roc("a"), ScatterMatrix.create("s", t, "a", "b"))).getMessage();
        assertTrue(m.contains("splom"), m);
        Figure one = Subplots.create("gap", 2, 2, roc("a"), null, roc("b"));
        assertEquals(4, one.traceCount(), "a null leaves its cell empty");
    }
}
