package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ConfusionMatrixChartTest {

    @Test
    void cellsHoldCountsAndRowRatesInScikitLearnLayout() {
        Figure f = ConfusionMatrixChart.create("CM", 90, 10, 2, 8);
        assertEquals(1, f.traceCount());
        ObjectNode t = f.trace(0);
        assertEquals("heatmap", t.get("type").asText());
        JsonNode z = t.get("z");
        assertEquals(0.9, z.get(0).get(0).asDouble(), 1e-15, "TN / normals");
        assertEquals(0.1, z.get(0).get(1).asDouble(), 1e-15, "FP / normals");
        assertEquals(0.2, z.get(1).get(0).asDouble(), 1e-15, "FN / anomalies");
        assertEquals(0.8, z.get(1).get(1).asDouble(), 1e-15, "TP / anomalies");
        assertEquals("TN 90<br>90.0 %", t.get("text").get(0).get(0).asText());
        assertEquals("FN 2<br>20.0 %", t.get("text").get(1).get(0).asText());
        assertEquals("TP 8<br>80.0 %", t.get("text").get(1).get(1).asText());
        assertEquals("FN 2: 20.0 % of anomalies", t.get("customdata").get(1).get(0).asText(), "hover names the class");
        assertEquals("FP 10: 10.0 % of normals", t.get("customdata").get(0).get(1).asText());
        assertEquals("normal", t.get("y").get(0).asText(), "actual normal is the first row");
        assertEquals("anomaly", t.get("x").get(1).asText());
        assertEquals("predicted", f.axisTitle("x"));
        assertEquals("actual", f.axisTitle("y"));
        assertEquals("reversed", f.layout().get("yaxis").get("autorange").asText(), "normal row on top");
        assertEquals(Palette.SEQUENTIAL, t.get("colorscale").asText());
        assertEquals("%{text}", t.get("texttemplate").asText());
    }

    @Test
    void emptyClassAndNegativeCounts() {
        Figure f = ConfusionMatrixChart.create("CM", 5, 0, 0, 0);
        assertTrue(f.trace(0).get("z").get(1).get(0).isNull(), "no anomalies: no rate");
        assertTrue(f.trace(0).get("text").get(1).get(1).asText().contains("no anomalies"));
        String m = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixChart.create("CM", 1, -1, 0, 0)).getMessage();
        assertTrue(m.startsWith("FP"), m);
    }
}
