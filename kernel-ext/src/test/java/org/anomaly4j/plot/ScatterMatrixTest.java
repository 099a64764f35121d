package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ScatterMatrixTest {

    private static Table table() {
        return Table.create("t", DoubleColumn.create("a", 1, 2, 3, 4), DoubleColumn.create("b", 4, 3, 2, 1),
                DoubleColumn.create("c", 0, 0, 1, Double.NaN), IntColumn.create("Class", 0, 1, 0, 0));
    }

    @Test
    void oneSplomTracePerLabelWithTheColumnsAsDimensions() {
        Figure f = ScatterMatrix.create("pairs", table(), List.of("a", "b", "c"), "Class");
        assertEquals(2, f.traceCount());
        JsonNode t0 = f.trace(0);
        assertEquals("splom", t0.get("type").asText());
        assertEquals("0 (3)", t0.get("name").asText());
        assertEquals("1 (1)", f.trace(1).get("name").asText());
        JsonNode dims = t0.get("dimensions");
        assertEquals(3, dims.size());
        assertEquals("a", dims.get(0).get("label").asText());
        assertEquals("c", dims.get(2).get("label").asText());
        assertEquals(4.0, dims.get(0).get("values").get(2).asDouble(), "rows 0, 2, 3 of class 0");
        assertEquals(true, dims.get(2).get("values").get(2).isNull(), "missing value");
        assertEquals(3, t0.get("customdata").get(2).asInt());
        assertEquals(Palette.ANOMALY, f.trace(1).get("marker").get("color").asText(), "0/1: class colours");
        assertEquals("Class", f.layout().get("legend").get("title").get("text").asText());
        assertEquals("pairs", f.title());
    }

    @Test
    void withoutLabelsAndBadColumns() {
        Figure f = ScatterMatrix.create("pairs", table(), "a", "b");
        assertEquals(1, f.traceCount());
        assertEquals("rows (4)", f.trace(0).get("name").asText());
        assertThrows(IllegalArgumentException.class, () -> ScatterMatrix.create("p", table(), "a"));
        assertThrows(IllegalArgumentException.class,
                () -> ScatterMatrix.create("p", table(), List.of("a", "zz"), "Class"));
    }
}
