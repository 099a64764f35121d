package org.anomaly4j.timeseries;

import java.util.function.ToDoubleFunction;

/**
 * Quasi-Newton minimisation by BFGS (Nocedal &amp; Wright 2006, Algorithm 6.1) with central-difference gradients
 * and a backtracking Armijo line search; deterministic. Used for the few parameters of {@link Arima#estimate},
 * where the objective (a Kalman-filter likelihood) is smooth but has no cheap analytic gradient. A value that is
 * not finite counts as +∞ (the line search steps back).
 * <p>Reference: J. Nocedal, S. J. Wright (2006), "Numerical Optimization", 2nd ed., Springer, ch. 6 and §8.1.
 */
final class Bfgs {

    /** Central-difference step: balances truncation (h²) and rounding (ε/h) errors for an O(1) objective. */
    private static final double STEP = 1e-5;

    private Bfgs() {
    }

    /** Called after each iteration with its number and the current value (for progress). */
    interface Listener {
        void iteration(int iteration, double value);
    }

    /** Iterations over which the progress of the value is judged (see {@code ftol}). */
    private static final int WINDOW = 10;

    /**
     * Minimises {@code f} from {@code start}; stops when the largest gradient component is below {@code gtol},
     * when the last {@value #WINDOW} iterations together lowered the value by less than {@code ftol} (a crawl
     * along a flat ridge, e.g. towards the invertibility boundary), when an iteration no longer lowers the value,
     * or after {@code maxIterations}.
     */
    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double gtol, double ftol,
                             int maxIterations, Listener listener) {
        int n = start.length;
        double[] x = start.clone();
        double fx = value(f, x);
        if (!Double.isFinite(fx)) {
            throw new IllegalArgumentException("the start values give a non-finite likelihood");
        }
        double[] g = gradient(f, x, fx);
        double[][] h = new double[n][n]; // inverse Hessian approximation
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        double[] dir = new double[n];
        double[] xn = new double[n];
        double[] history = new double[WINDOW]; // values of the last WINDOW iterations, a ring
        for (int iter = 0; iter < maxIterations; iter++) {
            if (maxAbs(g) < gtol) {
                break;
            }
            double slope = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s -= h[i][j] * g[j];
                }
                dir[i] = s;
                slope += s * g[i];
            }
            if (!(slope < 0)) { // not a descent direction: restart from steepest descent
                for (int i = 0; i < n; i++) {
                    java.util.Arrays.fill(h[i], 0);
                    h[i][i] = 1;
                    dir[i] = -g[i];
                }
                slope = -dot(g, g);
            }
            // first step at most 1 in any coordinate (the coordinates are scaled to O(1))
            double step = Math.min(1, 1 / Math.max(1e-300, maxAbs(dir)));
            double fn = Double.POSITIVE_INFINITY;
            for (int tries = 0; tries < 60; tries++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * dir[i];
                }
                fn = value(f, xn);
                if (fn <= fx + 1e-4 * step * slope) {
                    break;
                }
                step *= 0.5;
            }
            if (!(fn < fx)) {
                break;
            }
            double[] gn = gradient(f, xn, fn);
            double[] s = new double[n];
            double[] yv = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                yv[i] = gn[i] - g[i];
            }
            double sy = dot(s, yv);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(yv, yv))) {
                if (iter == 0) { // scale the first inverse Hessian (Nocedal & Wright eq. 6.20)
                    double scale = sy / dot(yv, yv);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = scale;
                    }
                }
                update(h, s, yv, sy);
            }
            System.arraycopy(xn, 0, x, 0, n);
            double improvement = fx - fn;
            fx = fn;
            g = gn;
            if (listener != null) {
                listener.iteration(iter + 1, fx);
            }
            if (improvement <= 1e-15 * Math.max(1, Math.abs(fx)) && maxAbs(g) < 1e3 * gtol) {
                break;
            }
            int slot = iter % WINDOW;
            if (iter >= WINDOW && history[slot] - fx < ftol) {
                break;
            }
            history[slot] = fx;
        }
        return x;
    }

    /** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(yᵀs). */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i][j] * y[j];
            }
            hy[i] = v;
        }
        double yhy = dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    private static double value(ToDoubleFunction<double[]> f, double[] x) {
        double v = f.applyAsDouble(x);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double fx) {
        int n = x.length;
        double[] g = new double[n];
        double[] probe = x.clone();
        for (int i = 0; i < n; i++) {
            double h = STEP * Math.max(1, Math.abs(x[i]));
            probe[i] = x[i] + h;
            double up = value(f, probe);
            probe[i] = x[i] - h;
            double down = value(f, probe);
            probe[i] = x[i];
            if (Double.isFinite(up) && Double.isFinite(down)) {
                g[i] = (up - down) / (2 * h);
            } else if (Double.isFinite(up)) {
                g[i] = (up - fx) / h;
            } else {
                g[i] = (fx - down) / h;
            }
        }
        return g;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
