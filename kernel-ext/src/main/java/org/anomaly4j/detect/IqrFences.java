package org.anomaly4j.detect;

import org.anomaly4j.stats.Quantiles;

import org.anomaly4j.stats.Nums;

import java.util.Arrays;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;




/**
 * Tukey's fences (the box-plot rule): values beyond {@code k} interquartile ranges outside the quartiles.
 * <p>Per feature j, with quartiles {@code Q1_j, Q3_j} (linear interpolation, numpy's {@code percentile(x, [25,
 * 75])} and pandas' {@code quantile}), {@code IQR_j = Q3_j − Q1_j}, fences {@code lower_j = Q1_j − k·IQR_j} and
 * {@code upper_j = Q3_j + k·IQR_j}, the per-feature score is the signed distance to the nearest fence in IQR
 * units: {@code s_j = max(x_j − upper_j, lower_j − x_j) / IQR_j}. It is positive outside the fences (for a
 * value above the upper fence {@code (x − upper)/IQR}, below the lower fence {@code (lower − x)/IQR}: the seeds'
 * distance-to-bound score), 0 on a fence and negative inside, where it measures how deep inside the value lies.
 * The row score is {@code max_j s_j}. Natural threshold 0: a row is an anomaly when a value lies outside its
 * fences, exactly Tukey's rule.
 * <p>Why negative inside rather than the seeds' 0: with every inside row tied at 0, a contamination or
 * percentile threshold could not rank the rows that lie inside; {@code max(0, score)} is the seeds' score, and
 * the labels at the natural threshold are the same. {@link #clipInside(boolean)} gives the seeds' score itself.
 * <p>Parameters: {@code k} (default 1.5, Tukey's "outer" fences use 3), threshold rule. No scikit-learn class;
 * Python equivalent: {@code q1, q3 = np.percentile(x, [25, 75]); iqr = q3 - q1}, then the fences. Fit
 * O(n log n · d) (sorting per column), score O(d) per row.
 * <p>Reference: J. W. Tukey (1977), "Exploratory Data Analysis", Addison-Wesley, ch. 2 (fences of the
 * box plot).
 * <p>A column with IQR 0 (more than half its values equal) has no fences: fitting it raises an error naming
 * the column.
 */
public final class IqrFences extends AbstractDetector<IqrFences, IqrFences.IqrModel> {

    public static final String NAME = "iqr";
    /** Tukey's inner fences: 1.5 IQR beyond the quartiles. */
    public static final double DEFAULT_K = 1.5;
    /** Outside the fences: score &gt; 0. */
    public static final double NATURAL_THRESHOLD = 0;

    /** Fence distance in interquartile ranges (1.5: Tukey's inner fences; 3: outer fences). */
    public static final Param<Double> K = Param.number("k", DEFAULT_K, 0, false, Double.POSITIVE_INFINITY, false,
            "fence width in IQRs: 1.5 Tukey's inner fences, 3 the outer ones");
    /** Score 0 inside the fences (the seeds' distance-to-bound score). */
    public static final Param<Boolean> CLIP_INSIDE = Param.flag("clipInside", false,
            "score 0 inside the fences instead of the negative depth");

    public static final DetectorType<IqrFences, IqrModel> TYPE = DetectorType.of(NAME,
            "distance outside Tukey's fences Q1 - k IQR, Q3 + k IQR, in IQRs", IqrFences::new, IqrModel.class,
            new Codec(), K, CLIP_INSIDE);

    private IqrFences(Options options) {
        super(TYPE, options);
    }

    /** Defaults: k = 1.5, signed scores, threshold 0 (outside the fences). */
    public static IqrFences with() {
        return TYPE.defaults();
    }

    /** Fence distance in interquartile ranges (1.5: Tukey's inner fences; 3: outer fences). */
    public IqrFences k(double k) {
        return set(K, k);
    }

