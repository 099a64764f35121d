package org.anomaly4j.timeseries;

import tech.tablesaw.api.Table;

/**
 * STL: Seasonal-Trend decomposition by Loess. Splits a series into trend + seasonal + remainder; anomalies are
 * the points whose remainder ({@link StlResult#resid()}) is large (see {@link ResidualRule}).
 * <p><b>Method</b> (Cleveland et al. 1990, the NETLIB Fortran as ported by statsmodels). With y the series, T
 * the trend (start 0), S the seasonal part and ρ the robustness weights (start 1), the inner loop repeats
 * {@code innerIter} times:
 * <ol>
 *   <li>detrend: y − T;</li>
 *   <li>cycle-subseries smoothing: each of the {@code period} subseries (all values at one phase) is smoothed
 *   by loess of span {@code seasonal} and degree {@code seasonalDeg}, and extrapolated one cycle before and
 *   after, giving C of length n + 2·period;</li>
 *   <li>low-pass of C: moving averages of lengths period, period, 3, then loess of span {@code lowPass}
 *   ({@code lowPassDeg}), giving L of length n;</li>
 *   <li>S = C (shifted by one period) − L, then T = loess of span {@code trend} ({@code trendDeg}) of y − S.</li>
 * </ol>
 * The outer loop repeats the inner loop {@code outerIter} more times, each after recomputing the weights
 * ρ_i = B(|y_i − T_i − S_i| / h) with h = 6·median|y − T − S| and the bisquare B(u) = (1 − u²)² for u &lt; 1
 * (with statsmodels' cut-offs: ρ = 1 for u ≤ 0.001, ρ = 0 for u &gt; 0.999; all 1 when h = 0). The weights
 * multiply the loess weights of the subseries and trend smoothers. Loess at x uses the span's nearest points
 * with tricube weights (1 − (d/h)³)³, h = the distance to the farthest of them (widened by (span − m)/2 when
 * the span exceeds the m points available), weight 1 below 0.001·h and 0 above 0.999·h; degree 1 adds the
 * local slope unless the points' weighted spread is below 0.001·(m − 1). A jump j &gt; 1 fits every j-th
 * point and interpolates linearly in between (and fits the last point).
 * <p><b>Parameters</b> (names and defaults of statsmodels 0.15 {@code statsmodels.tsa.seasonal.STL}):
 * <ul>
 *   <li>{@code period} (required, ≥ 2; {@code period});</li>
 *   <li>{@code seasonal} = 7, odd ≥ 3 ({@code seasonal}); or {@link #periodic()}: R's
 *   {@code s.window = "periodic"} (span 10·n + 1, degree 0, then each phase's seasonal value replaced by its
 *   mean over the cycles), which statsmodels lacks;</li>
 *   <li>{@code trend} = the odd integer from ⌈1.5·period / (1 − 1.5/seasonal)⌉ (+1 if even), odd ≥ 3 and
 *   &gt; period ({@code trend});</li>
 *   <li>{@code lowPass} = the smallest odd integer &gt; period ({@code low_pass});</li>
 *   <li>{@code seasonalDeg}, {@code trendDeg}, {@code lowPassDeg} = 1, 1, 1, each 0 or 1
 *   ({@code seasonal_deg}, …); {@code seasonalJump}, {@code trendJump}, {@code lowPassJump} = 1, 1, 1
 *   ({@code seasonal_jump}, …);</li>
 *   <li>{@code robust} = false; {@code innerIter} = 2 if robust else 5, {@code outerIter} = 15 if robust
 *   else 0 ({@code STL.fit(inner_iter, outer_iter)}).</li>
 * </ul>
 * <p><b>Exactness.</b> Every loop repeats statsmodels' {@code _stl.pyx} (same sums in the same order, the same
 * median; tricube cubes as products where statsmodels calls pow()), so the components agree with statsmodels
 * within 1e-11 relative on the golden series (see {@code StlGoldenTest}); the one difference is the guard: we
 * need at least two full periods and finite values (statsmodels runs on shorter series and propagates NaN).
 * <p><b>Complexity.</b> O((innerIter)·(outerIter + 1)·n·(seasonal/seasonalJump + trend/trendJump +
 * lowPass/lowPassJump)) time, O(n + period) memory.
 * <p><b>Reference.</b> R. B. Cleveland, W. S. Cleveland, J. E. McRae, I. Terpenning (1990), "STL: A
 * Seasonal-Trend Decomposition Procedure Based on Loess", Journal of Official Statistics 6(1), 3–73.
 * <pre>{@code
 * StlResult r = Stl.with().period(24).robust(true).fit(hive, "T17");
 * r.flags(ResidualRule.fixed(5));          // |resid| > 5
 * }</pre>
 *
 * @param period      seasonal period in samples (0 = not set yet)
 * @param seasonal    seasonal smoother span (odd ≥ 3), ignored when {@code periodicSeasonal}
 * @param trend       trend smoother span, 0 = the default from period and seasonal
 * @param lowPass     low-pass smoother span, 0 = the default from period
 * @param innerIter   inner iterations, −1 = the default (2 robust, 5 not)
 * @param outerIter   outer (robustness) iterations, −1 = the default (15 robust, 0 not)
 * @param periodicSeasonal R's {@code s.window = "periodic"}
 */
