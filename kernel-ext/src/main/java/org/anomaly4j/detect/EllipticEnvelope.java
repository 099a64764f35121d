package org.anomaly4j.detect;

import org.anomaly4j.detect.density.MinCovDet;
import org.anomaly4j.detect.density.MinCovDet.Fitted;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Elliptic envelope: the squared robust Mahalanobis distance (x − μ)ᵀ Σ⁻¹ (x − μ) from a Minimum Covariance
 * Determinant estimate of location and scatter, found by FastMCD (random h-subsets refined by C-steps, then
 * the consistency correction and the reweighting step of scikit-learn 1.9.1; see the core {@link MinCovDet}).
 * Scores equal scikit-learn's {@code EllipticEnvelope(support_fraction, random_state)} {@code -score_samples}
 * ({@code MinCovDet.dist_}) where the MCD is unique; the default rule flags the top 10 %, scikit-learn's
 * {@code contamination=0.1}. Fit O(starts · C-steps · n · d²), score O(d²) per row.
 * <p>Parameters: {@code supportFraction} ("auto" = (n + d + 1) / 2n, or a fraction in (0, 1]), {@code seed}.
 * <p>References: P. J. Rousseeuw, K. Van Driessen (1999), "A fast algorithm for the minimum covariance
 * determinant estimator", Technometrics 41(3), 212–223; P. J. Rousseeuw (1984), "Least median of squares
 * regression", JASA 79(388).
 */
public final class EllipticEnvelope extends AbstractDetector<EllipticEnvelope, CoreModel<Fitted>> {

    public static final String NAME = "elliptic-envelope";

    public static final Param<Double> SUPPORT_FRACTION = Param.of("supportFraction", "auto|fraction", Double.NaN,
            "\"auto\" ((n + d + 1) / 2n) or a fraction in (0, 1]", "share of rows in the MCD support (support_fraction)",
            t -> t.trim().equals("auto") ? Double.NaN : fraction(Double.parseDouble(t.trim())),
            v -> v instanceof String s && s.equals("auto") ? Double.NaN : v instanceof Double d ? fraction(d) : null,
            v -> v.isNaN() ? "auto" : v);
    public static final Param<Long> SEED = Param.seed("seed", 0L, "random seed of the subsets (random_state)");

    public static final DetectorType<EllipticEnvelope, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "squared robust Mahalanobis distance from FastMCD (scikit-learn EllipticEnvelope)", EllipticEnvelope::new,
            CoreModel.type(), new Codec(), SUPPORT_FRACTION, SEED);

    private static Double fraction(double f) {
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException("supportFraction must be in (0, 1]");
        }
        return f;
    }

    private EllipticEnvelope(Options options) {
        super(TYPE, options);
    }

    /** scikit-learn's defaults: support fraction "auto", seed 0; threshold at contamination 0.1. */
    public static EllipticEnvelope with() {
        return TYPE.defaults();
    }

    public EllipticEnvelope supportFraction(double fraction) {
        return set(SUPPORT_FRACTION, fraction(fraction));
    }

    public EllipticEnvelope seed(long seed) {
        return set(SEED, seed);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        Fitted f = new MinCovDet(get(SUPPORT_FRACTION), get(SEED)).fit(x);
        return model(info, TrainingScores.fitted(info, f.trainingScores(), Double.NaN), f);
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, Fitted::score, null,
                c -> "support " + c.supportSize() + " rows (raw " + c.rawSupportSize() + ")");
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            Fitted f = m.core();
            out.put("location", f.location()).put("covariance", f.covariance()).put("rawLocation", f.rawLocation())
                    .put("rawCovariance", f.rawCovariance()).put("rawSupportSize", f.rawSupportSize())
                    .put("supportSize", f.supportSize());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            int n = scores.count();
            Fitted f = new Fitted(in.numbers("location", d), in.numbers("covariance", d * d), in.numbers("rawLocation", d),
                    in.numbers("rawCovariance", d * d), (int) in.integer("rawSupportSize", 1, n),
                    (int) in.integer("supportSize", 1, n), scores.values());
            return model(info, scores, f);
        }
    }
}
