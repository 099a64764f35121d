package org.anomaly4j.detect.density;

/**
 * Principal-component outlier score: a row is anomalous when it is far out along the principal axes of the
 * training data, especially along the minor ones, where normal rows vary least.
 * <p><b>Method.</b> Optionally standardise each feature (z = (x − mean) / std, population std, a constant
 * feature keeps scale 1 — scikit-learn's {@code StandardScaler}, PyOD's default {@code standardization=True}).
 * Eigen-decompose the covariance of z (denominator n − 1): eigenvalues λ_1 ≥ … ≥ λ_d (scikit-learn's
 * {@code explained_variance_}), unit eigenvectors v_j with scikit-learn's sign rule (the entry of largest
 * magnitude positive, {@code svd_flip(u_based_decision=False)}). Over the selected components S — the last
 * {@code selected} ones, i.e. the smallest eigenvalues (PyOD's {@code n_selected_components}; all by default):
 * <ul>
 *   <li>{@link Scoring#PROJECTION} (Shyu et al. 2003): s(x) = Σ_{j∈S} y_j² / λ_j with y_j = v_j · (z − z̄);
 *   with all components this is the squared Mahalanobis distance; {@code weighted = false} gives Σ y_j², the
 *   squared reconstruction error of the components left out;</li>
 *   <li>{@link Scoring#PYOD} (PyOD's {@code PCA.decision_function}, {@code pyod/models/pca.py} lines 265–268):
 *   s(x) = Σ_{j∈S} ‖z − v_j‖ / r_j, the Euclidean distance from z to the component vector itself over the
 *   explained-variance ratio r_j = λ_j / Σλ ({@code weighted = false}: r_j = 1). Kept for parity with PyOD's
 *   numbers; it is not the paper's quantity.</li>
 * </ul>
 * Components with λ_j ≤ d·ε·λ_1 (no variance: a rank-deficient table) are left out of both sums, as scipy's
 * {@code pinvh} leaves them out of an inverse (PyOD would divide by ~0 there).
 * <p><b>Parameters</b>: {@code scoring} = PROJECTION; {@code selected} = d (1..d); {@code weighted} = true;
 * {@code standardize} = true.
 * <p><b>Exactness.</b> Eigenvalues equal scikit-learn's {@code PCA} to ~1e-13·λ_1 (Jacobi vs LAPACK), scores
 * to 1e-9 relative where the eigenvalues are distinct (golden test).
 * <p><b>Complexity.</b> Fit O(n·d² + d³); scoring O(m·d·|S|); state O(d²).
 * <p><b>Reference.</b> M.-L. Shyu, S.-C. Chen, K. Sarinnapakorn, L. Chang (2003), "A Novel Anomaly Detection
 * Scheme Based on Principal Component Classifier", Proceedings of the IEEE Foundations and New Directions of
 * Data Mining Workshop (ICDM 2003), pp. 172–179.
 */
public final class Pca {

    public static final String ALGORITHM = "PCA";

    /** Which sum over the selected components is the score (see the class comment). */
    public enum Scoring {
        /** Σ y_j² / λ_j (Shyu et al. 2003; unweighted: the squared reconstruction error). */
        PROJECTION,
        /** Σ ‖z − v_j‖ / (λ_j / Σλ), PyOD's {@code PCA} score. */
        PYOD
    }

    private final Scoring scoring;
    private final int selected;
    private final boolean weighted;
    private final boolean standardize;

    /** PROJECTION over all components, weighted, standardised. */
    public Pca() {
        this(Scoring.PROJECTION, 0, true, true);
    }

    /** @param selected number of minor components scored, 1..d, or 0 for all (checked against d at fit) */
    public Pca(Scoring scoring, int selected, boolean weighted, boolean standardize) {
        if (scoring == null) {
            throw new IllegalArgumentException("scoring is null; use PROJECTION or PYOD");
        }
        if (selected < 0) {
            throw new IllegalArgumentException("selected must be ≥ 1 (or 0 for all components), got " + selected);
        }
        this.scoring = scoring;
        this.selected = selected;
        this.weighted = weighted;
        this.standardize = standardize;
    }

