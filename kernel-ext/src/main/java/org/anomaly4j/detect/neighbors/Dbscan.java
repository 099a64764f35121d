package org.anomaly4j.detect.neighbors;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.anomaly4j.features.Matrices;

/**
 * DBSCAN (density-based spatial clustering of applications with noise): rows in dense regions form clusters,
 * rows in no dense region are noise — the anomalies.
 * <p><b>Method</b> (Ester et al. 1996; scikit-learn's {@code DBSCAN(eps, min_samples, metric='euclidean')}). The
 * ε-neighbourhood of a row is every training row within Euclidean distance ε of it, the row itself included; a
 * row is a <i>core sample</i> when its neighbourhood holds at least {@code minSamples} rows. Core samples within
 * ε of each other are in the same cluster (connected components); a non-core row within ε of a core sample is a
 * <i>border</i> point of that cluster; every other row is <i>noise</i> (label −1). Labels as scikit-learn
 * numbers them: clusters in the order of their lowest-index core sample, a border point reachable from several
 * clusters in the lowest-numbered one (what scikit-learn's depth-first expansion in index order gives, whatever
 * the order inside a neighbourhood) — so the labels equal scikit-learn's, not only the noise.
 * <p><b>Score.</b> The distance from a row to the nearest core sample: 0 for a core sample, at most ε for a
 * border point, more than ε for noise. So {@code score > ε} ⇔ noise, exactly, for the training rows, and for a
 * new row the same rule says whether it would be absorbed by a cluster (within ε of a core sample) without
 * changing the clustering. "Within ε" is squared distance ≤ ε·ε (scikit-learn's trees compare squared
 * distances); where a noise row's distance rounds to exactly ε the score is the next double above ε, so that the
 * equivalence holds to the last bit.
 * <p><b>Parameters</b> (defaults = scikit-learn's): ε (> 0, {@code eps} = 0.5) and {@code minSamples} (≥ 1,
 * {@code min_samples} = 5, the row itself counted). ε depends on the scale of the features: standardise them,
 * or take ε near the knee of the sorted distances to the (minSamples − 1)-th neighbour (the k-distance plot of
 * Ester et al., §4.2).
 * <p><b>Complexity.</b> Two radius queries per training row on the exact neighbour engine
 * ({@link NearestNeighbors}: k-d tree up to 15 dimensions, else a linear scan) — O(n log n) for a small ε,
 * O(n²) when ε covers most rows — and memory O(n): neighbourhoods are visited, never stored (scikit-learn keeps
 * them all). Scoring: one nearest-core query per row.
 * <p><b>Reference.</b> M. Ester, H.-P. Kriegel, J. Sander, X. Xu (1996), "A density-based algorithm for
 * discovering clusters in large spatial databases with noise", Proceedings of KDD-96, pp. 226–231.
 */
public final class Dbscan {

    /** scikit-learn's default {@code eps}: a unit-free guess that suits standardised features only. */
    public static final double DEFAULT_EPS = 0.5;
    /** scikit-learn's default {@code min_samples} (Ester et al. take MinPts = 4 for 2-d data, excluding the row). */
    public static final int DEFAULT_MIN_SAMPLES = 5;

    private final double eps;
    private final int minSamples;

