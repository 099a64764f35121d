package org.anomaly4j.detect.density;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.anomaly4j.stats.ChiSquare;

/**
 * Minimum covariance determinant (MCD) by FastMCD, reweighted, and the elliptic-envelope score: the robust
 * squared Mahalanobis distance of a row from the centre of the most concentrated h rows.
 * <p><b>Method</b> (scikit-learn 1.9's {@code MinCovDet} / {@code EllipticEnvelope}, step for step). The raw
 * MCD is the mean and (biased) covariance of the h rows whose covariance has the smallest determinant,
 * h = ceil((n + d + 1)/2) by default ({@code support_fraction} · n otherwise). FastMCD searches it with
 * C-steps — from an estimate (μ, Σ) keep the h rows of smallest (x − μ)ᵀ Σ⁺ (x − μ), re-estimate; the
 * determinant never increases — started from random h-subsets:
 * <ul>
 *   <li>n ≤ 500: 30 random starts × 2 C-steps, the 10 lowest determinants iterated to convergence (≤ 30 steps),
 *   the best kept;</li>
 *   <li>n &gt; 500: the rows are shuffled into ⌊n/300⌋ subsets; in each, max(10, ⌊500/subsets⌋) random starts ×
 *   2 C-steps keep the 10 best; all of them are iterated on a random merged set of min(1500, n) rows, and (when
 *   n &gt; 1500) the 10 best of that are iterated on all rows;</li>
 *   <li>d = 1: the exact univariate MCD (the shortest half, midpoint of the tied ones).</li>
 * </ul>
 * Consistency: the raw distances are divided by c(h/n), c(α) = α / F_{χ²(d+2)}(F⁻¹_{χ²(d)}(α)) (Croux &amp;
 * Haesbroeck 1999, scikit-learn 1.9). Reweighting: the rows with corrected distance &lt; χ²_d(0.975) give the
 * final mean and covariance, the latter times c(0.975). The score is
 * <pre>  s(x) = (x − μ)ᵀ Σ⁺ (x − μ)</pre>
 * with Σ⁺ scipy's {@code pinvh} pseudo-inverse; = scikit-learn's {@code MinCovDet.mahalanobis} =
 * −{@code EllipticEnvelope.score_samples}; the training scores are its {@code dist_}.
 * <p><b>Parameters</b>: {@code supportFraction} in (0, 1] or unset (NaN) for (n + d + 1)/2 ({@code support_fraction});
 * {@code seed} = 0 ({@code random_state}). EllipticEnvelope's {@code contamination} (default 0.1, threshold =
 * the (1 − contamination) quantile of the training scores) belongs to the wrapper.
 * <p><b>Exactness.</b> scikit-learn's random subsets cannot be reproduced; where the MCD is unique (e.g. a
 * well-separated contamination) both find the same h rows, and the location, covariance and scores then agree
 * to 1e-9 relative (golden test; the residue is summation order and the eigen-solver).
 * <p><b>Complexity.</b> Each C-step costs O(m·d²) for m rows plus O(d³) for the eigen-decomposition (the
 * pseudo-inverse and log-determinant); n &gt; 1500 costs about 500 short runs on 300 rows, up to 30·(n/300·10)
 * steps on 1500 rows and up to 300 on all n. The subsets and the candidates are processed in parallel (common
 * pool); every random start is drawn beforehand from one {@code SplittableRandom(seed)} in a fixed order, so the
 * result does not depend on the number of threads. Scoring O(n·d²). State O(d²).
 * <p><b>References.</b> P. J. Rousseeuw, K. Van Driessen (1999), "A Fast Algorithm for the Minimum Covariance
 * Determinant Estimator", Technometrics 41(3), pp. 212–223. P. J. Rousseeuw (1984), "Least Median of Squares
 * Regression", JASA 79(388), pp. 871–880. C. Croux, G. Haesbroeck (1999), "Influence Function and Efficiency
 * of the Minimum Covariance Determinant Scatter Matrix Estimator", J. Multivariate Analysis 71(2), pp. 161–190.
 */
public final class MinCovDet {

    public static final String ALGORITHM = "minimum covariance determinant";
    /** scikit-learn's reweighting cut: rows beyond the 0.975 quantile of χ²_d get weight 0 (Rousseeuw 1984). */
    public static final double REWEIGHT_QUANTILE = 0.975;

