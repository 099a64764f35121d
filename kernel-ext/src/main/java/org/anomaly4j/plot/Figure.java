package org.anomaly4j.plot;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An immutable Plotly figure: the JSON object {@code {"data": [traces...], "layout": {...}}} that plotly.js
 * draws and JupyterLab's {@code application/vnd.plotly.v1+json} renderer accepts. Titles are written as
 * {@code {"text": ...}} objects, since plotly.js 3 ignores plain-string titles.
 * <p>Every accessor returns a copy; {@code with...} methods return a new figure.
 */
public final class Figure {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode spec;

    private Figure(ObjectNode spec) {
        this.spec = spec;
    }

    /** A figure from traces and a layout (both copied). */
    public static Figure of(ArrayNode traces, ObjectNode layout) {
        ObjectNode s = NODES.objectNode();
        s.set("data", traces.deepCopy());
        s.set("layout", layout == null ? NODES.objectNode() : layout.deepCopy());
        return fromJsonNode(s);
    }

    /** A figure from a Plotly JSON object; {@code data} must be an array of trace objects. */
    public static Figure fromJsonNode(JsonNode spec) {
        if (spec == null || !spec.isObject()) {
            throw new IllegalArgumentException("A Plotly figure must be a JSON object with \"data\" and \"layout\"");
        }
        JsonNode data = spec.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("A Plotly figure needs a \"data\" array of traces");
        }
        for (JsonNode t : data) {
            if (!t.isObject()) {
                throw new IllegalArgumentException("Every Plotly trace must be a JSON object, got " + t.getNodeType());
            }
        }
        JsonNode layout = spec.get("layout");
        if (layout != null && !layout.isObject() && !layout.isNull()) {
            throw new IllegalArgumentException("A Plotly \"layout\" must be a JSON object");
        }
        ObjectNode copy = ((ObjectNode) spec).deepCopy();
        if (layout == null || layout.isNull()) {
            copy.set("layout", NODES.objectNode());
        }
        normaliseTitles((ObjectNode) copy.get("layout"));
        return new Figure(copy);
    }

    /** A figure parsed from Plotly JSON text. */
    public static Figure fromJson(String json) {
        try {
            return fromJsonNode(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid Plotly JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The figure as Plotly JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the figure's JSON tree. */
    public ObjectNode toJsonNode() {
        return spec.deepCopy();
    }

    /** The figure as plain Java maps and lists (for kernels that serialise display data themselves). */
    public Map<String, Object> toMap() {
        return JSON.convertValue(spec, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** Number of traces. */
    public int traceCount() {
        return spec.get("data").size();
    }

    /** A copy of trace {@code i}. */
    public ObjectNode trace(int i) {
        if (i < 0 || i >= traceCount()) {
            throw new IndexOutOfBoundsException("trace " + i + " of a figure with " + traceCount() + " traces");
        }
        return spec.get("data").get(i).deepCopy();
    }

    /** A copy of the layout. */
    public ObjectNode layout() {
        return spec.get("layout").deepCopy();
    }

    /** The figure title, or {@code ""}. */
    public String title() {
        return spec.get("layout").path("title").path("text").asText("");
    }

    /** The title of an axis ({@code "x"}, {@code "y"}, {@code "x2"}... as traces name them), or {@code ""}. */
    public String axisTitle(String axis) {
        return spec.get("layout").path(layoutAxisKey(axis)).path("title").path("text").asText("");
    }

    /** Plotly's layout key of an axis: {@code "x"} → {@code "xaxis"}, {@code "x2"} → {@code "xaxis2"}. */
    static String layoutAxisKey(String axis) {
        if (axis == null || !axis.matches("[xyz]\\d*")) {
            throw new IllegalArgumentException("axis must be x, y, z or x2, y3, ..., got " + axis);
        }
        return axis.charAt(0) + "axis" + axis.substring(1);
    }

    /** This figure with another title. */
    public Figure withTitle(String title) {
        ObjectNode copy = spec.deepCopy();
        ((ObjectNode) copy.get("layout")).set("title", titleNode(title));
        return new Figure(copy);
    }

    /** This figure with a layout key set (e.g. {@code "height"}, 400). */
    public Figure withLayout(String key, Object value) {
        ObjectNode copy = spec.deepCopy();
        ((ObjectNode) copy.get("layout")).set(key, JSON.valueToTree(value));
        normaliseTitles((ObjectNode) copy.get("layout"));
        return new Figure(copy);
    }

    static ObjectNode titleNode(String text) {
        ObjectNode t = NODES.objectNode();
        t.put("text", text);
        return t;
    }

    /** Rewrites plain-string titles (figure and axes) as {@code {"text": ...}}. */
    private static void normaliseTitles(ObjectNode layout) {
        if (layout.path("title").isTextual()) {
            layout.set("title", titleNode(layout.get("title").asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = layout.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().matches("[xy]axis\\d*") && e.getValue().isObject()
                    && e.getValue().path("title").isTextual()) {
                ((ObjectNode) e.getValue()).set("title", titleNode(e.getValue().get("title").asText()));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figure f && f.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Figure[");
        String title = title();
        if (!title.isEmpty()) {
            sb.append('"').append(title).append("\", ");
        }
        sb.append(traceCount()).append(traceCount() == 1 ? " trace" : " traces");
        for (JsonNode t : spec.get("data")) {
            sb.append(", ").append(t.path("type").asText("scatter"));
            if (t.has("x")) {
                sb.append('(').append(t.get("x").size()).append(" points)");
            }
        }
        return sb.append(']').toString();
    }
}
