package org.anomaly4j.timeseries;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.anomaly4j.progress.Progress;
import tech.tablesaw.api.Table;

/**
 * ARIMA / seasonal ARIMA (Box–Jenkins) one-step-ahead forecasts with prediction intervals; a point outside its
 * interval is anomalous.
 * <p><b>Model</b> (Box, Jenkins, Reinsel &amp; Ljung 2015; statsmodels' {@code tsa.arima.model.ARIMA}):
 * <pre>
 *   φ(L)·Φ(L^s)·Δ^d·Δ_s^D (y_t − μ) = θ(L)·Θ(L^s)·ε_t,   ε_t ~ N(0, σ²)
 *   φ(L) = 1 − φ₁L − … − φ_pL^p     Φ(L^s) = 1 − Φ₁L^s − … − Φ_PL^{Ps}
 *   θ(L) = 1 + θ₁L + … + θ_qL^q     Θ(L^s) = 1 + Θ₁L^s + … + Θ_QL^{Qs}
 * </pre>
 * with Δ = 1 − L and Δ_s = 1 − L^s. The mean μ is statsmodels' {@code trend="c"} (its default without
 * differencing; with differencing there is none, and statsmodels refuses one). The one-step prediction ŷ_t and
 * its variance F_t come from the Kalman filter of the model's state-space form (Harvey 1989; Durbin &amp; Koopman
 * 2012), built as statsmodels' {@code SARIMAX} builds it, differencing inside the state, with the same start:
 * the ARMA states from their stationary distribution, the d + sD differencing states approximately diffuse
 * (variance 10⁶), and those first d + sD points left out of the log-likelihood ({@link ArimaStateSpace} has the
 * matrices). The band at t is ŷ_t ± z·√F_t with z = Φ⁻¹(1 − α/2) (statsmodels'
 * {@code get_prediction().conf_int(alpha)}); the score is |y_t − ŷ_t|/√F_t and the flag score &gt; z. The
 * first d + sD bands are very wide (the diffuse start): nothing is flagged there.
 * <p><b>Missing values</b> (NaN) are skipped as statsmodels skips them: no update at that step, the prediction
 * and band are still given, the point is never flagged.
 * <p><b>Parameters</b> in statsmodels' order {@code [const], ar.L1..p, ma.L1..q, ar.S.L{s}.., ma.S.L{s}..,
 * sigma2}: give them ({@link #params}, statsmodels' {@code smooth(params)}) or estimate them by exact maximum
 * likelihood ({@link #estimate}, statsmodels' {@code fit()}): BFGS ({@link Bfgs}) over unconstrained values
 * mapped to stationary AR and invertible MA polynomials by Monahan's (1984) transform (statsmodels'
 * {@code enforce_stationarity=True, enforce_invertibility=True}), μ and σ scaled by the series' spread.
 * {@code alpha} = 0.05.
 * <p><b>Exactness.</b> With given parameters: predictions, variances, bands and log-likelihood equal to statsmodels
 * 0.15's {@code ARIMA(...).smooth(params)} within 1e-8 relative (see {@code ArimaTest}). Estimated: our
 * log-likelihood is at least statsmodels' {@code fit()} minus 1e-4 and the parameters agree within the flatness of
 * the likelihood (the test states the tolerances).
 * <p><b>Complexity.</b> A filter pass is O(n·m²) time and O(m²) memory for m = d + sD + max(p + sP, q + sQ + 1)
 * states (T is sparse); estimation repeats it about 2k + 1 times per BFGS iteration for k parameters. Measured
 * on 1,000 points: ARIMA(2,1,1) 0.02–0.06 s (statsmodels' fit 1.6–3.4 s on the same machine); a seasonal model
 * with s = 48 (about 100 states) about 25 s, most of it spent while the seasonal MA creeps to the
 * invertibility boundary. 10,320 points of ARIMA(2,0,1): 0.4 s.
 * <p><b>References.</b> G. E. P. Box, G. M. Jenkins, G. C. Reinsel, G. M. Ljung (2015), "Time Series Analysis:
 * Forecasting and Control", 5th ed., Wiley; A. C. Harvey (1989), "Forecasting, Structural Time Series Models and
 * the Kalman Filter", Cambridge University Press, §3.3; J. Durbin, S. J. Koopman (2012), "Time Series Analysis by
 * State Space Methods", 2nd ed., Oxford University Press, §3.4 and §4.3; J. F. Monahan (1984), "A note on
 * enforcing stationarity in autoregressive-moving average models", Biometrika 71(2), 403–404.
 *
 * @param p         AR order
 * @param d         differences
 * @param q         MA order
 * @param seasonalP seasonal AR order P
 * @param seasonalD seasonal differences D
 * @param seasonalQ seasonal MA order Q
 * @param period    season length s (0 without a seasonal part)
 * @param mean      whether the model has a mean μ (statsmodels {@code trend="c"}; only without differencing)
 * @param alpha     interval level: bands hold 1 − α of the one-step errors
 * @param params    the parameters in statsmodels' order, or null (then {@link #fit} estimates them)
 */
