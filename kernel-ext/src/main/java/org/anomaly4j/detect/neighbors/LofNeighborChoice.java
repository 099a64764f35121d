package org.anomaly4j.detect.neighbors;

import java.util.SplittableRandom;

import org.anomaly4j.stats.Quantiles;

/**
 * Adaptive choice of LOF's neighbour count k by the silhouette of the split it produces: LOF's result depends
 * strongly on k and there is no labelled data to tune it on, so each candidate k is judged by how well its
 * inlier/outlier labelling separates the rows in space.
 * <p><b>Procedure.</b> For each k in the candidate list: fit LOF with k neighbours; label as outliers the rows
 * scikit-learn's {@code LocalOutlierFactor(n_neighbors=k, contamination=c).fit_predict} labels −1 (LOF above
 * numpy's linear percentile of the training LOFs at 100 (1 − c), i.e. {@code negative_outlier_factor_ <
 * offset_}); compute the mean silhouette coefficient of that two-cluster labelling. The chosen k has the
 * largest silhouette (the smallest k on ties). A labelling with one class only (no outlier or no inlier) has
 * no silhouette (NaN) and is never chosen.
 * <p><b>Silhouette</b> (Rousseeuw 1987): for row i, a(i) = mean Euclidean distance to the other rows of its own
 * class, b(i) = mean distance to the rows of the other class, s(i) = (b − a) / max(a, b), and s(i) = 0 when its
 * class has one row (scikit-learn's convention); the score is the mean of s(i), in [−1, 1], equal to
 * scikit-learn's {@code silhouette_score(X, labels)}.
 * <p><b>Large n.</b> The silhouette costs O(m²d) for m rows, so above {@code sampleSize} rows (default
 * {@value #DEFAULT_SAMPLE}) it is computed on one seeded random subset of that size, the same subset for every
 * k (scikit-learn's {@code silhouette_score(..., sample_size=m)} also scores a subsample); LOF itself is always
 * fitted on all rows.
 * <p><b>References.</b> P. J. Rousseeuw (1987), "Silhouettes: a graphical aid to the interpretation and
 * validation of cluster analysis", Journal of Computational and Applied Mathematics 20, pp. 53–65.
 * Breunig et al. (2000) for LOF (see {@link LocalOutlierFactor}).
 */
public final class LofNeighborChoice {

    /** Rows scored by the silhouette at most: 2,000² / 2 distances stay under a second. */
    public static final int DEFAULT_SAMPLE = 2000;

    /**
     * The outcome: the chosen k, and per candidate its silhouette (NaN where the labelling has one class) and
     * its number of outliers.
     */
    public record Result(int k, int[] candidates, double[] silhouettes, int[] outliers) {
    }

    private LofNeighborChoice() {
    }

    /** Candidates from {@code from} to {@code to} inclusive in steps of {@code step} (e.g. 10, 50, 5). */
    public static int[] range(int from, int to, int step) {
        if (from < 1 || to < from || step < 1) {
            throw new IllegalArgumentException("need 1 <= from <= to and step >= 1, got " + from + ", " + to + ", " + step);
        }
        int[] r = new int[(to - from) / step + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i * step;
        }
        return r;
    }

    /** {@link #chooseK(double[][], int[], double, int, long)} with a subsample of {@value #DEFAULT_SAMPLE} and seed 0. */
    public static Result chooseK(double[][] x, int[] candidates, double contamination) {
        return chooseK(x, candidates, contamination, DEFAULT_SAMPLE, 0L);
    }

    /**
     * Chooses k among {@code candidates} (each ≥ 1; above n − 1 LOF clips it) for the outlier fraction
     * {@code contamination} in (0, 0.5].
     */
    public static Result chooseK(double[][] x, int[] candidates, double contamination, int sampleSize, long seed) {
        if (candidates == null || candidates.length == 0) {
            throw new IllegalArgumentException("candidates must hold at least one k, e.g. range(10, 50, 5)");
        }
        if (!(contamination > 0 && contamination <= 0.5)) {
            throw new IllegalArgumentException("contamination must be in (0, 0.5], got " + contamination);
        }
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sampleSize must be >= 2, got " + sampleSize);
        }
        NearestNeighbors.fit(x); // validates x before the loop
        int n = x.length;
        int[] sample = sample(n, sampleSize, seed);
        double[] silhouettes = new double[candidates.length];
        int[] outliers = new int[candidates.length];
        int best = -1;
        for (int c = 0; c < candidates.length; c++) {
            boolean[] out = labels(LocalOutlierFactor.fit(x, candidates[c]).trainingScores(), contamination);
            boolean[] sub = new boolean[sample.length];
            for (int i = 0; i < sample.length; i++) {
                sub[i] = out[sample[i]];
            }
            for (boolean b : out) {
                outliers[c] += b ? 1 : 0;
            }
            silhouettes[c] = silhouette(x, sample, sub);
            if (!Double.isNaN(silhouettes[c]) && (best < 0 || silhouettes[c] > silhouettes[best])) {
                best = c;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no candidate k gave both inliers and outliers; raise contamination "
                    + "(got " + contamination + ") or the sample size");
        }
        return new Result(candidates[best], candidates.clone(), silhouettes, outliers);
    }

    /** scikit-learn's contamination labelling: −LOF below numpy's percentile of −LOF at 100·c. */
    static boolean[] labels(double[] lof, double contamination) {
        double[] neg = new double[lof.length];
        for (int i = 0; i < lof.length; i++) {
            neg[i] = -lof[i];
        }
        double offset = Quantiles.percentile(neg, 100 * contamination);
        boolean[] out = new boolean[lof.length];
        for (int i = 0; i < lof.length; i++) {
            out[i] = neg[i] < offset;
        }
        return out;
    }

    /** All rows in order when n ≤ size, else {@code size} distinct rows drawn with a seeded partial shuffle. */
    static int[] sample(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= size) {
            return all;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + r.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] s = java.util.Arrays.copyOf(all, size);
        java.util.Arrays.sort(s);
        return s;
    }

    /**
     * Mean silhouette of the rows {@code rows} of {@code x} labelled {@code outlier} (parallel to rows); NaN
     * when every row has the same label.
     */
    public static double silhouette(double[][] x, int[] rows, boolean[] outlier) {
        int m = rows.length;
        int nOut = 0;
        for (boolean b : outlier) {
            nOut += b ? 1 : 0;
        }
        if (nOut == 0 || nOut == m) {
            return Double.NaN;
        }
        int nIn = m - nOut;
        double total = 0;
        for (int i = 0; i < m; i++) {
            double[] a = x[rows[i]];
            double sameSum = 0;
            double otherSum = 0;
            for (int t = 0; t < m; t++) {
                if (t == i) {
                    continue;
                }
                double[] b = x[rows[t]];
                double s = 0;
                for (int j = 0; j < a.length; j++) {
                    double v = a[j] - b[j];
                    s += v * v;
                }
                double dist = Math.sqrt(s);
                if (outlier[t] == outlier[i]) {
                    sameSum += dist;
                } else {
                    otherSum += dist;
                }
            }
            int own = outlier[i] ? nOut : nIn;
            if (own == 1) {
                continue; // s(i) = 0 for a class of one row
            }
            double ai = sameSum / (own - 1);
            double bi = otherSum / (m - own);
            double mx = Math.max(ai, bi);
            total += mx > 0 ? (bi - ai) / mx : 0;
        }
        return total / m;
    }
}
