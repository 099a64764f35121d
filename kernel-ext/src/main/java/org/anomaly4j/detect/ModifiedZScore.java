package org.anomaly4j.detect;

import org.anomaly4j.stats.Quantiles;

import org.anomaly4j.stats.Nums;

import java.util.Arrays;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;




/**
 * Modified z-score (robust z-score): how far a value lies from its column's median, in units of the median
 * absolute deviation, so that the outliers themselves do not inflate the yardstick as they do for the mean
 * and standard deviation of {@link ZScore}.
 * <p>Per feature j: {@code M_j = 0.6745·(x_j − median_j) / MAD_j} with {@code MAD_j = median_i |x_ij − median_j|}
 * (scipy {@code median_abs_deviation(x, scale=1.0)}); 0.6745 ≈ Φ⁻¹(0.75) makes {@code MAD/0.6745} estimate
 * the standard deviation of normal data. The score of a row is {@code max_j |M_j|}. Natural threshold 3.5,
 * the cut Iglewicz and Hoaglin recommend ("|M| &gt; 3.5 be labeled as potential outliers").
 * <p><b>MAD = 0</b> (more than half the values of a column are equal, e.g. sparse or binary features): the
 * column's scale falls back to the mean absolute deviation around the median scaled by
 * 1.253314 ≈ √(π/2) (the ratio of standard deviation to mean absolute deviation for normal data), the rule
 * IBM's documentation of the modified z-score gives: {@code M_j = (x_j − median_j) / (1.253314·MeanAD_j)}.
 * A column whose values are all equal has neither scale and raises an error naming it.
 * <p>Parameters: only the threshold rule ({@code threshold}, {@code contamination}); there is no scikit-learn
 * or PyOD class for it — the Python equivalent is {@code 0.6745 * (x - np.median(x)) / scipy.stats
 * .median_abs_deviation(x)}. Fit O(n log n · d) (sorting per column), score O(d) per row.
 * <p>Reference: B. Iglewicz and D. C. Hoaglin (1993), "How to Detect and Handle Outliers", ASQC Basic
 * References in Quality Control: Statistical Techniques, vol. 16, ASQC Quality Press.
 */
public final class ModifiedZScore extends AbstractDetector<ModifiedZScore, ModifiedZScore.MadModel> {

    public static final String NAME = "mad";
    /** Iglewicz &amp; Hoaglin (1993): label |M| &gt; 3.5 as potential outliers. */
    public static final double NATURAL_THRESHOLD = 3.5;
    /** Φ⁻¹(0.75) = 0.6744897…, rounded to 0.6745 as in Iglewicz &amp; Hoaglin's formula. */
    public static final double PHI_INV_075 = 0.6745;
    /** √(π/2) = σ / E|X − μ| for normal data; the MAD = 0 fallback of IBM SPSS. */
    public static final double MEAN_AD_TO_SIGMA = 1.253314;

    public static final DetectorType<ModifiedZScore, MadModel> TYPE = DetectorType.of(NAME,
            "modified z-score 0.6745 (x - median) / MAD; natural threshold 3.5", ModifiedZScore::new, MadModel.class,
            new Codec());

    private ModifiedZScore(Options options) {
        super(TYPE, options);
    }

    /** Defaults: threshold |M| &gt; 3.5. */
    public static ModifiedZScore with() {
        return TYPE.defaults();
    }

    @Override
    protected MadModel fitChecked(double[][] x, ModelInfo info) {
        int d = x[0].length;
        double[] median = new double[d];
        double[] mad = new double[d];
        double[] meanAd = new double[d];
        for (int j = 0; j < d; j++) {
            double[] c = Nums.column(x, j);
            Arrays.sort(c);
            double med = Quantiles.medianOfSorted(c);
            double sum = 0;
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.abs(c[i] - med);
                sum += c[i];
            }
            median[j] = med;
            mad[j] = Quantiles.median(c);
            meanAd[j] = sum / c.length;
            if (!(mad[j] > 0) && !(meanAd[j] > 0)) {
                throw new IllegalArgumentException("Column \"" + info.features().get(j) + "\" is constant (median absolute"
                        + " deviation and mean absolute deviation are 0), so its modified z-score is undefined;"
                        + " leave it out of the features");
            }
        }
        State state = new State(median, mad, meanAd);
        return new MadModel(info, TrainingScores.fitted(info, state.scores(x), NATURAL_THRESHOLD), state);
    }

    /** Per-feature median, MAD and mean absolute deviation around the median. */
    record State(double[] median, double[] mad, double[] meanAd) implements ColumnwiseModel.Deviations {
        State {
            for (int j = 0; j < mad.length; j++) {
                if (mad[j] < 0 || meanAd[j] < 0 || !(mad[j] > 0 || meanAd[j] > 0)) {
                    throw new IllegalArgumentException("feature " + j + " has no positive scale (mad " + mad[j]
                            + ", meanAbsoluteDeviation " + meanAd[j] + ")");
                }
            }
        }

        @Override
        public int width() {
            return median.length;
        }

        /** M_j, written as in the formula so that the numbers equal numpy's to the last bit. */
        @Override
        public double deviation(double v, int j) {
            return mad[j] > 0 ? PHI_INV_075 * (v - median[j]) / mad[j]
                    : (v - median[j]) / (MEAN_AD_TO_SIGMA * meanAd[j]);
        }
    }

    private static final class Codec implements ModelCodec<MadModel> {
        @Override
        public void write(MadModel m, StateWriter out) {
            out.put("median", m.state.median).put("mad", m.state.mad).put("meanAbsoluteDeviation", m.state.meanAd);
        }

        @Override
        public MadModel read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            return new MadModel(info, scores, new State(in.numbers("median", d), in.numbers("mad", d),
                    in.numbers("meanAbsoluteDeviation", d)));
        }
    }

    /**
     * A fitted modified z-score model: per-feature median and scale. Score: {@code max_j |M_j|}, with
     * {@code M_j = (x_j − median_j) / scale_j} and {@code scale_j = MAD_j / 0.6745} (or
     * {@code 1.253314·MeanAD_j} where MAD is 0).
     */
    public static final class MadModel extends ColumnwiseModel<State> {

        private MadModel(ModelInfo info, TrainingScores scores, State state) {
            super(info, scores, state);
        }

        /** Per-feature medians. */
        public double[] median() {
            return state.median.clone();
        }

        /** Per-feature median absolute deviations (unscaled; 0 where the mean-deviation fallback is used). */
        public double[] mad() {
            return state.mad.clone();
        }

        /** Per-feature scales dividing {@code x − median}: {@code MAD/0.6745}, or {@code 1.253314·MeanAD}. */
        public double[] scale() {
            double[] s = new double[state.mad.length];
            for (int j = 0; j < s.length; j++) {
                s[j] = state.mad[j] > 0 ? state.mad[j] / PHI_INV_075 : MEAN_AD_TO_SIGMA * state.meanAd[j];
            }
            return s;
        }

        @Override
        protected String describeState() {
            return "median " + Arrays.toString(state.median) + ", MAD " + Arrays.toString(state.mad);
        }
    }
}
