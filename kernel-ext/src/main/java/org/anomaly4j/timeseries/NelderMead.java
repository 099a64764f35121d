package org.anomaly4j.timeseries;

import java.util.function.ToDoubleFunction;

/**
 * Nelder–Mead simplex minimisation without derivatives (Nelder &amp; Mead 1965), with the standard coefficients
 * reflection 1, expansion 2, contraction ½, shrink ½ (Lagarias et al. 1998), an initial simplex of steps 0.5
 * along each axis, and restarts from the best vertex until a restart no longer improves (the usual guard
 * against a collapsed simplex). Stops when the values at the vertices agree within {@code tol} relative.
 * Deterministic. Used for the few smoothing parameters of {@link Ets#estimate}.
 * <p>References: J. A. Nelder, R. Mead (1965), "A simplex method for function minimization", The Computer
 * Journal 7(4), 308–313; J. C. Lagarias, J. A. Reeds, M. H. Wright, P. E. Wright (1998), "Convergence
 * properties of the Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9(1), 112–147.
 */
final class NelderMead {

    private NelderMead() {
    }

    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double tol, int maxIterations) {
        double[] best = start.clone();
        double bestValue = f.applyAsDouble(best);
        for (int restart = 0; restart < 10; restart++) {
            double[] next = run(f, best, tol, maxIterations);
            double value = f.applyAsDouble(next);
            boolean improved = value < bestValue - tol * Math.abs(bestValue);
            if (value < bestValue) {
                best = next;
                bestValue = value;
            }
            if (!improved) {
                break;
            }
        }
        return best;
    }

    private static double[] run(ToDoubleFunction<double[]> f, double[] start, double tol, int maxIterations) {
        int d = start.length;
        double[][] x = new double[d + 1][];
        double[] fx = new double[d + 1];
        x[0] = start.clone();
        for (int i = 0; i < d; i++) {
            x[i + 1] = start.clone();
            x[i + 1][i] += 0.5;
        }
        for (int i = 0; i <= d; i++) {
            fx[i] = f.applyAsDouble(x[i]);
        }
        int[] order = new int[d + 1];
        for (int iter = 0; iter < maxIterations; iter++) {
            // Vertices by value: insertion sort of d + 1 indices (d is small).
            for (int i = 0; i <= d; i++) {
                int v = i;
                int j = i - 1;
                while (j >= 0 && fx[order[j]] > fx[v]) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = v;
            }
            int lo = order[0];
            int hi = order[d];
            int second = order[d - 1];
            if (Math.abs(fx[hi] - fx[lo]) <= tol * Math.max(1e-300, Math.abs(fx[lo]))) {
                return x[lo].clone();
            }
            double[] centroid = new double[d];
            for (int i = 0; i <= d; i++) {
                if (i != hi) {
                    for (int j = 0; j < d; j++) {
                        centroid[j] += x[i][j] / d;
                    }
                }
            }
            double[] reflected = along(centroid, x[hi], -1);
            double fr = f.applyAsDouble(reflected);
            if (fr < fx[lo]) {
                double[] expanded = along(centroid, x[hi], -2);
                double fe = f.applyAsDouble(expanded);
                if (fe < fr) {
                    x[hi] = expanded;
                    fx[hi] = fe;
                } else {
                    x[hi] = reflected;
                    fx[hi] = fr;
                }
            } else if (fr < fx[second]) {
                x[hi] = reflected;
                fx[hi] = fr;
            } else {
                boolean outside = fr < fx[hi];
                double[] contracted = along(centroid, x[hi], outside ? -0.5 : 0.5);
                double fc = f.applyAsDouble(contracted);
                if (fc < (outside ? fr : fx[hi])) {
                    x[hi] = contracted;
                    fx[hi] = fc;
                } else {
                    for (int i = 0; i <= d; i++) {
                        if (i != lo) {
                            x[i] = along(x[lo], x[i], 0.5);
                            fx[i] = f.applyAsDouble(x[i]);
                        }
                    }
                }
            }
        }
        int lo = 0;
        for (int i = 1; i <= d; i++) {
            if (fx[i] < fx[lo]) {
                lo = i;
            }
        }
        return x[lo].clone();
    }

    /** c + t·(p − c). */
    private static double[] along(double[] c, double[] p, double t) {
        double[] out = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            out[j] = c[j] + t * (p[j] - c[j]);
        }
        return out;
    }
}
