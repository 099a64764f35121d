package org.anomaly4j.detect.density;

import java.util.Arrays;

/**
 * Gaussian mixture density: a row is anomalous when the fitted mixture of k full-covariance Gaussians gives it
 * a low likelihood. The score is the negative log-density
 * <pre>  s(x) = −log Σ_c π_c N(x; μ_c, Σ_c)</pre>
 * = −scikit-learn's {@code GaussianMixture.score_samples} (PyOD's {@code GMM} decision score).
 * <p><b>Method</b> (scikit-learn's {@code GaussianMixture(covariance_type='full', init_params='kmeans')}):
 * responsibilities start one-hot from the labels of {@link org.anomaly4j.detect.cluster.KMeans} (scikit-learn's
 * {@code KMeans(n_clusters=k, n_init=1)}: greedy k-means++ seeding, then Lloyd iterations, at most 300, tol 1e-4);
 * EM then alternates the M-step (n_c = Σ r_ic + 10ε, π_c = n_c / n, μ_c = Σ r_ic x_i / n_c,
 * Σ_c = Σ r_ic (x_i − μ_c)(x_i − μ_c)ᵀ / n_c + reg·I) and the E-step (r_ic ∝ π_c N(x_i; μ_c, Σ_c), computed in
 * logs with log-sum-exp) until the mean log-likelihood changes by less than {@code tol}, at most
 * {@code maxIter} times.
 * <p><b>Parameters</b> (scikit-learn's defaults): {@code components} = 1 ({@code n_components}, ≥ 1, ≤ n),
 * {@code tol} = 1e-3, {@code regCovar} = 1e-6 ({@code reg_covar}, ≥ 0), {@code maxIter} = 100, {@code seed} = 0
 * ({@code random_state}).
 * <p><b>Why not Smile.</b> Smile 4.4.2's {@code MultivariateGaussianMixture} factors its covariances with native
 * OpenBLAS/LAPACK, which this build excludes ({@code NoClassDefFoundError} for
 * {@code org.bytedeco.openblas.global.openblas}; see the test); this class is pure Java.
 * <p><b>Exactness.</b> scikit-learn's k-means random stream cannot be reproduced; on well-separated clusters
 * both reach the same maximum, and with {@code tol} = 1e-10 the log-densities agree to 1e-8 (golden test). With
 * one component the fit is closed-form and equal to 1e-12.
 * <p><b>Complexity.</b> Each EM iteration O(n·k·d²) plus O(k·d³) Cholesky factorisations; state O(k·d²).
 * <p><b>Reference.</b> A. P. Dempster, N. M. Laird, D. B. Rubin (1977), "Maximum Likelihood from Incomplete
 * Data via the EM Algorithm", JRSS B 39(1), pp. 1–38. D. Arthur, S. Vassilvitskii (2007), "k-means++: The
 * Advantages of Careful Seeding", SODA, pp. 1027–1035.
 */
public final class GaussianMixture {

    public static final String ALGORITHM = "Gaussian mixture";
    public static final int DEFAULT_COMPONENTS = 1;
    public static final double DEFAULT_TOL = 1e-3;
    public static final double DEFAULT_REG_COVAR = 1e-6;
    public static final int DEFAULT_MAX_ITER = 100;
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** scikit-learn adds 10·ε to every component's weight so an empty one does not divide by zero. */
    private static final double WEIGHT_FLOOR = 10 * Math.ulp(1.0);

    private final int components;
    private final double tol;
    private final double regCovar;
    private final int maxIter;
    private final long seed;

    /** scikit-learn's defaults: 1 component, tol 1e-3, reg_covar 1e-6, 100 iterations, seed 0. */
    public GaussianMixture() {
        this(DEFAULT_COMPONENTS, DEFAULT_TOL, DEFAULT_REG_COVAR, DEFAULT_MAX_ITER, 0);
    }

