package org.anomaly4j.detect.neighbors;

import org.anomaly4j.stats.PairwiseSum;
import org.anomaly4j.detect.neighbors.NearestNeighbors.Structure;

/**
 * Local Outlier Factor: a row whose neighbours sit in a denser region than the row itself is an outlier —
 * density is judged locally, relative to each row's own neighbourhood, so clusters of different densities
 * are handled.
 * <p><b>Method</b> (Breunig et al. 2000, as scikit-learn 1.9 computes it). With N_k(p) the k nearest other
 * training rows of p (exactly k, ties by lower index) and k-dist(o) the distance of o to its k-th neighbour:
 * <pre>
 *   reach-dist(p, o) = max(k-dist(o), d(p, o))
 *   lrd(p)  = 1 / (mean over o ∈ N_k(p) of reach-dist(p, o) + 1e-10)
 *   LOF(p)  = mean over o ∈ N_k(p) of lrd(o) / lrd(p)
 * </pre>
 * The 1e-10 is scikit-learn's ({@code _local_reachability_density}): without it a row with more than k
 * duplicates has mean reachability 0 and lrd = ∞; with it such rows get lrd = 1e10 and the LOF of their
 * neighbours becomes huge (scikit-learn then warns "Duplicate values are leading to incorrect results").
 * Means are summed in numpy's pairwise order, so training scores equal scikit-learn's to the last bit when the
 * neighbour lists agree.
 * <p><b>Raw quantity:</b> {@link #trainingScores()} = LOF = −{@code negative_outlier_factor_};
 * {@link #score(double[][])} = LOF of new rows with neighbours searched among the training rows =
 * −{@code score_samples} of {@code LocalOutlierFactor(novelty=True)}. Higher = more anomalous; about 1 inside
 * a cluster.
 * <p><b>Threshold.</b> scikit-learn's {@code contamination='auto'} sets {@code offset_ = −1.5}: LOF &gt;
 * {@value #NATURAL_THRESHOLD} is an outlier ({@link #NATURAL_THRESHOLD}).
 * <p><b>Parameters.</b> {@code neighbors} = {@value #DEFAULT_NEIGHBORS} ({@code n_neighbors}); Euclidean
 * distance ({@code metric='minkowski', p=2}). A value above n − 1 is clipped to n − 1, as scikit-learn does
 * with a warning; {@link #clipped()} reports it.
 * <p><b>Fitted state</b> (for model files): the training rows, k, and per training row its k-distance, lrd and
 * LOF ({@link #restore}).
 * <p><b>Complexity.</b> One k-nearest-neighbour query per row (see {@link NearestNeighbors}) plus O(n k);
 * memory O(n k) for the neighbour lists during the fit, O(n d) after.
 * <p><b>Reference.</b> M. M. Breunig, H.-P. Kriegel, R. T. Ng, J. Sander (2000), "LOF: Identifying
 * Density-Based Local Outliers", Proceedings of ACM SIGMOD 2000, pp. 93–104.
 */
public final class LocalOutlierFactor {

    /** scikit-learn's default {@code n_neighbors}. */
    public static final int DEFAULT_NEIGHBORS = 20;
    /** scikit-learn's {@code contamination='auto'}: {@code offset_ = −1.5}, i.e. LOF &gt; 1.5 is an outlier. */
    public static final double NATURAL_THRESHOLD = 1.5;
    /** Added to the mean reachability distance, as scikit-learn does, so that duplicates give no infinity. */
    public static final double LRD_EPSILON = 1e-10;

    private final NearestNeighbors index;
    private final int requested;
    private final int k;
    private final double[] kDistances;
    private final double[] lrd;
    private final double[] lof;

    private LocalOutlierFactor(NearestNeighbors index, int requested, int k, double[] kDistances, double[] lrd,
                               double[] lof) {
        this.index = index;
        this.requested = requested;
        this.k = k;
        this.kDistances = kDistances;
        this.lrd = lrd;
        this.lof = lof;
    }

    /** Fits on the rows of {@code x} (≥ 2 rows, finite; not modified) with {@code neighbors} ≥ 1. */
    public static LocalOutlierFactor fit(double[][] x, int neighbors) {
        return fit(x, neighbors, Structure.AUTO);
    }

