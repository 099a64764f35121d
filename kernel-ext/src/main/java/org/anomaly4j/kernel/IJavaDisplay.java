package org.anomaly4j.kernel;

import java.util.Map;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.anomaly4j.plot.Figure;
import tech.tablesaw.api.Table;

/**
 * Registers anomaly4j's displays with IJava (any kernel on {@code jupyter-jvm-basekernel} 2.3) through its
 * {@link Renderer} API. In an IJava notebook, after {@code %jars} or {@code %maven} brings in anomaly4j:
 * <pre>{@code
 * org.anomaly4j.kernel.IJavaDisplay.register(getKernelInstance().getRenderer());
 * }</pre>
 * The basekernel classes are a {@code provided} dependency: IJava brings them, Rapaio users never load this class.
 */
public final class IJavaDisplay {

    private static final MIMEType PLOTLY = MIMEType.parse(MimeBundles.PLOTLY);

    private IJavaDisplay() {
    }

    /** Registers renderers for {@link Table}, {@link Figure} and tablesaw-jsplot figures. */
    public static void register(Renderer renderer) {
        register(renderer, Table.class);
        register(renderer, Figure.class);
        register(renderer, tech.tablesaw.plotly.components.Figure.class);
    }

    private static <T> void register(Renderer renderer, Class<T> type) {
        boolean figure = type != Table.class;
        var registration = renderer.createRegistration(type);
        if (figure) {
            registration.preferring(PLOTLY, MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                    .supporting(PLOTLY, MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
        } else {
            registration.preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                    .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
        }
        registration.register((value, context) -> {
            Map<String, Object> bundle = MimeBundles.of(value);
            DisplayData out = context.getOutputContainer();
            for (Map.Entry<String, Object> e : bundle.entrySet()) {
                MIMEType mime = MIMEType.parse(e.getKey());
                if (context.wantsDataRenderedAs(mime)) {
                    out.putData(mime, e.getValue());
                }
            }
        });
    }
}
