package org.anomaly4j.detect;

import org.anomaly4j.detect.density.TailModel;

/**
 * COPOD, copula-based outlier detection: the empirical copula's left and right tail probabilities of each
 * feature value, their −log summed (left, right and skewness-corrected), the score the largest of the three —
 * parameter-free. PyOD's {@code COPOD()} (see the core {@link org.anomaly4j.detect.density.Copod}). No natural
 * threshold (contamination 0.1 by default). Fit O(d·n log n), score O(d·log n) per row.
 * <p>Reference: Z. Li, Y. Zhao, N. Botta, C. Ionescu, X. Hu (2020), "COPOD: Copula-Based Outlier Detection",
 * IEEE ICDM, 1118–1123.
 */
public final class Copod extends AbstractDetector<Copod, CoreModel<TailModel>> {

    public static final String NAME = "copod";

    public static final DetectorType<Copod, CoreModel<TailModel>> TYPE = DetectorType.of(NAME,
            "empirical copula tail probabilities, sum of -log (PyOD COPOD; parameter-free)", Copod::new,
            CoreModel.type(), Ecod.TailCodec.of(TailModel.Rule.COPOD));

    private Copod(Options options) {
        super(TYPE, options);
    }

    public static Copod with() {
        return TYPE.defaults();
    }

    @Override
    protected CoreModel<TailModel> fitChecked(double[][] x, ModelInfo info) {
        TailModel t = org.anomaly4j.detect.density.Copod.fit(x);
        return Ecod.TailCodec.model(info, TrainingScores.fitted(info, t.score(x), Double.NaN), t);
    }
}
