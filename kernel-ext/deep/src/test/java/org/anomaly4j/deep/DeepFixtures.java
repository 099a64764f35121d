package org.anomaly4j.deep;

import java.util.SplittableRandom;

/** Small generated data for the deep detectors' unit tests. */
final class DeepFixtures {

    private DeepFixtures() {
    }

    /**
     * n rows of d correlated features (all driven by two latent factors plus 0.05 noise, so an autoencoder can
     * learn them), the last {@code outliers} rows broken: feature 1 is moved by +6 (off the factor plane).
     */
    static double[][] correlated(int n, int d, int outliers, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] mix = new double[2][d];
        for (double[] m : mix) {
            for (int j = 0; j < d; j++) {
                m[j] = r.nextGaussian();
            }
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i][j] = a * mix[0][j] + b * mix[1][j] + 0.05 * r.nextGaussian();
            }
            if (i >= n - outliers) {
                x[i][1] += 6;
            }
        }
        return x;
    }

    /** Mean of a range of values. */
    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    /** ROC-AUC of scores for labels (Mann–Whitney U with mid-ranks for ties). */
    static double rocAuc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        double sumPos = 0;
        long pos = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                sumPos += rank[i];
                pos++;
            }
        }
        long neg = n - pos;
        return (sumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
