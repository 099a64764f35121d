package org.anomaly4j.detect;

import org.anomaly4j.detect.density.GaussianMixture.Fitted;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Gaussian mixture density: the score is −log p(x) under a mixture of {@code components} full-covariance
 * Gaussians fitted by EM with k-means++ initialisation (scikit-learn's {@code GaussianMixture(n_components,
 * covariance_type='full', tol, reg_covar, max_iter, random_state)}; score = −{@code score_samples}; see the core
 * {@link org.anomaly4j.detect.density.GaussianMixture}). Low-density rows are anomalies; no natural threshold
 * (contamination 0.1). Fit O(iterations · n · k · d²), score O(k · d²) per row.
 * <p>Reference: A. P. Dempster, N. M. Laird, D. B. Rubin (1977), "Maximum likelihood from incomplete data via the
 * EM algorithm", JRSS B 39(1); D. Arthur, S. Vassilvitskii (2007), "k-means++", SODA.
 */
public final class GaussianMixture extends AbstractDetector<GaussianMixture, CoreModel<Fitted>> {

    public static final String NAME = "gmm";

    public static final Param<Integer> COMPONENTS = Param.integer("components", 1, 1, 1000, "mixture components (n_components)");
    public static final Param<Double> TOL = Param.number("tol", 1e-3, 0, true, Double.POSITIVE_INFINITY, false,
            "EM stops when the mean log-likelihood gains less (tol)");
    public static final Param<Double> REG_COVAR = Param.number("regCovar", 1e-6, 0, false, Double.POSITIVE_INFINITY,
            false, "added to the covariance diagonals (reg_covar)");
    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", 100, 1, 1_000_000, "EM iterations at most (max_iter)");
    public static final Param<Long> SEED = Param.seed("seed", 0L, "seed of the k-means++ start (random_state)");

    public static final DetectorType<GaussianMixture, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "negative log-likelihood under a Gaussian mixture fitted by EM (scikit-learn GaussianMixture)",
            GaussianMixture::new, CoreModel.type(), new Codec(), COMPONENTS, TOL, REG_COVAR, MAX_ITER, SEED);

    private GaussianMixture(Options options) {
        super(TYPE, options);
    }

    public static GaussianMixture with() {
        return TYPE.defaults();
    }

    public GaussianMixture components(int k) {
        return set(COMPONENTS, k);
    }

    public GaussianMixture tol(double t) {
        return set(TOL, t);
    }

    public GaussianMixture regCovar(double r) {
        return set(REG_COVAR, r);
    }

    public GaussianMixture maxIter(int m) {
        return set(MAX_ITER, m);
    }

    public GaussianMixture seed(long s) {
        return set(SEED, s);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        if (get(COMPONENTS) > x.length) {
            throw new IllegalArgumentException("components must be <= the number of rows (" + x.length + "), got "
                    + get(COMPONENTS));
        }
        Fitted f = new org.anomaly4j.detect.density.GaussianMixture(get(COMPONENTS), get(TOL), get(REG_COVAR),
                get(MAX_ITER), get(SEED)).fit(x);
        return model(info, TrainingScores.fitted(info, f.trainingScores(), Double.NaN), f);
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, Fitted::score, null,
                c -> c.weights().length + " components, " + c.iterations() + " EM iterations"
                        + (c.converged() ? "" : " (not converged)"));
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            Fitted f = m.core();
            out.put("weights", f.weights()).put("means", f.means()).put("covariances", f.covariances())
                    .put("converged", f.converged()).put("iterations", f.iterations());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            int k = info.options().get(COMPONENTS);
            Fitted f = new Fitted(in.numbers("weights", k), in.matrix("means", k, d), in.matrix("covariances", k, d * d),
                    in.bool("converged"), (int) in.integer("iterations", 0, Integer.MAX_VALUE), scores.values());
            return model(info, scores, f);
        }
    }
}
