package org.anomaly4j.detect.density;

import java.util.Arrays;

import org.anomaly4j.stats.Nums;

/**
 * The per-feature empirical tail probabilities shared by ECOD and COPOD, as PyOD computes them
 * ({@code pyod/utils/stat_models.py column_ecdf}, {@code pyod/models/ecod.py decision_function}).
 * <p>For feature j and a value v among m values, the left tail is F(v) = share of values ≤ v, the point itself
 * included, taken from numpy's {@code linspace(1/m, 1, m)} at the position of the last value equal to v
 * (k·(1 − 1/m)/(m − 1) + 1/m for the k-th, the last exactly 1); the right tail is the same on −x, i.e. the
 * share of values ≥ v. A training row is scored among the n training values; a new row among the training
 * values plus itself (m = n + 1), which is PyOD's {@code decision_function} called on that one row — so a row's
 * score never depends on the other rows scored with it (PyOD's batch call appends the whole batch instead).
 * <p>The skewness sign is scipy's {@code skew} (biased moments m3 / m2^1.5; 0 when m2 ≤ (ε·mean)², scipy's
 * precision guard, which {@code nan_to_num} then maps to 0) of the same m values: for a new row it is updated
 * in O(1) from the training power sums about the training mean.
 */
final class EmpiricalTails {

    private final double[][] sorted;
    private final int n;
    /** Training mean, and Σ(x − mean)^k for k = 1, 2, 3, from the sorted columns (fit and restore agree). */
    private final double[] mean;
    private final double[] p1;
    private final double[] p2;
    private final double[] p3;

    /** From the training columns, each sorted ascending (a copy is kept). */
    EmpiricalTails(double[][] sortedColumns) {
        int d = sortedColumns.length;
        this.sorted = Checks.copy(sortedColumns);
        this.n = sorted[0].length;
        this.mean = new double[d];
        this.p1 = new double[d];
        this.p2 = new double[d];
        this.p3 = new double[d];
        for (int j = 0; j < d; j++) {
            double[] s = sorted[j];
            double sum = 0;
            for (double v : s) {
                sum += v;
            }
            double mu = sum / n;
            double a = 0;
            double b = 0;
            double c = 0;
            for (double v : s) {
                double e = v - mu;
                a += e;
                b += e * e;
                c += e * e * e;
            }
            mean[j] = mu;
            p1[j] = a;
            p2[j] = b;
            p3[j] = c;
        }
    }

