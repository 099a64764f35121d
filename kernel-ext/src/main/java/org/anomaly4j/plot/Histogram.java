package org.anomaly4j.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.Table;

/**
 * A histogram of one numeric column, optionally split by a label column into overlaid, semi-transparent
 * histograms that share the same bin edges (so the groups compare bin by bin).
 * <p>Bins are numpy's {@code np.histogram_bin_edges(x, bins='auto')} over all finite values (see
 * {@link Bins}), counted by anomaly4j and drawn as Plotly bars of the bins' widths — not by plotly.js's own
 * binning, which picks other edges. Missing values (NaN, empty cells) are left out and counted in the legend;
 * infinite values are an error. Each bar's hover shows its interval and count.
 */
public final class Histogram {

    private Histogram() {
    }

    /** Histogram of a numeric column; the column name is the x-axis title. */
    public static Figure create(String title, Table table, String column) {
        return create(title, column, Columns.values(table, column));
    }

    /**
     * Histograms of a numeric column, one per distinct value of {@code labelColumn} (any type; missing labels
     * form the group "(missing)"), overlaid with the same bin edges; groups in ascending order of the label.
     */
    public static Figure create(String title, Table table, String column, String labelColumn) {
        double[] x = Columns.values(table, column);
        Groups groups = Groups.of(table, labelColumn);
        List<double[]> parts = new ArrayList<>();
        for (int[] rows : groups.rows()) {
            double[] part = new double[rows.length];
            for (int j = 0; j < part.length; j++) {
                part[j] = x[rows[j]];
            }
            parts.add(part);
        }
        return overlaid(title, column, "count", labelColumn, groups.names(), parts, groups.colors(), false);
    }

    /** Histogram of an array (NaN left out and counted); {@code xTitle} names the values. */
    public static Figure create(String title, String xTitle, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        return overlaid(title, xTitle, "count", null, List.of(xTitle), List.of(values), Palette.SERIES, false);
    }

    /**
     * The shared builder: one bar trace per group over edges computed from all groups' finite values.
     *
     * @param share when true, bar heights are percent of the group's finite values (hover still shows counts)
     */
    static Figure overlaid(String title, String xTitle, String yTitle, String legendTitle, List<String> names,
                           List<double[]> groups, List<String> colors, boolean share) {
        List<double[]> finite = new ArrayList<>();
        int total = 0;
        for (int g = 0; g < groups.size(); g++) {
            double[] v = finiteOf(groups.get(g), names.get(g));
            finite.add(v);
            total += v.length;
        }
        double[] all = new double[total];
        int k = 0;
        for (double[] v : finite) {
            System.arraycopy(v, 0, all, k, v.length);
            k += v.length;
        }
        if (total == 0) {
            throw new IllegalArgumentException("\"" + xTitle + "\" has no finite values to draw; "
                    + "fill or drop the missing values first");
        }
        double[] edges = Bins.autoEdges(all);
        ArrayNode data = Traces.array();
        boolean overlay = groups.size() > 1;
        // colours follow the label order; drawing goes from the largest group to the smallest, so a few
        // anomalies are drawn on top of many normals instead of hidden under them
        int[] sizes = new int[groups.size()];
        for (int g = 0; g < sizes.length; g++) {
            sizes[g] = finite.get(g).length;
        }
        int[] order = Groups.largestFirst(sizes);
        for (int g : order) {
            int missing = groups.get(g).length - finite.get(g).length;
            String name = names.get(g) + " (" + finite.get(g).length
                    + (missing > 0 ? ", " + missing + " missing left out" : "") + ")";
            data.add(bars(name, edges, Bins.counts(finite.get(g), edges), share ? finite.get(g).length : 0,
                    colors.get(g % colors.size()), overlay ? 0.55 : 0.85));
        }
        ObjectNode layout = Traces.layout(title, xTitle, yTitle);
        layout.put("barmode", "overlay");
        layout.put("bargap", 0);
        layout.set("legend", Traces.legend(legendTitle).put("traceorder", "normal"));
        layout.put("showlegend", true);
        return Figure.of(data, layout);
    }

    /**
     * One bar per bin, centred on it and as wide as it; {@code customdata} holds [left edge, right edge,
     * count] per bar.
     *
     * @param shareOf when positive, heights are {@code 100·count/shareOf} instead of counts
     */
    static ObjectNode bars(String name, double[] edges, long[] counts, int shareOf, String color, double opacity) {
        int bins = counts.length;
        double[] centre = new double[bins];
        double[] width = new double[bins];
        double[] height = new double[bins];
        ArrayNode custom = Traces.array();
        for (int i = 0; i < bins; i++) {
            centre[i] = 0.5 * (edges[i] + edges[i + 1]);
            width[i] = edges[i + 1] - edges[i];
            height[i] = shareOf > 0 ? 100.0 * counts[i] / shareOf : counts[i];
            custom.addArray().add(edges[i]).add(edges[i + 1]).add(counts[i]);
        }
        ObjectNode t = Traces.object();
        t.put("type", "bar");
        t.put("name", Traces.text(name));
        t.set("x", Traces.numbers(centre));
        t.set("y", Traces.numbers(height));
        t.set("width", Traces.numbers(width));
        t.set("customdata", custom);
        t.put("opacity", opacity);
        t.putObject("marker").put("color", color).putObject("line").put("color", color).put("width", 0.5);
        t.put("hovertemplate", "[%{customdata[0]:.4~g}, %{customdata[1]:.4~g}): %{customdata[2]} rows"
                + (shareOf > 0 ? " (%{y:.1f} %)" : "") + "<extra>" + Traces.template(name) + "</extra>");
        return t;
    }

    /** The non-NaN values; infinities are an error naming the group and the index. */
    private static double[] finiteOf(double[] v, String group) {
        double[] out = new double[v.length];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            if (Double.isInfinite(v[i])) {
                throw new IllegalArgumentException("\"" + group + "\" has the value " + v[i] + " at index " + i
                        + "; a histogram needs finite values (clip(...) or drop the row)");
            }
            out[k++] = v[i];
        }
        return k == v.length ? out : Arrays.copyOf(out, k);
    }
}
