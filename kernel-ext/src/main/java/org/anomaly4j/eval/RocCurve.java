package org.anomaly4j.eval;

import java.util.Arrays;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The receiver operating characteristic: true positive rate against false positive rate as the threshold falls
 * through the scores, and its area (ROC-AUC), equal to scikit-learn's {@code roc_curve} and
 * {@code roc_auc_score}.
 * <p><b>Definition.</b> At threshold t a row is flagged when {@code score >= t};
 * TPR(t) = TP(t) / P, FPR(t) = FP(t) / N. The thresholds are the distinct scores, highest first, preceded by
 * +∞ (nothing flagged) so the curve starts at (0, 0). With {@code dropIntermediate} (scikit-learn's
 * {@code drop_intermediate=True}, the default) a point is dropped when it is collinear with its neighbours
 * (both second differences of FP and TP counts are zero), which changes neither the drawn curve nor the area;
 * the first and last points are always kept.
 * <p><b>Area.</b> ROC-AUC = Σ (FPRᵢ₊₁ − FPRᵢ)·(TPRᵢ + TPRᵢ₊₁) / 2 over the curve: the trapezoid rule over distinct
 * thresholds, so a run of tied scores that holds both classes counts half (a diagonal step), which equals the
 * Mann–Whitney probability P(s⁺ &gt; s⁻) + ½·P(s⁺ = s⁻). Computed, like scikit-learn's {@code auc}, on the curve
 * with intermediate points dropped and summed in numpy's pairwise order: equal to the last bit.
 * <p><b>Input.</b> Both classes must be present (scikit-learn warns and returns NaN; here it is an error), scores
 * finite. Cost O(n log n) (one sort of each class's scores), memory O(n).
 * <p><b>Reference.</b> T. Fawcett (2006), "An introduction to ROC analysis", Pattern Recognition Letters 27(8),
 * pp. 861–874.
 *
 * @param fpr        false positive rates, non-decreasing, from 0 to 1
 * @param tpr        true positive rates, non-decreasing, from 0 to 1
 * @param thresholds +∞ then the kept distinct scores, decreasing
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

    /** Copies the arrays: the curve is an immutable value. */
    public RocCurve {
        fpr = fpr.clone();
        tpr = tpr.clone();
        thresholds = thresholds.clone();
    }

    /** False positive rates (a copy). */
    @Override
    public double[] fpr() {
        return fpr.clone();
    }

    /** True positive rates (a copy). */
    @Override
    public double[] tpr() {
        return tpr.clone();
    }

    /** +∞, then the kept distinct scores, decreasing (a copy). */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The curve with scikit-learn's default {@code drop_intermediate=True}. */
    public static RocCurve of(boolean[] labels, double[] scores) {
        return of(labels, scores, true);
    }

    /** As {@link #of(boolean[], double[])} with 0/1 labels. */
    public static RocCurve of(int[] labels, double[] scores) {
        return of(EvalInputs.labels(labels), scores, true);
    }

    /** The curve; {@code dropIntermediate} = scikit-learn's {@code drop_intermediate}. */
    public static RocCurve of(boolean[] labels, double[] scores, boolean dropIntermediate) {
        return of(Ranking.of(labels, scores, "ROC curve"), dropIntermediate);
    }

    static RocCurve of(Ranking r, boolean dropIntermediate) {
        int m = r.size();
        int[] keep = new int[m];
        int kept = 0;
        for (int i = 0; i < m; i++) {
            // np.diff(x, 2)[i - 1] = x[i + 1] − 2·x[i] + x[i − 1], exact on integer counts
            if (!dropIntermediate || m <= 2 || i == 0 || i == m - 1
                    || r.fps[i + 1] - r.fps[i] != r.fps[i] - r.fps[i - 1]
                    || r.tps[i + 1] - r.tps[i] != r.tps[i] - r.tps[i - 1]) {
                keep[kept++] = i;
            }
        }
        double[] fpr = new double[kept + 1];
        double[] tpr = new double[kept + 1];
        double[] thr = new double[kept + 1];
        thr[0] = Double.POSITIVE_INFINITY;
        double p = r.tps[m - 1];
        double n = r.fps[m - 1];
        for (int k = 0; k < kept; k++) {
            int i = keep[k];
            fpr[k + 1] = r.fps[i] / n;
            tpr[k + 1] = r.tps[i] / p;
            thr[k + 1] = r.thresholds[i];
        }
        return new RocCurve(fpr, tpr, thr);
    }

    /** ROC-AUC, scikit-learn's {@code roc_auc_score(y, s)} = {@code auc(fpr, tpr)}. */
    public static double auc(boolean[] labels, double[] scores) {
        return of(labels, scores).auc();
    }

    /** As {@link #auc(boolean[], double[])} with 0/1 labels. */
    public static double auc(int[] labels, double[] scores) {
        return of(labels, scores).auc();
    }

    /** The area under this curve by the trapezoid rule (scikit-learn's {@code auc(fpr, tpr)}). */
    public double auc() {
        return Ranking.trapezoid(fpr, tpr);
    }

    /** Number of points. */
    public int size() {
        return fpr.length;
    }

    /** Columns threshold, fpr, tpr (the first threshold is +∞). */
    public Table toTable() {
        return Table.create("ROC curve", DoubleColumn.create("threshold", thresholds),
                DoubleColumn.create("fpr", fpr), DoubleColumn.create("tpr", tpr));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RocCurve c && Arrays.equals(fpr, c.fpr) && Arrays.equals(tpr, c.tpr)
                && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(fpr) + Arrays.hashCode(tpr))
                + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RocCurve[" + fpr.length + " points, auc=" + auc() + "]";
    }
}
