package org.anomaly4j.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

import org.anomaly4j.progress.Progress;

/**
 * The one-class SVM dual solved by SMO exactly as libsvm does it (Chang &amp; Lin 2011, the solver of
 * scikit-learn's {@code OneClassSVM}), so that the same data and options give the same multipliers:
 * <pre>
 *   min ½ αᵀQα   subject to 0 ≤ αᵢ ≤ 1,  Σ αᵢ = ν·l,   Q_ij = K(xᵢ, xⱼ) = exp(−γ‖xᵢ − xⱼ‖²)
 * </pre>
 * <ul>
 *   <li>Start (scikit-learn's libsvm): ν·l is accumulated row by row; the first ⌊ν·l⌋ multipliers are 1, the
 *   next takes the remainder, the rest 0.</li>
 *   <li>Working set: the maximal violating i (largest −∇ᵢ among αᵢ &lt; 1) and the j that maximises the
 *   second-order decrease (∇ⱼ − ∇ᵢ)² / (Qᵢᵢ + Qⱼⱼ − 2Qᵢⱼ) among αⱼ &gt; 0 with ∇ⱼ &gt; ∇ᵢ: WSS 2 of Fan, Chen &amp;
 *   Lin (2005), "Working set selection using second order information for training support vector machines",
 *   JMLR 6, 1889–1918. Ties go to the last index, as in libsvm.</li>
 *   <li>Stop when m(α) − M(α) &lt; tol; the two-variable step is clipped to the box as libsvm clips it.</li>
 *   <li>Shrinking every min(l, 1000) iterations: bounded variables whose gradient cannot make them move
 *   leave the active set (the problem is permuted, as libsvm does); the full gradient is rebuilt from
 *   {@code G_bar} (the gradient part of the variables at the upper bound) once the gap first falls below
 *   10·tol and before the final check.</li>
 *   <li>ρ: the mean gradient over free multipliers, else the midpoint of the bounds (libsvm's
 *   {@code calculate_rho}).</li>
 * </ul>
 * Kernel columns are computed as libsvm computes them — for RBF {@code exp(−γ(‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ))}, the
 * other kernels of {@link SvmKernel} from the same dot product
 * product summed in feature order, rounded to float — and kept in a bounded {@link KernelCache}; the n×n
 * matrix is never formed. Each column entry is independent, so columns (and the initial gradient, over row
 * blocks) are computed in parallel on the common pool without changing any value.
 */
final class OneClassSmo {

    /** libsvm's TAU: the curvature used when Qᵢᵢ + Qⱼⱼ − 2Qᵢⱼ ≤ 0. */
    static final double TAU = 1e-12;
    /** Rows of one block of a kernel column (fits the dot-product accumulators in L1). */
    private static final int BLOCK = 512;
    /**
     * Work (kernel entries × (d + 8), the exponential costing about eight multiply-adds) from which a column
     * is split over the pool. Measured on the 2-CPU build machine (d = 10, about 9 ns an entry), one column
     * alone vs split in two: 4,000 entries 34 vs 52 µs, 8,000 68 vs 69 µs, 16,000 138 vs 109 µs, 32,000 287 vs
     * 197 µs, 60,000 519 vs 313 µs: waking a worker costs about 20 µs, so split from about 11,000 entries.
     */
    private static final long PARALLEL_WORK = 3L << 16;

    private static final byte LOWER = 0;
    private static final byte UPPER = 1;
    private static final byte FREE = 2;

    /** The solution in the original row order. */
    record Solution(double[] alpha, double rho, double objective, int iterations, boolean converged) {
    }

    private final int l;
    private final int d;
    private final SvmKernel kernel;
    private final double gamma;
    private final double coef0;
    private final int degree;
    private final double eps;
    private final boolean shrinking;
    private final int maxIter;
    /** Feature-major copy of the data in the solver's (permuted) order: {@code xt[k·l + i]}. */
    private final double[] xt;
    private final double[] xsq;
    private final double[] qd;
    private final double[] alpha;
    private final double[] g;
    private final double[] gBar;
    private final byte[] status;
    private final int[] activeSet;
    private final KernelCache cache;
    private final int parallelism;
    /**
     * One accumulator block per part of a column fill, reused by every fill: a fresh block per fill would
     * make a few KB of garbage per SMO step, hundreds of MB over a fit, which the collector answers by
     * growing the heap (the resident set), not by holding more live data.
     */
    private final double[][] fillAcc;
    private int activeSize;
    private boolean unshrink;
    private int outI;
    private int outJ;

