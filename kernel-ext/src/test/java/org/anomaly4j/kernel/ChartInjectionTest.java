package org.anomaly4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anomaly4j.plot.ChartGallery;
import org.anomaly4j.plot.Figure;
import org.junit.jupiter.api.Test;

/**
 * Every chart with {@code </script><script>alert(1)</script><b>&amp;} in each title, column name, label value
 * and curve name: the offline HTML keeps exactly one script element, the embedded JSON equals the figure, and
 * the text reaches plotly.js escaped for its markup (entities, so it shows literally and is never bold).
 */
class ChartInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hostileTextCannotLeaveTheScriptAndShowsLiterally() throws Exception {
        Map<String, Figure> charts = ChartGallery.all(ChartGallery.HOSTILE);
        assertEquals(17, charts.size(), "every chart class, Subplots and ScatterChart twice");
        for (Map.Entry<String, Figure> e : charts.entrySet()) {
            Figure f = e.getValue();
            String json = f.toJson();
            String html = FigureView.html(f);
            String lower = html.toLowerCase();
            assertEquals(1, FigureViewTest.count(lower, "<script"), e.getKey() + ": one opening script tag");
            assertEquals(1, FigureViewTest.count(lower, "</script"), e.getKey() + ": one closing script tag");
            assertTrue(html.endsWith("</script>"), e.getKey());
            assertFalse(html.contains("alert(1)</"), e.getKey());
            int start = html.indexOf("var fig=") + "var fig=".length();
            JsonNode embedded = JSON.readTree(html.substring(start, html.indexOf(";\nfunction draw", start)));
            // compared as parsed JSON on both sides (a long count and the int read back are the same number)
            assertTrue(JSON.readTree(json).equals(embedded), e.getKey() + ": the page draws exactly the figure");
            // for plotly.js's markup: the hostile text arrives as entities, never as tags
            assertFalse(json.contains("<script>") || json.contains("</script>") || json.contains("<b>&amp;"),
                    e.getKey() + ": raw tag in " + json.substring(0, Math.min(400, json.length())));
            assertTrue(json.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;&amp;amp;"),
                    e.getKey() + ": escaped text present");
        }
        assertTrue(charts.get("histogram").title().startsWith("Histogram &lt;/script&gt;"));
    }
}