public record Stl(int period, int seasonal, int trend, int lowPass, int seasonalDeg, int trendDeg, int lowPassDeg,
                  int seasonalJump, int trendJump, int lowPassJump, boolean robust, int innerIter, int outerIter,
                  boolean periodicSeasonal) {

    /** statsmodels' default seasonal span. */
    public static final int DEFAULT_SEASONAL = 7;

    public Stl {
        if (period != 0 && period < 2) {
            throw new IllegalArgumentException("period must be an integer >= 2, got " + period);
        }
        checkSpan("seasonal", seasonal, false, 0);
        checkSpan("trend", trend, true, period);
        checkSpan("lowPass", lowPass, true, period);
        checkDegree("seasonalDeg", seasonalDeg);
        checkDegree("trendDeg", trendDeg);
        checkDegree("lowPassDeg", lowPassDeg);
        checkJump("seasonalJump", seasonalJump);
        checkJump("trendJump", trendJump);
        checkJump("lowPassJump", lowPassJump);
        if (innerIter != -1 && innerIter < 1) {
            throw new IllegalArgumentException("innerIter must be >= 1, got " + innerIter);
        }
        if (outerIter != -1 && outerIter < 0) {
            throw new IllegalArgumentException("outerIter must be >= 0, got " + outerIter);
        }
    }

    /** statsmodels' defaults; set the period before fitting. */
    public static Stl with() {
        return new Stl(0, DEFAULT_SEASONAL, 0, 0, 1, 1, 1, 1, 1, 1, false, -1, -1, false);
    }

    /** Seasonal period in samples, ≥ 2 (24 for hourly data with a daily cycle). */
    public Stl period(int p) {
        return new Stl(p, seasonal, trend, lowPass, seasonalDeg, trendDeg, lowPassDeg, seasonalJump, trendJump,
                lowPassJump, robust, innerIter, outerIter, periodicSeasonal);
    }

    /** Seasonal smoother span, odd ≥ 3 (statsmodels {@code seasonal}); clears {@link #periodic()}. */
    public Stl seasonal(int span) {
        return new Stl(period, span, trend, lowPass, seasonalDeg, trendDeg, lowPassDeg, seasonalJump, trendJump,
                lowPassJump, robust, innerIter, outerIter, false);
    }

    /**
     * R's {@code s.window = "periodic"}: seasonal span 10·n + 1 and degree 0, then the seasonal component is
     * replaced by its mean at each phase, so the seasonal pattern is the same in every cycle.
     */
    public Stl periodic() {
        return new Stl(period, seasonal, trend, lowPass, 0, trendDeg, lowPassDeg, seasonalJump, trendJump,
                lowPassJump, robust, innerIter, outerIter, true);
    }

    /** Trend smoother span, odd ≥ 3 and &gt; period (statsmodels {@code trend}). */
    public Stl trend(int span) {
        return new Stl(period, seasonal, span, lowPass, seasonalDeg, trendDeg, lowPassDeg, seasonalJump, trendJump,
                lowPassJump, robust, innerIter, outerIter, periodicSeasonal);
    }

    /** Low-pass smoother span, odd ≥ 3 and &gt; period (statsmodels {@code low_pass}). */
    public Stl lowPass(int span) {
        return new Stl(period, seasonal, trend, span, seasonalDeg, trendDeg, lowPassDeg, seasonalJump, trendJump,
                lowPassJump, robust, innerIter, outerIter, periodicSeasonal);
    }

    /** Loess degrees (0 = local constant, 1 = local line) of the seasonal, trend and low-pass smoothers. */
    public Stl degrees(int seasonalDegree, int trendDegree, int lowPassDegree) {
        return new Stl(period, seasonal, trend, lowPass, seasonalDegree, trendDegree, lowPassDegree, seasonalJump,
                trendJump, lowPassJump, robust, innerIter, outerIter, periodicSeasonal);
    }

    /** Jumps (fit every j-th point, interpolate linearly) of the seasonal, trend and low-pass smoothers, ≥ 1. */
    public Stl jumps(int seasonalStep, int trendStep, int lowPassStep) {
        return new Stl(period, seasonal, trend, lowPass, seasonalDeg, trendDeg, lowPassDeg, seasonalStep, trendStep,
                lowPassStep, robust, innerIter, outerIter, periodicSeasonal);
    }

    /** Robust fitting: outer iterations with bisquare weights (statsmodels {@code robust}). */
    public Stl robust(boolean on) {
        return new Stl(period, seasonal, trend, lowPass, seasonalDeg, trendDeg, lowPassDeg, seasonalJump, trendJump,
                lowPassJump, on, innerIter, outerIter, periodicSeasonal);
    }

    /** Inner and outer iteration counts (statsmodels {@code fit(inner_iter, outer_iter)}). */
    public Stl iterations(int inner, int outer) {
        if (inner < 1 || outer < 0) {
            throw new IllegalArgumentException("iterations need inner >= 1 and outer >= 0, got " + inner + ", "
                    + outer);
        }
        return new Stl(period, seasonal, trend, lowPass, seasonalDeg, trendDeg, lowPassDeg, seasonalJump, trendJump,
                lowPassJump, robust, inner, outer, periodicSeasonal);
    }

    /** The seasonal span used for {@code n} values (10·n + 1 when periodic). */
    public int seasonalSpan(int n) {
        return periodicSeasonal ? 10 * n + 1 : seasonal;
    }

    /** The trend span used for {@code n} values: the one set, else statsmodels' default. */
    public int trendSpan(int n) {
        if (trend != 0) {
            return trend;
        }
        requirePeriod();
        // statsmodels: ceil(1.5·period / (1 − 1.5/seasonal)), made odd (Cleveland et al. 1990, §3.5).
        int t = (int) Math.ceil(1.5 * period / (1 - 1.5 / seasonalSpan(n)));
        return t % 2 == 0 ? t + 1 : t;
    }

    /** The low-pass span used: the one set, else the smallest odd integer &gt; period. */
    public int lowPassSpan() {
        if (lowPass != 0) {
            return lowPass;
        }
        requirePeriod();
        int l = period + 1;
        return l % 2 == 0 ? l + 1 : l;
    }

    /** Inner iterations used. */
    public int innerIterations() {
        return innerIter >= 0 ? innerIter : robust ? 2 : 5;
    }

    /** Outer iterations used. */
    public int outerIterations() {
        return outerIter >= 0 ? outerIter : robust ? 15 : 0;
    }

    /**
     * Decomposes {@code y} (left unchanged).
     *
     * @throws IllegalArgumentException period not set, fewer than two periods of values, a NaN or infinite
     *                                  value, or a trend span not above the period
     */
    public StlResult fit(double[] y) {
        return fit(y, "series");
    }

    /** Decomposes a numeric column of a table, in row order. */
    public StlResult fit(Table table, String column) {
        return fit(SeriesInput.values(table, column), SeriesInput.columnName(column));
    }

    private StlResult fit(double[] y, String what) {
        requirePeriod();
        SeriesInput.checkFinite(y, what, 2 * period, "STL needs two full periods of " + period);
        int n = y.length;
        int nt = trendSpan(n);
        if (nt <= period) {
            throw new IllegalArgumentException("trend must be > period = " + period + ", got " + nt);
        }
        int ns = seasonalSpan(n);
        StlLoess fit = new StlLoess(y.clone(), period, ns, nt, lowPassSpan(), seasonalDeg, trendDeg, lowPassDeg,
                seasonalJump, trendJump, lowPassJump);
        fit.run(innerIterations(), outerIterations());
        double[] season = fit.season;
        if (periodicSeasonal) {
            season = phaseMeans(season, period);
        }
        double[] observed = y.clone();
        double[] resid = new double[n];
        for (int i = 0; i < n; i++) {
            resid[i] = observed[i] - season[i] - fit.trend[i];
        }
        return new StlResult(observed, fit.trend, season, resid, fit.rw);
    }

    /** Each value replaced by the mean of the values at its phase (R's stl, periodic). */
    private static double[] phaseMeans(double[] s, int period) {
        double[] out = new double[s.length];
        for (int j = 0; j < period; j++) {
            double sum = 0;
            int count = 0;
            for (int i = j; i < s.length; i += period) {
                sum += s[i];
                count++;
            }
            double mean = sum / count;
            for (int i = j; i < s.length; i += period) {
                out[i] = mean;
            }
        }
        return out;
    }

    private void requirePeriod() {
        if (period == 0) {
            throw new IllegalArgumentException("STL needs a period: Stl.with().period(24) for hourly data with a "
                    + "daily cycle");
        }
    }

    private static void checkSpan(String name, int span, boolean zeroIsDefault, int period) {
        if (zeroIsDefault && span == 0) {
            return;
        }
        if (span < 3 || span % 2 == 0) {
            throw new IllegalArgumentException(name + " must be an odd integer >= 3, got " + span);
        }
        if (period > 0 && span <= period) {
            throw new IllegalArgumentException(name + " must be > period = " + period + ", got " + span);
        }
    }

    private static void checkDegree(String name, int degree) {
        if (degree != 0 && degree != 1) {
            throw new IllegalArgumentException(name + " must be 0 or 1, got " + degree);
        }
    }

    private static void checkJump(String name, int jump) {
        if (jump < 1) {
            throw new IllegalArgumentException(name + " must be an integer >= 1, got " + jump);
        }
    }
}
