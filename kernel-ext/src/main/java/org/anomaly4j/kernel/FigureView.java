package org.anomaly4j.kernel;

import java.util.UUID;

import org.anomaly4j.plot.Figure;

/**
 * The offline HTML of a figure: a {@code <div>} and a script that draws it with plotly.js loaded from a
 * local copy, never a CDN. plotly.js is loaded once per page: the first figure adds one
 * {@code <script src=...>} element, later figures queue behind it or draw at once when {@code Plotly} is
 * already there. The default location is {@code plotly.min.js} beside the page (the site export copies it
 * there); set {@code window.A4J_PLOTLY_URL} before the first figure or {@link #plotlyUrl(String)} to change it.
 * <p>While plotly.js loads, an AMD {@code define} (require.js, used by classic notebook exports) is hidden so
 * plotly.js registers the global {@code Plotly} instead of an anonymous module.
 */
public final class FigureView {

    private static volatile String plotlyUrl = "plotly.min.js";

    private FigureView() {
    }

    /** Sets the default URL of plotly.js for figures rendered from now on (relative to the page). */
    public static void plotlyUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("plotly.js URL must not be empty");
        }
        plotlyUrl = url;
    }

    /** The current default URL of plotly.js. */
    public static String plotlyUrl() {
        return plotlyUrl;
    }

    /** Offline HTML drawing the figure. */
    public static String html(Figure figure) {
        String id = "a4j-plot-" + UUID.randomUUID();
        String spec = Html.scriptSafeJson(figure.toJson());
        String url = Html.scriptSafeJson(jsString(plotlyUrl));
        return "<div id=\"" + id + "\" class=\"a4j-plotly\" style=\"width:100%;min-height:450px\"></div>\n"
                + "<script type=\"text/javascript\">(function(){\n"
                + "var fig=" + spec + ";\n"
                + "function draw(){var el=document.getElementById('" + id + "');"
                + "if(el){window.Plotly.newPlot(el,fig.data,fig.layout,{responsive:true});}}\n"
                + "if(window.Plotly){draw();return;}\n"
                + "var q=window.__a4jPlotlyQueue=window.__a4jPlotlyQueue||[];q.push(draw);\n"
                + "if(document.getElementById('a4j-plotly-js')){return;}\n"
                + "var amd=window.define;if(amd&&amd.amd){window.define=undefined;}\n"
                + "var s=document.createElement('script');s.id='a4j-plotly-js';\n"
                + "s.src=window.A4J_PLOTLY_URL||" + url + ";\n"
                + "s.onload=function(){if(amd){window.define=amd;}"
                + "var f;while((f=q.shift())){f();}};\n"
                + "s.onerror=function(){if(amd){window.define=amd;}"
                + "var m='plotly.js could not be loaded from '+s.src+'; copy plotly.min.js (from the pip plotly "
                + "package) beside this page';document.querySelectorAll('.a4j-plotly').forEach(function(d){"
                + "if(!d.hasChildNodes()){d.textContent=m;}});};\n"
                + "document.head.appendChild(s);\n"
                + "})();</script>";
    }

    /** One-line text form: the figure's {@code toString()}. */
    public static String text(Figure figure) {
        return figure.toString();
    }

    private static String jsString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
