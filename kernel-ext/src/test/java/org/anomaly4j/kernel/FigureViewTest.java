package org.anomaly4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anomaly4j.plot.Figure;
import org.junit.jupiter.api.Test;

class FigureViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Occurrences of {@code needle} (overlapping ones too); shared with ChartInjectionTest. */
    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The JSON literal assigned to {@code fig} in the script. */
    private static JsonNode embeddedSpec(String html) throws Exception {
        int start = html.indexOf("var fig=") + "var fig=".length();
        int end = html.indexOf(";\nfunction draw", start);
        assertTrue(start > 7 && end > start, html);
        return JSON.readTree(html.substring(start, end));
    }

    @Test
    void scriptEndInTitleCannotCloseTheScript() throws Exception {
        Figure f = KernelFixtures.figure(KernelFixtures.EVIL_TITLE);
        String html = FigureView.html(f);
        assertFalse(html.contains("</script><script>"), html);
        assertEquals(1, count(html, "<script"), "exactly one opening script tag: " + html);
        assertEquals(1, count(html, "</script>"), "exactly one closing script tag");
        assertTrue(html.endsWith("</script>"), "the only </script> is the real end");
        assertFalse(html.contains("alert(1)</"), html);
        // the title still reaches plotly.js intact
        assertEquals(KernelFixtures.EVIL_TITLE, embeddedSpec(html).get("layout").get("title").get("text").asText());
        assertEquals(f.toJsonNode(), embeddedSpec(html));
    }

    @Test
    void commentOpenerAndLineSeparatorInDataAreEscaped() throws Exception {
        Figure f = KernelFixtures.figure("a <!-- b \u2028 c & d");
        String html = FigureView.html(f);
        assertFalse(html.contains("<!--"), html);
        assertEquals(-1, html.indexOf('\u2028'));
        assertEquals("a <!-- b \u2028 c & d", embeddedSpec(html).get("layout").get("title").get("text").asText());
    }

    @Test
    void divAndScriptShareAUniqueId() {
        Figure f = KernelFixtures.figure("t");
        String html = FigureView.html(f);
        Matcher m = Pattern.compile("<div id=\"(a4j-plot-[0-9a-f-]+)\"").matcher(html);
        assertTrue(m.find(), html);
        String id = m.group(1);
        assertTrue(html.contains("getElementById('" + id + "')"), "the script draws into its own div");
        Matcher m2 = Pattern.compile("<div id=\"(a4j-plot-[0-9a-f-]+)\"").matcher(FigureView.html(f));
        assertTrue(m2.find());
        assertNotEquals(id, m2.group(1), "two renderings of one figure get two divs");
    }

    @Test
    void plotlyIsLoadedLocallyNeverFromACdn() {
        String html = FigureView.html(KernelFixtures.figure("t")).toLowerCase();
        assertTrue(html.contains("\"plotly.min.js\""), html);
        assertFalse(html.contains("cdn"), html);
        assertFalse(html.contains("http"), html);
        assertFalse(html.contains("<script src"), "plotly.js is added by the script, once per page");
    }

    @Test
    void plotlyUrlCanBeChangedAndIsEscaped() {
        String before = FigureView.plotlyUrl();
        try {
            FigureView.plotlyUrl("static/js/plotly \"3\".min.js</script>");
            String html = FigureView.html(KernelFixtures.figure("t"));
            assertEquals(1, count(html, "</script>"), html);
            assertTrue(html.contains("static/js/plotly \\\"3\\\".min.js\\u003c/script\\u003e"), html);
            assertEquals("static/js/plotly \"3\".min.js</script>", FigureView.plotlyUrl());
        } finally {
            FigureView.plotlyUrl(before);
        }
        assertEquals(before, FigureView.plotlyUrl());
        assertThrows(IllegalArgumentException.class, () -> FigureView.plotlyUrl(" "));
        assertThrows(IllegalArgumentException.class, () -> FigureView.plotlyUrl(null));
        assertEquals(before, FigureView.plotlyUrl());
    }

    @Test
    void textIsTheFiguresToString() {
        Figure f = KernelFixtures.figure("hello");
        assertEquals(f.toString(), FigureView.text(f));
        assertTrue(FigureView.text(f).contains("hello"));
    }
}
