package org.anomaly4j.detect.density;

/**
 * Histogram-based outlier score (HBOS): a row is anomalous when its values fall in sparse bins of the
 * per-feature histograms of the training data; features are treated as independent.
 * <p><b>Method</b> (PyOD's {@code HBOS} with a static number of bins, {@code pyod/models/hbos.py} 3.x). For
 * each feature j a histogram of {@code bins} equal-width bins over [min, max] of the training column (numpy's
 * {@code np.histogram(x, bins, density=True)}: edges e_k = min + k·(max − min)/bins, the last one exactly max;
 * a constant column gets the range [v − 0.5, v + 0.5]; bins are [e_k, e_k+1) and the last one is closed) gives
 * densities h_jk = count_k / (width_k · n). A value v is placed with {@code np.digitize(v, edges, right=True)}:
 * bin k when e_k &lt; v ≤ e_k+1 (the training minimum goes to the first bin). Its per-feature log-density is
 * <pre>  s_j(v) = log2(h_jk + α)</pre>
 * α (default 0.1) keeps empty bins finite. A value left of e_0 by at most {@code tol} · (first bin width) takes
 * the first bin's s, right of the last edge by at most {@code tol} · (last bin width) the last bin's; a value
 * further out takes min_k s_j. The score is
 * <pre>  HBOS(x) = −Σ_j s_j(x_j)</pre>
 * (PyOD's {@code decision_function}, {@code invert_order} of the sum), higher = more anomalous.
 * <p><b>Parameters</b> (defaults = PyOD's): {@code bins} = 10 (≥ 2; PyOD {@code n_bins}; PyOD's "auto"
 * Birgé–Rozenholc choice is not offered), {@code alpha} = 0.1 in (0, 1), {@code tol} = 0.5 in (0, 1).
 * <p><b>Exactness.</b> Edges, counts and densities use numpy's arithmetic order, so they equal numpy's to the
 * last bit; scores differ from PyOD only by log2's last-bit rounding (golden test: 1e-12).
 * <p><b>Complexity.</b> Fit O(n·d) plus the scoring pass for the training scores; scoring O(n·d·log bins);
 * state O(d·bins).
 * <p><b>Reference.</b> M. Goldstein, A. Dengel (2012), "Histogram-based Outlier Score (HBOS): A fast
 * Unsupervised Anomaly Detection Algorithm", KI-2012: Poster and Demo Track, pp. 59–63.
 */
public final class Hbos {

    public static final String ALGORITHM = "HBOS";
    /** PyOD's default {@code n_bins}. */
    public static final int DEFAULT_BINS = 10;
    /** PyOD's default regulariser α: log2(0 + 0.1) ≈ −3.3 for an empty bin instead of −∞. */
    public static final double DEFAULT_ALPHA = 0.1;
    /** PyOD's default tolerance, in bin widths, for values just outside the training range. */
    public static final double DEFAULT_TOL = 0.5;

    private final int bins;
    private final double alpha;
    private final double tol;

    /** PyOD's defaults: 10 bins, α = 0.1, tol = 0.5. */
    public Hbos() {
        this(DEFAULT_BINS, DEFAULT_ALPHA, DEFAULT_TOL);
    }

