package org.anomaly4j.detect;

import org.anomaly4j.detect.neighbors.Dbscan.Fitted;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * DBSCAN noise: rows that belong to no dense region. Core samples have at least {@code minSamples} rows (itself
 * included) within {@code eps}; the score of a row is its Euclidean distance to the nearest core sample (0 for a
 * core sample), and the natural threshold is {@code eps}, so {@code score > eps} flags exactly scikit-learn's
 * {@code DBSCAN(eps, min_samples).labels_ == -1} on the training rows; a new row is flagged by the same rule —
 * when it is not within eps of a core sample, i.e. would not join a cluster. See the core
 * {@link org.anomaly4j.detect.neighbors.Dbscan} (labels equal to scikit-learn's, golden test).
 * <p>Defaults as scikit-learn's: {@code eps} = 0.5, {@code minSamples} = 5. There is no universal eps: it is a
 * distance in the units of the features, so standardise them first, and/or take eps near the knee of the sorted
 * distances of each row to its (minSamples − 1)-th nearest neighbour (the k-distance plot, Ester et al. 1996 §4.2;
 * {@code knn().neighbors(minSamples - 1)} gives those distances). Fitting fails when no row is a core sample.
 * Fit: two radius queries per row, O(n log n) to O(n²) time, O(n) memory; score: one nearest-core query per row.
 * <p>Reference: M. Ester, H.-P. Kriegel, J. Sander, X. Xu (1996), "A density-based algorithm for discovering
 * clusters in large spatial databases with noise", KDD-96, 226–231.
 */
public final class Dbscan extends AbstractDetector<Dbscan, CoreModel<Fitted>> {

    public static final String NAME = "dbscan";

    public static final Param<Double> EPS = Param.number("eps", 0.5, 0, true, Double.POSITIVE_INFINITY, false,
            "neighbourhood radius, in the features' units (eps)");
    public static final Param<Integer> MIN_SAMPLES = Param.integer("minSamples", 5, 1, 1_000_000,
            "rows within eps, itself included, that make a core sample (min_samples)");

    public static final DetectorType<Dbscan, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "DBSCAN noise: distance to the nearest core sample, natural threshold eps (scikit-learn DBSCAN)",
            Dbscan::new, CoreModel.type(), new Codec(), EPS, MIN_SAMPLES);

    private Dbscan(Options options) {
        super(TYPE, options);
    }

    /** scikit-learn's defaults: eps 0.5 (scale-dependent), min_samples 5; threshold eps. */
    public static Dbscan with() {
        return TYPE.defaults();
    }

    public Dbscan eps(double eps) {
        return set(EPS, eps);
    }

    public Dbscan minSamples(int n) {
        return set(MIN_SAMPLES, n);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        Fitted f = new org.anomaly4j.detect.neighbors.Dbscan(get(EPS), get(MIN_SAMPLES)).fit(x);
        return model(info, TrainingScores.fitted(info, f.trainingScores(), get(EPS)), f);
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, Fitted::score, null, c -> c.cores().length + " core samples");
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            out.put("cores", m.core().cores());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            double[][] cores = in.matrix("cores", -1, info.features().size());
            Fitted f = new Fitted(info.options().get(EPS), info.options().get(MIN_SAMPLES), cores, null, null);
            return model(info, scores, f);
        }
    }
}
