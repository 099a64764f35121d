package org.anomaly4j.detect;

import org.anomaly4j.stats.PairwiseSum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;


import tech.tablesaw.api.Table;

/**
 * One-class support vector machine: learns a boundary around the bulk of the training data in the feature
 * space of an RBF kernel; rows outside it are anomalies. Equal to scikit-learn's
 * {@code sklearn.svm.OneClassSVM(kernel="rbf")}, which runs libsvm: the same options give the same SMO
 * iterations, support vectors, multipliers and ρ, and decision values equal to about 1e−13 (the exponential
 * of Java and of C differ in the last bit now and then).
 * <p><b>Model.</b> With {@code K(x, y) = exp(−γ‖x − y‖²)}, the multipliers α solve the dual of Schölkopf et al.
 * (2001) in libsvm's scaling
 * <pre>
 *   min ½ Σᵢⱼ αᵢ αⱼ K(xᵢ, xⱼ)   subject to 0 ≤ αᵢ ≤ 1,  Σᵢ αᵢ = ν·l      (l training rows)
 * </pre>
 * and the decision function is {@code f(x) = Σᵢ αᵢ K(xᵢ, x) − ρ}, summed over the support vectors (αᵢ &gt; 0).
 * ν is an upper bound on the fraction of training rows outside the boundary and a lower bound on the
 * fraction of support vectors. The dual is solved by libsvm's SMO with second-order working-set selection,
 * shrinking and a bounded kernel-column cache ({@code OneClassSmo}, {@code KernelCache}): training memory is the
 * data plus {@code cacheSize}, never the l × l matrix.
 * <p><b>Score.</b> {@code score(x) = −f(x)}: the <i>negated scikit-learn {@code decision_function}</i>, so
 * higher = more anomalous. Natural threshold: scikit-learn's {@code predict} marks a row an outlier when
 * {@code f(x) ≤ 0}, i.e. when the score is ≥ 0; since our rule is "score &gt; threshold", the natural
 * threshold is the largest double below zero, {@code −Double.MIN_VALUE} (−4.9e−324), so that exactly the same
 * rows are flagged.
 * <p><b>Options</b> (scikit-learn's defaults and names):
 * <ul>
 *   <li>{@code nu} 0.5, in (0, 1] ({@code nu});</li>
 *   <li>{@code gamma} "scale" = 1 / (d · Var(X)) with the variance over all values of the training matrix
 *   (numpy's {@code X.var()}, ddof 0; 1 if it is 0), "auto" = 1 / d, or a number &gt; 0 ({@code gamma});</li>
 *   <li>{@code tol} 1e−3: stop when the maximal violation m(α) − M(α) is below it ({@code tol});</li>
 *   <li>{@code shrinking} true ({@code shrinking});</li>
 *   <li>{@code cacheSize} 200 MB of kernel columns, the training memory bound ({@code cache_size});</li>
 *   <li>{@code maxIter} −1 = no limit ({@code max_iter}).</li>
 * </ul>
 * Only the RBF kernel is offered (scikit-learn's default and the one the seeds use).
 * <p><b>Complexity.</b> Fitting costs O(ν·l²·d) kernel evaluations for the starting gradient plus O(l·d) per
 * SMO iteration whose columns are not cached (iterations grow roughly linearly with l); memory O(l·d) plus
 * the cache. Scoring costs O(n · #SV · d). Kernel columns, the starting gradient and scoring run over row
 * blocks on the common pool (or on the fork/join pool the caller runs in); every value is computed in the
 * same order whatever the thread count.
 * <p><b>References.</b> Schölkopf, Platt, Shawe-Taylor, Smola &amp; Williamson (2001), "Estimating the support
 * of a high-dimensional distribution", Neural Computation 13(7), 1443–1471. Fan, Chen &amp; Lin (2005),
 * "Working set selection using second order information for training support vector machines", Journal of
 * Machine Learning Research 6, 1889–1918. Chang &amp; Lin (2011), "LIBSVM: a library for support vector
 * machines", ACM Transactions on Intelligent Systems and Technology 2(3), 27.
 * <pre>{@code
 * var svm = OneClassSvm.with().nu(0.1).gamma(0.05).fit(hive, "T17", "RH17");
 * svm.labels(hive).countTrue();   // 214, like scikit-learn
 * }</pre>
 */
public final class OneClassSvm extends AbstractDetector<OneClassSvm, OneClassSvm.OneClassSvmModel> {

