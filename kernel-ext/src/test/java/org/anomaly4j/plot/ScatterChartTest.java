package org.anomaly4j.plot;

import static org.anomaly4j.plot.ChartFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScatterChartTest {

    @Test
    void traceIsScatterMarkersWithColumnsAsAxisTitles() {
        Figure f = ScatterChart.create("Temp vs n", ChartFixtures.sample(), "n", "temp");
        assertEquals(1, f.traceCount());
        ObjectNode t = f.trace(0);
        assertEquals("scatter", t.get("type").asText());
        assertEquals("markers", t.get("mode").asText());
        assertEquals("temp", t.get("name").asText());
        assertTrue(t.get("marker").isObject());
        assertEquals("Temp vs n", f.title());
        assertEquals("n", f.axisTitle("x"));
        assertEquals("temp", f.axisTitle("y"));
        assertTrue(f.layout().get("xaxis").get("title").isObject(), "titles as {text: ...}");
    }

    @Test
    void missingAndNonFiniteNumbersBecomeJsonNull() {
        Figure f = ScatterChart.create("t", ChartFixtures.sample(), "n", "temp");
        JsonNode x = f.trace(0).get("x");
        JsonNode y = f.trace(0).get("y");
        assertEquals(4, x.size());
        assertEquals(4, y.size());
        assertEquals(1.0, x.get(0).asDouble());
        assertTrue(x.get(0).isNumber());
        assertTrue(x.get(3).isNull(), "missing int");
        assertEquals(32.8, y.get(0).asDouble());
        assertTrue(y.get(1).isNull(), "NaN");
        assertEquals(31.5, y.get(2).asDouble());
        assertTrue(y.get(3).isNull(), "infinity");
        assertTrue(f.toJson().contains("\"y\":[32.8,null,31.5,null]"), f.toJson());
    }

    @Test
    void dateTimeXBecomesIsoText() {
        Figure f = ScatterChart.create("t", ChartFixtures.sample(), "when", "temp");
        JsonNode x = f.trace(0).get("x");
        assertTrue(x.get(0).isTextual());
        assertEquals(T0, LocalDateTime.parse(x.get(0).asText()));
        assertTrue(x.get(0).asText().startsWith("2021-08-21T14:00"), x.get(0).asText());
        assertEquals(T0.plusHours(1).plusSeconds(30), LocalDateTime.parse(x.get(1).asText()));
        assertTrue(x.get(2).isNull(), "missing date-time");
    }

    @Test
    void textColumnsStayText() {
        Figure f = ScatterChart.create("t", ChartFixtures.sample(), "label", "n");
        JsonNode x = f.trace(0).get("x");
        assertEquals("a", x.get(0).asText());
        assertTrue(x.get(0).isTextual());
        assertTrue(x.get(2).isNull(), "an empty string cell is Tablesaw's missing text");
    }

    @Test
    void unknownColumnNamesTheColumnAndListsTheTablesColumns() {
        Table t = ChartFixtures.sample();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScatterChart.create("t", t, "nope", "temp"));
        assertTrue(e.getMessage().contains("\"nope\""), e.getMessage());
        for (String c : t.columnNames()) {
            assertTrue(e.getMessage().contains(c), "lists " + c + ": " + e.getMessage());
        }
        IllegalArgumentException ey = assertThrows(IllegalArgumentException.class,
                () -> ScatterChart.create("t", t, "temp", "temperature"));
        assertTrue(ey.getMessage().contains("\"temperature\""), ey.getMessage());
    }

    @Test
    void inputTableIsUnchanged() {
        Table t = ChartFixtures.sample();
        Table before = t.copy();
        ScatterChart.create("t", t, "when", "temp");
        ScatterChart.create("t", t, "n", "label");
        assertEquals(before.rowCount(), t.rowCount());
        assertEquals(before.columnNames(), t.columnNames());
        for (int c = 0; c < t.columnCount(); c++) {
            for (int r = 0; r < t.rowCount(); r++) {
                assertEquals(before.column(c).getString(r), t.column(c).getString(r), "cell " + r + "," + c);
                assertEquals(before.column(c).isMissing(r), t.column(c).isMissing(r));
            }
        }
    }
}
