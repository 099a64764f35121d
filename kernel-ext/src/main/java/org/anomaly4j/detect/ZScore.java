package org.anomaly4j.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Z-score detector: how many standard deviations a value lies from its column's mean.
 * <p>Per feature j: {@code z_j = (x_j − mean_j) / std_j}, with {@code std} computed with {@code ddof}
 * (default 0, as {@code scipy.stats.zscore}); the score of a row is {@code max_j |z_j|}, so a row is as
 * anomalous as its most extreme feature. Natural threshold: 3 (the "three-sigma rule"; for normal data
 * about 0.27 % of values lie beyond it). Fit O(n·d), score O(d) per row.
 * <p>Reference: the standard score, e.g. Grubbs (1969), "Procedures for detecting outlying observations in
 * samples", Technometrics 11(1), whose test statistic is the largest |z|.
 * <p>Constant columns have no z-score: fitting them raises an error naming the column.
 */
public final class ZScore implements Detector {

    public static final String NAME = "zscore";
    /** The natural cut: three standard deviations. */
    public static final double NATURAL_THRESHOLD = 3.0;

    private final int ddof;
    private final ThresholdRule rule;

    private ZScore(int ddof, ThresholdRule rule) {
        if (ddof < 0) {
            throw new IllegalArgumentException("ddof must be >= 0, got " + ddof);
        }
        this.ddof = ddof;
        this.rule = rule;
    }

    /** Defaults: ddof 0, threshold |z| > 3. */
    public static ZScore with() {
        return new ZScore(0, ThresholdRule.natural());
    }

    /** Delta degrees of freedom of the standard deviation (0: population, as scipy; 1: sample, as pandas). */
    public ZScore ddof(int ddof) {
        return new ZScore(ddof, rule);
    }

    /** Threshold from the expected fraction of anomalies. */
    public ZScore contamination(double fraction) {
        return new ZScore(ddof, ThresholdRule.contamination(fraction));
    }

    /** Any threshold rule. */
    public ZScore threshold(ThresholdRule thresholdRule) {
        return new ZScore(ddof, thresholdRule);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ZScoreModel fit(double[][] x, List<String> features) {
        int d = Inputs.width(x);
        if (features.size() != d) {
            throw new IllegalArgumentException(features.size() + " feature names for " + d + " columns");
        }
        int n = x.length;
        if (n - ddof < 1) {
            throw new IllegalArgumentException("z-score needs more than " + ddof + " rows, got " + n);
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] row : x) {
                s += row[j];
            }
            double m = s / n;
            double ss = 0;
            for (double[] row : x) {
                double dev = row[j] - m;
                ss += dev * dev;
            }
            mean[j] = m;
            std[j] = Math.sqrt(ss / (n - ddof));
            if (!(std[j] > 0)) {
                throw new IllegalArgumentException("Column \"" + features.get(j) + "\" is constant (standard deviation 0),"
                        + " so its z-score is undefined; leave it out of the features");
            }
        }
        return new ZScoreModel(features, params(), rule, mean, std, x);
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ddof", ddof);
        return p;
    }

    static Model read(ModelFile f) {
        int d = f.features().size();
        return new ZScoreModel(f.features(), Map.of("ddof", (int) f.parameter("ddof")), f.rule(),
                f.numbers("mean", d), f.numbers("std", d), f.trainingScores(), f.threshold());
    }

    @Override
    public String toString() {
        return "ZScore[ddof=" + ddof + ", threshold=" + rule + "]";
    }

    /** A fitted z-score model: per-feature means and standard deviations. */
    public static final class ZScoreModel extends AbstractModel {
        private final double[] mean;
        private final double[] std;

        ZScoreModel(List<String> features, Map<String, Object> params, ThresholdRule rule, double[] mean,
                    double[] std, double[][] training) {
            super(NAME, features, params, rule);
            this.mean = mean;
            this.std = std;
            initThreshold(scores(training), NATURAL_THRESHOLD);
        }

        ZScoreModel(List<String> features, Map<String, Object> params, ThresholdRule rule, double[] mean,
                    double[] std, double[] trainingScores, double threshold) {
            super(NAME, features, params, rule);
            for (double s : std) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("Invalid z-score model: a standard deviation is not positive");
                }
            }
            this.mean = mean.clone();
            this.std = std.clone();
            restoreThreshold(trainingScores, threshold);
        }

        @Override
        protected double[] scores(double[][] x) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] row = x[i];
                double max = 0;
                for (int j = 0; j < row.length; j++) {
                    max = Math.max(max, Math.abs(row[j] - mean[j]) / std[j]);
                }
                out[i] = max;
            }
            return out;
        }

        /** Per-feature |z| of one row: the contribution of each feature (the score is their maximum). */
        public double[] explain(double[] row) {
            double[][] one = {row};
            Inputs.width(one);
            if (row.length != mean.length) {
                throw new IllegalArgumentException("row has " + row.length + " values, the model " + mean.length);
            }
            double[] z = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                z[j] = Math.abs(row[j] - mean[j]) / std[j];
            }
            return z;
        }

        /** Fitted means, per feature. */
        public double[] mean() {
            return mean.clone();
        }

        /** Fitted standard deviations, per feature. */
        public double[] std() {
            return std.clone();
        }

        @Override
        public ObjectNode state() {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            var m = s.putArray("mean");
            for (double v : mean) {
                m.add(v);
            }
            var sd = s.putArray("std");
            for (double v : std) {
                sd.add(v);
            }
            return s;
        }
    }
}
