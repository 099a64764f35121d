package org.anomaly4j.detect;

import org.anomaly4j.stats.Nums;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;



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
public final class ExtremeDeviatesModel extends ColumnwiseModel<ExtremeDeviatesModel.State> {
    /** A value whose deviate equals the critical value scores 1. */
    public static final double NATURAL_THRESHOLD = 1;

    /** The model-file codec, shared by {@link Grubbs} and {@link GeneralizedEsd}. */
    static final ModelCodec<ExtremeDeviatesModel> CODEC = new Codec();

    private ExtremeDeviatesModel(ModelInfo info, TrainingScores scores, State state) {
        super(info, scores, state);
    }

    /** Per feature: the inliers' mean and std, the critical value dividing the deviates, the outliers removed. */
    record State(double[] mean, double[] std, double[] critical, int[] outliers) implements ColumnwiseModel.Deviations {
        State {
            for (int j = 0; j < std.length; j++) {
                if (!(std[j] > 0) || !(critical[j] > 0)) {
                    throw new IllegalArgumentException("feature " + j + " needs a positive std and critical value, got "
                            + std[j] + " and " + critical[j]);
                }
            }
        }

        @Override
        public int width() {
            return mean.length;
        }

        /** The signed G-ratio {@code (x_j − mean_j) / (std_j · crit_j)}. */
        @Override
        public double deviation(double v, int j) {
            return (v - mean[j]) / std[j] / critical[j];
        }
    }

    /**
     * Fits per column: runs {@code test} on each column (columns in parallel), then takes mean, std and critical
     * value of its inliers.
     */
    static ExtremeDeviatesModel fit(double[][] x, ModelInfo info, double alpha, Function<double[], ExtremeDeviates> test) {
        String name = info.name();
        int d = x[0].length;
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
            String col = "Column \"" + info.features().get(j) + "\"";
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
        State state = new State(mean, std, critical, counts);
        return new ExtremeDeviatesModel(info, TrainingScores.fitted(info, state.scores(x), NATURAL_THRESHOLD), state);
    }

    private static final class Codec implements ModelCodec<ExtremeDeviatesModel> {
        @Override
        public void write(ExtremeDeviatesModel m, StateWriter out) {
            out.put("mean", m.state.mean).put("std", m.state.std).put("critical", m.state.critical)
                    .put("outliers", m.state.outliers);
        }

        @Override
        public ExtremeDeviatesModel read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            return new ExtremeDeviatesModel(info, scores, new State(in.numbers("mean", d), in.numbers("std", d),
                    in.numbers("critical", d), in.ints("outliers", d, 0, scores.count())));
        }
    }

    /** Per-feature mean of the inliers. */
    public double[] mean() {
        return state.mean.clone();
    }

    /** Per-feature sample standard deviation (ddof 1) of the inliers. */
    public double[] std() {
        return state.std.clone();
    }

    /** Per-feature critical value {@code G_crit(n_inliers, α)} dividing the deviates. */
    public double[] critical() {
        return state.critical.clone();
    }

    /** Per-feature number of training values the test declared outliers. */
    public int[] outlierCounts() {
        return state.outliers.clone();
    }

    @Override
    protected String describeState() {
        return "outliers per feature " + Arrays.toString(state.outliers) + ", inlier mean "
                + Arrays.toString(state.mean) + ", std " + Arrays.toString(state.std);
    }
}
