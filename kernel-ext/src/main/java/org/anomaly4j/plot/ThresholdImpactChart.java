package org.anomaly4j.plot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the choice of threshold moves precision, recall and F1 (left axis, 0–1) and, when given, the cost of
 * the errors (right axis): one line each against the threshold, the best F1 and the lowest cost marked with
 * a point and named in the legend ("best F1 0.81 at 0.53"). The hover compares all lines at one threshold.
 */
public final class ThresholdImpactChart {

    private ThresholdImpactChart() {
    }

    /** Precision, recall and F1 at each threshold (all arrays of one length, finite). */
    public static Figure create(String title, double[] thresholds, double[] precision, double[] recall,
                                double[] f1) {
        return create(title, thresholds, precision, recall, f1, null);
    }

    /**
     * @param cost the cost at each threshold (e.g. {@code fp·costFp + fn·costFn}) on a right-hand axis, or
     *             null for none
     */
    public static Figure create(String title, double[] thresholds, double[] precision, double[] recall,
                                double[] f1, double[] cost) {
        return create(title, thresholds, precision, recall, f1, cost == null ? null : thresholds, cost);
    }

    /**
     * As {@link #create(String, double[], double[], double[], double[], double[])} with the cost on its own
     * thresholds (e.g. {@code CostAnalysis.thresholds()} beside {@code PrecisionRecallCurve.thresholds()}).
     *
     * @param costThresholds thresholds of {@code cost}, or null when cost is null
     */
    public static Figure create(String title, double[] thresholds, double[] precision, double[] recall,
                                double[] f1, double[] costThresholds, double[] cost) {
        if (thresholds == null || thresholds.length == 0) {
            throw new IllegalArgumentException("thresholds is empty; pass at least one threshold");
        }
        double[][] series = {precision, recall, f1};
        String[] names = {"precision", "recall", "F1"};
        for (int s = 0; s < 3; s++) {
            Traces.requireFinite(names[s], series[s]);
            Traces.requireLength(names[s], series[s].length, "thresholds", thresholds.length);
        }
        double[][] kept = finiteThresholds("thresholds", thresholds, series);
        double[] t = kept[0];
        ArrayNode data = Traces.array();
        for (int s = 0; s < 3; s++) {
            data.add(line(names[s], t, kept[s + 1], Palette.series(s), "y"));
        }
        double[] f = kept[3];
        int best = argBest(f, true);
        data.add(marker("best F1 " + Traces.fmt(f[best]) + " at " + Traces.fmt(t[best]), t[best], f[best],
                Palette.series(2), "y"));
        ObjectNode layout = Traces.layout(title, "threshold", "precision / recall / F1");
        ((ObjectNode) layout.get("yaxis")).putArray("range").add(0).add(1.02);
        if (cost != null) {
            Traces.requireFinite("cost", cost);
            if (costThresholds == null) {
                throw new IllegalArgumentException("costThresholds is null; pass the thresholds of the cost values");
            }
            Traces.requireLength("cost", cost.length, "costThresholds", costThresholds.length);
            double[][] ck = finiteThresholds("costThresholds", costThresholds, new double[][] {cost});
            ObjectNode c = line("cost", ck[0], ck[1], Palette.series(3), "y2");
            ((ObjectNode) c.get("line")).put("dash", "dot");
            data.add(c);
            int cheapest = argBest(ck[1], false);
            data.add(marker("lowest cost " + Traces.fmt(ck[1][cheapest]) + " at " + Traces.fmt(ck[0][cheapest]),
                    ck[0][cheapest], ck[1][cheapest], Palette.series(3), "y2"));
            ObjectNode y2 = Traces.axis("cost");
            y2.put("overlaying", "y").put("side", "right").put("showgrid", false).put("rangemode", "tozero")
                    .put("tickmode", "auto"); // own round ticks, not synced to the 0–1 axis
            layout.set("yaxis2", y2);
        }
        layout.put("hovermode", "x unified");
        // below the plot, so the right-hand cost axis and the lines keep the full width
        layout.set("legend", Traces.legend(null).put("orientation", "h").put("y", -0.2).put("yanchor", "top"));
        return Figure.of(data, layout);
    }

    private static ObjectNode line(String name, double[] x, double[] y, String color, String axis) {
        ObjectNode t = Traces.line(name, x, y, color, 2);
        t.put("yaxis", axis);
        t.put("hovertemplate", "%{y:.4~g}");
        return t;
    }

    private static ObjectNode marker(String name, double x, double y, String color, String axis) {
        ObjectNode t = Traces.object();
        t.put("type", "scatter");
        t.put("mode", "markers");
        t.put("name", name);
        t.putArray("x").add(x);
        t.putArray("y").add(y);
        t.put("yaxis", axis);
        t.putObject("marker").put("color", color).put("size", 11).put("symbol", "diamond")
                .putObject("line").put("color", Palette.BLACK).put("width", 1);
        t.put("hoverinfo", "skip");
        return t;
    }

    /**
     * The points whose threshold is finite: {thresholds, series...} without the others. scikit-learn's
     * {@code roc_curve} and our {@code CostAnalysis} start at +∞ ("flag nothing"), which has no place on a
     * threshold axis; NaN thresholds are dropped the same way. At least one finite threshold must remain.
     */
    private static double[][] finiteThresholds(String what, double[] thresholds, double[][] series) {
        int n = 0;
        for (double t : thresholds) {
            n += Double.isFinite(t) ? 1 : 0;
        }
        if (n == 0) {
            throw new IllegalArgumentException(what + " has no finite threshold to draw");
        }
        double[][] out = new double[series.length + 1][n];
        int k = 0;
        for (int i = 0; i < thresholds.length; i++) {
            if (Double.isFinite(thresholds[i])) {
                out[0][k] = thresholds[i];
                for (int s = 0; s < series.length; s++) {
                    out[s + 1][k] = series[s][i];
                }
                k++;
            }
        }
        return out;
    }

    /** Index of the largest (or smallest) value; the first on ties. */
    private static int argBest(double[] v, boolean largest) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (largest ? v[i] > v[best] : v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }
}