    /**
     * {@code true}: score 0 for every value inside the fences (the seeds' distance-to-bound score; a
     * contamination threshold then cannot rank inside rows). Default {@code false}: negative depth inside.
     */
    public IqrFences clipInside(boolean clip) {
        return set(CLIP_INSIDE, clip);
    }

    @Override
    protected IqrModel fitChecked(double[][] x, ModelInfo info) {
        int d = x[0].length;
        double[] q1 = new double[d];
        double[] q3 = new double[d];
        for (int j = 0; j < d; j++) {
            double[] c = Nums.column(x, j);
            Arrays.sort(c);
            q1[j] = Quantiles.quantileOfSorted(c, 0.25);
            q3[j] = Quantiles.quantileOfSorted(c, 0.75);
            if (!(q3[j] > q1[j])) {
                throw new IllegalArgumentException("Column \"" + info.features().get(j) + "\" has interquartile range 0"
                        + " (Q1 = Q3 = " + q1[j] + ": more than half of its values are equal), so it has no Tukey"
                        + " fences; leave it out of the features or use ModifiedZScore, whose MAD = 0 fallback"
                        + " handles such columns");
            }
        }
        State state = new State(get(K), get(CLIP_INSIDE), q1, q3);
        return new IqrModel(info, TrainingScores.fitted(info, state.scores(x), NATURAL_THRESHOLD), state);
    }

    /** Per-feature quartiles and the fences they give. */
    record State(double k, boolean clip, double[] q1, double[] q3, double[] iqr, double[] lower,
                         double[] upper) implements ColumnwiseModel.Deviations {
        State(double k, boolean clip, double[] q1, double[] q3) {
            this(k, clip, q1, q3, new double[q1.length], new double[q1.length], new double[q1.length]);
            for (int j = 0; j < q1.length; j++) {
                if (!(q3[j] > q1[j])) {
                    throw new IllegalArgumentException("feature " + j + " has q3 " + q3[j] + " not above q1 " + q1[j]);
                }
                iqr[j] = q3[j] - q1[j];
                lower[j] = q1[j] - k * iqr[j];
                upper[j] = q3[j] + k * iqr[j];
            }
        }

        @Override
        public int width() {
            return q1.length;
        }

        /** Signed distance to the nearest fence in IQRs: positive outside, negative inside (0 if clipped). */
        @Override
        public double deviation(double v, int j) {
            double out = Math.max(v - upper[j], lower[j] - v) / iqr[j];
            return clip ? Math.max(0, out) : out;
        }

        @Override
        public boolean absolute() {
            return false;
        }
    }

    private static final class Codec implements ModelCodec<IqrModel> {
        @Override
        public void write(IqrModel m, StateWriter out) {
            out.put("q1", m.state.q1).put("q3", m.state.q3);
        }

        @Override
        public IqrModel read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            return new IqrModel(info, scores, new State(info.options().get(K), info.options().get(CLIP_INSIDE),
                    in.numbers("q1", d), in.numbers("q3", d)));
        }
    }

    /**
     * A fitted Tukey-fences model: per-feature quartiles. Score: {@code max_j max(x_j − upper_j, lower_j − x_j)
     * / IQR_j} (clipped at 0 if the model was fitted with {@code clipInside(true)}).
     */
    public static final class IqrModel extends ColumnwiseModel<State> {

        private IqrModel(ModelInfo info, TrainingScores scores, State state) {
            super(info, scores, state);
        }

        /** Per-feature first quartiles. */
        public double[] q1() {
            return state.q1.clone();
        }

        /** Per-feature third quartiles. */
        public double[] q3() {
            return state.q3.clone();
        }

        /** Per-feature lower fences {@code Q1 − k·IQR}. */
        public double[] lowerFence() {
            return state.lower.clone();
        }

        /** Per-feature upper fences {@code Q3 + k·IQR}. */
        public double[] upperFence() {
            return state.upper.clone();
        }

        @Override
        protected String describeState() {
            return "fences " + Arrays.toString(state.lower) + " .. " + Arrays.toString(state.upper);
        }
    }
}
