package org.anomaly4j.detect.neighbors;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.anomaly4j.features.Matrices;

/**
 * Exact k-nearest-neighbour search in Euclidean distance: the engine under the neighbour detectors (LOF,
 * k-NN distance, COF), equal to scikit-learn's {@code NearestNeighbors(metric='minkowski', p=2)}.
 * <p><b>Queries.</b> {@link #kneighbors(int)} gives the k nearest training rows of every training row,
 * excluding the row itself, as scikit-learn's {@code kneighbors()} with {@code X=None}; duplicates of a row are
 * other rows and count, at distance 0. {@link #kneighbors(double[][], int)} gives the k nearest training rows of
 * new rows (a new row equal to a training row has that row at distance 0).
 * {@link #radiusCounts(double)} and {@link #forEachWithin(int, double, IntConsumer)} give the training rows within a
 * radius of a training row, the row itself included (DBSCAN's ε-neighbourhoods), without storing them.
 * <p><b>Which rows at a tied k-th distance.</b> When several rows lie exactly at the k-th distance only some
 * of them are neighbours, and LOF depends on which. The k-d tree ({@link Structure#KD_TREE}, what
 * {@link Structure#AUTO} uses for d ≤ {@value #KD_TREE_MAX_DIMENSION}, like scikit-learn's
 * {@code algorithm='auto'}) is built and searched exactly as scikit-learn's {@code KDTree}, so it takes the
 * same rows as scikit-learn (the first met in its search; see {@link KdTree}). The brute force takes the lower
 * indices. Either way each row's neighbours are returned sorted by (distance, index); scikit-learn's own order
 * inside a tie can differ, the set and the distances do not.
 * <p><b>Exactness.</b> Distances are sqrt of the sequential sum of squared coordinate differences — the same
 * operations as scikit-learn's trees, so they agree to the last bit. For d &gt; 15 scikit-learn's brute force
 * reports sqrt(max(‖a‖² + ‖b‖² − 2a·b, 0)), which differs from the exact distance by rounding (up to ~1e-8 for
 * duplicates instead of 0); ours stays exact there too.
 * <p><b>Structure.</b> {@link Structure#AUTO} picks the k-d tree for d ≤ {@value #KD_TREE_MAX_DIMENSION}
 * (scikit-learn's own rule, kept for tie parity) and the blocked brute force above. scikit-learn also uses its
 * brute force when k ≥ n / 2 (tiny data sets); we keep the tree there, so exact ties can be resolved differently
 * and distances are exact where scikit-learn's carry rounding.
 * <p><b>Complexity.</b> Build O(n log n) (tree) or O(n d) (brute); a query about O(k log n) in low dimension
 * for the tree, O(n d) for brute force. Memory O(n d) plus the results, never n × n. Queries run in parallel
 * over blocks of rows on the common fork-join pool; each row's result does not depend on the others.
 * <p><b>Reference.</b> J. L. Bentley (1975), "Multidimensional binary search trees used for associative
 * searching", Communications of the ACM 18(9), pp. 509–517.
 */
public final class NearestNeighbors {

    /**
     * How the search is organised: the same distances, other speed; among rows tied at the k-th distance the
     * tree keeps scikit-learn's choice, the brute force the lower indices.
     */
    public enum Structure {
        /** k-d tree up to {@link #KD_TREE_MAX_DIMENSION} dimensions, brute force above. */
        AUTO,
        /** scikit-learn's k-d tree (median split on the widest coordinate, leaf_size 30), its tie choices. */
        KD_TREE,
        /** Blocked brute force with exact re-check; ties to the lower index. */
        BRUTE
    }

    /**
     * Largest dimension for which {@link Structure#AUTO} uses the k-d tree: scikit-learn's rule for
     * {@code algorithm='auto'} (brute force when d &gt; 15), kept so that tied neighbours are the same rows. It
     * is also the faster choice where measured (2 cores shared with other work, Gaussian rows, d = 10, k = 20,
     * CPU seconds of the training query): 1e4 rows tree 0.35 s, brute force 0.45 s; 1e5 rows tree 12.3 s,
     * brute force 35.4 s.
     */
    public static final int KD_TREE_MAX_DIMENSION = 15;

    /** Query rows per parallel task: enough work to amortise a task, small enough to balance two cores. */
    private static final int QUERY_BLOCK = 256;

    private final double[] x;
    private final int n;
    private final int d;
    private final Structure structure;
    private final KdTree tree;
    private final BruteForce brute;

