package org.anomaly4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import org.anomaly4j.plot.Figure;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import tech.tablesaw.api.Table;

class RapaioDisplayProviderTest {

    private static DisplayRenderer rendererFor(Class<?> type) {
        return new RapaioDisplayProvider().getDisplayRenderers().stream()
                .filter(r -> r.rendererClass() == type).findFirst().orElseThrow();
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        List<DisplayProvider> providers = ServiceLoader.load(DisplayProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertTrue(providers.stream().anyMatch(p -> p instanceof RapaioDisplayProvider),
                "providers found: " + providers);
    }

    @Test
    void renderersCoverTableAndBothFigureKinds() {
        RapaioDisplayProvider p = new RapaioDisplayProvider();
        Set<Class<?>> types = p.getDisplayRenderers().stream().map(DisplayRenderer::rendererClass)
                .collect(Collectors.toSet());
        assertEquals(Set.of(Table.class, Figure.class, tech.tablesaw.plotly.components.Figure.class), types);
        assertTrue(p.getDisplayTransformers().isEmpty());
    }

    @Test
    void tableRendersToHtmlAndText() {
        Table t = KernelFixtures.table();
        DisplayData d = rendererFor(Table.class).render(MimeBundles.HTML, t);
        Map<String, Object> data = d.data();
        assertTrue(data.keySet().containsAll(Set.of(MimeBundles.HTML, MimeBundles.TEXT)), data.keySet().toString());
        assertFalse(data.containsKey(MimeBundles.PLOTLY));
        assertEquals(TableView.html(t), data.get(MimeBundles.HTML));
        assertEquals(TableView.text(t), data.get(MimeBundles.TEXT));
        assertFalse(((String) data.get(MimeBundles.HTML)).contains("<script"));
    }

    @Test
    void figureRendersToPlotlyHtmlAndText() {
        Figure f = KernelFixtures.figure("F");
        DisplayData d = rendererFor(Figure.class).render(null, f);
        Map<String, Object> data = d.data();
        assertTrue(data.keySet().containsAll(Set.of(MimeBundles.PLOTLY, MimeBundles.HTML, MimeBundles.TEXT)),
                data.keySet().toString());
        assertTrue(data.get(MimeBundles.PLOTLY) instanceof Map<?, ?>);
        assertTrue(((Map<?, ?>) data.get(MimeBundles.PLOTLY)).get("data") instanceof List<?>);
        assertTrue(((String) data.get(MimeBundles.HTML)).contains("plotly.min.js"));
        assertEquals(f.toString(), data.get(MimeBundles.TEXT));
    }

    @Test
    void canRenderTheBundlesMimeTypesOnly() {
        DisplayRenderer r = rendererFor(Figure.class);
        assertTrue(r.canRender(MimeBundles.PLOTLY));
        assertTrue(r.canRender(MimeBundles.HTML));
        assertTrue(r.canRender(MimeBundles.TEXT));
        assertTrue(r.canRender(null));
        assertTrue(r.canRender(""));
        assertFalse(r.canRender("image/png"));
    }
}
