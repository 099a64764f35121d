package org.anomaly4j.timeseries;

import tech.tablesaw.api.Table;

/**
 * EWMA control chart: detects small persistent shifts of the mean, which a Shewhart chart misses, by charting
 * an exponentially weighted moving average against limits that widen to their steady state.
 * <p><b>Method</b> (Roberts 1959). With target mean μ₀ and process standard deviation σ,
 * <pre>
 *   z_0 = μ₀,   z_t = λ·x_t + (1 − λ)·z_{t−1}                         (t = 1..n)
 *   σ_t = σ·√( λ/(2 − λ) · (1 − (1 − λ)^{2t}) )                        (exact variance of z_t)
 *   limits μ₀ ± L·σ_t,   score_t = |z_t − μ₀| / σ_t,   flag: score_t &gt; L
 * </pre>
 * μ₀ and σ are the mean and the sample standard deviation (ddof 1) of a training prefix (the first
 * {@code training} values; all values by default) unless given by {@link #target}.
 * <p><b>pandas equivalent:</b> z = {@code pd.Series([μ₀, *x]).ewm(alpha=λ, adjust=False).mean()[1:]}; equal
 * within 1e-12 relative (pandas divides each step by (1 − λ) + λ).
 * <p><b>Parameters:</b> {@code lambda} = 0.2 and {@code L} = 3 (Montgomery's common choice; λ in (0, 1],
 * λ = 1 is the Shewhart chart), {@code training} = 0 (all values), or {@code target(μ₀, σ)}.
 * <p><b>Complexity.</b> O(n) time; online O(1) per value and O(1) memory.
 * <p><b>Reference.</b> S. W. Roberts (1959), "Control chart tests based on geometric moving averages",
 * Technometrics 1(3), 239–250; D. C. Montgomery (2019), "Introduction to Statistical Quality Control", 8th ed.,
 * §9.2.
 *
 * @param lambda   smoothing weight of the newest value, in (0, 1]
 * @param L        limit width in standard deviations of z_t
 * @param training number of leading values that estimate μ₀ and σ (0 = all), ignored when a target is given
 * @param mu0      target mean (NaN = estimated)
 * @param sigma    process standard deviation (NaN = estimated)
 */
public record EwmaChart(double lambda, double L, int training, double mu0, double sigma) {

    /** Montgomery (2019) §9.2: λ in [0.05, 0.25] works well; 0.2 with L = 3 is the usual choice. */
    public static final double DEFAULT_LAMBDA = 0.2;
    public static final double DEFAULT_L = 3;

