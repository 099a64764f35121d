package org.anomaly4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.anomaly4j.plot.Figure;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.ScatterPlot;

class MimeBundlesTest {

    @Test
    void figureBundleHasPlotlyJsonHtmlAndText() throws Exception {
        Figure f = KernelFixtures.figure("My figure");
        Map<String, Object> b = MimeBundles.of(f);
        assertEquals(Set.of(MimeBundles.PLOTLY, MimeBundles.HTML, MimeBundles.TEXT), b.keySet());
        assertEquals("application/vnd.plotly.v1+json", MimeBundles.PLOTLY);

        assertTrue(b.get(MimeBundles.PLOTLY) instanceof Map<?, ?>, "plotly data is a map, not text");
        Map<?, ?> plotly = (Map<?, ?>) b.get(MimeBundles.PLOTLY);
        assertTrue(plotly.get("data") instanceof List<?>, String.valueOf(plotly.get("data")));
        assertEquals(1, ((List<?>) plotly.get("data")).size());
        assertTrue(plotly.get("layout") instanceof Map<?, ?>);
        assertEquals(new ObjectMapper().readTree(f.toJson()), new ObjectMapper().valueToTree(plotly));

        String html = (String) b.get(MimeBundles.HTML);
        assertTrue(html.contains("<div id=\"a4j-plot-"), html);
        assertTrue(html.contains("<script"), html);
        assertTrue(html.contains("plotly.min.js"), html);
        assertFalse(html.toLowerCase().contains("cdn"), html);
        assertFalse(html.toLowerCase().contains("http"), html);

        assertEquals(f.toString(), b.get(MimeBundles.TEXT));
    }

    @Test
    void tableBundleHasHtmlAndText() {
        Table t = KernelFixtures.table();
        Map<String, Object> b = MimeBundles.of(t);
        assertEquals(Set.of(MimeBundles.HTML, MimeBundles.TEXT), b.keySet());
        assertEquals(TableView.html(t), b.get(MimeBundles.HTML));
        assertEquals(TableView.text(t), b.get(MimeBundles.TEXT));
        assertFalse(((String) b.get(MimeBundles.HTML)).contains("<script"));
    }

    @Test
    void tablesawFigureIsConverted() {
        Table t = Table.create("xy", DoubleColumn.create("x", new double[] {1, 2}),
                DoubleColumn.create("y", new double[] {3, 4}));
        var tf = ScatterPlot.create("T & <u>", t, "x", "y");
        assertTrue(MimeBundles.supports(tf));
        Map<String, Object> b = MimeBundles.of(tf);
        assertTrue(b.containsKey(MimeBundles.PLOTLY));
        Map<?, ?> layout = (Map<?, ?>) ((Map<?, ?>) b.get(MimeBundles.PLOTLY)).get("layout");
        assertEquals("T & <u>", ((Map<?, ?>) layout.get("title")).get("text"));
        assertFalse(((String) b.get(MimeBundles.HTML)).contains("<u>"), "raw markup escaped in the script");
    }

    @Test
    void unsupportedObjectsAreRejected() {
        assertFalse(MimeBundles.supports("text"));
        assertFalse(MimeBundles.supports(null));
        assertTrue(MimeBundles.supports(KernelFixtures.table()));
        assertTrue(MimeBundles.supports(KernelFixtures.figure("t")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MimeBundles.of(42));
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> MimeBundles.of(null));
        assertTrue(n.getMessage().contains("null"), n.getMessage());
    }

    @Test
    void bundlesAreFreshMaps() {
        Figure f = KernelFixtures.figure("t");
        Map<String, Object> b = MimeBundles.of(f);
        b.clear();
        assertEquals(3, MimeBundles.of(f).size());
    }
}
