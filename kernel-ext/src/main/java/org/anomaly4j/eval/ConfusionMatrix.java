package org.anomaly4j.eval;

import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The binary confusion matrix (positive class = 1 = anomaly) and every metric read from it, each equal to
 * scikit-learn's function of the same name on the same labels and predictions.
 * <pre>
 *                 predicted 0   predicted 1
 *   true 0 (normal)     tn            fp
 *   true 1 (anomaly)    fn            tp
 * </pre>
 * scikit-learn: {@code confusion_matrix(y, pred).ravel()} = (tn, fp, fn, tp).
 * <p><b>Undefined ratios.</b> Where a ratio has a zero denominator (no predicted positives for precision, no
 * actual positives for recall, ...) the value is <b>0.0</b>: scikit-learn's default
 * {@code zero_division="warn"} warns and returns 0.0, and so do we, without the warning. Exceptions, as in
 * scikit-learn: {@link #mcc()} is 0.0 when any marginal is empty, {@link #kappa()} is NaN when undefined
 * ({@code replace_undefined_by=np.nan}), and {@link #balancedAccuracy()} averages only the classes present in
 * the truth.
 * <p><b>At a threshold.</b> {@link #atThreshold} predicts a row anomalous when {@code score >= threshold},
 * scikit-learn's convention for the thresholds of {@code roc_curve}/{@code precision_recall_curve}: the matrix at
 * a threshold taken from a curve is that curve's point. Detectors flag {@code score > threshold()} (PyOD's
 * rule); to reproduce a detector's labels pass its predictions to {@link #of(boolean[], boolean[])}, or use
 * {@code atThreshold(labels, scores, Math.nextUp(model.threshold()))} — for finite doubles
 * {@code s > t} is exactly {@code s >= Math.nextUp(t)}.
 * <p>Cost O(n) to build, O(1) per metric. Counts are exact up to 2^53 rows.
 *
 * @param tn normal rows predicted normal
 * @param fp normal rows predicted anomalous (false alarms)
 * @param fn anomalies predicted normal (misses)
 * @param tp anomalies predicted anomalous
 */
public record ConfusionMatrix(long tn, long fp, long fn, long tp) {

    public ConfusionMatrix {
        if (tn < 0 || fp < 0 || fn < 0 || tp < 0) {
            throw new IllegalArgumentException("confusion counts must be >= 0, got tn=" + tn + " fp=" + fp + " fn="
                    + fn + " tp=" + tp);
        }
    }

    /** The matrix of labels (true = anomaly) against predictions (true = predicted anomalous). */
    public static ConfusionMatrix of(boolean[] labels, boolean[] predicted) {
        EvalInputs.checkLabels(labels);
        EvalInputs.checkPredictions(predicted, labels.length);
        long tn = 0;
        long fp = 0;
        long fn = 0;
        long tp = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i]) {
                if (predicted[i]) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted[i]) {
                fp++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tn, fp, fn, tp);
    }

    /** The matrix of 0/1 labels against predictions. */
    public static ConfusionMatrix of(int[] labels, boolean[] predicted) {
        return of(EvalInputs.labels(labels), predicted);
    }

    /** The matrix when rows with {@code score >= threshold} are predicted anomalous (see the class notes). */
    public static ConfusionMatrix atThreshold(boolean[] labels, double[] scores, double threshold) {
        EvalInputs.checkLabels(labels);
        EvalInputs.checkScores(scores, labels.length);
        EvalInputs.checkThreshold(threshold);
        long tn = 0;
        long fp = 0;
        long fn = 0;
        long tp = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (labels[i]) {
                if (flagged) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (flagged) {
                fp++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tn, fp, fn, tp);
    }

    /** As {@link #atThreshold(boolean[], double[], double)} with 0/1 labels. */
    public static ConfusionMatrix atThreshold(int[] labels, double[] scores, double threshold) {
        return atThreshold(EvalInputs.labels(labels), scores, threshold);
    }

    /** Number of rows. */
    public long n() {
        return tn + fp + fn + tp;
    }

    /** Actual anomalies, tp + fn (the support of class 1). */
    public long positives() {
        return tp + fn;
    }

    /** Actual normal rows, tn + fp (the support of class 0). */
    public long negatives() {
        return tn + fp;
    }

    /** Precision tp / (tp + fp); 0.0 without predicted positives. {@code precision_score}. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** Recall = true positive rate = sensitivity, tp / (tp + fn); 0.0 without positives. {@code recall_score}. */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** Same as {@link #recall()}. */
    public double tpr() {
        return recall();
    }

    /** False positive rate fp / (fp + tn); 0.0 without negatives. */
    public double fpr() {
        return ratio(fp, fp + tn);
    }

    /** False negative rate (miss rate) fn / (fn + tp); 0.0 without positives. */
    public double fnr() {
        return ratio(fn, fn + tp);
    }

    /**
     * Specificity = true negative rate tn / (tn + fp); 0.0 without negatives. scikit-learn:
     * {@code recall_score(y, pred, pos_label=0)}.
     */
    public double specificity() {
        return ratio(tn, tn + fp);
    }

    /** Same as {@link #specificity()}. */
    public double tnr() {
        return specificity();
    }

    /**
     * F1 = 2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall; 0.0 when tp = fp = fn = 0
     * ({@code f1_score}).
     */
    public double f1() {
        return fBeta(1.0);
    }

    /**
     * F-beta = (1 + β²)·tp / (β²·(tp + fn) + (tp + fp)), computed in this order as scikit-learn's
     * {@code fbeta_score}; β &gt; 1 weighs recall more. 0.0 when the denominator is 0; β = 0 gives precision,
     * β = +∞ recall.
     */
    public double fBeta(double beta) {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta);
        }
        if (beta == Double.POSITIVE_INFINITY) {
            return recall();
        }
        if (beta == 0) {
            return precision();
        }
        double beta2 = beta * beta;
        double denominator = beta2 * (double) (tp + fn) + (double) (tp + fp);
        return denominator == 0 ? 0.0 : (1 + beta2) * (double) tp / denominator;
    }

    /** Accuracy (tp + tn) / n. {@code accuracy_score}. */
    public double accuracy() {
        return ratio(tp + tn, n());
    }

    /**
     * Balanced accuracy (recall of class 0 + recall of class 1) / 2 = (specificity + recall) / 2. As scikit-learn's
     * {@code balanced_accuracy_score}, a class absent from the truth is left out of the mean (scikit-learn warns).
     */
    public double balancedAccuracy() {
        long neg = negatives();
        long pos = positives();
        if (neg > 0 && pos > 0) {
            return (specificity() + recall()) / 2;
        }
        return neg > 0 ? specificity() : recall();
    }

    /**
     * Matthews correlation coefficient (tp·tn − fp·fn) / √((tp+fp)(tp+fn)(tn+fp)(tn+fn)), computed as
     * scikit-learn's {@code matthews_corrcoef} does from the marginals (n·(tp+tn) − Σ trueₖ·predₖ over
     * √((n² − Σ predₖ²)(n² − Σ trueₖ²))), so the rounding is the same; 0.0 when a marginal is empty.
     */
    public double mcc() {
        double t0 = tn + fp;
        double t1 = fn + tp;
        double p0 = tn + fn;
        double p1 = fp + tp;
        double n = p0 + p1;
        double covTruePred = (double) (tn + tp) * n - (t0 * p0 + t1 * p1);
        double covPredPred = n * n - (p0 * p0 + p1 * p1);
        double covTrueTrue = n * n - (t0 * t0 + t1 * t1);
        double product = covPredPred * covTrueTrue;
        return product == 0 ? 0.0 : covTruePred / Math.sqrt(product);
    }

    /**
     * Cohen's kappa κ = 1 − Σ_{i≠j} Cᵢⱼ / Σ_{i≠j} Eᵢⱼ with Eᵢⱼ = predᵢ·trueⱼ / n the agreement expected by chance
     * (scikit-learn's {@code cohen_kappa_score} with {@code weights=None}, summed in its order); NaN when the
     * expected disagreement is 0 (scikit-learn's {@code replace_undefined_by=np.nan}).
     */
    public double kappa() {
        double n = n();
        double p0 = tn + fn;
        double p1 = fp + tp;
        double t0 = tn + fp;
        double t1 = fn + tp;
        double numerator = 0.0 + fp + fn + 0.0;
        double denominator = 0.0 + p0 * t1 / n + p1 * t0 / n + 0.0;
        if (denominator == 0) {
            return Double.NaN;
        }
        return 1 - numerator / denominator;
    }

    /** The matrix as a 2×2 Tablesaw table: column "true" (0, 1), then "predicted 0" and "predicted 1". */
    public Table toTable() {
        return Table.create("confusion matrix",
                StringColumn.create("true", "0", "1"),
                LongColumn.create("predicted 0", tn, fn),
                LongColumn.create("predicted 1", fp, tp));
    }

    /** x / y as doubles, 0.0 when y = 0 (scikit-learn's {@code zero_division="warn"} value). */
    static double ratio(long x, long y) {
        return y == 0 ? 0.0 : (double) x / (double) y;
    }
}
