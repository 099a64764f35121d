package org.anomaly4j.timeseries;

import java.util.Arrays;

/**
 * The STL iterations of {@link Stl} on one series: the loess estimate at a point ({@link #est}), the loess
 * smoother with jumps ({@link #ess}), cycle-subseries smoothing ({@link #ss}), the low-pass moving averages
 * ({@link #fts}) and the robustness weights ({@link #rwts}). Names, index conventions (1-based positions inside
 * the loess routines) and the order of every sum follow the NETLIB Fortran as ported in statsmodels'
 * {@code _stl.pyx}, so that results agree to rounding (cubes are products where statsmodels calls pow()); the
 * comments say what each step is for.
 */
final class StlLoess {

    private final double[] y;
    private final int n;
    private final int np;
    private final int ns;
    private final int nt;
    private final int nl;
    private final int isdeg;
    private final int itdeg;
    private final int ildeg;
    private final int nsjump;
    private final int ntjump;
    private final int nljump;
    /** Work rows of length n + 2·np: 0 = detrended / deseasonalised series, 1 = cycle-subseries smooth, 2..4 scratch. */
    private final double[][] work;
    final double[] trend;
    final double[] season;
    final double[] rw;
    private boolean userw;

    StlLoess(double[] y, int np, int ns, int nt, int nl, int isdeg, int itdeg, int ildeg, int nsjump, int ntjump,
             int nljump) {
        this.y = y;
        this.n = y.length;
        this.np = np;
        this.ns = ns;
        this.nt = nt;
        this.nl = nl;
        this.isdeg = isdeg;
        this.itdeg = itdeg;
        this.ildeg = ildeg;
        this.nsjump = nsjump;
        this.ntjump = ntjump;
        this.nljump = nljump;
        this.work = new double[5][n + 2 * np];
        this.trend = new double[n];
        this.season = new double[n];
        this.rw = new double[n];
        Arrays.fill(rw, 1.0);
    }

    /** One inner pass, then {@code outer} times: new robustness weights and another inner pass. */
    void run(int inner, int outer) {
        userw = false;
        for (int k = 0; ; ) {
            onestp(inner);
            k++;
            if (k > outer) {
                break;
            }
            for (int i = 0; i < n; i++) {
                work[0][i] = trend[i] + season[i];
            }
            rwts();
            userw = true;
        }
    }

    private void onestp(int inner) {
        double[] w0 = work[0];
        double[] w1 = work[1];
        for (int j = 0; j < inner; j++) {
            for (int i = 0; i < n; i++) {
                w0[i] = y[i] - trend[i];
            }
            ss();
            fts();
            // Low-pass of the cycle-subseries smooth (never robustness-weighted): work[2] → work[0].
            ess(work[2], n, nl, ildeg, nljump, false, work[3], w0, 0, work[4]);
            for (int i = 0; i < n; i++) {
                season[i] = w1[np + i] - w0[i];
                w0[i] = y[i] - season[i];
            }
            ess(w0, n, nt, itdeg, ntjump, userw, rw, trend, 0, work[2]);
        }
    }

