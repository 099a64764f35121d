package org.anomaly4j.detect.cluster;

import java.util.Arrays;

import org.anomaly4j.features.Matrices;

/**
 * Cluster-based local outlier factor (CBLOF): a row is anomalous when it is far from the centre of the large
 * cluster it belongs to, or — for a row of a small cluster — far from every large cluster.
 * <p><b>Method</b> (He, Xu &amp; Deng 2003, with PyOD's {@code CBLOF} definitions, {@code pyod/models/cblof.py}).
 * The rows are clustered by {@link KMeans} (PyOD's default estimator, scikit-learn's {@code KMeans}). With the
 * cluster sizes |C_1| ≥ |C_2| ≥ … ≥ |C_k| (sorted descending; equal sizes keep the lower cluster index first),
 * the boundary b is the first i in 1 … k−1 that satisfies both
 * <pre>  (α)  |C_1| + … + |C_i| ≥ α·n        (β)  |C_i| / |C_{i+1}| ≥ β</pre>
 * or, if none satisfies both, the first satisfying (α), else the first satisfying (β); if none satisfies either
 * the data cannot be split and fitting fails. C_1 … C_b are the large clusters, the rest small. The score is
 * <pre>  CBLOF(x) = dist(x, centre of its cluster)                 if its cluster is large
 *  CBLOF(x) = min over large clusters L of dist(x, centre of L)  if its cluster is small</pre>
 * times the size of its cluster when {@code useWeights} (the paper's factor; off by default in PyOD, because it
 * hides outliers near small clusters). A row's cluster is its k-means label for the training rows and the
 * nearest centre for new rows (the same thing, since k-means labels match the final centres). Euclidean
 * distance; no natural threshold (PyOD's contamination 0.1).
 * <p><b>Parameters</b> (defaults = PyOD's): k = 8 ({@code n_clusters}), α = 0.9 in (0, 1), β = 5 (&gt; 1),
 * {@code useWeights} = false. The paper's Squeezer clustering is replaced by k-means, as in PyOD.
 * <p><b>Exactness.</b> From the same clustering the scores equal PyOD's up to the last bit of a square root
 * (golden test: 1e-12). Where two clusters of equal size straddle the boundary, which of them is large follows
 * our stable order; numpy's {@code argsort} (quicksort) does not promise one.
 * <p><b>Complexity.</b> Fit: k-means plus O(n·k·d); score O(k·d) per row.
 * <p><b>Reference.</b> Z. He, X. Xu, S. Deng (2003), "Discovering cluster-based local outliers", Pattern
 * Recognition Letters 24(9–10), pp. 1641–1650.
 */
public final class Cblof {

    /** PyOD's default α: the large clusters hold at least 90 % of the rows. */
    public static final double DEFAULT_ALPHA = 0.9;
    /** PyOD's default β: a size drop by a factor 5 separates large from small clusters. */
    public static final double DEFAULT_BETA = 5;

    private final double alpha;
    private final double beta;
    private final boolean useWeights;

