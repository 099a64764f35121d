package org.anomaly4j.detect.neighbors;

import org.anomaly4j.stats.PairwiseSum;
import org.anomaly4j.detect.neighbors.NearestNeighbors.Structure;

/**
 * k-nearest-neighbour distance: a row far from its nearest neighbours is an outlier (distance-based outliers).
 * <p><b>Method</b> (PyOD's {@code KNN}). With d₁ ≤ … ≤ d_k the distances of a row to its k nearest other
 * training rows, the score is
 * <ul>
 *   <li>{@link Method#LARGEST}: d_k, the distance to the k-th neighbour (Ramaswamy, Rastogi &amp; Shim 2000);</li>
 *   <li>{@link Method#MEAN}: (d₁ + … + d_k) / k (Angiulli &amp; Pizzuti 2002 use the sum, the same ranking);</li>
 *   <li>{@link Method#MEDIAN}: the median of d₁ … d_k (the mean of the two middle values for even k, as numpy).</li>
 * </ul>
 * Training rows do not count as their own neighbour (PyOD's {@code kneighbors()} with {@code X=None});
 * a new row is scored against its k nearest training rows. <b>Raw quantity:</b> the distance itself (PyOD's
 * {@code decision_scores_} / {@code decision_function}); higher = more anomalous. No natural threshold: cut by
 * contamination (PyOD's default 0.1).
 * <p><b>Parameters</b> (PyOD's defaults): {@code neighbors} = {@value #DEFAULT_NEIGHBORS} ({@code n_neighbors}),
 * {@code method} = largest; Euclidean distance ({@code metric='minkowski', p=2}).
 * <p><b>Fitted state</b>: the training rows, k, the method and the training scores ({@link #restore}).
 * <p><b>Complexity.</b> One k-nearest-neighbour query per row ({@link NearestNeighbors}); memory O(n d).
 * <p><b>References.</b> S. Ramaswamy, R. Rastogi, K. Shim (2000), "Efficient Algorithms for Mining Outliers
 * from Large Data Sets", ACM SIGMOD 2000, pp. 427–438. F. Angiulli, C. Pizzuti (2002), "Fast Outlier Detection
 * in High Dimensional Spaces", PKDD 2002, LNCS 2431, pp. 15–27.
 */
public final class KnnDistance {

    /** PyOD's default {@code n_neighbors}. */
    public static final int DEFAULT_NEIGHBORS = 5;

    /** How the k distances of a row become one score (PyOD's {@code method}). */
    public enum Method {
        /** Distance to the k-th nearest neighbour. */
        LARGEST,
        /** Mean distance to the k nearest neighbours. */
        MEAN,
        /** Median distance to the k nearest neighbours. */
        MEDIAN
    }

    private final NearestNeighbors index;
    private final int k;
    private final Method method;
    private final double[] trainingScores;

    private KnnDistance(NearestNeighbors index, int k, Method method, double[] trainingScores) {
        this.index = index;
        this.k = k;
        this.method = method;
        this.trainingScores = trainingScores;
    }

    /** Fits on {@code x} (not modified) with 1 ≤ {@code neighbors} ≤ n − 1. */
    public static KnnDistance fit(double[][] x, int neighbors, Method method) {
        return fit(x, neighbors, method, Structure.AUTO);
    }

    /** As {@link #fit(double[][], int, Method)} with a given search structure (same results, other speed). */
    public static KnnDistance fit(double[][] x, int neighbors, Method method, Structure structure) {
        if (method == null) {
            throw new IllegalArgumentException("method must be LARGEST, MEAN or MEDIAN, got null");
        }
        NearestNeighbors index = NearestNeighbors.fit(x, structure);
        if (neighbors < 1 || neighbors > index.rows() - 1) {
            throw new IllegalArgumentException("neighbors must be in [1, rows - 1] = [1, " + (index.rows() - 1)
                    + "], got " + neighbors + (index.rows() < 2 ? "; k-NN needs at least 2 rows" : ""));
        }
        return new KnnDistance(index, neighbors, method, aggregate(index.kneighbors(neighbors), method));
    }

    /** A fitted detector from its saved state (training rows, k, method, training scores); rebuilds the index. */
    public static KnnDistance restore(double[][] x, int neighbors, Method method, double[] trainingScores) {
        NearestNeighbors index = NearestNeighbors.fit(x);
        if (method == null || neighbors < 1 || neighbors > index.rows() - 1) {
            throw new IllegalArgumentException("a saved k-NN detector needs a method and neighbors in [1, rows - 1], got "
                    + method + " and " + neighbors);
        }
        if (trainingScores == null || trainingScores.length != index.rows()) {
            throw new IllegalArgumentException("trainingScores must hold one value per training row ("
                    + index.rows() + ")");
        }
        return new KnnDistance(index, neighbors, method, trainingScores.clone());
    }

    /** Scores of new rows (same columns): the method applied to their k nearest training rows. */
    public double[] score(double[][] q) {
        return aggregate(index.kneighbors(q, k), method);
    }

    /** The score of each row of {@code nb} (row i's distances are sorted ascending). */
    static double[] aggregate(Neighbors nb, Method method) {
        int m = nb.rows();
        int k = nb.k();
        double[] d = nb.distances();
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            int o = i * k;
            out[i] = switch (method) {
                case LARGEST -> d[o + k - 1];
                // numpy's mean: pairwise sum / k
                case MEAN -> PairwiseSum.of(d, o, k) / k;
                case MEDIAN -> k % 2 == 1 ? d[o + k / 2] : (d[o + k / 2 - 1] + d[o + k / 2]) / 2;
            };
        }
        return out;
    }

    /** Score of each training row (PyOD's {@code decision_scores_}); a copy. */
    public double[] trainingScores() {
        return trainingScores.clone();
    }

    public int neighbors() {
        return k;
    }

    public Method method() {
        return method;
    }

    /** The search index over the training rows. */
    public NearestNeighbors index() {
        return index;
    }
}
