package org.anomaly4j.detect;

import org.anomaly4j.detect.cluster.Cblof.Fitted;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Cluster-based local outlier factor (CBLOF): rows are clustered by k-means (as {@link KMeans}); clusters are
 * split into large and small by α and β; a row of a large cluster scores its distance to that cluster's centre, a
 * row of a small cluster its distance to the nearest large centre, times the cluster size when
 * {@code useWeights}. PyOD's {@code CBLOF(n_clusters=8, alpha=0.9, beta=5, use_weights=False)}, same split and
 * scores from the same clustering (see the core {@link org.anomaly4j.detect.cluster.Cblof} for the rule and the
 * golden parity); the k-means seeding uses our generator ({@code seed}), not numpy's. Fitting fails, naming the
 * cluster sizes, when no split satisfies α or β (e.g. k equal clusters). No natural threshold (contamination
 * 0.1). Fit: k-means plus O(n·k·d); score O(k·d) per row.
 * <p>Reference: Z. He, X. Xu, S. Deng (2003), "Discovering cluster-based local outliers", Pattern Recognition
 * Letters 24(9–10), 1641–1650.
 */
public final class Cblof extends AbstractDetector<Cblof, CoreModel<Fitted>> {

    public static final String NAME = "cblof";

    public static final Param<Integer> CLUSTERS = Param.integer("clusters", 8, 2, 100_000, "k-means clusters (n_clusters)");
    public static final Param<Double> ALPHA = Param.number("alpha", 0.9, 0, true, 1, true,
            "share of the rows the large clusters hold at least (alpha)");
    public static final Param<Double> BETA = Param.number("beta", 5, 1, true, Double.POSITIVE_INFINITY, false,
            "size ratio between the last large and the first small cluster (beta)");
    public static final Param<Boolean> USE_WEIGHTS = Param.flag("useWeights", false,
            "multiply the distance by the cluster's size (use_weights)");
    public static final Param<Long> SEED = Param.seed("seed", 0L, "seed of the k-means++ seeding (random_state)");

    public static final DetectorType<Cblof, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "cluster-based local outlier factor: distance to the own or nearest large k-means centre (PyOD CBLOF)",
            Cblof::new, CoreModel.type(), new Codec(), CLUSTERS, ALPHA, BETA, USE_WEIGHTS, SEED);

    private Cblof(Options options) {
        super(TYPE, options);
    }

    /** PyOD's defaults: 8 clusters, alpha 0.9, beta 5, no weights; seed 0; threshold at contamination 0.1. */
    public static Cblof with() {
        return TYPE.defaults();
    }

    public Cblof clusters(int k) {
        return set(CLUSTERS, k);
    }

    public Cblof alpha(double alpha) {
        return set(ALPHA, alpha);
    }

    public Cblof beta(double beta) {
        return set(BETA, beta);
    }

    public Cblof useWeights(boolean w) {
        return set(USE_WEIGHTS, w);
    }

    public Cblof seed(long seed) {
        return set(SEED, seed);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        var clustering = KMeans.clustering(x, get(CLUSTERS), 1, org.anomaly4j.detect.cluster.KMeans.DEFAULT_MAX_ITER,
                org.anomaly4j.detect.cluster.KMeans.DEFAULT_TOL, get(SEED));
        Fitted f = new org.anomaly4j.detect.cluster.Cblof(get(ALPHA), get(BETA), get(USE_WEIGHTS)).fit(x, clustering);
        return model(info, TrainingScores.fitted(info, f.score(x), Double.NaN), f);
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, Fitted::score, null, Cblof::describe);
    }

    private static String describe(Fitted f) {
        int large = 0;
        for (boolean b : f.large()) {
            large += b ? 1 : 0;
        }
        return f.sizes().length + " clusters, " + large + " large";
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            Fitted f = m.core();
            boolean[] large = f.large();
            int[] flags = new int[large.length];
            for (int c = 0; c < flags.length; c++) {
                flags[c] = large[c] ? 1 : 0;
            }
            out.put("centres", f.centres()).put("sizes", f.sizes()).put("large", flags);
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            int k = info.options().get(CLUSTERS);
            double[][] centres = in.matrix("centres", k, info.features().size());
            int[] sizes = in.ints("sizes", k, 0, scores.count());
            int[] flags = in.ints("large", k, 0, 1);
            boolean[] large = new boolean[k];
            for (int c = 0; c < k; c++) {
                large[c] = flags[c] == 1;
            }
            try {
                return model(info, scores, new Fitted(centres, sizes, large, info.options().get(USE_WEIGHTS)));
            } catch (IllegalArgumentException e) {
                throw in.bad("large", e.getMessage());
            }
        }
    }
}
