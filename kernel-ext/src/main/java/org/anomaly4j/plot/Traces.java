package org.anomaly4j.plot;

import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Shared pieces for the chart classes: column values as JSON arrays and axis layouts. */
final class Traces {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Traces() {
    }

    /**
     * Values of a column as a JSON array: numbers as numbers (missing and non-finite as {@code null}, which
     * plotly.js draws as a gap), dates and times as ISO text, everything else as text.
     */
    static ArrayNode values(Table table, String column) {
        Column<?> c = Columns.require(table, column);
        ArrayNode a = NODES.arrayNode(c.size());
        if (c instanceof NumericColumn<?> n) {
            for (int i = 0; i < n.size(); i++) {
                double v = n.getDouble(i);
                if (Double.isFinite(v)) {
                    a.add(v);
                } else {
                    a.addNull();
                }
            }
        } else {
            for (int i = 0; i < c.size(); i++) {
                Object v = c.get(i);
                if (v == null || c.isMissing(i)) {
                    a.addNull();
                } else if (v instanceof TemporalAccessor) {
                    a.add(v.toString());
                } else {
                    a.add(String.valueOf(v));
                }
            }
        }
        return a;
    }

    static ObjectNode xyTrace(String type, String mode, Table table, String x, String y) {
        ObjectNode t = NODES.objectNode();
        t.put("type", type);
        t.put("mode", mode);
        t.put("name", y);
        t.set("x", values(table, x));
        t.set("y", values(table, y));
        return t;
    }

    static ObjectNode layout(String title, String xTitle, String yTitle) {
        ObjectNode l = NODES.objectNode();
        l.set("title", Figure.titleNode(title));
        ObjectNode xa = NODES.objectNode();
        xa.set("title", Figure.titleNode(xTitle));
        ObjectNode ya = NODES.objectNode();
        ya.set("title", Figure.titleNode(yTitle));
        l.set("xaxis", xa);
        l.set("yaxis", ya);
        return l;
    }

    static Figure single(ObjectNode trace, ObjectNode layout) {
        ArrayNode data = NODES.arrayNode();
        data.add(trace);
        return Figure.of(data, layout);
    }
}