    private NearestNeighbors(double[] x, int n, int d, Structure structure) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.structure = structure;
        this.tree = structure == Structure.KD_TREE ? new KdTree(x, n, d) : null;
        this.brute = structure == Structure.BRUTE ? new BruteForce(x, n, d) : null;
    }

    /** Index of the training rows {@code x} (row-major, copied; rectangular and finite), structure chosen by d. */
    public static NearestNeighbors fit(double[][] x) {
        return fit(x, Structure.AUTO);
    }

    /** As {@link #fit(double[][])} with a given structure. */
    public static NearestNeighbors fit(double[][] x, Structure structure) {
        int d = Matrices.width(x);
        if (structure == null) {
            throw new IllegalArgumentException("structure must not be null; use Structure.AUTO");
        }
        Structure s = structure != Structure.AUTO ? structure
                : d <= KD_TREE_MAX_DIMENSION ? Structure.KD_TREE : Structure.BRUTE;
        return new NearestNeighbors(flatten(x, d), x.length, d, s);
    }

    /** Number of training rows. */
    public int rows() {
        return n;
    }

    /** Number of columns. */
    public int dimension() {
        return d;
    }

    /** The structure in use (never AUTO). */
    public Structure structure() {
        return structure;
    }

    /** Training row i, coordinate j. */
    double value(int i, int j) {
        return x[i * d + j];
    }

    /**
     * The k nearest other training rows of every training row (the row itself excluded; its duplicates
     * included), 1 ≤ k ≤ n − 1.
     */
    public Neighbors kneighbors(int k) {
        if (k < 1 || k > n - 1) {
            throw new IllegalArgumentException("k must be in [1, rows - 1] = [1, " + (n - 1) + "] for the training "
                    + "rows (a row is not its own neighbour), got " + k);
        }
        return search(x, n, k, true);
    }

    /** The k nearest training rows of each new row of {@code q} (same width as the training rows), 1 ≤ k ≤ n. */
    public Neighbors kneighbors(double[][] q, int k) {
        int qd = Matrices.width(q);
        if (qd != d) {
            throw new IllegalArgumentException("the query rows have " + qd + " columns but the training rows have "
                    + d + "; pass the same columns in the same order");
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, training rows] = [1, " + n + "], got " + k);
        }
        return search(flatten(q, d), q.length, k, false);
    }

    /**
     * How many training rows lie within distance {@code radius} of each training row, the row itself included
     * (scikit-learn's {@code radius_neighbors(X)} with the training rows passed again — DBSCAN's neighbourhood sizes). "Within" is
     * squared distance ≤ radius·radius, the exact sequential sum, as scikit-learn's trees compare; memory O(n).
     */
    public int[] radiusCounts(double radius) {
        double r2 = radiusSquared(radius);
        int[] counts = new int[n];
        int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int to = Math.min(n, (b + 1) * QUERY_BLOCK);
            for (int i = b * QUERY_BLOCK; i < to; i++) {
                int[] c = new int[1];
                visitWithin(i, r2, j -> c[0]++);
                counts[i] = c[0];
            }
        });
        return counts;
    }

    /**
     * Calls {@code visitor} with the index of every training row within distance {@code radius} of training row
     * {@code row} (itself included; squared distance ≤ radius·radius), in no guaranteed order. Nothing is stored,
     * so a large radius costs time, never memory.
     */
    public void forEachWithin(int row, double radius, IntConsumer visitor) {
        if (row < 0 || row >= n) {
            throw new IllegalArgumentException("row must be in [0, " + (n - 1) + "], got " + row);
        }
        visitWithin(row, radiusSquared(radius), visitor);
    }

    private void visitWithin(int row, double r2, IntConsumer visitor) {
        if (tree != null) {
            tree.within(x, row * d, r2, visitor);
        } else {
            brute.within(x, row * d, r2, visitor);
        }
    }

    private static double radiusSquared(double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be a finite number >= 0, got " + radius);
        }
        return radius * radius;
    }

    private Neighbors search(double[] q, int m, int k, boolean self) {
        int[] indices = new int[m * k];
        double[] distances = new double[m * k];
        int blocks = (m + QUERY_BLOCK - 1) / QUERY_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * QUERY_BLOCK;
            int to = Math.min(m, from + QUERY_BLOCK);
            if (tree != null) {
                // training rows ask for k + 1 and drop themselves, as scikit-learn's kneighbors(X=None)
                int size = self ? k + 1 : k;
                double[] heapD = new double[size];
                int[] heapI = new int[size];
                for (int t = from; t < to; t++) {
                    // training rows in the tree's order: consecutive queries read the same leaves (cache)
                    int i = self ? tree.rowAt(t) : t;
                    tree.query(q, i * d, heapD, heapI);
                    int drop = -1;
                    if (self) {
                        drop = dropSelf(heapD, heapI, i);
                    }
                    sortInto(heapD, heapI, drop, indices, distances, i * k);
                }
            } else {
                SortedNeighbors[] best = new SortedNeighbors[to - from];
                for (int a = 0; a < best.length; a++) {
                    best[a] = new SortedNeighbors(k);
                }
                brute.query(q, from, to, self, best, indices, distances, k);
            }
        });
        return new Neighbors(m, k, indices, distances);
    }

    /**
     * Position of row i among its own k + 1 found rows; when it is absent (more than k + 1 duplicates of it
     * were met first, all at distance 0) the position of the largest index among those equal rows, which
     * scikit-learn also drops one of (its first column) — every choice leaves k rows at distance 0.
     */
    private static int dropSelf(double[] heapD, int[] heapI, int i) {
        int worst = 0;
        for (int j = 0; j < heapI.length; j++) {
            if (heapI[j] == i) {
                return j;
            }
            if (heapD[j] < heapD[worst] || (heapD[j] == heapD[worst] && heapI[j] > heapI[worst])) {
                worst = j;
            }
        }
        return worst;
    }

    /** Writes the found rows except position {@code drop}, sorted by (distance, index), distances as square roots. */
    private static void sortInto(double[] heapD, int[] heapI, int drop, int[] indices, double[] distances, int offset) {
        int m = 0;
        for (int j = 0; j < heapD.length; j++) {
            if (j == drop) {
                continue;
            }
            double v = heapD[j];
            int id = heapI[j];
            int p = m++;
            while (p > 0 && (distances[offset + p - 1] > v
                    || (distances[offset + p - 1] == v && indices[offset + p - 1] > id))) {
                distances[offset + p] = distances[offset + p - 1];
                indices[offset + p] = indices[offset + p - 1];
                p--;
            }
            distances[offset + p] = v;
            indices[offset + p] = id;
        }
        for (int j = 0; j < m; j++) {
            distances[offset + j] = Math.sqrt(distances[offset + j]);
        }
    }

    private static double[] flatten(double[][] x, int d) {
        double[] flat = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        return flat;
    }
}