    public Cblof(double alpha, double beta, boolean useWeights) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(beta > 1) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 1, got " + beta);
        }
        this.alpha = alpha;
        this.beta = beta;
        this.useWeights = useWeights;
    }

    /** PyOD's defaults: α 0.9, β 5, no weights. */
    public Cblof() {
        this(DEFAULT_ALPHA, DEFAULT_BETA, false);
    }

    /** CBLOF from a k-means clustering of the rows of {@code x} (its labels are theirs); {@code x} is not modified. */
    public Fitted fit(double[][] x, KMeans.Result clustering) {
        Matrices.width(x);
        int[] labels = clustering.labels();
        int k = clustering.centres().length;
        if (labels.length != x.length) {
            throw new IllegalArgumentException("the clustering has " + labels.length + " labels for " + x.length
                    + " rows; pass the clustering of these rows");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not a cluster in [0, "
                        + (k - 1) + "]");
            }
        }
        int[] sizes = clustering.sizes();
        boolean[] large = large(sizes, x.length, alpha, beta);
        return new Fitted(clustering.centres(), sizes, large, useWeights);
    }

    /**
     * Which clusters are large (PyOD's {@code _set_small_large_clusters}). PyOD counts clusters up to the largest
     * label; k-means labels use every cluster unless the data have fewer distinct rows than clusters.
     */
    static boolean[] large(int[] sizes, int n, double alpha, double beta) {
        int k = sizes.length;
        while (k > 0 && sizes[k - 1] == 0) {
            k--; // np.bincount stops at the largest label
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(sizes[b], sizes[a])); // stable: lower index first
        int both = -1;
        int alphaOnly = -1;
        int betaOnly = -1;
        long sum = 0;
        for (int i = 1; i < k; i++) {
            sum += sizes[order[i - 1]];
            boolean a = sum >= n * alpha;
            boolean b = (double) sizes[order[i - 1]] / sizes[order[i]] >= beta; // x/0 = ∞ passes, 0/0 = NaN fails
            if (a && b && both < 0) {
                both = i;
            }
            if (a && alphaOnly < 0) {
                alphaOnly = i;
            }
            if (b && betaOnly < 0) {
                betaOnly = i;
            }
        }
        int boundary = both > 0 ? both : alphaOnly > 0 ? alphaOnly : betaOnly;
        if (boundary < 0) {
            throw new IllegalArgumentException("CBLOF could not split the " + k + " clusters (sizes "
                    + Arrays.toString(Arrays.copyOf(sizes, k)) + ") into large and small ones: no "
                    + "prefix of the sorted sizes holds alpha = " + alpha + " of the rows, and no size drops by beta = "
                    + beta + "; change clusters, alpha or beta");
        }
        boolean[] large = new boolean[sizes.length];
        for (int i = 0; i < boundary; i++) {
            large[order[i]] = true;
        }
        return large;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public boolean useWeights() {
        return useWeights;
    }

    /** The fitted state: centres, cluster sizes, which clusters are large, whether sizes weight the score. */
    public static final class Fitted {

        private final double[][] centres;
        private final int[] sizes;
        private final boolean[] large;
        private final boolean useWeights;
        private final double[][] largeCentres;

        public Fitted(double[][] centres, int[] sizes, boolean[] large, boolean useWeights) {
            Matrices.width(centres);
            if (sizes.length != centres.length || large.length != centres.length) {
                throw new IllegalArgumentException("sizes and large flags must have one value per centre ("
                        + centres.length + "), got " + sizes.length + " and " + large.length);
            }
            int count = 0;
            for (boolean b : large) {
                count += b ? 1 : 0;
            }
            if (count == 0) {
                throw new IllegalArgumentException("at least one cluster must be large");
            }
            this.centres = Matrices.copy(centres);
            this.sizes = sizes.clone();
            this.large = large.clone();
            this.useWeights = useWeights;
            this.largeCentres = new double[count][];
            for (int c = 0, j = 0; c < centres.length; c++) {
                if (large[c]) {
                    largeCentres[j++] = this.centres[c];
                }
            }
        }

        /** CBLOF of each row: distance to its cluster's centre (large) or to the nearest large centre (small). */
        public double[] score(double[][] x) {
            int w = Matrices.width(x);
            if (w != centres[0].length) {
                throw new IllegalArgumentException("CBLOF was fitted on " + centres[0].length + " columns but the data "
                        + "to score has " + w + "; pass the same columns in the same order");
            }
            double[] out = new double[1];
            double[] s = new double[x.length];
            for (int i = 0; i < s.length; i++) {
                int c = KMeans.nearest(x[i], centres, out);
                double dist;
                if (large[c]) {
                    dist = Math.sqrt(out[0]);
                } else {
                    KMeans.nearest(x[i], largeCentres, out);
                    dist = Math.sqrt(out[0]);
                }
                s[i] = useWeights ? dist * sizes[c] : dist;
            }
            return s;
        }

        public double[][] centres() {
            return Matrices.copy(centres);
        }

        public int[] sizes() {
            return sizes.clone();
        }

        public boolean[] large() {
            return large.clone();
        }

        public boolean useWeights() {
            return useWeights;
        }
    }
}
