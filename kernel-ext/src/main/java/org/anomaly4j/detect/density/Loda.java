package org.anomaly4j.detect.density;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.anomaly4j.stats.Nums;
import org.anomaly4j.stats.PairwiseSum;

/**
 * LODA, the lightweight on-line detector of anomalies: an ensemble of one-dimensional histograms, each over
 * the training data projected on a sparse random direction; a row is anomalous when its projections fall in
 * rarely filled bins.
 * <p><b>Method</b> (Pevný 2016, with PyOD's {@code LODA} choices, {@code pyod/models/loda.py} 3.x). For each
 * of k = {@code cuts} random cuts a projection vector w_i has ⌊√d⌋ non-zero N(0, 1) components at random
 * positions (the rest 0; PyOD: {@code randn}, then d − ⌊√d⌋ positions zeroed; the paper: d^{1/2} non-zero). The
 * training values z = w_iᵀx get a histogram of b_i equal-width bins as numpy's {@code np.histogram(z, b_i)}:
 * edges e_j = min + j·(max − min)/b_i, the last one exactly max (a constant projection gets [v − 0.5, v + 0.5]),
 * bins [e_j, e_j+1), the last one closed. Each bin gets the probability
 * <pre>  p_ij = (c_ij + 1e-12) / Σ_j (c_ij + 1e-12)</pre>
 * (counts c; the 1e-12 is PyOD's, so that an empty bin gives a large finite −log instead of infinity; the
 * probability mass of the bin, not a density divided by its width, as in PyOD). The score is the paper's
 * <pre>  f(x) = (1/k) Σ_i −log p_i(bin of w_iᵀx)</pre>
 * where a value below e_0 takes the first bin and one above e_b the last (PyOD clips the same way: a new point
 * outside the training range counts as belonging to the edge bin, not as probability 0). Higher = more
 * anomalous.
 * <p><b>Bins.</b> {@code bins} = a count for every cut, or {@link #AUTO}: per cut the Birgé–Rozenholc choice as
 * PyOD's {@code get_optimal_n_bins}: b ∈ {1, …, ⌊√n⌋ − 1} maximising
 * Σ_j [c_j · ln(b·c_j/n + 1) − (b − 1 + ln(b)^2.5)] (PyOD's form, the penalty inside the sum; first maximum;
 * PyOD's docstring spells the name "Rozenblac").
 * <p><b>Difference from PyOD, on purpose.</b> PyOD 3.x looks the bin up with
 * {@code np.searchsorted(edges[:b-1], z, side='left')}: the number of the first b − 1 edges strictly below z,
 * which is the bin <em>above</em> the one that counted z (only a value equal to an edge, or in the top bin, gets
 * its own), and it divides the mean by k once more ({@code weights} 1/k and {@code pred_scores /= k}). With that
 * lookup the highest inliers of a projection take the probability of the empty bin above them: on the ten
 * ADBench tables the mean ROC-AUC drops from 0.80 to 0.67 (seeds 0–4). We use the bin that counted the value (the
 * paper's histogram density); {@code pyodExact = true} reproduces PyOD's {@code decision_scores_} exactly
 * (its lookup and f(x)/k), for comparisons.
 * <p><b>Parameters</b> (PyOD's {@code LODA(n_bins=10, n_random_cuts=100)}): {@code bins} = 10 or {@link #AUTO}
 * ({@code n_bins}), {@code cuts} = 100 ({@code n_random_cuts}), {@code seed} ({@code random_state}; our own
 * generator, so the same seed gives other projections than PyOD's), {@code pyodExact} = false.
 * <p><b>Exactness.</b> Given the same projection matrix, edges and counts are numpy's to the last bit, the
 * probabilities' normaliser is numpy's pairwise sum, and the scores equal the numpy formula within 1e-12
 * (only {@code log}'s last bit; the golden test {@code LodaTest}). The projection is summed over the features in
 * order; numpy's {@code w.dot(X.T)} may differ in the last bit, which moves a value to another bin only when it
 * lies on an edge (the golden script counts such rows: none on generated data, 1–4 of 689 on the integer
 * breastw table — PyOD's own scores depend on that ulp).
 * <p>Batch fitting only: the paper's on-line variant (histograms updated row by row) is not offered.
 * <p><b>Complexity.</b> Fit O(k·n·(√d + log b)) (with {@link #AUTO} O(k·n·log n) more: the projected values are
 * sorted once per cut and each candidate histogram counted by binary search); scoring O(n·k·(√d + log b));
 * state O(k·(d + b)).
 * <p><b>Reference.</b> T. Pevný (2016), "Loda: Lightweight on-line detector of anomalies", Machine Learning
 * 102(2), 275–304. L. Birgé, Y. Rozenholc (2006), "How many bins should be put in a regular histogram", ESAIM:
 * Probability and Statistics 10, 24–45.
 */