    // FastMCD's search sizes, as in scikit-learn 1.9 (Rousseeuw & Van Driessen 1999, section 3)
    private static final int SUBSET_ROWS = 300;
    private static final int MERGED_ROWS = 1500;
    private static final int SUBSET_TRIALS_TOTAL = 500;
    private static final int BEST_PER_SUBSET = 10;
    private static final int SMALL_TRIALS = 30;
    private static final int SMALL_BEST = 10;
    private static final int SHORT_STEPS = 2;
    private static final int FULL_STEPS = 30;

    private final double supportFraction;
    private final long seed;

    /** scikit-learn's defaults: h = (n + d + 1)/2, seed 0. */
    public MinCovDet() {
        this(Double.NaN, 0);
    }

    /** @param supportFraction share of rows in the MCD subset, in (0, 1], or NaN for (n + d + 1)/(2n) */
    public MinCovDet(double supportFraction, long seed) {
        if (!Double.isNaN(supportFraction)) {
            Checks.range("supportFraction", supportFraction, 0, true, 1, false);
        }
        this.supportFraction = supportFraction;
        this.seed = seed;
    }

    public double supportFraction() {
        return supportFraction;
    }

    public long seed() {
        return seed;
    }

    /** One (location, covariance) candidate with its log-determinant, h-subset and distances. */
    private record Estimate(double[] location, double[] covariance, double logDet, int[] support, double[] dist) {
    }