    private OneClassSmo(double[][] x, SvmKernel kernel, double gamma, double coef0, int degree, double eps,
                        boolean shrinking, int maxIter, long cacheBytes) {
        this.l = x.length;
        this.d = x[0].length;
        this.kernel = kernel;
        this.gamma = gamma;
        this.coef0 = coef0;
        this.degree = degree;
        this.eps = eps;
        this.shrinking = shrinking;
        this.maxIter = maxIter;
        this.xt = new double[l * d];
        this.xsq = new double[l];
        for (int i = 0; i < l; i++) {
            double[] row = x[i];
            double s = 0;
            for (int k = 0; k < d; k++) {
                xt[k * l + i] = row[k];
                s += row[k] * row[k];
            }
            xsq[i] = s;
        }
        this.qd = new double[l];
        for (int i = 0; i < l; i++) {
            qd[i] = kernel(i, i);
        }
        this.alpha = new double[l];
        this.g = new double[l];
        this.gBar = new double[l];
        this.status = new byte[l];
        this.activeSet = new int[l];
        this.cache = new KernelCache(l, cacheBytes);
        this.parallelism = parallelism();
        this.fillAcc = new double[Math.max(1, parallelism)][BLOCK];
    }

    /**
     * Solves the one-class dual on the rows of {@code x} (validated, finite, rectangular).
     *
     * @param maxIter -1 for no limit (scikit-learn's {@code max_iter=-1})
     */
    static Solution solve(double[][] x, double nu, SvmKernel kernel, double gamma, double coef0, int degree,
                          double eps, boolean shrinking, int maxIter, long cacheBytes) {
        OneClassSmo s = new OneClassSmo(x, kernel, gamma, coef0, degree, eps, shrinking, maxIter, cacheBytes);
        return s.run(nu);
    }

