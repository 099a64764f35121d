package org.anomaly4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.anomaly4j.plot.Figure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;

class IJavaDisplayTest {

    private static final MIMEType PLOTLY = MIMEType.parse(MimeBundles.PLOTLY);

    private Renderer renderer;

    @BeforeEach
    void register() {
        renderer = new Renderer();
        IJavaDisplay.register(renderer);
    }

    @Test
    void figureRendersPlotlyHtmlAndText() {
        Figure f = KernelFixtures.figure("IJava fig");
        DisplayData d = renderer.render(f);
        Object plotly = d.getData(PLOTLY);
        assertNotNull(plotly, "plotly mime present");
        assertTrue(plotly instanceof Map<?, ?> m && m.get("data") instanceof List<?>, String.valueOf(plotly));
        Object html = d.getData(MIMEType.TEXT_HTML);
        assertNotNull(html);
        assertTrue(((String) html).contains("a4j-plot-"), (String) html);
        assertEquals(f.toString(), d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void tableRendersEscapedHtml() {
        Table t = KernelFixtures.table();
        DisplayData d = renderer.render(t);
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertNotNull(html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<script"), html);
        assertEquals(TableView.text(t), d.getData(MIMEType.TEXT_PLAIN));
        assertFalse(d.hasDataForType(PLOTLY), "tables have no plotly data");
    }

    @Test
    void tablesawFigureRendersToo() {
        Table t = Table.create("xy", DoubleColumn.create("x", new double[] {1, 2}),
                DoubleColumn.create("y", new double[] {3, 4}));
        DisplayData d = renderer.render(LinePlot.create("line", t, "x", "y"));
        assertTrue(d.hasDataForType(PLOTLY));
        assertTrue(d.hasDataForType(MIMEType.TEXT_HTML));
    }

    @Test
    void renderAsHonoursTheRequestedType() {
        DisplayData d = renderer.renderAs(KernelFixtures.figure("t"), MimeBundles.HTML);
        assertTrue(d.hasDataForType(MIMEType.TEXT_HTML));
        assertFalse(d.hasDataForType(PLOTLY), "only the requested type is rendered");
    }
}
