package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class BoxPlotTest {

    private static final JsonNode GOLDEN = PlotGolden.read("box.json");

    private static void assertStats(JsonNode want, BoxPlot.Stats got, String what) {
        // quartiles and whiskers are order statistics and numpy's lerp: equal to the bit; the mean is numpy's
        // pairwise sum, also equal to the bit (PairwiseSum), compared with 1e-12 relative for other libms
        assertEquals(want.get("q1").asDouble(), got.q1(), 0.0, what + " q1");
        assertEquals(want.get("median").asDouble(), got.median(), 0.0, what + " median");
        assertEquals(want.get("q3").asDouble(), got.q3(), 0.0, what + " q3");
        assertEquals(want.get("lowerWhisker").asDouble(), got.lowerWhisker(), 0.0, what + " lower whisker");
        assertEquals(want.get("upperWhisker").asDouble(), got.upperWhisker(), 0.0, what + " upper whisker");
        assertEquals(want.get("mean").asDouble(), got.mean(), 1e-12 * Math.abs(want.get("mean").asDouble()),
                what + " mean");
        assertEquals(want.get("outliers").asInt(), got.outlierRows().length, what + " outliers");
        assertEquals(want.get("count").asInt(), got.count(), what + " count");
    }

    @Test
    void statisticsEqualPandasQuantilesAndTukeyWhiskers() {
        Table hive = PlotGolden.hive17();
        Table card = PlotGolden.creditcard();
        for (String c : new String[] {"T17", "RH17"}) {
            assertStats(GOLDEN.get("hive17").get(c), BoxPlot.stats(hive.numberColumn(c)), "Hive17 " + c);
        }
        for (String c : new String[] {"Amount", "V14"}) {
            assertStats(GOLDEN.get("creditcard").get(c), BoxPlot.stats(card.numberColumn(c)), "creditcard " + c);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = GOLDEN.get("synthetic").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            DoubleColumn col = DoubleColumn.create(e.getKey(), PlotGolden.doubles(e.getValue().get("values")));
            assertStats(e.getValue(), BoxPlot.stats(col), e.getKey());
        }
    }

    @Test
    void oneBoxPerColumnWithGivenStatisticsAndOutlierRowsInTheHover() {
        Table t = Table.create("t", DoubleColumn.create("a", 1, 2, 3, 4, 5, 6, 7, 8, 100),
                DoubleColumn.create("b", 5, 5, 6, 6, 7, 7, 8, 8, Double.NaN));
        Figure f = BoxPlot.create("boxes", t, "a", "b");
        assertEquals(4, f.traceCount(), "a box and its outlier points per column");
        ObjectNode box = f.trace(0);
        assertEquals("box", box.get("type").asText());
        assertEquals("a", box.get("name").asText());
        assertEquals(3.0, box.get("q1").get(0).asDouble());
        assertEquals(5.0, box.get("median").get(0).asDouble());
        assertEquals(7.0, box.get("q3").get(0).asDouble());
        assertEquals(8.0, box.get("upperfence").get(0).asDouble(), "whisker ends at the last value inside");
        ObjectNode out = f.trace(1);
        assertEquals("a beyond whiskers (1)", out.get("name").asText());
        assertEquals(100.0, out.get("y").get(0).asDouble());
        assertEquals(8, out.get("customdata").get(0).asInt(), "row number of the outlier");
        assertEquals(0, f.trace(3).get("y").size(), "b has no outliers");
        assertEquals(Palette.series(1), f.trace(2).get("marker").get("color").asText());
        assertEquals("value", f.axisTitle("y"));
        assertTrue(f.layout().get("showlegend").asBoolean());
    }

    @Test
    void badColumns() {
        Table t = Table.create("t", DoubleColumn.create("a", 1, Double.POSITIVE_INFINITY),
                DoubleColumn.create("m", Double.NaN, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BoxPlot.create("t", t));
        String m = assertThrows(IllegalArgumentException.class, () -> BoxPlot.create("t", t, "a")).getMessage();
        assertTrue(m.contains("\"a\"") && m.contains("row 1"), m);
        m = assertThrows(IllegalArgumentException.class, () -> BoxPlot.create("t", t, "m")).getMessage();
        assertTrue(m.contains("all missing"), m);
        assertThrows(IllegalArgumentException.class, () -> BoxPlot.create("t", t, "zz"));
    }
}
