package org.anomaly4j.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anomaly4j.stats.Nums;

/**
 * A fitted {@link Grubbs} or {@link GeneralizedEsd} model: per feature, the mean and sample standard deviation
 * (ddof 1) of the values the test kept (its inliers) and the critical value for testing one more value among
 * them, {@code G_crit(n_inliers, α)}.
 * <p>Score: {@code max_j |x_j − mean_j| / (std_j · crit_j)}, the largest studentized deviate of the row
 * relative to its column's critical value (the "G-ratio"). Natural threshold 1: a value is flagged when its
 * deviate from the inliers exceeds the critical value of the test's last step. On the training data every
 * inlier scores ≤ 1 (the last, non-rejecting Grubbs step — and for ESD, step k + 1 when k &lt; maxOutliers —
 * tested exactly the largest of these deviates), and the removed values score above 1 in all but contrived
 * samples (a removed value's deviate is measured from the inliers' mean and spread, not from those of the step
 * that removed it).
 */
public final class ExtremeDeviatesModel extends AbstractModel {
    /** A value whose deviate equals the critical value scores 1. */
    public static final double NATURAL_THRESHOLD = 1;

    private final double[] mean;
    private final double[] std;
    private final double[] critical;
    private final int[] outliers;

    private ExtremeDeviatesModel(String name, List<String> features, Map<String, Object> params, ThresholdRule rule,
                                 double[] mean, double[] std, double[] critical, int[] outliers,
                                 double[][] training) {
        super(name, features, params, rule);
        this.mean = mean;
        this.std = std;
        this.critical = critical;
        this.outliers = outliers;
        initThreshold(scores(training), NATURAL_THRESHOLD);
    }

    private ExtremeDeviatesModel(String name, List<String> features, Map<String, Object> params, ThresholdRule rule,
                                 double[] mean, double[] std, double[] critical, int[] outliers,
                                 double[] trainingScores, double threshold) {
        super(name, features, params, rule);
        for (int j = 0; j < std.length; j++) {
            if (!(std[j] > 0) || !(critical[j] > 0)) {
                throw new IllegalArgumentException("Invalid " + name + " model: feature " + j
                        + " needs a positive std and critical value, got " + std[j] + " and " + critical[j]);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.critical = critical.clone();
        this.outliers = outliers.clone();
        restoreThreshold(trainingScores, threshold);
    }

    /**
     * Fits per column: runs {@code test} on each column (columns in parallel), then takes mean, std and critical
     * value of its inliers.
     */
    static ExtremeDeviatesModel fit(String name, double[][] x, List<String> features, Map<String, Object> params,
                                    ThresholdRule rule, double alpha, Function<double[], ExtremeDeviates> test) {
        int d = Inputs.width(x);
        ColumnStatistics.checkFeatures(features, d);
        int n = x.length;
        if (n < 3) {
            throw new IllegalArgumentException(name + " needs at least 3 rows, got " + n);
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        double[] critical = new double[d];
        int[] counts = new int[d];
        // The tests dominate the cost and are independent: run the columns on the common pool (each result
        // depends on its column only, so the model does not depend on the thread count).
        ExtremeDeviates[] tests = new ExtremeDeviates[d];
        IntStream.range(0, d).parallel().forEach(j -> tests[j] = test.apply(Nums.column(x, j)));
        for (int j = 0; j < d; j++) {
            double[] c = Nums.column(x, j);
            ExtremeDeviates r = tests[j];
            boolean[] out = new boolean[n];
            for (int i : r.outliers()) {
                out[i] = true;
            }
            double[] in = new double[n - r.outlierCount()];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!out[i]) {
                    in[m++] = c[i];
                }
            }
            String col = "Column \"" + features.get(j) + "\"";
            if (m < 3) {
                throw new IllegalArgumentException(col + ": the " + name + " test kept only " + m + " of " + n
                        + " values, too few to estimate a spread; the column is far from normal");
            }
            mean[j] = Nums.mean(in, m);
            std[j] = Nums.sampleStd(in, m, mean[j]);
            if (!(std[j] > 0)) {
                throw new IllegalArgumentException(col + (r.outlierCount() == 0 ? " is constant" :
                        ": the values the " + name + " test kept are all equal") + " (standard deviation 0),"
                        + " so deviates are undefined; leave it out of the features");
            }
            critical[j] = Grubbs.criticalValue(m, alpha);
            counts[j] = r.outlierCount();
        }
        return new ExtremeDeviatesModel(name, features, params, rule, mean, std, critical, counts, x);
    }

    /** Rebuilds a model from a checked model file (parameters already validated by the caller). */
    static ExtremeDeviatesModel read(ModelFile f, Map<String, Object> params) {
        int d = f.features().size();
        int n = f.trainingScores().length;
        return new ExtremeDeviatesModel(f.type(), f.features(), params, f.rule(), f.numbers("mean", d),
                f.numbers("std", d), f.numbers("critical", d), ColumnStatistics.counts(f, "outliers", d, n),
                f.trainingScores(), f.threshold());
    }

    @Override
    protected double[] scores(double[][] x) {
        double[] out = new double[x.length];
        int d = mean.length;
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double max = 0;
            for (int j = 0; j < d; j++) {
                max = Math.max(max, Math.abs(row[j] - mean[j]) / std[j] / critical[j]);
            }
            out[i] = max;
        }
        return out;
    }

    /**
     * Per-feature signed G-ratios {@code (x_j − mean_j) / (std_j · crit_j)}: the sign says on which side of the
     * inliers' mean the value lies, a magnitude above 1 that the value exceeds the critical value; the row's
     * score is the largest magnitude.
     */
    public double[] explain(double[] row) {
        ColumnStatistics.checkRow(row, mean.length);
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / std[j] / critical[j];
        }
        return out;
    }

    /** Per-feature mean of the inliers. */
    public double[] mean() {
        return mean.clone();
    }

    /** Per-feature sample standard deviation (ddof 1) of the inliers. */
    public double[] std() {
        return std.clone();
    }

    /** Per-feature critical value {@code G_crit(n_inliers, α)} dividing the deviates. */
    public double[] critical() {
        return critical.clone();
    }

    /** Per-feature number of training values the test declared outliers. */
    public int[] outlierCounts() {
        return outliers.clone();
    }

    @Override
    public ObjectNode state() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        ColumnStatistics.put(s, "mean", mean);
        ColumnStatistics.put(s, "std", std);
        ColumnStatistics.put(s, "critical", critical);
        ColumnStatistics.put(s, "outliers", outliers);
        return s;
    }

    @Override
    public String toString() {
        return super.toString() + "; outliers per feature " + Arrays.toString(outliers) + ", inlier mean "
                + Arrays.toString(mean) + ", std " + Arrays.toString(std);
    }
}
