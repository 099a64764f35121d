package org.anomaly4j.timeseries;

import java.util.Arrays;
import java.util.Objects;

import tech.tablesaw.api.Table;

/**
 * Exponential smoothing with additive errors (ETS(A,N|A|Ad,N|A), Holt–Winters additive): one-step-ahead
 * forecasts with prediction bands; a point outside its band is anomalous.
 * <p><b>Method</b> (Hyndman et al. 2008; statsmodels' {@code ETSModel}). Level l, trend b (damped by φ) and
 * season s of period m evolve as
 * <pre>
 *   ŷ_t = l_{t−1} + φ·b_{t−1} + s_{t−m}                        (one-step forecast; e_t = y_t − ŷ_t)
 *   l_t = α·(y_t − s_{t−m}) + (1 − α)·(l_{t−1} + φ·b_{t−1})
 *   b_t = (β/α)·(l_t − l_{t−1}) + (1 − β/α)·φ·b_{t−1}
 *   s_t = (γ/(1 − α))·(y_t − l_t) + (1 − γ/(1 − α))·s_{t−m}
 * </pre>
 * (no trend: b ≡ 0; no season: s ≡ 0; undamped: φ = 1). σ² = Σ e_t² / n (statsmodels' {@code mse}); the band
 * at t is ŷ_t ± k·σ, the score |e_t|/σ, the flag score &gt; k. Forecasts h steps past the end continue the
 * recursion with e = 0; their variance is σ² times the exact relative variance of Hyndman et al. (2008),
 * Table 6.1 (statsmodels' {@code _relative_forecast_variance}).
 * <p><b>Initial states</b>: statsmodels' {@code initialization_method="heuristic"} (the default here):
 * with a season, a centred moving average of length m (2×m for even m) over the first max(min(5, n/m),
 * ⌈(10 + 2⌊m/2⌋)/m⌉) cycles gives the trend, the mean detrended value per phase (centred to sum 0) the initial
 * season; then an ordinary least-squares line through the first 10 trend values (or data values without a
 * season) at x = 1..10 gives the initial level (intercept) and trend (slope). Or given ({@link #initial},
 * statsmodels' {@code "known"}).
 * <p><b>Parameters</b> (statsmodels names): {@code alpha} ({@code smoothing_level}) in (0, 1), {@code beta}
 * ({@code smoothing_trend}) in [0, α], {@code gamma} ({@code smoothing_seasonal}) in [0, 1 − α], {@code phi}
 * ({@code damping_trend}) in (0, 1]; {@code trend} false, {@code period} 0 (no season); {@code k} = 3. Give
 * them, or estimate them by maximum likelihood with {@link #estimate} (statsmodels' {@code fit()}).
 * <p><b>Exactness.</b> Equal to statsmodels' {@code ETSModel(error="add", ...).smooth(params)} fitted values,
 * residuals, mse and {@code get_prediction(...).summary_frame()} bands within 1e-9 (measured 2.3e-13, see
 * {@code EtsTest}); {@link #estimate} reaches statsmodels' maximum likelihood (parameters within 3e-5).
 * <p><b>Complexity.</b> O(n + m) time and memory.
 * <p><b>References.</b> R. J. Hyndman, A. B. Koehler, J. K. Ord, R. D. Snyder (2008), "Forecasting with
 * Exponential Smoothing: The State Space Approach", Springer, ch. 2 and 6; P. R. Winters (1960), "Forecasting
 * sales by exponentially weighted moving averages", Management Science 6(3), 324–342.
 *
 * @param alpha   level smoothing
 * @param beta    trend smoothing (used with {@code trend})
 * @param gamma   seasonal smoothing (used with a period)
 * @param phi     trend damping, 1 = undamped
 * @param trend   whether there is a trend
 * @param period  season length m, 0 = no season
 * @param k       band half-width in σ
 * @param initial known initial states {level, trend, s_0 .. s_{m−1}} (s_j: the seasonal value used in the
 *                forecast of time j), or null for the heuristic
 */
