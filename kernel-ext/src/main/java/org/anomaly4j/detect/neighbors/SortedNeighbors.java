package org.anomaly4j.detect.neighbors;

import java.util.Arrays;

/**
 * The best k candidates of one query so far, kept sorted by (squared distance, index): the order the engine
 * promises (ascending distance, ties to the lower training index). k is small (tens), so an insertion into a
 * sorted array beats a heap and gives the final order for free.
 */
final class SortedNeighbors {

    final double[] d2;
    final int[] index;
    private final int k;

    SortedNeighbors(int k) {
        this.k = k;
        this.d2 = new double[k];
        this.index = new int[k];
    }

    void reset() {
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        Arrays.fill(index, Integer.MAX_VALUE);
    }

    /** Squared distance of the current k-th candidate (+∞ until k candidates were seen): the pruning bound. */
    double worst() {
        return d2[k - 1];
    }

    /** Offers a candidate; kept only if it precedes the current k-th in (distance, index) order. */
    void offer(double dist2, int i) {
        int last = k - 1;
        if (dist2 > d2[last] || (dist2 == d2[last] && i > index[last])) {
            return;
        }
        int p = last;
        while (p > 0 && (d2[p - 1] > dist2 || (d2[p - 1] == dist2 && index[p - 1] > i))) {
            d2[p] = d2[p - 1];
            index[p] = index[p - 1];
            p--;
        }
        d2[p] = dist2;
        index[p] = i;
    }

    /** Writes the k neighbours (distances as square roots) at {@code offset} of the flat result arrays. */
    void copyTo(int[] indices, double[] distances, int offset) {
        for (int j = 0; j < k; j++) {
            indices[offset + j] = index[j];
            distances[offset + j] = Math.sqrt(d2[j]);
        }
    }
}
