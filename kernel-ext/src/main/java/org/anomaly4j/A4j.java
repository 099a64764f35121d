package org.anomaly4j;

import java.nio.file.Path;

import org.anomaly4j.data.Csv;
import org.anomaly4j.data.CsvOptions;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.kernel.Progress;
import org.anomaly4j.plot.Figure;
import org.anomaly4j.plot.LineChart;
import org.anomaly4j.plot.ScatterChart;
import org.anomaly4j.plot.TablesawFigures;
import tech.tablesaw.api.Table;

/**
 * The one-call functions notebooks use. The kernel imports this class statically, so a cell reads
 * {@code readCsv(dataset("beehives/Hive17"), CsvOptions.separator(';'))} with no imports.
 * Each method delegates to the class in its package that owns the work.
 */
public final class A4j {

    private A4j() {
    }

    /**
     * Local path of a named dataset (see {@link Datasets}): from {@code $ANOMALY4J_DATA}, the user cache, or
     * a download verified against the manifest's sha256, with its progress shown in the cell.
     */
    public static Path dataset(String name) {
        return Datasets.fromEnvironment(Progress.bytes("Downloading " + name)).resolve(name);
    }

    /** Reads a CSV file (plain or gzip) with pandas-like defaults. */
    public static Table readCsv(Path file) {
        return Csv.read(file, CsvOptions.defaults());
    }

    /** Reads a CSV file (plain or gzip) with the given options. */
    public static Table readCsv(Path file, CsvOptions options) {
        return Csv.read(file, options);
    }

    /** Scatter plot of {@code y} against {@code x}, titled "y vs x". */
    public static Figure scatter(Table table, String x, String y) {
        return ScatterChart.create(y + " vs " + x, table, x, y);
    }

    /** Line of {@code y} over {@code x} in row order, titled "y over x". */
    public static Figure line(Table table, String x, String y) {
        return LineChart.create(y + " over " + x, table, x, y);
    }

    /** A tablesaw-jsplot figure as an anomaly4j figure (titles, axes and traces kept). */
    public static Figure figure(tech.tablesaw.plotly.components.Figure tablesawFigure) {
        return TablesawFigures.convert(tablesawFigure);
    }
}
