package org.anomaly4j.plot;

import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a two-feature detector draws its line, like scikit-learn's {@code DecisionBoundaryDisplay}: the score
 * evaluated on a regular grid and drawn as filled contours (Cividis colour scale reversed: light yellow where
 * scores are low, dark blue where they are high),
 * the threshold as a solid black contour line (inside it rows are normal, beyond it flagged, since a row is
 * flagged when {@code score > threshold}), and the rows on top — by their true label when labels are given
 * (normal blue circles, anomalies vermillion crosses), else by what the model flags (same marks). Each point's hover shows its row,
 * both features, its score and whether the threshold flags it.
 * <p>Grid: {@value #DEFAULT_RESOLUTION} × {@value #DEFAULT_RESOLUTION} points (scikit-learn's
 * {@code grid_resolution=100}) spanning each feature's range widened by {@value #PAD_PERCENT} % on both sides
 * (scikit-learn widens by an absolute {@code eps=1.0}, which suits standardised features only; a relative pad
 * suits raw units such as temperature and humidity); a constant feature spans ±0.5 around its value. The
 * scoring function is called twice: once with all grid points (resolution² rows), once with the data rows.
 * Grid scores are stored as floats (7 significant digits, more than a colour scale resolves), which halves
 * the figure's size.
 */
public final class DecisionBoundaryChart {

    /** Grid points per axis by default (scikit-learn's {@code grid_resolution}). */
    public static final int DEFAULT_RESOLUTION = 100;
    /** Padding of the grid beyond the data on each side, in percent of the feature's range. */
    public static final int PAD_PERCENT = 5;

    private DecisionBoundaryChart() {
    }

    /**
     * @param score     scores of rows {x, y} (row-major, two columns), higher = more anomalous; e.g.
     *                  {@code model::score}
     * @param threshold rows scoring above it are flagged
     * @param x         first feature of every row (horizontal axis)
     * @param y         second feature (vertical axis)
     * @param xName     name of the first feature (axis title)
     * @param yName     name of the second feature
     * @param labels    true class of each row ({@code true} = anomaly) to colour the points, or null
     */
    public static Figure create(String title, Function<double[][], double[]> score, double threshold,
                                double[] x, double[] y, String xName, String yName, boolean[] labels) {
        return create(title, score, threshold, x, y, xName, yName, labels, DEFAULT_RESOLUTION);
    }

