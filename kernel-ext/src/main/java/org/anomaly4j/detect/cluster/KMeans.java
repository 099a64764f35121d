package org.anomaly4j.detect.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.anomaly4j.features.Matrices;
import org.anomaly4j.stats.Nums;

/**
 * k-means clustering as scikit-learn's {@code KMeans(algorithm='lloyd')}: k centres that locally minimise the
 * inertia Σ_i ‖x_i − c_label(i)‖².
 * <p><b>Lloyd iterations</b> (scikit-learn's {@code _kmeans_single_lloyd}, step for step). The data are centred
 * on their column means first (as scikit-learn does, for accurate distances; the centres are shifted back at the
 * end). Each iteration assigns every row to its nearest centre (the first on ties), recomputes each centre as the
 * mean of its rows, relocates each empty cluster to one of the rows farthest from their own centre (farthest
 * first, the lower index on ties), and stops when no label changed ("strict convergence") or when the squared
 * centre shifts sum to at most {@code tol} · mean over columns of the column variance (scikit-learn's
 * {@code _tolerance}), or after {@code maxIter} iterations; without strict convergence the rows are assigned once
 * more so that the labels match the final centres.
 * <p><b>k-means++ seeding</b> (Arthur &amp; Vassilvitskii 2007, with scikit-learn's greedy variant
 * {@code _kmeans_plusplus}): the first centre is a uniformly drawn row; each further centre is the best of
 * 2 + ⌊ln k⌋ candidates drawn with probability proportional to the squared distance to the nearest chosen centre,
 * "best" being the candidate that leaves the smallest potential Σ_i min_c ‖x_i − c‖². {@code inits} seedings are
 * run and the lowest inertia kept (scikit-learn's {@code n_init}; its default 'auto' is one run for k-means++).
 * The random numbers come from {@code new SplittableRandom(seed)}, so they differ from numpy's stream: the same
 * seed gives the same clustering in every run and JVM, but not scikit-learn's clustering; from the same initial
 * centres ({@link #fit(double[][], double[][])}) the Lloyd iterations give scikit-learn's labels, centres and
 * inertia (golden test).
 * <p><b>Exactness.</b> Distances are the sequential sums of squared differences; scikit-learn assigns labels
 * with ‖c‖² − 2x·c from BLAS, so a row almost exactly between two centres (within rounding) may be labelled
 * differently, and its centre sums are added in another order (relative differences ~1e-15).
 * <p><b>Complexity.</b> O(n·k·d) per iteration, at most {@code maxIter} (300) iterations per run; the assignment
 * runs over row blocks in parallel (centre sums stay sequential, so the result does not depend on the threads);
 * seeding O(n·k·d·(2 + ln k)); memory O(n·d) (the centred copy).
 * <p><b>References.</b> S. P. Lloyd (1982), "Least squares quantization in PCM", IEEE Transactions on Information
 * Theory 28(2), pp. 129–137; D. Arthur, S. Vassilvitskii (2007), "k-means++: the advantages of careful seeding",
 * Proceedings of SODA 2007, pp. 1027–1035.
 */
public final class KMeans {

    /** scikit-learn's default {@code n_clusters}. */
    public static final int DEFAULT_CLUSTERS = 8;
    /** scikit-learn's default {@code max_iter}. */
    public static final int DEFAULT_MAX_ITER = 300;
    /** scikit-learn's default {@code tol}, relative to the mean column variance. */
    public static final double DEFAULT_TOL = 1e-4;

    /** Distance terms (rows × centres × columns) below which one assignment pass runs on one thread. */
    private static final long PARALLEL_WORK = 1L << 18;
    /** Rows per parallel assignment task. */
    private static final int ASSIGN_BLOCK = 4096;

    private final int clusters;
    private final int inits;
    private final int maxIter;
    private final double tol;

