package org.anomaly4j.detect;

import java.util.Arrays;
import java.util.Locale;

/**
 * The outcome of an extreme studentized deviate test ({@link Grubbs#test iterated Grubbs},
 * {@link GeneralizedEsd#test generalized ESD}): one entry per step, where step i removes the value farthest
 * from the mean of the values still present.
 *
 * @param n              sample size
 * @param alpha          significance level of the test
 * @param candidates     index (into the tested array) of the most extreme remaining value at each step
 * @param statistics     {@code R_i = max |x − mean| / s} at each step, mean and s (ddof 1) of the remaining values
 * @param criticalValues the critical value {@code λ_i} of each step (Grubbs' {@code G_crit} for the remaining size)
 * @param outliers       indices declared outliers, in the order they were removed (a prefix of {@code candidates})
 */
public record ExtremeDeviates(int n, double alpha, int[] candidates, double[] statistics, double[] criticalValues,
                              int[] outliers) {

    public ExtremeDeviates {
        candidates = candidates.clone();
        statistics = statistics.clone();
        criticalValues = criticalValues.clone();
        outliers = outliers.clone();
    }

    /** Number of outliers found. */
    public int outlierCount() {
        return outliers.length;
    }

    /** Number of steps performed. */
    public int steps() {
        return statistics.length;
    }

    @Override
    public int[] candidates() {
        return candidates.clone();
    }

    @Override
    public double[] statistics() {
        return statistics.clone();
    }

    @Override
    public double[] criticalValues() {
        return criticalValues.clone();
    }

    @Override
    public int[] outliers() {
        return outliers.clone();
    }

    /** A table like the NIST/SEMATECH e-Handbook's: step, candidate, R_i, λ_i, and * where R_i &gt; λ_i. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "n = %d, alpha = %s: %d outlier%s %s%n   i  index          R_i          λ_i%n",
                n, alpha, outliers.length, outliers.length == 1 ? "" : "s", Arrays.toString(outliers)));
        for (int i = 0; i < statistics.length; i++) {
            b.append(String.format(Locale.ROOT, "%4d %6d %12.6f %12.6f%s%n", i + 1, candidates[i], statistics[i],
                    criticalValues[i], statistics[i] > criticalValues[i] ? " *" : ""));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtremeDeviates e && n == e.n && Double.compare(alpha, e.alpha) == 0
                && Arrays.equals(candidates, e.candidates) && Arrays.equals(statistics, e.statistics)
                && Arrays.equals(criticalValues, e.criticalValues) && Arrays.equals(outliers, e.outliers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(statistics) + Arrays.hashCode(candidates);
    }

    /**
     * Runs up to {@code maxSteps} removal steps on {@code x} (left unchanged).
     *
     * @param stopAtFirstAcceptance Grubbs iterated: stop after the first step whose R ≤ λ (that step is
     *                              recorded); generalized ESD: always run every step
     * @param grubbs                whether outliers are the steps before the first acceptance (Grubbs) or the
     *                              first k steps for the largest k with R_k &gt; λ_k (ESD)
     */
    static ExtremeDeviates run(double[] x, int maxSteps, double alpha, boolean grubbs) {
        int n = x.length;
        double[] v = x.clone();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] cand = new int[maxSteps];
        double[] stat = new double[maxSteps];
        double[] crit = new double[maxSteps];
        int steps = 0;
        int m = n;
        int accepted = -1;
        while (steps < maxSteps && m >= 3) {
            double mean = ColumnStatistics.mean(v, m);
            double s = ColumnStatistics.sampleStd(v, m, mean);
            if (!(s > 0)) {
                break; // the remaining values are all equal: no deviate is extreme
            }
            int k = 0;
            double best = -1;
            for (int i = 0; i < m; i++) {
                double dev = Math.abs(v[i] - mean);
                if (dev > best) { // strict: the first of tied values, as numpy's argmax
                    best = dev;
                    k = i;
                }
            }
            cand[steps] = idx[k];
            stat[steps] = best / s;
            crit[steps] = Grubbs.criticalValue(m, alpha);
            steps++;
            if (grubbs && !(stat[steps - 1] > crit[steps - 1])) {
                accepted = steps - 1;
                break;
            }
            // Remove value k, keeping the others in their original order (so ties resolve as in numpy).
            System.arraycopy(v, k + 1, v, k, m - k - 1);
            System.arraycopy(idx, k + 1, idx, k, m - k - 1);
            m--;
        }
        int count;
        if (grubbs) {
            count = accepted >= 0 ? accepted : steps;
        } else {
            count = 0;
            for (int i = steps - 1; i >= 0; i--) {
                if (stat[i] > crit[i]) {
                    count = i + 1;
                    break;
                }
            }
        }
        return new ExtremeDeviates(n, alpha, Arrays.copyOf(cand, steps), Arrays.copyOf(stat, steps),
                Arrays.copyOf(crit, steps), Arrays.copyOf(cand, count));
    }

    /** Checks the input of a static test: at least 3 finite values. */
    static void checkSample(double[] x, double alpha, String test) {
        if (x == null || x.length < 3) {
            throw new IllegalArgumentException(test + " needs at least 3 values, got " + (x == null ? 0 : x.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("value at index " + i + " is " + x[i]
                        + "; drop or fill missing and infinite values first");
            }
        }
        checkAlpha(alpha);
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }
}
