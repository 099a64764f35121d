package org.anomaly4j.detect;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The path-length walk of an axis-parallel isolation forest (Liu, Ting &amp; Zhou 2008; the same algorithm and
 * the same sums, bit for bit, as {@link IsolationTrees.Compiled}'s scalar walk) with the top {@value #LEVELS}
 * levels of each tree taken by several rows at once in the SIMD lanes of the incubating Vector API
 * ({@code jdk.incubator.vector}), and with 8 lanes levels 4 and 5 too ({@link #levelFour}, {@link #levelFive}). Loaded
 * only when the JVM runs with {@code --add-modules jdk.incubator.vector} and its preferred vectors hold at
 * least 256 bits (see {@link #supported()}); otherwise the scalar walk runs alone.
 * <p><b>How.</b> Rows come column-major ({@code columns[f · BLOCK + r]}), so {@code L} rows (8 with
 * AVX-512, 4 with AVX2) of one feature are one vector load. One tree at a time, all lanes walk the same tree:
 * level k has at most 2<sup>k</sup> nodes, whose thresholds are broadcast and whose feature columns are loaded,
 * and each lane keeps the one its own path selects, by blends under the masks of the decisions already taken
 * (0, 1, 3 and 7 blends for levels 0–3). A leaf above level {@value #LEVELS} becomes a node whose threshold is
 * +∞ (every row goes left); its whole subtree at level {@value #LEVELS} points back to the leaf, where the
 * scalar walk's self-loop keeps the row. The decision is the scalar walk's own: the sign bit of
 * threshold − x, so a row goes right exactly when the scalar walk does. With 8 lanes, level {@value #LEVELS}
 * follows in a separate pass: its 16 thresholds sit in two vectors, and each lane takes its own by permutes
 * indexed by its slot; its value by blends of the 16 columns as above. Level 5 follows in another pass:
 * threshold and column offset by permutes, the value by one gather. The scalar walk then takes the
 * remaining levels from the node reached; the path lengths are added per row in tree order, as before.
 * <p><b>Why not all levels.</b> Measured on the bench machine (AMD EPYC, Zen 5, AVX-512, JDK 25), one thread,
 * processor time, 10⁵ rows × 10 features through 100 trees of ψ = 256 in blocks of 256 rows: the scalar walk
 * takes 1.12–1.16 ns per node visit (3 cycles at 2.6 GHz), limited by the ~15 instructions of each visit
 * (four dependent loads with their bounds checks); this walk 0.57–0.58 ns (1.95×; d = 3: 0.57, d = 40: 0.64–0.67
 * against 1.23–1.31; 256-bit vectors, 4 lanes, without levels 4 and 5 in lanes: 0.75); it was 0.74–0.76 before
 * the top levels read their offsets once per block (0.67–0.69), level 4 (0.60–0.62) and level 5 went into
 * lanes. With the top 4 levels in lanes, a row's 4 visits there took 1.45 ns per tree and its 4 scalar visits
 * 4 ns; the scalar visits are the cost. Walking 8 trees of one row in lanes through complete heaps needs two
 * gathers per step (threshold, feature): a 512-bit gather of 8 values took
 * 2.6–2.9 ns here, more than 8 scalar loads (2.1 ns), and that walk was 1.2× slower than the scalar one. The
 * top levels need no gather, because all lanes are in one small level of one tree; a 5th level in lanes
 * (16 candidates per lane) in the same method made the walk 1.3× slower than 4 (2× with the offsets read
 * once per block): hence the separate pass. Level 5 as another such pass (32 candidates by blends): 0.97–1.06
 * against 0.62, hence its gather; level 4 by a gather too: 0.595 against 0.572 with its blends; level 6 in
 * lanes by three gathers (threshold, column offset, value; its 64 slots are too many for permutes): 0.63
 * against 0.58.
 * <p><b>Measured and not kept</b> (same setup, ns per visit against 0.75 for this walk before its offsets
 * were read once per block, or against 0.67–0.69 after; all of them gave the same sums): the levels below
 * the top in lanes, each lane's threshold and feature taken from the tree's tables by two-vector permutes
 * ({@code selectFrom}) and its value by a compare and a blend per feature: 1 more level 0.80, 2: 0.86,
 * 3: 0.92, 4: 1.03 (it pays only for d = 2: 0.70 against 0.73), or by a gather: 0.78 and 0.87; the scalar
 * levels from a 15-node table per level-4 subtree (heap order, no child array): 0.78, and walking one row
 * through those 4 levels at a time (a chain of dependent loads): 1.23; two levels per pass over the rows: 1.0;
 * child and column packed in one long: 0.757 against 0.759; integer compares of order-preserving long keys
 * instead of the sign of threshold − x: 0.74, within the noise; the next tree's top levels interleaved with
 * this tree's scalar levels (vector and integer work side by side): 0.83–0.86; the level-4 node taken by a
 * permute inside the vector code and the last level fused with the sums: 0.69–1.04; thresholds minus all
 * candidate columns first, then blends of the differences (a shorter chain): 0.90; blocks of 512 rows: 0.67
 * (no change), of 128: 0.71. The scalar visits stayed near 1 ns whatever their form.
 * <p><b>Warm-up.</b> Until the JIT has compiled it, this walk is far slower than the scalar one (the interpreter
 * and C1 box every vector): a cold JVM's first fit of 10⁴ rows took 1.2 s instead of 0.3 s (wall). So scoring keeps
 * the scalar walk until {@link #ready()}: the end of the first scoring of at least {@value #WARM_UP_WORK}
 * row-tree walks starts a background thread that runs both walks on a small synthetic forest until this one
 * is the faster {@value #WINS} times in a row (it gives up after {@value #MAX_PASSES} passes, leaving the
 * scalar walk, as on a machine where this walk does not pay). At the end, not the start: started with the
 * job, the warm-up and its compilations took a cold kernel's first fit of 6·10⁵ rows from 1.3–1.5 s to
 * 2.3–2.8 s (wall, 2 shared cores). Small data never starts it. Both walks give the same sums, so
 * when the switch happens changes nothing but the time. While this walk is still uncompiled, each pass is
 * followed by {@value #SMALL_CALLS} calls on LANES rows, which bring the JIT to it sooner: ready after
 * 0.75–0.95 s (wall) in a JVM that only warms up, against 2.4–2.5 s without them.
 * <p><b>Input.</b> Finite values, as every scoring entry point checks: at a leaf, threshold +∞ − x for
 * x = +∞ is NaN, whose sign bit Java leaves unspecified, in this walk and in the scalar one.
 */
final class IsolationVectorWalk implements IsolationTrees.BlockWalk {

    /** Levels taken in lanes (measured, see the class comment). */
    static final int LEVELS = 4;
    /** Internal nodes of the top levels, in heap order (node h has children 2h + 1 and 2h + 2). */
    private static final int TOP = (1 << LEVELS) - 1;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final int BITS = DOUBLES.vectorBitSize();
    private static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, DOUBLES.vectorShape());
    /** As many ints as doubles (half the bits); a valid shape also where the walk is not supported. */
    private static final VectorSpecies<Integer> INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(BITS == 512 ? 256 : 128));
    private static final int LANES = DOUBLES.length();
    private static final int BLOCK = IsolationTrees.BLOCK;
    /**
     * Rows × trees of a scoring worth warming up for: 5·10⁵ rows of 100 trees, about 0.5 s of scalar walk on one
     * core. The warm-up costs about 0.5–1 s of processor time once, what some 3·10⁸ row-tree walks save
     * (measured), so smaller jobs keep the scalar walk (the bench's 10⁵-row task took 30–50 % more processor time
     * while a warm-up started at 10⁷ overlapped its timed runs).
     */
    static final long WARM_UP_WORK = 50_000_000L;
    /** Passes in a row in which this walk must beat the scalar one, and the most passes tried. */
    static final int WINS = 3;
    static final int MAX_PASSES = 3000;
    /**
     * Pause after a pass in which this walk was still 4× slower than the scalar one (not yet compiled by C2).
     * Measured, a JVM that only warms up: without pauses a peak resident set of 147–156 MB and 0.9 s of processor
     * time; with 20 ms pauses 97–114 MB and 0.8 s, ready as soon (0.7–0.9 s); 50 ms: 89 MB but up to 1.1 s.
     */
    static final long PAUSE_MS = 20;
    /**
     * Calls of this walk on LANES rows after such a pass. The JIT compiles a method once it has been called (or
     * has looped) often enough, and {@link #topLevels} and {@link #levelFour} are called once per tree and block:
     * without these calls the warm-up took 2.4–2.5 s (wall; 0.55–0.65 s when the top levels were called per
     * LANES rows, before their offsets were read once per block); with 10 calls 1.2 s, with 25 calls 0.75–0.95 s
     * (peak resident set 140–149 MB, measured in a JVM that only warms up, with the kernel's heap options), with
     * 50 calls 0.8 s (148–173 MB), with 200 still 0.85 s (213–233 MB). In the bench (1e6 × 10) the process's peak
     * was 257–299 MB whichever of 0, 25 or 50, against 243–258 MB before level 4 went into lanes.
     */
    static final int SMALL_CALLS = 25;
    private static final AtomicBoolean WARMING = new AtomicBoolean();
    private static volatile boolean warm;

    private final IsolationTrees.Compiled forest;
    /** Per tree, heap slots 0..TOP−1: thresholds (+∞ below a leaf) and the offsets f · BLOCK of their columns. */
    private final double[] topThreshold;
    private final int[] topColumn;
    /** Per tree, the 2^LEVELS slots of level LEVELS: the node of the scalar layout each one stands for. */
    private final int[] entry;
    /**
     * Whether level {@value #LEVELS} is also taken in lanes, by {@link #levelFour}: with 8 lanes, where two
     * vectors hold the level's 16 thresholds. With 4 lanes (untried) it takes the scalar walk.
     */
    static final boolean LEVEL_FOUR = LANES == 8;
    /**
     * Per tree, the 2^LEVELS slots of level LEVELS as in the top: threshold bits (+∞ below a leaf, raw bits for
     * the permute) and column offsets; and the 2^(LEVELS+1) slots of the level below, as {@link #entry}.
     */
    private final long[] fourThreshold;
    private final int[] fourColumn;
    private final int[] entryFive;
    /**
     * Per tree, the 2^(LEVELS+1) slots of level LEVELS + 1 (taken in lanes by {@link #levelFive}): threshold
     * bits and column offsets (longs, for the permutes); and the slots of the level below, as {@link #entry}.
     */
    private final long[] fiveThreshold;
    private final long[] fiveColumn;
    private final int[] entrySix;
    /**
     * Per node of the scalar layout, the offset f · BLOCK of its feature's column (5 % faster than multiplying
     * in the walk, measured; keeping local copies of the forest's arrays instead measured 40 % slower, and
     * child and column side by side in one array 45 % slower).
     */
    private final int[] nodeColumn;

    /**
     * True when the preferred vectors hold 256 or 512 bits (4 or 8 doubles, AVX2 or AVX-512, both measured):
     * narrower ones would not pay, wider ones (ARM SVE) are untried.
     */
    static boolean supported() {
        return BITS == 256 || BITS == 512;
    }

    /** Whether scoring should take this walk now: once the warm-up has found it faster. */
    static boolean ready() {
        return warm;
    }

    /**
     * Called after a scoring by the scalar walk: the first one of at least {@link #WARM_UP_WORK} row-tree walks
     * starts the warm-up (a daemon thread).
     */
    static void scored(long rowTreeWalks) {
        if (!warm && rowTreeWalks >= WARM_UP_WORK && WARMING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    warmUp();
                } catch (RuntimeException | LinkageError e) {
                    // the scalar walk stays, with the same scores; nothing to report in a notebook cell
                }
            }, "anomaly4j-isolation-forest-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Runs both walks over one block of a synthetic forest (20 trees of ψ = 256 on 2,048 Gaussian rows of 10
     * features) until this walk is the faster {@link #WINS} times in a row; then {@link #ready} says yes.
     * Returns whether it did.
     */
    static boolean warmUp() {
        int d = 10;
        SplittableRandom rng = new SplittableRandom(42);
        double[][] x = new double[2048][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        IsolationTrees.Plan plan = new IsolationTrees.Plan(x, x.length, d, 256, d, false, 0);
        IsolationTrees.Tree[] trees = new IsolationTrees.Tree[20];
        for (int t = 0; t < trees.length; t++) {
            trees[t] = IsolationTrees.grow(plan, rng.split());
        }
        IsolationTrees.Compiled forest = new IsolationTrees.Compiled(trees, d, false);
        IsolationVectorWalk vector = new IsolationVectorWalk(forest);
        double[] rows = new double[BLOCK * d];
        double[] columns = new double[BLOCK * d];
        for (int r = 0; r < BLOCK; r++) {
            for (int j = 0; j < d; j++) {
                rows[r * d + j] = x[r][j];
                columns[j * BLOCK + r] = x[r][j];
            }
        }
        double[] sums = new double[BLOCK];
        int[] node = new int[BLOCK];
        int wins = 0;
        for (int pass = 0; pass < MAX_PASSES && wins < WINS; pass++) {
            long t0 = System.nanoTime();
            vector.pathLengthSums(columns, BLOCK, sums, node);
            long t1 = System.nanoTime();
            forest.pathLengthSums(rows, 0, BLOCK, sums, node);
            long t2 = System.nanoTime();
            wins = t1 - t0 < t2 - t1 ? wins + 1 : 0;
            if (t1 - t0 > 4 * (t2 - t1)) {
                for (int i = 0; i < SMALL_CALLS; i++) {
                    vector.pathLengthSums(columns, LANES, sums, node);
                }
                pause();
            }
        }
        warm = wins == WINS;
        return warm;
    }

    /**
     * A pause while this walk is still interpreted or compiled by C1, where every vector is an object: the
     * JIT compiles it meanwhile, and the garbage, the heap's growth and the processor time stay small.
     */
    private static void pause() {
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The walk for a forest (not extended), as the {@link IsolationTrees.BlockWalk} the compiled forest keeps. */
    static IsolationTrees.BlockWalk of(IsolationTrees.Compiled forest) {
        return new IsolationVectorWalk(forest);
    }

    private IsolationVectorWalk(IsolationTrees.Compiled forest) {
        this.forest = forest;
        int trees = forest.trees;
        topThreshold = new double[trees * TOP];
        topColumn = new int[trees * TOP];
        entry = new int[trees << LEVELS];
        fourThreshold = new long[trees << LEVELS];
        fourColumn = new int[trees << LEVELS];
        entryFive = new int[trees << (LEVELS + 1)];
        fiveThreshold = new long[trees << (LEVELS + 1)];
        fiveColumn = new long[trees << (LEVELS + 1)];
        entrySix = new int[trees << (LEVELS + 2)];
        nodeColumn = new int[forest.feature.length];
        for (int v = 0; v < nodeColumn.length; v++) {
            nodeColumn[v] = forest.feature[v] * BLOCK;
        }
        for (int t = 0; t < trees; t++) {
            if (forest.depth[t] >= LEVELS) {
                fill(t, forest.root[t], 0, 0);
            }
        }
    }

    /** Lays node g of tree t (scalar layout) into heap slot h of level {@code level} (0..LEVELS + 2). */
    private void fill(int t, int g, int h, int level) {
        if (level == LEVELS + 2) {
            entrySix[(t << (LEVELS + 2)) + h - (4 * TOP + 3)] = g;
            return;
        }
        boolean leaf = forest.child[g] == g;
        double threshold = leaf ? Double.POSITIVE_INFINITY : forest.threshold[g];
        int column = leaf ? 0 : forest.feature[g] * BLOCK;
        if (level == LEVELS + 1) {
            int i = (t << (LEVELS + 1)) + h - (2 * TOP + 1);
            entryFive[i] = g;
            fiveThreshold[i] = Double.doubleToRawLongBits(threshold);
            fiveColumn[i] = column;
        } else if (level == LEVELS) {
            entry[(t << LEVELS) + h - TOP] = g;
            fourThreshold[(t << LEVELS) + h - TOP] = Double.doubleToRawLongBits(threshold);
            fourColumn[(t << LEVELS) + h - TOP] = column;
        } else {
            topThreshold[t * TOP + h] = threshold;
            topColumn[t * TOP + h] = column;
        }
        fill(t, leaf ? g : forest.child[g], 2 * h + 1, level + 1);
        fill(t, leaf ? g : forest.child[g] + 1, 2 * h + 2, level + 1);
    }

    @Override
    public boolean columnMajor() {
        return true;
    }

    /**
     * {@code sums[r] = Σ_t h_t(x_r)} for rows [0, rows) of {@code columns} (column-major, BLOCK rows per
     * column). The top levels also walk the rows up to the next multiple of the lane count, whatever those
     * cells hold; their results are dropped.
     */
    @Override
    public void pathLengthSums(double[] columns, int rows, double[] sums, int[] node) {
        IsolationTrees.Compiled f = forest;
        Arrays.fill(sums, 0, rows, 0.0);
        int padded = (rows + LANES - 1) / LANES * LANES;
        for (int t = 0; t < f.trees; t++) {
            int steps = f.depth[t];
            int first;
            if (steps > LEVELS + 1 && LEVEL_FOUR) {
                topLevels(columns, padded, t * TOP, node);
                levelFour(columns, padded, t << LEVELS, node);
                levelFive(columns, padded, t << (LEVELS + 1), node);
                int e = t << (LEVELS + 2);
                for (int r = 0; r < rows; r++) {
                    node[r] = entrySix[e + node[r]];
                }
                first = LEVELS + 2;
            } else if (steps > LEVELS && LEVEL_FOUR) {
                topLevels(columns, padded, t * TOP, node);
                levelFour(columns, padded, t << LEVELS, node);
                int e = t << (LEVELS + 1);
                for (int r = 0; r < rows; r++) {
                    node[r] = entryFive[e + node[r]];
                }
                first = LEVELS + 1;
            } else if (steps >= LEVELS) {
                topLevels(columns, padded, t * TOP, node);
                int e = t << LEVELS;
                for (int r = 0; r < rows; r++) {
                    node[r] = entry[e + node[r]];
                }
                first = LEVELS;
            } else {
                Arrays.fill(node, 0, rows, f.root[t]);
                first = 0;
            }
            for (int s = first; s < steps; s++) {
                for (int r = 0; r < rows; r++) {
                    int v = node[r];
                    // as in the scalar walk: the sign bit of threshold − x is 1 exactly when x > threshold
                    double diff = f.threshold[v] - columns[nodeColumn[v] + r];
                    node[r] = f.child[v] + (int) (Double.doubleToRawLongBits(diff) >>> 63);
                }
            }
            for (int r = 0; r < rows; r++) {
                sums[r] += f.pathLength[node[r]];
            }
        }
    }

    /**
     * Rows [0, padded) through levels 0..3 of the tree whose top slots start at {@code o}, LANES rows at a time;
     * writes each row's slot (0..15) of level 4 to node. The tree's 15 thresholds and column offsets are read
     * into locals once, before the loop over rows: read inside it (as {@code col[o + k]}, each with its bounds
     * check, for every LANES rows) the walk took 0.76 ns per visit, with locals 0.67 (measured, see the class
     * comment; C2 cannot hoist the int loads itself, since the loop stores into node, also an int[]).
     * The loads are written out here, not in a helper: C2 declined to inline such a helper at some call sites
     * ("callee uses too much stack"), and a vector returned from a call that is not inlined is boxed.
     */
    private void topLevels(double[] c, int padded, int o, int[] node) {
        int[] col = topColumn;
        double[] th = topThreshold;
        int c0 = col[o];
        int c1 = col[o + 1];
        int c2 = col[o + 2];
        int c3 = col[o + 3];
        int c4 = col[o + 4];
        int c5 = col[o + 5];
        int c6 = col[o + 6];
        int c7 = col[o + 7];
        int c8 = col[o + 8];
        int c9 = col[o + 9];
        int c10 = col[o + 10];
        int c11 = col[o + 11];
        int c12 = col[o + 12];
        int c13 = col[o + 13];
        int c14 = col[o + 14];
        double h0 = th[o];
        double h1 = th[o + 1];
        double h2 = th[o + 2];
        double h3 = th[o + 3];
        double h4 = th[o + 4];
        double h5 = th[o + 5];
        double h6 = th[o + 6];
        double h7 = th[o + 7];
        double h8 = th[o + 8];
        double h9 = th[o + 9];
        double h10 = th[o + 10];
        double h11 = th[o + 11];
        double h12 = th[o + 12];
        double h13 = th[o + 13];
        double h14 = th[o + 14];
        for (int r = 0; r < padded; r += LANES) {
            VectorMask<Double> b0 = right(DoubleVector.broadcast(DOUBLES, h0),
                    DoubleVector.fromArray(DOUBLES, c, c0 + r));
            VectorMask<Double> b1 = right(DoubleVector.broadcast(DOUBLES, h1).blend(h2, b0),
                    DoubleVector.fromArray(DOUBLES, c, c1 + r).blend(DoubleVector.fromArray(DOUBLES, c, c2 + r), b0));
            // level 2: slots 3..6, slot 3 + 2·b0 + b1
            DoubleVector x2 = DoubleVector.fromArray(DOUBLES, c, c3 + r)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c4 + r), b1)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c5 + r)
                            .blend(DoubleVector.fromArray(DOUBLES, c, c6 + r), b1), b0);
            DoubleVector t2 = DoubleVector.broadcast(DOUBLES, h3).blend(h4, b1)
                    .blend(DoubleVector.broadcast(DOUBLES, h5).blend(h6, b1), b0);
            VectorMask<Double> b2 = right(t2, x2);
            // level 3: slots 7..14, slot 7 + 4·b0 + 2·b1 + b2
            DoubleVector x3 = DoubleVector.fromArray(DOUBLES, c, c7 + r)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c8 + r), b2)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c9 + r)
                            .blend(DoubleVector.fromArray(DOUBLES, c, c10 + r), b2), b1)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c11 + r)
                            .blend(DoubleVector.fromArray(DOUBLES, c, c12 + r), b2)
                            .blend(DoubleVector.fromArray(DOUBLES, c, c13 + r)
                                    .blend(DoubleVector.fromArray(DOUBLES, c, c14 + r), b2), b1), b0);
            DoubleVector t3 = DoubleVector.broadcast(DOUBLES, h7).blend(h8, b2)
                    .blend(DoubleVector.broadcast(DOUBLES, h9).blend(h10, b2), b1)
                    .blend(DoubleVector.broadcast(DOUBLES, h11).blend(h12, b2)
                            .blend(DoubleVector.broadcast(DOUBLES, h13).blend(h14, b2), b1), b0);
            VectorMask<Double> b3 = right(t3, x3);
            LongVector slot = LongVector.zero(LONGS)
                    .lanewise(VectorOperators.ADD, 8L, b0.cast(LONGS))
                    .lanewise(VectorOperators.ADD, 4L, b1.cast(LONGS))
                    .lanewise(VectorOperators.ADD, 2L, b2.cast(LONGS))
                    .lanewise(VectorOperators.ADD, 1L, b3.cast(LONGS));
            slot.convertShape(VectorOperators.L2I, INTS, 0).reinterpretAsInts().intoArray(node, r);
        }
    }

    /**
     * Rows [0, padded) through level {@value #LEVELS} of a tree, whose 16 slots start at {@code o}: node holds
     * each row's slot (0..15) at that level, and gets its slot (0..31) of the next one. Each lane's threshold
     * comes from the tree's 16 by two permutes ({@code selectFrom}, the slot's low bits as index) and a blend;
     * its value by blends of the 16 slots' columns under the slot's bits, as in the top levels. A separate
     * method, not a 5th level in {@link #topLevels}: there the walk took 1.47 ns per visit (C2 compiles that
     * much vector code poorly), here 0.63 instead of 0.68 (measured, see the class comment). The thresholds by
     * blends of broadcasts instead of permutes: 1.04; by a two-vector {@code rearrange}: 1.0 (JDK 25's
     * two-vector {@code selectFrom}, as fast as two permutes, is not in the Java 21 API this code compiles
     * against).
     */
    private void levelFour(double[] c, int padded, int o, int[] node) {
        // the 16 column offsets in locals, read once, as in topLevels (not an array: its loads stay in the loop)
        int[] col = fourColumn;
        int c0 = col[o];
        int c1 = col[o + 1];
        int c2 = col[o + 2];
        int c3 = col[o + 3];
        int c4 = col[o + 4];
        int c5 = col[o + 5];
        int c6 = col[o + 6];
        int c7 = col[o + 7];
        int c8 = col[o + 8];
        int c9 = col[o + 9];
        int c10 = col[o + 10];
        int c11 = col[o + 11];
        int c12 = col[o + 12];
        int c13 = col[o + 13];
        int c14 = col[o + 14];
        int c15 = col[o + 15];
        LongVector low = LongVector.fromArray(LONGS, fourThreshold, o);
        LongVector high = LongVector.fromArray(LONGS, fourThreshold, o + LANES);
        for (int r = 0; r < padded; r += LANES) {
            LongVector slot = (LongVector) IntVector.fromArray(INTS, node, r)
                    .convertShape(VectorOperators.I2L, LONGS, 0);
            VectorMask<Double> m0 = bit(slot, 8L);
            VectorMask<Double> m1 = bit(slot, 4L);
            VectorMask<Double> m2 = bit(slot, 2L);
            VectorMask<Double> m3 = bit(slot, 1L);
            // slots 4k..4k + 3 in q_k, then the quarter the slot's two high bits name
            DoubleVector q0 = DoubleVector.fromArray(DOUBLES, c, c0 + r)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c1 + r), m3)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c2 + r)
                            .blend(DoubleVector.fromArray(DOUBLES, c, c3 + r), m3), m2);
            DoubleVector q1 = DoubleVector.fromArray(DOUBLES, c, c4 + r)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c5 + r), m3)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c6 + r)
                            .blend(DoubleVector.fromArray(DOUBLES, c, c7 + r), m3), m2);
            DoubleVector q2 = DoubleVector.fromArray(DOUBLES, c, c8 + r)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c9 + r), m3)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c10 + r)
                            .blend(DoubleVector.fromArray(DOUBLES, c, c11 + r), m3), m2);
            DoubleVector q3 = DoubleVector.fromArray(DOUBLES, c, c12 + r)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c13 + r), m3)
                    .blend(DoubleVector.fromArray(DOUBLES, c, c14 + r)
                            .blend(DoubleVector.fromArray(DOUBLES, c, c15 + r), m3), m2);
            DoubleVector x = q0.blend(q1, m1).blend(q2.blend(q3, m1), m0);
            // the threshold: lane k of low (slots 0..7) or of high (slots 8..15), k = the slot's low 3 bits
            LongVector k = slot.and(LANES - 1L);
            LongVector threshold = k.selectFrom(low).blend(k.selectFrom(high), m0.cast(LONGS));
            VectorMask<Double> b = right(threshold.reinterpretAsDoubles(), x);
            slot.lanewise(VectorOperators.LSHL, 1).lanewise(VectorOperators.ADD, 1L, b.cast(LONGS))
                    .convertShape(VectorOperators.L2I, INTS, 0).reinterpretAsInts().intoArray(node, r);
        }
    }

    /**
     * Rows [0, padded) through level {@value #LEVELS} + 1 of a tree, whose 32 slots start at {@code o}: node
     * holds each row's slot (0..31) at that level, and gets its slot (0..63) of the next one. Each lane's
     * threshold and column offset come from the tree's tables by four permutes and three blends each (the
     * slot's low 3 bits index, its bits 3 and 4 pick the vector); its value by one gather from the block (the
     * index map written into node's own cells for these rows, which hold nothing else meanwhile). Measured:
     * 0.59–0.61 ns per visit against 0.63–0.67 with this level scalar (in one process, the machine shared); by
     * blends of the 32 slots' columns instead of the gather: 0.97–1.06. A gather of 8 values took 2.6–2.9 ns
     * here, less than the 8 scalar visits it replaces.
     */
    private void levelFive(double[] c, int padded, int o, int[] node) {
        LongVector t0 = LongVector.fromArray(LONGS, fiveThreshold, o);
        LongVector t1 = LongVector.fromArray(LONGS, fiveThreshold, o + LANES);
        LongVector t2 = LongVector.fromArray(LONGS, fiveThreshold, o + 2 * LANES);
        LongVector t3 = LongVector.fromArray(LONGS, fiveThreshold, o + 3 * LANES);
        LongVector f0 = LongVector.fromArray(LONGS, fiveColumn, o);
        LongVector f1 = LongVector.fromArray(LONGS, fiveColumn, o + LANES);
        LongVector f2 = LongVector.fromArray(LONGS, fiveColumn, o + 2 * LANES);
        LongVector f3 = LongVector.fromArray(LONGS, fiveColumn, o + 3 * LANES);
        for (int r = 0; r < padded; r += LANES) {
            LongVector slot = (LongVector) IntVector.fromArray(INTS, node, r)
                    .convertShape(VectorOperators.I2L, LONGS, 0);
            VectorMask<Long> m4 = slot.and(16L).compare(VectorOperators.NE, 0L);
            VectorMask<Long> m3 = slot.and(8L).compare(VectorOperators.NE, 0L);
            LongVector k = slot.and(LANES - 1L);
            LongVector threshold = k.selectFrom(t0).blend(k.selectFrom(t1), m3)
                    .blend(k.selectFrom(t2).blend(k.selectFrom(t3), m3), m4);
            LongVector column = k.selectFrom(f0).blend(k.selectFrom(f1), m3)
                    .blend(k.selectFrom(f2).blend(k.selectFrom(f3), m3), m4);
            // lane i reads columns[column_i + r + i]
            column.add(r).addIndex(1).convertShape(VectorOperators.L2I, INTS, 0).reinterpretAsInts()
                    .intoArray(node, r);
            DoubleVector x = DoubleVector.fromArray(DOUBLES, c, 0, node, r);
            VectorMask<Double> b = right(threshold.reinterpretAsDoubles(), x);
            slot.lanewise(VectorOperators.LSHL, 1).lanewise(VectorOperators.ADD, 1L, b.cast(LONGS))
                    .convertShape(VectorOperators.L2I, INTS, 0).reinterpretAsInts().intoArray(node, r);
        }
    }

    /** Lanes whose slot has the given bit set. */
    private static VectorMask<Double> bit(LongVector slot, long bit) {
        return slot.and(bit).compare(VectorOperators.NE, 0L).cast(DOUBLES);
    }

    /** Lanes whose row goes right: the sign bit of threshold − x, the scalar walk's test. */
    private static VectorMask<Double> right(DoubleVector threshold, DoubleVector x) {
        return threshold.sub(x).viewAsIntegralLanes().compare(VectorOperators.LT, 0L).cast(DOUBLES);
    }
}
