package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.plot.AnomalyTimelineChart;
import org.anomaly4j.plot.Figure;
import org.anomaly4j.timeseries.ControlChart;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The facade's NAB loaders and control-chart figure, checked against the raw NAB files. */
class A4jTimeSeriesTest {

    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    @Test
    void nabSeriesMatchesTheCsvAndTheWindowsFile() throws IOException {
        List<String> lines = Files.readAllLines(TestData.file("nab/realKnownCause/nyc_taxi"));
        Table taxi = A4j.nabSeries("realKnownCause/nyc_taxi");
        assertEquals(lines.size() - 1, taxi.rowCount());
        assertEquals(List.of("timestamp", "value", "label"), taxi.columnNames());
        for (int row : new int[] {0, 4321, lines.size() - 2}) {
            String[] cells = lines.get(row + 1).split(",");
            assertEquals(LocalDateTime.parse(cells[0], NAB_TIME), taxi.dateTimeColumn("timestamp").get(row));
            assertEquals(Double.parseDouble(cells[1]), taxi.doubleColumn("value").get(row));
        }
        JsonNode json = new ObjectMapper().readTree(TestData.file("nab/windows").toFile());
        JsonNode expected = json.get("realKnownCause/nyc_taxi.csv");
        List<AnomalyTimelineChart.Window> windows = A4j.nabWindows("realKnownCause/nyc_taxi");
        assertEquals(expected.size(), windows.size());
        for (int w = 0; w < windows.size(); w++) {
            assertEquals(LocalDateTime.parse(expected.get(w).get(0).asText(), NAB_TIME), windows.get(w).start());
            assertEquals(LocalDateTime.parse(expected.get(w).get(1).asText(), NAB_TIME), windows.get(w).end());
        }
        // label: true exactly for the rows whose time lies in a window (both ends inclusive)
        int inside = 0;
        for (int i = 0; i < taxi.rowCount(); i++) {
            LocalDateTime t = taxi.dateTimeColumn("timestamp").get(i);
            boolean in = windows.stream().anyMatch(w -> !t.isBefore((LocalDateTime) w.start())
                    && !t.isAfter((LocalDateTime) w.end()));
            assertEquals(in, taxi.booleanColumn("label").get(i), "row " + i);
            inside += in ? 1 : 0;
        }
        assertTrue(inside > 0);
    }

    @Test
    void nabSeriesTablesAreIndependentCopies() {
        Table a = A4j.nabSeries("realKnownCause/nyc_taxi");
        double first = a.doubleColumn("value").get(0);
        a.doubleColumn("value").set(0, -1.0);
        assertEquals(first, A4j.nabSeries("realKnownCause/nyc_taxi").doubleColumn("value").get(0));
    }

    @Test
    void unknownNabSeriesNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> A4j.nabSeries("realKnownCause/no_such_series"));
        assertTrue(e.getMessage().contains("realKnownCause/nyc_taxi"), e.getMessage());
    }

    @Test
    void controlChartDrawsValueLimitsAndFlags() {
        Table t = Table.create("t", DoubleColumn.create("x", new double[] {1, 2, 1, 2, 1, 2, 1, 2, 30, 1}));
        ControlChart chart = A4j.rollingZScore(t, "x", 4);
        Figure f = A4j.controlChart(t, null, "x", chart);
        assertEquals(1, t.columnCount(), "input table unchanged");
        assertEquals(5, f.traceCount());
        assertEquals("x (charted)", f.trace(0).get("name").asText());
        assertEquals("centre", f.trace(1).get("name").asText());
        assertEquals("upper limit", f.trace(2).get("name").asText());
        assertEquals("lower limit", f.trace(3).get("name").asText());
        double[] upper = chart.upper();
        for (int i = 0; i < upper.length; i++) {
            JsonNode y = f.trace(2).get("y").get(i);
            assertEquals(Double.isNaN(upper[i]), y.isNull(), "row " + i);
            if (!y.isNull()) {
                assertEquals(upper[i], y.asDouble());
            }
        }
        ObjectNode marks = f.trace(4);
        assertEquals(chart.count(), marks.get("x").size());
        assertEquals("outside the limits (" + chart.count() + ")", marks.get("name").asText());
        assertTrue(chart.count() > 0 && chart.flags()[8], "the spike at row 8 is flagged");
        assertFalse(f.title().isEmpty());
        assertEquals("x", f.axisTitle("y"));
    }
}
