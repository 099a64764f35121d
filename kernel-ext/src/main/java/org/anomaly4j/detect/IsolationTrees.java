package org.anomaly4j.detect;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.anomaly4j.progress.Progress;

/**
 * The engine behind {@link IsolationForest}: growing isolation trees into flat parallel arrays, checking
 * trees read from files, and scoring many rows at once.
 * <p>Two forms of a tree:
 * <ul>
 *   <li>{@link Tree}, the saved form, laid out like scikit-learn's {@code tree_}: node 0 is the root; per node
 *   {@code left}, {@code right} (−1 for a leaf), {@code feature} and {@code threshold} (axis-parallel cut:
 *   {@code x[feature] <= threshold} goes left) or, for extended trees, a normal vector and a point of the
 *   cutting hyperplane (d values each per node; {@code threshold} is then the offset point·normal, derived,
 *   and {@code x·normal <= offset} goes left), and {@code size}, the number of
 *   distinct training rows that reached the node;</li>
 *   <li>{@link Compiled}, the scoring form of a whole forest: all trees relaid breadth-first into one set of
 *   arrays whose two children sit side by side ({@code right = left + 1}), so that one step down is
 *   {@code node = child[node] + (x > threshold ? 1 : 0)} without a branch; a leaf points to itself with
 *   threshold +∞, so every row can take the same number of steps (the tree's depth). Rows are scored in
 *   blocks, level by level, which keeps many independent walks in flight at once. When the JVM has the
 *   incubating Vector API ({@code --add-modules jdk.incubator.vector}, as the kernel, the bench and the tests
 *   run), axis-parallel forests take their top levels in SIMD lanes ({@link IsolationVectorWalk}, 1.95× faster
 *   measured, the same sums bit for bit).</li>
 * </ul>
 */
final class IsolationTrees {

    /** numpy.euler_gamma, the Euler–Mascheroni constant used by scikit-learn's {@code _average_path_length}. */
    static final double EULER_GAMMA = 0.5772156649015329;
    /**
     * Values of a feature within a node that differ by no more than this count as constant and are not cut
     * ({@code FEATURE_THRESHOLD} in scikit-learn's {@code sklearn/tree/_partitioner.pxd}).
     */
    static final double FEATURE_THRESHOLD = 1e-7;
    /**
     * Rows per scoring block: the block's rows (256 · d doubles, 20 KB for d = 10) and walk state stay in L1
     * (measured: 256 about 5 % faster than 1024 single-threaded, d = 10).
     */
    static final int BLOCK = 256;

    /**
     * Whether {@link IsolationVectorWalk} can run: the JVM was started with {@code --add-modules
     * jdk.incubator.vector} (without it the module's classes are absent, so the class is only touched after this
     * check) and has vectors of 256 or 512 bits.
     */
    static final boolean VECTOR_WALK = vectorWalkAvailable();

    private IsolationTrees() {
    }