    public EwmaChart {
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1], got " + lambda);
        }
        if (!(L > 0) || Double.isInfinite(L)) {
            throw new IllegalArgumentException("L must be finite and > 0, got " + L);
        }
        if (training < 0 || training == 1) {
            throw new IllegalArgumentException("training must be 0 (all values) or >= 2, got " + training);
        }
        if (Double.isNaN(mu0) != Double.isNaN(sigma) || Double.isInfinite(mu0)
                || !(Double.isNaN(sigma) || sigma > 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("target needs a finite mu0 and a finite sigma > 0, got " + mu0
                    + ", " + sigma);
        }
    }

    /** Defaults: λ = 0.2, L = 3, μ₀ and σ from all values. */
    public static EwmaChart with() {
        return new EwmaChart(DEFAULT_LAMBDA, DEFAULT_L, 0, Double.NaN, Double.NaN);
    }

    /** Weight of the newest value, in (0, 1] (pandas {@code alpha}). */
    public EwmaChart lambda(double l) {
        return new EwmaChart(l, L, training, mu0, sigma);
    }

    /** Limit width in standard deviations of the EWMA. */
    public EwmaChart L(double width) {
        return new EwmaChart(lambda, width, training, mu0, sigma);
    }

    /** Estimate μ₀ and σ from the first {@code m} values (≥ 2), a period known to be in control. */
    public EwmaChart training(int m) {
        return new EwmaChart(lambda, L, m, Double.NaN, Double.NaN);
    }

    /** A known target mean and standard deviation instead of estimates. */
    public EwmaChart target(double mean, double sd) {
        return new EwmaChart(lambda, L, 0, mean, sd);
    }

    /** {μ₀, σ} used for {@code x}: the target, or the training prefix's mean and sd (ddof 1). */
    public double[] estimate(double[] x) {
        if (!Double.isNaN(mu0)) {
            return new double[] {mu0, sigma};
        }
        int m = training == 0 ? x.length : training;
        if (m > x.length) {
            throw new IllegalArgumentException("training = " + m + " exceeds the " + x.length + " values");
        }
        double[] ms = new double[2];
        WindowStats.meanAndStd(x, 0, m, x.length, ms);
        if (!(ms[1] > 0)) {
            throw new IllegalArgumentException("the training values are constant (sd 0): no control limits; give "
                    + "target(mean, sd) or a longer training prefix");
        }
        return ms;
    }

    /** The chart of {@code x} (left unchanged). */
    public ControlChart apply(double[] x) {
        return apply(x, "series");
    }

    /** The chart of a numeric column of a table, in row order. */
    public ControlChart apply(Table table, String column) {
        return apply(SeriesInput.values(table, column), SeriesInput.columnName(column));
    }

    private ControlChart apply(double[] x, String what) {
        SeriesInput.checkFinite(x, what, Double.isNaN(mu0) ? Math.max(2, training) : 1,
                "μ₀ and σ are estimated from them");
        double[] target = estimate(x);
        double m0 = target[0];
        double s = target[1];
        int n = x.length;
        double[] z = new double[n];
        double[] centre = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] score = new double[n];
        boolean[] flags = new boolean[n];
        double previous = m0;
        for (int t = 0; t < n; t++) {
            previous = step(previous, x[t]);
            double sd = sdAt(s, t + 1);
            z[t] = previous;
            centre[t] = m0;
            lower[t] = m0 - L * sd;
            upper[t] = m0 + L * sd;
            score[t] = Math.abs(previous - m0) / sd;
            flags[t] = score[t] > L;
        }
        return new ControlChart(z, centre, lower, upper, score, flags);
    }

    private double step(double previous, double value) {
        return lambda * value + (1 - lambda) * previous;
    }

    /** σ_t = σ·√(λ/(2 − λ)·(1 − (1 − λ)^{2t})) for t ≥ 1. */
    private double sdAt(double s, long t) {
        return s * Math.sqrt(lambda / (2 - lambda) * (1 - Math.pow(1 - lambda, 2.0 * t)));
    }

    /**
     * The streaming form with a known target (set by {@link #target} or estimated beforehand with
     * {@link #estimate}): {@code update(x_t)} returns exactly the batch score; O(1) memory.
     */
    public OnlineDetector online() {
        if (Double.isNaN(mu0)) {
            throw new IllegalArgumentException("online EWMA needs a known target: "
                    + "chart.target(mean, sd).online(), e.g. from chart.estimate(trainingValues)");
        }
        return new OnlineDetector() {
            private double z = mu0;
            private long seen;

            @Override
            public Alert update(double value) {
                OnlineDetector.checkValue(value, seen);
                z = step(z, value);
                seen++;
                double score = Math.abs(z - mu0) / sdAt(sigma, seen);
                return new Alert(score, score > L);
            }

            @Override
            public long count() {
                return seen;
            }

            @Override
            public String toString() {
                return "EwmaChart.online[" + EwmaChart.this + ", seen=" + seen + "]";
            }
        };
    }

    @Override
    public String toString() {
        return "EwmaChart[lambda=" + lambda + ", L=" + L + (Double.isNaN(mu0) ? ", training="
                + (training == 0 ? "all" : training) : ", mu0=" + mu0 + ", sigma=" + sigma) + "]";
    }
}
