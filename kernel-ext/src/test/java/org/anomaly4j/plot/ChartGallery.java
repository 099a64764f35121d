package org.anomaly4j.plot;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every chart class drawn once from seeded synthetic data (300 normal rows around (20, 50), 15 anomalies
 * scattered wider), with a given word in every title, column name, label value and curve name — plain for
 * the browser page, hostile ({@code </script><script>alert(1)</script>}) for the injection test.
 */
public final class ChartGallery {

    public static final String HOSTILE = "</script><script>alert(1)</script><b>&amp;";

    private ChartGallery() {
    }

    /** Chart name → figure; {@code word} appears in every piece of text that comes from data. */
    public static Map<String, Figure> all(String word) {
        String sfx = word.isEmpty() ? "" : " " + word; // Tablesaw trims column names
        Random rnd = new Random(7);
        int normal = 300;
        int n = normal + 15;
        double[] a = new double[n];
        double[] b = new double[n];
        boolean[] label = new boolean[n];
        for (int i = 0; i < n; i++) {
            label[i] = i >= normal;
            double spread = label[i] ? 6 : 1.5;
            a[i] = 20 + spread * rnd.nextGaussian();
            b[i] = 50 + 2 * spread * rnd.nextGaussian();
        }
        Function<double[][], double[]> distance = rows -> {
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = Math.hypot((rows[i][0] - 20) / 1.5, (rows[i][1] - 50) / 3);
            }
            return s;
        };
        Function<double[][], double[]> boxy = rows -> {
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = Math.max(Math.abs(rows[i][0] - 20) / 1.5, Math.abs(rows[i][1] - 50) / 3);
            }
            return s;
        };
        double[][] xy = new double[n][];
        for (int i = 0; i < n; i++) {
            xy[i] = new double[] {a[i], b[i]};
        }
        double[] score = distance.apply(xy);
        double[] score2 = boxy.apply(xy);
        String ca = "T17" + sfx;
        String cb = "RH17" + sfx;
        String cls = "class" + sfx;
        StringColumn labels = StringColumn.create(cls);
        for (boolean l : label) {
            labels.append(l ? "anomaly" + sfx : "normal");
        }
        Table t = Table.create("t", DoubleColumn.create(ca, a), DoubleColumn.create(cb, b), labels);
        double threshold = 3;

        Map<String, Figure> out = new LinkedHashMap<>();
        Table flagged = t.copy().addColumns(BooleanColumn.create("flag" + sfx, label));
        out.put("scatter", ScatterChart.create("Scatter" + sfx, t, ca, cb));
        out.put("scatter of categories", ScatterChart.create("Categories" + sfx, t, cls, ca));
        out.put("line", LineChart.create("Line" + sfx, t, ca, cb));
        out.put("anomaly scatter", AnomalyScatterChart.create("Anomaly scatter" + sfx, flagged, ca, cb, "flag" + sfx));
        out.put("histogram", Histogram.create("Histogram" + sfx, t, ca));
        out.put("histogram by label", Histogram.create("Histogram by label" + sfx, t, cb, cls));
        out.put("box plot", BoxPlot.create("Box plot" + sfx, t, ca, cb));
        Curve roc1 = roc("distance" + sfx, score, label);
        Curve roc2 = roc("box" + sfx, score2, label);
        out.put("roc", RocChart.create("ROC" + sfx, roc1, roc2));
        out.put("precision-recall", PrecisionRecallChart.create("Precision-recall" + sfx, 15.0 / n,
                pr("distance" + sfx, score, label), pr("box" + sfx, score2, label)));
        out.put("score distribution", ScoreDistributionChart.create("Scores" + sfx, score, label, threshold));
        long[] cm = confusion(score, label, threshold);
        out.put("confusion matrix", ConfusionMatrixChart.create("Confusion" + sfx, cm[0], cm[1], cm[2], cm[3]));
        double[] th = new double[40];
        double[] p = new double[40];
        double[] r = new double[40];
        double[] f1 = new double[40];
        double[] cost = new double[40];
        for (int k = 0; k < 40; k++) {
            th[k] = 0.5 + k * 0.15;
            long[] c = confusion(score, label, th[k]);
            p[k] = c[1] + c[3] == 0 ? 1 : (double) c[3] / (c[1] + c[3]);
            r[k] = (double) c[3] / (c[2] + c[3]);
            f1[k] = p[k] + r[k] == 0 ? 0 : 2 * p[k] * r[k] / (p[k] + r[k]);
            cost[k] = c[1] + 10.0 * c[2];
        }
        out.put("threshold impact", ThresholdImpactChart.create("Threshold impact" + sfx, th, p, r, f1, cost));
        Figure db1 = DecisionBoundaryChart.create("Distance" + sfx, distance, threshold, a, b, ca, cb, label);
        Figure db2 = DecisionBoundaryChart.create("Box" + sfx, boxy, threshold, a, b, ca, cb, label);
        out.put("decision boundary", db1);
        out.put("two decision boundaries", Subplots.create("Two models" + sfx, 1, 2, db1, db2));
        out.put("timeline", timeline(sfx, rnd));
        out.put("scatter matrix", ScatterMatrix.create("Scatter matrix" + sfx,
                t.addColumns(DoubleColumn.create("score" + sfx, score)), List.of(ca, cb, "score" + sfx), cls));
        out.put("report 2x3", Subplots.create("Report" + sfx, 2, 3, out.get("roc"), out.get("precision-recall"),
                out.get("confusion matrix"), out.get("score distribution"), out.get("threshold impact"),
                out.get("box plot")));
        return out;
    }

    private static Figure timeline(String sfx, Random rnd) {
        LocalDateTime t0 = LocalDateTime.of(2014, 2, 19, 0, 0);
        DateTimeColumn when = DateTimeColumn.create("timestamp");
        double[] v = new double[400];
        boolean[] flag = new boolean[400];
        for (int i = 0; i < 400; i++) {
            when.append(t0.plusMinutes(30L * i));
            v[i] = 10 + 3 * Math.sin(i * 2 * Math.PI / 48) + 0.5 * rnd.nextGaussian() + (i >= 200 && i < 210 ? 8 : 0);
            flag[i] = Math.abs(v[i] - 10 - 3 * Math.sin(i * 2 * Math.PI / 48)) > 2;
        }
        Table s = Table.create("s", when, DoubleColumn.create("value" + sfx, v),
                BooleanColumn.create("flagged" + sfx, flag));
        return AnomalyTimelineChart.create("Timeline" + sfx, s, "timestamp", "value" + sfx, "flagged" + sfx,
                List.of(new AnomalyTimelineChart.Window(t0.plusMinutes(30L * 195), t0.plusMinutes(30L * 215)),
                        new AnomalyTimelineChart.Window(t0.plusMinutes(30L * 330), t0.plusMinutes(30L * 340))));
    }

    /** tn, fp, fn, tp when rows scoring above {@code threshold} are flagged. */
    private static long[] confusion(double[] score, boolean[] label, double threshold) {
        long[] c = new long[4];
        for (int i = 0; i < score.length; i++) {
            c[(label[i] ? 2 : 0) + (score[i] > threshold ? 1 : 0)]++;
        }
        return c;
    }

    /** ROC points at every distinct score (descending), AUC by trapezoids; no ties in these scores. */
    private static Curve roc(String name, double[] score, boolean[] label) {
        Integer[] order = order(score);
        int pos = 0;
        for (boolean l : label) {
            pos += l ? 1 : 0;
        }
        int neg = score.length - pos;
        double[] fpr = new double[score.length + 1];
        double[] tpr = new double[score.length + 1];
        double[] th = new double[score.length + 1];
        th[0] = Double.MAX_VALUE;
        int tp = 0;
        int fp = 0;
        double auc = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (label[i]) {
                tp++;
            } else {
                fp++;
            }
            fpr[k + 1] = (double) fp / neg;
            tpr[k + 1] = (double) tp / pos;
            th[k + 1] = score[i];
            auc += (fpr[k + 1] - fpr[k]) * (tpr[k + 1] + tpr[k]) / 2;
        }
        th[0] = th[1] + 1;
        return new Curve(name, fpr, tpr, auc, th);
    }

    /** Precision-recall points in scikit-learn's order (recall falling), AP = Σ (R_n − R_{n−1}) P_n. */
    private static Curve pr(String name, double[] score, boolean[] label) {
        Integer[] order = order(score);
        int pos = 0;
        for (boolean l : label) {
            pos += l ? 1 : 0;
        }
        double[] recall = new double[score.length + 1];
        double[] precision = new double[score.length + 1];
        int tp = 0;
        double ap = 0;
        double prevRecall = 0;
        for (int k = 0; k < order.length; k++) {
            tp += label[order[k]] ? 1 : 0;
            double rk = (double) tp / pos;
            double pk = (double) tp / (k + 1);
            ap += (rk - prevRecall) * pk;
            prevRecall = rk;
            recall[score.length - 1 - k] = rk;
            precision[score.length - 1 - k] = pk;
        }
        recall[score.length] = 0;
        precision[score.length] = 1;
        return new Curve(name, recall, precision, ap);
    }

    private static Integer[] order(double[] score) {
        Integer[] o = new Integer[score.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        Arrays.sort(o, (x, y) -> Double.compare(score[y], score[x]));
        return o;
    }
}
