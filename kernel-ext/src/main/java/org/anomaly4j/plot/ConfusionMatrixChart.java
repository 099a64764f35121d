package org.anomaly4j.plot;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A 2×2 confusion matrix as a heatmap: rows are the actual class (normal on top, anomaly below), columns the
 * predicted class, as scikit-learn's {@code ConfusionMatrixDisplay} lays out {@code confusion_matrix(y, ŷ)}.
 * Each cell shows its name, count and rate within the actual class (TN and FP as shares of the normals:
 * specificity and false-positive rate; FN and TP as shares of the anomalies: miss rate and recall); the hover
 * spells out which class.
 * The colour is that row rate, not the count, so a detector that finds 8 of 10 anomalies shows a dark TP cell
 * even beside 10 000 true negatives.
 */
public final class ConfusionMatrixChart {

    private ConfusionMatrixChart() {
    }

    /** Counts of true negatives, false positives, false negatives and true positives, all ≥ 0. */
    public static Figure create(String title, long tn, long fp, long fn, long tp) {
        long[] counts = {tn, fp, fn, tp};
        String[] names = {"TN", "FP", "FN", "TP"};
        for (int i = 0; i < 4; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(names[i] + " must be a count ≥ 0, got " + counts[i]);
            }
        }
        long normals = tn + fp;
        long anomalies = fn + tp;
        String[] what = {"of normals", "of normals", "of anomalies", "of anomalies"};
        ArrayNode z = Traces.array();
        ArrayNode text = Traces.array();
        ArrayNode hover = Traces.array();
        for (int r = 0; r < 2; r++) {
            ArrayNode zr = z.addArray();
            ArrayNode tr = text.addArray();
            ArrayNode hr = hover.addArray();
            long rowTotal = r == 0 ? normals : anomalies;
            for (int c = 0; c < 2; c++) {
                int k = 2 * r + c;
                if (rowTotal == 0) {
                    zr.addNull();
                    tr.add(names[k] + " " + counts[k] + "<br>(no " + (r == 0 ? "normals" : "anomalies") + ")");
                    hr.add(names[k] + " " + counts[k]);
                } else {
                    double rate = (double) counts[k] / rowTotal;
                    zr.add(rate);
                    // short enough for a cell of a 2×3 report; the hover and the colour bar say "of which class"
                    tr.add(String.format(Locale.ROOT, "%s %d<br>%.1f %%", names[k], counts[k], 100 * rate));
                    hr.add(String.format(Locale.ROOT, "%s %d: %.1f %% %s", names[k], counts[k], 100 * rate,
                            what[k]));
                }
            }
        }
        ObjectNode t = Traces.object();
        t.put("type", "heatmap");
        t.putArray("x").add("normal").add("anomaly");
        t.putArray("y").add("normal").add("anomaly");
        t.set("z", z);
        t.set("text", text);
        t.put("texttemplate", "%{text}");
        t.set("customdata", hover);
        t.putObject("textfont").put("size", 14);
        t.put("zmin", 0).put("zmax", 1);
        t.put("colorscale", Palette.SEQUENTIAL);
        t.putObject("colorbar").put("tickformat", ".0%").putObject("title").put("text", "% of actual class")
                .put("side", "right");
        t.put("hovertemplate", "actual %{y}, predicted %{x}<br>%{customdata}<extra></extra>");
        t.put("xgap", 2).put("ygap", 2);
        ObjectNode layout = Traces.layout(title, "predicted", "actual");
        ((ObjectNode) layout.get("yaxis")).put("autorange", "reversed");
        ((ObjectNode) layout.get("yaxis")).put("type", "category");
        ((ObjectNode) layout.get("xaxis")).put("type", "category").put("side", "bottom");
        return Traces.single(t, layout);
    }
}