    /** Fits on {@code x} (n ≥ 2 finite rows; not modified). */
    public Fitted fit(double[][] x) {
        int d = Checks.fit(x, 2, ALGORITHM);
        int n = x.length;
        int h = Double.isNaN(supportFraction) ? Math.min((int) Math.ceil(0.5 * (n + d + 1)), n)
                : (int) (supportFraction * n);
        if (h < 1) {
            throw new IllegalArgumentException("supportFraction " + supportFraction + " keeps no row of " + n
                    + "; use a larger supportFraction");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Estimate best;
        if (d == 1) {
            best = univariate(x, h);
        } else if (n > 500) {
            best = large(x, h, rng);
        } else {
            Estimate[] starts = selectRandom(x, h, SMALL_TRIALS, SMALL_BEST, rng);
            best = selectFrom(x, h, starts, 1)[0];
        }
        return finish(x, best);
    }

    /**
     * The rest of the fit from a given raw estimate: C-steps to convergence from (location, covariance) with the
     * default h, then consistency correction and reweighting. Lets the tests start from scikit-learn's own raw
     * MCD, whose random search cannot be reproduced.
     */
    Fitted fitFrom(double[][] x, double[] rawLocation, double[] rawCovariance) {
        int d = Checks.fit(x, 2, ALGORITHM);
        int n = x.length;
        int h = Double.isNaN(supportFraction) ? Math.min((int) Math.ceil(0.5 * (n + d + 1)), n)
                : (int) (supportFraction * n);
        Estimate start = new Estimate(rawLocation.clone(), rawCovariance.clone(), Double.NaN, null, null);
        return finish(x, selectFrom(x, h, new Estimate[] {start}, 1)[0]);
    }

    private Fitted finish(double[][] x, Estimate best) {
        int n = x.length;
        int d = x[0].length;
        double[] rawLocation = best.location;
        double[] rawCovariance = best.covariance;
        double[] rawDist = best.dist != null ? best.dist
                : distances(x, rawLocation, new SymmetricEigen(rawCovariance, d).pseudoInverse());
        boolean[] rawSupport = new boolean[n];
        for (int i : best.support) {
            rawSupport[i] = true;
        }
        int supportSize = 0;
        for (boolean b : rawSupport) {
            supportSize += b ? 1 : 0;
        }
        boolean allZero = true;
        for (double v : rawCovariance) {
            allZero &= Math.abs(v) <= 1e-8; // np.allclose(raw_covariance_, 0)
        }
        if (supportSize < n && allZero) {
            throw new IllegalArgumentException("the covariance of the " + supportSize + " most concentrated rows is 0 "
                    + "(more than half the rows are identical); increase supportFraction or drop duplicate rows");
        }
        // consistency at the normal model, then reweighting (scikit-learn's correct_covariance, reweight_covariance)
        double raw = consistencyFactor(d, (double) supportSize / n);
        double cut = ChiSquare.quantile(d, REWEIGHT_QUANTILE);
        int[] kept = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (rawDist[i] / raw < cut) {
                kept[m++] = i;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("no row is within the χ² 0.975 cut of the raw MCD; the data is "
                    + "degenerate");
        }
        double[] location = new double[d];
        double[] covariance = meanCovariance(x, kept, m, location);
        double factor = consistencyFactor(d, REWEIGHT_QUANTILE);
        for (int k = 0; k < covariance.length; k++) {
            covariance[k] *= factor;
        }
        return new Fitted(location, covariance, rawLocation, rawCovariance, supportSize, m, x);
    }

    // ------------------------------------------------------------------------------------------------ FastMCD

    private Estimate large(double[][] x, int h, SplittableRandom rng) {
        int n = x.length;
        int subsets = n / SUBSET_ROWS;
        int perSubset = n / subsets;
        int[] shuffle = permutation(n, rng);
        int hSubset = (int) Math.ceil(perSubset * (h / (double) n));
        int trials = Math.max(10, SUBSET_TRIALS_TOTAL / subsets);
        // all random starts are drawn first, in a fixed order, so the parallel C-steps below cannot change them
        int[][][] starts = new int[subsets][trials][];
        for (int s = 0; s < subsets; s++) {
            for (int t = 0; t < trials; t++) {
                starts[s][t] = Arrays.copyOf(permutation(perSubset, rng), hSubset);
            }
        }
        Estimate[] pool = new Estimate[subsets * BEST_PER_SUBSET];
        IntStream.range(0, subsets).parallel().forEach(s -> {
            double[][] subset = new double[perSubset][];
            for (int i = 0; i < perSubset; i++) {
                subset[i] = x[shuffle[s * perSubset + i]];
            }
            Estimate[] best = shortRuns(subset, hSubset, starts[s], BEST_PER_SUBSET);
            System.arraycopy(best, 0, pool, s * BEST_PER_SUBSET, best.length);
        });
        int merged = Math.min(MERGED_ROWS, n);
        int hMerged = (int) Math.ceil(merged * (h / (double) n));
        int keepMerged = n > MERGED_ROWS ? 10 : 1;
        int[] selection = Arrays.copyOf(permutation(n, rng), merged);
        double[][] mergedRows = new double[merged][];
        for (int i = 0; i < merged; i++) {
            mergedRows[i] = x[selection[i]];
        }
        Estimate[] best = selectFrom(mergedRows, hMerged, pool, keepMerged);
        if (n < MERGED_ROWS) {
            Estimate b = best[0];
            int[] support = new int[b.support.length];
            for (int i = 0; i < support.length; i++) {
                support[i] = selection[b.support[i]];
            }
            return new Estimate(b.location, b.covariance, b.logDet, support, null);
        }
        return selectFrom(x, h, best, 1)[0];
    }

    /** {@code trials} C-step runs of {@link #SHORT_STEPS} steps from random h-subsets; the {@code keep} best. */
    private static Estimate[] selectRandom(double[][] x, int h, int trials, int keep, SplittableRandom rng) {
        int[][] starts = new int[trials][];
        for (int t = 0; t < trials; t++) {
            starts[t] = Arrays.copyOf(permutation(x.length, rng), h);
        }
        return shortRuns(x, h, starts, keep);
    }

    private static Estimate[] shortRuns(double[][] x, int h, int[][] starts, int keep) {
        Estimate[] all = new Estimate[starts.length];
        for (int t = 0; t < starts.length; t++) {
            all[t] = cSteps(x, h, starts[t], SHORT_STEPS);
        }
        return best(all, keep);
    }

    /** C-steps to convergence (at most {@link #FULL_STEPS}) from each estimate; the {@code keep} best. */
    private static Estimate[] selectFrom(double[][] x, int h, Estimate[] starts, int keep) {
        Estimate[] all = new Estimate[starts.length];
        int d = x[0].length;
        // independent runs, each deterministic: parallel without changing the result
        IntStream.range(0, starts.length).parallel().forEach(t -> {
            double[] p = new SymmetricEigen(starts[t].covariance, d).pseudoInverse();
            int[] support = smallest(distances(x, starts[t].location, p), h);
            all[t] = cSteps(x, h, support, FULL_STEPS);
        });
        return best(all, keep);
    }

    private static Estimate[] best(Estimate[] all, int keep) {
        Estimate[] sorted = all.clone();
        Arrays.sort(sorted, (a, b) -> Double.compare(a.logDet, b.logDet)); // stable: earlier trials win ties
        return Arrays.copyOf(sorted, Math.min(keep, sorted.length));
    }

    /**
     * scikit-learn's {@code _c_step}: estimate from {@code support}, then repeat "h nearest rows → estimate"
     * while the log-determinant decreases, at most {@code steps} times; a determinant that increases beyond
     * numpy's {@code allclose} returns the previous estimate, a singular one (−∞) stops at once.
     */
    private static Estimate cSteps(double[][] x, int h, int[] support, int steps) {
        int d = x[0].length;
        double[] location = new double[d];
        double[] covariance = meanCovariance(x, support, h, location);
        SymmetricEigen eig = new SymmetricEigen(covariance, d);
        double det = eig.logDet();
        Estimate previous = null;
        double previousDet = Double.POSITIVE_INFINITY;
        int remaining = steps;
        while (det < previousDet && remaining > 0 && !Double.isInfinite(det)) {
            previous = new Estimate(location, covariance, det, support, null);
            previousDet = det;
            int[] next = smallest(distances(x, location, eig.pseudoInverse()), h);
            location = new double[d];
            covariance = meanCovariance(x, next, h, location);
            support = next;
            eig = new SymmetricEigen(covariance, d);
            det = eig.logDet();
            remaining--;
        }
        boolean close = Math.abs(det - previousDet) <= 1e-8 + 1e-5 * Math.abs(previousDet);
        if (!Double.isInfinite(det) && !close && det > previousDet && remaining > 0) {
            return previous;
        }
        return new Estimate(location, covariance, det, support, null);
    }

    /** The exact univariate MCD (scikit-learn's fast_mcd for one feature). */
    private static Estimate univariate(double[][] x, int h) {
        int n = x.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = x[i][0];
        }
        int[] support;
        double location;
        if (h < n) {
            double[] s = v.clone();
            Arrays.sort(s);
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i + h < n; i++) {
                min = Math.min(min, s[i + h] - s[i]);
            }
            double sum = 0;
            int count = 0;
            for (int i = 0; i + h < n; i++) {
                if (s[i + h] - s[i] == min) { // the midpoints of all shortest windows, averaged
                    sum += s[h + i] + s[i];
                    count++;
                }
            }
            location = 0.5 * (sum / count);
            double[] absDev = new double[n];
            for (int i = 0; i < n; i++) {
                absDev[i] = Math.abs(v[i] - location);
            }
            support = smallest(absDev, h);
        } else {
            support = new int[n];
            for (int i = 0; i < n; i++) {
                support[i] = i;
            }
            double sum = 0;
            for (double e : v) {
                sum += e;
            }
            location = sum / n;
        }
        double mean = 0;
        for (int i : support) {
            mean += v[i];
        }
        mean /= support.length;
        double var = 0;
        for (int i : support) {
            var += (v[i] - mean) * (v[i] - mean);
        }
        var /= support.length;
        double[] dist = new double[n];
        double inv = var > 0 ? 1 / var : 0; // pinvh of a 1 × 1 zero matrix is 0
        for (int i = 0; i < n; i++) {
            dist[i] = (v[i] - location) * (v[i] - location) * inv;
        }
        return new Estimate(new double[] {location}, new double[] {var}, var > 0 ? Math.log(var)
                : Double.NEGATIVE_INFINITY, support, dist);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Croux &amp; Haesbroeck's consistency factor for a covariance from the α share of rows closest to the centre
     * of a k-variate normal: c(α) = α / F_{k+2}(F_k⁻¹(α)) (scikit-learn 1.9's {@code _consistency_factor};
     * C. Croux, G. Haesbroeck (1999), J. Multivariate Analysis 71(2), pp. 161–190).
     */
    static double consistencyFactor(int k, double alpha) {
        return alpha / ChiSquare.cdf(k + 2, ChiSquare.quantile(k, alpha));
    }

