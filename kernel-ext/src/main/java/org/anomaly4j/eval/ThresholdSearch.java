package org.anomaly4j.eval;

/**
 * Picks a decision threshold from labelled scores. Candidates are the distinct scores (the thresholds of
 * scikit-learn's {@code precision_recall_curve}); at a candidate t rows with {@code score >= t} are flagged. When
 * several candidates give the same best value, the <b>highest</b> threshold wins (fewest rows flagged).
 * <ul>
 *   <li>{@link #maxF1}: max F1 = 2·TP / (2·TP + FP + FN) (scikit-learn's {@code f1_score} of
 *   {@code score >= t}; the usual recipe {@code argmax(2PR/(P+R))} over {@code precision_recall_curve} picks
 *   the same point up to rounding);</li>
 *   <li>{@link #maxYouden}: max Youden's J = TPR − FPR (the ROC point farthest above the diagonal;
 *   W. J. Youden (1950), "Index for rating diagnostic tests", Cancer 3(1), pp. 32–35);</li>
 *   <li>{@link #minCost}: min costFp·FP + costFn·FN, including +∞ (flag nothing), see {@link CostAnalysis};</li>
 *   <li>{@link #forPrecision}: the lowest threshold whose precision reaches the target (most recall at that
 *   precision; precision is not monotone in t, so lower thresholds may dip below the target);</li>
 *   <li>{@link #forRecall}: the highest threshold whose recall reaches the target (recall falls as t rises).</li>
 * </ul>
 * Both classes must be present. Cost O(n log n) for the sort, then O(number of distinct scores).
 */
public final class ThresholdSearch {

    private ThresholdSearch() {
    }

    /** The threshold of maximum F1. */
    public static ThresholdChoice maxF1(boolean[] labels, double[] scores) {
        return maxF1(Ranking.of(labels, scores, "threshold search"));
    }

    static ThresholdChoice maxF1(Ranking r) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r.size(); i++) {
            double f = at(r, i).f1();
            if (f > bestValue) {
                bestValue = f;
                best = i;
            }
        }
        return new ThresholdChoice("max f1", r.thresholds[best], bestValue, at(r, best));
    }

    /** As {@link #maxF1(boolean[], double[])} with 0/1 labels. */
    public static ThresholdChoice maxF1(int[] labels, double[] scores) {
        return maxF1(EvalInputs.labels(labels), scores);
    }

    /** The threshold of maximum Youden's J = TPR − FPR. */
    public static ThresholdChoice maxYouden(boolean[] labels, double[] scores) {
        Ranking r = Ranking.of(labels, scores, "threshold search");
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r.size(); i++) {
            double j = r.tps[i] / r.positives - r.fps[i] / r.negatives;
            if (j > bestValue) {
                bestValue = j;
                best = i;
            }
        }
        return new ThresholdChoice("max youden j", r.thresholds[best], bestValue, at(r, best));
    }

    /** As {@link #maxYouden(boolean[], double[])} with 0/1 labels. */
    public static ThresholdChoice maxYouden(int[] labels, double[] scores) {
        return maxYouden(EvalInputs.labels(labels), scores);
    }

    /** The cheapest threshold for the given costs per false positive and per false negative. */
    public static ThresholdChoice minCost(boolean[] labels, double[] scores, double costFp, double costFn) {
        return CostAnalysis.of(labels, scores, costFp, costFn).cheapest();
    }

    /** As {@link #minCost(boolean[], double[], double, double)} with 0/1 labels. */
    public static ThresholdChoice minCost(int[] labels, double[] scores, double costFp, double costFn) {
        return minCost(EvalInputs.labels(labels), scores, costFp, costFn);
    }

    /**
     * The lowest threshold with precision ≥ {@code target}.
     *
     * @throws IllegalArgumentException if the target is not in (0, 1] or no threshold reaches it
     */
    public static ThresholdChoice forPrecision(boolean[] labels, double[] scores, double target) {
        checkTarget("precision", target);
        Ranking r = Ranking.of(labels, scores, "threshold search");
        double max = 0;
        for (int i = r.size() - 1; i >= 0; i--) {
            double p = r.tps[i] / (r.tps[i] + r.fps[i]);
            if (p >= target) {
                return new ThresholdChoice("precision >= " + target, r.thresholds[i], p, at(r, i));
            }
            max = Math.max(max, p);
        }
        throw new IllegalArgumentException("no threshold reaches precision " + target + "; the highest precision "
                + "of these scores is " + max + ", ask for at most that");
    }

    /** As {@link #forPrecision(boolean[], double[], double)} with 0/1 labels. */
    public static ThresholdChoice forPrecision(int[] labels, double[] scores, double target) {
        return forPrecision(EvalInputs.labels(labels), scores, target);
    }

    /**
     * The highest threshold with recall ≥ {@code target}.
     *
     * @throws IllegalArgumentException if the target is not in (0, 1]
     */
    public static ThresholdChoice forRecall(boolean[] labels, double[] scores, double target) {
        checkTarget("recall", target);
        Ranking r = Ranking.of(labels, scores, "threshold search");
        for (int i = 0; i < r.size(); i++) {
            double rec = r.tps[i] / r.positives;
            if (rec >= target) {
                return new ThresholdChoice("recall >= " + target, r.thresholds[i], rec, at(r, i));
            }
        }
        throw new IllegalStateException("recall reaches 1 at the lowest score"); // unreachable for target <= 1
    }

    /** As {@link #forRecall(boolean[], double[], double)} with 0/1 labels. */
    public static ThresholdChoice forRecall(int[] labels, double[] scores, double target) {
        return forRecall(EvalInputs.labels(labels), scores, target);
    }

    private static void checkTarget(String what, double target) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target " + what + " must be in (0, 1], got " + target);
        }
    }

    /** The confusion matrix at candidate i. */
    static ConfusionMatrix at(Ranking r, int i) {
        long tp = (long) r.tps[i];
        long fp = (long) r.fps[i];
        return new ConfusionMatrix(r.negatives - fp, fp, r.positives - tp, tp);
    }
}
