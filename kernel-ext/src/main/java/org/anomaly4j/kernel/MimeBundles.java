package org.anomaly4j.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.anomaly4j.plot.Figure;
import org.anomaly4j.plot.TablesawFigures;
import tech.tablesaw.api.Table;

/**
 * The MIME bundles (mime type → data) that notebook kernels publish for anomaly4j's types. Shared by the
 * Rapaio display provider and the IJava renderer so both kernels show the same thing.
 */
public final class MimeBundles {

    /** JupyterLab's Plotly renderer mime type (shipped by the pip {@code plotly} package). */
    public static final String PLOTLY = "application/vnd.plotly.v1+json";
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    private MimeBundles() {
    }

    /** Whether {@link #of} has a bundle for this object. */
    public static boolean supports(Object o) {
        return o instanceof Table || o instanceof Figure || o instanceof tech.tablesaw.plotly.components.Figure;
    }

    /** The bundle for a supported object; {@link IllegalArgumentException} otherwise. */
    public static Map<String, Object> of(Object o) {
        if (o instanceof Table t) {
            return table(t);
        }
        if (o instanceof Figure f) {
            return figure(f);
        }
        if (o instanceof tech.tablesaw.plotly.components.Figure tf) {
            return figure(TablesawFigures.convert(tf));
        }
        throw new IllegalArgumentException("No notebook display for " + (o == null ? "null" : o.getClass().getName()));
    }

    /** {@code text/html} (escaped, pandas-like) and {@code text/plain}. */
    public static Map<String, Object> table(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(HTML, TableView.html(t));
        m.put(TEXT, TableView.text(t));
        return m;
    }

    /** Plotly JSON (as plain maps), offline {@code text/html} and {@code text/plain}. */
    public static Map<String, Object> figure(Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(PLOTLY, f.toMap());
        m.put(HTML, FigureView.html(f));
        m.put(TEXT, FigureView.text(f));
        return m;
    }
}
