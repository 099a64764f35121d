package org.anomaly4j.plot;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a detector's scores are distributed for normal rows and for anomalies, with the threshold as a dashed
 * vertical line: overlaid, semi-transparent histograms on the same bins (numpy's 'auto' edges over all
 * scores, see {@link Bins}). Heights are percent of each class, so 50 anomalies show beside 5 000 normals;
 * the hover gives the counts too. A good detector puts the two humps on either side of the line.
 */
public final class ScoreDistributionChart {

    private ScoreDistributionChart() {
    }

    /** One histogram of all scores (no labels) with the threshold. */
    public static Figure create(String title, double[] scores, double threshold) {
        requireThreshold(threshold);
        Figure f = Histogram.overlaid(title, "score (higher = more anomalous)", "% of rows", null,
                List.of("all rows"), List.of(Traces.requireFinite("scores", scores)), Palette.SERIES, true);
        return withThreshold(f, threshold);
    }

    /**
     * Scores of normal rows ({@code labels[i] == false}) and anomalies ({@code true}) as two histograms.
     *
     * @param labels the true classes, one per score
     */
    public static Figure create(String title, double[] scores, boolean[] labels, double threshold) {
        Traces.requireFinite("scores", scores);
        requireThreshold(threshold);
        if (labels == null) {
            throw new IllegalArgumentException("labels is null; use create(title, scores, threshold) without labels");
        }
        Traces.requireLength("labels", labels.length, "scores", scores.length);
        int anomalies = 0;
        for (boolean b : labels) {
            anomalies += b ? 1 : 0;
        }
        double[] normal = new double[scores.length - anomalies];
        double[] anomalous = new double[anomalies];
        int n = 0;
        int a = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i]) {
                anomalous[a++] = scores[i];
            } else {
                normal[n++] = scores[i];
            }
        }
        Figure f = Histogram.overlaid(title, "score (higher = more anomalous)", "% of class", "actual class",
                List.of("normal", "anomaly"), List.of(normal, anomalous), List.of(Palette.NORMAL, Palette.ANOMALY),
                true);
        return withThreshold(f, threshold);
    }

    private static void requireThreshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite score, got " + threshold);
        }
    }

    /** The figure with a dashed vertical line at the threshold and its value written at the top. */
    static Figure withThreshold(Figure f, double threshold) {
        ObjectNode layout = f.layout();
        ObjectNode line = layout.putArray("shapes").addObject();
        line.put("type", "line").put("xref", "x").put("yref", "paper");
        line.put("x0", threshold).put("x1", threshold).put("y0", 0).put("y1", 1);
        line.putObject("line").put("color", Palette.BLACK).put("dash", "dash").put("width", 2);
        ObjectNode note = layout.putArray("annotations").addObject();
        note.put("x", threshold).put("xref", "x").put("y", 1).put("yref", "paper");
        note.put("text", "threshold " + Traces.fmt(threshold)).put("showarrow", false);
        // inside the plot's top edge, so it never meets a subplot heading above the plot
        note.put("xanchor", "left").put("yanchor", "top").put("xshift", 4)
                .put("bgcolor", "rgba(255,255,255,0.8)");
        return Figure.of(f.toJsonNode().withArray("data"), layout);
    }
}
