package org.anomaly4j.eval;

import java.util.Arrays;

/**
 * The scalar metrics, one call each, equal to the scikit-learn function named in each method. Labels are
 * {@code boolean[]} (true = anomaly) or {@code int[]} of 0/1; predictions {@code boolean[]} (true = predicted
 * anomalous); scores {@code double[]}, higher = more anomalous, finite.
 * <p>Metrics of predictions are read from the {@link ConfusionMatrix} (see it for the formulas and for the
 * value when a ratio is undefined: 0.0, scikit-learn's default {@code zero_division}); ranking metrics from
 * {@link RocCurve} and {@link PrecisionRecallCurve}; top-k metrics are defined here.
 * <p><b>Top-k.</b> precision@k = (anomalies among the k highest scores) / k and recall@k = (the same count) /
 * (all anomalies). Exactly k rows are taken: rows tied with the k-th highest score are taken in row order
 * (earlier rows first), the order of a stable descending sort — the order scikit-learn's curves sort in.
 * Cost O(n log n).
 * <p>Bad input (length mismatch, labels not 0/1, non-finite scores, one class where a curve needs both) is an
 * {@link IllegalArgumentException} naming the problem and the fix; inputs are never modified.
 */
public final class Metrics {

    private Metrics() {
    }

    /** The confusion matrix ({@code confusion_matrix(y, pred).ravel()}). */
    public static ConfusionMatrix confusion(boolean[] labels, boolean[] predicted) {
        return ConfusionMatrix.of(labels, predicted);
    }

    /** The confusion matrix of 0/1 labels. */
    public static ConfusionMatrix confusion(int[] labels, boolean[] predicted) {
        return ConfusionMatrix.of(labels, predicted);
    }

    /** tp / (tp + fp), 0.0 when nothing is predicted anomalous ({@code precision_score}). */
    public static double precision(boolean[] labels, boolean[] predicted) {
        return confusion(labels, predicted).precision();
    }

    /** tp / (tp + fp) of 0/1 labels. */
    public static double precision(int[] labels, boolean[] predicted) {
        return confusion(labels, predicted).precision();
    }

    /** tp / (tp + fn), 0.0 without anomalies ({@code recall_score}). */
    public static double recall(boolean[] labels, boolean[] predicted) {
        return confusion(labels, predicted).recall();
    }

    /** tp / (tp + fn) of 0/1 labels. */
    public static double recall(int[] labels, boolean[] predicted) {
        return confusion(labels, predicted).recall();
    }

    /** 2·tp / (2·tp + fp + fn) ({@code f1_score}). */
    public static double f1(boolean[] labels, boolean[] predicted) {
        return confusion(labels, predicted).f1();
    }

    /** F1 of 0/1 labels. */
    public static double f1(int[] labels, boolean[] predicted) {
        return confusion(labels, predicted).f1();
    }

    /** (1 + β²)·tp / (β²·(tp + fn) + tp + fp) ({@code fbeta_score}). */
    public static double fBeta(boolean[] labels, boolean[] predicted, double beta) {
        return confusion(labels, predicted).fBeta(beta);
    }

    /** F-beta of 0/1 labels. */
    public static double fBeta(int[] labels, boolean[] predicted, double beta) {
        return confusion(labels, predicted).fBeta(beta);
    }

    /** (tp + tn) / n ({@code accuracy_score}). */
    public static double accuracy(boolean[] labels, boolean[] predicted) {
        return confusion(labels, predicted).accuracy();
    }

    /** Accuracy of 0/1 labels. */
    public static double accuracy(int[] labels, boolean[] predicted) {
        return confusion(labels, predicted).accuracy();
    }

    /** (specificity + recall) / 2 ({@code balanced_accuracy_score}). */
    public static double balancedAccuracy(boolean[] labels, boolean[] predicted) {
        return confusion(labels, predicted).balancedAccuracy();
    }

    /** Balanced accuracy of 0/1 labels. */
    public static double balancedAccuracy(int[] labels, boolean[] predicted) {
        return confusion(labels, predicted).balancedAccuracy();
    }

    /** tn / (tn + fp) ({@code recall_score(pos_label=0)}). */
    public static double specificity(boolean[] labels, boolean[] predicted) {
        return confusion(labels, predicted).specificity();
    }

    /** Specificity of 0/1 labels. */
    public static double specificity(int[] labels, boolean[] predicted) {
        return confusion(labels, predicted).specificity();
    }

    /** Matthews correlation coefficient ({@code matthews_corrcoef}). */
    public static double mcc(boolean[] labels, boolean[] predicted) {
        return confusion(labels, predicted).mcc();
    }

    /** MCC of 0/1 labels. */
    public static double mcc(int[] labels, boolean[] predicted) {
        return confusion(labels, predicted).mcc();
    }

