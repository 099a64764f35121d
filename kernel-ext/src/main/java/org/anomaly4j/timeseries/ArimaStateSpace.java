package org.anomaly4j.timeseries;

/**
 * The state-space form of a SARIMA(p, d, q)(P, D, Q)_s model with an optional mean, built exactly as statsmodels'
 * {@code SARIMAX} builds it (Harvey representation, differencing kept in the state), and its Kalman filter.
 * Package-private: {@link Arima} is the public face.
 * <p><b>Model.</b> With φ(L) = 1 − φ₁L − … − φ_pL^p, Φ(L^s) = 1 − Φ₁L^s − …, θ(L) = 1 + θ₁L + …,
 * Θ(L^s) = 1 + Θ₁L^s + …: φ(L)Φ(L^s)·Δ^d·Δ_s^D (y_t − μ) = θ(L)Θ(L^s)·ε_t, ε_t ~ N(0, σ²). Write the products
 * as 1 − Σ a_k L^k and 1 + Σ b_k L^k, and r = max(p + sP, q + sQ + 1).
 * <p><b>State</b> α_t (dimension n_d + r, n_d = d + s·D): first the n_d differencing states (past levels of the
 * partly differenced series), then the r ARMA states (Harvey 1989, §3.3):
 * <pre>
 *   y_t     = μ + Z α_t                   Z = [1 × d, (0 … 0 1) × D, 1, 0 … 0]
 *   α_{t+1} = T α_t + R ε_{t+1}           R = e_{n_d} + Σ_k b_k e_{n_d + k}
 * </pre>
 * the ARMA block of T has a_k down its first column and ones above the diagonal; each seasonal-difference block
 * is a cyclic shift of s that adds the first ARMA state; the regular-difference rows add everything below them.
 * <p><b>Initial state</b> (statsmodels' default, {@code initialization="approximate_diffuse"} for the differencing
 * states): a₀ = 0, P₀ = diag(10⁶·I_{n_d}, Σ) with Σ the stationary covariance of the ARMA block, the solution
 * of Σ = T_c Σ T_cᵀ + σ² R_c R_cᵀ (found by the doubling iteration Σ ← Σ + A Σ Aᵀ, A ← A², exact once A^(2^k)
 * vanishes). The first n_d observations are left out of the log-likelihood ({@code loglikelihood_burn}).
 * <p><b>Filter</b> (Durbin &amp; Koopman 2012, §4.3): v_t = y_t − μ − Z a_t, F_t = Z P_t Zᵀ, K = P_t Zᵀ / F_t,
 * a_{t|t} = a_t + K v_t, P_{t|t} = P_t − K F_t Kᵀ, a_{t+1} = T a_{t|t}, P_{t+1} = T P_{t|t} Tᵀ + σ² R Rᵀ;
 * log L = −½ Σ_{t ≥ n_d} (ln 2π + ln F_t + v_t²/F_t). A missing y_t skips the update (a_{t|t} = a_t), as
 * statsmodels does. T is sparse (about two entries a row), so a step costs O(m²) for m states, not O(m³).
 */
final class ArimaStateSpace {

    /** statsmodels' {@code initial_variance} of approximately diffuse states. */
    static final double DIFFUSE_VARIANCE = 1e6;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final int m;
    final int diffStates;
    private final double mean;
    private final double sigma2;
    /** Indices of the ones in Z. */
    private final int[] z;
    /** T as compressed rows: entries rowStart[i] .. rowStart[i+1]−1 are (cols[k], vals[k]). */
    private final int[] rowStart;
    private final int[] cols;
    private final double[] vals;
    /** R (one column). */
    private final double[] selection;
    private final double[][] initialCov;

