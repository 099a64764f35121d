package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class AnomalyTimelineChartTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2014, 2, 19, 10, 0);

    private static Table series() {
        DateTimeColumn t = DateTimeColumn.create("timestamp");
        for (int i = 0; i < 6; i++) {
            t.append(T0.plusMinutes(5L * i));
        }
        return Table.create("s", t, DoubleColumn.create("value", 1, 2, 50, 2, Double.NaN, 1),
                BooleanColumn.create("if_anomaly", new boolean[] {false, false, true, false, true, false}));
    }

    @Test
    void lineFlaggedMarksAndShadedWindows() {
        List<AnomalyTimelineChart.Window> windows = List.of(
                new AnomalyTimelineChart.Window(T0.plusMinutes(5), T0.plusMinutes(15)),
                new AnomalyTimelineChart.Window(T0.plusMinutes(20), T0.plusMinutes(25)));
        Figure f = AnomalyTimelineChart.create("NAB", series(), "timestamp", "value", "if_anomaly", windows);
        assertEquals(2, f.traceCount());
        assertEquals("lines", f.trace(0).get("mode").asText());
        assertEquals(6, f.trace(0).get("x").size());
        assertEquals(T0, LocalDateTime.parse(f.trace(0).get("x").get(0).asText()));
        JsonNode marks = f.trace(1);
        assertEquals("markers", marks.get("mode").asText());
        assertEquals(1, marks.get("x").size(), "row 4 is flagged but has no value: not marked");
        assertEquals(T0.plusMinutes(10), LocalDateTime.parse(marks.get("x").get(0).asText()));
        assertEquals(50.0, marks.get("y").get(0).asDouble());
        assertEquals(2, marks.get("customdata").get(0).asInt());
        assertEquals("if_anomaly (1)", marks.get("name").asText());
        assertEquals(Palette.ANOMALY, marks.get("marker").get("color").asText());
        JsonNode shapes = f.layout().get("shapes");
        assertEquals(2, shapes.size());
        assertEquals("rect", shapes.get(0).get("type").asText());
        assertEquals(T0.plusMinutes(5), LocalDateTime.parse(shapes.get(0).get("x0").asText()));
        assertEquals("paper", shapes.get(0).get("yref").asText());
        assertTrue(shapes.get(0).get("showlegend").asBoolean(), "one legend entry for the windows");
        assertTrue(!shapes.get(1).get("showlegend").asBoolean());
        assertEquals("timestamp", f.axisTitle("x"));
        assertEquals("value", f.axisTitle("y"));
    }

    @Test
    void rowIndexAndArrayFormsAndNumberWindows() {
        Figure f = AnomalyTimelineChart.create("t", series(), null, "value", null);
        assertEquals(1, f.traceCount());
        assertEquals(5, f.trace(0).get("x").get(5).asInt());
        assertEquals("row", f.axisTitle("x"));
        Figure g = AnomalyTimelineChart.create("t", "v", new double[] {1, 9, 1}, new boolean[] {false, true, false},
                List.of(new AnomalyTimelineChart.Window(1, 2)));
        assertEquals(1, g.trace(1).get("x").get(0).asInt());
        assertEquals(1.0, g.layout().get("shapes").get(0).get("x0").asDouble());
    }

    @Test
    void badWindowsAndFlags() {
        assertThrows(IllegalArgumentException.class, () -> new AnomalyTimelineChart.Window(T0, 5));
        assertThrows(IllegalArgumentException.class, () -> new AnomalyTimelineChart.Window(T0, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new AnomalyTimelineChart.Window(3, 2));
        String m = assertThrows(IllegalArgumentException.class,
                () -> AnomalyTimelineChart.create("t", series(), "timestamp", "value", "value")).getMessage();
        assertTrue(m.contains("BOOLEAN"), m);
        assertThrows(IllegalArgumentException.class,
                () -> AnomalyTimelineChart.create("t", "v", new double[] {1}, new boolean[2], List.of()));
    }
}