    /** Cohen's kappa ({@code cohen_kappa_score}); NaN when undefined. */
    public static double kappa(boolean[] labels, boolean[] predicted) {
        return confusion(labels, predicted).kappa();
    }

    /** Cohen's kappa of 0/1 labels. */
    public static double kappa(int[] labels, boolean[] predicted) {
        return confusion(labels, predicted).kappa();
    }

    /** ROC-AUC ({@code roc_auc_score}); see {@link RocCurve}. */
    public static double rocAuc(boolean[] labels, double[] scores) {
        return RocCurve.auc(labels, scores);
    }

    /** ROC-AUC of 0/1 labels. */
    public static double rocAuc(int[] labels, double[] scores) {
        return RocCurve.auc(labels, scores);
    }

    /** Average precision ({@code average_precision_score}); see {@link PrecisionRecallCurve}. */
    public static double averagePrecision(boolean[] labels, double[] scores) {
        return PrecisionRecallCurve.averagePrecision(labels, scores);
    }

    /** Average precision of 0/1 labels. */
    public static double averagePrecision(int[] labels, double[] scores) {
        return PrecisionRecallCurve.averagePrecision(labels, scores);
    }

    /** Trapezoid area under the precision-recall curve ({@code auc(recall, precision)}). */
    public static double prAuc(boolean[] labels, double[] scores) {
        return PrecisionRecallCurve.auc(labels, scores);
    }

    /** PR-AUC of 0/1 labels. */
    public static double prAuc(int[] labels, double[] scores) {
        return PrecisionRecallCurve.auc(labels, scores);
    }

    /**
     * The trapezoid area under y(x) for monotone x, scikit-learn's {@code auc(x, y)}: Σ (xᵢ₊₁ − xᵢ)(yᵢ + yᵢ₊₁)/2,
     * negated when x decreases.
     *
     * @throws IllegalArgumentException with fewer than 2 points, unequal lengths, non-finite values or x neither
     *                                  non-decreasing nor non-increasing
     */
    public static double auc(double[] x, double[] y) {
        if (x == null || y == null || x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("auc needs x and y of the same length >= 2, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        boolean up = false;
        boolean down = false;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("auc needs finite x and y, got x=" + x[i] + " y=" + y[i]
                        + " at index " + i);
            }
            if (i > 0) {
                up |= x[i] > x[i - 1];
                down |= x[i] < x[i - 1];
            }
        }
        if (up && down) {
            throw new IllegalArgumentException("auc needs x non-decreasing or non-increasing; sort the points by x");
        }
        double area = Ranking.trapezoid(x, y);
        return down ? -area : area;
    }

    /**
     * precision@k: the share of anomalies among the k highest scores (ties at the k-th score in row order, see the
     * class notes).
     *
     * @throws IllegalArgumentException if k is not in [1, n]
     */
    public static double precisionAtK(boolean[] labels, double[] scores, int k) {
        return (double) anomaliesInTopK(labels, scores, k) / k;
    }

    /** precision@k of 0/1 labels. */
    public static double precisionAtK(int[] labels, double[] scores, int k) {
        return precisionAtK(EvalInputs.labels(labels), scores, k);
    }

    /**
     * recall@k: the share of all anomalies found among the k highest scores.
     *
     * @throws IllegalArgumentException if k is not in [1, n] or there is no anomaly
     */
    public static double recallAtK(boolean[] labels, double[] scores, int k) {
        int found = anomaliesInTopK(labels, scores, k);
        int p = 0;
        for (boolean b : labels) {
            if (b) {
                p++;
            }
        }
        if (p == 0) {
            throw new IllegalArgumentException("recall@k needs at least one anomaly (label 1), got none in "
                    + labels.length + " rows");
        }
        return (double) found / p;
    }

    /** recall@k of 0/1 labels. */
    public static double recallAtK(int[] labels, double[] scores, int k) {
        return recallAtK(EvalInputs.labels(labels), scores, k);
    }

    /** Anomalies among the k rows a stable descending sort puts first. */
    static int anomaliesInTopK(boolean[] labels, double[] scores, int k) {
        EvalInputs.checkLabels(labels);
        EvalInputs.checkScores(scores, labels.length);
        int n = labels.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "] (the number of rows), got " + k);
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = scores[i] + 0.0; // −0.0 ties with 0.0, as in numpy
        }
        Arrays.sort(sorted);
        double kth = sorted[n - k];
        int above = n - k;
        while (above < n && sorted[above] == kth) {
            above++;
        }
        int tiesToTake = k - (n - above); // rows strictly above the k-th score are all taken
        int found = 0;
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (s > kth || (s == kth && tiesToTake-- > 0)) {
                if (labels[i]) {
                    found++;
                }
            }
        }
        return found;
    }
}
