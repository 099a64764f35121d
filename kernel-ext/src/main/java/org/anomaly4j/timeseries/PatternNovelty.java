package org.anomaly4j.timeseries;

import java.util.Arrays;

/**
 * Causal pattern novelty: how far the latest stretch of a series is from the most similar stretch seen before
 * it. A shape or level the series has never shown (a new plateau, a day that looks like no earlier day) is far
 * from everything earlier; a pattern that has occurred before, however extreme, has a close earlier match.
 * <p><b>Method.</b> The series is cut into blocks of s rows (block k = rows k·s … (k+1)·s − 1, a trailing
 * partial block is dropped) and each block is summarised by its mean b_k. The pattern ending at block k is
 * v_k = (b_{k−m+1}, …, b_k), and its novelty is the Euclidean distance to its nearest earlier, non-overlapping
 * pattern:
 * <pre>
 *   d_k = min_{m−1 ≤ j ≤ k−m} ‖v_k − v_j‖,   defined for k ≥ 2m − 1 (NaN before)
 * </pre>
 * This is the <em>left</em> matrix profile of the block means (Zhu et al. 2017: each subsequence's nearest
 * neighbour among earlier ones only), with raw rather than z-normalised distance so that a change of level
 * counts as novel, not only a change of shape. d_k uses rows up to (k+1)·s − 1 only, so it is causal when it is
 * reported at that row. Averaging blocks is what keeps it cheap and robust: noise within a block cancels, and
 * the search runs over n/s patterns.
 * <p><b>Parameters.</b> {@code block} s and {@code length} m, no defaults here; {@link NabSurprise} takes
 * ARTime's choice (m = 8 points, s such that a probationary period holds 13 patterns).
 * <p><b>Cost.</b> O((n/s)²·m) time with early abandoning of each distance (O(n/s · h · m) when the search is
 * limited to the h most recent patterns), O(n/s) memory; deterministic.
 * <p><b>References.</b> Y. Zhu, M. Imamura, D. Nikovski, E. Keogh (2017), "Matrix Profile VII: Time Series Chains",
 * IEEE ICDM (left matrix profile); M. Hampton, ARTime (github.com/markNZed/ARTimeNAB.jl): down-sampled windows of 8
 * points, a new adaptive-resonance category = an unseen pattern.
 */
public final class PatternNovelty {

    private PatternNovelty() {
    }

    /**
     * Means of consecutive blocks of {@code block} rows; a trailing partial block is dropped.
     *
     * @throws IllegalArgumentException if block &lt; 1
     */
    public static double[] blockMeans(double[] x, int block) {
        if (block < 1) {
            throw new IllegalArgumentException("block must be >= 1 row, got " + block);
        }
        int nb = x.length / block;
        double[] out = new double[nb];
        for (int k = 0; k < nb; k++) {
            double sum = 0;
            for (int i = k * block, end = i + block; i < end; i++) {
                sum += x[i];
            }
            out[k] = sum / block;
        }
        return out;
    }

    /**
     * d_k, the distance from the pattern of the m points ending at k to its nearest earlier non-overlapping
     * pattern; NaN for k &lt; 2m − 1 (no earlier pattern yet).
     *
     * @throws IllegalArgumentException if length &lt; 1
     */
    public static double[] distances(double[] b, int length) {
        return distances(b, length, Integer.MAX_VALUE);
    }

    /**
     * As {@link #distances(double[], int)}, searching only the {@code history} most recent earlier patterns
     * (j ≥ k − m − history + 1): O(n/s · history · m) instead of quadratic on long streams.
     *
     * @throws IllegalArgumentException if length &lt; 1 or history &lt; 1
     */
    public static double[] distances(double[] b, int length, int history) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1 point, got " + length);
        }
        if (history < 1) {
            throw new IllegalArgumentException("history must be >= 1 pattern, got " + history);
        }
        int m = length;
        int nb = b.length;
        double[] d = new double[nb];
        Arrays.fill(d, Double.NaN);
        for (int k = 2 * m - 1; k < nb; k++) {
            double best = Double.POSITIVE_INFINITY;
            int from = (int) Math.max(m - 1, (long) k - m - history + 1);
            for (int j = from; j <= k - m; j++) {
                double acc = 0;
                // early abandon: a partial sum already above the best cannot win
                for (int q = 0; q < m && acc < best; q++) {
                    double e = b[k - q] - b[j - q];
                    acc += e * e;
                }
                if (acc < best) {
                    best = acc;
                }
            }
            d[k] = Math.sqrt(best);
        }
        return d;
    }
}
