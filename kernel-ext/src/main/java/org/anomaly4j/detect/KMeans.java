package org.anomaly4j.detect;

import org.anomaly4j.detect.cluster.KMeans.Result;
import org.anomaly4j.features.Matrices;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * k-means distance: a row far from every cluster centre is an outlier. The rows are clustered by k-means as
 * scikit-learn's {@code KMeans} (Lloyd iterations from greedy k-means++ seeding; see the core
 * {@link org.anomaly4j.detect.cluster.KMeans}) and the score is the Euclidean distance to the nearest centre,
 * <pre>  score(x) = min_c ‖x − c‖</pre>
 * (scikit-learn's {@code KMeans.transform(x).min(axis=1)}; the clustering approach of the outlier-detection
 * guides: rows far from every cluster are anomalies). Parameters and defaults as scikit-learn's: {@code clusters} = 8
 * ({@code n_clusters}), {@code inits} = 1 ({@code n_init='auto'} with k-means++), {@code maxIter} = 300,
 * {@code tol} = 1e-4 (relative to the mean column variance), {@code seed} = 0 ({@code random_state}; our
 * generator is not numpy's, so the seeding differs from scikit-learn's, the iterations do not). Features on
 * different scales should be standardised first. Masking: a far row (or a tight group of them) can become a
 * centre of its own and then score 0 — choose k below the number of such groups, or use {@link Cblof}, whose small
 * clusters score their distance to the large ones. No natural threshold (contamination 0.1). Fit O(n·k·d) per
 * iteration; score O(k·d) per row.
 * <p>References: S. P. Lloyd (1982), "Least squares quantization in PCM", IEEE Transactions on Information Theory
 * 28(2), 129–137; D. Arthur, S. Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA, 1027–1035.
 */
public final class KMeans extends AbstractDetector<KMeans, CoreModel<KMeans.Fitted>> {

    public static final String NAME = "kmeans";

    public static final Param<Integer> CLUSTERS = Param.integer("clusters", 8, 1, 100_000, "clusters k (n_clusters)");
    public static final Param<Integer> INITS = Param.integer("inits", 1, 1, 1000,
            "k-means++ seedings, the lowest inertia kept (n_init)");
    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", 300, 1, 1_000_000,
            "Lloyd iterations per seeding at most (max_iter)");
    public static final Param<Double> TOL = Param.number("tol", 1e-4, 0, false, Double.POSITIVE_INFINITY, false,
            "stop when the squared centre shifts sum to tol times the mean column variance (tol)");
    public static final Param<Long> SEED = Param.seed("seed", 0L, "seed of the k-means++ seeding (random_state)");

    public static final DetectorType<KMeans, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "distance to the nearest k-means centre (scikit-learn KMeans, Lloyd + k-means++)", KMeans::new,
            CoreModel.type(), new Codec(), CLUSTERS, INITS, MAX_ITER, TOL, SEED);

    /** The fitted centres (k × d), copied on the way in and out. */
    public record Fitted(double[][] centres) {
        public Fitted {
            centres = Matrices.copy(centres);
        }

        @Override
        public double[][] centres() {
            return Matrices.copy(centres);
        }

        /** Distance of each row (validated by the model) to its nearest centre. */
        double[] score(double[][] x) {
            return org.anomaly4j.detect.cluster.KMeans.distanceToNearest(x, centres);
        }
    }

    private KMeans(Options options) {
        super(TYPE, options);
    }

    /** scikit-learn's defaults: 8 clusters, one k-means++ seeding, 300 iterations, tol 1e-4, seed 0. */
    public static KMeans with() {
        return TYPE.defaults();
    }

    public KMeans clusters(int k) {
        return set(CLUSTERS, k);
    }

    public KMeans inits(int n) {
        return set(INITS, n);
    }

    public KMeans maxIter(int n) {
        return set(MAX_ITER, n);
    }

    public KMeans tol(double tol) {
        return set(TOL, tol);
    }

    public KMeans seed(long seed) {
        return set(SEED, seed);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        Result r = clustering(x, get(CLUSTERS), get(INITS), get(MAX_ITER), get(TOL), get(SEED));
        Fitted f = new Fitted(r.centres());
        return model(info, TrainingScores.fitted(info, f.score(x), Double.NaN), f);
    }

    /** The k-means clustering both cluster detectors start from; "clusters" named in the error when k > rows. */
    static Result clustering(double[][] x, int k, int inits, int maxIter, double tol, long seed) {
        if (k > x.length) {
            throw new IllegalArgumentException("clusters must be <= the number of rows (" + x.length + "), got " + k
                    + "; lower clusters");
        }
        return new org.anomaly4j.detect.cluster.KMeans(k, inits, maxIter, tol).fit(x, seed);
    }


    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, Fitted::score, null,
                c -> c.centres.length + " centres");
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            out.put("centres", m.core().centres());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            Fitted f = new Fitted(in.matrix("centres", info.options().get(CLUSTERS), info.features().size()));
            return model(info, scores, f);
        }
    }
}