public record Ets(double alpha, double beta, double gamma, double phi, boolean trend, int period, double k,
                  double[] initial) {

    /** Lower and upper bounds of statsmodels' fit: smoothing parameters in [1e-4, 1 − 1e-4], φ in [0.8, 0.98]. */
    private static final double LOW = 1e-4;
    private static final double PHI_LOW = 0.8;
    private static final double PHI_HIGH = 0.98;

    public Ets {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(beta >= 0 && beta <= alpha)) {
            throw new IllegalArgumentException("beta must be in [0, alpha] = [0, " + alpha + "], got " + beta);
        }
        if (!(gamma >= 0 && gamma <= 1 - alpha)) {
            throw new IllegalArgumentException("gamma must be in [0, 1 − alpha] = [0, " + (1 - alpha) + "], got "
                    + gamma);
        }
        if (!(phi > 0 && phi <= 1)) {
            throw new IllegalArgumentException("phi must be in (0, 1], got " + phi);
        }
        if (period != 0 && period < 2) {
            throw new IllegalArgumentException("period must be >= 2 (or 0: no season), got " + period);
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be finite and > 0, got " + k);
        }
        if (initial != null) {
            if (initial.length != 2 + period) {
                throw new IllegalArgumentException("initial states need level, trend and " + period
                        + " seasonal values, got " + initial.length + " values");
            }
            for (double v : initial) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("initial states must be finite, got " + v);
                }
            }
            initial = initial.clone();
        }
    }

    /** Simple exponential smoothing, α = 0.5, heuristic initial level, bands of ±3σ. */
    public static Ets with() {
        return new Ets(0.5, 0, 0, 1, false, 0, 3, null);
    }

    @Override
    public double[] initial() {
        return initial == null ? null : initial.clone();
    }

    /** Level smoothing α in (0, 1) (statsmodels {@code smoothing_level}). */
    public Ets alpha(double a) {
        return new Ets(a, beta, gamma, phi, trend, period, k, initial);
    }

    /** An additive trend with smoothing β in [0, α] (statsmodels {@code trend="add"}, {@code smoothing_trend}). */
    public Ets trend(double b) {
        return new Ets(alpha, b, gamma, phi, true, period, k, initial);
    }

    /** Damping φ in (0, 1] of the trend (statsmodels {@code damped_trend=True}, {@code damping_trend}). */
    public Ets damped(double p) {
        return new Ets(alpha, beta, gamma, p, trend, period, k, initial);
    }

    /** An additive season of {@code m} samples with smoothing γ in [0, 1 − α] (statsmodels {@code seasonal="add"}). */
    public Ets season(int m, double g) {
        if (m < 2) {
            throw new IllegalArgumentException("season length must be >= 2, got " + m);
        }
        return new Ets(alpha, beta, g, phi, trend, m, k, initial);
    }

    /** Band half-width in σ, &gt; 0. */
    public Ets k(double width) {
        return new Ets(alpha, beta, gamma, phi, trend, period, width, initial);
    }

    /**
     * Known initial states (statsmodels {@code initialization_method="known"}): level, trend (ignored without a
     * trend) and the m seasonal values used at times 0 .. m − 1.
     */
    public Ets initial(double level, double slope, double... seasonal) {
        double[] s = new double[2 + seasonal.length];
        s[0] = level;
        s[1] = slope;
        System.arraycopy(seasonal, 0, s, 2, seasonal.length);
        return new Ets(alpha, beta, gamma, phi, trend, period, k, s);
    }

    /**
     * The maximum-likelihood smoothing parameters for {@code y} (statsmodels' {@code ETSModel.fit()} with
     * {@code initialization_method="heuristic"}; known initial states are kept if given): the parameters present
     * in this model (α; β with a trend; γ with a season; φ if damped, i.e. φ &lt; 1) are estimated, the others
     * kept. With additive errors the likelihood −n/2·(ln(2π·SSE/n) + 1) is maximal where the sum of squared
     * one-step errors is minimal; it is minimised over statsmodels' box α, β/α, γ/(1 − α) in [1e-4, 1 − 1e-4],
     * φ in [0.8, 0.98] by Nelder–Mead ({@link NelderMead}) in logistic coordinates, from this model's values
     * and from the box centre, keeping the better. statsmodels uses L-BFGS-B, so the two optima agree to the
     * optimisers' tolerances, not to the last digit (see {@code EtsTest}: our likelihood is never below
     * statsmodels').
     */
    public Ets estimate(double[] y) {
        fit(y); // validates and fixes the initial states
        double[] init = initial != null ? initial.clone() : heuristic(y);
        boolean damped = trend && phi < 1;
        int dims = 1 + (trend ? 1 : 0) + (period > 0 ? 1 : 0) + (damped ? 1 : 0);
        java.util.function.ToDoubleFunction<double[]> sse = u -> fromBox(u, trend, period > 0, damped)
                .withInitial(init).sse(y);
        double[] fromHere = toBox(damped);
        double[] best = NelderMead.minimize(sse, fromHere, 1e-12, 4000);
        double[] centre = NelderMead.minimize(sse, new double[dims], 1e-12, 4000);
        if (sse.applyAsDouble(centre) < sse.applyAsDouble(best)) {
            best = centre;
        }
        Ets fitted = fromBox(best, trend, period > 0, damped);
        return new Ets(fitted.alpha, fitted.beta, fitted.gamma, fitted.phi, trend, period, k, initial);
    }

    private static double squash(double u, double lo, double hi) {
        return lo + (hi - lo) / (1 + Math.exp(-u));
    }

    private static double unsquash(double p, double lo, double hi) {
        double f = Math.min(1 - 1e-9, Math.max(1e-9, (p - lo) / (hi - lo)));
        return Math.log(f / (1 - f));
    }

    /** The model at box coordinates u = logits of (α, β/α, γ/(1 − α), φ), as present. */
    private Ets fromBox(double[] u, boolean withTrend, boolean withSeason, boolean damped) {
        int i = 0;
        double a = squash(u[i++], LOW, 1 - LOW);
        double b = withTrend ? a * squash(u[i++], LOW, 1 - LOW) : 0;
        double g = withSeason ? (1 - a) * squash(u[i++], LOW, 1 - LOW) : 0;
        double p = damped ? squash(u[i], PHI_LOW, PHI_HIGH) : 1;
        return new Ets(a, b, g, p, trend, period, k, initial);
    }

    private double[] toBox(boolean damped) {
        double[] u = new double[1 + (trend ? 1 : 0) + (period > 0 ? 1 : 0) + (damped ? 1 : 0)];
        int i = 0;
        u[i++] = unsquash(alpha, LOW, 1 - LOW);
        if (trend) {
            u[i++] = unsquash(beta / alpha, LOW, 1 - LOW);
        }
        if (period > 0) {
            u[i++] = unsquash(gamma / (1 - alpha), LOW, 1 - LOW);
        }
        if (damped) {
            u[i] = unsquash(phi, PHI_LOW, PHI_HIGH);
        }
        return u;
    }

    private Ets withInitial(double[] states) {
        return new Ets(alpha, beta, gamma, phi, trend, period, k, states);
    }

    /** Sum of squared one-step errors on {@code y} (inputs already checked). */
    private double sse(double[] y) {
        return fit(y).mse() * y.length;
    }

    /** Smooths {@code y} (left unchanged). */
    public EtsResult fit(double[] y) {
        return fit(y, "series");
    }

    /** Smooths a numeric column of a table, in row order. */
    public EtsResult fit(Table table, String column) {
        return fit(SeriesInput.values(table, column), SeriesInput.columnName(column));
    }

    private EtsResult fit(double[] y, String what) {
        int m = Math.max(period, 1);
        int min = period == 0 ? 10 : Math.max(2 * period, 10 + 2 * (period / 2));
        SeriesInput.checkFinite(y, what, initial != null ? 2 : min, initial != null ? "a residual spread"
                : "statsmodels' heuristic initial states");
        double[] init = initial != null ? initial.clone() : heuristic(y);
        if (!trend) {
            init[1] = 0;
        }
        int n = y.length;
        double betaStar = trend ? beta / alpha : 0;
        double gammaStar = period > 0 ? gamma / (1 - alpha) : 0;
        double damping = trend ? phi : 1;
        // s[j] holds the season of time t − m + j; the oldest (t − m) at index 0 of a ring starting at head.
        double[] season = new double[m];
        if (period > 0) {
            System.arraycopy(init, 2, season, 0, m);
        }
        double level = init[0];
        double slope = init[1];
        double[] fitted = new double[n];
        double[] resid = new double[n];
        double sse = 0;
        int head = 0;
        for (int t = 0; t < n; t++) {
            double old = season[head];
            fitted[t] = level + damping * slope + old;
            resid[t] = y[t] - fitted[t];
            double newLevel = alpha * (y[t] - old) + (1 - alpha) * (level + damping * slope);
            slope = betaStar * (newLevel - level) + (1 - betaStar) * damping * slope;
            season[head] = gammaStar * (y[t] - newLevel) + (1 - gammaStar) * old;
            head = head + 1 == m ? 0 : head + 1;
            level = newLevel;
            sse += resid[t] * resid[t];
        }
        double[] lastSeason = new double[m];
        for (int j = 0; j < m; j++) {
            lastSeason[j] = season[(head + j) % m];
        }
        return new EtsResult(this, y, fitted, resid, sse / n, init, level, slope, lastSeason);
    }

    /** statsmodels' {@code _initialization_heuristic} for additive trend and season: {level, trend, s_0..s_{m−1}}. */
    double[] heuristic(double[] y) {
        double[] out = new double[2 + period];
        double[] base = y;
        if (period > 0) {
            int m = period;
            int minObs = 10 + 2 * (m / 2);
            int cycles = Math.max(Math.min(5, y.length / m), (int) Math.ceil((double) minObs / m));
            int len = Math.min(y.length, m * cycles);
            double[] ma = centredMovingAverage(y, len, m);
            double[] sum = new double[m];
            int[] count = new int[m];
            int valid = 0;
            for (int i = 0; i < len; i++) {
                if (!Double.isNaN(ma[i])) {
                    sum[i % m] += y[i] - ma[i];
                    count[i % m]++;
                    valid++;
                }
            }
            double mean = 0;
            for (int j = 0; j < m; j++) {
                out[2 + j] = sum[j] / count[j];
                mean += out[2 + j];
            }
            mean /= m;
            for (int j = 0; j < m; j++) {
                out[2 + j] -= mean;
            }
            base = new double[valid];
            int b = 0;
            for (int i = 0; i < len; i++) {
                if (!Double.isNaN(ma[i])) {
                    base[b++] = ma[i];
                }
            }
        }
        // Least-squares line through (1, base[0]) .. (10, base[9]).
        double xbar = 5.5;
        double ybar = 0;
        for (int i = 0; i < 10; i++) {
            ybar += base[i];
        }
        ybar /= 10;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < 10; i++) {
            double dx = i + 1 - xbar;
            sxy += dx * (base[i] - ybar);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        out[0] = ybar - slope * xbar;
        out[1] = slope;
        return out;
    }

    /**
     * pandas' {@code rolling(m, center=True).mean()} over y[0 .. len−1] (NaN where the window is incomplete),
     * followed for even m by the mean of neighbours {@code shift(−1).rolling(2).mean()} (the 2×m average).
     */
    private static double[] centredMovingAverage(double[] y, int len, int m) {
        double[] ma = new double[len];
        for (int i = 0; i < len; i++) {
            int from = i - m / 2;
            int to = i + (m - 1) / 2;
            if (from < 0 || to >= len) {
                ma[i] = Double.NaN;
                continue;
            }
            double s = 0;
            for (int j = from; j <= to; j++) {
                s += y[j];
            }
            ma[i] = s / m;
        }
        if (m % 2 == 1) {
            return ma;
        }
        double[] out = new double[len];
        for (int i = 0; i < len; i++) {
            out[i] = i + 1 < len ? (ma[i] + ma[i + 1]) / 2 : Double.NaN;
        }
        return out;
    }

    @Override
    public String toString() {
        return "Ets[alpha=" + alpha + (trend ? ", beta=" + beta + (phi < 1 ? ", phi=" + phi : "") : "")
                + (period > 0 ? ", period=" + period + ", gamma=" + gamma : "") + ", k=" + k
                + (initial == null ? ", initial=heuristic" : ", initial=known") + "]";
    }

    /** Component-wise, the initial states by content (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ets e && Double.compare(alpha, e.alpha) == 0 && Double.compare(beta, e.beta) == 0
                && Double.compare(gamma, e.gamma) == 0 && Double.compare(phi, e.phi) == 0 && trend == e.trend
                && period == e.period && Double.compare(k, e.k) == 0 && Arrays.equals(initial, e.initial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alpha, beta, gamma, phi, trend, period, k, Arrays.hashCode(initial));
    }

    /**
     * Variance of the h-step forecast error relative to σ² (Hyndman et al. 2008, Table 6.1, class 1 models).
     */
    double relativeVariance(int h) {
        double a = alpha;
        double b = trend ? beta : 0;
        double g = period > 0 ? gamma : 0;
        int m = Math.max(period, 1);
        int kk = period > 0 ? (h - 1) / m : 0;
        double seasonal = period > 0 ? g * kk * (2 * a + g) : 0;
        if (!trend) {
            return 1 + a * a * (h - 1) + seasonal;
        }
        if (phi == 1) {
            return 1 + (h - 1) * (a * a + a * b * h + b * b / 6 * h * (2 * h - 1))
                    + (period > 0 ? g * kk * (2 * a + g + b * m * (kk + 1)) : 0);
        }
        double p = phi;
        double ph = Math.pow(p, h);
        double v = 1 + a * a * (h - 1) + seasonal
                + (b * p * h) / ((1 - p) * (1 - p)) * (2 * a * (1 - p) + b * p)
                - (b * p * (1 - ph)) / ((1 - p) * (1 - p) * (1 - p * p)) * (2 * a * (1 - p * p) + b * p * (1 + 2 * p - ph));
        if (period > 0) {
            double pm = Math.pow(p, m);
            v += (2 * b * g * p) / ((1 - p) * (1 - pm)) * (kk * (1 - pm) - pm * (1 - Math.pow(p, (double) m * kk)));
        }
        return v;
    }
}