    /** Fisher–Yates permutation of 0..n−1. */
    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Mean into {@code mean} and the biased covariance (np.cov(bias=True)) of rows {@code idx[0..m)}. */
    static double[] meanCovariance(double[][] x, int[] idx, int m, double[] mean) {
        int d = mean.length;
        Arrays.fill(mean, 0);
        for (int r = 0; r < m; r++) {
            double[] row = x[idx[r]];
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= m;
        }
        double[] cov = new double[d * d];
        double[] e = new double[d];
        for (int r = 0; r < m; r++) {
            double[] row = x[idx[r]];
            for (int j = 0; j < d; j++) {
                e[j] = row[j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
                double ei = e[i];
                int o = i * d;
                for (int j = i; j < d; j++) {
                    cov[o + j] += ei * e[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i * d + j] /= m;
                cov[j * d + i] = cov[i * d + j];
            }
        }
        return cov;
    }

    static double[] distances(double[][] x, double[] location, double[] precision) {
        double[] out = new double[x.length];
        double[] e = new double[location.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = SymmetricEigen.quadratic(x[i], location, precision, e);
        }
        return out;
    }

    /** Indices of the h smallest values (np.argpartition(dist, h − 1)[:h]; order within is arbitrary). */
    static int[] smallest(double[] dist, int h) {
        int n = dist.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int lo = 0;
        int hi = n - 1;
        int k = h - 1;
        while (lo < hi) { // quickselect, median of three
            int mid = (lo + hi) >>> 1;
            double a = dist[idx[lo]];
            double b = dist[idx[mid]];
            double c = dist[idx[hi]];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (dist[idx[i]] < pivot) {
                    i++;
                }
                while (dist[idx[j]] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = idx[i];
                    idx[i] = idx[j];
                    idx[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return Arrays.copyOf(idx, h);
    }

    /**
     * The fitted (reweighted) MCD: location μ and covariance Σ (row-major d × d) — scikit-learn's
     * {@code location_} and {@code covariance_} — plus the raw MCD and the training
     * scores. Σ⁺ is recomputed from Σ on construction.
     */
    public static final class Fitted {

        private final double[] location;
        private final double[] covariance;
        private final double[] rawLocation;
        private final double[] rawCovariance;
        private final int rawSupportSize;
        private final int supportSize;
        private final double[] precision;
        private final double[] trainingScores;

        private Fitted(double[] location, double[] covariance, double[] rawLocation, double[] rawCovariance,
                int rawSupportSize, int supportSize, double[][] train) {
            this.location = location;
            this.covariance = covariance;
            this.rawLocation = rawLocation;
            this.rawCovariance = rawCovariance;
            this.rawSupportSize = rawSupportSize;
            this.supportSize = supportSize;
            this.precision = new SymmetricEigen(covariance, location.length).pseudoInverse();
            this.trainingScores = distances(train, location, precision);
        }

        /**
         * Restores a fitted state (arrays copied and validated): {@code location} (d), {@code covariance}
         * (d × d row-major, symmetric), the raw MCD's location and covariance, the sizes of
         * the raw and reweighted supports, and the n training scores.
         */
        public Fitted(double[] location, double[] covariance, double[] rawLocation, double[] rawCovariance,
                int rawSupportSize, int supportSize, double[] trainingScores) {
            int d = location == null ? 0 : location.length;
            if (d == 0) {
                throw new IllegalArgumentException("location must hold one value per feature, got none");
            }
            this.location = Checks.state("location", location, d);
            this.covariance = symmetric("covariance", covariance, d);
            this.rawLocation = Checks.state("rawLocation", rawLocation, d);
            this.rawCovariance = symmetric("rawCovariance", rawCovariance, d);
            if (rawSupportSize < 1 || supportSize < 1) {
                throw new IllegalArgumentException("support sizes must be ≥ 1, got " + rawSupportSize + " and "
                        + supportSize);
            }
            this.rawSupportSize = rawSupportSize;
            this.supportSize = supportSize;
            this.precision = new SymmetricEigen(this.covariance, d).pseudoInverse();
            this.trainingScores = Checks.state("trainingScores", trainingScores,
                    trainingScores == null ? 0 : trainingScores.length);
        }

        private static double[] symmetric(String name, double[] a, int d) {
            double[] c = Checks.state(name, a, d * d);
            for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                    if (c[i * d + j] != c[j * d + i]) {
                        throw new IllegalArgumentException(name + " is not symmetric at (" + i + ", " + j + ")");
                    }
                }
            }
            return c;
        }

        /** Squared robust Mahalanobis distances (x − μ)ᵀ Σ⁺ (x − μ); higher = more anomalous. */
        public double[] score(double[][] x) {
            Checks.score(x, location.length, ALGORITHM);
            return distances(x, location, precision);
        }

        public double[] trainingScores() {
            return trainingScores.clone();
        }

        public double[] location() {
            return location.clone();
        }

        /** Reweighted covariance, row-major d × d (scikit-learn's {@code covariance_}). */
        public double[] covariance() {
            return covariance.clone();
        }

        public double[] rawLocation() {
            return rawLocation.clone();
        }

        /**
         * Raw MCD covariance, before the consistency factor (scikit-learn's {@code raw_covariance_}; its fit
         * discards the corrected matrix that {@code correct_covariance} returns).
         */
        public double[] rawCovariance() {
            return rawCovariance.clone();
        }

        public int rawSupportSize() {
            return rawSupportSize;
        }

        public int supportSize() {
            return supportSize;
        }

        public int features() {
            return location.length;
        }
    }
}
