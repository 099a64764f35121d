package org.anomaly4j.plot;

import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shared pieces for the chart classes: column values as JSON arrays, axis layouts, escaping and argument
 * checks.
 * <p>Escaping: plotly.js draws titles, legend names, tick labels and hover text through its own small markup
 * ({@code <b>}, {@code <br>}, {@code <a href>}, entities). Every text that comes from data or from a caller
 * goes through {@link #text(String)}, so it shows literally ({@code a<b>} stays {@code a<b>}, never bold) and
 * cannot add links. Breaking out of a {@code <script>} element is a separate matter, handled where the JSON is
 * written into HTML ({@code kernel.FigureView} → {@code Html.scriptSafeJson}).
 */
final class Traces {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Traces() {
    }

    /**
     * Values of a column as a JSON array: numbers as numbers (missing and non-finite as {@code null}, which
     * plotly.js draws as a gap), dates and times as ISO text, everything else as text escaped with
     * {@link #text(String)}.
     */
    static ArrayNode values(Table table, String column) {
        Column<?> c = Columns.require(table, column);
        ArrayNode a = NODES.arrayNode(c.size());
        if (c instanceof NumericColumn<?> n) {
            for (int i = 0; i < n.size(); i++) {
                double v = n.getDouble(i);
                if (Double.isFinite(v)) {
                    a.add(v);
                } else {
                    a.addNull();
                }
            }
        } else {
            for (int i = 0; i < c.size(); i++) {
                Object v = c.get(i);
                if (v == null || c.isMissing(i)) {
                    a.addNull();
                } else if (v instanceof TemporalAccessor) {
                    a.add(v.toString());
                } else {
                    a.add(text(String.valueOf(v))); // categories show literally in ticks and hovers
                }
            }
        }
        return a;
    }

    static ObjectNode xyTrace(String type, String mode, Table table, String x, String y) {
        ObjectNode t = NODES.objectNode();
        t.put("type", type);
        t.put("mode", mode);
        t.put("name", text(y));
        t.set("x", values(table, x));
        t.set("y", values(table, y));
        return t;
    }

    /** A layout with a title and two axis titles, all escaped with {@link #text(String)}. */
    static ObjectNode layout(String title, String xTitle, String yTitle) {
        ObjectNode l = NODES.objectNode();
        l.set("title", Figure.titleNode(text(title)));
        l.set("xaxis", axis(xTitle));
        l.set("yaxis", axis(yTitle));
        return l;
    }

    /** An axis object with an escaped title and automatic margins (long tick labels never hide the title). */
    static ObjectNode axis(String title) {
        ObjectNode a = NODES.objectNode();
        a.set("title", Figure.titleNode(text(title)));
        a.put("automargin", true);
        return a;
    }

    /**
     * Text for plotly.js's markup, shown literally: {@code &}, {@code <} and {@code >} become entities
     * (plotly.js decodes {@code &amp; &lt; &gt;}). {@code null} becomes {@code ""}.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Text placed inside a {@code hovertemplate}: escaped like {@link #text(String)}, and a {@code %{} that
     * would start a template field becomes {@code %&#123;} (plotly.js shows it as {@code %{}).
     */
    static String template(String s) {
        return text(s).replace("%{", "%&#123;");
    }

    /** Numbers as a JSON array; non-finite values become {@code null} (a gap in plotly.js). */
    static ArrayNode numbers(double[] v) {
        ArrayNode a = NODES.arrayNode(v.length);
        for (double d : v) {
            if (Double.isFinite(d)) {
                a.add(d);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    /** Text values as a JSON array, each escaped with {@link #text(String)}. */
    static ArrayNode texts(String[] v) {
        ArrayNode a = NODES.arrayNode(v.length);
        for (String s : v) {
            a.add(text(s));
        }
        return a;
    }

    /** A line trace through (x[i], y[i]) named {@code name} (escaped), drawn in {@code color}. */
    static ObjectNode line(String name, double[] x, double[] y, String color, double width) {
        ObjectNode t = NODES.objectNode();
        t.put("type", "scatter");
        t.put("mode", "lines");
        t.put("name", text(name));
        t.set("x", numbers(x));
        t.set("y", numbers(y));
        t.putObject("line").put("color", color).put("width", width);
        return t;
    }

    /** A new empty JSON array (for trace lists). */
    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A new empty JSON object. */
    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A legend with an escaped title (or none when {@code title} is null). */
    static ObjectNode legend(String title) {
        ObjectNode l = NODES.objectNode();
        if (title != null) {
            l.putObject("title").put("text", text(title));
        }
        return l;
    }

    /** A number with four significant digits for legends and annotations ({@code 0.9123}, {@code 1.235e+05}). */
    static String fmt(double v) {
        if (Math.abs(v) < Double.MIN_NORMAL) {
            return "0"; // e.g. the one-class SVM's threshold −Double.MIN_VALUE, which stands for "> 0 is normal"
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** {@code v}, which must not be null, nor hold non-finite values; the message names {@code what}. */
    static double[] requireFinite(String what, double[] v) {
        if (v == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " has the non-finite value " + v[i] + " at index " + i
                        + "; drop or fill it first (dropMissing / fillMissing)");
            }
        }
        return v;
    }

    /** Fails unless {@code v} has {@code n} entries; the message names both arrays. */
    static void requireLength(String what, int length, String other, int n) {
        if (length != n) {
            throw new IllegalArgumentException(what + " has " + length + " values but " + other + " has " + n
                    + "; pass arrays of equal length (one entry per row)");
        }
    }

    static Figure single(ObjectNode trace, ObjectNode layout) {
        ArrayNode data = NODES.arrayNode();
        data.add(trace);
        return Figure.of(data, layout);
    }
}