    public static final String NAME = "one-class-svm";
    /** The largest double below 0: score ≥ 0 (decision ≤ 0) is an outlier, as in libsvm's predict. */
    public static final double NATURAL_THRESHOLD = -Double.MIN_VALUE;
    /** scikit-learn's {@code cache_size} default, MB. */
    public static final double DEFAULT_CACHE_MB = 200;

    public static final Param<Double> NU = Param.number("nu", 0.5, 0, true, 1, false,
            "upper bound on the fraction of training outliers, lower bound on the fraction of support vectors");
    public static final Param<SvmKernel> KERNEL = SvmKernel.PARAM;
    public static final Param<Gamma> GAMMA = Gamma.PARAM;
    public static final Param<Integer> DEGREE = Param.integer("degree", 3, 0, 100, "degree p of the poly kernel")
            .sinceVersion();
    public static final Param<Double> COEF0 = Param.number("coef0", 0.0, Double.NEGATIVE_INFINITY, false,
            Double.POSITIVE_INFINITY, false, "constant r of the poly and sigmoid kernels").sinceVersion();
    public static final Param<Double> TOL = Param.number("tol", 1e-3, 0, true, Double.POSITIVE_INFINITY, false,
            "stopping tolerance on the maximal KKT violation");
    public static final Param<Boolean> SHRINKING = Param.flag("shrinking", true, "libsvm's shrinking heuristic");
    public static final Param<Double> CACHE_SIZE = Param.number("cacheSize", DEFAULT_CACHE_MB, 0, true, 1 << 20, false,
            "kernel cache in MB (bounds memory, does not change results)");
    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", -1, "-1 (no limit) or an integer >= 1",
            v -> v == -1 || v >= 1, "iteration limit");

    public static final DetectorType<OneClassSvm, OneClassSvmModel> TYPE = DetectorType.of(NAME,
            "One-class SVM (Schoelkopf et al. 2001), libsvm's SMO as scikit-learn uses it, RBF kernel; "
                    + "score = -decision_function, natural threshold 0",
            OneClassSvm::new, OneClassSvmModel.class, new Codec(), NU, GAMMA, TOL, SHRINKING, CACHE_SIZE, MAX_ITER, KERNEL,
            DEGREE, COEF0);

    private OneClassSvm(Options options) {
        super(TYPE, options);
    }

    /** scikit-learn's defaults: nu 0.5, gamma "scale", tol 1e-3, shrinking, 200 MB cache, natural threshold. */
    public static OneClassSvm with() {
        return TYPE.defaults();
    }

    /** Upper bound on the fraction of training outliers, lower bound on the fraction of support vectors. */
    public OneClassSvm nu(double value) {
        return set(NU, value);
    }

    /** RBF kernel coefficient: {@link Gamma#of}, {@link Gamma#scale()} or {@link Gamma#auto()}. */
    public OneClassSvm gamma(Gamma value) {
        return set(GAMMA, value);
    }

    /** RBF kernel coefficient γ in exp(−γ‖x − y‖²), > 0. */
    public OneClassSvm gamma(double value) {
        return gamma(Gamma.of(value));
    }

    /** {@code "scale"}: 1 / (d · Var(X)); {@code "auto"}: 1 / d (or a number as text). */
    public OneClassSvm gamma(String rule) {
        return gamma(GAMMA.parse(rule));
    }

    /** The kernel: {@link SvmKernel#RBF} (default), LINEAR, POLY or SIGMOID (scikit-learn's {@code kernel}). */
    public OneClassSvm kernel(SvmKernel value) {
        return set(KERNEL, value);
    }

    /** The kernel by scikit-learn's name: "rbf", "linear", "poly" or "sigmoid". */
    public OneClassSvm kernel(String name) {
        return kernel(KERNEL.parse(name));
    }

    /** Degree p of the poly kernel (γ x·y + r)^p, default 3. */
    public OneClassSvm degree(int value) {
        return set(DEGREE, value);
    }

    /** Constant r of the poly and sigmoid kernels, default 0. */
    public OneClassSvm coef0(double value) {
        return set(COEF0, value);
    }

    /** Stopping tolerance on the maximal KKT violation. */
    public OneClassSvm tol(double value) {
        return set(TOL, value);
    }

    /** Whether to use libsvm's shrinking heuristic (same optimum, usually faster). */
    public OneClassSvm shrinking(boolean value) {
        return set(SHRINKING, value);
    }

    /** Kernel-column cache, MB (bounds training memory; does not change results). */
    public OneClassSvm cacheSize(double megabytes) {
        return set(CACHE_SIZE, megabytes);
    }

    /** Iteration limit, -1 for none; a fit that reaches it is marked not converged. */
    public OneClassSvm maxIter(int value) {
        return set(MAX_ITER, value);
    }

    @Override
    protected OneClassSvmModel fitChecked(double[][] x, ModelInfo info) {
        int d = x[0].length;
        double g = resolveGamma(x);
        long bytes = (long) (get(CACHE_SIZE) * (1 << 20));
        SvmKernel kernel = get(KERNEL);
        OneClassSmo.Solution s = OneClassSmo.solve(x, get(NU), kernel, g, get(COEF0), get(DEGREE), get(TOL),
                get(SHRINKING), get(MAX_ITER), bytes);
        double[] a = s.alpha();
        int nSv = 0;
        for (double v : a) {
            if (Math.abs(v) > 0) {
                nSv++;
            }
        }
        int[] support = new int[nSv];
        double[] coef = new double[nSv];
        double[] sv = new double[nSv * d];
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i]) > 0) {
                support[k] = i;
                coef[k] = a[i];
                System.arraycopy(x[i], 0, sv, k * d, d);
                k++;
            }
        }
        SupportVectors state = new SupportVectors(kernel, d, g, get(COEF0), get(DEGREE), s.rho(), support, coef, sv,
                s.iterations(), s.converged());
        double[] scores = state.decision(x);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = -scores[i];
        }
        return new OneClassSvmModel(info, TrainingScores.fitted(info, scores, NATURAL_THRESHOLD), state);
    }

    /** The γ this detector uses on training data x (a number, or the "scale"/"auto" rule applied). */
    double resolveGamma(double[][] x) {
        int d = x[0].length;
        return switch (get(GAMMA)) {
            case Gamma.Auto a -> 1.0 / d;
            case Gamma.Scale sc -> {
                double var = numpyVariance(x);
                yield var != 0 ? 1.0 / (d * var) : 1.0;
            }
            case Gamma.Value v -> v.gamma();
        };
    }

    /**
     * numpy's {@code X.var()} over all values (ddof 0), bit for bit: mean and sum of squares with numpy's
     * pairwise summation over the row-major values, so that "scale" gives scikit-learn's γ exactly.
     */
    static double numpyVariance(double[][] x) {
        int d = x[0].length;
        int n = x.length * d;
        double[] flat = new double[n];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        double mean = (0.0 + PairwiseSum.of(flat, 0, n)) / n;
        for (int i = 0; i < n; i++) {
            double c = flat[i] - mean;
            flat[i] = c * c;
        }
        return (0.0 + PairwiseSum.of(flat, 0, n)) / n;
    }

    /** Model files: γ, ρ, the support rows, their multipliers and vectors, the SMO iteration count. */
    private static final class Codec implements ModelCodec<OneClassSvmModel> {
        @Override
        public void write(OneClassSvmModel m, StateWriter s) {
            SupportVectors v = m.state;
            int nSv = v.coef.length;
            double[] sv = new double[nSv * v.d];
            for (int i = 0; i < nSv; i++) {
                for (int k = 0; k < v.d; k++) {
                    sv[i * v.d + k] = v.svT[k * nSv + i];
                }
            }
            s.put("gamma", v.gamma).put("rho", v.rho).put("nSupport", nSv).put("support", v.support)
                    .put("dualCoef", v.coef).put("supportVectors", sv).put("iterations", v.iterations);
        }

        @Override
        public OneClassSvmModel read(ModelInfo info, TrainingScores scores, StateReader f) {
            int d = info.features().size();
            int rows = scores.count();
            double gammaValue = f.number("gamma");
            if (!(gammaValue > 0)) {
                throw f.bad("gamma", "must be > 0, got " + gammaValue);
            }
            double rho = f.number("rho");
            int nSv = (int) f.integer("nSupport", 1, rows);
            int[] support = f.ints("support", nSv, 0, rows - 1);
            for (int i = 1; i < nSv; i++) {
                if (support[i] <= support[i - 1]) {
                    throw f.bad("support[" + i + "]", "must be an increasing row index, got " + support[i]);
                }
            }
            double[] coef = f.numbers("dualCoef", nSv);
            for (int i = 0; i < nSv; i++) {
                if (!(coef[i] > 0 && coef[i] <= 1)) {
                    throw f.bad("dualCoef[" + i + "]", "must be in (0, 1], got " + coef[i]);
                }
            }
            if ((long) nSv * d > Integer.MAX_VALUE) {
                throw f.bad("supportVectors", "is too large");
            }
            double[] sv = f.numbers("supportVectors", nSv * d);
            int iterations = (int) f.integer("iterations", 0, Integer.MAX_VALUE);
            int maxIter = info.options().get(MAX_ITER);
            boolean converged = maxIter == -1 || iterations < maxIter;
            return new OneClassSvmModel(info, scores,
                    new SupportVectors(info.options().get(KERNEL), d, gammaValue, info.options().get(COEF0),
                            info.options().get(DEGREE), rho, support, coef, sv, iterations, converged));
        }
    }

    /** The fitted state: support vectors (feature-major, for the scoring loop), multipliers, γ and ρ. */
    static final class SupportVectors {
        /** Rows per scoring task, and rows scored together (their sums interleaved for speed). */
        private static final int ROW_BLOCK = 64;
        private static final int ROWS = 4;
        /** Support vectors per chunk of the scoring loop (keeps the distances in L1). */
        private static final int SV_CHUNK = 256;
        /** Scoring work (rows × SVs × (d + 8)) from which rows are split over the common pool. */
        private static final long PARALLEL_WORK = 1L << 18;

        private final SvmKernel kernel;
        private final double coef0;
        private final int degree;
        private final int d;
        private final double gamma;
        private final double rho;
        private final int[] support;
        private final double[] coef;
        /** Support vectors feature-major: {@code svT[k·nSv + s]}. */
        private final double[] svT;
        private final int iterations;
        private final boolean converged;

        SupportVectors(SvmKernel kernel, int d, double gamma, double coef0, int degree, double rho, int[] support,
                       double[] coef, double[] sv, int iterations, boolean converged) {
            this.kernel = kernel;
            this.coef0 = coef0;
            this.degree = degree;
            this.d = d;
            this.gamma = gamma;
            this.rho = rho;
            this.support = support.clone();
            this.coef = coef.clone();
            this.svT = transpose(sv, coef.length, d);
            this.iterations = iterations;
            this.converged = converged;
        }

        private static double[] transpose(double[] rowMajor, int rows, int cols) {
            double[] t = new double[rowMajor.length];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < cols; k++) {
                    t[k * rows + i] = rowMajor[i * cols + k];
                }
            }
            return t;
        }

        /** Σ αᵢ K(svᵢ, x) − ρ of each row. */
        double[] decision(double[][] x) {
            int n = x.length;
            double[] out = new double[n];
            int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
            long work = (long) n * coef.length * (d + 8);
            int parallelism = OneClassSmo.parallelism();
            if (parallelism < 2 || work < PARALLEL_WORK || blocks < 2) {
                decisionRows(x, out, 0, n);
                return out;
            }
            int parts = Math.min(blocks, parallelism * 4);
            List<RecursiveAction> tasks = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                int a = (int) ((long) blocks * p / parts) * ROW_BLOCK;
                int b = (int) Math.min(n, (long) blocks * (p + 1) / parts * ROW_BLOCK);
                tasks.add(new RecursiveAction() {
                    @Override
                    protected void compute() {
                        decisionRows(x, out, a, b);
                    }
                });
            }
            ForkJoinTask.invokeAll(tasks);
            return out;
        }

        /**
         * Decision values of rows [from, to): for each row, libsvm's sum over the support vectors in order of
         * αₛ·exp(−γ Σₖ (xₖ − svₛₖ)²), then − ρ. Four rows are summed side by side (each in libsvm's order).
         */
        private void decisionRows(double[][] x, double[] out, int from, int to) {
            if (kernel == SvmKernel.RBF) {
                rbfRows(x, out, from, to);
                return;
            }
            // libsvm's k_function on the dot product, summed over the support vectors in order
            int nSv = coef.length;
            for (int r = from; r < to; r++) {
                double[] row = x[r];
                double sum = 0;
                for (int t = 0; t < nSv; t++) {
                    double dot = 0;
                    for (int k = 0; k < d; k++) {
                        dot += row[k] * svT[k * nSv + t];
                    }
                    sum += coef[t] * kernel.value(dot, 0, 0, gamma, coef0, degree);
                }
                out[r] = sum - rho;
            }
        }

        /** RBF decision values, the distances summed as libsvm's {@code k_function} does. */
        private void rbfRows(double[][] x, double[] out, int from, int to) {
            int nSv = coef.length;
            double[] dist = new double[ROWS * SV_CHUNK];
            for (int r0 = from; r0 < to; r0 += ROWS) {
                int rows = Math.min(ROWS, to - r0);
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                for (int s0 = 0; s0 < nSv; s0 += SV_CHUNK) {
                    int m = Math.min(SV_CHUNK, nSv - s0);
                    for (int r = 0; r < ROWS; r++) {
                        double[] row = x[r0 + Math.min(r, rows - 1)];
                        int base = r * SV_CHUNK;
                        for (int t = 0; t < m; t++) {
                            dist[base + t] = 0;
                        }
                        int k = 0;
                        // two features per pass: the same sum order, half the accumulator traffic
                        for (; k + 2 <= d; k += 2) {
                            double x0 = row[k];
                            double x1 = row[k + 1];
                            int o0 = k * nSv + s0;
                            int o1 = o0 + nSv;
                            for (int t = 0; t < m; t++) {
                                double u0 = x0 - svT[o0 + t];
                                double u1 = x1 - svT[o1 + t];
                                dist[base + t] = (dist[base + t] + u0 * u0) + u1 * u1;
                            }
                        }
                        for (; k < d; k++) {
                            double xk = row[k];
                            int off = k * nSv + s0;
                            for (int t = 0; t < m; t++) {
                                double u = xk - svT[off + t];
                                dist[base + t] += u * u;
                            }
                        }
                        for (int t = 0; t < m; t++) {
                            dist[base + t] = Math.exp(-gamma * dist[base + t]);
                        }
                    }
                    for (int t = 0; t < m; t++) {
                        double c = coef[s0 + t];
                        a0 += c * dist[t];
                        a1 += c * dist[SV_CHUNK + t];
                        a2 += c * dist[2 * SV_CHUNK + t];
                        a3 += c * dist[3 * SV_CHUNK + t];
                    }
                }
                out[r0] = a0 - rho;
                if (rows > 1) {
                    out[r0 + 1] = a1 - rho;
                }
                if (rows > 2) {
                    out[r0 + 2] = a2 - rho;
                }
                if (rows > 3) {
                    out[r0 + 3] = a3 - rho;
                }
            }
        }

    }

    /**
     * A fitted one-class SVM: the support vectors with their multipliers, γ and ρ (scikit-learn's
     * {@code support_vectors_}, {@code dual_coef_}, {@code _gamma}, {@code offset_}).
     */
    public static final class OneClassSvmModel extends AbstractModel {
        private final SupportVectors state;

        private OneClassSvmModel(ModelInfo info, TrainingScores scores, SupportVectors state) {
            super(info, scores);
            this.state = state;
        }

        @Override
        protected double[] scores(double[][] x) {
            double[] f = state.decision(x);
            for (int i = 0; i < f.length; i++) {
                f[i] = -f[i];
            }
            return f;
        }

        /** scikit-learn's {@code decision_function}: Σ αᵢ K(svᵢ, x) − ρ; negative outside the boundary. */
        public double[] decisionFunction(double[][] x) {
            return negate(score(x));
        }

        /** {@link #decisionFunction(double[][])} of a table's feature columns. */
        public double[] decisionFunction(Table table) {
            return negate(score(table));
        }

        private static double[] negate(double[] s) {
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = -s[i];
            }
            return out;
        }

        /** γ used by the kernel (the "scale"/"auto" rules resolved on the training data). */
        public double gamma() {
            return state.gamma;
        }

        /** ρ, the offset of the decision function (scikit-learn's {@code offset_} = −{@code intercept_}). */
        public double rho() {
            return state.rho;
        }

        /** Number of support vectors. */
        public int supportCount() {
            return state.coef.length;
        }

        /** Training-row indices of the support vectors, increasing (scikit-learn's {@code support_}). */
        public int[] support() {
            return state.support.clone();
        }

        /** Multipliers αᵢ ∈ (0, 1] of the support vectors (scikit-learn's {@code dual_coef_[0]}). */
        public double[] dualCoef() {
            return state.coef.clone();
        }

        /** The support vectors, one row each (scikit-learn's {@code support_vectors_}). */
        public double[][] supportVectors() {
            int nSv = state.coef.length;
            double[][] out = new double[nSv][state.d];
            for (int s = 0; s < nSv; s++) {
                for (int k = 0; k < state.d; k++) {
                    out[s][k] = state.svT[k * nSv + s];
                }
            }
            return out;
        }

        /** SMO iterations of the fit (scikit-learn's {@code n_iter_}). */
        public int iterations() {
            return state.iterations;
        }

        /** False when the fit stopped at {@code maxIter} before reaching the tolerance. */
        public boolean converged() {
            return state.converged;
        }

        @Override
        protected String describeState() {
            return String.format(Locale.ROOT, "%s kernel, %d support vectors, gamma %.6g, rho %.6g, %d SMO iterations%s",
                    state.kernel, state.coef.length, state.gamma, state.rho, state.iterations,
                    state.converged ? "" : " (stopped at maxIter, not converged)");
        }
    }
}
