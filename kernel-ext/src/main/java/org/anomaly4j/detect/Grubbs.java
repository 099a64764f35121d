package org.anomaly4j.detect;

import org.anomaly4j.stats.StudentT;



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
public final class Grubbs extends AbstractDetector<Grubbs, ExtremeDeviatesModel> {

    public static final String NAME = "grubbs";
    public static final double DEFAULT_ALPHA = 0.05;

    /** Significance level of each step. */
    public static final Param<Double> ALPHA = Param.number("alpha", DEFAULT_ALPHA, 0, true, 1, true,
            "significance level of each step");

    public static final DetectorType<Grubbs, ExtremeDeviatesModel> TYPE = DetectorType.of(NAME,
            "iterated two-sided Grubbs test per column; score = largest G-ratio, natural threshold 1", Grubbs::new,
            ExtremeDeviatesModel.class, ExtremeDeviatesModel.CODEC, ALPHA);

    private Grubbs(Options options) {
        super(TYPE, options);
    }

    /** Defaults: alpha 0.05, natural threshold (G-ratio &gt; 1). */
    public static Grubbs with() {
        return TYPE.defaults();
    }

    /** Significance level of each step, in (0, 1). */
    public Grubbs alpha(double alpha) {
        return set(ALPHA, alpha);
    }

    @Override
    protected ExtremeDeviatesModel fitChecked(double[][] x, ModelInfo info) {
        double alpha = get(ALPHA);
        return ExtremeDeviatesModel.fit(x, info, alpha, c -> iterate(c, alpha));
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
}
