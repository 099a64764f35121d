package org.anomaly4j.detect;

import org.anomaly4j.detect.density.TailModel;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * ECOD, empirical-cumulative-distribution-based outlier detection: for each feature the left and right tail
 * probabilities of a value under the training data's empirical CDF (the value itself counted, as PyOD does), a
 * skewness-corrected choice of tail per feature, and the score Σ_j −log(tail probability) — parameter-free. PyOD's
 * {@code ECOD()} (PyOD takes the maximum per feature, then sums; see the core {@link
 * org.anomaly4j.detect.density.Ecod}). No natural threshold (contamination 0.1 by default). Fit O(d·n log n),
 * score O(d·log n) per row; {@code explain} gives each feature's term. The training scores are the scores of
 * the training rows as new rows (each counted once more, as PyOD's {@code decision_function} on them), so that a
 * model scores its training rows as it recorded them; PyOD's {@code decision_scores_} count each row once.
 * <p>Reference: Z. Li, Y. Zhao, X. Hu, N. Botta, C. Ionescu, G. H. Chen (2022), "ECOD: Unsupervised Outlier
 * Detection Using Empirical Cumulative Distribution Functions", IEEE TKDE 35(12).
 */
public final class Ecod extends AbstractDetector<Ecod, CoreModel<TailModel>> {

    public static final String NAME = "ecod";

    public static final DetectorType<Ecod, CoreModel<TailModel>> TYPE = DetectorType.of(NAME,
            "empirical-CDF tail probabilities per feature, sum of -log (PyOD ECOD; parameter-free)", Ecod::new,
            CoreModel.type(), TailCodec.of(TailModel.Rule.ECOD));

    private Ecod(Options options) {
        super(TYPE, options);
    }

    public static Ecod with() {
        return TYPE.defaults();
    }

    @Override
    protected CoreModel<TailModel> fitChecked(double[][] x, ModelInfo info) {
        TailModel t = org.anomaly4j.detect.density.Ecod.fit(x);
        return TailCodec.model(info, TrainingScores.fitted(info, t.score(x), Double.NaN), t);
    }

    /** Model files of ECOD and COPOD: the sorted training columns. */
    record TailCodec(TailModel.Rule rule) implements ModelCodec<CoreModel<TailModel>> {
        static TailCodec of(TailModel.Rule rule) {
            return new TailCodec(rule);
        }

        static CoreModel<TailModel> model(ModelInfo info, TrainingScores scores, TailModel t) {
            return new CoreModel<>(info, scores, t, TailModel::score, TailModel::contributions, null);
        }

        @Override
        public void write(CoreModel<TailModel> m, StateWriter out) {
            out.put("sortedColumns", m.core().sortedColumns());
        }

        @Override
        public CoreModel<TailModel> read(ModelInfo info, TrainingScores scores, StateReader in) {
            double[][] cols = in.matrix("sortedColumns", info.features().size(), scores.count());
            return model(info, scores, new TailModel(rule, cols, scores.values()));
        }
    }
}