    /**
     * @param clusters k ≥ 1
     * @param inits    k-means++ seedings to run, the best kept (≥ 1)
     * @param maxIter  Lloyd iterations per run (≥ 1)
     * @param tol      convergence tolerance relative to the mean column variance (≥ 0)
     */
    public KMeans(int clusters, int inits, int maxIter, double tol) {
        if (clusters < 1) {
            throw new IllegalArgumentException("clusters must be >= 1, got " + clusters);
        }
        if (inits < 1) {
            throw new IllegalArgumentException("inits must be >= 1, got " + inits);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be a finite number >= 0, got " + tol);
        }
        this.clusters = clusters;
        this.inits = inits;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    /** scikit-learn's defaults with k clusters: one k-means++ run, 300 iterations, tol 1e-4. */
    public static KMeans of(int clusters) {
        return new KMeans(clusters, 1, DEFAULT_MAX_ITER, DEFAULT_TOL);
    }

    /** The clustering: centres (k × d), each row's label, the inertia and the Lloyd iterations run. */
    public record Result(double[][] centres, int[] labels, double inertia, int iterations) {

        public Result {
            centres = Matrices.copy(centres);
            labels = labels.clone();
        }

        @Override
        public double[][] centres() {
            return Matrices.copy(centres);
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        /** Rows per cluster (numpy's {@code bincount} over k clusters). */
        public int[] sizes() {
            int[] s = new int[centres.length];
            for (int l : labels) {
                s[l]++;
            }
            return s;
        }
    }

    /** k-means++ seeded from {@code seed}, best of {@code inits} runs; {@code x} (rectangular, finite) is not modified. */
    public Result fit(double[][] x, long seed) {
        int d = check(x);
        int n = x.length;
        double[] mean = mean(x, d);
        double[] xc = centredChecked(x, mean, d);
        double tolAbs = absoluteTol(xc, n, d);
        SplittableRandom rng = new SplittableRandom(seed);
        Result best = null;
        for (int r = 0; r < inits; r++) {
            double[] init = plusPlus(xc, n, d, rng);
            Result run = lloyd(xc, n, d, init, tolAbs);
            if (best == null || run.inertia() < best.inertia()) {
                best = run;
            }
        }
        return shifted(best, mean);
    }

    /**
     * One Lloyd run from given initial centres (k × d; scikit-learn's {@code init=array}, {@code n_init=1}); the
     * centres are not modified.
     */
    public Result fit(double[][] x, double[][] initialCentres) {
        int d = check(x);
        int k = Matrices.width(initialCentres);
        if (initialCentres.length != clusters || k != d) {
            throw new IllegalArgumentException("initial centres must be " + clusters + " × " + d + ", got "
                    + initialCentres.length + " × " + k);
        }
        int n = x.length;
        double[] mean = mean(x, d);
        double[] xc = centredChecked(x, mean, d);
        double[] init = centred(initialCentres, mean, d);
        return shifted(lloyd(xc, n, d, init, absoluteTol(xc, n, d)), mean);
    }

    private int check(double[][] x) {
        int d = Matrices.width(x);
        if (x.length < clusters) {
            throw new IllegalArgumentException("k-means needs at least as many rows as clusters: " + x.length
                    + " rows for clusters = " + clusters + "; lower clusters");
        }
        return d;
    }

    /**
     * The centred rows, checked to be small enough that every squared distance between them is finite (each is at
     * most 2(‖a‖² + ‖b‖²) ≤ 4 Σ‖x_i‖²): a fit on values near the double range would otherwise compute NaN.
     */
    private static double[] centredChecked(double[][] x, double[] mean, int d) {
        double[] xc = centred(x, mean, d);
        double total = 0;
        for (double v : xc) {
            total += v * v;
        }
        if (!Double.isFinite(4 * total)) {
            throw new IllegalArgumentException("the values are too large for k-means (their squared distances overflow);"
                    + " scale the features (standardScaler(), robustScaler())");
        }
        return xc;
    }

    /** Column means (the order of summation only moves the last bits; the centring is undone at the end). */
    private static double[] mean(double[][] x, int d) {
        double[] m = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= x.length;
        }
        return m;
    }

    private static double[] centred(double[][] x, double[] mean, int d) {
        double[] out = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = x[i][j] - mean[j];
            }
        }
        return out;
    }

    /** scikit-learn's {@code _tolerance}: tol · mean_j var_j (population variance of the centred columns). */
    private double absoluteTol(double[] xc, int n, int d) {
        if (tol == 0) {
            return 0;
        }
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += xc[i * d + j];
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            m[j] /= n;
            double s = 0;
            for (int i = 0; i < n; i++) {
                double t = xc[i * d + j] - m[j];
                s += t * t;
            }
            total += s / n;
        }
        return total / d * tol;
    }

    /** scikit-learn's greedy k-means++ (2 + ⌊ln k⌋ local trials) on the centred rows; centres row-major. */
    private double[] plusPlus(double[] xc, int n, int d, SplittableRandom rng) {
        int k = clusters;
        int trials = 2 + (int) Math.log(k);
        double[] centres = new double[k * d];
        int first = rng.nextInt(n);
        System.arraycopy(xc, first * d, centres, 0, d);
        double[] closest = new double[n];
        double pot = 0;
        for (int i = 0; i < n; i++) {
            closest[i] = sq(xc, i * d, xc, first * d, d);
            pot += closest[i];
        }
        double[] cumulative = new double[n];
        double[] trial = new double[n];
        double[] bestTrial = new double[n];
        for (int c = 1; c < k; c++) {
            double run = 0;
            for (int i = 0; i < n; i++) {
                run += closest[i];
                cumulative[i] = run;
            }
            int bestId = -1;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                // numpy's searchsorted(side='left') clipped to the last index, as scikit-learn
                int id = Math.min(Nums.searchLeft(cumulative, cumulative.length, rng.nextDouble() * pot),
                        cumulative.length - 1);
                double p = 0;
                for (int i = 0; i < n; i++) {
                    trial[i] = Math.min(closest[i], sq(xc, i * d, xc, id * d, d));
                    p += trial[i];
                }
                if (p < bestPot) { // np.argmin: the first of equal potentials
                    bestPot = p;
                    bestId = id;
                    System.arraycopy(trial, 0, bestTrial, 0, n);
                }
            }
            System.arraycopy(bestTrial, 0, closest, 0, n);
            pot = bestPot;
            System.arraycopy(xc, bestId * d, centres, c * d, d);
        }
        return centres;
    }

    /** scikit-learn's {@code _kmeans_single_lloyd} on centred rows from centred initial centres (not modified). */
    private Result lloyd(double[] xc, int n, int d, double[] init, double tolAbs) {
        int k = clusters;
        double[] centres = init.clone();
        double[] next = new double[k * d];
        double[] weight = new double[k];
        double[] shift = new double[k];
        int[] labels = new int[n];
        int[] old = new int[n];
        Arrays.fill(labels, -1);
        Arrays.fill(old, -1);
        boolean strict = false;
        int it = 0;
        for (; it < maxIter; it++) {
            assign(xc, n, d, centres, labels);
            update(xc, n, d, centres, labels, next, weight, shift);
            double[] t = centres;
            centres = next;
            next = t;
            if (Arrays.equals(labels, old)) {
                strict = true;
                break;
            }
            double total = 0;
            for (double s : shift) {
                total += s * s;
            }
            if (total <= tolAbs) {
                break;
            }
            System.arraycopy(labels, 0, old, 0, n);
        }
        int iterations = Math.min(it + 1, maxIter);
        if (!strict) {
            assign(xc, n, d, centres, labels);
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += sq(xc, i * d, centres, labels[i] * d, d);
        }
        double[][] c = new double[k][d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(centres, j * d, c[j], 0, d);
        }
        return new Result(c, labels, inertia, iterations);
    }

    /**
     * Nearest centre of every row, the first on ties. Rows are independent, so blocks of them run in parallel when
     * there is enough work; the labels do not depend on the thread count.
     */
    private static void assign(double[] xc, int n, int d, double[] centres, int[] labels) {
        int k = centres.length / d;
        if ((long) n * k * d < PARALLEL_WORK) {
            assign(xc, d, centres, k, labels, 0, n);
            return;
        }
        int blocks = (n + ASSIGN_BLOCK - 1) / ASSIGN_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b ->
                assign(xc, d, centres, k, labels, b * ASSIGN_BLOCK, Math.min(n, (b + 1) * ASSIGN_BLOCK)));
    }

    private static void assign(double[] xc, int d, double[] centres, int k, int[] labels, int from, int to) {
        for (int i = from; i < to; i++) {
            int best = 0;
            double bestD = sq(xc, i * d, centres, 0, d);
            for (int c = 1; c < k; c++) {
                double v = sq(xc, i * d, centres, c * d, d);
                if (v < bestD) {
                    bestD = v;
                    best = c;
                }
            }
            labels[i] = best;
        }
    }

    /**
     * New centres = means of their rows (scikit-learn's sums, {@code _relocate_empty_clusters_dense},
     * {@code _average_centers}), and each centre's shift from {@code centres}.
     */
    private static void update(double[] xc, int n, int d, double[] centres, int[] labels, double[] next,
                               double[] weight, double[] shift) {
        int k = weight.length;
        Arrays.fill(next, 0);
        Arrays.fill(weight, 0);
        for (int i = 0; i < n; i++) {
            int o = labels[i] * d;
            weight[labels[i]]++;
            for (int j = 0; j < d; j++) {
                next[o + j] += xc[i * d + j];
            }
        }
        relocateEmpty(xc, n, d, centres, labels, next, weight);
        int heaviest = 0;
        for (int c = 1; c < k; c++) {
            if (weight[c] > weight[heaviest]) {
                heaviest = c;
            }
        }
        for (int c = 0; c < k; c++) {
            if (weight[c] > 0) {
                double alpha = 1.0 / weight[c];
                for (int j = 0; j < d; j++) {
                    next[c * d + j] *= alpha;
                }
            } else { // only when there are fewer distinct rows than clusters: scikit-learn's placement
                System.arraycopy(next, heaviest * d, next, c * d, d);
            }
        }
        for (int c = 0; c < k; c++) {
            shift[c] = Math.sqrt(sq(next, c * d, centres, c * d, d));
        }
    }

    /**
     * An empty cluster takes the row farthest from its (old) centre, the next empty one the next farthest; the
     * row's value moves from its cluster's sum to the empty one's. Nothing moves when every row sits on its centre.
     */
    private static void relocateEmpty(double[] xc, int n, int d, double[] centres, int[] labels, double[] next,
                                      double[] weight) {
        int k = weight.length;
        int empty = 0;
        for (double w : weight) {
            empty += w == 0 ? 1 : 0;
        }
        if (empty == 0) {
            return;
        }
        double[] dist = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            dist[i] = sq(xc, i * d, centres, labels[i] * d, d);
            max = Math.max(max, dist[i]);
        }
        if (max == 0) {
            return;
        }
        boolean[] taken = new boolean[n];
        for (int c = 0; c < k; c++) {
            if (weight[c] != 0) {
                continue;
            }
            int far = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (far < 0 || dist[i] > dist[far])) {
                    far = i;
                }
            }
            taken[far] = true;
            int from = labels[far];
            for (int j = 0; j < d; j++) {
                next[from * d + j] -= xc[far * d + j];
                next[c * d + j] = xc[far * d + j];
            }
            weight[c] = 1;
            weight[from] -= 1;
        }
    }

    private static Result shifted(Result r, double[] mean) {
        double[][] c = r.centres();
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] += mean[j];
            }
        }
        return new Result(c, r.labels(), r.inertia(), r.iterations());
    }

    static double sq(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = a[ao + j] - b[bo + j];
            s += t * t;
        }
        return s;
    }

    /** Index of the nearest centre of a row (first on ties) and the squared distance, in {@code out[0]}. */
    static int nearest(double[] row, double[][] centres, double[] out) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double[] ctr = centres[c];
            double s = 0;
            for (int j = 0; j < row.length; j++) {
                double t = row[j] - ctr[j];
                s += t * t;
            }
            if (s < bestD) {
                bestD = s;
                best = c;
            }
        }
        out[0] = bestD;
        return best;
    }

    /** Euclidean distance of each row to its nearest centre. */
    public static double[] distanceToNearest(double[][] x, double[][] centres) {
        double[] out = new double[1];
        double[] s = new double[x.length];
        for (int i = 0; i < s.length; i++) {
            nearest(x[i], centres, out);
            s[i] = Math.sqrt(out[0]);
        }
        return s;
    }

    /** Nearest centre of each row (the first on ties), as {@code KMeans.predict}. */
    public static int[] predict(double[][] x, double[][] centres) {
        double[] out = new double[1];
        int[] l = new int[x.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = nearest(x[i], centres, out);
        }
        return l;
    }


    public int clusters() {
        return clusters;
    }

    public int inits() {
        return inits;
    }

    public int maxIter() {
        return maxIter;
    }

    public double tol() {
        return tol;
    }
}
