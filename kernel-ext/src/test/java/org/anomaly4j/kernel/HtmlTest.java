package org.anomaly4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HtmlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void escapeReplacesAllFiveCharacters() {
        assertEquals("&amp;", Html.escape("&"));
        assertEquals("&lt;", Html.escape("<"));
        assertEquals("&gt;", Html.escape(">"));
        assertEquals("&quot;", Html.escape("\""));
        assertEquals("&#39;", Html.escape("'"));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Html.escape("a <b> & \"c\" 'd'"));
    }

    @Test
    void escapeDoesNotDoubleEscapeOrTouchOtherText() {
        // an entity in the input is text, so its & must be escaped once (not left as an entity)
        assertEquals("&amp;lt;", Html.escape("&lt;"));
        assertEquals("plain ü € 123", Html.escape("plain ü € 123"));
        assertEquals("", Html.escape(""));
    }

    @Test
    void escapeOfNullIsEmpty() {
        assertEquals("", Html.escape(null));
    }

    @Test
    void escapedTextHasNoMarkupCharacters() {
        String evil = "<img src=x onerror=alert(1)>\"'&";
        String out = Html.escape(evil);
        for (char c : new char[] {'<', '>', '"', '\''}) {
            assertEquals(-1, out.indexOf(c), "raw " + c + " in " + out);
        }
        // every & in the output starts one of the five entities
        assertEquals(out.replaceAll("&(amp|lt|gt|quot|#39);", "").indexOf('&'), -1);
    }

    @Test
    void scriptSafeJsonRemovesScriptEndAndCommentOpeners() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("title", "</script><script>alert(1)</script>");
        value.put("comment", "<!-- x --> & y");
        value.put("list", List.of("</SCRIPT>", "a<b>c"));
        String json = JSON.writeValueAsString(value);
        String safe = Html.scriptSafeJson(json);
        assertFalse(safe.toLowerCase().contains("</script"), safe);
        assertFalse(safe.contains("<!--"), safe);
        assertFalse(safe.contains("<"), safe);
        assertFalse(safe.contains(">"), safe);
        assertFalse(safe.contains("&"), safe);
        assertEquals(JSON.readTree(json), JSON.readTree(safe), "still the same JSON value");
        assertEquals("</script><script>alert(1)</script>", JSON.readTree(safe).get("title").asText());
    }

    @Test
    void scriptSafeJsonEscapesLineSeparatorsAndKeepsTheValue() throws Exception {
        String text = "line\u2028sep\u2029para";
        String json = JSON.writeValueAsString(Map.of("t", text));
        assertTrue(json.indexOf('\u2028') >= 0, "Jackson leaves U+2028 raw, so the escape is needed");
        String safe = Html.scriptSafeJson(json);
        assertEquals(-1, safe.indexOf('\u2028'));
        assertEquals(-1, safe.indexOf('\u2029'));
        assertTrue(safe.contains("\\u2028") && safe.contains("\\u2029"), safe);
        JsonNode back = JSON.readTree(safe);
        assertEquals(text, back.get("t").asText());
    }

    @Test
    void scriptSafeJsonPreservesRandomValues() throws Exception {
        char[] alphabet = {'<', '>', '&', '/', '!', '-', '"', '\\', '\'', '\u2028', '\u2029', 'a', 's', ' ', '\n', 'é'};
        Random rnd = new Random(42);
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(30);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            Map<String, Object> v = Map.of("k" + s, List.of(s, i, i * 0.5));
            String json = JSON.writeValueAsString(v);
            String safe = Html.scriptSafeJson(json);
            assertFalse(safe.contains("</"), safe);
            assertFalse(safe.contains("<!--"), safe);
            assertEquals(JSON.readTree(json), JSON.readTree(safe), "for input " + s);
        }
    }

    @Test
    void scriptSafeJsonLeavesOrdinaryJsonAlone() {
        String json = "{\"a\":[1,2.5,null,true],\"b\":\"text with \\\"quotes\\\"\"}";
        assertEquals(json, Html.scriptSafeJson(json));
    }
}
