package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HistogramTest {

    private static final JsonNode GOLDEN = PlotGolden.read("hist.json");

    /** Edges from the figure's customdata: [left, right, count] per bar. */
    private static double[] edgesOf(ObjectNode trace) {
        JsonNode c = trace.get("customdata");
        double[] e = new double[c.size() + 1];
        for (int i = 0; i < c.size(); i++) {
            e[i] = c.get(i).get(0).asDouble();
            e[i + 1] = c.get(i).get(1).asDouble();
        }
        return e;
    }

    private static long[] countsOf(ObjectNode trace) {
        JsonNode c = trace.get("customdata");
        long[] n = new long[c.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = c.get(i).get(2).asLong();
        }
        return n;
    }

    @Test
    void syntheticSamplesGetNumpysAutoEdgesAndCountsBitForBit() {
        // Exact equality: Bins repeats numpy's arithmetic (linear percentiles, linspace i*step+start); the
        // only libm calls are sqrt (correctly rounded on both sides), pow and log (powers of two exact).
        for (Iterator<Map.Entry<String, JsonNode>> it = GOLDEN.get("synthetic").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double[] x = PlotGolden.doubles(e.getValue().get("values"));
            double[] want = PlotGolden.doubles(e.getValue().get("edges"));
            assertArrayEquals(want, Bins.autoEdges(x), 0.0, e.getKey());
            assertArrayEquals(PlotGolden.longs(e.getValue().get("counts")), Bins.counts(x, want), e.getKey());
            Figure f = Histogram.create("t", e.getKey(), x);
            assertArrayEquals(want, edgesOf(f.trace(0)), 0.0, e.getKey() + " in the figure");
            assertArrayEquals(PlotGolden.longs(e.getValue().get("counts")), countsOf(f.trace(0)), e.getKey());
        }
    }

    @Test
    void realColumnsGetNumpysAutoEdgesAndCounts() {
        Table hive = PlotGolden.hive17();
        Table card = PlotGolden.creditcard();
        JsonNode real = GOLDEN.get("real");
        String[][] cases = {{"hive17_T17", "T17"}, {"hive17_RH17", "RH17"}, {"creditcard_Amount", "Amount"},
                {"creditcard_V14", "V14"}};
        for (String[] c : cases) {
            Table t = c[0].startsWith("hive") ? hive : card;
            Figure f = Histogram.create("t", t, c[1]);
            assertArrayEquals(PlotGolden.doubles(real.get(c[0]).get("edges")), edgesOf(f.trace(0)), 0.0, c[0]);
            assertArrayEquals(PlotGolden.longs(real.get(c[0]).get("counts")), countsOf(f.trace(0)), c[0]);
            assertEquals(c[1], f.axisTitle("x"));
            assertEquals("count", f.axisTitle("y"));
        }
    }

    @Test
    void splitByLabelSharesEdgesAndCountsEachClass() {
        Table card = PlotGolden.creditcard();
        JsonNode g = GOLDEN.get("split_creditcard_V14_by_Class");
        Figure f = Histogram.create("V14 by class", card, "V14", "Class");
        assertEquals(2, f.traceCount());
        double[] edges = PlotGolden.doubles(g.get("edges"));
        assertArrayEquals(edges, edgesOf(f.trace(0)), 0.0);
        assertArrayEquals(edges, edgesOf(f.trace(1)), 0.0);
        assertArrayEquals(PlotGolden.longs(g.get("counts").get("0")), countsOf(f.trace(0)));
        assertArrayEquals(PlotGolden.longs(g.get("counts").get("1")), countsOf(f.trace(1)));
        assertEquals("0 (4920)", f.trace(0).get("name").asText());
        assertEquals("1 (492)", f.trace(1).get("name").asText());
        assertEquals("overlay", f.layout().get("barmode").asText());
        assertTrue(f.trace(0).get("opacity").asDouble() < 1, "semi-transparent");
        assertEquals("Class", f.layout().get("legend").get("title").get("text").asText());
        assertEquals(Palette.NORMAL, f.trace(0).get("marker").get("color").asText(), "0/1 labels: class colours");
        assertEquals(Palette.ANOMALY, f.trace(1).get("marker").get("color").asText());
    }

    @Test
    void barsSpanTheirBinsAndHoverShowsIntervalAndCount() {
        double[] x = {1, 2, 2, 3, 3, 3, 4, 10};
        Figure f = Histogram.create("Title", "value", x);
        ObjectNode t = f.trace(0);
        assertEquals("bar", t.get("type").asText());
        double[] edges = Bins.autoEdges(x);
        for (int i = 0; i < edges.length - 1; i++) {
            assertEquals(0.5 * (edges[i] + edges[i + 1]), t.get("x").get(i).asDouble(), 1e-12);
            assertEquals(edges[i + 1] - edges[i], t.get("width").get(i).asDouble(), 1e-12);
        }
        long sum = 0;
        for (long c : countsOf(t)) {
            sum += c;
        }
        assertEquals(x.length, sum, "every value in one bin, the maximum in the last");
        assertTrue(t.get("hovertemplate").asText().contains("%{customdata[2]} rows"));
        assertEquals("value (8)", t.get("name").asText());
        assertEquals("Title", f.title());
    }

    @Test
    void missingValuesAreLeftOutAndCountedInfinityIsAnError() {
        Table t = Table.create("t", DoubleColumn.create("v", 1, Double.NaN, 3, 4),
                StringColumn.create("g", "a", "a", "b", ""));
        Figure f = Histogram.create("t", t, "v", "g");
        assertEquals(3, f.traceCount(), "a, b and the missing label");
        assertEquals("a (1, 1 missing left out)", f.trace(0).get("name").asText());
        assertEquals("(missing) (1)", f.trace(2).get("name").asText());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Histogram.create("t", "v", new double[] {1, Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("Infinity") && e.getMessage().contains("index 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Histogram.create("t", "v", new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Histogram.create("t", t, "g"), "text column");
    }

    @Test
    void smallGroupsAreDrawnOnTopAndOtherLabelsGetSeriesColours() {
        Table t = Table.create("t", DoubleColumn.create("v", 1, 2, 3, 4, 5, 6),
                StringColumn.create("kind", "b", "a", "b", "b", "c", "a"));
        Figure f = Histogram.create("t", t, "v", "kind");
        assertEquals("b (3)", f.trace(0).get("name").asText(), "largest group drawn first, underneath");
        assertEquals("a (2)", f.trace(1).get("name").asText());
        assertEquals("c (1)", f.trace(2).get("name").asText());
        assertEquals(Palette.series(1), f.trace(0).get("marker").get("color").asText(), "b is the second label");
        assertEquals(Palette.series(0), f.trace(1).get("marker").get("color").asText());
    }

    @Test
    void numericLabelsSortNumericallyAndInputIsUnchanged() {
        Table t = Table.create("t", DoubleColumn.create("v", 5, 1, 2, 3), IntColumn.create("k", 10, 2, 10, 2));
        Table before = t.copy();
        double[] x = {3, 1, 2};
        Figure f = Histogram.create("t", t, "v", "k");
        Histogram.create("t", "x", x);
        assertTrue(f.trace(0).get("name").asText().startsWith("2 "), "2 before 10");
        assertArrayEquals(new double[] {3, 1, 2}, x);
        assertEquals(before.printAll(), t.printAll());
    }
}
