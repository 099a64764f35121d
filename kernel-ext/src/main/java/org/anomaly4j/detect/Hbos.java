package org.anomaly4j.detect;

import org.anomaly4j.detect.density.Hbos.Fitted;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Histogram-based outlier score (HBOS): each feature gets a static histogram of {@code bins} equal-width bins;
 * the score of a row is Σ_j −log2(density_j(x_j) + α), low-density values in any feature adding up (features are
 * treated as independent). Values outside the training range within {@code tol} bin widths take the edge bin's
 * density, further out the smallest. PyOD's {@code HBOS(n_bins=10, alpha=0.1, tol=0.5)}, same formula (see the
 * core {@link org.anomaly4j.detect.density.Hbos} for the details and the golden parity). No natural threshold:
 * the default rule flags the top 10 % (PyOD's contamination 0.1). Fit O(n·d), score O(d·log bins) per row;
 * {@code explain} gives each feature's term of the sum.
 * <p>Reference: M. Goldstein, A. Dengel (2012), "Histogram-based Outlier Score (HBOS): A fast Unsupervised Anomaly
 * Detection Algorithm", KI-2012: Poster and Demo Track, 59–63.
 */
public final class Hbos extends AbstractDetector<Hbos, CoreModel<Fitted>> {

    public static final String NAME = "hbos";

    public static final Param<Integer> BINS = Param.integer("bins", 10, 2, 100_000, "histogram bins per feature (n_bins)");
    public static final Param<Double> ALPHA = Param.number("alpha", 0.1, 0, true, 1, true,
            "regulariser added to each density (alpha)");
    public static final Param<Double> TOL = Param.number("tol", 0.5, 0, true, 1, true,
            "how far outside the training range, in bin widths, still takes the edge bin (tol)");

    public static final DetectorType<Hbos, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "histogram-based outlier score, sum over features of -log2(density + alpha) (PyOD HBOS)", Hbos::new,
            CoreModel.type(), new Codec(), BINS, ALPHA, TOL);

    private Hbos(Options options) {
        super(TYPE, options);
    }

    /** PyOD's defaults: 10 bins, alpha 0.1, tol 0.5; threshold at contamination 0.1. */
    public static Hbos with() {
        return TYPE.defaults();
    }

    public Hbos bins(int bins) {
        return set(BINS, bins);
    }

    public Hbos alpha(double alpha) {
        return set(ALPHA, alpha);
    }

    public Hbos tol(double tol) {
        return set(TOL, tol);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        Fitted f = new org.anomaly4j.detect.density.Hbos(get(BINS), get(ALPHA), get(TOL)).fit(x);
        return model(info, TrainingScores.fitted(info, f.trainingScores(), Double.NaN), f);
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, Fitted::score, Fitted::contributions, null);
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            out.put("edges", m.core().edges()).put("density", m.core().density());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            int bins = info.options().get(BINS);
            Fitted f = new Fitted(info.options().get(ALPHA), info.options().get(TOL), in.matrix("edges", d, bins + 1),
                    in.matrix("density", d, bins), scores.values());
            return model(info, scores, f);
        }
    }
}