    /**
     * @param ar  φ₁..φ_p        @param ma  θ₁..θ_q
     * @param sar Φ₁..Φ_P        @param sma Θ₁..Θ_Q
     * @throws IllegalArgumentException when φ(L)·Φ(L^s) is not stationary (no stationary initial state exists)
     */
    ArimaStateSpace(int d, int seasonalD, int period, double mean, double[] ar, double[] ma, double[] sar,
                    double[] sma, double sigma2) {
        this.mean = mean;
        this.sigma2 = sigma2;
        int s = period;
        double[] arPoly = multiply(lagPolynomial(ar, 1, -1), lagPolynomial(sar, s, -1)); // 1 − Σ a_k L^k
        double[] maPoly = multiply(lagPolynomial(ma, 1, 1), lagPolynomial(sma, s, 1));   // 1 + Σ b_k L^k
        int r = Math.max(arPoly.length - 1, maPoly.length);
        diffStates = d + s * seasonalD;
        m = diffStates + r;
        double[][] t = new double[m][m];
        int c = diffStates; // first ARMA state
        for (int k = 1; k < arPoly.length; k++) {
            t[c + k - 1][c] = -arPoly[k];
        }
        for (int i = 0; i < r - 1; i++) {
            t[c + i][c + i + 1] = 1;
        }
        for (int dd = 0; dd < seasonalD; dd++) {
            int start = d + dd * s;
            int end = start + s;
            for (int i = 0; i < s - 1; i++) {
                t[start + i + 1][start + i] = 1;
            }
            t[start][start + s - 1] = 1;
            if (dd < seasonalD - 1) {
                t[start][end + s - 1] = 1;
            }
            t[start][c] = 1;
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                t[i][j] = 1;
            }
            for (int dd = 0; dd < seasonalD; dd++) {
                t[i][d + dd * s + s - 1] = 1;
            }
            t[i][c] = 1;
        }
        int nnz = 0;
        for (double[] row : t) {
            for (double v : row) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        rowStart = new int[m + 1];
        cols = new int[nnz];
        vals = new double[nnz];
        int k = 0;
        for (int i = 0; i < m; i++) {
            rowStart[i] = k;
            for (int j = 0; j < m; j++) {
                if (t[i][j] != 0) {
                    cols[k] = j;
                    vals[k++] = t[i][j];
                }
            }
        }
        rowStart[m] = k;
        z = new int[d + seasonalD + 1];
        int zi = 0;
        for (int i = 0; i < d; i++) {
            z[zi++] = i;
        }
        for (int dd = 0; dd < seasonalD; dd++) {
            z[zi++] = d + dd * s + s - 1;
        }
        z[zi] = c;
        selection = new double[m];
        selection[c] = 1;
        for (int j = 1; j < maPoly.length; j++) {
            selection[c + j] = maPoly[j];
        }
        initialCov = new double[m][m];
        for (int i = 0; i < diffStates; i++) {
            initialCov[i][i] = DIFFUSE_VARIANCE;
        }
        double[][] block = new double[r][r];
        double[] rc = new double[r];
        for (int i = 0; i < r; i++) {
            rc[i] = selection[c + i];
            System.arraycopy(t[c + i], c, block[i], 0, r);
        }
        double[][] stationary = stationaryCovariance(block, rc, sigma2);
        for (int i = 0; i < r; i++) {
            System.arraycopy(stationary[i], 0, initialCov[c + i], c, r);
        }
    }

