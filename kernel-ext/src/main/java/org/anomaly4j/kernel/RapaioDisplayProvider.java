package org.anomaly4j.kernel;

import java.util.List;
import java.util.Map;

import org.anomaly4j.plot.Figure;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import tech.tablesaw.api.Table;

/**
 * Registers anomaly4j's displays with the Rapaio Java kernel through its display SPI
 * ({@code META-INF/services/org.rapaio.jupyter.kernel.display.spi.DisplayProvider}): a cell ending in a
 * {@link Table}, an anomaly4j {@link Figure} or a tablesaw-jsplot figure shows the bundle from
 * {@link MimeBundles}.
 */
public final class RapaioDisplayProvider implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new Renderer(Table.class), new Renderer(Figure.class),
                new Renderer(tech.tablesaw.plotly.components.Figure.class));
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    /** Renders one class through {@link MimeBundles}; any requested mime type gets the full bundle. */
    static final class Renderer implements DisplayRenderer {
        private final Class<?> type;

        Renderer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Class<?> rendererClass() {
            return type;
        }

        @Override
        public boolean canRender(String mime) {
            return mime == null || mime.isEmpty() || mime.equals(MimeBundles.HTML) || mime.equals(MimeBundles.TEXT)
                    || mime.equals(MimeBundles.PLOTLY);
        }

        @Override
        public DisplayData render(String mime, Object o) {
            Map<String, Object> bundle = MimeBundles.of(o);
            DisplayData dd = DisplayData.fromText((String) bundle.get(MimeBundles.TEXT));
            bundle.forEach(dd::putData);
            return dd;
        }
    }
}