    public Hbos(int bins, double alpha, double tol) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be at least 2, got " + bins);
        }
        Checks.range("alpha", alpha, 0, true, 1, true);
        Checks.range("tol", tol, 0, true, 1, true);
        this.bins = bins;
        this.alpha = alpha;
        this.tol = tol;
    }

    /** Builds the per-feature histograms of {@code x} (n ≥ 2 rows, finite); {@code x} is not modified. */
    public Fitted fit(double[][] x) {
        int d = Checks.fit(x, 2, ALGORITHM);
        int n = x.length;
        double[][] edges = new double[d][];
        double[][] density = new double[d][bins];
        // row-major passes: one for the ranges, one for the counts (each row array is touched twice, not 2·d times)
        double[] lo = x[0].clone();
        double[] hi = x[0].clone();
        for (int i = 1; i < n; i++) {
            double[] row = x[i];
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], row[j]);
                hi[j] = Math.max(hi[j], row[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            if (lo[j] == hi[j]) { // numpy's _get_outer_edges: a constant column spans one unit around its value
                lo[j] -= 0.5;
                hi[j] += 0.5;
            }
            edges[j] = Linspace.edges(lo[j], hi[j], bins);
        }
        long[][] counts = new long[d][bins];
        double[] perUnit = new double[d];
        for (int j = 0; j < d; j++) {
            perUnit[j] = bins / (hi[j] - lo[j]);
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double v = row[j];
                double[] e = edges[j];
                // numpy's uniform-bin path: a first guess from the scaled value (off by at most one bin), then
                // corrected against the edges, which alone decide the bin
                int k = (int) ((v - lo[j]) * perUnit[j]);
                if (k == bins) {
                    k--;
                }
                if (v < e[k]) {
                    k--;
                } else if (k != bins - 1 && v >= e[k + 1]) {
                    k++;
                }
                counts[j][k]++;
            }
        }
        for (int j = 0; j < d; j++) {
            double[] e = edges[j];
            for (int k = 0; k < bins; k++) {
                density[j][k] = counts[j][k] / (e[k + 1] - e[k]) / n; // numpy: n / db / n.sum()
            }
        }
        return new Fitted(alpha, tol, edges, density, x, null);
    }

    public int bins() {
        return bins;
    }

    public double alpha() {
        return alpha;
    }

    public double tol() {
        return tol;
    }

    /**
     * Fitted HBOS state: per feature the {@code bins + 1} edges and {@code bins} densities (PyOD's
     * {@code bin_edges_} and {@code hist_}, transposed to one row per feature), α, tol, and the training scores.
     */
    public static final class Fitted {

        private final double alpha;
        private final double tol;
        private final double[][] edges;
        private final double[][] density;
        /** log2(h + α) per feature and bin, and its minimum (for values far outside the range). */
        private final double[][] logDensity;
        private final double[] floor;
        /** bins / (last edge − first edge): scales a value to its approximate bin. */
        private final double[] perUnit;
        private final double[] trainingScores;

        /**
         * Restores a fitted state (e.g. from a model file), validated: {@code edges[j]} strictly increasing with
         * {@code bins + 1} values, {@code density[j]} with {@code bins} non-negative values, the same bins for
         * every feature; {@code trainingScores} finite. Arrays are copied.
         */
        public Fitted(double alpha, double tol, double[][] edges, double[][] density, double[] trainingScores) {
            this(alpha, tol, validEdges(edges), validDensity(density, edges), null,
                    Checks.state("trainingScores", trainingScores, trainingScores == null ? 0 : trainingScores.length));
        }

        /** Either {@code train} (scored here) or {@code trainingScores} (already validated) is given. */
        private Fitted(double alpha, double tol, double[][] edges, double[][] density, double[][] train,
                double[] trainingScores) {
            Checks.range("alpha", alpha, 0, true, 1, true);
            Checks.range("tol", tol, 0, true, 1, true);
            this.alpha = alpha;
            this.tol = tol;
            this.edges = edges;
            this.density = density;
            int d = edges.length;
            this.logDensity = new double[d][];
            this.floor = new double[d];
            this.perUnit = new double[d];
            for (int j = 0; j < d; j++) {
                double[] s = new double[density[j].length];
                double min = Double.POSITIVE_INFINITY;
                for (int k = 0; k < s.length; k++) {
                    s[k] = Math.log(density[j][k] + alpha) / LN2;
                    min = Math.min(min, s[k]);
                }
                logDensity[j] = s;
                floor[j] = min;
                perUnit[j] = s.length / (edges[j][s.length] - edges[j][0]);
            }
            this.trainingScores = train == null ? trainingScores : scoreRows(train);
        }

        private static final double LN2 = Math.log(2);

        private static double[][] validEdges(double[][] edges) {
            if (edges == null || edges.length == 0) {
                throw new IllegalArgumentException("edges must have one row per feature, got none");
            }
            int b = edges[0] == null ? 0 : edges[0].length;
            if (b < 3) {
                throw new IllegalArgumentException("edges[0] must have bins + 1 ≥ 3 values, got " + b);
            }
            double[][] e = Checks.state("edges", edges, edges.length, b);
            for (int j = 0; j < e.length; j++) {
                for (int k = 1; k < b; k++) {
                    if (!(e[j][k] > e[j][k - 1])) {
                        throw new IllegalArgumentException("edges[" + j + "] must increase strictly, but value " + k
                                + " is " + e[j][k] + " after " + e[j][k - 1]);
                    }
                }
            }
            return e;
        }

        private static double[][] validDensity(double[][] density, double[][] edges) {
            double[][] h = Checks.state("density", density, edges.length, edges[0].length - 1);
            for (double[] row : h) {
                for (double v : row) {
                    if (v < 0) {
                        throw new IllegalArgumentException("density values must be ≥ 0, got " + v);
                    }
                }
            }
            return h;
        }

        /** HBOS(x) = −Σ_j log2(h_j(x_j) + α) for each row; higher = more anomalous. */
        public double[] score(double[][] x) {
            Checks.score(x, edges.length, ALGORITHM);
            return scoreRows(x);
        }

        private double[] scoreRows(double[][] x) {
            int d = edges.length;
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += logDensity(j, x[i][j]);
                }
                out[i] = -sum;
            }
            return out;
        }

        /**
         * Per-feature terms −log2(h_j(x_j) + α) of each row (n × d): they sum to {@link #score} (same order of
         * addition), so the largest term names the feature whose value is rarest — an {@code explain} for HBOS.
         */
        public double[][] contributions(double[][] x) {
            Checks.score(x, edges.length, ALGORITHM);
            int d = edges.length;
            double[][] out = new double[x.length][d];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < d; j++) {
                    out[i][j] = -logDensity(j, x[i][j]);
                }
            }
            return out;
        }

        /** s_j(v) with PyOD's rules for values outside the training range (see the class comment). */
        private double logDensity(int j, double v) {
            double[] e = edges[j];
            int bins = e.length - 1;
            double[] s = logDensity[j];
            if (v <= e[0]) { // np.digitize(v, e, right=True) = 0: left of (or on) the first edge
                return e[0] - v <= (e[1] - e[0]) * tol ? s[0] : floor[j];
            }
            if (v > e[bins]) { // digitize = bins + 1: right of the last edge
                return v - e[bins] <= (e[bins] - e[bins - 1]) * tol ? s[bins - 1] : floor[j];
            }
            // inside: the bin k with e[k] < v ≤ e[k+1], guessed from the scaled value and corrected on the edges
            int k = (int) ((v - e[0]) * perUnit[j]);
            k = Math.min(Math.max(k, 0), bins - 1);
            while (k > 0 && v <= e[k]) {
                k--;
            }
            while (k < bins - 1 && v > e[k + 1]) {
                k++;
            }
            return s[k];
        }

        public double[] trainingScores() {
            return trainingScores.clone();
        }

        public int features() {
            return edges.length;
        }

        public double alpha() {
            return alpha;
        }

        public double tol() {
            return tol;
        }

        /** Bin edges, one row of {@code bins + 1} values per feature (a copy). */
        public double[][] edges() {
            return Checks.copy(edges);
        }

        /** Histogram densities, one row of {@code bins} values per feature (a copy; each row integrates to 1). */
        public double[][] density() {
            return Checks.copy(density);
        }
    }
}