    /** Coefficients of 1 + sign·(c₁L^step + c₂L^{2·step} + …), lowest power first. */
    static double[] lagPolynomial(double[] coef, int step, int sign) {
        double[] out = new double[coef.length * step + 1];
        out[0] = 1;
        for (int i = 0; i < coef.length; i++) {
            out[(i + 1) * step] = sign * coef[i];
        }
        return out;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    /**
     * Σ = A Σ Aᵀ + σ² R Rᵀ by doubling: after k rounds Σ holds the first 2^k terms of Σ_j A^j Q (Aᵀ)^j
     * (Anderson &amp; Moore 1979, §6.7); stops when a round adds nothing at double precision.
     */
    static double[][] stationaryCovariance(double[][] a, double[] rc, double sigma2) {
        int r = rc.length;
        double[][] p = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                p[i][j] = sigma2 * rc[i] * rc[j];
            }
        }
        double[][] power = a;
        for (int round = 0; round < 200; round++) {
            double[][] add = multiply(multiply(power, p), transpose(power));
            double change = 0;
            double size = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    change = Math.max(change, Math.abs(add[i][j]));
                    size = Math.max(size, Math.abs(p[i][j]));
                    p[i][j] += add[i][j];
                }
            }
            if (change <= 1e-18 * size) {
                return p;
            }
            power = multiply(power, power);
        }
        throw new IllegalArgumentException("the autoregressive part is too close to a unit root for a stationary "
                + "start (the stationary covariance did not converge)");
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = x[i][k];
                if (v != 0) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] += v * y[k][j];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] x) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[j][i] = x[i][j];
            }
        }
        return out;
    }

    /** What one filter pass gives: one-step predictions, their variances F_t and the log-likelihood. */
    record Filtered(double[] predicted, double[] variance, double logLikelihood, double[] state, double[][] cov) {
    }

    /**
     * Runs the filter over {@code y} (NaN = missing). With {@code keep} false only the log-likelihood is computed
     * (no arrays filled), for the optimiser.
     */
    Filtered filter(double[] y, boolean keep) {
        int n = y.length;
        double[] pred = keep ? new double[n] : null;
        double[] var = keep ? new double[n] : null;
        double[] a = new double[m];
        double[][] p = new double[m][];
        for (int i = 0; i < m; i++) {
            p[i] = initialCov[i].clone();
        }
        double[][] tp = new double[m][m];
        double[] pz = new double[m];
        double[] an = new double[m];
        double llf = 0;
        for (int t = 0; t < n; t++) {
            double yhat = mean;
            for (int zi : z) {
                yhat += a[zi];
            }
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int zi : z) {
                    s += p[i][zi];
                }
                pz[i] = s;
            }
            double f = 0;
            for (int zi : z) {
                f += pz[zi];
            }
            if (keep) {
                pred[t] = yhat;
                var[t] = f;
            }
            double yt = y[t];
            if (!Double.isNaN(yt)) {
                double v = yt - yhat;
                double gain = v / f;
                for (int i = 0; i < m; i++) {
                    a[i] += pz[i] * gain;
                    double ki = pz[i] / f;
                    double[] row = p[i];
                    for (int j = 0; j < m; j++) {
                        row[j] -= ki * pz[j];
                    }
                }
                if (t >= diffStates) {
                    llf -= 0.5 * (LOG_2PI + Math.log(f) + v * gain);
                }
            }
            predict(a, p, tp, an);
            double[] swap = a;
            a = an;
            an = swap;
        }
        return new Filtered(pred, var, llf, a, p);
    }

    /** a ← T a, P ← T P Tᵀ + σ² R Rᵀ (symmetric by construction: only j ≥ i computed). */
    private void predict(double[] a, double[][] p, double[][] tp, double[] out) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            double[] row = tp[i];
            java.util.Arrays.fill(row, 0);
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                double v = vals[k];
                int c = cols[k];
                s += v * a[c];
                double[] pc = p[c];
                for (int j = 0; j < m; j++) {
                    row[j] += v * pc[j];
                }
            }
            out[i] = s;
        }
        for (int i = 0; i < m; i++) {
            double[] row = tp[i];
            double ri = sigma2 * selection[i];
            for (int j = i; j < m; j++) {
                double s = ri * selection[j];
                for (int k = rowStart[j]; k < rowStart[j + 1]; k++) {
                    s += row[cols[k]] * vals[k];
                }
                p[i][j] = s;
                p[j][i] = s;
            }
        }
    }

    /**
     * Monahan's (1984) map of unconstrained reals to the coefficients of a stationary autoregression
     * (statsmodels' {@code constrain_stationary_univariate}): partial autocorrelations x/√(1 + x²), then the
     * Durbin–Levinson recursion.
     */
    static double[] constrainStationary(double[] u) {
        int n = u.length;
        double[] prev = new double[n];
        double[] cur = new double[n];
        for (int k = 0; k < n; k++) {
            double r = u[k] / Math.sqrt(1 + u[k] * u[k]);
            for (int i = 0; i < k; i++) {
                cur[i] = prev[i] + r * prev[k - i - 1];
            }
            cur[k] = r;
            System.arraycopy(cur, 0, prev, 0, k + 1);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = -prev[i];
        }
        return out;
    }

    /**
     * The inverse of {@link #constrainStationary} (statsmodels' {@code unconstrain_stationary_univariate}), or
     * null when the coefficients are not those of a stationary polynomial (a partial autocorrelation with
     * |r| ≥ 1).
     */
    static double[] unconstrainStationary(double[] c) {
        int n = c.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = -c[i];
        }
        double[] r = new double[n];
        for (int k = n - 1; k >= 0; k--) {
            double rk = y[k];
            r[k] = rk;
            if (!(Math.abs(rk) < 1)) {
                return null;
            }
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                next[i] = (y[i] - rk * y[k - i - 1]) / (1 - rk * rk);
            }
            System.arraycopy(next, 0, y, 0, k);
        }
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = r[i] / Math.sqrt(1 - r[i] * r[i]);
        }
        return u;
    }
}
