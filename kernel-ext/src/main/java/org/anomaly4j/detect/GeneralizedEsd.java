package org.anomaly4j.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anomaly4j.stats.StudentT;
import tech.tablesaw.api.Table;

/**
 * Rosner's generalized extreme studentized deviate (ESD) test: up to r outliers in approximately normal
 * univariate data, without masking.
 * <p>For i = 1..r: {@code R_i = max |x − mean| / s} over the values still present (s with ddof 1), then the
 * value attaining it is removed. The critical values are
 * <pre>
 *   λ_i = (n − i) · t_{p, n−i−1} / √( (n − i − 1 + t²_{p, n−i−1}) · (n − i + 1) ),   p = 1 − α / (2(n − i + 1))
 * </pre>
 * ({@code t_{p,ν}}: the p quantile of Student's t, computed by {@link StudentT}; λ_i is Grubbs' critical value
 * for the n − i + 1 values present). The number of outliers is the <em>largest</em> i with {@code R_i > λ_i}
 * (not the first i with R_i ≤ λ_i, which is what makes the procedure robust to masking), and the outliers are
 * the values removed in steps 1..i.
 * <p>As a detector, each feature is tested on its own with the same r; the model keeps mean and standard
 * deviation of the values that are not outliers and {@code λ_{k+1}} (Grubbs' critical value for them), and
 * scores a row by its largest G-ratio (see {@link ExtremeDeviatesModel}); natural threshold 1.
 * <p>Parameters: {@code alpha} (default 0.05), {@code maxFraction} (default 0.1: r = max(1, ⌊0.1·n⌋)) or
 * {@code maxOutliers} (an absolute r, which takes precedence), threshold rule. Equivalents: R's
 * {@code EnvStats::rosnerTest(x, k, alpha)}, {@code scikit_posthocs.outliers_gesd(x, outliers=r)}. Fit
 * O(d · (n log n + r)) (see {@link ExtremeDeviates}; the textbook loop is O(d · n · r)), columns in parallel;
 * score O(d) per row.
 * <p>Reference: B. Rosner (1983), "Percentage points for a generalized ESD many-outlier procedure",
 * Technometrics 25(2), 165–172; NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.5.17.3 (whose example —
 * Rosner's 54 values, up to 10 outliers, 3 found — is a unit test).
 */
public final class GeneralizedEsd implements Detector {

    public static final String NAME = "esd";
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_MAX_FRACTION = 0.1;

    private final double alpha;
    private final double maxFraction;
    private final int maxOutliers;
    private final ThresholdRule rule;

    private GeneralizedEsd(double alpha, double maxFraction, int maxOutliers, ThresholdRule rule) {
        ExtremeDeviates.checkAlpha(alpha);
        if (!(maxFraction > 0 && maxFraction <= 0.5)) {
            throw new IllegalArgumentException("maxFraction must be in (0, 0.5], got " + maxFraction);
        }
        if (maxOutliers < 0) {
            throw new IllegalArgumentException("maxOutliers must be >= 1 (or 0: from maxFraction), got " + maxOutliers);
        }
        if (rule == null) {
            throw new IllegalArgumentException("threshold rule must not be null");
        }
        this.alpha = alpha;
        this.maxFraction = maxFraction;
        this.maxOutliers = maxOutliers;
        this.rule = rule;
    }

    /** Defaults: alpha 0.05, up to 10 % of the rows, natural threshold (G-ratio &gt; 1). */
    public static GeneralizedEsd with() {
        return new GeneralizedEsd(DEFAULT_ALPHA, DEFAULT_MAX_FRACTION, 0, ThresholdRule.natural());
    }

    /** Significance level, in (0, 1). */
    public GeneralizedEsd alpha(double alpha) {
        return new GeneralizedEsd(alpha, maxFraction, maxOutliers, rule);
    }

    /** Upper bound on the outliers as a fraction of the rows, in (0, 0.5]: r = max(1, ⌊fraction·n⌋). */
    public GeneralizedEsd maxFraction(double fraction) {
        return new GeneralizedEsd(alpha, fraction, 0, rule);
    }

    /** Upper bound r on the outliers per feature, ≥ 1 (at most n − 3 at fit time); overrides maxFraction. */
    public GeneralizedEsd maxOutliers(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("maxOutliers must be >= 1, got " + r);
        }
        return new GeneralizedEsd(alpha, maxFraction, r, rule);
    }

    /** Threshold from the expected fraction of anomalies. */
    public GeneralizedEsd contamination(double fraction) {
        return new GeneralizedEsd(alpha, maxFraction, maxOutliers, ThresholdRule.contamination(fraction));
    }

    /** Any threshold rule. */
    public GeneralizedEsd threshold(ThresholdRule thresholdRule) {
        return new GeneralizedEsd(alpha, maxFraction, maxOutliers, thresholdRule);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The bound r used for n rows. */
    int bound(int n) {
        return maxOutliers > 0 ? maxOutliers : Math.max(1, (int) Math.floor(maxFraction * n));
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
        int n = x == null ? 0 : x.length;
        int r = bound(n);
        if (n > 0 && r > n - 3) {
            throw new IllegalArgumentException("maxOutliers must be <= n - 3 = " + (n - 3) + " for " + n
                    + " rows (the values that are not outliers need a spread and a critical value), got " + r);
        }
        return ExtremeDeviatesModel.fit(NAME, x, features, params(), rule, alpha,
                c -> ExtremeDeviates.run(c, r, alpha, false));
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        p.put("maxFraction", maxFraction);
        p.put("maxOutliers", maxOutliers);
        return p;
    }

    static Model read(ModelFile f) {
        GeneralizedEsd options;
        try {
            double r = f.parameter("maxOutliers");
            if (r != Math.rint(r) || r < 0 || r > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxOutliers must be an integer >= 0, got " + r);
            }
            options = new GeneralizedEsd(f.parameter("alpha"), f.parameter("maxFraction"), (int) r,
                    ThresholdRule.natural());
        } catch (IllegalArgumentException e) {
            throw f.bad("parameters: " + e.getMessage());
        }
        return ExtremeDeviatesModel.read(f, options.params());
    }

    /**
     * The generalized ESD test on one sample (left unchanged): R_i, λ_i and the removed value of each step
     * i = 1..maxOutliers, and the outliers (the first k removed values, k the largest i with R_i &gt; λ_i).
     * Steps stop early if the remaining values are all equal.
     *
     * @throws IllegalArgumentException fewer than 3 values, a non-finite value, alpha outside (0, 1),
     *                                  maxOutliers outside [1, n − 2]
     */
    public static ExtremeDeviates test(double[] x, int maxOutliers, double alpha) {
        ExtremeDeviates.checkSample(x, alpha, "the generalized ESD test");
        if (maxOutliers < 1 || maxOutliers > x.length - 2) {
            throw new IllegalArgumentException("maxOutliers must be in [1, n - 2] = [1, " + (x.length - 2)
                    + "] for " + x.length + " values, got " + maxOutliers);
        }
        return ExtremeDeviates.run(x, maxOutliers, alpha, false);
    }

    @Override
    public String toString() {
        return "GeneralizedEsd[alpha=" + alpha + ", " + (maxOutliers > 0 ? "maxOutliers=" + maxOutliers
                : "maxFraction=" + maxFraction) + ", threshold=" + rule + "]";
    }
}