    /**
     * Threads that a block-parallel loop started here can use: the caller's fork/join pool when it runs in
     * one (so a caller can bound it), else the common pool plus the calling thread.
     */
    static int parallelism() {
        return ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool().getParallelism()
                : ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    /** One kernel value as the training kernel computes it (before rounding to float). */
    private double kernel(int i, int j) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += xt[k * l + i] * xt[k * l + j];
        }
        return kernel.value(dot, xsq[i], xsq[j], gamma, coef0, degree);
    }

    /**
     * Turns acc[t] = xᵢ·x_(b+t) into the kernel values K(xᵢ, x_(b+t)) in place; the kernel is chosen once per
     * block, so the RBF loop stays the plain vectorisable one.
     */
    private void toKernel(double[] acc, double si, int b, int m) {
        switch (kernel) {
            case RBF -> {
                for (int t = 0; t < m; t++) {
                    acc[t] = Math.exp(-gamma * ((si + xsq[b + t]) - 2 * acc[t]));
                }
            }
            case LINEAR -> {
            }
            case POLY -> {
                for (int t = 0; t < m; t++) {
                    acc[t] = SvmKernel.powi(gamma * acc[t] + coef0, degree);
                }
            }
            case SIGMOID -> {
                for (int t = 0; t < m; t++) {
                    acc[t] = Math.tanh(gamma * acc[t] + coef0);
                }
            }
        }
    }

    private Solution run(double nu) {
        // scikit-learn's libsvm accumulates ν·C_i over the rows (C_i = 1) rather than multiplying ν·l
        double nuL = 0;
        for (int i = 0; i < l; i++) {
            nuL += 1.0 * nu;
        }
        int i0 = 0;
        while (nuL > 0 && i0 < l) {
            alpha[i0] = Math.min(1.0, nuL);
            nuL -= alpha[i0];
            ++i0;
        }
        for (int i = 0; i < l; i++) {
            updateStatus(i);
            activeSet[i] = i;
        }
        activeSize = l;
        initialGradient();

        int iter = 0;
        int counter = Math.min(l, 1000) + 1;
        boolean converged = true;
        Progress progress = Progress.start("one-class-svm on " + l + " rows");
        while (true) {
            if ((iter & 1023) == 0) {
                progress.update(String.format(java.util.Locale.ROOT, "%,d SMO iterations", iter));
            }
            if (maxIter != -1 && iter >= maxIter) {
                converged = false;
                break;
            }
            if (--counter == 0) {
                counter = Math.min(l, 1000);
                if (shrinking) {
                    doShrinking();
                }
            }
            if (!selectWorkingSet()) {
                reconstructGradient();
                activeSize = l;
                if (!selectWorkingSet()) {
                    break;
                }
                counter = 1; // shrink at the next iteration
            }
            ++iter;
            step(outI, outJ);
        }

        progress.done(String.format(java.util.Locale.ROOT, "%,d SMO iterations", iter));
        double rho = calculateRho();
        double v = 0;
        for (int i = 0; i < l; i++) {
            v += alpha[i] * g[i];
        }
        double[] out = new double[l];
        for (int i = 0; i < l; i++) {
            out[activeSet[i]] = alpha[i];
        }
        return new Solution(out, rho, v / 2, iter, converged);
    }

    /** One SMO step on the pair (i, j): the analytic minimum along αᵢ + αⱼ = const, clipped to [0, 1]². */
    private void step(int i, int j) {
        float[] qi = column(i, activeSize);
        float[] qj = column(j, activeSize);
        final double ci = 1.0;
        final double cj = 1.0;
        double oldI = alpha[i];
        double oldJ = alpha[j];
        double quad = qd[i] + qd[j] - 2 * qi[j];
        if (quad <= 0) {
            quad = TAU;
        }
        double delta = (g[i] - g[j]) / quad;
        double sum = alpha[i] + alpha[j];
        alpha[i] -= delta;
        alpha[j] += delta;
        if (sum > ci) {
            if (alpha[i] > ci) {
                alpha[i] = ci;
                alpha[j] = sum - ci;
            }
        } else if (alpha[j] < 0) {
            alpha[j] = 0;
            alpha[i] = sum;
        }
        if (sum > cj) {
            if (alpha[j] > cj) {
                alpha[j] = cj;
                alpha[i] = sum - cj;
            }
        } else if (alpha[i] < 0) {
            alpha[i] = 0;
            alpha[j] = sum;
        }

        double dai = alpha[i] - oldI;
        double daj = alpha[j] - oldJ;
        double[] gg = g;
        int n = activeSize;
        for (int k = 0; k < n; k++) {
            gg[k] += qi[k] * dai + qj[k] * daj;
        }

        boolean ui = status[i] == UPPER;
        boolean uj = status[j] == UPPER;
        updateStatus(i);
        updateStatus(j);
        if (ui != (status[i] == UPPER)) {
            addToGBar(column(i, l), ui ? -ci : ci);
        }
        if (uj != (status[j] == UPPER)) {
            addToGBar(column(j, l), uj ? -cj : cj);
        }
    }

    private void addToGBar(float[] q, double c) {
        double[] gb = gBar;
        if (c < 0) {
            double m = -c;
            for (int k = 0; k < l; k++) {
                gb[k] -= m * q[k];
            }
        } else {
            for (int k = 0; k < l; k++) {
                gb[k] += c * q[k];
            }
        }
    }

    private void updateStatus(int i) {
        status[i] = alpha[i] >= 1.0 ? UPPER : alpha[i] <= 0 ? LOWER : FREE;
    }

    /** WSS 2 (all labels +1); false when the gap is below tol (optimal). */
    private boolean selectWorkingSet() {
        double gmax = Double.NEGATIVE_INFINITY;
        int gmaxIdx = -1;
        int n = activeSize;
        for (int t = 0; t < n; t++) {
            if (status[t] != UPPER && -g[t] >= gmax) {
                gmax = -g[t];
                gmaxIdx = t;
            }
        }
        int i = gmaxIdx;
        float[] qi = i != -1 ? column(i, n) : null;
        double gmax2 = Double.NEGATIVE_INFINITY;
        int gminIdx = -1;
        double objMin = Double.POSITIVE_INFINITY;
        double qdi = i != -1 ? qd[i] : 0;
        for (int j = 0; j < n; j++) {
            if (status[j] != LOWER) {
                double gj = g[j];
                double gradDiff = gmax + gj;
                if (gj >= gmax2) {
                    gmax2 = gj;
                }
                if (gradDiff > 0) {
                    double quad = qdi + qd[j] - 2.0 * qi[j];
                    double obj = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / TAU;
                    if (obj <= objMin) {
                        gminIdx = j;
                        objMin = obj;
                    }
                }
            }
        }
        if (gmax + gmax2 < eps || gminIdx == -1) {
            return false;
        }
        outI = gmaxIdx;
        outJ = gminIdx;
        return true;
    }

    private boolean beShrunk(int i, double gmax1, double gmax2) {
        return switch (status[i]) {
            case UPPER -> -g[i] > gmax1;
            case LOWER -> g[i] > gmax2;
            default -> false;
        };
    }

    private void doShrinking() {
        double gmax1 = Double.NEGATIVE_INFINITY; // max −∇ᵢ over αᵢ < 1
        double gmax2 = Double.NEGATIVE_INFINITY; // max ∇ᵢ over αᵢ > 0
        for (int i = 0; i < activeSize; i++) {
            if (status[i] != UPPER && -g[i] >= gmax1) {
                gmax1 = -g[i];
            }
            if (status[i] != LOWER && g[i] >= gmax2) {
                gmax2 = g[i];
            }
        }
        if (!unshrink && gmax1 + gmax2 <= eps * 10) {
            unshrink = true;
            reconstructGradient();
            activeSize = l;
        }
        for (int i = 0; i < activeSize; i++) {
            if (beShrunk(i, gmax1, gmax2)) {
                activeSize--;
                while (activeSize > i) {
                    if (!beShrunk(activeSize, gmax1, gmax2)) {
                        swapIndex(i, activeSize);
                        break;
                    }
                    activeSize--;
                }
            }
        }
    }

    /** Rebuilds the gradient of the inactive variables from G_bar and the free variables. */
    private void reconstructGradient() {
        if (activeSize == l) {
            return;
        }
        for (int j = activeSize; j < l; j++) {
            g[j] = gBar[j] + 0.0; // + p_j, which is 0 for the one-class problem
        }
        int nrFree = 0;
        for (int j = 0; j < activeSize; j++) {
            if (status[j] == FREE) {
                nrFree++;
            }
        }
        // int arithmetic on purpose: libsvm's choice of loop order (it only changes the summation order)
        if (nrFree * l > 2 * activeSize * (l - activeSize)) {
            for (int i = activeSize; i < l; i++) {
                float[] q = column(i, activeSize);
                double s = g[i];
                for (int j = 0; j < activeSize; j++) {
                    if (status[j] == FREE) {
                        s += alpha[j] * q[j];
                    }
                }
                g[i] = s;
            }
        } else {
            for (int i = 0; i < activeSize; i++) {
                if (status[i] == FREE) {
                    float[] q = column(i, l);
                    double a = alpha[i];
                    for (int j = activeSize; j < l; j++) {
                        g[j] += a * q[j];
                    }
                }
            }
        }
    }

    private double calculateRho() {
        int nrFree = 0;
        double ub = Double.POSITIVE_INFINITY;
        double lb = Double.NEGATIVE_INFINITY;
        double sumFree = 0;
        for (int i = 0; i < activeSize; i++) {
            double yg = g[i];
            if (status[i] == UPPER) {
                lb = Math.max(lb, yg);
            } else if (status[i] == LOWER) {
                ub = Math.min(ub, yg);
            } else {
                ++nrFree;
                sumFree += yg;
            }
        }
        return nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
    }

    private void swapIndex(int i, int j) {
        cache.swap(i, j);
        for (int k = 0; k < d; k++) {
            int a = k * l + i;
            int b = k * l + j;
            double t = xt[a];
            xt[a] = xt[b];
            xt[b] = t;
        }
        swap(xsq, i, j);
        swap(qd, i, j);
        swap(g, i, j);
        swap(gBar, i, j);
        swap(alpha, i, j);
        byte s = status[i];
        status[i] = status[j];
        status[j] = s;
        int a = activeSet[i];
        activeSet[i] = activeSet[j];
        activeSet[j] = a;
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }

    // ------------------------------------------------------------------ kernel columns

    /** Column i of Q with at least {@code len} valid entries, from the cache or computed. */
    private float[] column(int i, int len) {
        int start = cache.request(i, len);
        float[] c = cache.column(i);
        if (start < len) {
            fill(i, c, start, len);
        }
        return c;
    }

    private void fill(int i, float[] col, int from, int to) {
        long work = (long) (to - from) * (d + 8);
        if (parallelism < 2 || work < PARALLEL_WORK) {
            fillRange(i, col, from, to, fillAcc[0]);
            return;
        }
        int parts = (int) Math.min(parallelism, work / (PARALLEL_WORK / 2));
        int chunk = (to - from + parts - 1) / parts;
        List<RecursiveAction> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int a = from + p * chunk;
            int b = Math.min(to, a + chunk);
            double[] acc = fillAcc[p];
            if (a < b) {
                tasks.add(new RecursiveAction() {
                    @Override
                    protected void compute() {
                        fillRange(i, col, a, b, acc);
                    }
                });
            }
        }
        ForkJoinTask.invokeAll(tasks);
    }

    /** col[j] = (float) K(i, j) for j in [from, to), the dot products vectorised over j. */
    private void fillRange(int i, float[] col, int from, int to, double[] acc) {
        double si = xsq[i];
        for (int b = from; b < to; b += BLOCK) {
            int m = Math.min(BLOCK, to - b);
            dots(i, b, m, acc);
            toKernel(acc, si, b, m);
            for (int t = 0; t < m; t++) {
                col[b + t] = (float) acc[t];
            }
        }
    }

    /**
     * acc[t] = xᵢ·x_(b+t) for t in [0, m), each summed over the features in order (0 + x₀y₀ + x₁y₁ + …, as
     * libsvm's {@code dot}); four features per pass so the accumulator is loaded and stored less often,
     * vectorised over t by the JIT.
     */
    private void dots(int i, int b, int m, double[] acc) {
        Arrays.fill(acc, 0, m, 0.0);
        int k = 0;
        for (; k + 4 <= d; k += 4) {
            double v0 = xt[k * l + i];
            double v1 = xt[(k + 1) * l + i];
            double v2 = xt[(k + 2) * l + i];
            double v3 = xt[(k + 3) * l + i];
            int o0 = k * l + b;
            int o1 = o0 + l;
            int o2 = o1 + l;
            int o3 = o2 + l;
            for (int t = 0; t < m; t++) {
                acc[t] = (((acc[t] + v0 * xt[o0 + t]) + v1 * xt[o1 + t]) + v2 * xt[o2 + t]) + v3 * xt[o3 + t];
            }
        }
        for (; k < d; k++) {
            double v = xt[k * l + i];
            int o = k * l + b;
            for (int t = 0; t < m; t++) {
                acc[t] += v * xt[o + t];
            }
        }
    }

    /**
     * G = Qα and G_bar = Σ over αᵢ = 1 of Q[:, i], summed over i in increasing order for every row as libsvm
     * does, but tiled by row blocks (in parallel) instead of caching each column of the ν·l starting ones.
     */
    private void initialGradient() {
        int nz = 0;
        for (int i = 0; i < l; i++) {
            if (status[i] != LOWER) {
                nz++;
            }
        }
        int[] idx = new int[nz];
        nz = 0;
        for (int i = 0; i < l; i++) {
            if (status[i] != LOWER) {
                idx[nz++] = i;
            }
        }
        int blocks = (l + BLOCK - 1) / BLOCK;
        long work = (long) nz * l * (d + 8);
        if (parallelism < 2 || work < PARALLEL_WORK || blocks < 2) {
            gradientBlocks(idx, 0, blocks);
            return;
        }
        int parts = Math.min(blocks, parallelism * 4);
        List<RecursiveAction> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int a = (int) ((long) blocks * p / parts);
            int b = (int) ((long) blocks * (p + 1) / parts);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    gradientBlocks(idx, a, b);
                }
            });
        }
        ForkJoinTask.invokeAll(tasks);
    }

    private void gradientBlocks(int[] idx, int firstBlock, int endBlock) {
        double[] acc = new double[BLOCK];
        for (int blk = firstBlock; blk < endBlock; blk++) {
            int b = blk * BLOCK;
            int m = Math.min(BLOCK, l - b);
            for (int i : idx) {
                dots(i, b, m, acc);
                toKernel(acc, xsq[i], b, m);
                double ai = alpha[i];
                if (status[i] == UPPER) {
                    for (int t = 0; t < m; t++) {
                        float q = (float) acc[t];
                        g[b + t] += ai * q;
                        gBar[b + t] += 1.0 * q;
                    }
                } else {
                    for (int t = 0; t < m; t++) {
                        float q = (float) acc[t];
                        g[b + t] += ai * q;
                    }
                }
            }
        }
    }
}
