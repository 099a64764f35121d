package org.anomaly4j.plot;

import static org.anomaly4j.plot.ChartFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LineChartTest {

    @Test
    void traceIsScatterLinesWithColumnsAsAxisTitles() {
        Figure f = LineChart.create("Temp over time", ChartFixtures.sample(), "when", "temp");
        assertEquals(1, f.traceCount());
        ObjectNode t = f.trace(0);
        assertEquals("scatter", t.get("type").asText());
        assertEquals("lines", t.get("mode").asText());
        assertEquals("temp", t.get("name").asText());
        assertFalse(t.has("marker"), "a line has no marker settings");
        assertEquals("Temp over time", f.title());
        assertEquals("when", f.axisTitle("x"));
        assertEquals("temp", f.axisTitle("y"));
    }

    @Test
    void rowOrderIsKeptAndGapsAreNull() {
        Figure f = LineChart.create("t", ChartFixtures.sample(), "when", "temp");
        JsonNode x = f.trace(0).get("x");
        JsonNode y = f.trace(0).get("y");
        assertEquals(T0, LocalDateTime.parse(x.get(0).asText()));
        assertEquals(T0.plusHours(3), LocalDateTime.parse(x.get(3).asText()));
        assertTrue(x.get(2).isNull());
        assertTrue(y.get(1).isNull(), "NaN breaks the line");
        assertTrue(y.get(3).isNull(), "infinity is not drawable");
        assertEquals(31.5, y.get(2).asDouble());
    }

    @Test
    void unknownColumnIsReported() {
        Table t = ChartFixtures.sample();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.create("t", t, "when", "missing_col"));
        assertTrue(e.getMessage().contains("missing_col"), e.getMessage());
        assertTrue(e.getMessage().contains(t.columnNames().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("sample"), "names the table: " + e.getMessage());
    }

    @Test
    void inputTableIsUnchanged() {
        Table t = ChartFixtures.sample();
        String before = t.printAll();
        int rows = t.rowCount();
        LineChart.create("t", t, "when", "n");
        assertEquals(rows, t.rowCount());
        assertEquals(before, t.printAll());
    }
}
