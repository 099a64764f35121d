package org.anomaly4j.detect;

import java.util.Locale;

import org.anomaly4j.detect.density.Pca.Fitted;
import org.anomaly4j.detect.density.Pca.Scoring;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * PCA-based anomaly score: rows are standardised, projected on the principal components, and scored by how
 * much they weigh on the minor components — Shyu et al.'s Σ_j y_j² / λ_j over the {@code components} smallest-
 * variance components ({@code scoring = projection}, the default; unweighted it is the squared reconstruction
 * error), or PyOD's Σ_j ‖z − v_j‖ / (λ_j / Σλ) ({@code scoring = pyod}). See the core
 * {@link org.anomaly4j.detect.density.Pca} (Jacobi eigen-decomposition, scikit-learn's sign rule; eigenvalues and
 * scores equal scikit-learn's PCA). No natural threshold (contamination 0.1). Fit O(n·d² + d³), score O(d²).
 * <p>Reference: M.-L. Shyu, S.-C. Chen, K. Sarinnapakorn, L. Chang (2003), "A Novel Anomaly Detection Scheme Based
 * on Principal Component Classifier", ICDM Foundation and New Direction of Data Mining workshop, 172–179.
 */
public final class Pca extends AbstractDetector<Pca, CoreModel<Fitted>> {

    public static final String NAME = "pca";

    public static final Param<Scoring> SCORING = Param.of("scoring", "projection|pyod", Scoring.PROJECTION,
            "\"projection\" (Shyu et al.) or \"pyod\"", "the score", Pca::scoring,
            v -> v instanceof String s ? scoring(s) : null, v -> v.name().toLowerCase(Locale.ROOT));
    public static final Param<Integer> COMPONENTS = Param.integer("components", 0, 0, 100_000,
            "number of smallest-variance components scored; 0 = all");
    public static final Param<Boolean> WEIGHTED = Param.flag("weighted", true, "divide each term by its variance");
    public static final Param<Boolean> STANDARDIZE = Param.flag("standardize", true, "standardise features first");

    public static final DetectorType<Pca, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "principal-component score: sum of y_j^2 / lambda_j over the minor components (Shyu et al. 2003)", Pca::new,
            CoreModel.type(), new Codec(), SCORING, COMPONENTS, WEIGHTED, STANDARDIZE);

    private static Scoring scoring(String s) {
        return switch (s.trim()) {
            case "projection" -> Scoring.PROJECTION;
            case "pyod" -> Scoring.PYOD;
            default -> null;
        };
    }

    private Pca(Options options) {
        super(TYPE, options);
    }

    public static Pca with() {
        return TYPE.defaults();
    }

    public Pca scoring(Scoring s) {
        return set(SCORING, s);
    }

    public Pca components(int k) {
        return set(COMPONENTS, k);
    }

    public Pca weighted(boolean w) {
        return set(WEIGHTED, w);
    }

    public Pca standardize(boolean s) {
        return set(STANDARDIZE, s);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        if (get(COMPONENTS) > x[0].length) {
            throw new IllegalArgumentException("components must be <= the number of features (" + x[0].length + "), got "
                    + get(COMPONENTS));
        }
        Fitted f = new org.anomaly4j.detect.density.Pca(get(SCORING), get(COMPONENTS), get(WEIGHTED), get(STANDARDIZE))
                .fit(x);
        return model(info, TrainingScores.fitted(info, f.trainingScores(), Double.NaN), f);
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, Fitted::score, null, null);
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            Fitted f = m.core();
            out.put("selected", f.selected()).put("mean", f.mean()).put("scale", f.scale()).put("center", f.center())
                    .put("components", f.components()).put("variance", f.variance());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            Options o = info.options();
            Fitted f = new Fitted(o.get(SCORING), (int) in.integer("selected", 1, d), o.get(WEIGHTED),
                    in.numbers("mean", d), in.numbers("scale", d), in.numbers("center", d), in.matrix("components", d, d),
                    in.numbers("variance", d), scores.values());
            return model(info, scores, f);
        }
    }
}
