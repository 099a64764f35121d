package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import org.anomaly4j.detect.IsolationTrees.Compiled;
import org.anomaly4j.detect.IsolationTrees.Tree;
import org.anomaly4j.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD walk of the top tree levels ({@link IsolationVectorWalk}) against the scalar walk: the same path
 * length sums, bit for bit, on random forests with leaves at every depth and on rows that sit on thresholds or
 * are extreme. Surefire starts the JVM with {@code --add-modules=jdk.incubator.vector} (kernel-ext/pom.xml),
 * so these tests run the vector walk and fail if it is not used.
 */
class IsolationVectorWalkTest {

    /** Leaves above this depth become pass-through nodes in the vector walk's top levels. */
    private static final int TOP = IsolationVectorWalk.LEVELS;

    @Test
    void theVectorWalkRunsInTheseTests() {
        assertTrue(IsolationTrees.VECTOR_WALK, "the Vector API walk is not available: run the JVM with "
                + "--add-modules=jdk.incubator.vector on a machine with 256- or 512-bit vectors "
                + "(surefire's argLine does)");
        double[][] x = rows(new SplittableRandom(1), 300, 3);
        Tree[] forest = forest(x, 3, 64, 5, 0);
        assertTrue(new Compiled(forest, 3, false).vectorWalk());
        Tree[] extended = new Tree[5];
        SplittableRandom master = new SplittableRandom(3);
        IsolationTrees.Plan plan = new IsolationTrees.Plan(x, x.length, 3, 64, 3, false, 1);
        for (int t = 0; t < extended.length; t++) {
            extended[t] = IsolationTrees.grow(plan, master.split());
        }
        assertFalse(new Compiled(extended, 3, true).vectorWalk(), "extended forests keep the scalar walk");
    }

    @Test
    void warmUpSwitchesScoringOnlyWhenItMeasuredTheVectorWalkFaster() {
        double[][] x = rows(new SplittableRandom(4), 3000, 10);
        double[] before = IsolationForest.with().trees(30).seed(5).fit(x).trainingScores();
        boolean faster = IsolationVectorWalk.warmUp();
        assertEquals(faster, IsolationVectorWalk.ready(), "ready() reports the warm-up's finding");
        double[] after = IsolationForest.with().trees(30).seed(5).fit(x).trainingScores();
        assertSameBits(before, after, "scores before and after the warm-up");
    }

