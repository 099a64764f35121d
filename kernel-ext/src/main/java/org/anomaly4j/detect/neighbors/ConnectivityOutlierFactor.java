package org.anomaly4j.detect.neighbors;

import org.anomaly4j.stats.PairwiseSum;
import org.anomaly4j.detect.neighbors.NearestNeighbors.Structure;

/**
 * Connectivity-based Outlier Factor (COF): a row that its neighbours reach only through a long chain —
 * typically a row near a line- or curve-shaped cluster but off it — is an outlier, where LOF's spherical
 * density misses it.
 * <p><b>Method</b> (Tang et al. 2002, as PyOD's {@code COF(method='fast')} computes it). For a row p with its
 * k nearest other rows o₁ … o_k in ascending distance, the set-based nearest path is p, o₁, …, o_k and its
 * cost e_j (j = 1 … k) is the distance from o_j to the nearest of the earlier path members p, o₁ … o_{j−1}.
 * The average chaining distance weights early edges more:
 * <pre>
 *   ac-dist(p) = Σ_{j=1..k} 2 (k + 1 − j) / (k (k + 1)) · e_j
 *   COF(p)     = k · ac-dist(p) / Σ_{o ∈ N_k(p)} ac-dist(o)
 * </pre>
 * About 1 inside a cluster, larger for outliers; a 0/0 (all neighbours duplicates of p) gives 0, as PyOD's
 * {@code nan_to_num}. <b>Raw quantity:</b> COF = PyOD's {@code decision_scores_}; higher = more anomalous.
 * <p><b>Parameters</b> (PyOD's defaults): {@code neighbors} = {@value #DEFAULT_NEIGHBORS}
 * ({@code n_neighbors}; above n − 1 it is set to n − 1, as PyOD does with a warning); Euclidean distance.
 * <p><b>New rows.</b> PyOD's {@code decision_function(X)} does not score X against the training rows: it
 * recomputes COF on X alone. {@link #scores(double[][], int)} is that computation, for any set of rows; so the
 * fitted state is only the training scores.
 * <p><b>Differences from PyOD.</b> PyOD orders the path with numpy's unstable {@code argsort} of a full
 * n × n distance matrix; we take the neighbours from {@link NearestNeighbors} (O(n k) memory instead of n²), so
 * only exact distance ties can order the path differently. PyOD's distances sum squares in numpy's pairwise
 * order for d ≥ 8 (last-bit differences).
 * <p><b>Complexity.</b> One k-nearest-neighbour query per row plus O(n k² d) for the path costs.
 * <p><b>Reference.</b> J. Tang, Z. Chen, A. W.-C. Fu, D. W.-L. Cheung (2002), "Enhancing Effectiveness of
 * Outlier Detections for Low Density Patterns", PAKDD 2002, LNCS 2336, pp. 535–548.
 */
public final class ConnectivityOutlierFactor {

    /** PyOD's default {@code n_neighbors}. */
    public static final int DEFAULT_NEIGHBORS = 20;

    private ConnectivityOutlierFactor() {
    }

    /** COF of every row of {@code x} (≥ 2 rows, not modified) among the rows of {@code x}. */
    public static double[] scores(double[][] x, int neighbors) {
        return scores(x, neighbors, Structure.AUTO);
    }

    /** As {@link #scores(double[][], int)} with a given search structure. */
    public static double[] scores(double[][] x, int neighbors, Structure structure) {
        if (neighbors < 1) {
            throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
        }
        NearestNeighbors index = NearestNeighbors.fit(x, structure);
        int n = index.rows();
        if (n < 2) {
            throw new IllegalArgumentException("COF needs at least 2 rows, got " + n);
        }
        int k = Math.min(neighbors, n - 1);
        Neighbors nb = index.kneighbors(k);
        int d = index.dimension();
        double[] acDist = new double[n];
        double[] weighted = new double[k];
        int[] path = new int[k + 1];
        for (int i = 0; i < n; i++) {
            path[0] = i;
            for (int j = 0; j < k; j++) {
                path[j + 1] = nb.index(i, j);
            }
            for (int j = 0; j < k; j++) {
                double cost = Double.POSITIVE_INFINITY;
                for (int m = 0; m <= j; m++) {
                    cost = Math.min(cost, distance(index, path[j + 1], path[m], d));
                }
                // weight 2 (k + 1 − (j + 1)) / ((k + 1) k), evaluated in PyOD's order
                weighted[j] = (2.0 * (k + 1 - (j + 1))) / ((k + 1) * (double) k) * cost;
            }
            acDist[i] = PairwiseSum.of(weighted, 0, k);
        }
        double[] cof = new double[n];
        double[] around = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                around[j] = acDist[nb.index(i, j)];
            }
            double v = acDist[i] * k / PairwiseSum.of(around, 0, k);
            // PyOD's nan_to_num: 0/0 → 0, x/0 → the largest double
            cof[i] = Double.isNaN(v) ? 0 : Double.isInfinite(v) ? Double.MAX_VALUE : v;
        }
        return cof;
    }

    private static double distance(NearestNeighbors index, int a, int b, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = index.value(a, j) - index.value(b, j);
            s += t * t;
        }
        return Math.sqrt(s);
    }
}
