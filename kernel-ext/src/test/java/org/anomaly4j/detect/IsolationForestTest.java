package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.detect.IsolationForest.IsolationForestModel;
import org.anomaly4j.detect.IsolationTrees.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Isolation Forest beyond the shared contract: exact scoring semantics against trees exported from
 * scikit-learn (golden/iforest/trees.json, made by src/test/python/golden/gen_iforest.py), hand-worked path
 * lengths, the growing rules, options, explain(), the extended variant and damaged model files.
 */
class IsolationForestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode golden() throws IOException {
        try (InputStream in = IsolationForestTest.class.getResourceAsStream("/golden/iforest/trees.json")) {
            return JSON.readTree(in);
        }
    }

    static double[][] matrix(JsonNode rows) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[rows.get(i).size()];
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return x;
    }

    static double[] vector(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    /**
     * scikit-learn's trees as ours: its leaves (children −1, feature −2) become leaves, and when it subsampled
     * features the tree's column index is mapped through estimators_features_ to the data's column.
     */
    static List<Tree> sklearnTrees(JsonNode config) {
        List<Tree> out = new ArrayList<>();
        boolean sub = config.get("subsample_features").asBoolean();
        for (int t = 0; t < config.get("trees").size(); t++) {
            JsonNode tree = config.get("trees").get(t);
            int[] cols = ints(config.get("estimators_features").get(t));
            int[] left = ints(tree.get("left"));
            int[] feature = ints(tree.get("feature"));
            for (int v = 0; v < feature.length; v++) {
                feature[v] = left[v] == -1 ? -1 : sub ? cols[feature[v]] : feature[v];
            }
            out.add(new Tree(left, ints(tree.get("right")), feature, null, null, vector(tree.get("threshold")),
                    ints(tree.get("size"))));
        }
        return out;
    }

    @Test
    void averagePathLengthIsScikitLearns() throws IOException {
        JsonNode c = golden().get("average_path_length");
        for (int i = 0; i < c.get("n").size(); i++) {
            int n = c.get("n").get(i).asInt();
            // same formula evaluated in the same order: equal to the last bit in practice; 1e-12 allows libm
            assertEquals(c.get("c").get(i).asDouble(), IsolationTrees.averagePathLength(n), 1e-12, "c(" + n + ")");
        }
    }

    /**
     * Hand-worked: one split at x0 ≤ 0.5 with leaves of 1 and 3 rows, ψ = 4.
     * c(4) = 2(ln 3 + γ) − 2·3/4 = 2(1.0986123 + 0.5772157) − 1.5 = 1.8516559;
     * c(3) = 2(ln 2 + γ) − 2·2/3 = 2.5407258 − 1.3333333 = 1.2073924.
     * x0 = 0: h = 1 + c(1) = 1, s = 2^(−1/1.8516559) = 0.6877; x0 = 1: h = 1 + c(3) = 2.2073924,
     * s = 2^(−2.2073924/1.8516559) = 0.4376.
     */
    @Test
    void handWorkedStump() {
        Tree stump = new Tree(new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[] {0, -1, -1}, null, null,
                new double[] {0.5, 0, 0}, new int[] {4, 1, 3});
        double[][] train = {{0}, {1}, {1.1}, {1.2}};
        IsolationForestModel m = IsolationForest.fromTrees(List.of("x0"), 4, List.of(stump), train,
                ThresholdRule.natural());
        assertEquals(1.8516559071392855, m.averagePathLength(), 1e-15);
        double[] s = m.score(new double[][] {{0}, {1}, {0.5}});
        assertEquals(0.6877, s[0], 1e-4);
        assertEquals(0.4376, s[1], 1e-4);
        assertEquals(s[0], s[2], 0.0, "x0 = threshold goes left, as in scikit-learn (x <= threshold)");
        assertArrayEquals(new double[] {1, 2.2073924, 1}, m.meanPathLength(new double[][] {{0}, {1}, {0.5}}), 1e-7);
        assertTrue(m.predict(new double[][] {{0}})[0], "s = 0.69 > 0.5: an anomaly under the natural cut");
    }

    /** Same trees as scikit-learn → same score_samples (negated) within 1e-12, training and test points. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void scoresEqualScikitLearnOnItsOwnTrees(int which) throws IOException {
        JsonNode config = golden().get("configs").get(which);
        double[][] train = matrix(config.get("train"));
        List<String> names = List.of("x0", "x1", "x2");
        boolean numeric = config.get("params").has("contamination");
        ThresholdRule rule = numeric ? ThresholdRule.contamination(config.get("params").get("contamination").asDouble())
                : ThresholdRule.natural();
        IsolationForestModel m = IsolationForest.fromTrees(names, config.get("max_samples_").asInt(),
                sklearnTrees(config), train, rule);
        double[] ours = m.score(matrix(config.get("test")));
        double[] theirs = vector(config.get("score_samples_test"));
        double[] oursTrain = m.trainingScores();
        double[] theirsTrain = vector(config.get("score_samples_train"));
        for (int i = 0; i < ours.length; i++) {
            // tolerance 1e-12: the same sums of the same doubles; only log/pow may differ in the last bit
            assertEquals(theirs[i], -ours[i], 1e-12, "test row " + i);
        }
        for (int i = 0; i < oursTrain.length; i++) {
            assertEquals(theirsTrain[i], -oursTrain[i], 1e-12, "training row " + i);
        }
        // scikit-learn's offset_ (decision = score_samples − offset_) is minus our threshold
        assertEquals(-config.get("offset").asDouble(), m.threshold(), 1e-12);
    }

    static double[][] gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    static int depth(Tree t, int v) {
        return t.left()[v] == -1 ? 0 : 1 + Math.max(depth(t, t.left()[v]), depth(t, t.right()[v]));
    }

    @Test
    void treesFollowTheGrowingRules() {
        double[][] x = gaussian(1000, 4, 1);
        IsolationForestModel m = IsolationForest.with().trees(20).fit(x);
        assertEquals(256, m.maxSamples());
        assertEquals(10.244770920119917, m.averagePathLength(), 1e-12, "c(256), as scikit-learn");
        for (Tree t : IsolationForest.treesOf(m)) {
            assertEquals(256, t.size()[0], "root holds ψ distinct rows");
            assertTrue(depth(t, 0) <= 8, "depth limit ceil(log2 256) = 8");
            for (int v = 0; v < t.nodes(); v++) {
                if (t.left()[v] == -1) {
                    assertTrue(t.size()[v] >= 1);
                } else {
                    assertEquals(t.size()[v], t.size()[t.left()[v]] + t.size()[t.right()[v]]);
                    assertTrue(t.size()[t.left()[v]] >= 1 && t.size()[t.right()[v]] >= 1, "both sides non-empty");
                }
            }
        }
    }

    @Test
    void maxSamplesAutoCountFractionAndClipping() {
        double[][] x = gaussian(100, 2, 2);
        assertEquals(100, IsolationForest.with().trees(2).fit(x).maxSamples(), "auto = min(256, n)");
        assertEquals(100, IsolationForest.with().trees(2).maxSamples(500).fit(x).maxSamples(), "clipped to n");
        assertEquals(50, IsolationForest.with().trees(2).maxSamples(0.5).fit(x).maxSamples());
        assertEquals(33, IsolationForest.with().trees(2).maxSamples("0.33").fit(x).maxSamples());
        assertEquals(64, IsolationForest.with().trees(2).maxSamples("64").fit(x).maxSamples());
        assertEquals(100, IsolationForest.with().trees(2).maxSamples(64).maxSamples("auto").fit(x).maxSamples());
        assertEquals(0.5, IsolationForest.with().maxSamples(0.5).fit(x).parameters().get("maxSamples"));
        assertEquals("auto", IsolationForest.with().fit(x).parameters().get("maxSamples"));
    }

    @Test
    void optionsAreValidatedWithRangeAndValue() {
        IsolationForest d = IsolationForest.with();
        assertEquals("trees must be an integer in [1, 100000], got 0", assertThrows(IllegalArgumentException.class, () -> d.trees(0)).getMessage());
        assertEquals("maxSamples must be >= 1 (a row count), got 0",
                assertThrows(IllegalArgumentException.class, () -> d.maxSamples(0)).getMessage());
        assertEquals("maxSamples fraction must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> d.maxSamples(1.5)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.maxSamples("lots")).getMessage()
                .contains("\"auto\""));
        assertEquals("maxFeatures fraction must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> d.maxFeatures(0.0)).getMessage());
        assertEquals("extensionLevel must be an integer >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> d.extensionLevel(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.contamination(0.7));
        double[][] x = gaussian(50, 3, 3);
        assertEquals("maxFeatures must be <= the number of features (3), got 5",
                assertThrows(IllegalArgumentException.class, () -> d.maxFeatures(5).fit(x)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.extensionLevel(3).fit(x)).getMessage()
                .contains("extensionLevel must be in [0, 2]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.maxSamples(0.001).fit(x)).getMessage()
                .contains("gives no rows per tree"));
        assertEquals(d.toString(), IsolationForest.with().toString(), "options are values: the chain made no change");
    }

    @Test
    void maxFeaturesLimitsEachTreeToItsFeatures() {
        double[][] x = gaussian(300, 5, 4);
        IsolationForestModel m = IsolationForest.with().trees(30).maxFeatures(1).fit(x);
        Set<Integer> used = new HashSet<>();
        for (Tree t : IsolationForest.treesOf(m)) {
            Set<Integer> own = new HashSet<>();
            for (int v = 0; v < t.nodes(); v++) {
                if (t.left()[v] != -1) {
                    own.add(t.feature()[v]);
                }
            }
            assertEquals(1, own.size(), "maxFeatures(1): one feature per tree");
            used.addAll(own);
        }
        assertTrue(used.size() >= 4, "different trees draw different features: " + used);
        assertEquals(2, IsolationForest.with().maxFeatures(0.5).featuresPerTree(5), "max(1, floor(0.5·5))");
        assertEquals(1, IsolationForest.with().maxFeatures(0.1).featuresPerTree(5));
        assertEquals(3, IsolationForest.with().maxFeatures("3").featuresPerTree(5));
        assertEquals(2, IsolationForest.with().maxFeatures("0.5").featuresPerTree(5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IsolationForest.with().maxFeatures("half"))
                .getMessage().contains("got \"half\""));
    }

    @Test
    void bootstrapTreesHoldTheDistinctDrawnRows() {
        double[][] x = gaussian(1000, 3, 5);
        IsolationForestModel m = IsolationForest.with().trees(10).bootstrap(true).fit(x);
        for (Tree t : IsolationForest.treesOf(m)) {
            // 256 draws from 1000 rows leave about 1000·(1 − (1 − 1/1000)^256) ≈ 226 distinct rows
            assertTrue(t.size()[0] < 256 && t.size()[0] > 200, "distinct rows " + t.size()[0]);
        }
        assertEquals(256, m.maxSamples(), "c(ψ) still uses ψ = max_samples, as scikit-learn");
    }

    @Test
    void constantFeaturesAreNotCutAndValuesWithin1e7CountAsEqual() {
        double[][] x = new double[64][2];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = 3.0;
            x[i][1] = i % 2 == 0 ? 1.0 : 1.0 + 5e-8; // below scikit-learn's FEATURE_THRESHOLD 1e-7
        }
        IsolationForestModel m = IsolationForest.with().trees(5).fit(x);
        for (Tree t : IsolationForest.treesOf(m)) {
            assertEquals(1, t.nodes(), "nothing to cut: the root is a leaf");
        }
        // h = 0 + c(ψ) for every row, so s = 2^−1
        for (double s : m.trainingScores()) {
            assertEquals(0.5, s, 1e-15);
        }
    }

    @Test
    void oneSamplePerTreeScoresOneHalfLikeScikitLearn() {
        IsolationForestModel m = IsolationForest.with().trees(3).maxSamples(1).fit(gaussian(20, 2, 6));
        assertEquals(0.0, m.averagePathLength());
        for (double s : m.trainingScores()) {
            assertEquals(0.5, s, 0.0);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        double[][] x = gaussian(5000, 4, 7);
        IsolationForest d = IsolationForest.with().trees(40).seed(42);
        double[] common = d.fit(x).trainingScores();
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            double[] single = one.submit(() -> d.fit(x).trainingScores()).get();
            assertArrayEquals(common, single, 0.0);
        } finally {
            one.shutdown();
        }
        assertFalse(java.util.Arrays.equals(common, d.seed(43).fit(x).trainingScores()), "another seed, other trees");
    }

    @Test
    void wideAndNarrowRowsShareNoScoringState() {
        // rows wider than the kept thread-local buffers (256 values) get buffers per block; a narrow model
        // scored before and after must not see any of it, and a row scores the same alone as in a block
        double[][] narrow = gaussian(700, 3, 11);
        double[][] wide = gaussian(700, 300, 12);
        IsolationForestModel small = IsolationForest.with().trees(20).fit(narrow);
        IsolationForestModel big = IsolationForest.with().trees(20).fit(wide);
        double[] before = small.score(narrow);
        double[] all = big.score(wide);
        for (int i : new int[] {0, 255, 256, 699}) {
            assertEquals(all[i], big.score(new double[][] {wide[i]})[0], 0.0, "row " + i);
        }
        assertArrayEquals(before, small.score(narrow), 0.0);
        assertArrayEquals(all, big.trainingScores(), 0.0);
    }

    @Test
    void rowOrderDoesNotChangeTheScoreOfARow() {
        double[][] x = gaussian(3000, 3, 8);
        IsolationForestModel m = IsolationForest.with().fit(x);
        double[][] reversed = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = x[x.length - 1 - i];
        }
        double[] a = m.score(x);
        double[] b = m.score(reversed);
        for (int i = 0; i < x.length; i++) {
            assertEquals(a[i], b[x.length - 1 - i], 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void explainCreditsTheFeatureThatIsOutOfRange(int extensionLevel) {
        double[][] x = gaussian(2000, 5, 9);
        IsolationForestModel m = IsolationForest.with().extensionLevel(extensionLevel).fit(x);
        double[] c = m.explain(new double[] {0, 0, 6, 0, 0});
        double sum = 0;
        int best = 0;
        for (int j = 0; j < c.length; j++) {
            assertTrue(c[j] >= 0);
            sum += c[j];
            best = c[j] > c[best] ? j : best;
        }
        assertEquals(1.0, sum, 1e-12, "contributions sum to 1");
        assertEquals(2, best, "feature 2 is the planted one: " + java.util.Arrays.toString(c));
        assertTrue(c[2] > 0.3, "and it takes a clear share: " + java.util.Arrays.toString(c));
        assertThrows(IllegalArgumentException.class, () -> m.explain(new double[] {1, 2}));
    }

    @Test
    void extendedForestFindsTheOutlierAndDiffersFromTheStandardOne() {
        double[][] x = gaussian(500, 3, 10);
        x[0] = new double[] {4, 4, -4};
        IsolationForestModel ext = IsolationForest.with().extensionLevel(2).fit(x);
        IsolationForestModel std = IsolationForest.with().fit(x);
        double[] s = ext.trainingScores();
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[0] > s[i], "row " + i);
        }
        assertNotEquals(s[1], std.trainingScores()[1]);
        for (Tree t : IsolationForest.treesOf(ext)) {
            for (int v = 0; v < t.nodes(); v++) {
                if (t.left()[v] != -1) {
                    int nonZero = 0;
                    for (int j = 0; j < 3; j++) {
                        nonZero += t.normal()[v * 3 + j] != 0 ? 1 : 0;
                    }
                    assertEquals(3, nonZero, "extension level 2 in 3 dimensions: full hyperplanes");
                }
            }
        }
        IsolationForestModel level1 = IsolationForest.with().trees(5).extensionLevel(1).fit(x);
        Tree t = IsolationForest.treesOf(level1).get(0);
        int nonZero = 0;
        for (int j = 0; j < 3; j++) {
            nonZero += t.normal()[j] != 0 ? 1 : 0;
        }
        assertEquals(2, nonZero, "extension level 1: two non-zero components");
    }

    @Test
    void extendedModelSavesAndLoads(@TempDir Path dir) {
        double[][] x = gaussian(300, 3, 11);
        IsolationForestModel m = IsolationForest.with().trees(20).extensionLevel(1).contamination(0.05).seed(5).fit(x);
        Path f = dir.resolve("eif.json");
        m.save(f);
        Model back = Detectors.load(f);
        assertArrayEquals(m.score(x), back.score(x), 0.0);
        assertEquals(m.parameters(), back.parameters());
        assertEquals(m.toString(), back.toString());
    }

    @Test
    void damagedExtendedTreesAreRefused(@TempDir Path dir) throws IOException {
        Model m = IsolationForest.with().trees(3).extensionLevel(2).fit(gaussian(100, 3, 14));
        assertTrue(loadDamaged(dir, m, r -> ((ArrayNode) tree(r, 1).get("point")).remove(0))
                .contains("state.trees[1].point must have"));
        assertTrue(loadDamaged(dir, m, r -> tree(r, 0).remove("normal")).contains("state.trees[0].normal"));
    }

    @Test
    void toStringShowsOptionsSeedAndShape() {
        String s = IsolationForest.with().trees(10).seed(3).fit(gaussian(40, 2, 12)).toString();
        assertTrue(s.contains("trees=10") && s.contains("seed=3") && s.contains("40 rows") && s.contains("ψ = 40"), s);
    }

    /** Writes a model, lets {@code damage} edit its JSON, and returns the loader's error message. */
    static String loadDamaged(Path dir, Model m, Consumer<ObjectNode> damage) throws IOException {
        Path f = dir.resolve("m.json");
        m.save(f);
        ObjectNode root = (ObjectNode) JSON.readTree(f.toFile());
        damage.accept(root);
        Path g = dir.resolve("damaged.json");
        JSON.writeValue(g.toFile(), root);
        return assertThrows(IllegalArgumentException.class, () -> Detectors.load(g)).getMessage();
    }

    static ObjectNode tree(ObjectNode root, int t) {
        return (ObjectNode) root.get("state").get("trees").get(t);
    }

    @Test
    void damagedTreesAreRefusedNamingTheField(@TempDir Path dir) throws IOException {
        Model m = IsolationForest.with().trees(5).fit(gaussian(100, 3, 13));
        assertTrue(loadDamaged(dir, m, r -> ((ArrayNode) tree(r, 2).get("threshold")).remove(0))
                .contains("state.trees[2].threshold must have"));
        assertTrue(loadDamaged(dir, m, r -> ((ArrayNode) tree(r, 0).get("size")).remove(3))
                .contains("state.trees[0].size"));
        assertTrue(loadDamaged(dir, m, r -> ((ArrayNode) tree(r, 1).get("feature")).set(0, 3))
                .contains("state.trees[1]: feature[0] must be in [0, 2]"));
        assertTrue(loadDamaged(dir, m, r -> ((ArrayNode) tree(r, 1).get("left")).set(0, 0))
                .contains("state.trees[1]: children of node 0"));
        assertTrue(loadDamaged(dir, m, r -> {
            ArrayNode left = (ArrayNode) tree(r, 0).get("left");
            ArrayNode right = (ArrayNode) tree(r, 0).get("right");
            right.set(0, left.get(0).asInt()); // both children the same node
        }).contains("state.trees[0]"));
        assertTrue(loadDamaged(dir, m, r -> ((ArrayNode) tree(r, 0).get("size")).set(0, 9999))
                .contains("state.trees[0]: size[0]"));
        assertTrue(loadDamaged(dir, m, r -> ((ArrayNode) r.get("state").get("trees")).remove(4))
                .contains("state.trees must be an array of 5 objects"));
        assertTrue(loadDamaged(dir, m, r -> ((ObjectNode) r.get("state")).put("averagePathLength", 3.0))
                .contains("state.averagePathLength"));
        assertTrue(loadDamaged(dir, m, r -> ((ObjectNode) r.get("parameters")).put("trees", -2))
                .contains("parameters: trees must be an integer in [1, 100000], got -2"));
        assertTrue(loadDamaged(dir, m, r -> ((ObjectNode) r.get("parameters")).put("bootstrap", "yes"))
                .contains("bootstrap must be true or false"));
        assertTrue(loadDamaged(dir, m, r -> ((ObjectNode) r.get("state")).put("dimensions", 4))
                .contains("state.dimensions"));
    }
}
