package org.anomaly4j.detect;

import java.util.Arrays;


/**
 * Column-wise helpers shared by the statistical detectors ({@link ModifiedZScore}, {@link IqrFences},
 * {@link Grubbs}, {@link GeneralizedEsd}): column extraction, numpy-compatible median, sample moments, the
 * checks of {@code explain(row)}.
 */
final class ColumnStatistics {

    private ColumnStatistics() {
    }

    /** Column j of a row-major matrix, as a fresh array. */
    static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }

    /** numpy's {@code median} of sorted values: the middle value, or the mean of the two middle values. */
    static double sortedMedian(double[] sorted) {
        int n = sorted.length;
        int h = n / 2;
        return (n & 1) == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }

    /** numpy's {@code median} (the input is not changed). */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return sortedMedian(s);
    }

    /** Mean of the first m values. */
    static double mean(double[] v, int m) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += v[i];
        }
        return s / m;
    }

    /** Sample standard deviation (ddof = 1, as numpy {@code std(ddof=1)}) of the first m values around mean. */
    static double sampleStd(double[] v, int m, double mean) {
        double ss = 0;
        for (int i = 0; i < m; i++) {
            double dev = v[i] - mean;
            ss += dev * dev;
        }
        return Math.sqrt(ss / (m - 1));
    }

    /** Checks one row given to {@code explain}: d finite values. */
    static void checkRow(double[] row, int d) {
        if (row == null || row.length != d) {
            throw new IllegalArgumentException("the row has " + (row == null ? 0 : row.length)
                    + " values but the model was fitted on " + d + " features");
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException("value " + j + " of the row is " + row[j]
                        + "; drop or fill missing and infinite values before scoring");
            }
        }
    }
}
