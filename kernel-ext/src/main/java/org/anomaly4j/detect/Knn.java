package org.anomaly4j.detect;

import java.util.Locale;

import org.anomaly4j.detect.neighbors.KnnDistance;
import org.anomaly4j.detect.neighbors.KnnDistance.Method;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * k-nearest-neighbour distance: a row far from its {@code neighbors} nearest rows is an outlier. The score is
 * the distance to the k-th neighbour ({@code method = largest}, Ramaswamy, Rastogi &amp; Shim 2000), the mean
 * ({@code mean}, Angiulli &amp; Pizzuti 2002) or the median of the k distances — PyOD's {@code KNN(n_neighbors=5,
 * method='largest')}: training rows exclude themselves, new rows search the training rows. Euclidean distance,
 * exact (the engine of {@link org.anomaly4j.detect.neighbors.NearestNeighbors}). No natural threshold
 * (contamination 0.1, PyOD's default). As for {@link Lof}, scoring a training row again counts itself at distance 0.
 * <p>References: S. Ramaswamy, R. Rastogi, K. Shim (2000), "Efficient algorithms for mining outliers from large
 * data sets", SIGMOD, 427–438; F. Angiulli, C. Pizzuti (2002), "Fast outlier detection in high dimensional
 * spaces", PKDD, 15–27.
 */
public final class Knn extends AbstractDetector<Knn, CoreModel<Knn.Fitted>> {

    public static final String NAME = "knn";

    public static final Param<Integer> NEIGHBORS = Param.integer("neighbors", 5, 1, 100_000, "neighbours k (n_neighbors)");
    public static final Param<Method> METHOD = Param.of("method", "largest|mean|median", Method.LARGEST,
            "\"largest\", \"mean\" or \"median\"", "how the k distances become a score", Knn::method,
            v -> v instanceof String s ? method(s) : null, v -> v.name().toLowerCase(Locale.ROOT));

    public static final DetectorType<Knn, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "distance to the k nearest neighbours: largest, mean or median (PyOD KNN)", Knn::new, CoreModel.type(),
            new Codec(), NEIGHBORS, METHOD);

    /** The fitted k-NN scorer with the training rows it searches. */
    public record Fitted(KnnDistance knn, double[][] training) {
    }

    private static Method method(String s) {
        return switch (s.trim()) {
            case "largest" -> Method.LARGEST;
            case "mean" -> Method.MEAN;
            case "median" -> Method.MEDIAN;
            default -> null;
        };
    }

    private Knn(Options options) {
        super(TYPE, options);
    }

    /** PyOD's defaults: 5 neighbours, largest distance. */
    public static Knn with() {
        return TYPE.defaults();
    }

    public Knn neighbors(int k) {
        return set(NEIGHBORS, k);
    }

    public Knn method(Method m) {
        return set(METHOD, m);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        KnnDistance knn = KnnDistance.fit(x, get(NEIGHBORS), get(METHOD));
        return model(info, TrainingScores.fitted(info, knn.trainingScores(), Double.NaN), new Fitted(knn, Lof.copy(x)));
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, (c, x) -> c.knn().score(x), null, null);
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            out.put("training", m.core().training());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            double[][] x = in.matrix("training", scores.count(), info.features().size());
            KnnDistance knn = KnnDistance.restore(x, info.options().get(NEIGHBORS), info.options().get(METHOD),
                    scores.values());
            return model(info, scores, new Fitted(knn, x));
        }
    }
}
