package org.anomaly4j.eval;

import java.util.Arrays;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The cost of every threshold when a false alarm costs {@code costFp} and a missed anomaly {@code costFn}:
 * cost(t) = costFp·FP(t) + costFn·FN(t), with rows flagged when {@code score >= t}. Rows are +∞ (nothing flagged,
 * cost = costFn·P) and then every distinct score, decreasing — the thresholds of scikit-learn's
 * {@code roc_curve(..., drop_intermediate=False)}; FP and FN are scikit-learn's
 * {@code confusion_matrix_at_thresholds}. {@link #cheapest()} returns the lowest cost, the highest threshold on
 * ties. One class only is allowed (the costs stay defined). Cost O(n log n).
 */
public final class CostAnalysis {

    private final double costFp;
    private final double costFn;
    private final double[] thresholds;
    private final long[] fp;
    private final long[] fn;
    private final double[] cost;
    private final long positives;
    private final long negatives;

    private CostAnalysis(double costFp, double costFn, Ranking r) {
        this.costFp = costFp;
        this.costFn = costFn;
        int m = r.size() + 1;
        thresholds = new double[m];
        fp = new long[m];
        fn = new long[m];
        cost = new double[m];
        positives = r.positives;
        negatives = r.negatives;
        thresholds[0] = Double.POSITIVE_INFINITY;
        fn[0] = r.positives;
        for (int i = 1; i < m; i++) {
            thresholds[i] = r.thresholds[i - 1];
            fp[i] = (long) r.fps[i - 1];
            fn[i] = r.positives - (long) r.tps[i - 1];
        }
        for (int i = 0; i < m; i++) {
            cost[i] = costFp * fp[i] + costFn * fn[i];
        }
    }

    /**
     * The analysis of labels and scores.
     *
     * @throws IllegalArgumentException if a cost is negative or not finite, or the inputs are bad
     */
    public static CostAnalysis of(boolean[] labels, double[] scores, double costFp, double costFn) {
        if (!(costFp >= 0 && costFp < Double.POSITIVE_INFINITY)
                || !(costFn >= 0 && costFn < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("costs must be finite and >= 0, got costFp=" + costFp + " costFn="
                    + costFn);
        }
        return new CostAnalysis(costFp, costFn, Ranking.anyClasses(labels, scores));
    }

    /** As {@link #of(boolean[], double[], double, double)} with 0/1 labels. */
    public static CostAnalysis of(int[] labels, double[] scores, double costFp, double costFn) {
        return of(EvalInputs.labels(labels), scores, costFp, costFn);
    }

    /** The cheapest threshold (highest on ties) with its cost and confusion matrix. */
    public ThresholdChoice cheapest() {
        int best = 0;
        for (int i = 1; i < cost.length; i++) {
            if (cost[i] < cost[best]) {
                best = i;
            }
        }
        long tp = positives - fn[best];
        ConfusionMatrix c = new ConfusionMatrix(negatives - fp[best], fp[best], fn[best], tp);
        return new ThresholdChoice("min cost", thresholds[best], cost[best], c);
    }

    /** Columns threshold (+∞ first), fp, fn, cost. */
    public Table toTable() {
        return Table.create("cost analysis", DoubleColumn.create("threshold", thresholds),
                LongColumn.create("fp", fp), LongColumn.create("fn", fn), DoubleColumn.create("cost", cost));
    }

    public double costFp() {
        return costFp;
    }

    public double costFn() {
        return costFn;
    }

    /** +∞, then the distinct scores decreasing (a copy). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** False positives per threshold (a copy). */
    public long[] fp() {
        return fp.clone();
    }

    /** False negatives per threshold (a copy). */
    public long[] fn() {
        return fn.clone();
    }

    /** Cost per threshold (a copy). */
    public double[] cost() {
        return cost.clone();
    }

    @Override
    public String toString() {
        ThresholdChoice c = cheapest();
        return "CostAnalysis[costFp=" + costFp + ", costFn=" + costFn + ", " + thresholds.length
                + " thresholds, cheapest " + c.threshold() + " at cost " + c.value() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostAnalysis c && costFp == c.costFp && costFn == c.costFn
                && Arrays.equals(thresholds, c.thresholds) && Arrays.equals(fp, c.fp) && Arrays.equals(fn, c.fn);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(thresholds) * 31 + Arrays.hashCode(fp);
    }
}
