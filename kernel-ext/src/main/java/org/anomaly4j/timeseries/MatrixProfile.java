package org.anomaly4j.timeseries;

import java.util.Arrays;

import tech.tablesaw.api.Table;

/**
 * Matrix profile: for every subsequence of length m, the z-normalised Euclidean distance to its nearest
 * non-trivial match elsewhere in the series. A high value is a <em>discord</em> — a shape that occurs nowhere
 * else — so the profile is an anomaly score (higher = more anomalous) for the subsequence starting there.
 * <p><b>Method</b> (STOMP, Zhu et al. 2016 on Yeh et al. 2016). With μ_i, σ_i the mean and population
 * standard deviation of T[i, i+m) and QT_{i,j} = Σ_k T[i+k]·T[j+k],
 * <pre>
 *   d(i, j) = √(2m·(1 − ρ_ij)),   ρ_ij = (QT_{i,j} − m·μ_i·μ_j) / (m·σ_i·σ_j)   (ρ clipped to [−1, 1])
 *   QT_{i+1,j+1} = QT_{i,j} − T[i]·T[j] + T[i+m]·T[j+m]
 * </pre>
 * walked along each diagonal j − i = k (recomputed exactly every 256 steps to stop rounding drift), for
 * k &gt; the exclusion zone ⌈m/4⌉ (stumpy's default: matches that overlap by more than 3/4 are trivial).
 * P_i = min_j d(i, j), I_i = the j attaining it (the smallest j among ties). Constant subsequences follow
 * stumpy: two constant ones are at distance 0, a constant and a non-constant one at √m.
 * <p><b>Discords:</b> the start of the largest P_i, then the largest outside ±m of those already taken.
 * <p><b>Complexity.</b> O(n²) time (n − m + 1 subsequences, every pair once), O(n) memory.
 * <p><b>References.</b> C.-C. M. Yeh et al. (2016), "Matrix Profile I: All Pairs Similarity Joins for Time
 * Series", IEEE ICDM, 1317–1322; Y. Zhu et al. (2016), "Matrix Profile II: Exploiting a Novel Algorithm and GPUs
 * to Break the One Hundred Million Barrier for Time Series Motifs and Joins", IEEE ICDM, 739–748.
 *
 * @param window  subsequence length m
 * @param profile P_i, one per subsequence start i = 0 .. n − m
 * @param index   I_i, the start of the nearest match (−1 if none exists outside the exclusion zone)
 */
public record MatrixProfile(int window, double[] profile, int[] index) {

    /** Exact recomputation interval of the sliding dot product. */
    private static final int REFRESH = 256;

    public MatrixProfile {
        profile = profile.clone();
        index = index.clone();
    }

    @Override
    public double[] profile() {
        return profile.clone();
    }

    @Override
    public int[] index() {
        return index.clone();
    }

    /** stumpy's exclusion zone ⌈m/4⌉: matches whose starts differ by at most this are trivial. */
    public static int exclusionZone(int m) {
        return (m + 3) / 4;
    }

    /** The matrix profile of {@code x} (left unchanged) with subsequence length {@code m} ≥ 3. */
    public static MatrixProfile of(double[] x, int m) {
        return of(x, m, "series");
    }

    /** The matrix profile of a numeric column of a table, in row order. */
    public static MatrixProfile of(Table table, String column, int m) {
        return of(SeriesInput.values(table, column), m, SeriesInput.columnName(column));
    }

    private static MatrixProfile of(double[] x, int m, String what) {
        if (m < 3) {
            throw new IllegalArgumentException("window m must be >= 3, got " + m);
        }
        int zone = exclusionZone(m);
        SeriesInput.checkFinite(x, what, m + zone + 1, "two subsequences of " + m
                + " values further apart than the exclusion zone " + zone);
        int n = x.length;
        int l = n - m + 1;
        double[] mu = new double[l];
        double[] sigma = new double[l];
        for (int i = 0; i < l; i++) {
            double s = 0;
            for (int k = 0; k < m; k++) {
                s += x[i + k];
            }
            double mean = s / m;
            double ss = 0;
            boolean constant = true;
            for (int k = 0; k < m; k++) {
                double d = x[i + k] - mean;
                ss += d * d;
                constant &= x[i + k] == x[i];
            }
            mu[i] = constant ? x[i] : mean;
            sigma[i] = constant ? 0 : Math.sqrt(ss / m);
        }
        double[] p = new double[l];
        int[] idx = new int[l];
        Arrays.fill(p, Double.POSITIVE_INFINITY);
        Arrays.fill(idx, -1);
        for (int k = zone + 1; k < l; k++) {
            double qt = 0;
            for (int i = 0; i + k < l; i++) {
                int j = i + k;
                if (i % REFRESH == 0) {
                    qt = dot(x, i, j, m);
                } else {
                    qt = qt - x[i - 1] * x[j - 1] + x[i + m - 1] * x[j + m - 1];
                }
                double d = distance(qt, m, mu[i], sigma[i], mu[j], sigma[j]);
                if (d < p[i] || (d == p[i] && j < idx[i])) {
                    p[i] = d;
                    idx[i] = j;
                }
                if (d < p[j] || (d == p[j] && i < idx[j])) {
                    p[j] = d;
                    idx[j] = i;
                }
            }
        }
        return new MatrixProfile(m, p, idx);
    }

    private static double dot(double[] x, int i, int j, int m) {
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += x[i + k] * x[j + k];
        }
        return s;
    }

    /** z-normalised Euclidean distance from the dot product and the two windows' moments. */
    static double distance(double qt, int m, double mui, double sigi, double muj, double sigj) {
        if (sigi == 0 || sigj == 0) {
            return sigi == 0 && sigj == 0 ? 0 : Math.sqrt(m);
        }
        double rho = (qt - m * mui * muj) / (m * sigi * sigj);
        rho = Math.max(-1, Math.min(1, rho));
        return Math.sqrt(2.0 * m * (1 - rho));
    }

    /**
     * The starts of the top {@code k} discords: the largest profile value, then repeatedly the largest whose
     * start is more than {@code window} away from every start already taken (fewer if none is left).
     */
    public int[] discords(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int[] out = new int[k];
        int found = 0;
        boolean[] blocked = new boolean[profile.length];
        while (found < k) {
            int best = -1;
            for (int i = 0; i < profile.length; i++) {
                if (!blocked[i] && Double.isFinite(profile[i]) && (best < 0 || profile[i] > profile[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            out[found++] = best;
            for (int i = Math.max(0, best - window); i <= Math.min(profile.length - 1, best + window); i++) {
                blocked[i] = true;
            }
        }
        return Arrays.copyOf(out, found);
    }

    /**
     * A score per point of the series (length n): the largest profile value among the subsequences that
     * contain the point, so a discord marks all m of its points.
     */
    public double[] pointScores() {
        int n = profile.length + window - 1;
        double[] s = new double[n];
        Arrays.fill(s, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < profile.length; i++) {
            for (int t = i; t < i + window; t++) {
                s[t] = Math.max(s[t], profile[i]);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "MatrixProfile[window=" + window + ", subsequences=" + profile.length + "]";
    }
}
