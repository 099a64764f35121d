package org.anomaly4j.detect;



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
public final class GeneralizedEsd extends AbstractDetector<GeneralizedEsd, ExtremeDeviatesModel> {

    public static final String NAME = "esd";
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_MAX_FRACTION = 0.1;

    public static final Param<Double> ALPHA = Param.number("alpha", DEFAULT_ALPHA, 0, true, 1, true,
            "significance level");
    public static final Param<Double> MAX_FRACTION = Param.number("maxFraction", DEFAULT_MAX_FRACTION, 0, true, 0.5,
            false, "largest fraction of outliers tested: r = max(1, floor(maxFraction n))");
    public static final Param<Integer> MAX_OUTLIERS = Param.integer("maxOutliers", 0, 0, Integer.MAX_VALUE,
            "largest number of outliers tested per feature; 0 = from maxFraction");

    public static final DetectorType<GeneralizedEsd, ExtremeDeviatesModel> TYPE = DetectorType.of(NAME,
            "Rosner's generalized ESD test per column; score = largest G-ratio, natural threshold 1",
            GeneralizedEsd::new, ExtremeDeviatesModel.class, ExtremeDeviatesModel.CODEC, ALPHA, MAX_FRACTION,
            MAX_OUTLIERS);

    private GeneralizedEsd(Options options) {
        super(TYPE, options);
    }

    /** Defaults: alpha 0.05, up to 10 % of the rows, natural threshold (G-ratio &gt; 1). */
    public static GeneralizedEsd with() {
        return TYPE.defaults();
    }

    /** Significance level, in (0, 1). */
    public GeneralizedEsd alpha(double alpha) {
        return set(ALPHA, alpha);
    }

    /** Upper bound on the outliers as a fraction of the rows, in (0, 0.5]: r = max(1, ⌊fraction·n⌋). */
    public GeneralizedEsd maxFraction(double fraction) {
        return set(MAX_FRACTION, fraction).set(MAX_OUTLIERS, 0);
    }

    /** Upper bound r on the outliers per feature, ≥ 1 (at most n − 3 at fit time); overrides maxFraction. */
    public GeneralizedEsd maxOutliers(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("maxOutliers must be >= 1, got " + r);
        }
        return set(MAX_OUTLIERS, r);
    }

    /** r for n rows. */
    int bound(int n) {
        int maxOutliers = get(MAX_OUTLIERS);
        return maxOutliers > 0 ? maxOutliers : Math.max(1, (int) Math.floor(get(MAX_FRACTION) * n));
    }

    @Override
    protected ExtremeDeviatesModel fitChecked(double[][] x, ModelInfo info) {
        int n = x.length;
        if (n < 3) {
            throw new IllegalArgumentException(NAME + " needs at least 3 rows, got " + n);
        }
        int r = bound(n);
        if (r > n - 3) {
            throw new IllegalArgumentException("maxOutliers must be <= n - 3 = " + (n - 3) + " for " + n
                    + " rows (the values that are not outliers need a spread and a critical value), got " + r);
        }
        double alpha = get(ALPHA);
        return ExtremeDeviatesModel.fit(x, info, alpha, c -> ExtremeDeviates.run(c, r, alpha, false));
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
}
