package org.anomaly4j.eval;

import java.util.Arrays;

import org.anomaly4j.stats.PairwiseSum;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Precision against recall as the threshold falls through the scores, average precision and the trapezoid
 * area, equal to scikit-learn's {@code precision_recall_curve} (default {@code drop_intermediate=False}),
 * {@code average_precision_score} and {@code auc(recall, precision)}.
 * <p><b>Definition.</b> At threshold t (flag {@code score >= t}), precision P(t) = TP/(TP + FP) and recall
 * R(t) = TP / (number of anomalies). As scikit-learn returns them: one point per distinct score in
 * <em>increasing</em> threshold order (recall decreasing), then a final point (precision 1, recall 0) that has
 * no threshold, so {@code precision.length = recall.length = thresholds.length + 1}.
 * <p><b>Average precision</b> AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the points ordered by decreasing threshold — the step
 * (not interpolated) area, scikit-learn's definition, computed as its {@code −Σ diff(recall)·precision[:-1]}
 * in numpy's summation order and clipped at 0. <b>PR-AUC</b> is the trapezoid area Σ (Rₙ − Rₙ₋₁)·(Pₙ + Pₙ₋₁)/2
 * ({@code auc(recall, precision)}), which is optimistic when the curve has few points (Davis &amp; Goadrich
 * 2006); prefer AP.
 * <p><b>Input.</b> Both classes (scikit-learn sets recall to 1 without positives and warns; here it is an error),
 * finite scores. Cost O(n log n), memory O(n).
 * <p><b>Reference.</b> J. Davis, M. Goadrich (2006), "The relationship between precision-recall and ROC curves",
 * ICML, pp. 233–240.
 *
 * @param precision  precision per point, then 1
 * @param recall     recall per point (decreasing), then 0
 * @param thresholds the distinct scores, increasing
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {

    /** Copies the arrays: the curve is an immutable value. */
    public PrecisionRecallCurve {
        precision = precision.clone();
        recall = recall.clone();
        thresholds = thresholds.clone();
    }

    /** Precision per point, then 1 (a copy). */
    @Override
    public double[] precision() {
        return precision.clone();
    }

    /** Recall per point (decreasing), then 0 (a copy). */
    @Override
    public double[] recall() {
        return recall.clone();
    }

    /** The distinct scores, increasing (a copy). */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The curve of scikit-learn's {@code precision_recall_curve(y, s)} (every distinct score). */
    public static PrecisionRecallCurve of(boolean[] labels, double[] scores) {
        return of(Ranking.of(labels, scores, "precision-recall curve"));
    }

    /**
     * The curve; {@code dropIntermediate} = scikit-learn's {@code drop_intermediate}: of each run of thresholds
     * with the same true-positive count (a vertical stretch of the plot, same recall) only the first and the last
     * point are kept. Average precision is unchanged by it; the trapezoid area may change.
     */
    public static PrecisionRecallCurve of(boolean[] labels, double[] scores, boolean dropIntermediate) {
        Ranking r = Ranking.of(labels, scores, "precision-recall curve");
        return dropIntermediate ? of(r.keepTpsRunEnds()) : of(r);
    }

    /** As {@link #of(boolean[], double[])} with 0/1 labels. */
    public static PrecisionRecallCurve of(int[] labels, double[] scores) {
        return of(EvalInputs.labels(labels), scores);
    }

    static PrecisionRecallCurve of(Ranking r) {
        int m = r.size();
        double[] precision = new double[m + 1];
        double[] recall = new double[m + 1];
        double[] thr = new double[m];
        double p = r.tps[m - 1];
        for (int i = 0; i < m; i++) {
            int k = m - 1 - i;
            double flagged = r.tps[i] + r.fps[i];
            precision[k] = flagged == 0 ? 0.0 : r.tps[i] / flagged;
            recall[k] = r.tps[i] / p;
            thr[k] = r.thresholds[i];
        }
        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrecisionRecallCurve(precision, recall, thr);
    }

    /** Average precision of labels and scores (scikit-learn's {@code average_precision_score}). */
    public static double averagePrecision(boolean[] labels, double[] scores) {
        return of(labels, scores).averagePrecision();
    }

    /** As {@link #averagePrecision(boolean[], double[])} with 0/1 labels. */
    public static double averagePrecision(int[] labels, double[] scores) {
        return of(labels, scores).averagePrecision();
    }

    /** Trapezoid PR-AUC of labels and scores (scikit-learn's {@code auc(recall, precision)}). */
    public static double auc(boolean[] labels, double[] scores) {
        return of(labels, scores).auc();
    }

    /** As {@link #auc(boolean[], double[])} with 0/1 labels. */
    public static double auc(int[] labels, double[] scores) {
        return of(labels, scores).auc();
    }

    /** AP = −Σ (recall[i+1] − recall[i])·precision[i], clipped at 0 (scikit-learn's step integral). */
    public double averagePrecision() {
        double[] terms = new double[recall.length - 1];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = (recall[i + 1] - recall[i]) * precision[i];
        }
        return Math.max(0.0, -PairwiseSum.of(terms));
    }

    /** The trapezoid area; recall decreases, so, like scikit-learn's {@code auc}, the sign is flipped. */
    public double auc() {
        return -Ranking.trapezoid(recall, precision);
    }

    /** Number of points (thresholds + 1). */
    public int size() {
        return precision.length;
    }

    /** Columns threshold (missing for the final (1, 0) point), precision, recall. */
    public Table toTable() {
        DoubleColumn t = DoubleColumn.create("threshold", precision.length);
        for (int i = 0; i < thresholds.length; i++) {
            t.set(i, thresholds[i]);
        }
        return Table.create("precision-recall curve", t, DoubleColumn.create("precision", precision),
                DoubleColumn.create("recall", recall));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrecisionRecallCurve c && Arrays.equals(precision, c.precision)
                && Arrays.equals(recall, c.recall) && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(precision) + Arrays.hashCode(recall)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "PrecisionRecallCurve[" + precision.length + " points, average precision=" + averagePrecision() + "]";
    }
}
