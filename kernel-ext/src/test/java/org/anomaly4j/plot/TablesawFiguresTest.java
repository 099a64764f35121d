package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.ScatterPlot;

class TablesawFiguresTest {

    private static final String TITLE = "A <b> & 'q'";

    private static Table table() {
        DoubleColumn x = DoubleColumn.create("x", new double[] {1, 2, 3, 4});
        DoubleColumn y = DoubleColumn.create("y", new double[] {10.5, -2, 0, 7.25});
        y.setMissing(2);
        return Table.create("xy", x, y);
    }

    private static void assertNumbersWithGap(JsonNode a, double[] expected, int gap) {
        assertEquals(expected.length, a.size(), a.toString());
        for (int i = 0; i < expected.length; i++) {
            if (i == gap) {
                assertTrue(a.get(i).isNull(), "missing value at " + i + " is null: " + a);
            } else {
                assertTrue(a.get(i).isNumber(), "number at " + i + ": " + a);
                assertEquals(expected[i], a.get(i).asDouble(), 0.0, "value " + i);
            }
        }
    }

    @Test
    void scatterPlotKeepsUnescapedTitleAxesAndNumericData() {
        Table t = table();
        Figure f = TablesawFigures.convert(ScatterPlot.create(TITLE, t, "x", "y"));
        assertEquals(TITLE, f.title());
        assertEquals("x", f.axisTitle("x"));
        assertEquals("y", f.axisTitle("y"));
        assertEquals(1, f.traceCount());
        JsonNode trace = f.trace(0);
        assertEquals("scatter", trace.path("type").asText());
        assertNumbersWithGap(trace.get("x"), new double[] {1, 2, 3, 4}, -1);
        assertNumbersWithGap(trace.get("y"), new double[] {10.5, -2, 0, 7.25}, 2);
        assertTrue(f.layout().get("title").isObject(), "title written as {text: ...}");
    }

    @Test
    void linePlotKeepsUnescapedTitleAxesAndNumericData() {
        Figure f = TablesawFigures.convert(LinePlot.create(TITLE, table(), "x", "y"));
        assertEquals(TITLE, f.title());
        assertEquals("x", f.axisTitle("x"));
        assertEquals("y", f.axisTitle("y"));
        assertEquals(1, f.traceCount());
        JsonNode trace = f.trace(0);
        assertTrue(trace.path("mode").asText().contains("lines"), trace.toString());
        assertNumbersWithGap(trace.get("x"), new double[] {1, 2, 3, 4}, -1);
        assertNumbersWithGap(trace.get("y"), new double[] {10.5, -2, 0, 7.25}, 2);
    }

    @Test
    void groupedScatterHasOneTracePerGroup() {
        Table t = Table.create("g",
                DoubleColumn.create("x", new double[] {1, 2, 3, 4}),
                DoubleColumn.create("y", new double[] {1, 4, 9, 16}),
                tech.tablesaw.api.StringColumn.create("grp", "a", "b", "a", "b"));
        Figure f = TablesawFigures.convert(ScatterPlot.create("grouped", t, "x", "y", "grp"));
        assertEquals(2, f.traceCount());
        int points = 0;
        for (int i = 0; i < f.traceCount(); i++) {
            points += f.trace(i).get("x").size();
            for (JsonNode v : f.trace(i).get("y")) {
                assertTrue(v.isNumber(), f.trace(i).toString());
            }
        }
        assertEquals(4, points);
    }

    @Test
    void conversionIsValidFigureJson() {
        Figure f = TablesawFigures.convert(ScatterPlot.create(TITLE, table(), "x", "y"));
        assertEquals(f, Figure.fromJson(f.toJson()));
    }

    @Test
    void titlesWithBackslashesAndNewlinesConvert() {
        for (String title : new String[] {"C:\\data\\file", "line1\nline2", "tab\\there"}) {
            Figure f = TablesawFigures.convert(ScatterPlot.create(title, table(), "x", "y"));
            assertEquals(title, f.title());
        }
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TablesawFigures.convert(null));
    }

    @Test
    void unescapeHtmlUndoesEntitiesOnce() {
        assertEquals("<a> & \"b\" 'c' /", TablesawFigures.unescapeHtml("&lt;a&gt; &amp; &quot;b&quot; &#39;c&#x27; &#x2F;"));
        // &amp; is undone last, so an escaped entity comes back as the entity text
        assertEquals("&lt;", TablesawFigures.unescapeHtml("&amp;lt;"));
        assertEquals("no entities", TablesawFigures.unescapeHtml("no entities"));
    }
}