    /** Sorts each column of row-major {@code x}; validates a restored state is sorted. */
    static double[][] sortedColumns(double[][] x) {
        int d = x[0].length;
        double[][] cols = new double[d][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                cols[j][i] = x[i][j];
            }
        }
        for (double[] c : cols) {
            Arrays.sort(c);
        }
        return cols;
    }

    static double[][] validSorted(double[][] columns) {
        if (columns == null || columns.length == 0 || columns[0] == null || columns[0].length == 0) {
            throw new IllegalArgumentException("sortedColumns must hold one non-empty column per feature");
        }
        double[][] c = Checks.state("sortedColumns", columns, columns.length, columns[0].length);
        for (int j = 0; j < c.length; j++) {
            for (int i = 1; i < c[j].length; i++) {
                if (c[j][i] < c[j][i - 1]) {
                    throw new IllegalArgumentException("sortedColumns[" + j + "] is not sorted at index " + i);
                }
            }
        }
        return c;
    }

    int features() {
        return sorted.length;
    }

    int rows() {
        return n;
    }

    double[][] sorted() {
        return Checks.copy(sorted);
    }

    /** The k-th (0-based) of numpy's {@code linspace(1/m, 1, m)}. */
    static double linspace(int k, int m) {
        if (k == m - 1) {
            return 1.0;
        }
        double start = 1.0 / m;
        return k * ((1.0 - start) / (m - 1)) + start;
    }

    /** Number of training values ≤ v in column j. */
    int countAtMost(int j, double v) {
        return Nums.searchRight(sorted[j], n, v);
    }

    /** Number of training values ≥ v in column j. */
    int countAtLeast(int j, double v) {
        double[] s = sorted[j];
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return n - lo;
    }

    /** Sign (−1, 0, 1) of scipy's skewness of the training values of column j plus one more value v. */
    int skewSignWith(int j, double v) {
        int m = n + 1;
        double mu = mean[j];
        double mu2 = (mu * n + v) / m;
        double delta = mu2 - mu;
        double e = v - mu2;
        double s2 = p2[j] - 2 * delta * p1[j] + n * delta * delta + e * e;
        double s3 = p3[j] - 3 * delta * p2[j] + 3 * delta * delta * p1[j] - n * delta * delta * delta + e * e * e;
        return skewSign(s2 / m, s3 / m, mu2);
    }

    /** scipy.stats.skew's sign: NaN (m2 below its precision guard) becomes 0 through nan_to_num. */
    static int skewSign(double m2, double m3, double mean) {
        double guard = Math.ulp(1.0) * mean;
        if (m2 <= guard * guard) {
            return 0;
        }
        return m3 > 0 ? 1 : m3 < 0 ? -1 : 0;
    }

    /**
     * Skewness signs of the training columns, as scipy computes them on the rows in their original order
     * (numpy reduces axis 0 of a row-major array row by row).
     */
    static int[] trainingSkewSigns(double[][] x) {
        int d = x[0].length;
        int n = x.length;
        int[] sign = new int[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[j];
            }
            double mu = sum / n;
            double s2 = 0;
            double s3 = 0;
            for (double[] row : x) {
                double e = row[j] - mu;
                s2 += e * e;
                s3 += e * e * e;
            }
            sign[j] = skewSign(s2 / n, s3 / n, mu);
        }
        return sign;
    }

    /** −log of the left tail of v in column j among the training values (plus v itself when {@code withSelf}). */
    double leftTail(int j, double v, boolean withSelf) {
        int extra = withSelf ? 1 : 0;
        return -Math.log(linspace(countAtMost(j, v) + extra - 1, n + extra));
    }

    double rightTail(int j, double v, boolean withSelf) {
        int extra = withSelf ? 1 : 0;
        return -Math.log(linspace(countAtLeast(j, v) + extra - 1, n + extra));
    }

    /** PyOD's skewness-corrected tail: the right tail if skew &gt; 0, the left if skew &lt; 0, their sum if 0. */
    static double skewTail(int sign, double left, double right) {
        return sign > 0 ? right : sign < 0 ? left : left + right;
    }

    /** Σ_j rule(tails of x_j) for rows scored among the training values plus themselves. */
    double[] scoreNew(double[][] x, TailModel.Rule rule) {
        return scoreRows(x, rule, true, null);
    }

    /** Σ_j rule(tails) for the training rows themselves (PyOD's {@code decision_scores_}). */
    double[] scoreTraining(double[][] x, TailModel.Rule rule) {
        return scoreRows(x, rule, false, trainingSkewSigns(x));
    }

    /** {@code sign} null: each value's skewness sign is that of the training values plus itself. */
    private double[] scoreRows(double[][] x, TailModel.Rule rule, boolean withSelf, int[] sign) {
        double[] out = new double[x.length];
        int d = sorted.length;
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += featureScore(j, x[i][j], rule, withSelf, sign);
            }
            out[i] = sum;
        }
        return out;
    }

    /** The per-feature terms of new rows (n × d), in the order {@link #scoreNew} adds them. */
    double[][] contributions(double[][] x, TailModel.Rule rule) {
        int d = sorted.length;
        double[][] out = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = featureScore(j, x[i][j], rule, true, null);
            }
        }
        return out;
    }

    private double featureScore(int j, double v, TailModel.Rule rule, boolean withSelf, int[] sign) {
        double l = leftTail(j, v, withSelf);
        double r = rightTail(j, v, withSelf);
        int s = sign == null ? skewSignWith(j, v) : sign[j];
        return rule.combine(l, r, skewTail(s, l, r));
    }
}
