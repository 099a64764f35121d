package org.anomaly4j.detect;

import org.anomaly4j.detect.neighbors.LocalOutlierFactor;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Local Outlier Factor (Breunig, Kriegel, Ng &amp; Sander 2000): a row whose {@code neighbors} nearest rows sit in
 * a denser region than the row itself is an outlier — lrd(p) = 1 / (mean reach-dist(p, o) + 1e-10),
 * LOF(p) = mean lrd(o) / lrd(p) over its k nearest neighbours o. Equal to scikit-learn's
 * {@code LocalOutlierFactor(n_neighbors=20)}: training scores = −{@code negative_outlier_factor_} (to the last bit:
 * the neighbour search is scikit-learn's own k-d tree, see {@link org.anomaly4j.detect.neighbors.NearestNeighbors});
 * {@code score(x)} of new rows = −{@code score_samples} with {@code novelty=True}, neighbours among the training
 * rows. Natural threshold: LOF &gt; 1.5 (scikit-learn's {@code contamination='auto'}, {@code offset_ = −1.5}).
 * <p>Note: scoring the training rows again treats them as new rows, so each has itself as a neighbour at distance
 * 0 — the same difference as between scikit-learn's {@code negative_outlier_factor_} and {@code score_samples}.
 * <p>Model files keep the training rows (novelty scoring needs them), their k-distances and lrds. Fit: one
 * k-nearest-neighbour query per row (parallel); score: one query per new row.
 * <p>Reference: M. M. Breunig, H.-P. Kriegel, R. T. Ng, J. Sander (2000), "LOF: Identifying Density-Based Local
 * Outliers", SIGMOD, 93–104.
 */
public final class Lof extends AbstractDetector<Lof, CoreModel<Lof.Fitted>> {

    public static final String NAME = "lof";

    public static final Param<Integer> NEIGHBORS = Param.integer("neighbors", 20, 1, 100_000,
            "neighbours k (n_neighbors); clipped to n - 1 as scikit-learn does");

    public static final DetectorType<Lof, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "Local Outlier Factor (Breunig et al. 2000), scikit-learn's; natural threshold LOF > 1.5", Lof::new,
            CoreModel.type(), new Codec(), NEIGHBORS);

    /** The fitted LOF with the training rows it searches. */
    public record Fitted(LocalOutlierFactor lof, double[][] training) {
    }

    private Lof(Options options) {
        super(TYPE, options);
    }

    /** scikit-learn's defaults: 20 neighbours, threshold LOF &gt; 1.5. */
    public static Lof with() {
        return TYPE.defaults();
    }

    public Lof neighbors(int k) {
        return set(NEIGHBORS, k);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        LocalOutlierFactor lof = LocalOutlierFactor.fit(x, get(NEIGHBORS));
        double[][] copy = copy(x);
        return model(info, TrainingScores.fitted(info, lof.trainingScores(), LocalOutlierFactor.NATURAL_THRESHOLD),
                new Fitted(lof, copy));
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, (c, x) -> c.lof().score(x), null,
                c -> c.lof().neighbors() + " neighbours" + (c.lof().clipped() ? " (clipped to n - 1)" : ""));
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            out.put("training", m.core().training()).put("kDistances", m.core().lof().kDistances())
                    .put("lrd", m.core().lof().localReachabilityDensities());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            int n = scores.count();
            double[][] x = in.matrix("training", n, info.features().size());
            LocalOutlierFactor lof = LocalOutlierFactor.restore(x, info.options().get(NEIGHBORS), in.numbers("kDistances", n),
                    in.numbers("lrd", n), scores.values());
            return model(info, scores, new Fitted(lof, x));
        }
    }
}