    /** Fits on {@code x} (n ≥ 2 finite rows; not modified). */
    public Fitted fit(double[][] x) {
        int d = Checks.fit(x, 2, ALGORITHM);
        int n = x.length;
        if (selected > d) {
            throw new IllegalArgumentException("selected must be in 1.." + d + " (the number of features), got "
                    + selected);
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double e = row[j] - mean[j];
                scale[j] += e * e;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = !standardize || sd == 0 ? 1 : sd; // StandardScaler keeps scale 1 for a constant feature
            if (!standardize) {
                mean[j] = 0;
            }
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[] center = new double[d];
        double[] cov = MinCovDet.meanCovariance(z, all, n, center);
        for (int k = 0; k < cov.length; k++) {
            cov[k] = cov[k] * n / (n - 1); // PCA's explained_variance_ uses n − 1
        }
        SymmetricEigen eig = new SymmetricEigen(cov, d);
        double[][] components = new double[d][d];
        double[] variance = new double[d];
        for (int k = 0; k < d; k++) {
            int arg = 0;
            for (int i = 1; i < d; i++) {
                if (Math.abs(eig.vectors[k * d + i]) > Math.abs(eig.vectors[k * d + arg])) {
                    arg = i;
                }
            }
            double sign = eig.vectors[k * d + arg] < 0 ? -1 : 1;
            for (int i = 0; i < d; i++) {
                components[k][i] = sign * eig.vectors[k * d + i];
            }
            variance[k] = Math.max(0, eig.values[k]); // scikit-learn's covariance_eigh clips negatives to 0
        }
        Fitted f = new Fitted(true, scoring, selected == 0 ? d : selected, weighted, mean, scale, center,
                components, variance, null);
        return new Fitted(true, scoring, f.selected, weighted, mean, scale, center, components, variance,
                f.scoreRows(x));
    }

    /**
     * Fitted PCA state: the standardisation (mean, scale; 0 and 1 when off), the mean of the standardised data
     * (scikit-learn's {@code mean_}, ~0 when standardised), all d components as rows (descending variance) and
     * their variances, the options, and the training scores.
     */
    public static final class Fitted {

        private final Scoring scoring;
        private final int selected;
        private final boolean weighted;
        private final double[] mean;
        private final double[] scale;
        private final double[] center;
        private final double[][] components;
        private final double[] variance;
        /** Per component: 1 / weight, or 0 when left out (selection, or no variance). */
        private final double[] inverseWeight;
        private final double[] trainingScores;

        /** Trusted arrays (from fit or already validated); {@code unchecked} only tells the constructors apart. */
        private Fitted(boolean unchecked, Scoring scoring, int selected, boolean weighted, double[] mean,
                double[] scale, double[] center, double[][] components, double[] variance, double[] trainingScores) {
            this.scoring = scoring;
            this.selected = selected;
            this.weighted = weighted;
            this.mean = mean;
            this.scale = scale;
            this.center = center;
            this.components = components;
            this.variance = variance;
            this.trainingScores = trainingScores;
            int d = variance.length;
            double total = 0;
            double max = 0;
            for (double v : variance) {
                total += v;
                max = Math.max(max, v);
            }
            double cut = d * Math.ulp(1.0) * max;
            inverseWeight = new double[d];
            for (int k = d - selected; k < d; k++) {
                if (variance[k] > cut) {
                    double w = !weighted ? 1 : scoring == Scoring.PROJECTION ? variance[k] : variance[k] / total;
                    inverseWeight[k] = 1 / w;
                }
            }
        }

        /**
         * Restores a fitted state (copied and validated): options, standardisation {@code mean}/{@code scale}
         * (d each, scale &gt; 0), {@code center} (d), {@code components} (d × d, rows = unit eigenvectors in
         * descending {@code variance} order), {@code variance} (d, ≥ 0), training scores.
         */
        public Fitted(Scoring scoring, int selected, boolean weighted, double[] mean, double[] scale,
                double[] center, double[][] components, double[] variance, double[] trainingScores) {
            this(true, validScoring(scoring), validSelected(selected, variance), weighted,
                    Checks.state("mean", mean, variance.length), positive("scale", scale, variance.length),
                    Checks.state("center", center, variance.length),
                    Checks.state("components", components, variance.length, variance.length),
                    descending(variance), Checks.state("trainingScores", trainingScores,
                            trainingScores == null ? 0 : trainingScores.length));
        }

        private static Scoring validScoring(Scoring s) {
            if (s == null) {
                throw new IllegalArgumentException("scoring is null");
            }
            return s;
        }

        private static int validSelected(int selected, double[] variance) {
            if (variance == null || variance.length == 0) {
                throw new IllegalArgumentException("variance must hold one value per component, got none");
            }
            if (selected < 1 || selected > variance.length) {
                throw new IllegalArgumentException("selected must be in 1.." + variance.length + ", got " + selected);
            }
            return selected;
        }

        private static double[] positive(String name, double[] a, int d) {
            double[] c = Checks.state(name, a, d);
            for (double v : c) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException(name + " values must be > 0, got " + v);
                }
            }
            return c;
        }

        private static double[] descending(double[] v) {
            double[] c = Checks.state("variance", v, v.length);
            for (int k = 0; k < c.length; k++) {
                if (c[k] < 0 || (k > 0 && c[k] > c[k - 1])) {
                    throw new IllegalArgumentException("variance must be ≥ 0 and descending, got " + c[k]
                            + " at " + k);
                }
            }
            return c;
        }

        /** The score of each row (see {@link Scoring}); higher = more anomalous. */
        public double[] score(double[][] x) {
            Checks.score(x, mean.length, ALGORITHM);
            return scoreRows(x);
        }

        private double[] scoreRows(double[][] x) {
            int d = mean.length;
            double[] z = new double[d];
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < d; j++) {
                    z[j] = (x[i][j] - mean[j]) / scale[j];
                }
                double sum = 0;
                for (int k = d - selected; k < d; k++) {
                    double iw = inverseWeight[k];
                    if (iw == 0) {
                        continue;
                    }
                    double[] v = components[k];
                    double t = 0;
                    if (scoring == Scoring.PROJECTION) {
                        for (int j = 0; j < d; j++) {
                            t += v[j] * (z[j] - center[j]);
                        }
                        sum += t * t * iw;
                    } else {
                        for (int j = 0; j < d; j++) {
                            double e = z[j] - v[j];
                            t += e * e;
                        }
                        sum += Math.sqrt(t) * iw;
                    }
                }
                out[i] = sum;
            }
            return out;
        }

        public double[] trainingScores() {
            return trainingScores.clone();
        }

        /** Variances along the components, descending (scikit-learn's {@code explained_variance_}). */
        public double[] variance() {
            return variance.clone();
        }

        /** Components as rows (scikit-learn's {@code components_}), a copy. */
        public double[][] components() {
            return Checks.copy(components);
        }

        public double[] mean() {
            return mean.clone();
        }

        public double[] scale() {
            return scale.clone();
        }

        public double[] center() {
            return center.clone();
        }

        public Scoring scoring() {
            return scoring;
        }

        public int selected() {
            return selected;
        }

        public boolean weighted() {
            return weighted;
        }
    }
}
