package org.anomaly4j.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anomaly4j.stats.StudentT;
import tech.tablesaw.api.Table;

/**
 * Grubbs' test, two-sided and iterated: one outlier at a time in approximately normal univariate data.
 * <p>Each step computes {@code G = max_i |x_i − mean| / s} over the values still present (s: sample standard
 * deviation, ddof 1) and compares it with
 * <pre>
 *   G_crit(n, α) = ((n − 1) / √n) · √( t² / (n − 2 + t²) ),   t = t_{α/(2n), n−2}
 * </pre>
 * where {@code t_{p, ν}} is the upper p critical value of Student's t with ν degrees of freedom
 * ({@code scipy.stats.t.isf(α/(2n), n-2)}; computed by {@link StudentT}). While {@code G > G_crit} the most
 * extreme value is removed and the test repeated on the remaining {@code n − 1} values; the first step with
 * {@code G ≤ G_crit} ends it. (Iterating Grubbs' test inflates its overall level and suffers from masking; the
 * {@link GeneralizedEsd generalized ESD} fixes both — use it when several outliers are expected.)
 * <p>As a detector, each feature is tested on its own; the model keeps the mean and standard deviation of the
 * values the test kept and the last step's critical value, and scores a row by its largest G-ratio
 * {@code |x_j − mean_j| / (s_j · G_crit_j)} (see {@link ExtremeDeviatesModel}); natural threshold 1, so a row
 * is flagged when any feature is.
 * <p>Parameters: {@code alpha} (default 0.05), threshold rule. No scikit-learn/PyOD class; the R package
 * {@code outliers::grubbs.test(type = 10)} and {@code scikit_posthocs.outliers_grubbs} run one step. Fit
 * O(d · (n log n + r)) for r outliers found (see {@link ExtremeDeviates}: each step compares the two ends of the
 * sorted sample, with exact double-double range sums), columns in parallel; score O(d) per row.
 * <p>References: F. E. Grubbs (1950), "Sample criteria for testing outlying observations", Annals of
 * Mathematical Statistics 21(1), 27–58; F. E. Grubbs (1969), "Procedures for detecting outlying observations
 * in samples", Technometrics 11(1), 1–21; NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.5.17.1.
 */
public final class Grubbs implements Detector {

    public static final String NAME = "grubbs";
    public static final double DEFAULT_ALPHA = 0.05;

    private final double alpha;
    private final ThresholdRule rule;

    private Grubbs(double alpha, ThresholdRule rule) {
        ExtremeDeviates.checkAlpha(alpha);
        if (rule == null) {
            throw new IllegalArgumentException("threshold rule must not be null");
        }
        this.alpha = alpha;
        this.rule = rule;
    }

    /** Defaults: alpha 0.05, natural threshold (G-ratio &gt; 1). */
    public static Grubbs with() {
        return new Grubbs(DEFAULT_ALPHA, ThresholdRule.natural());
    }

    /** Significance level of each step, in (0, 1). */
    public Grubbs alpha(double alpha) {
        return new Grubbs(alpha, rule);
    }

    /** Threshold from the expected fraction of anomalies. */
    public Grubbs contamination(double fraction) {
        return new Grubbs(alpha, ThresholdRule.contamination(fraction));
    }

    /** Any threshold rule. */
    public Grubbs threshold(ThresholdRule thresholdRule) {
        return new Grubbs(alpha, thresholdRule);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Fits on row-major data; features are named {@code x0, x1, ...}. */
    @Override
    public ExtremeDeviatesModel fit(double[][] x) {
        return (ExtremeDeviatesModel) Detector.super.fit(x);
    }

    /** Fits on the named numeric columns of a table. */
    @Override
    public ExtremeDeviatesModel fit(Table table, String... columns) {
        return (ExtremeDeviatesModel) Detector.super.fit(table, columns);
    }

    @Override
    public ExtremeDeviatesModel fit(double[][] x, List<String> features) {
        return ExtremeDeviatesModel.fit(NAME, x, features, params(alpha), rule, alpha, c -> iterate(c, alpha));
    }

    private static Map<String, Object> params(double alpha) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        return p;
    }

    static Model read(ModelFile f) {
        double alpha = f.parameter("alpha");
        try {
            ExtremeDeviates.checkAlpha(alpha);
        } catch (IllegalArgumentException e) {
            throw f.bad("parameters: " + e.getMessage());
        }
        return ExtremeDeviatesModel.read(f, params(alpha));
    }

    /**
     * The iterated two-sided Grubbs test on one sample (left unchanged): every step's most extreme value, G and
     * G_crit, and the outliers found (the values removed before the first step with G ≤ G_crit). Stops also
     * when fewer than 3 values remain or the remaining values are all equal.
     *
     * @throws IllegalArgumentException fewer than 3 values, a non-finite value, alpha outside (0, 1)
     */
    public static ExtremeDeviates test(double[] x, double alpha) {
        ExtremeDeviates.checkSample(x, alpha, "Grubbs' test");
        return iterate(x, alpha);
    }

    private static ExtremeDeviates iterate(double[] x, double alpha) {
        return ExtremeDeviates.run(x, x.length, alpha, true);
    }

    /**
     * Grubbs' two-sided critical value for a sample of n at level alpha:
     * {@code ((n − 1)/√n)·√(t²/(n − 2 + t²))} with {@code t = t_{α/(2n), n−2}}.
     */
    public static double criticalValue(int n, double alpha) {
        if (n < 3) {
            throw new IllegalArgumentException("n must be >= 3, got " + n);
        }
        ExtremeDeviates.checkAlpha(alpha);
        double t = StudentT.upperQuantile(alpha / (2.0 * n), n - 2);
        double t2 = t * t;
        return (n - 1) / Math.sqrt(n) * Math.sqrt(t2 / (n - 2 + t2));
    }

    @Override
    public String toString() {
        return "Grubbs[alpha=" + alpha + ", threshold=" + rule + "]";
    }
}
