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
public final class IqrFences implements Detector {

    public static final String NAME = "iqr";
    /** Tukey's inner fences: 1.5 IQR beyond the quartiles. */
    public static final double DEFAULT_K = 1.5;
    /** Outside the fences: score &gt; 0. */
    public static final double NATURAL_THRESHOLD = 0;

    private final double k;
    private final boolean clipInside;
    private final ThresholdRule rule;

    private IqrFences(double k, boolean clipInside, ThresholdRule rule) {
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be in [0, +inf), got " + k);
        }
        if (rule == null) {
            throw new IllegalArgumentException("threshold rule must not be null");
        }
        this.k = k;
        this.clipInside = clipInside;
        this.rule = rule;
    }

    /** Defaults: k = 1.5, signed scores, threshold 0 (outside the fences). */
    public static IqrFences with() {
        return new IqrFences(DEFAULT_K, false, ThresholdRule.natural());
    }

    /** Fence distance in interquartile ranges (1.5: Tukey's inner fences; 3: outer fences). */
    public IqrFences k(double k) {
        return new IqrFences(k, clipInside, rule);
    }

    /**
     * {@code true}: score 0 for every value inside the fences (the seeds' distance-to-bound score; a
     * contamination threshold then cannot rank inside rows). Default {@code false}: negative depth inside.
     */
    public IqrFences clipInside(boolean clip) {
        return new IqrFences(k, clip, rule);
    }

    /** Threshold from the expected fraction of anomalies. */
    public IqrFences contamination(double fraction) {
        return new IqrFences(k, clipInside, ThresholdRule.contamination(fraction));
    }

    /** Any threshold rule. */
    public IqrFences threshold(ThresholdRule thresholdRule) {
        return new IqrFences(k, clipInside, thresholdRule);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Fits on row-major data; features are named {@code x0, x1, ...}. */
    @Override
    public IqrModel fit(double[][] x) {
        return (IqrModel) Detector.super.fit(x);
    }

    /** Fits on the named numeric columns of a table. */
    @Override
    public IqrModel fit(Table table, String... columns) {
        return (IqrModel) Detector.super.fit(table, columns);
    }

    @Override
    public IqrModel fit(double[][] x, List<String> features) {
        int d = Inputs.width(x);
        ColumnStatistics.checkFeatures(features, d);
        double[] q1 = new double[d];
        double[] q3 = new double[d];
        for (int j = 0; j < d; j++) {
            double[] c = Nums.column(x, j);
            Arrays.sort(c);
            q1[j] = Quantiles.quantileOfSorted(c, 0.25);
            q3[j] = Quantiles.quantileOfSorted(c, 0.75);
            if (!(q3[j] > q1[j])) {
                throw new IllegalArgumentException("Column \"" + features.get(j) + "\" has interquartile range 0"
                        + " (Q1 = Q3 = " + q1[j] + ": more than half of its values are equal), so it has no Tukey"
                        + " fences; leave it out of the features or use ModifiedZScore, whose MAD = 0 fallback"
                        + " handles such columns");
            }
        }
        return new IqrModel(features, params(), rule, k, clipInside, q1, q3, x);
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", k);
        p.put("clipInside", clipInside);
        return p;
    }

    static Model read(ModelFile f) {
        int d = f.features().size();
        double k = f.parameter("k");
        var clip = f.parameters().get("clipInside");
        if (clip == null || !clip.isBoolean()) {
            throw f.bad("parameters.clipInside must be true or false");
        }
        IqrFences options;
        try {
            options = with().k(k).clipInside(clip.booleanValue());
        } catch (IllegalArgumentException e) {
            throw f.bad("parameters: " + e.getMessage());
        }
        return new IqrModel(f.features(), options.params(), f.rule(), options.k, options.clipInside,
                f.numbers("q1", d), f.numbers("q3", d), f.trainingScores(), f.threshold());
    }

    @Override
    public String toString() {
        return "IqrFences[k=" + k + ", clipInside=" + clipInside + ", threshold=" + rule + "]";
    }

    /**
     * A fitted Tukey-fences model: per-feature quartiles. Score: {@code max_j max(x_j − upper_j, lower_j − x_j)
     * / IQR_j} (clipped at 0 if the model was fitted with {@code clipInside(true)}).
     */
    public static final class IqrModel extends AbstractModel {
        private final double k;
        private final boolean clip;
        private final double[] q1;
        private final double[] q3;
        private final double[] lower;
        private final double[] upper;
        private final double[] iqr;

        IqrModel(List<String> features, Map<String, Object> params, ThresholdRule rule, double k, boolean clip,
                 double[] q1, double[] q3, double[][] training) {
            super(NAME, features, params, rule);
            this.k = k;
            this.clip = clip;
            this.q1 = q1;
            this.q3 = q3;
            this.iqr = new double[q1.length];
            this.lower = new double[q1.length];
            this.upper = new double[q1.length];
            fences();
            initThreshold(scores(training), NATURAL_THRESHOLD);
        }

        IqrModel(List<String> features, Map<String, Object> params, ThresholdRule rule, double k, boolean clip,
                 double[] q1, double[] q3, double[] trainingScores, double threshold) {
            super(NAME, features, params, rule);
            for (int j = 0; j < q1.length; j++) {
                if (!(q3[j] > q1[j])) {
                    throw new IllegalArgumentException("Invalid IQR model: feature " + j + " has q3 " + q3[j]
                            + " not above q1 " + q1[j]);
                }
            }
            this.k = k;
            this.clip = clip;
            this.q1 = q1.clone();
            this.q3 = q3.clone();
            this.iqr = new double[q1.length];
            this.lower = new double[q1.length];
            this.upper = new double[q1.length];
            fences();
            restoreThreshold(trainingScores, threshold);
        }

        private void fences() {
            for (int j = 0; j < q1.length; j++) {
                iqr[j] = q3[j] - q1[j];
                lower[j] = q1[j] - k * iqr[j];
                upper[j] = q3[j] + k * iqr[j];
            }
        }

        private double s(double v, int j) {
            double out = Math.max(v - upper[j], lower[j] - v) / iqr[j];
            return clip ? Math.max(0, out) : out;
        }

        @Override
        protected double[] scores(double[][] x) {
            double[] out = new double[x.length];
            int d = q1.length;
            for (int i = 0; i < x.length; i++) {
                double[] row = x[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < d; j++) {
                    max = Math.max(max, s(row[j], j));
                }
                out[i] = max;
            }
            return out;
        }

        /**
         * Per-feature signed fence distances {@code s_j} in IQR units (positive: outside a fence, by that many
         * IQRs; negative: inside, that deep); the row's score is their maximum.
         */
        public double[] explain(double[] row) {
            ColumnStatistics.checkRow(row, q1.length);
            double[] out = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[j] = s(row[j], j);
            }
            return out;
        }

        /** Per-feature first quartiles. */
        public double[] q1() {
            return q1.clone();
        }

        /** Per-feature third quartiles. */
        public double[] q3() {
            return q3.clone();
        }

        /** Per-feature lower fences {@code Q1 − k·IQR}. */
        public double[] lowerFence() {
            return lower.clone();
        }

        /** Per-feature upper fences {@code Q3 + k·IQR}. */
        public double[] upperFence() {
            return upper.clone();
        }

        @Override
        public ObjectNode state() {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            ColumnStatistics.put(s, "q1", q1);
            ColumnStatistics.put(s, "q3", q3);
            return s;
        }

        @Override
        public String toString() {
            return super.toString() + "; fences " + Arrays.toString(lower) + " .. " + Arrays.toString(upper);
        }
    }
}