    public GaussianMixture(int components, double tol, double regCovar, int maxIter, long seed) {
        if (components < 1) {
            throw new IllegalArgumentException("components must be ≥ 1, got " + components);
        }
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be > 0, got " + tol);
        }
        if (!(regCovar >= 0) || Double.isInfinite(regCovar)) {
            throw new IllegalArgumentException("regCovar must be ≥ 0, got " + regCovar);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be ≥ 1, got " + maxIter);
        }
        this.components = components;
        this.tol = tol;
        this.regCovar = regCovar;
        this.maxIter = maxIter;
        this.seed = seed;
    }

    /** Fits on {@code x} (n ≥ max(2, components) finite rows; not modified). */
    public Fitted fit(double[][] x) {
        int d = Checks.fit(x, Math.max(2, components), ALGORITHM);
        int n = x.length;
        int k = components;
        double[][] resp = new double[n][k];
        // scikit-learn's init_params='kmeans': KMeans(n_clusters=k, n_init=1, random_state).fit(X).labels_
        int[] labels = k == 1 ? new int[n]
                : new org.anomaly4j.detect.cluster.KMeans(k, 1, org.anomaly4j.detect.cluster.KMeans.DEFAULT_MAX_ITER,
                        org.anomaly4j.detect.cluster.KMeans.DEFAULT_TOL).fit(x, seed).labels();
        for (int i = 0; i < n; i++) {
            resp[i][labels[i]] = 1;
        }
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][] cov = new double[k][d * d];
        mStep(x, resp, weights, means, cov);
        double lower = Double.NEGATIVE_INFINITY;
        int iter = 0;
        boolean converged = false;
        for (iter = 1; iter <= maxIter; iter++) {
            double previous = lower;
            lower = eStep(x, weights, means, cov, resp);
            mStep(x, resp, weights, means, cov);
            if (Math.abs(lower - previous) < tol) {
                converged = true;
                break;
            }
        }
        return new Fitted(weights, means, cov, x, converged, Math.min(iter, maxIter));
    }

    /** M-step: scikit-learn's {@code _estimate_gaussian_parameters} for full covariances, weights normalised. */
    private void mStep(double[][] x, double[][] resp, double[] weights, double[][] means, double[][] cov) {
        int n = x.length;
        int d = x[0].length;
        int k = weights.length;
        for (int c = 0; c < k; c++) {
            double nk = WEIGHT_FLOOR;
            for (int i = 0; i < n; i++) {
                nk += resp[i][c];
            }
            double[] mu = means[c];
            Arrays.fill(mu, 0);
            for (int i = 0; i < n; i++) {
                double r = resp[i][c];
                if (r != 0) {
                    for (int j = 0; j < d; j++) {
                        mu[j] += r * x[i][j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                mu[j] /= nk;
            }
            double[] s = cov[c];
            Arrays.fill(s, 0);
            double[] e = new double[d];
            for (int i = 0; i < n; i++) {
                double r = resp[i][c];
                if (r == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    e[j] = x[i][j] - mu[j];
                }
                for (int a = 0; a < d; a++) {
                    double ra = r * e[a];
                    for (int b = a; b < d; b++) {
                        s[a * d + b] += ra * e[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    s[a * d + b] /= nk;
                    s[b * d + a] = s[a * d + b];
                }
                s[a * d + a] += regCovar;
            }
            weights[c] = nk;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int c = 0; c < k; c++) {
            weights[c] /= total; // = n_c / n up to the 10ε floors
        }
    }

    /** E-step: responsibilities into {@code resp}; returns the mean log-likelihood. */
    private static double eStep(double[][] x, double[] weights, double[][] means, double[][] cov, double[][] resp) {
        Density density = new Density(weights, means, cov);
        double total = 0;
        double[] logp = new double[weights.length];
        double[] scratch = new double[means[0].length];
        for (int i = 0; i < x.length; i++) {
            double norm = density.logComponents(x[i], logp, scratch);
            for (int c = 0; c < logp.length; c++) {
                resp[i][c] = Math.exp(logp[c] - norm);
            }
            total += norm;
        }
        return total / x.length;
    }

    /** The mixture's log-densities through one Cholesky factor per component. */
    static final class Density {

        private final double[] logWeights;
        private final double[][] means;
        private final double[][] chol;
        private final double[] logNorm;

        Density(double[] weights, double[][] means, double[][] cov) {
            int k = weights.length;
            int d = means[0].length;
            this.logWeights = new double[k];
            this.means = means;
            this.chol = new double[k][];
            this.logNorm = new double[k];
            for (int c = 0; c < k; c++) {
                logWeights[c] = Math.log(weights[c]);
                chol[c] = cholesky(cov[c], d, c);
                double logDet = 0;
                for (int j = 0; j < d; j++) {
                    logDet += Math.log(chol[c][j * d + j]);
                }
                logNorm[c] = -0.5 * d * LOG_2PI - logDet;
            }
        }

        /** Fills log(π_c N(x; c)) and returns their log-sum-exp, log p(x); {@code scratch} has length d. */
        double logComponents(double[] x, double[] out, double[] scratch) {
            int d = scratch.length;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < out.length; c++) {
                double[] l = chol[c];
                double[] mu = means[c];
                double q = 0;
                for (int i = 0; i < d; i++) { // forward substitution L z = x − μ
                    double v = x[i] - mu[i];
                    for (int j = 0; j < i; j++) {
                        v -= l[i * d + j] * scratch[j];
                    }
                    v /= l[i * d + i];
                    scratch[i] = v;
                    q += v * v;
                }
                out[c] = logWeights[c] + logNorm[c] - 0.5 * q;
                max = Math.max(max, out[c]);
            }
            double sum = 0;
            for (double v : out) {
                sum += Math.exp(v - max);
            }
            return max + Math.log(sum);
        }

        private static double[] cholesky(double[] a, int d, int component) {
            double[] l = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i * d + j];
                    for (int m = 0; m < j; m++) {
                        s -= l[i * d + m] * l[j * d + m];
                    }
                    if (i == j) {
                        if (!(s > 0)) {
                            throw new IllegalArgumentException("the covariance of component " + component
                                    + " is not positive definite (collapsed onto fewer dimensions than the data); "
                                    + "increase regCovar, use fewer components, or drop collinear columns");
                        }
                        l[i * d + i] = Math.sqrt(s);
                    } else {
                        l[i * d + j] = s / l[j * d + j];
                    }
                }
            }
            return l;
        }
    }

    /**
     * Fitted mixture: weights π (k), means (k × d), covariances (k row-major d × d matrices, regularisation
     * included — scikit-learn's {@code weights_}, {@code means_}, {@code covariances_}), whether EM converged,
     * the iterations used and the training scores.
     */
    public static final class Fitted {

        private final double[] weights;
        private final double[][] means;
        private final double[][] covariances;
        private final boolean converged;
        private final int iterations;
        private final Density density;
        private final double[] trainingScores;

        private Fitted(double[] weights, double[][] means, double[][] covariances, double[][] train,
                boolean converged, int iterations) {
            this.weights = weights;
            this.means = means;
            this.covariances = covariances;
            this.converged = converged;
            this.iterations = iterations;
            this.density = new Density(weights, means, covariances);
            this.trainingScores = scoreRows(train);
        }

        /** Restores a fitted state (copied and validated: weights &gt; 0, covariances symmetric positive definite). */
        public Fitted(double[] weights, double[][] means, double[][] covariances, boolean converged, int iterations,
                double[] trainingScores) {
            int k = weights == null ? 0 : weights.length;
            if (k == 0 || means == null || means.length != k || means[0] == null || means[0].length == 0) {
                throw new IllegalArgumentException("weights and means must describe the same k ≥ 1 components");
            }
            int d = means[0].length;
            this.weights = Checks.state("weights", weights, k);
            for (double w : this.weights) {
                if (!(w > 0)) {
                    throw new IllegalArgumentException("weights must be > 0, got " + w);
                }
            }
            this.means = Checks.state("means", means, k, d);
            this.covariances = Checks.state("covariances", covariances, k, d * d);
            this.converged = converged;
            this.iterations = iterations;
            this.density = new Density(this.weights, this.means, this.covariances);
            this.trainingScores = Checks.state("trainingScores", trainingScores,
                    trainingScores == null ? 0 : trainingScores.length);
        }

        /** −log p(x) of each row; higher = more anomalous. */
        public double[] score(double[][] x) {
            Checks.score(x, means[0].length, ALGORITHM);
            return scoreRows(x);
        }

        private double[] scoreRows(double[][] x) {
            double[] out = new double[x.length];
            double[] logp = new double[weights.length];
            double[] scratch = new double[means[0].length];
            for (int i = 0; i < x.length; i++) {
                out[i] = -density.logComponents(x[i], logp, scratch);
            }
            return out;
        }

        public double[] trainingScores() {
            return trainingScores.clone();
        }

        public double[] weights() {
            return weights.clone();
        }

        public double[][] means() {
            return Checks.copy(means);
        }

        public double[][] covariances() {
            return Checks.copy(covariances);
        }

        public boolean converged() {
            return converged;
        }

        public int iterations() {
            return iterations;
        }
    }
}
