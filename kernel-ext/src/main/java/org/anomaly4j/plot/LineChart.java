package org.anomaly4j.plot;

import tech.tablesaw.api.Table;

/** A line through the rows in table order, typically a measurement over time. */
public final class LineChart {

    private LineChart() {
    }

    /**
     * A line joining ({@code x}, {@code y}) in row order; a missing value breaks the line.
     *
     * @param title figure title
     * @param table the data
     * @param x     column on the horizontal axis, usually a date-time
     * @param y     column on the vertical axis
     */
    public static Figure create(String title, Table table, String x, String y) {
        return Traces.single(Traces.xyTrace("scatter", "lines", table, x, y), Traces.layout(title, x, y));
    }
}