public final class Loda {

    public static final String ALGORITHM = "LODA";
    /** {@code bins = AUTO}: each cut chooses its own bin count (Birgé–Rozenholc, PyOD's {@code n_bins='auto'}). */
    public static final int AUTO = 0;
    /** PyOD's default {@code n_bins}. */
    public static final int DEFAULT_BINS = 10;
    /** PyOD's default {@code n_random_cuts}. */
    public static final int DEFAULT_CUTS = 100;
    /** Added to every bin count before normalising (PyOD): an empty bin scores −log(1e-12 / n) ≈ 27.6 + ln n. */
    static final double EMPTY_BIN = 1e-12;

    private final int bins;
    private final int cuts;
    private final long seed;
    private final boolean pyodExact;

    /** PyOD's defaults: 10 bins, 100 cuts; seed 0; the paper's bin lookup. */
    public Loda() {
        this(DEFAULT_BINS, DEFAULT_CUTS, 0, false);
    }

    /**
     * @param bins      bins per histogram, ≥ 2, or {@link #AUTO}
     * @param cuts      random projections k ≥ 1
     * @param seed      seed of the projections
     * @param pyodExact PyOD 3.x's bin lookup and scale (see the class comment)
     */
    public Loda(int bins, int cuts, long seed, boolean pyodExact) {
        if (bins != AUTO && bins < 2) {
            throw new IllegalArgumentException("bins must be at least 2 (or AUTO for the Birgé–Rozenholc choice),"
                    + " got " + bins);
        }
        if (cuts < 1) {
            throw new IllegalArgumentException("cuts must be at least 1, got " + cuts);
        }
        this.bins = bins;
        this.cuts = cuts;
        this.seed = seed;
        this.pyodExact = pyodExact;
    }

    /** Draws the projections from the seed and builds one histogram per projection; {@code x} is not modified. */
    public Fitted fit(double[][] x) {
        int d = Checks.fit(x, minRows(), ALGORITHM);
        return fit(x, projections(cuts, d, seed));
    }

    /** Rows needed: 2, or 4 with {@link #AUTO} (⌊√n⌋ − 1 ≥ 1 candidate bin counts). */
    private int minRows() {
        return bins == AUTO ? 4 : 2;
    }

    /**
     * k × d projection vectors, row i with ⌊√d⌋ non-zero standard normal components at positions chosen
     * uniformly without replacement (a partial Fisher–Yates shuffle), from one generator seeded once.
     */
    static double[][] projections(int k, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int nonZero = (int) Math.sqrt(d);
        int[] order = new int[d];
        double[][] w = new double[k][d];
        for (double[] row : w) {
            for (int j = 0; j < d; j++) {
                order[j] = j;
            }
            for (int j = 0; j < nonZero; j++) {
                int r = j + rng.nextInt(d - j);
                int t = order[r];
                order[r] = order[j];
                order[j] = t;
                row[t] = rng.nextGaussian();
            }
        }
        return w;
    }