public record Arima(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period, boolean mean,
                    double alpha, double[] params) {

    /** Most BFGS iterations of {@link #estimate} (statsmodels stops its L-BFGS at 50; we go on to convergence). */
    private static final int MAX_ITERATIONS = 500;
    /** Stop when no gradient component of −log L / n exceeds this. */
    private static final double GRADIENT_TOL = 1e-9;
    /**
     * Or when ten BFGS iterations together raised log L by less than this: a seasonal MA running to the
     * invertibility boundary (Θ → −1) crawls by 1e-7 an iteration, far below any difference in the bands.
     */
    private static final double LOGLIK_TOL = 1e-6;

    public Arima {
        if (p < 0 || d < 0 || q < 0 || seasonalP < 0 || seasonalD < 0 || seasonalQ < 0) {
            throw new IllegalArgumentException("orders must be >= 0, got (" + p + ", " + d + ", " + q + ")("
                    + seasonalP + ", " + seasonalD + ", " + seasonalQ + ")");
        }
        boolean seasonal = seasonalP + seasonalD + seasonalQ > 0;
        if (seasonal && period < 2) {
            throw new IllegalArgumentException("a seasonal part needs a period >= 2, got " + period);
        }
        if (!seasonal && period != 0) {
            throw new IllegalArgumentException("period " + period + " without seasonal orders; give seasonal "
                    + "(P, D, Q, s) with at least one order > 0, or period 0");
        }
        if (seasonal && (p >= period || q >= period)) {
            throw new IllegalArgumentException("the regular orders p = " + p + " and q = " + q + " must be below "
                    + "the period " + period + " (statsmodels refuses overlapping lags)");
        }
        if (mean && d + seasonalD > 0) {
            throw new IllegalArgumentException("a mean (trend \"c\") is not identified with differencing (d = " + d
                    + ", D = " + seasonalD + "); drop it with mean(false)");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (params != null) {
            int k = (mean ? 1 : 0) + p + q + seasonalP + seasonalQ + 1;
            if (params.length != k) {
                throw new IllegalArgumentException("this model has " + k + " parameters " + names(mean, p, q,
                        seasonalP, seasonalQ, period) + ", got " + params.length);
            }
            for (int i = 0; i < k; i++) {
                if (!Double.isFinite(params[i])) {
                    throw new IllegalArgumentException("parameter " + names(mean, p, q, seasonalP, seasonalQ, period)
                            [i] + " must be finite, got " + params[i]);
                }
            }
            if (!(params[k - 1] > 0)) {
                throw new IllegalArgumentException("sigma2 must be > 0, got " + params[k - 1]);
            }
            params = params.clone();
            int off = mean ? 1 : 0;
            checkStationary(Arrays.copyOfRange(params, off, off + p), "ar");
            checkStationary(Arrays.copyOfRange(params, off + p + q, off + p + q + seasonalP), "seasonal ar");
        }
    }

    private static void checkStationary(double[] ar, String what) {
        if (ar.length > 0 && ArimaStateSpace.unconstrainStationary(ar) == null) {
            throw new IllegalArgumentException("the " + what + " coefficients " + Arrays.toString(ar) + " are not "
                    + "stationary (a root of the AR polynomial on or inside the unit circle); a stationary start "
                    + "needs them inside the stationarity region — difference the series (d or D) instead");
        }
    }

    /** ARIMA(p, d, q) with statsmodels' default trend (a mean when d = 0), α = 0.05, parameters to estimate. */
    public static Arima order(int p, int d, int q) {
        return new Arima(p, d, q, 0, 0, 0, 0, d == 0, 0.05, null);
    }

    /**
     * The seasonal part (P, D, Q)_s (statsmodels {@code seasonal_order}); a seasonal difference drops the mean;
     * clears given parameters (their number changes).
     */
    public Arima seasonal(int sp, int sd, int sq, int s) {
        return new Arima(p, d, q, sp, sd, sq, sp + sd + sq > 0 ? s : 0, mean && sd == 0, alpha, null);
    }

    /** With or without a mean μ (statsmodels {@code trend="c"} / {@code "n"}); clears given parameters. */
    public Arima mean(boolean withMean) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, withMean, alpha, null);
    }

    /** Interval level: bands hold 1 − α (statsmodels {@code conf_int(alpha)}). */
    public Arima alpha(double a) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, mean, a, params);
    }

    /** Known parameters in statsmodels' order (see {@link #paramNames()}), as for {@code smooth(params)}. */
    public Arima params(double... values) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, mean, alpha, values);
    }

    @Override
    public double[] params() {
        return params == null ? null : params.clone();
    }

    /** The parameter names in statsmodels' order, e.g. {@code [const, ar.L1, ma.L1, sigma2]}. */
    public String[] paramNames() {
        return names(mean, p, q, seasonalP, seasonalQ, period);
    }

    private static String[] names(boolean mean, int p, int q, int sp, int sq, int s) {
        String[] out = new String[(mean ? 1 : 0) + p + q + sp + sq + 1];
        int i = 0;
        if (mean) {
            out[i++] = "const";
        }
        for (int j = 1; j <= p; j++) {
            out[i++] = "ar.L" + j;
        }
        for (int j = 1; j <= q; j++) {
            out[i++] = "ma.L" + j;
        }
        for (int j = 1; j <= sp; j++) {
            out[i++] = "ar.S.L" + j * s;
        }
        for (int j = 1; j <= sq; j++) {
            out[i++] = "ma.S.L" + j * s;
        }
        out[i] = "sigma2";
        return out;
    }

    /** The number of states d + sD (approximately diffuse, left out of the likelihood). */
    public int burn() {
        return d + period * seasonalD;
    }

    private ArimaStateSpace stateSpace(double[] theta) {
        int i = mean ? 1 : 0;
        double mu = mean ? theta[0] : 0;
        double[] ar = Arrays.copyOfRange(theta, i, i + p);
        double[] ma = Arrays.copyOfRange(theta, i + p, i + p + q);
        double[] sar = Arrays.copyOfRange(theta, i + p + q, i + p + q + seasonalP);
        double[] sma = Arrays.copyOfRange(theta, i + p + q + seasonalP, i + p + q + seasonalP + seasonalQ);
        return new ArimaStateSpace(d, seasonalD, period, mu, ar, ma, sar, sma, theta[theta.length - 1]);
    }

    /** Filters {@code y} (left unchanged; NaN = missing); estimates the parameters first if none were given. */
    public ArimaResult fit(double[] y) {
        return fit(y, "series");
    }

    /** As {@link #fit(double[])} on a numeric column of a table, in row order (missing cells = missing). */
    public ArimaResult fit(Table table, String column) {
        return fit(SeriesInput.values(table, column), SeriesInput.columnName(column));
    }

    private ArimaResult fit(double[] y, String what) {
        double[] values = check(y, what);
        Arima model = params != null ? this : estimate(values, what);
        ArimaStateSpace.Filtered f = model.stateSpace(model.params).filter(values, true);
        return new ArimaResult(model, values, f.predicted(), f.variance(), f.logLikelihood());
    }

    /** The log-likelihood of {@code y} under the given parameters (statsmodels' {@code llf}). */
    public double logLikelihood(double[] y) {
        if (params == null) {
            throw new IllegalStateException("no parameters: give them with params(...) or estimate(y) first");
        }
        return stateSpace(params).filter(check(y, "series"), false).logLikelihood();
    }

    /**
     * Finite or missing values only, and enough observed points: k parameters need more than k observations past
     * the d + sD diffuse ones.
     */
    private double[] check(double[] y, String what) {
        if (y == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        int observed = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isInfinite(y[i])) {
                throw new IllegalArgumentException(what + " has an infinite value at row " + i + "; replace it "
                        + "(or set it missing: missing values are skipped by the filter)");
            }
            if (i >= burn() && !Double.isNaN(y[i])) {
                observed++;
            }
        }
        int k = paramNames().length;
        int min = k + 1;
        if (observed < min) {
            throw new IllegalArgumentException(what + " has " + observed + " observed values after the first "
                    + burn() + " (the differencing start-up); at least " + min + " are needed for " + k
                    + " parameters of " + this.orderString());
        }
        return y.clone();
    }

    /**
     * Exact maximum likelihood (statsmodels' {@code ARIMA(...).fit()}): the model with the parameters that
     * maximise the log-likelihood of {@code y} (NaN = missing). Parameters given to this model are the start;
     * otherwise the start is μ = mean of y, AR from Yule–Walker on the differenced series, MA 0, σ² the variance
     * of the differenced series. Fits longer than 2 s report progress.
     */
    public Arima estimate(double[] y) {
        return estimate(check(y, "series"), "series");
    }

    private Arima estimate(double[] y, String what) {
        double[] w = differenced(y);
        double[] observed = Arrays.stream(y).filter(v -> !Double.isNaN(v)).toArray();
        int count = observed.length;
        double centre = meanOf(observed);
        double spreadY = spread(observed, centre);
        double spreadW = spread(w, mean ? centre : 0);
        if (!(spreadW > 0)) {
            throw new IllegalArgumentException(what + " is constant" + (d + seasonalD > 0 ? " after differencing" : "")
                    + "; an ARIMA model needs variation (σ² > 0)");
        }
        double scaleMu = spreadY > 0 ? spreadY : 1;
        double scaleSigma = spreadW;
        double[] start = params != null ? toFree(params, centre, scaleMu, scaleSigma)
                : defaultStart(w, mean ? centre : 0, centre, scaleMu, scaleSigma);
        int nEff = Math.max(1, count - burn());
        Arima self = this;
        java.util.function.ToDoubleFunction<double[]> objective = u -> {
            try {
                double ll = self.stateSpace(self.fromFree(u, centre, scaleMu, scaleSigma)).filter(y, false)
                        .logLikelihood();
                return -ll / nEff;
            } catch (IllegalArgumentException e) { // numerically at a unit root: outside the model
                return Double.POSITIVE_INFINITY;
            }
        };
        Progress progress = Progress.start("arima" + orderString() + " on " + y.length + " points");
        double[] best = Bfgs.minimize(objective, start, GRADIENT_TOL, LOGLIK_TOL / nEff, MAX_ITERATIONS,
                (it, value) -> progress.update(it + " BFGS iterations, log-likelihood "
                        + String.format(Locale.ROOT, "%.4f", -value * nEff)));
        progress.done("log-likelihood " + String.format(Locale.ROOT, "%.4f", -objective.applyAsDouble(best) * nEff));
        return params(fromFree(best, centre, scaleMu, scaleSigma));
    }

    private static double meanOf(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / Math.max(1, x.length);
    }

    /** Root mean square deviation from {@code centre}. */
    private static double spread(double[] x, double centre) {
        double s = 0;
        for (double v : x) {
            s += (v - centre) * (v - centre);
        }
        return Math.sqrt(s / Math.max(1, x.length));
    }

    /** Δ^d Δ_s^D y over the observed values (missing values dropped first: for start values only). */
    private double[] differenced(double[] y) {
        double[] w = Arrays.stream(y).filter(v -> !Double.isNaN(v)).toArray();
        for (int k = 0; k < d && w.length > 1; k++) {
            double[] next = new double[w.length - 1];
            for (int i = 0; i < next.length; i++) {
                next[i] = w[i + 1] - w[i];
            }
            w = next;
        }
        for (int k = 0; k < seasonalD && w.length > period; k++) {
            double[] next = new double[w.length - period];
            for (int i = 0; i < next.length; i++) {
                next[i] = w[i + period] - w[i];
            }
            w = next;
        }
        return w;
    }

    /** Free coordinates: Yule–Walker AR (stationary by construction), zero MA and seasonal parts, σ = spread. */
    private double[] defaultStart(double[] w, double wMean, double centre, double scaleMu, double scaleSigma) {
        double[] theta = new double[paramNames().length];
        int i = 0;
        if (mean) {
            theta[i++] = centre;
        }
        double[] ar = yuleWalker(w, wMean, p);
        System.arraycopy(ar, 0, theta, i, p);
        theta[theta.length - 1] = scaleSigma * scaleSigma;
        return toFree(theta, centre, scaleMu, scaleSigma);
    }

    /** AR(order) by Durbin–Levinson on the sample autocorrelations (biased estimator: always stationary). */
    private static double[] yuleWalker(double[] w, double centre, int order) {
        double[] acov = new double[order + 1];
        for (int lag = 0; lag <= order; lag++) {
            double s = 0;
            for (int t = lag; t < w.length; t++) {
                s += (w[t] - centre) * (w[t - lag] - centre);
            }
            acov[lag] = s / w.length;
        }
        double[] phi = new double[order];
        if (order == 0 || !(acov[0] > 0)) {
            return phi;
        }
        double v = acov[0];
        for (int k = 0; k < order; k++) {
            double num = acov[k + 1];
            for (int j = 0; j < k; j++) {
                num -= phi[j] * acov[k - j];
            }
            double r = Math.max(-0.99, Math.min(0.99, num / v));
            double[] prev = phi.clone();
            for (int j = 0; j < k; j++) {
                phi[j] = prev[j] - r * prev[k - 1 - j];
            }
            phi[k] = r;
            v *= 1 - r * r;
        }
        return phi;
    }

    /** statsmodels-order parameters from free coordinates u (μ = centre + scale·u₀, σ = scale·u_last). */
    double[] fromFree(double[] u, double centre, double scaleMu, double scaleSigma) {
        double[] theta = new double[u.length];
        int i = 0;
        if (mean) {
            theta[0] = centre + scaleMu * u[0];
            i = 1;
        }
        i = constrain(u, theta, i, p, false);
        i = constrain(u, theta, i, q, true);
        i = constrain(u, theta, i, seasonalP, false);
        i = constrain(u, theta, i, seasonalQ, true);
        double sigma = scaleSigma * u[i];
        theta[i] = sigma * sigma;
        return theta;
    }

    private static int constrain(double[] u, double[] theta, int from, int k, boolean ma) {
        double[] c = ArimaStateSpace.constrainStationary(Arrays.copyOfRange(u, from, from + k));
        for (int j = 0; j < k; j++) {
            theta[from + j] = ma ? -c[j] : c[j];
        }
        return from + k;
    }

    /** The inverse of {@link #fromFree}; a non-invertible MA start is pulled inside (scaled by 0.9 until it is). */
    double[] toFree(double[] theta, double centre, double scaleMu, double scaleSigma) {
        double[] u = new double[theta.length];
        int i = 0;
        if (mean) {
            u[0] = (theta[0] - centre) / scaleMu;
            i = 1;
        }
        i = unconstrain(theta, u, i, p, false);
        i = unconstrain(theta, u, i, q, true);
        i = unconstrain(theta, u, i, seasonalP, false);
        i = unconstrain(theta, u, i, seasonalQ, true);
        u[i] = Math.sqrt(theta[i]) / scaleSigma;
        return u;
    }

    private static int unconstrain(double[] theta, double[] u, int from, int k, boolean ma) {
        double[] c = Arrays.copyOfRange(theta, from, from + k);
        if (ma) {
            for (int j = 0; j < k; j++) {
                c[j] = -c[j];
            }
        }
        double[] free = ArimaStateSpace.unconstrainStationary(c);
        while (free == null) {
            for (int j = 0; j < k; j++) {
                c[j] *= 0.9;
            }
            free = ArimaStateSpace.unconstrainStationary(c);
        }
        System.arraycopy(free, 0, u, from, k);
        return from + k;
    }

    private String orderString() {
        return "(" + p + "," + d + "," + q + ")" + (period > 0 ? "(" + seasonalP + "," + seasonalD + "," + seasonalQ
                + "," + period + ")" : "");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Arima" + orderString() + "[" + (mean ? "mean" : "no mean") + ", alpha="
                + alpha);
        if (params != null) {
            String[] names = paramNames();
            for (int i = 0; i < names.length; i++) {
                sb.append(", ").append(names[i]).append('=').append(params[i]);
            }
        } else {
            sb.append(", params to estimate");
        }
        return sb.append(']').toString();
    }

    /** Component-wise, the parameters by content (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Arima a && p == a.p && d == a.d && q == a.q && seasonalP == a.seasonalP
                && seasonalD == a.seasonalD && seasonalQ == a.seasonalQ && period == a.period && mean == a.mean
                && Double.compare(alpha, a.alpha) == 0 && Arrays.equals(params, a.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(p, d, q, seasonalP, seasonalD, seasonalQ, period, mean, alpha, Arrays.hashCode(params));
    }
}
