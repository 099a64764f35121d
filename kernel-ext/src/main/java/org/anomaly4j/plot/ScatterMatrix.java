package org.anomaly4j.plot;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.Table;

/**
 * Every pair of the chosen numeric columns as a scatter plot, in one grid (Plotly's {@code splom} trace, like
 * pandas' {@code scatter_matrix} or seaborn's {@code pairplot}): the lower triangle only, since the upper one
 * mirrors it, with each column's name as the axis title. Rows are coloured by a label column when one is given
 * (one legend entry per label value, Okabe–Ito colours); a hover names the row. Missing values leave the
 * point out of the pairs that need them.
 */
public final class ScatterMatrix {

    private ScatterMatrix() {
    }

    /** Pairs of {@code columns} (at least two), all rows alike. */
    public static Figure create(String title, Table table, String... columns) {
        return create(title, table, columns == null ? null : List.of(columns), null);
    }

    /**
     * @param columns     at least two numeric columns
     * @param labelColumn column whose values colour the rows (any type; missing is "(missing)"), or null
     */
    public static Figure create(String title, Table table, List<String> columns, String labelColumn) {
        if (columns == null || columns.size() < 2) {
            throw new IllegalArgumentException("A scatter matrix needs at least two numeric columns, got "
                    + (columns == null ? 0 : columns.size()));
        }
        List<double[]> values = new ArrayList<>();
        for (String c : columns) {
            values.add(Columns.values(table, c));
        }
        Groups groups = labelColumn == null ? Groups.all(table, "rows") : Groups.of(table, labelColumn);
        ArrayNode data = Traces.array();
        for (int g : groups.order()) {
            int[] rows = groups.rows().get(g);
            String key = groups.names().get(g);
            ObjectNode t = Traces.object();
            t.put("type", "splom");
            t.put("name", Traces.text(key) + " (" + rows.length + ")");
            ArrayNode dims = t.putArray("dimensions");
            for (int c = 0; c < columns.size(); c++) {
                double[] all = values.get(c);
                double[] v = new double[rows.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = all[rows[i]];
                }
                ObjectNode d = dims.addObject();
                d.put("label", Traces.text(columns.get(c)));
                d.set("values", Traces.numbers(v));
            }
            ArrayNode ids = t.putArray("customdata");
            for (int r : rows) {
                ids.add(r);
            }
            t.put("hovertemplate", "row %{customdata}<br>(%{x:.4~g}, %{y:.4~g})<extra>"
                    + Traces.template(key) + "</extra>");
            t.put("showupperhalf", false);
            t.putObject("diagonal").put("visible", false);
            t.putObject("marker").put("color", groups.colors().get(g)).put("size", 4).put("opacity", 0.6);
            data.add(t);
        }
        ObjectNode layout = Traces.object();
        layout.set("title", Figure.titleNode(Traces.text(title)));
        int cells = columns.size() - 1;
        layout.put("height", Math.max(450, 150 * cells + 150));
        layout.put("dragmode", "select");
        layout.put("hovermode", "closest");
        layout.set("legend", Traces.legend(labelColumn).put("traceorder", "normal"));
        layout.put("showlegend", true);
        return Figure.of(data, layout);
    }
}
