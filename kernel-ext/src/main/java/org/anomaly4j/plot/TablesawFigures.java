package org.anomaly4j.plot;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Converts tablesaw-jsplot figures to anomaly4j {@link Figure}s, keeping the title, axis titles and traces.
 * <p>tablesaw-jsplot writes each layout and trace as a JavaScript object literal (unquoted keys,
 * single-quoted strings, trailing commas, HTML-escaped text, numbers as strings). This class reads those
 * literals with a lenient JSON parser, undoes the HTML escaping (anomaly4j escapes at display time), turns
 * numeric strings in data arrays back into numbers ({@code "null"} into a gap) and writes titles as
 * {@code {"text": ...}}, which plotly.js 3 requires. The figure title is taken from the layout object
 * itself, exactly; axis titles and trace names only exist as tablesaw-jsplot's JavaScript text, which does
 * not escape backslashes, so they read as a browser would read that text ({@code "C:\data"} → {@code "C:data"}).
 */
public final class TablesawFigures {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // tablesaw-jsplot does not escape backslashes or line breaks in text; read them as a browser
            // would read that JavaScript (an unknown escape stands for the character itself)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private TablesawFigures() {
    }

    /** The same chart as an anomaly4j figure. */
    public static Figure convert(tech.tablesaw.plotly.components.Figure figure) {
        if (figure == null) {
            throw new IllegalArgumentException("figure is null");
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        Trace[] traces = figure.getTraces();
        for (int i = 0; i < traces.length; i++) {
            JsonNode t = literal(traces[i].asJavascript(i), "trace " + i);
            data.add(cleanData(unescape(t)));
        }
        Layout layout = figure.getLayout();
        ObjectNode l = layout == null ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) unescape(literal(layout.asJavascript(), "layout"));
        if (layout != null && layout.getTitle() != null) {
            l.set("title", Figure.titleNode(layout.getTitle())); // exact text, not its JavaScript rendering
        }
        return Figure.of(data, l);
    }

    /** Parses {@code var name = {...};} into the object literal. */
    private static JsonNode literal(String js, String what) {
        int start = js.indexOf('{');
        int end = js.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Cannot convert tablesaw-jsplot " + what + ": no object literal in " + js);
        }
        try {
            JsonNode n = LENIENT.readTree(js.substring(start, end + 1));
            if (!n.isObject()) {
                throw new IllegalArgumentException("tablesaw-jsplot " + what + " is not an object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot convert tablesaw-jsplot " + what
                    + " (it holds JavaScript that is not plain data): " + e.getOriginalMessage(), e);
        }
    }

    /** Undoes the HTML entity escaping tablesaw-jsplot's templates apply to text. */
    private static JsonNode unescape(JsonNode n) {
        if (n.isTextual()) {
            return TextNode.valueOf(unescapeHtml(n.asText()));
        }
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(unescape(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, unescape(a.get(i)));
            }
        }
        return n;
    }

    static String unescapeHtml(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    }

    /** Data arrays of numeric strings become numbers; {@code "null"}/{@code "NaN"} become null. */
    private static JsonNode cleanData(JsonNode trace) {
        ObjectNode t = (ObjectNode) trace;
        for (String key : new String[] {"x", "y", "z", "values", "open", "high", "low", "close"}) {
            JsonNode a = t.get(key);
            if (a != null && a.isArray() && allNumericText((ArrayNode) a)) {
                ArrayNode out = JsonNodeFactory.instance.arrayNode(a.size());
                for (JsonNode v : a) {
                    String s = v.asText();
                    if (v.isNull() || isMissing(s)) {
                        out.addNull();
                    } else if (v.isNumber()) {
                        out.add(v);
                    } else {
                        out.add(Double.parseDouble(s));
                    }
                }
                t.set(key, out);
            }
        }
        return t;
    }

    private static boolean allNumericText(ArrayNode a) {
        for (JsonNode v : a) {
            if (v.isNull() || v.isNumber()) {
                continue;
            }
            if (!v.isTextual()) {
                return false;
            }
            String s = v.asText();
            if (isMissing(s)) {
                continue;
            }
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d)) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMissing(String s) {
        return s.equals("null") || s.equals("NaN") || s.isEmpty();
    }
}
