package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FigureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TWO_TRACES = """
            {"data":[{"type":"scatter","mode":"markers","x":[1,2,3],"y":[4,null,6]},
                     {"type":"bar","x":["a","b"],"y":[1,2]}],
             "layout":{"title":"Plain title","xaxis":{"title":"the x"},"yaxis":{"title":{"text":"the y"}},
                       "xaxis2":{"title":"second x"},"height":400}}
            """;

    @Test
    void fromJsonRejectsNonObjects() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figure.fromJson("[1,2]"));
        assertTrue(e.getMessage().contains("JSON object"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Figure.fromJson("\"text\""));
        assertThrows(IllegalArgumentException.class, () -> Figure.fromJsonNode(null));
    }

    @Test
    void fromJsonRejectsMissingOrNonArrayData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figure.fromJson("{\"layout\":{}}"));
        assertTrue(e.getMessage().contains("\"data\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Figure.fromJson("{\"data\":{\"x\":[1]}}"));
        assertThrows(IllegalArgumentException.class, () -> Figure.fromJson("{\"data\":null}"));
    }

    @Test
    void fromJsonRejectsTracesThatAreNotObjects() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figure.fromJson("{\"data\":[{\"x\":[1]}, 5]}"));
        assertTrue(e.getMessage().contains("trace"), e.getMessage());
        assertTrue(e.getMessage().contains("NUMBER"), "names what was found: " + e.getMessage());
    }

    @Test
    void fromJsonRejectsBadLayoutAndBadJson() {
        assertThrows(IllegalArgumentException.class, () -> Figure.fromJson("{\"data\":[],\"layout\":[1]}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figure.fromJson("{data:"));
        assertTrue(e.getMessage().startsWith("Not valid Plotly JSON"), e.getMessage());
    }

    @Test
    void missingOrNullLayoutBecomesEmptyObject() {
        Figure f = Figure.fromJson("{\"data\":[]}");
        assertTrue(f.layout().isObject());
        assertEquals(0, f.layout().size());
        assertEquals(0, f.traceCount());
        assertEquals("", f.title());
        assertEquals(Figure.fromJson("{\"data\":[],\"layout\":null}"), f);
    }

    @Test
    void plainStringTitlesAreNormalisedToTextObjects() {
        Figure f = Figure.fromJson(TWO_TRACES);
        JsonNode layout = f.layout();
        assertTrue(layout.get("title").isObject(), layout.toString());
        assertEquals("Plain title", layout.get("title").get("text").asText());
        assertEquals("the x", layout.get("xaxis").get("title").get("text").asText());
        assertEquals("the y", layout.get("yaxis").get("title").get("text").asText());
        assertEquals("second x", layout.get("xaxis2").get("title").get("text").asText());
        assertEquals("Plain title", f.title());
        assertEquals("the x", f.axisTitle("x"));
        assertEquals("the y", f.axisTitle("y"));
        // axisTitle("x2") should read layout.xaxis2 (Plotly's key), but Figure.axisTitle looks up "x2axis":
        // see secondaryAxisTitleIsReadFromXaxis2 (left out of the suite, reported as a bug).
        assertEquals("", f.axisTitle("y2"));
        assertEquals(400, layout.get("height").asInt(), "other layout keys kept");
        assertFalse(f.toJson().contains("\"title\":\"Plain title\""), f.toJson());
    }

    @Test
    void secondaryAxisTitleIsReadFromXaxis2() {
        Figure f = Figure.fromJson(TWO_TRACES);
        assertEquals("second x", f.layout().get("xaxis2").get("title").get("text").asText());
        assertEquals("second x", f.axisTitle("x2"));
    }

    @Test
    void withLayoutNormalisesStringTitlesToo() {
        Figure f = Figure.fromJson("{\"data\":[]}").withLayout("xaxis", Map.of("title", "late x"));
        assertEquals("late x", f.axisTitle("x"));
        assertTrue(f.layout().get("xaxis").get("title").isObject());
        assertEquals(300, f.withLayout("height", 300).layout().get("height").asInt());
    }

    @Test
    void withTitleReturnsNewFigureAndLeavesOriginalUnchanged() {
        Figure original = Figure.fromJson(TWO_TRACES);
        String before = original.toJson();
        Figure renamed = original.withTitle("New");
        assertNotSame(original, renamed);
        assertEquals("New", renamed.title());
        assertEquals("Plain title", original.title());
        assertEquals(before, original.toJson());
        assertNotEquals(original, renamed);
        assertEquals(original.traceCount(), renamed.traceCount());
        assertEquals(original.trace(0), renamed.trace(0));
    }

    @Test
    void accessorsReturnCopies() {
        Figure f = Figure.fromJson(TWO_TRACES);
        String before = f.toJson();
        f.layout().put("title", "mutated");
        f.trace(0).put("type", "mutated");
        f.toJsonNode().withArray("data").removeAll();
        f.toMap().put("data", List.of());
        assertEquals(before, f.toJson());
    }

    @Test
    void ofCopiesItsInputs() {
        ArrayNode traces = JSON.createArrayNode();
        ObjectNode t = traces.addObject();
        t.put("type", "scatter");
        ObjectNode layout = JSON.createObjectNode();
        layout.put("title", "T");
        Figure f = Figure.of(traces, layout);
        traces.addObject();
        t.put("type", "bar");
        layout.put("title", "changed");
        assertEquals(1, f.traceCount());
        assertEquals("scatter", f.trace(0).get("type").asText());
        assertEquals("T", f.title());
        assertEquals(0, Figure.of(traces, null).layout().size());
    }

    @Test
    void toMapRoundTripsToTheSameJson() throws Exception {
        Figure f = Figure.fromJson(TWO_TRACES);
        Map<String, Object> m = f.toMap();
        assertTrue(m.get("data") instanceof List<?>, "data is a list: " + m.get("data"));
        assertTrue(m.get("layout") instanceof Map<?, ?>);
        assertEquals(JSON.readTree(f.toJson()), JSON.valueToTree(m));
        assertEquals(f.toJson(), JSON.writeValueAsString(m), "same text, key order kept");
        List<?> y = (List<?>) ((Map<?, ?>) ((List<?>) m.get("data")).get(0)).get("y");
        assertEquals(null, y.get(1), "JSON null stays null");
        assertEquals(f, Figure.fromJson(f.toJson()));
        assertEquals(f.hashCode(), Figure.fromJson(f.toJson()).hashCode());
    }

    @Test
    void traceCountAndTraceBounds() {
        Figure f = Figure.fromJson(TWO_TRACES);
        assertEquals(2, f.traceCount());
        assertEquals("bar", f.trace(1).get("type").asText());
        assertThrows(IndexOutOfBoundsException.class, () -> f.trace(2));
        assertThrows(IndexOutOfBoundsException.class, () -> f.trace(-1));
    }

    @Test
    void toStringNamesTitleTracesAndPoints() {
        Figure f = Figure.fromJson(TWO_TRACES);
        assertEquals("Figure[\"Plain title\", 2 traces, scatter(3 points), bar(2 points)]", f.toString());
        Figure untitled = Figure.fromJson("{\"data\":[{\"y\":[1]}]}");
        assertEquals("Figure[1 trace, scatter]", untitled.toString());
    }
}
