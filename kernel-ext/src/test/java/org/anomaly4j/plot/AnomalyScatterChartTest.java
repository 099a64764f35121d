package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class AnomalyScatterChartTest {

    private static Table table() {
        return Table.create("t", DoubleColumn.create("x", 1, 2, 3, 4), DoubleColumn.create("y", 4, 3, 2, 10),
                BooleanColumn.create("flag", new boolean[] {false, false, true, true}));
    }

    @Test
    void flaggedRowsFormTheSecondTrace() {
        Table t = table();
        Figure f = AnomalyScatterChart.create("T", t, "x", "y", "flag");
        assertEquals(2, f.traceCount());
        assertEquals("normal (2)", f.trace(0).get("name").asText());
        assertEquals("anomaly (2)", f.trace(1).get("name").asText());
        assertEquals(3.0, f.trace(1).get("x").get(0).asDouble());
        assertEquals(10.0, f.trace(1).get("y").get(1).asDouble());
        assertEquals("x", f.axisTitle("x"));
        assertEquals(4, t.rowCount(), "input unchanged");
    }

    @Test
    void flagMustBeBoolean() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> AnomalyScatterChart.create("T", table(), "x", "y", "y")).getMessage();
        assertTrue(m.contains("\"y\"") && m.contains("BOOLEAN"), m);
    }
}