    /** The histograms over given projections (k × d, from the tests' goldens); the seed is not used. */
    Fitted fit(double[][] x, double[][] projections) {
        int d = Checks.fit(x, minRows(), ALGORITHM);
        double[][] w = Checks.state("projections", projections, projections.length, d);
        int k = w.length;
        int n = x.length;
        double[][] edges = new double[k][];
        double[][] probability = new double[k][];
        double[] z = new double[n];
        // the training scores accumulate cut by cut while z is at hand (one projection pass, not two); per row the
        // terms are added in cut order, as score() adds them, so the two agree to the last bit
        double[] train = new double[n];
        for (int i = 0; i < k; i++) {
            int[] nz = nonZero(w[i]);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < n; r++) {
                z[r] = project(w[i], nz, x[r]);
                lo = Math.min(lo, z[r]);
                hi = Math.max(hi, z[r]);
            }
            if (lo == hi) { // numpy's _get_outer_edges: a constant projection spans one unit around its value
                lo -= 0.5;
                hi += 0.5;
            }
            int b = bins == AUTO ? birgeRozenholc(z, lo, hi) : bins;
            edges[i] = Linspace.edges(lo, hi, b);
            probability[i] = probabilities(z, edges[i]);
            double[] t = terms(probability[i], k);
            for (int r = 0; r < n; r++) {
                train[r] += t[lookup(edges[i], z[r], pyodExact)];
            }
        }
        return new Fitted(w, edges, probability, pyodExact, finish(train, k, pyodExact), true);
    }

    /** −(1/k)·ln p_j per bin: PyOD's {@code -weights[i] * np.log(histograms_[i])} with weights = np.ones(k) / k. */
    private static double[] terms(double[] p, int k) {
        double weight = 1.0 / k;
        double[] t = new double[p.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = -weight * Math.log(p[j]);
        }
        return t;
    }

    private static int lookup(double[] e, double v, boolean pyodExact) {
        return pyodExact ? pyodBin(e, v) : bin(e, v);
    }

    /** The sums over the cuts are the scores; PyOD divides them by k once more ({@code pred_scores /= k}). */
    private static double[] finish(double[] sums, int k, boolean pyodExact) {
        if (pyodExact) {
            for (int r = 0; r < sums.length; r++) {
                sums[r] /= k;
            }
        }
        return sums;
    }

    /** Bin counts as np.histogram, plus 1e-12 each, divided by their (numpy pairwise) sum. */
    private static double[] probabilities(double[] z, double[] e) {
        int b = e.length - 1;
        double[] p = new double[b];
        for (double v : z) {
            p[bin(e, v)]++;
        }
        for (int j = 0; j < b; j++) {
            p[j] += EMPTY_BIN;
        }
        double total = PairwiseSum.of(p);
        for (int j = 0; j < b; j++) {
            p[j] /= total;
        }
        return p;
    }

    /**
     * PyOD's {@code get_optimal_n_bins}: over b = 1 … ⌊√n⌋ − 1, the first maximum of
     * Σ_j [c_j ln(b c_j / n + 1) − (b − 1 + ln(b)^2.5)], with c the np.histogram counts over [lo, hi]
     * (counted here by binary search in the sorted values: the same counts, as np.histogram places a value by
     * the edges alone).
     */
    static int birgeRozenholc(double[] z, double lo, double hi) {
        int n = z.length;
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        int upper = (int) Math.sqrt(n);
        int best = 1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int b = 1; b < upper; b++) {
            double[] e = Linspace.edges(lo, hi, b);
            double penalty = b - 1 + Math.pow(Math.log(b), 2.5);
            double[] terms = new double[b];
            int below = 0; // values < e[j]
            for (int j = 0; j < b; j++) {
                int next = j == b - 1 ? n : Nums.searchLeft(sorted, n, e[j + 1]);
                long c = next - below;
                terms[j] = c * Math.log((double) (b * c) / n + 1) - penalty;
                below = next;
            }
            double value = PairwiseSum.of(terms);
            if (value > bestValue) {
                bestValue = value;
                best = b;
            }
        }
        return best;
    }

    /**
     * The np.histogram bin of v: j with e_j ≤ v &lt; e_j+1, the last bin closed; a value outside [e_0, e_b]
     * takes the nearer end bin.
     */
    static int bin(double[] e, double v) {
        int b = e.length - 1;
        int lo = Nums.searchRight(e, e.length, v); // first index with e[i] > v
        return Math.min(Math.max(lo - 1, 0), b - 1);
    }

    /**
     * PyOD 3.x's lookup {@code np.searchsorted(e[:b-1], v, side='left')}: how many of the first b − 1 edges lie
     * strictly below v.
     */
    static int pyodBin(double[] e, double v) {
        return Nums.searchLeft(e, e.length - 2, v);
    }

    private static int[] nonZero(double[] w) {
        int m = 0;
        for (double v : w) {
            m += v != 0 ? 1 : 0;
        }
        int[] nz = new int[m];
        m = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                nz[m++] = j;
            }
        }
        return nz;
    }

    /** wᵀx over the non-zero components in feature order (the same sum as over all: adding 0·x changes nothing). */
    private static double project(double[] w, int[] nz, double[] x) {
        double s = 0;
        for (int j : nz) {
            s += w[j] * x[j];
        }
        return s;
    }

    public int bins() {
        return bins;
    }

    public int cuts() {
        return cuts;
    }

    public long seed() {
        return seed;
    }

    public boolean pyodExact() {
        return pyodExact;
    }

    /**
     * Fitted LODA: the k × d projections (PyOD's {@code projections_}), per cut the b_i + 1 edges and b_i bin
     * probabilities ({@code limits_}, {@code histograms_}), the lookup rule and the training scores.
     */
    public static final class Fitted {

        private final double[][] projections;
        private final double[][] edges;
        private final double[][] probability;
        private final boolean pyodExact;
        private final double[] trainingScores;
        /** Per cut: the non-zero positions of w_i, and −(1/k)·ln p_ij per bin (PyOD's {@code -weights[i] * log}). */
        private final int[][] nonZero;
        private final double[][] terms;

        /**
         * Restores a fitted state (e.g. from a model file), validated: {@code projections} k rows of d finite
         * values, each with a non-zero; {@code edges[i]} strictly increasing with b_i + 1 ≥ 2 values;
         * {@code probability[i]} b_i values in (0, 1]; {@code trainingScores} finite. Arrays are copied.
         */
        public Fitted(double[][] projections, double[][] edges, double[][] probability, boolean pyodExact,
                      double[] trainingScores) {
            this(validProjections(projections), validEdges(edges, projections.length),
                    validProbability(probability, edges), pyodExact,
                    Checks.state("trainingScores", trainingScores, trainingScores == null ? 0 : trainingScores.length),
                    true);
        }

        /** Arrays already checked, or made by a fit. */
        private Fitted(double[][] projections, double[][] edges, double[][] probability, boolean pyodExact,
                       double[] trainingScores, boolean trusted) {
            this.projections = projections;
            this.edges = edges;
            this.probability = probability;
            this.pyodExact = pyodExact;
            this.trainingScores = trainingScores;
            int k = projections.length;
            this.nonZero = new int[k][];
            this.terms = new double[k][];
            for (int i = 0; i < k; i++) {
                nonZero[i] = Loda.nonZero(projections[i]);
                terms[i] = Loda.terms(probability[i], k);
            }
        }

        private static double[][] validProjections(double[][] w) {
            if (w == null || w.length == 0) {
                throw new IllegalArgumentException("projections must have one row per cut, got none");
            }
            double[][] c = Checks.state("projections", w, w.length, w[0] == null ? 0 : w[0].length);
            for (int i = 0; i < c.length; i++) {
                if (Loda.nonZero(c[i]).length == 0) {
                    throw new IllegalArgumentException("projections[" + i + "] is all zeros; the state is corrupt");
                }
            }
            return c;
        }

        private static double[][] validEdges(double[][] edges, int k) {
            if (edges == null || edges.length != k) {
                throw new IllegalArgumentException("edges must have " + k + " rows (one per cut), got "
                        + (edges == null ? "null" : edges.length));
            }
            double[][] e = new double[k][];
            for (int i = 0; i < k; i++) {
                int len = edges[i] == null ? 0 : edges[i].length;
                if (len < 2) {
                    throw new IllegalArgumentException("edges[" + i + "] must have bins + 1 ≥ 2 values, got " + len);
                }
                e[i] = Checks.state("edges[" + i + "]", edges[i], len);
                for (int j = 1; j < len; j++) {
                    if (!(e[i][j] > e[i][j - 1])) {
                        throw new IllegalArgumentException("edges[" + i + "] must increase strictly, but value " + j
                                + " is " + e[i][j] + " after " + e[i][j - 1]);
                    }
                }
            }
            return e;
        }

        private static double[][] validProbability(double[][] probability, double[][] edges) {
            if (probability == null || probability.length != edges.length) {
                throw new IllegalArgumentException("probability must have " + edges.length + " rows (one per cut), got "
                        + (probability == null ? "null" : probability.length));
            }
            double[][] p = new double[edges.length][];
            for (int i = 0; i < p.length; i++) {
                p[i] = Checks.state("probability[" + i + "]", probability[i], edges[i].length - 1);
                for (double v : p[i]) {
                    if (!(v > 0 && v <= 1)) {
                        throw new IllegalArgumentException("probability values must be in (0, 1], got " + v
                                + " in row " + i);
                    }
                }
            }
            return p;
        }

        /** f(x) for each row (or PyOD's f(x)/k with {@code pyodExact}); higher = more anomalous. */
        public double[] score(double[][] x) {
            Checks.score(x, projections[0].length, ALGORITHM);
            int k = projections.length;
            double[] out = new double[x.length];
            for (int r = 0; r < x.length; r++) {
                double[] row = x[r];
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += terms[i][lookup(edges[i], project(projections[i], nonZero[i], row), pyodExact)];
                }
                out[r] = s;
            }
            return finish(out, k, pyodExact);
        }

        public double[] trainingScores() {
            return trainingScores.clone();
        }

        public int features() {
            return projections[0].length;
        }

        public int cuts() {
            return projections.length;
        }

        public boolean pyodExact() {
            return pyodExact;
        }

        /** The projection vectors, k × d (a copy). */
        public double[][] projections() {
            return Checks.copy(projections);
        }

        /** Per cut the b_i + 1 bin edges (a copy; rows differ in length with automatic bins). */
        public double[][] edges() {
            return Checks.copy(edges);
        }

        /** Per cut the b_i bin probabilities, summing to 1 (a copy). */
        public double[][] probability() {
            return Checks.copy(probability);
        }

        /** The bin count of each cut. */
        public int[] bins() {
            int[] b = new int[edges.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = edges[i].length - 1;
            }
            return b;
        }
    }
}
