package org.anomaly4j.eval;

import java.util.Arrays;

import org.anomaly4j.stats.PairwiseSum;

/**
 * The confusion counts at every distinct score, highest first: scikit-learn's
 * {@code confusion_matrix_at_thresholds} (the {@code _binary_clf_curve} of older releases), on which every curve
 * here is built. At index i, {@code tps[i]} and {@code fps[i]} count the positives and negatives with
 * {@code score >= thresholds[i]}; counts are doubles holding exact integers, as scikit-learn's.
 * <p>Built in O(n log n) without boxing: the scores of the positives and of the negatives are copied into two
 * primitive arrays, each sorted once, and merged from the top. Ties need no order: a distinct threshold takes
 * all rows with its score. −0.0 is read as 0.0 (numpy sees them equal; {@link Arrays#sort(double[])} would not).
 */
final class Ranking {

    final double[] thresholds;
    final double[] tps;
    final double[] fps;
    final int positives;
    final int negatives;

    private Ranking(double[] thresholds, double[] tps, double[] fps, int positives, int negatives) {
        this.thresholds = thresholds;
        this.tps = tps;
        this.fps = fps;
        this.positives = positives;
        this.negatives = negatives;
    }

    /** Validated labels and scores; {@code what} names the caller in the one-class error. */
    static Ranking of(boolean[] labels, double[] scores, String what) {
        EvalInputs.checkLabels(labels);
        EvalInputs.checkScores(scores, labels.length);
        EvalInputs.requireBothClasses(labels, what);
        return build(labels, scores);
    }

    /** Without the two-class check (cost analysis and top-k accept one class). */
    static Ranking anyClasses(boolean[] labels, double[] scores) {
        EvalInputs.checkLabels(labels);
        EvalInputs.checkScores(scores, labels.length);
        return build(labels, scores);
    }

    private static Ranking build(boolean[] labels, double[] scores) {
        int n = labels.length;
        int p = 0;
        for (boolean b : labels) {
            if (b) {
                p++;
            }
        }
        double[] pos = new double[p];
        double[] neg = new double[n - p];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            double s = scores[i] + 0.0; // −0.0 + 0.0 = +0.0
            if (labels[i]) {
                pos[a++] = s;
            } else {
                neg[b++] = s;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] thr = new double[n];
        double[] tps = new double[n];
        double[] fps = new double[n];
        int i = pos.length - 1;
        int j = neg.length - 1;
        int k = 0;
        double tp = 0;
        double fp = 0;
        while (i >= 0 || j >= 0) {
            double v = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            while (i >= 0 && pos[i] == v) {
                tp++;
                i--;
            }
            while (j >= 0 && neg[j] == v) {
                fp++;
                j--;
            }
            thr[k] = v;
            tps[k] = tp;
            fps[k] = fp;
            k++;
        }
        return new Ranking(Arrays.copyOf(thr, k), Arrays.copyOf(tps, k), Arrays.copyOf(fps, k), p, n - p);
    }

    /**
     * Only the first and last index of each run of equal {@code tps} (scikit-learn's
     * {@code precision_recall_curve(drop_intermediate=True)}); all of them with two points or fewer.
     */
    Ranking keepTpsRunEnds() {
        int m = size();
        if (m <= 2) {
            return this;
        }
        double[] thr = new double[m];
        double[] tp = new double[m];
        double[] fp = new double[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || i == m - 1 || tps[i] != tps[i - 1] || tps[i + 1] != tps[i]) {
                thr[k] = thresholds[i];
                tp[k] = tps[i];
                fp[k] = fps[i];
                k++;
            }
        }
        return new Ranking(Arrays.copyOf(thr, k), Arrays.copyOf(tp, k), Arrays.copyOf(fp, k), positives, negatives);
    }

    int size() {
        return thresholds.length;
    }

    /**
     * numpy's {@code trapezoid(y, x)} = Σ (x[i+1] − x[i])·(y[i] + y[i+1]) / 2, each term rounded as numpy rounds it
     * and summed in numpy's pairwise order, so the result is scikit-learn's to the last bit.
     */
    static double trapezoid(double[] x, double[] y) {
        double[] terms = new double[x.length - 1];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = (x[i + 1] - x[i]) * (y[i] + y[i + 1]) / 2.0;
        }
        return PairwiseSum.of(terms);
    }
}
