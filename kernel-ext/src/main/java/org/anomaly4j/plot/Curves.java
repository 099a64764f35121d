package org.anomaly4j.plot;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The part {@link RocChart} and {@link PrecisionRecallChart} share: curves as lines plus one reference line. */
final class Curves {

    private Curves() {
    }

    /**
     * A figure with one line per curve, named "name (SUMMARY 0.912)", and a grey dashed reference line
     * through {@code (rx0, ry0)}–{@code (rx1, ry1)}; both axes span [0, 1].
     *
     * @param shape Plotly line shape: "linear" for ROC, "hv" (steps, as scikit-learn draws PR curves)
     */
    static Figure create(String title, String xTitle, String yTitle, String summaryName, String shape,
                         Curve[] curves, String referenceName, double[] rx, double[] ry) {
        if (curves == null || curves.length == 0) {
            throw new IllegalArgumentException("Pass at least one curve");
        }
        ArrayNode data = Traces.array();
        for (int c = 0; c < curves.length; c++) {
            Curve k = curves[c];
            if (k == null) {
                throw new IllegalArgumentException("curve " + c + " is null");
            }
            String name = k.name() + (Double.isNaN(k.summary()) ? ""
                    : String.format(Locale.ROOT, " (%s %.3f)", summaryName, k.summary()));
            ObjectNode t = Traces.line(name, k.x(), k.y(), Palette.series(c), 2);
            ((ObjectNode) t.get("line")).put("shape", shape);
            String hover = Traces.template(xTitle) + " %{x:.3f}<br>" + Traces.template(yTitle) + " %{y:.3f}";
            if (k.thresholds() != null) {
                t.set("customdata", Traces.numbers(k.thresholds()));
                hover += "<br>threshold %{customdata:.4~g}";
            }
            t.put("hovertemplate", hover + "<extra>" + Traces.template(name) + "</extra>");
            data.add(t);
        }
        ObjectNode ref = Traces.line(referenceName, rx, ry, Palette.REFERENCE, 1.5);
        ((ObjectNode) ref.get("line")).put("dash", "dash");
        ref.put("hoverinfo", "skip");
        data.add(ref);
        ObjectNode layout = Traces.layout(title, xTitle, yTitle);
        for (String axis : new String[] {"xaxis", "yaxis"}) {
            ObjectNode a = (ObjectNode) layout.get(axis);
            a.putArray("range").add(-0.02).add(1.02);
            a.put("zeroline", false);
            // keep the ranges and shrink the plot area to a square instead of widening the x range
            a.put("constrain", "domain");
        }
        // square plot area, so the chance diagonal is at 45 degrees
        ((ObjectNode) layout.get("yaxis")).put("scaleanchor", "x").put("scaleratio", 1);
        // a fixed size about as wide as the square plot plus the legend on its right: in a wide notebook
        // cell a responsive width would leave the square centred in empty space (Subplots drops the size)
        layout.put("width", 700).put("height", 520);
        ((ObjectNode) layout.get("xaxis")).put("constraintoward", "left");
        layout.put("showlegend", true);
        return Figure.of(data, layout);
    }
}
