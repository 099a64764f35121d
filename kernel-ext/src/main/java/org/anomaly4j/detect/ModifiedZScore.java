package org.anomaly4j.detect;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anomaly4j.stats.Nums;
import org.anomaly4j.stats.Quantiles;

import tech.tablesaw.api.Table;

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
public final class ModifiedZScore implements Detector {

    public static final String NAME = "mad";
    /** Iglewicz &amp; Hoaglin (1993): label |M| &gt; 3.5 as potential outliers. */
    public static final double NATURAL_THRESHOLD = 3.5;
    /** Φ⁻¹(0.75) = 0.6744897…, rounded to 0.6745 as in Iglewicz &amp; Hoaglin's formula. */
    public static final double PHI_INV_075 = 0.6745;
    /** √(π/2) = σ / E|X − μ| for normal data; the MAD = 0 fallback of IBM SPSS. */
    public static final double MEAN_AD_TO_SIGMA = 1.253314;

    private final ThresholdRule rule;

    private ModifiedZScore(ThresholdRule rule) {
        if (rule == null) {
            throw new IllegalArgumentException("threshold rule must not be null");
        }
        this.rule = rule;
    }

    /** Defaults: threshold |M| &gt; 3.5. */
    public static ModifiedZScore with() {
        return new ModifiedZScore(ThresholdRule.natural());
    }

    /** Threshold from the expected fraction of anomalies. */
    public ModifiedZScore contamination(double fraction) {
        return new ModifiedZScore(ThresholdRule.contamination(fraction));
    }

    /** Any threshold rule. */
    public ModifiedZScore threshold(ThresholdRule thresholdRule) {
        return new ModifiedZScore(thresholdRule);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Fits on row-major data; features are named {@code x0, x1, ...}. */
    @Override
    public MadModel fit(double[][] x) {
        return (MadModel) Detector.super.fit(x);
    }

    /** Fits on the named numeric columns of a table. */
    @Override
    public MadModel fit(Table table, String... columns) {
        return (MadModel) Detector.super.fit(table, columns);
    }

    @Override
    public MadModel fit(double[][] x, List<String> features) {
        int d = Inputs.width(x);
        ColumnStatistics.checkFeatures(features, d);
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
                throw new IllegalArgumentException("Column \"" + features.get(j) + "\" is constant (median absolute"
                        + " deviation and mean absolute deviation are 0), so its modified z-score is undefined;"
                        + " leave it out of the features");
            }
        }
        return new MadModel(features, rule, median, mad, meanAd, x);
    }

    static Model read(ModelFile f) {
        int d = f.features().size();
        return new MadModel(f.features(), f.rule(), f.numbers("median", d), f.numbers("mad", d),
                f.numbers("meanAbsoluteDeviation", d), f.trainingScores(), f.threshold());
    }

    @Override
    public String toString() {
        return "ModifiedZScore[threshold=" + rule + "]";
    }

    /**
     * A fitted modified z-score model: per-feature median and scale. Score: {@code max_j |M_j|}, with
     * {@code M_j = (x_j − median_j) / scale_j} and {@code scale_j = MAD_j / 0.6745} (or
     * {@code 1.253314·MeanAD_j} where MAD is 0).
     */
    public static final class MadModel extends AbstractModel {
        private final double[] median;
        private final double[] mad;
        private final double[] meanAd;

        MadModel(List<String> features, ThresholdRule rule, double[] median, double[] mad, double[] meanAd,
                 double[][] training) {
            super(NAME, features, Map.of(), rule);
            this.median = median;
            this.mad = mad;
            this.meanAd = meanAd;
            initThreshold(scores(training), NATURAL_THRESHOLD);
        }

        MadModel(List<String> features, ThresholdRule rule, double[] median, double[] mad, double[] meanAd,
                 double[] trainingScores, double threshold) {
            super(NAME, features, Map.of(), rule);
            for (int j = 0; j < mad.length; j++) {
                if (mad[j] < 0 || meanAd[j] < 0 || !(mad[j] > 0 || meanAd[j] > 0)) {
                    throw new IllegalArgumentException("Invalid modified z-score model: feature " + j
                            + " has no positive scale (mad " + mad[j] + ", meanAbsoluteDeviation " + meanAd[j] + ")");
                }
            }
            this.median = median.clone();
            this.mad = mad.clone();
            this.meanAd = meanAd.clone();
            restoreThreshold(trainingScores, threshold);
        }

        /** M_j, written as in the formula so that the numbers equal numpy's to the last bit. */
        private double m(double v, int j) {
            return mad[j] > 0 ? PHI_INV_075 * (v - median[j]) / mad[j]
                    : (v - median[j]) / (MEAN_AD_TO_SIGMA * meanAd[j]);
        }

        @Override
        protected double[] scores(double[][] x) {
            double[] out = new double[x.length];
            int d = median.length;
            for (int i = 0; i < x.length; i++) {
                double[] row = x[i];
                double max = 0;
                for (int j = 0; j < d; j++) {
                    max = Math.max(max, Math.abs(m(row[j], j)));
                }
                out[i] = max;
            }
            return out;
        }

        /**
         * Per-feature signed modified z-scores {@code M_j} of one row: the sign says on which side of the median
         * the value lies; the row's score is the largest {@code |M_j|}.
         */
        public double[] explain(double[] row) {
            ColumnStatistics.checkRow(row, median.length);
            double[] out = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[j] = m(row[j], j);
            }
            return out;
        }

        /** Per-feature medians. */
        public double[] median() {
            return median.clone();
        }

        /** Per-feature median absolute deviations (unscaled; 0 where the mean-deviation fallback is used). */
        public double[] mad() {
            return mad.clone();
        }

        /** Per-feature scales dividing {@code x − median}: {@code MAD/0.6745}, or {@code 1.253314·MeanAD}. */
        public double[] scale() {
            double[] s = new double[mad.length];
            for (int j = 0; j < s.length; j++) {
                s[j] = mad[j] > 0 ? mad[j] / PHI_INV_075 : MEAN_AD_TO_SIGMA * meanAd[j];
            }
            return s;
        }

        @Override
        public ObjectNode state() {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            ColumnStatistics.put(s, "median", median);
            ColumnStatistics.put(s, "mad", mad);
            ColumnStatistics.put(s, "meanAbsoluteDeviation", meanAd);
            return s;
        }

        @Override
        public String toString() {
            return super.toString() + "; median " + Arrays.toString(median) + ", MAD " + Arrays.toString(mad);
        }
    }
}
