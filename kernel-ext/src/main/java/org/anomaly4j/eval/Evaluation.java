package org.anomaly4j.eval;

import java.util.Locale;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The headline numbers of labelled scores at one threshold: the ranking metrics (independent of the threshold)
 * and the metrics of the prediction {@code score >= threshold}.
 * <ul>
 *   <li>{@code rocAuc}: {@link RocCurve} area ({@code roc_auc_score});</li>
 *   <li>{@code averagePrecision}: step area of the {@link PrecisionRecallCurve} ({@code average_precision_score});</li>
 *   <li>{@code prAuc}: trapezoid area of the precision-recall curve ({@code auc(recall, precision)});</li>
 *   <li>{@code precision}, {@code recall}, {@code f1}, {@code mcc} and {@code confusion} of
 *   {@code score >= threshold} (see {@link ConfusionMatrix}, zero-division value 0.0).</li>
 * </ul>
 * {@link #at} takes a given threshold; {@link #atMaxF1} the one of {@link ThresholdSearch#maxF1}. A detector
 * flags {@code score > threshold()}; evaluate its rule with {@code at(labels, scores, Math.nextUp(threshold))}.
 *
 * @param threshold rows with {@code score >= threshold} are predicted anomalous
 */
public record Evaluation(double rocAuc, double averagePrecision, double prAuc, double precision, double recall,
                         double f1, double mcc, ConfusionMatrix confusion, double threshold) {

    /** The numbers at a given threshold; both classes must be present. */
    public static Evaluation at(boolean[] labels, double[] scores, double threshold) {
        EvalInputs.checkThreshold(threshold);
        Ranking r = Ranking.of(labels, scores, "evaluation");
        return of(r, ConfusionMatrix.atThreshold(labels, scores, threshold), threshold);
    }

    /** As {@link #at(boolean[], double[], double)} with 0/1 labels. */
    public static Evaluation at(int[] labels, double[] scores, double threshold) {
        return at(EvalInputs.labels(labels), scores, threshold);
    }

    /** The numbers at the threshold of maximum F1. */
    public static Evaluation atMaxF1(boolean[] labels, double[] scores) {
        Ranking r = Ranking.of(labels, scores, "evaluation");
        ThresholdChoice best = ThresholdSearch.maxF1(r);
        return of(r, best.confusion(), best.threshold());
    }

    /** As {@link #atMaxF1(boolean[], double[])} with 0/1 labels. */
    public static Evaluation atMaxF1(int[] labels, double[] scores) {
        return atMaxF1(EvalInputs.labels(labels), scores);
    }

    /**
     * The numbers of a table's label column (boolean or 0/1) and score column, at {@code threshold}, or at the
     * maximum-F1 threshold when it is null.
     */
    public static Evaluation of(Table table, String labelColumn, String scoreColumn, Double threshold) {
        boolean[] y = EvalInputs.labels(table, labelColumn);
        double[] s = EvalInputs.scores(table, scoreColumn);
        return threshold == null ? atMaxF1(y, s) : at(y, s, threshold);
    }

    private static Evaluation of(Ranking r, ConfusionMatrix c, double threshold) {
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(r);
        return new Evaluation(RocCurve.of(r, true).auc(), pr.averagePrecision(), pr.auc(), c.precision(),
                c.recall(), c.f1(), c.mcc(), c, threshold);
    }

    /**
     * One JSON object, keys in this order: roc_auc, average_precision, pr_auc, precision, recall, f1, mcc,
     * confusion {tn, fp, fn, tp}, threshold. Numbers are Java's shortest round-trip form ({@link Double#toString});
     * a non-finite threshold (+∞ flags nothing) is written as null, since JSON has no infinity.
     */
    public String toJson() {
        return "{\"roc_auc\":" + number(rocAuc) + ",\"average_precision\":" + number(averagePrecision)
                + ",\"pr_auc\":" + number(prAuc) + ",\"precision\":" + number(precision) + ",\"recall\":"
                + number(recall) + ",\"f1\":" + number(f1) + ",\"mcc\":" + number(mcc) + ",\"confusion\":{\"tn\":"
                + confusion.tn() + ",\"fp\":" + confusion.fp() + ",\"fn\":" + confusion.fn() + ",\"tp\":"
                + confusion.tp() + "},\"threshold\":" + number(threshold) + "}";
    }

    /** Two columns, metric and value, one row per number of {@link #toJson()} (confusion as tn, fp, fn, tp). */
    public Table toTable() {
        return Table.create("evaluation",
                StringColumn.create("metric", "roc_auc", "average_precision", "pr_auc", "precision", "recall", "f1",
                        "mcc", "tn", "fp", "fn", "tp", "threshold"),
                DoubleColumn.create("value", rocAuc, averagePrecision, prAuc, precision, recall, f1, mcc,
                        confusion.tn(), confusion.fp(), confusion.fn(), confusion.tp(), threshold));
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%s", v) : "null";
    }
}