    /** As {@link #fit(double[][], int)} with a given search structure (same results, other speed). */
    public static LocalOutlierFactor fit(double[][] x, int neighbors, Structure structure) {
        if (neighbors < 1) {
            throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
        }
        NearestNeighbors index = NearestNeighbors.fit(x, structure);
        int n = index.rows();
        if (n < 2) {
            throw new IllegalArgumentException("LOF needs at least 2 rows (a row's neighbours are the other rows), got "
                    + n);
        }
        int k = Math.min(neighbors, n - 1);
        Neighbors nb = index.kneighbors(k);
        double[] kDist = new double[n];
        for (int i = 0; i < n; i++) {
            kDist[i] = nb.kDistance(i);
        }
        double[] lrd = reachabilityDensity(nb, kDist);
        double[] lof = outlierFactor(nb, lrd, lrd);
        return new LocalOutlierFactor(index, neighbors, k, kDist, lrd, lof);
    }

    /**
     * A fitted LOF from its saved state: the training rows, the requested {@code neighbors} and per training row
     * the k-distance, lrd and LOF as returned by {@link #kDistances()}, {@link #localReachabilityDensities()} and
     * {@link #trainingScores()}. Rebuilds the search index (deterministic); does not recompute the arrays.
     */
    public static LocalOutlierFactor restore(double[][] x, int neighbors, double[] kDistances, double[] lrd,
                                             double[] trainingScores) {
        NearestNeighbors index = NearestNeighbors.fit(x);
        int n = index.rows();
        if (neighbors < 1 || n < 2) {
            throw new IllegalArgumentException("a saved LOF needs neighbors >= 1 and at least 2 rows, got neighbors "
                    + neighbors + " and " + n + " rows");
        }
        check("kDistances", kDistances, n, 0);
        check("lrd", lrd, n, Double.MIN_VALUE);
        check("trainingScores", trainingScores, n, 0);
        return new LocalOutlierFactor(index, neighbors, Math.min(neighbors, n - 1), kDistances.clone(), lrd.clone(),
                trainingScores.clone());
    }

    private static void check(String name, double[] a, int n, double min) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(name + " must hold one value per training row (" + n + "), got "
                    + (a == null ? "none" : a.length));
        }
        for (int i = 0; i < n; i++) {
            if (!(a[i] >= min) || Double.isInfinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite and >= " + min + ", got " + a[i]);
            }
        }
    }

    /** LOF of new rows (same columns as the training rows), neighbours among the training rows only. */
    public double[] score(double[][] q) {
        Neighbors nb = index.kneighbors(q, k);
        double[] qLrd = reachabilityDensity(nb, kDistances);
        return outlierFactor(nb, lrd, qLrd);
    }

    /** lrd of each query row of {@code nb} given the training rows' k-distances. */
    private static double[] reachabilityDensity(Neighbors nb, double[] trainKDist) {
        int m = nb.rows();
        int k = nb.k();
        double[] out = new double[m];
        double[] reach = new double[k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                reach[j] = Math.max(nb.distance(i, j), trainKDist[nb.index(i, j)]);
            }
            out[i] = 1.0 / (PairwiseSum.of(reach, 0, k) / k + LRD_EPSILON);
        }
        return out;
    }

    /** LOF of each query row: mean of lrd(neighbour) / lrd(row), as scikit-learn (a mean of ratios). */
    private static double[] outlierFactor(Neighbors nb, double[] trainLrd, double[] queryLrd) {
        int m = nb.rows();
        int k = nb.k();
        double[] out = new double[m];
        double[] ratio = new double[k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                ratio[j] = trainLrd[nb.index(i, j)] / queryLrd[i];
            }
            out[i] = PairwiseSum.of(ratio, 0, k) / k;
        }
        return out;
    }

    /** LOF of each training row (= −{@code negative_outlier_factor_}); a copy. */
    public double[] trainingScores() {
        return lof.clone();
    }

    /** k-distance of each training row; a copy. */
    public double[] kDistances() {
        return kDistances.clone();
    }

    /** Local reachability density of each training row; a copy. */
    public double[] localReachabilityDensities() {
        return lrd.clone();
    }

    /** The neighbour count in use: min(requested, n − 1) ({@code n_neighbors_}). */
    public int neighbors() {
        return k;
    }

    /** The neighbour count asked for ({@code n_neighbors}). */
    public int requestedNeighbors() {
        return requested;
    }

    /** True when the requested count exceeded n − 1 and was clipped (where scikit-learn warns). */
    public boolean clipped() {
        return k < requested;
    }

    /** The search index over the training rows. */
    public NearestNeighbors index() {
        return index;
    }
}
