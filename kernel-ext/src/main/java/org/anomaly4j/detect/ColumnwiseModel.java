package org.anomaly4j.detect;

/**
 * A model that judges each feature on its own and scores a row by its most extreme feature — the shape of
 * the statistical detectors ({@link ZScore}, {@link ModifiedZScore}, {@link IqrFences}, {@link Grubbs},
 * {@link GeneralizedEsd}). Its state gives a signed per-feature deviation; the row's score is the largest
 * deviation (in absolute value where {@link Deviations#absolute()}), and {@link #explain} returns the signed
 * deviations themselves.
 *
 * @param <S> the fitted per-feature state
 */
public abstract class ColumnwiseModel<S extends ColumnwiseModel.Deviations> extends AbstractModel implements Explainable {

    /** Per-feature fitted statistics and the deviation they give. */
    interface Deviations {
        /** Number of features. */
        int width();

        /** The signed deviation of value v of feature j (e.g. a z-score). */
        double deviation(double v, int j);

        /** Whether a row's score takes |deviation| (two-sided) rather than the deviation itself. */
        default boolean absolute() {
            return true;
        }

        /** Row scores: the largest (absolute) deviation over the features. */
        default double[] scores(double[][] x) {
            double[] out = new double[x.length];
            int d = width();
            boolean abs = absolute();
            for (int i = 0; i < x.length; i++) {
                double[] row = x[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < d; j++) {
                    double v = deviation(row[j], j);
                    max = Math.max(max, abs ? Math.abs(v) : v);
                }
                out[i] = max;
            }
            return out;
        }
    }

    /** The fitted state. */
    protected final S state;

    protected ColumnwiseModel(ModelInfo info, TrainingScores scores, S state) {
        super(info, scores);
        this.state = state;
    }

    @Override
    protected final double[] scores(double[][] x) {
        return state.scores(x);
    }

    /**
     * The signed per-feature deviations of one row (their meaning is the model's: z-scores, modified
     * z-scores, fence distances in IQRs, G-ratios); the row's score is the largest of them (in absolute value
     * for the two-sided ones).
     */
    @Override
    public final double[] explain(double[] row) {
        checkRow(row, state.width());
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = state.deviation(row[j], j);
        }
        return out;
    }

    /** Checks one row given to {@code explain}: d finite values. */
    private static void checkRow(double[] row, int d) {
        if (row == null || row.length != d) {
            throw new IllegalArgumentException("the row has " + (row == null ? 0 : row.length)
                    + " values but the model was fitted on " + d + " features");
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException("value " + j + " of the row is " + row[j]
                        + "; drop or fill missing and infinite values before scoring");
            }
        }
    }
}
