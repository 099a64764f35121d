package org.anomaly4j.plot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A scatter plot with the rows a detector flagged drawn as a second, red trace on top of the others. */
public final class AnomalyScatterChart {

    private AnomalyScatterChart() {
    }

    /**
     * Normal rows as small blue markers and flagged rows as larger vermillion crosses ({@link Palette}), each
     * trace named with its row count ("normal (1633)", "anomaly (214)").
     *
     * @param flag a boolean column, e.g. {@code one-class-svm_anomaly} added by {@code Model.label(table)}
     */
    public static Figure create(String title, Table table, String x, String y, String flag) {
        Column<?> c = Columns.require(table, flag);
        if (!(c instanceof BooleanColumn b)) {
            throw new IllegalArgumentException("Column \"" + flag + "\" is " + c.type().name()
                    + ", not BOOLEAN; pass the <name>_anomaly column that label(...) adds");
        }
        Table normal = table.where(b.isFalse());
        Table anomalous = table.where(b.isTrue());
        ObjectNode n = Traces.xyTrace("scatter", "markers", normal, x, y);
        n.put("name", "normal (" + normal.rowCount() + ")");
        n.putObject("marker").put("size", 5).put("opacity", 0.6).put("color", Palette.NORMAL);
        ObjectNode a = Traces.xyTrace("scatter", "markers", anomalous, x, y);
        a.put("name", "anomaly (" + anomalous.rowCount() + ")");
        a.putObject("marker").put("size", 8).put("symbol", "x").put("color", Palette.ANOMALY);
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        data.add(n);
        data.add(a);
        return Figure.of(data, Traces.layout(title, x, y));
    }
}
