package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.plot.Figure;
import org.anomaly4j.timeseries.StlResult;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.ScatterPlot;

class A4jTest {

    private static Table xy() {
        return Table.create("xy", DoubleColumn.create("x", new double[] {1, 2, 3}),
                DoubleColumn.create("y", new double[] {2, 4, 6}));
    }

    @Test
    void datasetResolvesFromTheEnvironment() {
        String env = System.getenv(Datasets.DATA_ENV);
        if (env != null && !env.isBlank()) {
            Path p = A4j.dataset("beehives/Hive17");
            assertEquals(Path.of(env).resolve("beehives/Hive17.csv"), p);
        }
        // without the variable, the same name resolves through the cache or a download; not testable offline
    }

    @Test
    void readCsvDelegatesWithOptions() {
        Table t = A4j.readCsv(TestData.file("beehives/Hive17"),
                CsvOptions.separator(';').dateTimeFormat("d.MM.yyyy HH:mm"));
        assertEquals(1847, t.rowCount());
        Table c = A4j.readCsv(TestData.file("creditcard"));
        assertEquals(31, c.columnCount());
    }

    @Test
    void scatterAndLineTitles() {
        Figure s = A4j.scatter(xy(), "x", "y");
        assertEquals("y vs x", s.title());
        assertEquals("markers", s.trace(0).get("mode").asText());
        Figure l = A4j.line(xy(), "x", "y");
        assertEquals("y over x", l.title());
        assertEquals("lines", l.trace(0).get("mode").asText());
        assertEquals("x", l.axisTitle("x"));
    }

    @Test
    void stlChartStacksTheFourComponentsOverOneTimeAxis() {
        Table hive = A4j.readCsv(TestData.file("beehives/Hive17"),
                CsvOptions.separator(';').dateTimeFormat("d.MM.yyyy HH:mm"));
        StlResult stl = A4j.stl(hive, "T17", 24);
        Figure f = A4j.stlChart(stl, hive, "DateTime");
        assertEquals(4, f.traceCount());
        // every panel plots its component against the time column, in row order
        double[][] expected = {stl.observed(), stl.trend(), stl.seasonal(), stl.resid()};
        for (int i = 0; i < 4; i++) {
            var trace = f.trace(i);
            assertEquals(hive.rowCount(), trace.get("x").size());
            assertEquals(hive.dateTimeColumn("DateTime").get(5).toString(), trace.get("x").get(5).asText().replace(' ', 'T'));
            for (int r : new int[] {0, 700, hive.rowCount() - 1}) {
                assertEquals(expected[i][r], trace.get("y").get(r).asDouble(), 0.0);
            }
        }
        // one column of panels whose x axes zoom together (Subplots shares equally titled x axes)
        assertTrue(f.toJson().contains("\"matches\""), "shared time axis");
        assertThrows(IllegalArgumentException.class, () -> A4j.stlChart(stl, hive.first(10), "DateTime"));
        assertThrows(IllegalArgumentException.class, () -> A4j.stlChart(stl, hive, "Time"));
        assertEquals(1847, hive.rowCount(), "input untouched");
    }

    @Test
    void figureConvertsTablesawFigures() {
        Figure f = A4j.figure(ScatterPlot.create("ts", xy(), "x", "y"));
        assertEquals("ts", f.title());
        assertEquals(1, f.traceCount());
        assertTrue(f.trace(0).get("y").get(2).isNumber());
    }
}