    /** As {@link #create(String, Function, double, double[], double[], String, String, boolean[])} with a
     * grid of {@code resolution × resolution} points (2 to 1000). */
    public static Figure create(String title, Function<double[][], double[]> score, double threshold,
                                double[] x, double[] y, String xName, String yName, boolean[] labels,
                                int resolution) {
        if (score == null) {
            throw new IllegalArgumentException("score is null; pass the model's scoring function, e.g. model::score");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite score, got " + threshold);
        }
        if (resolution < 2 || resolution > 1000) {
            throw new IllegalArgumentException("resolution must be in [2, 1000] grid points per axis, got "
                    + resolution);
        }
        Traces.requireFinite(xName, x);
        Traces.requireFinite(yName, y);
        Traces.requireLength(yName, y.length, xName, x.length);
        if (x.length == 0) {
            throw new IllegalArgumentException("No rows to draw; " + xName + " and " + yName + " are empty");
        }
        if (labels != null) {
            Traces.requireLength("labels", labels.length, xName, x.length);
        }
        double[] gx = axisGrid(x, resolution);
        double[] gy = axisGrid(y, resolution);
        double[][] grid = new double[resolution * resolution][];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                grid[j * resolution + i] = new double[] {gx[i], gy[j]};
            }
        }
        double[] gz = scores(score, grid, "grid point");
        double[][] rows = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            rows[r] = new double[] {x[r], y[r]};
        }
        double[] rowScores = scores(score, rows, "row");

        ArrayNode data = Traces.array();
        ArrayNode z = Traces.array();
        for (int j = 0; j < resolution; j++) {
            ArrayNode zr = z.addArray();
            for (int i = 0; i < resolution; i++) {
                zr.add((float) gz[j * resolution + i]);
            }
        }
        String hx = Traces.template(xName);
        String hy = Traces.template(yName);
        ObjectNode fill = Traces.object();
        fill.put("type", "contour");
        fill.put("name", "score");
        fill.set("x", Traces.numbers(gx));
        fill.set("y", Traces.numbers(gy));
        fill.set("z", z);
        fill.put("colorscale", Palette.SEQUENTIAL);
        // light where scores are low: the blue normal points need a light background to stand out
        fill.put("reversescale", true);
        fill.putObject("contours").put("coloring", "fill").put("showlines", false);
        fill.put("ncontours", 15);
        fill.putObject("colorbar").put("len", 0.8).putObject("title").put("text", "score");
        fill.put("hovertemplate", hx + " %{x:.4~g}<br>" + hy + " %{y:.4~g}<br>score %{z:.4~g}<extra></extra>");
        fill.put("showlegend", false);
        data.add(fill);

        ObjectNode line = Traces.object();
        line.put("type", "contour");
        line.put("name", "threshold " + Traces.fmt(threshold));
        line.set("x", Traces.numbers(gx));
        line.set("y", Traces.numbers(gy));
        line.set("z", z);
        line.put("autocontour", false);
        // one level at the threshold: start = end, any positive size
        line.putObject("contours").put("coloring", "none").put("start", threshold).put("end", threshold)
                .put("size", 1);
        line.putObject("line").put("color", Palette.BLACK).put("width", 2.5);
        line.put("showscale", false);
        line.put("showlegend", true);
        line.put("hoverinfo", "skip");
        data.add(line);

        // without true labels the points show what the model flags (score > threshold)
        boolean[] classes = labels;
        String[] names = {"normal", "anomaly"};
        if (classes == null) {
            classes = new boolean[x.length];
            for (int r = 0; r < x.length; r++) {
                classes[r] = rowScores[r] > threshold;
            }
            names = new String[] {"not flagged", "flagged"};
        }
        data.add(points(names[0], x, y, rowScores, threshold, classes, false, Palette.NORMAL, "circle", hx, hy));
        data.add(points(names[1], x, y, rowScores, threshold, classes, true, Palette.ANOMALY, "x", hx, hy));
        ObjectNode layout = Traces.layout(title, xName, yName);
        ((ObjectNode) layout.get("xaxis")).putArray("range").add(gx[0]).add(gx[resolution - 1]);
        ((ObjectNode) layout.get("yaxis")).putArray("range").add(gy[0]).add(gy[resolution - 1]);
        // taller than the default 450 px so the filled contours are not squashed; legend under the x title
        layout.put("height", 560);
        layout.set("legend", Traces.legend(null).put("orientation", "h").put("y", -0.16).put("yanchor", "top"));
        layout.put("showlegend", true);
        return Figure.of(data, layout);
    }

    /** {@code n} evenly spaced values over the data's range padded by {@value #PAD_PERCENT} %. */
    static double[] axisGrid(double[] v, int n) {
        double lo = v[0];
        double hi = v[0];
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        double pad = hi > lo ? (hi - lo) * PAD_PERCENT / 100.0 : 0.5;
        return Bins.linspace(lo - pad, hi + pad, n);
    }

    private static double[] scores(Function<double[][], double[]> score, double[][] rows, String what) {
        double[] s = score.apply(rows);
        if (s == null || s.length != rows.length) {
            throw new IllegalArgumentException("The scoring function returned " + (s == null ? "null" : s.length
                    + " scores") + " for " + rows.length + " rows; it must return one score per row");
        }
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException("The scoring function returned " + s[i] + " for " + what + " "
                        + i + " (" + rows[i][0] + ", " + rows[i][1] + "); scores must be finite");
            }
        }
        return s;
    }

    /** The rows whose class is {@code want} as markers with a hover. */
    private static ObjectNode points(String name, double[] x, double[] y, double[] s, double threshold,
                                     boolean[] labels, boolean want, String color, String symbol, String hx,
                                     String hy) {
        ArrayNode px = Traces.array();
        ArrayNode py = Traces.array();
        ArrayNode custom = Traces.array();
        int n = 0;
        for (int r = 0; r < x.length; r++) {
            if (labels[r] == want) {
                px.add(x[r]);
                py.add(y[r]);
                custom.addArray().add(r).add(s[r]).add(s[r] > threshold ? "flagged" : "not flagged");
                n++;
            }
        }
        ObjectNode t = Traces.object();
        t.put("type", "scatter");
        t.put("mode", "markers");
        t.put("name", name + " (" + n + ")");
        t.set("x", px);
        t.set("y", py);
        t.set("customdata", custom);
        t.putObject("marker").put("color", color).put("size", symbol.equals("x") ? 8 : 6).put("symbol", symbol)
                .putObject("line").put("color", symbol.equals("x") ? color : Palette.BLACK).put("width", 0.5);
        t.put("hovertemplate", "row %{customdata[0]}<br>" + hx + " %{x:.4~g}<br>" + hy
                + " %{y:.4~g}<br>score %{customdata[1]:.4~g} (%{customdata[2]})<extra>" + name + "</extra>");
        return t;
    }
}