    /**
     * Loess estimate at position xs (1-based) from y[nleft−1 .. nright−1] with tricube weights, optionally times
     * the robustness weights; the weights are left in w. NaN when all weights are 0.
     */
    private static double est(double[] y, int n, int len, int ideg, int xs, int nleft, int nright, double[] w,
                              boolean userw, double[] rw) {
        double range = n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) {
            // A span longer than the series: widen the bandwidth as if the missing points were there.
            h += (len - n) / 2;
        }
        double h9 = .999 * h;
        double h1 = .001 * h;
        double a = 0.0;
        for (int j = nleft - 1; j < nright; j++) {
            w[j] = 0.0;
            double r = Math.abs(j + 1 - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[j] = 1.0;
                } else {
                    // Tricube by products: statsmodels' pow() calls cost 10× more and differ by 1 ulp at most.
                    double q = r / h;
                    double u = 1.0 - q * q * q;
                    w[j] = u * u * u;
                }
                if (userw) {
                    w[j] = w[j] * rw[j];
                }
                a = a + w[j];
            }
        }
        if (a <= 0) {
            return Double.NaN;
        }
        for (int j = nleft - 1; j < nright; j++) {
            w[j] = w[j] / a;
        }
        if (h > 0 && ideg > 0) {
            // Local line: reweight by 1 + b·(x_j − x̄) with b = (xs − x̄) / Σ w (x_j − x̄)², unless the points are
            // too concentrated for a stable slope.
            a = 0.0;
            for (int j = nleft - 1; j < nright; j++) {
                a = a + w[j] * (j + 1);
            }
            double b = xs - a;
            double c = 0.0;
            for (int j = nleft - 1; j < nright; j++) {
                double d = j + 1 - a;
                c = c + w[j] * (d * d);
            }
            if (Math.sqrt(c) > .001 * range) {
                b = b / c;
                for (int j = nleft - 1; j < nright; j++) {
                    w[j] = w[j] * (b * (j + 1 - a) + 1.0);
                }
            }
        }
        double ys = 0.0;
        for (int j = nleft - 1; j < nright; j++) {
            ys = ys + w[j] * y[j];
        }
        return ys;
    }

    /**
     * Loess smooth of y[0 .. n−1] with span len into ys[off .. off+n−1], fitting every njump-th point and the
     * last one and interpolating linearly in between; res is scratch for the weights. Where no weight is
     * positive the value itself is kept.
     */
    private static void ess(double[] y, int n, int len, int ideg, int njump, boolean userw, double[] rw,
                            double[] ys, int off, double[] res) {
        if (n < 2) {
            ys[off] = y[0];
            return;
        }
        int newnj = Math.min(njump, n - 1);
        int nleft = 0;
        int nright = 0;
        if (len >= n) {
            nleft = 1;
            nright = n;
            for (int i = 0; i < n; i += newnj) {
                ys[off + i] = estOrValue(y, n, len, ideg, i + 1, nleft, nright, res, userw, rw);
            }
        } else if (newnj == 1) {
            // Slide the window [nleft, nright] of len points so that it stays centred on i where it can.
            int nsh = (len + 2) / 2;
            nleft = 1;
            nright = len;
            for (int i = 0; i < n; i++) {
                if (i + 1 > nsh && nright != n) {
                    nleft++;
                    nright++;
                }
                ys[off + i] = estOrValue(y, n, len, ideg, i + 1, nleft, nright, res, userw, rw);
            }
        } else {
            int nsh = (len + 1) / 2;
            for (int i = 0; i < n; i += newnj) {
                if (i + 1 < nsh) {
                    nleft = 1;
                    nright = len;
                } else if (i + 1 >= n - nsh + 1) {
                    nleft = n - len + 1;
                    nright = n;
                } else {
                    nleft = i + 1 - nsh + 1;
                    nright = len + i + 1 - nsh;
                }
                ys[off + i] = estOrValue(y, n, len, ideg, i + 1, nleft, nright, res, userw, rw);
            }
        }
        if (newnj == 1) {
            return;
        }
        for (int i = 0; i < n - newnj; i += newnj) {
            double delta = (ys[off + i + newnj] - ys[off + i]) / newnj;
            for (int j = i; j < i + newnj; j++) {
                ys[off + j] = ys[off + i] + delta * ((j + 1) - (i + 1));
            }
        }
        int k = ((n - 1) / newnj) * newnj + 1;
        if (k != n) {
            // The last point is not on the jump grid: fit it with the last window and interpolate up to it.
            ys[off + n - 1] = estOrValue(y, n, len, ideg, n, nleft, nright, res, userw, rw);
            if (k != n - 1) {
                double delta = (ys[off + n - 1] - ys[off + k - 1]) / (n - k);
                for (int j = k; j < n; j++) {
                    ys[off + j] = ys[off + k - 1] + delta * ((j + 1) - k);
                }
            }
        }
    }

    private static double estOrValue(double[] y, int n, int len, int ideg, int xs, int nleft, int nright,
                                     double[] res, boolean userw, double[] rw) {
        double v = est(y, n, len, ideg, xs, nleft, nright, res, userw, rw);
        return Double.isNaN(v) ? y[xs - 1] : v;
    }

    /**
     * Cycle-subseries smoothing of work[0] into work[1]: each phase j's subseries smoothed and extended by one
     * value at each end, written at positions m·np + j, m = 0..k+1.
     */
    private void ss() {
        double[] yy = work[0];
        double[] out = work[1];
        double[] work1 = work[2];
        double[] work2 = work[3];
        double[] work3 = work[4];
        double[] work4 = season; // scratch: the seasonal component is recomputed after this step
        for (int j = 0; j < np; j++) {
            int k = (n - (j + 1)) / np + 1;
            for (int i = 0; i < k; i++) {
                work1[i] = yy[i * np + j];
            }
            if (userw) {
                for (int i = 0; i < k; i++) {
                    work3[i] = rw[i * np + j];
                }
            }
            ess(work1, k, ns, isdeg, nsjump, userw, work3, work2, 1, work4);
            int nright = Math.min(ns, k);
            double v = est(work1, k, ns, isdeg, 0, 1, nright, work4, userw, work3);
            work2[0] = Double.isNaN(v) ? work2[1] : v;
            int nleft = Math.max(1, k - ns + 1);
            v = est(work1, k, ns, isdeg, k + 1, nleft, k, work4, userw, work3);
            work2[k + 1] = Double.isNaN(v) ? work2[k] : v;
            for (int m = 0; m < k + 2; m++) {
                out[m * np + j] = work2[m];
            }
        }
    }

    /** Low-pass moving averages of work[1] (n + 2·np values): lengths np, np, 3 → n values in work[2]. */
    private void fts() {
        ma(work[1], n + 2 * np, np, work[2]);
        ma(work[2], n + np + 1, np, work[0]);
        ma(work[0], n + 2, 3, work[2]);
    }

    /** Moving average of length len over x[0 .. n−1] into ave[0 .. n−len], by a running sum. */
    private static void ma(double[] x, int n, int len, double[] ave) {
        int newn = n - len + 1;
        double flen = len;
        double v = 0.0;
        for (int i = 0; i < len; i++) {
            v = v + x[i];
        }
        ave[0] = v / flen;
        int k = len;
        int m = 0;
        for (int j = 1; j < newn; j++) {
            v += x[k] - x[m];
            ave[j] = v / flen;
            k++;
            m++;
        }
    }

    /** Robustness weights from the fit in work[0]: bisquare of |y − fit| / (6·median|y − fit|). */
    private void rwts() {
        double[] fit = work[0];
        for (int i = 0; i < n; i++) {
            rw[i] = Math.abs(y[i] - fit[i]);
        }
        double[] sorted = rw.clone();
        Arrays.sort(sorted);
        int mid0 = n / 2;
        int mid1 = n - mid0 - 1;
        // 6·median: the two middle order statistics (equal when n is odd), as statsmodels' partition does.
        double cmad = 3.0 * (sorted[mid0] + sorted[mid1]);
        if (cmad == 0) {
            Arrays.fill(rw, 1.0);
            return;
        }
        double c9 = .999 * cmad;
        double c1 = .001 * cmad;
        for (int i = 0; i < n; i++) {
            double r = rw[i];
            if (r <= c1) {
                rw[i] = 1.0;
            } else if (r <= c9) {
                double u = r / cmad;
                double b = 1.0 - u * u;
                rw[i] = b * b;
            } else {
                rw[i] = 0.0;
            }
        }
    }
}