    @Test
    void scoresAreTwoToTheMinusTheScalarSumsOverTreesTimesC() {
        double[][] x = rows(new SplittableRandom(2), 1000, 10);
        Compiled c = new Compiled(forest(x, 10, 256, 40, 3), 10, false);
        double apl = IsolationTrees.averagePathLength(256);
        double[] sums = c.vectorPathLengthSums(x);
        double[] scores = c.scores(x, apl, Progress.start("test"));
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.pow(2.0, -(sums[i] / (40 * apl))), scores[i], 0.0, "row " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 10, 17, 40})
    void sameSumsAsTheScalarWalkBitForBit(int d) {
        for (int seed = 0; seed < 3; seed++) {
            SplittableRandom rng = new SplittableRandom(100L * d + seed);
            double[][] train = rows(rng, 2000, d);
            // ψ = 6 grows trees of depth ≤ 3 (scalar only), ψ = 16 of depth ≤ 4 (the top levels only), ψ = 32
            // of depth ≤ 5 and ψ = 64 of depth ≤ 6 (with 8 lanes levels 4 and 5 in lanes too, no scalar level
            // after them), ψ = 256 of depth ≤ 8; leaves at varying depths in all of them
            for (int psi : new int[] {6, 16, 32, 64, 256}) {
                Tree[] forest = forest(train, d, psi, 23, seed);
                Compiled c = new Compiled(forest, d, false);
                assertTrue(c.vectorWalk());
                double[][] x = probes(rng, forest, d, 1237);
                double[] vector = c.vectorPathLengthSums(x);
                double[] scalar = c.scalarPathLengthSums(x);
                assertSameBits(scalar, vector, "d = " + d + ", seed " + seed + ", psi " + psi);
            }
        }
    }

    @Test
    void theRandomForestsHaveShallowLeavesAndShallowTrees() {
        // what the comparison above relies on to reach every branch of the vector walk
        double[][] train = rows(new SplittableRandom(7), 2000, 3);
        int shallowLeaves = 0;
        int shallowTrees = 0;
        for (int psi : new int[] {6, 256}) {
            Compiled c = new Compiled(forest(train, 3, psi, 23, 0), 3, false);
            for (int t = 0; t < c.trees; t++) {
                shallowTrees += c.depth[t] < TOP ? 1 : 0;
                shallowLeaves += c.depth[t] >= TOP ? leavesAbove(c, t, TOP) : 0;
            }
        }
        assertTrue(shallowTrees > 0, "no tree shallower than the top levels");
        assertTrue(shallowLeaves > 0, "no leaf above level " + TOP + " in a deep tree");
        // levels TOP and TOP + 1 in lanes: trees deeper than each with a leaf exactly there (a pass-through slot),
        // and trees of depth TOP + 1 and TOP + 2 (no scalar level after them)
        for (int level = TOP; level <= TOP + 1; level++) {
            int leavesAtLevel = 0;
            int depthJustBelow = 0;
            for (int psi : new int[] {32, 64, 256}) {
                Compiled c = new Compiled(forest(train, 3, psi, 23, 0), 3, false);
                for (int t = 0; t < c.trees; t++) {
                    if (c.depth[t] > level) {
                        leavesAtLevel += leavesAbove(c, t, level + 1) - leavesAbove(c, t, level);
                    }
                    depthJustBelow += c.depth[t] == level + 1 ? 1 : 0;
                }
            }
            assertTrue(leavesAtLevel > 0, "no leaf at level " + level + " in a tree deeper than that");
            assertTrue(depthJustBelow > 0, "no tree of depth " + (level + 1));
        }
    }

    @Test
    void handBuiltTreesWithALeafRootAStumpAndANegativeZeroThreshold() {
        Tree leaf = new Tree(new int[] {-1}, new int[] {-1}, new int[] {-1}, null, null, new double[] {0},
                new int[] {7});
        Tree stump = new Tree(new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[] {0, -1, -1}, null, null,
                new double[] {-0.0, 0, 0}, new int[] {4, 2, 2});
        // root cuts feature 1 at 0.5: left a leaf at depth 1, right a chain 5 deep on feature 0 at −0.0
        int m = 13;
        int[] left = new int[m];
        int[] right = new int[m];
        int[] feature = new int[m];
        double[] threshold = new double[m];
        int[] size = new int[m];
        java.util.Arrays.fill(left, -1);
        java.util.Arrays.fill(right, -1);
        left[0] = 1;
        right[0] = 2;
        feature[0] = 1;
        threshold[0] = 0.5;
        for (int v = 2, next = 3; v < m && next + 1 < m; v = next + 1, next += 2) {
            left[v] = next;
            right[v] = next + 1;
            feature[v] = 0;
            threshold[v] = v == 2 ? -0.0 : v;
        }
        for (int v = 0; v < m; v++) {
            size[v] = left[v] == -1 ? 2 : 0;
        }
        Tree chain = new Tree(left, right, feature, null, null, threshold, size);
        Tree[] forest = {leaf, stump, chain, stump, chain};
        Compiled c = new Compiled(forest, 2, false);
        double[][] x = {{0.0, 1.0}, {-0.0, 1.0}, {-0.0, 0.5}, {0.0, 0.6}, {3, 1}, {5, 1}, {7, 1}, {9, 1},
                {Double.NEGATIVE_INFINITY, 1}, {Double.MAX_VALUE, Double.MAX_VALUE}, {-Double.MAX_VALUE, 2}};
        double[] scalar = c.scalarPathLengthSums(x);
        assertSameBits(scalar, c.vectorPathLengthSums(x), "hand-built trees");
        // the walks follow the scalar rule: +0.0 against −0.0 goes right (−0.0 − 0.0 = −0.0), −0.0 goes left
        assertEquals(scalar[1] + 2, scalar[0], 1e-12, "row {+0, 1} is one level deeper in both chains");
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                fail(what + ": row " + i + " differs in its bits: " + expected[i] + " vs " + actual[i]);
            }
        }
    }

    /** Rows with features of three kinds: Gaussian, rounded to halves (many ties), and constant. */
    private static double[][] rows(SplittableRandom rng, int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double g = rng.nextGaussian();
                row[j] = switch (j % 3) {
                    case 0 -> g;
                    case 1 -> Math.round(2 * g) / 2.0;
                    default -> d == 3 ? 1.25 : g * 1e3;
                };
            }
        }
        return x;
    }

    private static Tree[] forest(double[][] x, int d, int psi, int trees, int seed) {
        IsolationTrees.Plan plan = new IsolationTrees.Plan(x, x.length, d, psi, d, false, 0);
        SplittableRandom master = new SplittableRandom(seed);
        Tree[] forest = new Tree[trees];
        for (int t = 0; t < trees; t++) {
            forest[t] = IsolationTrees.grow(plan, master.split());
        }
        return forest;
    }

    /**
     * n rows (not a multiple of the lane count, more than one block): Gaussian, with cells replaced by a
     * threshold of the forest, ±0.0, −∞, ±Double.MAX_VALUE or ±1e300.
     */
    private static double[][] probes(SplittableRandom rng, Tree[] forest, int d, int n) {
        double[] specials = {0.0, -0.0, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300};
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                int kind = rng.nextInt(10);
                if (kind < 4) {
                    Tree t = forest[rng.nextInt(forest.length)];
                    int v = rng.nextInt(t.nodes());
                    row[j] = t.left()[v] == -1 ? rng.nextGaussian() : t.threshold()[v];
                } else if (kind == 4) {
                    row[j] = specials[rng.nextInt(specials.length)];
                } else {
                    row[j] = rng.nextGaussian() * (j % 3 == 2 ? 1e3 : 1);
                }
            }
        }
        return x;
    }

    /** Leaves of tree t at depth below {@code depth} (in the compiled layout a leaf points to itself). */
    private static int leavesAbove(Compiled c, int t, int depth) {
        int count = 0;
        int[] level = {c.root[t]};
        for (int k = 0; k < depth; k++) {
            int[] next = new int[2 * level.length];
            int m = 0;
            for (int v : level) {
                if (c.child[v] == v) {
                    count++;
                } else {
                    next[m++] = c.child[v];
                    next[m++] = c.child[v] + 1;
                }
            }
            level = java.util.Arrays.copyOf(next, m);
        }
        return count;
    }
}