    private static boolean vectorWalkAvailable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return IsolationVectorWalk.supported();
        } catch (LinkageError | RuntimeException e) {
            return false; // an incubator module that fails to set up: the scalar walk gives the same scores
        }
    }

    /** The walk of one block of rows through a whole forest: {@code sums[r] = Σ_t h_t(x_r)}, trees in order. */
    interface BlockWalk {
        /**
         * True for a column-major block ({@code block[f · BLOCK + r]}), false for a row-major one
         * ({@code block[r · d + f]}).
         */
        boolean columnMajor();

        void pathLengthSums(double[] block, int rows, double[] sums, int[] node);
    }

    /**
     * One isolation tree in its saved form (see the class comment). {@code feature} is null for extended
     * trees; {@code normal} and {@code point} (nodes × d, row-major, zero at leaves) are null for
     * axis-parallel trees.
     */
    record Tree(int[] left, int[] right, int[] feature, double[] normal, double[] point, double[] threshold,
                int[] size) {
        int nodes() {
            return left.length;
        }
    }

    /** An extended tree from its hyperplanes; the offsets are computed as when it was grown. */
    static Tree extended(int[] left, int[] right, double[] normal, double[] point, int[] size, int d) {
        int m = left.length;
        double[] offset = new double[m];
        if (normal.length == (long) m * d && point.length == normal.length) {
            for (int v = 0; v < m; v++) {
                offset[v] = dot(point, v * d, normal, v * d, d);
            }
        }
        return new Tree(left, right, null, normal, point, offset, size);
    }

    /**
     * c(n), the average path length of an unsuccessful search in a binary search tree of n points (Liu et al.
     * 2008, eq. 1): 2·H(n−1) − 2(n−1)/n with H(i) ≈ ln(i) + γ; c(n) = 0 for n ≤ 1 and c(2) = 1. Evaluated in
     * the same order as scikit-learn's {@code _average_path_length}, so both give the same doubles.
     */
    static double averagePathLength(double n) {
        if (n <= 1) {
            return 0.0;
        }
        if (n == 2) {
            return 1.0;
        }
        return 2.0 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
    }

    /**
     * Depth limit ceil(log2(max(ψ, 2))): the height limit of Liu et al. 2008 (only short paths matter for
     * anomalies), scikit-learn's {@code max_depth}.
     */
    static int depthLimit(int maxSamples) {
        int m = Math.max(maxSamples, 2);
        return 32 - Integer.numberOfLeadingZeros(m - 1);
    }

    // ------------------------------------------------------------------ growing

    /** What one tree is grown from: shared, read-only. */
    record Plan(double[][] x, int n, int d, int maxSamples, int featuresPerTree, boolean bootstrap,
                int extensionLevel) {
    }

    /** Grows one tree from its own random stream (so the forest does not depend on the thread count). */
    static Tree grow(Plan p, SplittableRandom rng) {
        int[] rows = p.bootstrap ? bootstrapRows(rng, p.n, p.maxSamples) : distinctRows(rng, p.n, p.maxSamples);
        int[] feats = featureSubset(rng, p.d, p.featuresPerTree);
        return p.extensionLevel > 0 ? growExtended(p, rows, feats, rng) : growAxisParallel(p, rows, feats, rng);
    }

    /** ψ distinct row indices, uniformly (Floyd's algorithm: O(ψ) time and memory, whatever n is). */
    static int[] distinctRows(SplittableRandom rng, int n, int k) {
        int[] out = new int[k];
        int cap = Integer.highestOneBit(Math.max(4, 2 * k)) << 1;
        int[] table = new int[cap];
        Arrays.fill(table, -1);
        int mask = cap - 1;
        int count = 0;
        for (int j = n - k; j < n; j++) {
            int t = rng.nextInt(j + 1);
            int v = insert(table, mask, t) ? t : j;
            if (v == j) {
                insert(table, mask, j);
            }
            out[count++] = v;
        }
        return out;
    }

    /** Adds v to an open-addressing set; false if it was there already. */
    private static boolean insert(int[] table, int mask, int v) {
        int h = (v * 0x9E3779B9) >>> 7 & mask;
        while (table[h] != -1) {
            if (table[h] == v) {
                return false;
            }
            h = (h + 1) & mask;
        }
        table[h] = v;
        return true;
    }

    /**
     * ψ draws with replacement, reduced to the distinct rows: scikit-learn passes a bootstrap sample to the
     * tree as sample weights (draw counts), and the tree splits and counts ({@code n_node_samples}) only the
     * rows of positive weight.
     */
    static int[] bootstrapRows(SplittableRandom rng, int n, int k) {
        int[] draws = new int[k];
        for (int i = 0; i < k; i++) {
            draws[i] = rng.nextInt(n);
        }
        Arrays.sort(draws);
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (i == 0 || draws[i] != draws[i - 1]) {
                draws[m++] = draws[i];
            }
        }
        return Arrays.copyOf(draws, m);
    }

    /** k of the d features, without replacement (all of them, in order, when k = d). */
    static int[] featureSubset(SplittableRandom rng, int d, int k) {
        int[] all = new int[d];
        for (int j = 0; j < d; j++) {
            all[j] = j;
        }
        if (k == d) {
            return all;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(d - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, k);
        Arrays.sort(out);
        return out;
    }

    /** Growable node arrays of one tree. */
    private static final class Nodes {
        int count;
        int[] left = new int[64];
        int[] right = new int[64];
        int[] feature = new int[64];
        double[] threshold = new double[64];
        int[] size = new int[64];
        double[] normal;
        double[] point;
        final int d;

        Nodes(int d, boolean extended) {
            this.d = d;
            this.normal = extended ? new double[64 * d] : null;
            this.point = extended ? new double[64 * d] : null;
        }

        int add(int n) {
            if (count == left.length) {
                int c = 2 * count;
                left = Arrays.copyOf(left, c);
                right = Arrays.copyOf(right, c);
                feature = Arrays.copyOf(feature, c);
                threshold = Arrays.copyOf(threshold, c);
                size = Arrays.copyOf(size, c);
                if (normal != null) {
                    normal = Arrays.copyOf(normal, c * d);
                    point = Arrays.copyOf(point, c * d);
                }
            }
            left[count] = -1;
            right[count] = -1;
            feature[count] = -1;
            size[count] = n;
            return count++;
        }

        Tree toTree() {
            return new Tree(Arrays.copyOf(left, count), Arrays.copyOf(right, count),
                    normal == null ? Arrays.copyOf(feature, count) : null,
                    normal == null ? null : Arrays.copyOf(normal, count * d),
                    normal == null ? null : Arrays.copyOf(point, count * d),
                    Arrays.copyOf(threshold, count), Arrays.copyOf(size, count));
        }
    }

    /**
     * scikit-learn's {@code ExtraTreeRegressor(max_features=1, splitter="random")} as used by its
     * IsolationForest: at each node take a feature uniformly among those not constant in the node, a
     * threshold uniformly in [min, max) of that feature in the node ({@code x <= threshold} goes left); a node
     * is a leaf at the depth limit, with fewer than 2 rows, or when every feature is constant in it.
     */
    private static Tree growAxisParallel(Plan p, int[] rows, int[] feats, SplittableRandom rng) {
        int m = rows.length;
        int k = feats.length;
        int d = p.d;
        double[] cols = new double[k * m];
        for (int i = 0; i < m; i++) {
            double[] row = p.x[rows[i]];
            for (int f = 0; f < k; f++) {
                cols[f * m + i] = row[feats[f]];
            }
        }
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        int limit = depthLimit(p.maxSamples);
        Nodes nodes = new Nodes(d, false);
        int[] candidates = new int[k];
        // explicit depth-first stack of (node, start, end, depth): at most two entries per level
        int[] stack = new int[4 * 2 * (limit + 2)];
        int top = 0;
        stack[top++] = nodes.add(m);
        stack[top++] = 0;
        stack[top++] = m;
        stack[top++] = 0;
        while (top > 0) {
            int depth = stack[--top];
            int end = stack[--top];
            int start = stack[--top];
            int node = stack[--top];
            if (depth >= limit || end - start < 2) {
                continue;
            }
            for (int f = 0; f < k; f++) {
                candidates[f] = f;
            }
            int remaining = k;
            int chosen = -1;
            double lo = 0;
            double hi = 0;
            // draw features without replacement until one is not constant: uniform among the non-constant ones
            while (remaining > 0) {
                int j = rng.nextInt(remaining);
                int f = candidates[j];
                int off = f * m;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = start; i < end; i++) {
                    double v = cols[off + idx[i]];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                if (max <= min + FEATURE_THRESHOLD) {
                    candidates[j] = candidates[--remaining];
                    continue;
                }
                chosen = f;
                lo = min;
                hi = max;
                break;
            }
            if (chosen < 0) {
                continue;
            }
            double t = (hi - lo) * rng.nextDouble() + lo;
            if (t >= hi) {
                t = lo; // rounding reached max: scikit-learn falls back to min so that both sides are non-empty
            }
            int off = chosen * m;
            int i = partition(idx, start, end, cols, off, t);
            link(nodes, node, start, end, i);
            nodes.feature[node] = feats[chosen];
            nodes.threshold[node] = t;
            top = push(stack, top, nodes.right[node], i, end, depth + 1);
            top = push(stack, top, nodes.left[node], start, i, depth + 1);
        }
        return nodes.toTree();
    }

    private static int push(int[] stack, int top, int node, int start, int end, int depth) {
        stack[top++] = node;
        stack[top++] = start;
        stack[top++] = end;
        stack[top++] = depth;
        return top;
    }

    /**
     * Extended Isolation Forest (Hariri, Kind &amp; Brunner 2019): each node cuts with a random hyperplane
     * through a point p drawn uniformly in the node's bounding box, normal vector with N(0, 1) components of
     * which k − 1 − extensionLevel (chosen at random) are zero; {@code x·n <= p·n} goes left. A side may be
     * empty (it becomes a leaf of size 0). Leaves as in the standard tree; a node whose rows are all
     * identical (every feature constant) is a leaf.
     */
    private static Tree growExtended(Plan p, int[] rows, int[] feats, SplittableRandom rng) {
        int m = rows.length;
        int k = feats.length;
        int d = p.d;
        double[] pts = new double[m * d];
        for (int i = 0; i < m; i++) {
            System.arraycopy(p.x[rows[i]], 0, pts, i * d, d);
        }
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        double[] dots = new double[m];
        int limit = depthLimit(p.maxSamples);
        Nodes nodes = new Nodes(d, true);
        double[] normal = new double[d];
        double[] point = new double[d];
        int[] order = new int[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        int[] stack = new int[4 * 2 * (limit + 2)];
        int top = push(stack, 0, nodes.add(m), 0, m, 0);
        while (top > 0) {
            int depth = stack[--top];
            int end = stack[--top];
            int start = stack[--top];
            int node = stack[--top];
            if (depth >= limit || end - start < 2) {
                continue;
            }
            boolean varies = false;
            for (int f = 0; f < k; f++) {
                int col = feats[f];
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = start; i < end; i++) {
                    double v = pts[idx[i] * d + col];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                lo[f] = min;
                hi[f] = max;
                varies |= max > min + FEATURE_THRESHOLD;
            }
            if (!varies) {
                continue;
            }
            Arrays.fill(normal, 0.0);
            Arrays.fill(point, 0.0);
            for (int f = 0; f < k; f++) {
                normal[feats[f]] = gaussian(rng);
                point[feats[f]] = (hi[f] - lo[f]) * rng.nextDouble() + lo[f];
            }
            // zero k − 1 − extensionLevel components, chosen without replacement
            for (int f = 0; f < k; f++) {
                order[f] = f;
            }
            int zeros = k - 1 - p.extensionLevel;
            for (int z = 0; z < zeros; z++) {
                int j = z + rng.nextInt(k - z);
                int t = order[z];
                order[z] = order[j];
                order[j] = t;
                normal[feats[order[z]]] = 0.0;
            }
            double offset = dot(point, 0, normal, 0, d); // p·n, as extended(...) recomputes it on loading
            for (int i = start; i < end; i++) {
                dots[idx[i]] = dot(pts, idx[i] * d, normal, 0, d);
            }
            int i = partition(idx, start, end, dots, 0, offset);
            link(nodes, node, start, end, i);
            System.arraycopy(normal, 0, nodes.normal, node * d, d);
            System.arraycopy(point, 0, nodes.point, node * d, d);
            nodes.threshold[node] = offset;
            top = push(stack, top, nodes.right[node], i, end, depth + 1);
            top = push(stack, top, nodes.left[node], start, i, depth + 1);
        }
        return nodes.toTree();
    }

    /** x[xo .. xo+d) · w[wo .. wo+d), summed in index order (the same order when growing and scoring). */
    static double dot(double[] x, int xo, double[] w, int wo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += x[xo + j] * w[wo + j];
        }
        return s;
    }

    /**
     * A standard normal value by Marsaglia's polar method, written out so that the stream is fixed by this
     * code and not by the JDK's choice of algorithm for {@code nextGaussian()}.
     */
    static double gaussian(SplittableRandom rng) {
        while (true) {
            double u = 2 * rng.nextDouble() - 1;
            double v = 2 * rng.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    // ------------------------------------------------------------------ checking

    /**
     * Checks a tree read from a file or given by a caller: equal array lengths, children in range forming a
     * tree rooted at node 0 (every node reached exactly once), leaves with both children −1, features in
     * [0, d), finite thresholds and normals, sizes ≥ 0 that add up (parent = left + right) with the root at
     * most ψ. Returns a message naming the first problem, or null.
     */
    static String check(Tree t, int d, int maxSamples, boolean extended) {
        int m = t.left() == null ? 0 : t.left().length;
        if (m == 0) {
            return "left must be a non-empty array";
        }
        if (t.right() == null || t.right().length != m) {
            return "right must have " + m + " values (one per node)";
        }
        if (t.threshold() == null || t.threshold().length != m) {
            return "threshold must have " + m + " values (one per node)";
        }
        if (t.size() == null || t.size().length != m) {
            return "size must have " + m + " values (one per node)";
        }
        if (extended) {
            if (t.normal() == null || t.normal().length != (long) m * d) {
                return "normal must have " + ((long) m * d) + " values (" + m + " nodes × " + d + " features)";
            }
            if (t.point() == null || t.point().length != (long) m * d) {
                return "point must have " + ((long) m * d) + " values (" + m + " nodes × " + d + " features)";
            }
        } else if (t.feature() == null || t.feature().length != m) {
            return "feature must have " + m + " values (one per node)";
        }
        boolean[] seen = new boolean[m];
        int[] queue = new int[m];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        seen[0] = true;
        while (head < tail) {
            int v = queue[head++];
            int l = t.left()[v];
            int r = t.right()[v];
            if (t.size()[v] < 0) {
                return "size[" + v + "] must be >= 0, got " + t.size()[v];
            }
            if (l == -1 || r == -1) {
                if (l != r) {
                    return "node " + v + " has one child; a leaf has left = right = -1";
                }
                continue;
            }
            if (l < 1 || l >= m || r < 1 || r >= m || l == r) {
                return "children of node " + v + " must be distinct nodes in [1, " + (m - 1) + "], got " + l + " and " + r;
            }
            if (seen[l] || seen[r]) {
                return "node " + (seen[l] ? l : r) + " is reached twice: the arrays do not form a tree";
            }
            seen[l] = true;
            seen[r] = true;
            queue[tail++] = l;
            queue[tail++] = r;
            if (!Double.isFinite(t.threshold()[v])) {
                return "threshold[" + v + "] must be finite";
            }
            if (extended) {
                for (int j = 0; j < d; j++) {
                    if (!Double.isFinite(t.normal()[v * d + j]) || !Double.isFinite(t.point()[v * d + j])) {
                        return "normal[" + (v * d + j) + "] and point[" + (v * d + j) + "] must be finite";
                    }
                }
            } else if (t.feature()[v] < 0 || t.feature()[v] >= d) {
                return "feature[" + v + "] must be in [0, " + (d - 1) + "], got " + t.feature()[v];
            }
            if ((long) t.size()[l] + t.size()[r] != t.size()[v]) {
                return "size[" + v + "] = " + t.size()[v] + " must equal the sizes of its children "
                        + t.size()[l] + " + " + t.size()[r];
            }
        }
        if (tail != m) {
            return (m - tail) + " node(s) are not reachable from the root";
        }
        if (t.size()[0] > maxSamples) {
            return "the root holds " + t.size()[0] + " rows, more than maxSamples = " + maxSamples;
        }
        return null;
    }

    // ------------------------------------------------------------------ scoring

    /** Scoring buffers of one thread for rows of up to {@code flat.length / BLOCK} values. */
    private static final class Buffers {
        /** Widest rows whose buffers a thread keeps between calls (512 KB); wider ones are per block. */
        static final int KEEP_WIDTH = 256;
        private static final ThreadLocal<Buffers> KEPT = ThreadLocal.withInitial(() -> new Buffers(1));

        final double[] flat;
        final double[] sums = new double[BLOCK];
        final int[] node = new int[BLOCK];

        private Buffers(int d) {
            flat = new double[BLOCK * d];
        }

        /** This thread's buffers for rows of d values. */
        static Buffers of(int d) {
            Buffers b = KEPT.get();
            if (b.flat.length >= BLOCK * d) {
                return b;
            }
            b = new Buffers(d);
            if (d <= KEEP_WIDTH) {
                KEPT.set(b);
            }
            return b;
        }
    }

    /** A forest relaid for scoring (see the class comment). */
    static final class Compiled {
        final int trees;
        final int d;
        final boolean extended;
        /** First node and depth (steps to take) of each tree. */
        final int[] root;
        final int[] depth;
        final int[] feature;
        final double[] threshold;
        /** Index of the left child (the right one is next to it); a leaf points to itself. */
        final int[] child;
        /** Leaves: depth + c(size), the path length of a row that ends there. */
        final double[] pathLength;
        /** Extended trees: d values per node (zero for leaves). */
        final double[] normal;
        /** The scalar walk of {@link #pathLengthSums(double[], int, int, double[], int[])}, row-major blocks. */
        private final BlockWalk scalar = new BlockWalk() {
            @Override
            public boolean columnMajor() {
                return false;
            }

            @Override
            public void pathLengthSums(double[] block, int rows, double[] sums, int[] node) {
                Compiled.this.pathLengthSums(block, 0, rows, sums, node);
            }
        };
        /** The walk used for scoring: {@link IsolationVectorWalk} where it can run, else {@link #scalar}. */
        private final BlockWalk walk;

        Compiled(Tree[] forest, int d, boolean extended) {
            this.trees = forest.length;
            this.d = d;
            this.extended = extended;
            int total = 0;
            for (Tree t : forest) {
                total += t.nodes();
            }
            root = new int[trees];
            depth = new int[trees];
            feature = new int[total];
            threshold = new double[total];
            child = new int[total];
            pathLength = new double[total];
            normal = extended ? new double[total * d] : null;
            int base = 0;
            int[] order = new int[0];
            int[] level = new int[0];
            for (int ti = 0; ti < trees; ti++) {
                Tree t = forest[ti];
                int m = t.nodes();
                if (order.length < m) {
                    order = new int[m];
                    level = new int[m];
                }
                // breadth-first: position q of the relaid tree holds old node order[q]
                order[0] = 0;
                level[0] = 0;
                int next = 1;
                int maxDepth = 0;
                for (int q = 0; q < next; q++) {
                    int v = order[q];
                    int g = base + q;
                    if (t.left()[v] == -1) {
                        child[g] = g;
                        threshold[g] = Double.POSITIVE_INFINITY;
                        pathLength[g] = level[q] + averagePathLength(t.size()[v]);
                        maxDepth = Math.max(maxDepth, level[q]);
                    } else {
                        child[g] = base + next;
                        order[next] = t.left()[v];
                        order[next + 1] = t.right()[v];
                        level[next] = level[q] + 1;
                        level[next + 1] = level[q] + 1;
                        next += 2;
                        threshold[g] = t.threshold()[v];
                        if (extended) {
                            System.arraycopy(t.normal(), v * d, normal, g * d, d);
                        } else {
                            feature[g] = t.feature()[v];
                        }
                    }
                }
                root[ti] = base;
                depth[ti] = maxDepth;
                base += m;
            }
            walk = VECTOR_WALK && !extended ? IsolationVectorWalk.of(this) : scalar;
        }

        /** True when scoring can take the top levels in SIMD lanes ({@link IsolationVectorWalk}, once warm). */
        boolean vectorWalk() {
            return walk != scalar;
        }

        /**
         * Adds, for rows [from, to) of the row-major matrix x, the path length of each row in every tree:
         * {@code sums[i − from] = Σ_t h_t(x_i)}, trees in order.
         */
        void pathLengthSums(double[] x, int from, int to, double[] sums, int[] node) {
            int b = to - from;
            Arrays.fill(sums, 0, b, 0.0);
            for (int t = 0; t < trees; t++) {
                Arrays.fill(node, 0, b, root[t]);
                int steps = depth[t];
                if (extended) {
                    for (int s = 0; s < steps; s++) {
                        for (int r = 0; r < b; r++) {
                            int v = node[r];
                            double dot = dot(x, (from + r) * d, normal, v * d, d);
                            node[r] = child[v] + (dot > threshold[v] ? 1 : 0);
                        }
                    }
                } else {
                    for (int s = 0; s < steps; s++) {
                        for (int r = 0; r < b; r++) {
                            int v = node[r];
                            // the sign bit of threshold − x is 1 exactly when x > threshold (both finite or
                            // threshold = +∞ at a leaf): a branch-free step to the right child
                            double diff = threshold[v] - x[(from + r) * d + feature[v]];
                            node[r] = child[v] + (int) (Double.doubleToRawLongBits(diff) >>> 63);
                        }
                    }
                }
                for (int r = 0; r < b; r++) {
                    sums[r] += pathLength[node[r]];
                }
            }
        }

        /**
         * Σ_t h_t(x) for every row, in parallel over blocks of rows; each block is first copied into a flat
         * buffer, row- or column-major as the walk reads it (without a copy of the whole matrix). Each thread
         * reuses its buffers from block to block (a thread-local, for rows of up to 256 values), so scoring
         * makes almost no garbage. Each row's value does not depend on the blocking or the thread count.
         * Reports the rows scored so far to progress (shown only for long runs, see {@link Progress}).
         */
        double[] pathLengthSums(double[][] x, Progress progress) {
            return score(x, progress, Double.NaN);
        }

        /**
         * {@link #forEachRow} by the vector walk once it is warm ({@link IsolationVectorWalk#ready}), else by the
         * scalar one, after which a large enough job starts the warm-up ({@link IsolationVectorWalk#scored}):
         * after, so that its processor time does not slow this job.
         */
        private double[] score(double[][] x, Progress progress, double denominator) {
            boolean vector = walk != scalar && IsolationVectorWalk.ready();
            double[] out = forEachRow(x, progress, denominator, vector ? walk : scalar);
            if (walk != scalar && !vector) {
                IsolationVectorWalk.scored((long) x.length * trees);
            }
            return out;
        }

        /** {@link #pathLengthSums(double[][], Progress)} by the vector walk (tests; it must be available). */
        double[] vectorPathLengthSums(double[][] x) {
            if (!vectorWalk()) {
                throw new IllegalStateException("the vector walk is not available in this JVM or for this forest");
            }
            return forEachRow(x, Progress.start("isolation-forest path lengths"), Double.NaN, walk);
        }

        /** {@link #pathLengthSums(double[][], Progress)} by the scalar walk alone (the reference of the tests). */
        double[] scalarPathLengthSums(double[][] x) {
            return forEachRow(x, Progress.start("isolation-forest path lengths"), Double.NaN, scalar);
        }

        /**
         * Σ_t h_t(x) per row, or with {@code denominator} not NaN the score 2^(−Σ_t h_t(x) / denominator)
         * (0.5 when the denominator is 0), computed within each block so that the powers run in parallel too.
         */
        private double[] forEachRow(double[][] x, Progress progress, double denominator, BlockWalk walker) {
            int n = x.length;
            AtomicLong scored = new AtomicLong();
            double[] out = new double[n];
            int blocks = (n + BLOCK - 1) / BLOCK;
            // one call per block, not one long loop per worker: a long loop is compiled on stack replacement
            // (OSR) with the walk inlined, which measured 1.6× slower than the walk compiled on its own
            // (1e6 × 10, 100 trees: 1.52 against 0.92 CPU seconds)
            IntStream range = IntStream.range(0, blocks);
            (blocks > 1 ? range.parallel() : range).forEach(bi -> {
                Buffers w = Buffers.of(d);
                int from = bi * BLOCK;
                int to = Math.min(n, from + BLOCK);
                if (walker.columnMajor()) {
                    for (int i = from; i < to; i++) {
                        double[] row = x[i];
                        for (int j = 0; j < d; j++) {
                            w.flat[j * BLOCK + i - from] = row[j];
                        }
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        System.arraycopy(x[i], 0, w.flat, (i - from) * d, d);
                    }
                }
                walker.pathLengthSums(w.flat, to - from, w.sums, w.node);
                if (Double.isNaN(denominator)) {
                    System.arraycopy(w.sums, 0, out, from, to - from);
                } else {
                    for (int i = from; i < to; i++) {
                        out[i] = denominator != 0 ? Math.pow(2.0, -(w.sums[i - from] / denominator)) : 0.5;
                    }
                }
                long done = scored.addAndGet(to - from);
                progress.update(done + "/" + n + " rows scored");
            });
            return out;
        }

        /**
         * s(x) = 2^(−Σ_t h_t(x) / (trees · c(ψ))) for every row, divided in that order as scikit-learn does;
         * ψ = 1 gives c(ψ) = 0, for which scikit-learn returns 2^−1 for every row.
         */
        double[] scores(double[][] x, double averagePathLength, Progress progress) {
            return score(x, progress, trees * averagePathLength);
        }
    }

    /**
     * Reorders {@code idx[start..end)} so rows with {@code key[keyOffset + row] <= t} come first; returns the
     * first index of the right part (shared by axis-parallel and hyperplane splits).
     */
    private static int partition(int[] idx, int start, int end, double[] key, int keyOffset, double t) {
        int i = start;
        int j = end - 1;
        while (i <= j) {
            if (key[keyOffset + idx[i]] <= t) {
                i++;
            } else {
                int s = idx[i];
                idx[i] = idx[j];
                idx[j--] = s;
            }
        }
        return i;
    }

    /** Adds the two children of {@code node} for the partition of [start, end) at {@code mid}. */
    private static void link(Nodes nodes, int node, int start, int end, int mid) {
        int l = nodes.add(mid - start);
        int r = nodes.add(end - mid);
        nodes.left[node] = l;
        nodes.right[node] = r;
    }
}
