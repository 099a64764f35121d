package org.anomaly4j.plot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A time series as a line with the rows a detector flagged marked on it (vermillion crosses), and the known
 * anomaly windows (e.g. NAB's labelled windows) shaded behind it. Time on the x axis is a date-time, instant
 * or date column (drawn as dates), a numeric column (drawn as numbers: convert epoch milliseconds to
 * date-times first to see dates), or the row index. Missing values break the line. Each point's hover shows
 * its row, time and value.
 */
public final class AnomalyTimelineChart {

    private AnomalyTimelineChart() {
    }

    /**
     * A shaded interval [start, end] on the time axis: both {@link LocalDateTime}, both {@link Instant}, both
     * {@link LocalDate}, or both numbers (for a numeric or row-index axis), with {@code start ≤ end}.
     */
    public record Window(Object start, Object end) {

        public Window {
            boolean numbers = start instanceof Number && end instanceof Number;
            boolean sameTime = (start instanceof LocalDateTime && end instanceof LocalDateTime)
                    || (start instanceof Instant && end instanceof Instant)
                    || (start instanceof LocalDate && end instanceof LocalDate);
            if (!numbers && !sameTime) {
                throw new IllegalArgumentException("A window's start and end must both be LocalDateTime, Instant, "
                        + "LocalDate or numbers, got " + type(start) + " and " + type(end));
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            int order = numbers ? Double.compare(((Number) start).doubleValue(), ((Number) end).doubleValue())
                    : ((Comparable) start).compareTo(end);
            if (order > 0) {
                throw new IllegalArgumentException("A window must not end before it starts: " + start + " > " + end);
            }
        }

        private static String type(Object o) {
            return o == null ? "null" : o.getClass().getSimpleName();
        }

        private static void put(ObjectNode shape, String key, Object v) {
            if (v instanceof Number n) {
                shape.put(key, n.doubleValue());
            } else {
                // ISO text: plotly.js reads "2014-02-19T10:50" (and ignores an instant's trailing Z)
                shape.put(key, ((Temporal) v).toString());
            }
        }
    }

    /** The series with flagged rows marked; {@code time} null means the row index. */
    public static Figure create(String title, Table table, String time, String value, String flag) {
        return create(title, table, time, value, flag, List.of());
    }

    /**
     * @param time    time column (date-time, instant, date or numeric), or null for the row index
     * @param value   numeric column drawn as the line
     * @param flag    boolean column of flagged rows (e.g. {@code <name>_anomaly} from {@code label(...)}), or
     *                null for none
     * @param windows known anomaly windows to shade (may be empty)
     */
    public static Figure create(String title, Table table, String time, String value, String flag,
                                List<Window> windows) {
        ArrayNode xs = time == null ? index(table.rowCount()) : Traces.values(table, time);
        Columns.requireNumeric(table, value);
        ArrayNode ys = Traces.values(table, value);
        boolean[] flagged = null;
        if (flag != null) {
            Column<?> c = Columns.require(table, flag);
            if (!(c instanceof BooleanColumn b)) {
                throw new IllegalArgumentException("Column \"" + flag + "\" is " + c.type().name()
                        + ", not BOOLEAN; pass the <name>_anomaly column that label(...) adds");
            }
            flagged = new boolean[b.size()];
            for (int i = 0; i < flagged.length; i++) {
                flagged[i] = !b.isMissing(i) && b.get(i);
            }
        }
        return draw(title, time == null ? "row" : time, value, xs, ys, flagged, flag, windows);
    }

    /** A series of values against the row index, with flagged rows marked ({@code flagged} may be null). */
    public static Figure create(String title, String valueName, double[] values, boolean[] flagged,
                                List<Window> windows) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        if (flagged != null) {
            Traces.requireLength("flagged", flagged.length, "values", values.length);
        }
        return draw(title, "row", valueName, index(values.length), Traces.numbers(values),
                flagged == null ? null : flagged.clone(), "flagged", windows);
    }

    private static Figure draw(String title, String xName, String yName, ArrayNode xs, ArrayNode ys,
                               boolean[] flagged, String flagName, List<Window> windows) {
        if (windows == null) {
            throw new IllegalArgumentException("windows is null; pass List.of() for none");
        }
        String hover = "row %{customdata}<br>" + Traces.template(xName) + " %{x}<br>" + Traces.template(yName)
                + " %{y:.6~g}";
        ArrayNode data = Traces.array();
        ObjectNode line = Traces.object();
        line.put("type", "scatter");
        line.put("mode", "lines");
        line.put("name", Traces.text(yName));
        line.set("x", xs);
        line.set("y", ys);
        line.set("customdata", index(xs.size()));
        line.putObject("line").put("color", Palette.NORMAL).put("width", 1.2);
        line.put("hovertemplate", hover + "<extra></extra>");
        data.add(line);
        if (flagged != null) {
            ObjectNode marks = Traces.object();
            ArrayNode mx = marks.putArray("x");
            ArrayNode my = marks.putArray("y");
            ArrayNode rows = marks.putArray("customdata");
            for (int i = 0; i < flagged.length; i++) {
                JsonNode yv = ys.get(i);
                if (flagged[i] && !yv.isNull()) {
                    mx.add(xs.get(i));
                    my.add(yv);
                    rows.add(i);
                }
            }
            marks.put("type", "scatter");
            marks.put("mode", "markers");
            marks.put("name", Traces.text(flagName) + " (" + rows.size() + ")");
            // smaller marks when there are many, so the line stays visible between them
            marks.putObject("marker").put("color", Palette.ANOMALY).put("size", rows.size() > 300 ? 5 : 9)
                    .put("symbol", "x")
                    .putObject("line").put("color", Palette.ANOMALY).put("width", 1);
            marks.put("hovertemplate", hover + "<extra>flagged</extra>");
            data.add(marks);
        }
        ObjectNode layout = Traces.layout(title, xName, yName);
        ArrayNode shapes = layout.putArray("shapes");
        for (int w = 0; w < windows.size(); w++) {
            Window win = windows.get(w);
            ObjectNode s = shapes.addObject();
            s.put("type", "rect").put("xref", "x").put("yref", "paper").put("y0", 0).put("y1", 1);
            Window.put(s, "x0", win.start());
            Window.put(s, "x1", win.end());
            s.put("fillcolor", Palette.withAlpha(Palette.ORANGE, 0.25)).put("layer", "below");
            s.putObject("line").put("width", 0);
            s.put("name", "labelled window").put("legendgroup", "windows").put("showlegend", w == 0);
        }
        layout.set("legend", Traces.legend(null).put("orientation", "h").put("y", 1.02).put("yanchor", "bottom")
                .put("x", 1).put("xanchor", "right"));
        layout.put("showlegend", true);
        return Figure.of(data, layout);
    }

    private static ArrayNode index(int n) {
        ArrayNode a = Traces.array();
        for (int i = 0; i < n; i++) {
            a.add(i);
        }
        return a;
    }
}
