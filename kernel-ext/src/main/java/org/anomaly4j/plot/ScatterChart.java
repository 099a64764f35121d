package org.anomaly4j.plot;

import com.fasterxml.jackson.databind.node.ObjectNode;

import tech.tablesaw.api.Table;

/** A scatter plot of one column against another, one marker per row. */
public final class ScatterChart {

    private ScatterChart() {
    }

    /**
     * Markers at ({@code x}, {@code y}) for every row; missing values leave the row out of the drawing.
     *
     * @param title figure title
     * @param table the data
     * @param x     column on the horizontal axis (numeric, date-time or text)
     * @param y     column on the vertical axis
     */
    public static Figure create(String title, Table table, String x, String y) {
        ObjectNode trace = Traces.xyTrace("scatter", "markers", table, x, y);
        ObjectNode marker = trace.putObject("marker");
        marker.put("size", 5);
        marker.put("opacity", 0.7);
        return Traces.single(trace, Traces.layout(title, x, y));
    }
}