    public Dbscan(double eps, int minSamples) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
        }
        this.eps = eps;
        this.minSamples = minSamples;
    }

    /**
     * Clusters the rows of {@code x} (rectangular, finite; not modified). At least one row must be a core sample;
     * otherwise every row is noise and the error says how to change ε or minSamples.
     */
    public Fitted fit(double[][] x) {
        int d = Matrices.width(x);
        int n = x.length;
        NearestNeighbors nn = NearestNeighbors.fit(x);
        int[] counts = nn.radiusCounts(eps);
        boolean[] core = new boolean[n];
        int cores = 0;
        for (int i = 0; i < n; i++) {
            core[i] = counts[i] >= minSamples;
            cores += core[i] ? 1 : 0;
        }
        if (cores == 0) {
            throw new IllegalArgumentException("DBSCAN found no core sample (no row has " + minSamples
                    + " rows within eps = " + eps + "), so every row is noise; increase eps (it depends on the "
                    + "features' scale: standardise them, or read eps off the k-distance plot) or lower minSamples");
        }
        int[] labels = labels(nn, core, n);
        double[][] coreRows = new double[cores][];
        for (int i = 0, c = 0; i < n; i++) {
            if (core[i]) {
                coreRows[c++] = x[i].clone();
            }
        }
        Fitted f = new Fitted(eps, minSamples, coreRows, labels, null);
        return f.withTrainingScores(f.score(x));
    }

    /**
     * Connected components of the core samples (union–find over their ε-neighbourhoods), numbered by their
     * lowest core index; border rows take the lowest cluster number among the core samples within ε.
     */
    private int[] labels(NearestNeighbors nn, boolean[] core, int n) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                int a = i;
                nn.forEachWithin(i, eps, j -> {
                    if (core[j]) {
                        union(parent, a, j);
                    }
                });
            }
        }
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int[] labels = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                int r = find(parent, i);
                if (number[r] < 0) {
                    number[r] = next++;
                }
                labels[i] = number[r];
            }
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            if (!core[i]) {
                int[] best = {Integer.MAX_VALUE};
                nn.forEachWithin(i, eps, j -> {
                    if (core[j] && labels[j] < best[0]) {
                        best[0] = labels[j];
                    }
                });
                labels[i] = best[0] == Integer.MAX_VALUE ? -1 : best[0];
            }
        });
        return labels;
    }

    private static int find(int[] parent, int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[i] != r) { // path compression
            int next = parent[i];
            parent[i] = r;
            i = next;
        }
        return r;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    public double eps() {
        return eps;
    }

    public int minSamples() {
        return minSamples;
    }

    /**
     * A fitted DBSCAN: the core samples (all that scoring needs), the training labels (−1 = noise) and the
     * training scores (distance to the nearest core sample).
     */
    public static final class Fitted {

        private final double eps;
        private final int minSamples;
        private final double[][] cores;
        private final int[] labels;
        private final double[] trainingScores;
        private final NearestNeighbors index;

        /**
         * From a fit, or from a model file ({@code labels} may then be null: they are not needed to score).
         *
         * @param cores the core samples, rows of equal width, finite (copied)
         */
        public Fitted(double eps, int minSamples, double[][] cores, int[] labels, double[] trainingScores) {
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
            }
            Matrices.width(cores);
            this.eps = eps;
            this.minSamples = minSamples;
            this.cores = Matrices.copy(cores);
            this.labels = labels == null ? null : labels.clone();
            this.trainingScores = trainingScores == null ? null : trainingScores.clone();
            this.index = NearestNeighbors.fit(this.cores);
        }

        private Fitted(Fitted f, double[] trainingScores) {
            this.eps = f.eps;
            this.minSamples = f.minSamples;
            this.cores = f.cores;
            this.labels = f.labels;
            this.trainingScores = trainingScores;
            this.index = f.index;
        }

        /** The same fitted state with its training scores (the index over the core samples is shared, not rebuilt). */
        private Fitted withTrainingScores(double[] scores) {
            return new Fitted(this, scores.clone());
        }

        /**
         * Distance from each row to the nearest core sample (0 for a core sample); greater than ε exactly when
         * the row is noise (not within ε of any core sample).
         */
        public double[] score(double[][] x) {
            int w = Matrices.width(x);
            if (w != index.dimension()) {
                throw new IllegalArgumentException("DBSCAN was fitted on " + index.dimension() + " columns but the data "
                        + "to score has " + w + "; pass the same columns in the same order");
            }
            Neighbors nb = index.kneighbors(x, 1);
            double r2 = eps * eps;
            double[] s = new double[x.length];
            for (int i = 0; i < s.length; i++) {
                double dist = nb.distance(i, 0);
                if (dist == eps && squared(x[i], cores[nb.index(i, 0)]) > r2) {
                    dist = Math.nextUp(eps); // noise whose square root rounds down onto ε
                }
                s[i] = dist;
            }
            return s;
        }

        private static double squared(double[] a, double[] b) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                double t = a[j] - b[j];
                s += t * t;
            }
            return s;
        }

        public double eps() {
            return eps;
        }

        public int minSamples() {
            return minSamples;
        }

        /** The core samples (a copy). */
        public double[][] cores() {
            return Matrices.copy(cores);
        }

        /** Cluster label of each training row, −1 for noise (a copy); null for a model read from a file. */
        public int[] labels() {
            return labels == null ? null : labels.clone();
        }

        /** Distance of each training row to the nearest core sample (a copy); null for a model read from a file. */
        public double[] trainingScores() {
            return trainingScores == null ? null : trainingScores.clone();
        }

    }
}
