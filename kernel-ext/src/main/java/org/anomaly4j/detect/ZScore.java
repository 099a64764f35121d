package org.anomaly4j.detect;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Z-score detector: how many standard deviations a value lies from its column's mean.
 * <p>Per feature j: {@code z_j = (x_j − mean_j) / std_j}, with {@code std} computed with {@code ddof}
 * (default 0, as {@code scipy.stats.zscore}); the score of a row is {@code max_j |z_j|}, so a row is as
 * anomalous as its most extreme feature. Natural threshold: 3 (the "three-sigma rule"; for normal data
 * about 0.27 % of values lie beyond it). Fit O(n·d), score O(d) per row.
 * <p>Reference: the standard score, e.g. Grubbs (1969), "Procedures for detecting outlying observations in
 * samples", Technometrics 11(1), whose test statistic is the largest |z|.
 * <p>Constant columns have no z-score: fitting them raises an error naming the column.
 */
public final class ZScore extends AbstractDetector<ZScore, ZScore.ZScoreModel> {

    public static final String NAME = "zscore";
    /** The natural cut: three standard deviations. */
    public static final double NATURAL_THRESHOLD = 3.0;

    /** Delta degrees of freedom of the standard deviation (0: population, as scipy; 1: sample, as pandas). */
    public static final Param<Integer> DDOF = Param.integer("ddof", 0, 0, 1_000_000,
            "delta degrees of freedom of the standard deviation: 0 as scipy.stats.zscore, 1 as pandas");

    public static final DetectorType<ZScore, ZScoreModel> TYPE = DetectorType.of(NAME,
            "z-score, max over columns of |x - mean| / std; natural threshold 3", ZScore::new, ZScoreModel.class,
            new Codec(), DDOF);

    private ZScore(Options options) {
        super(TYPE, options);
    }

    /** Defaults: ddof 0, threshold |z| &gt; 3. */
    public static ZScore with() {
        return TYPE.defaults();
    }

    /** Delta degrees of freedom of the standard deviation (0: population, as scipy; 1: sample, as pandas). */
    public ZScore ddof(int ddof) {
        return set(DDOF, ddof);
    }

    @Override
    protected ZScoreModel fitChecked(double[][] x, ModelInfo info) {
        int ddof = get(DDOF);
        int d = x[0].length;
        int n = x.length;
        if (n - ddof < 1) {
            throw new IllegalArgumentException("z-score needs more than " + ddof + " rows, got " + n);
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] row : x) {
                s += row[j];
            }
            double m = s / n;
            double ss = 0;
            for (double[] row : x) {
                double dev = row[j] - m;
                ss += dev * dev;
            }
            mean[j] = m;
            std[j] = Math.sqrt(ss / (n - ddof));
            if (!(std[j] > 0)) {
                throw new IllegalArgumentException("Column \"" + info.features().get(j) + "\" is constant (standard deviation 0),"
                        + " so its z-score is undefined; leave it out of the features");
            }
        }
        State state = new State(mean, std);
        return new ZScoreModel(info, TrainingScores.fitted(info, state.scores(x), NATURAL_THRESHOLD), state);
    }

    /** Per-feature means and standard deviations. */
    record State(double[] mean, double[] std) implements ColumnwiseModel.Deviations {
        State {
            for (double s : std) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("a standard deviation is not positive");
                }
            }
        }

        @Override
        public int width() {
            return mean.length;
        }

        @Override
        public double deviation(double v, int j) {
            return (v - mean[j]) / std[j];
        }
    }

    private static final class Codec implements ModelCodec<ZScoreModel> {
        @Override
        public void write(ZScoreModel m, StateWriter out) {
            out.put("mean", m.state.mean).put("std", m.state.std);
        }

        @Override
        public ZScoreModel read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            return new ZScoreModel(info, scores, new State(in.numbers("mean", d), in.numbers("std", d)));
        }
    }

    /** A fitted z-score model: per-feature means and standard deviations; explain gives the signed z-scores. */
    public static final class ZScoreModel extends ColumnwiseModel<State> {

        private ZScoreModel(ModelInfo info, TrainingScores scores, State state) {
            super(info, scores, state);
        }

        /** Fitted means, per feature. */
        public double[] mean() {
            return state.mean.clone();
        }

        /** Fitted standard deviations, per feature. */
        public double[] std() {
            return state.std.clone();
        }
    }
}
