package org.anomaly4j.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.detect.IsolationTrees.Compiled;
import org.anomaly4j.detect.IsolationTrees.Tree;
import org.anomaly4j.progress.Progress;
import tech.tablesaw.api.Table;

/**
 * Isolation Forest: anomalies are few and different, so random cuts isolate them in fewer steps than
 * normal points.
 * <p><b>Method.</b> Each of {@code trees} isolation trees is grown on ψ rows drawn without replacement
 * ({@code maxSamples}, default min(256, n)): at every node a feature is chosen uniformly among those not
 * constant in the node and a threshold uniformly between the node's minimum and maximum of that feature;
 * growth stops at depth ceil(log2 ψ), at single rows, or when all features are constant. The path length
 * of a row in a tree is h(x) = depth of its leaf + c(leaf size), where c(n) = 2H(n−1) − 2(n−1)/n,
 * H(i) = ln(i) + 0.5772156649 (Euler–Mascheroni), c(1) = 0, c(2) = 1, is the average path length of an
 * unsuccessful binary-search-tree search — the expected remaining depth of a leaf that was not split
 * further. The score is
 * <pre>  s(x) = 2^(−E[h(x)] / c(ψ))</pre>
 * with E the mean over trees: near 1 for anomalies, well below 0.5 for normal points.
 * <b>Raw quantity: {@code score} = s(x) = the negated scikit-learn {@code score_samples}.</b>
 * <p><b>Threshold.</b> Natural cut (the default): s(x) &gt; 0.5, scikit-learn's {@code contamination='auto'}
 * ({@code offset_ = −0.5}); {@code contamination(f)} takes the (1 − f) quantile of the training scores,
 * exactly scikit-learn's {@code offset_} for a numeric contamination.
 * <p><b>Parameters</b> (defaults = scikit-learn's {@code IsolationForest}):
 * <ul>
 *   <li>{@code trees} = 100 ({@code n_estimators});</li>
 *   <li>{@code maxSamples} = "auto" = min(256, n); an integer (clipped to n, where scikit-learn warns) or a
 *   fraction in (0, 1] of n ({@code max_samples});</li>
 *   <li>{@code maxFeatures} = 1.0: features per tree, a fraction of d (at least 1) or a count
 *   ({@code max_features});</li>
 *   <li>{@code bootstrap} = false: draw rows with replacement; as in scikit-learn, a tree then splits and
 *   counts the distinct drawn rows ({@code bootstrap});</li>
 *   <li>{@code extensionLevel} = 0: 0 is the standard axis-parallel forest; k ≥ 1 (up to features per tree
 *   − 1) cuts with random hyperplanes whose normal has k + 1 non-zero N(0, 1) components, through a point
 *   drawn uniformly in the node's bounding box (Extended Isolation Forest; PyPI {@code eif}'s
 *   {@code ExtensionLevel}; not in scikit-learn);</li>
 *   <li>{@code seed} = 0 ({@code random_state}); {@code threshold}/{@code contamination} as above.</li>
 * </ul>
 * <p><b>Exactness.</b> scikit-learn's random streams cannot be reproduced, so the same seed gives other trees;
 * given the same trees (see the golden test, which loads trees exported from scikit-learn) the scores are the
 * same to 1e-12. Two deliberate differences: scikit-learn casts data to float32 and we keep doubles; values
 * within 1e-7 count as equal when deciding that a feature is constant in a node, as in scikit-learn.
 * <p><b>Determinism.</b> Tree i uses the i-th generator split in sequence from
 * {@code new SplittableRandom(seed)}; trees are grown in parallel but each only from its own generator, and
 * rows are scored independently, so results do not depend on the number of threads.
 * <p><b>Complexity.</b> Fit O(trees · ψ · log ψ) plus one scoring pass over the training rows for
 * {@link Model#trainingScores()}; scoring O(n · trees · log ψ) (O(n · trees · d · log ψ) when extended);
 * memory O(trees · ψ) nodes. Fitting is parallel over trees, scoring over blocks of rows.
 * <p><b>References.</b> F. T. Liu, K. M. Ting, Z.-H. Zhou (2008), "Isolation Forest", Eighth IEEE
 * International Conference on Data Mining (ICDM), pp. 413–422. S. Hariri, M. Carrasco Kind, R. J. Brunner
 * (2021, online 2019), "Extended Isolation Forest", IEEE Transactions on Knowledge and Data Engineering
 * 33(4), pp. 1479–1489.
 * <pre>{@code
 * var m = IsolationForest.with().trees(100).seed(0).fit(hive, "T17", "RH17");
 * m.labels(hive).countTrue();
 * }</pre>
 */
public final class IsolationForest implements Detector {

    public static final String NAME = "isolation-forest";
    /**
     * scikit-learn's {@code contamination='auto'}: s(x) &gt; 0.5 is an anomaly (Liu et al. 2008: s near 1 means
     * anomaly, s well below 0.5 normal).
     */
    public static final double NATURAL_THRESHOLD = 0.5;
    /** ψ for {@code maxSamples = "auto"}: min(256, n) (Liu et al. 2008 found 256 generally enough; scikit-learn). */
    public static final int AUTO_MAX_SAMPLES = 256;

    private final int trees;
    /** {@code maxSamples} as given: 0 = auto, otherwise a row count. */
    private final int maxSamplesCount;
    /** {@code maxSamples} as a fraction of n; NaN unless given so. */
    private final double maxSamplesFraction;
    /** Features per tree as a count; 0 = use {@link #maxFeaturesFraction}. */
    private final int maxFeaturesCount;
    private final double maxFeaturesFraction;
    private final boolean bootstrap;
    private final int extensionLevel;
    private final long seed;
    private final ThresholdRule rule;

    private IsolationForest(int trees, int maxSamplesCount, double maxSamplesFraction, int maxFeaturesCount,
                            double maxFeaturesFraction, boolean bootstrap, int extensionLevel, long seed,
                            ThresholdRule rule) {
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be >= 1, got " + trees);
        }
        if (maxSamplesCount < 0) {
            throw new IllegalArgumentException("maxSamples must be >= 1 (a row count), got " + maxSamplesCount);
        }
        if (!Double.isNaN(maxSamplesFraction) && !(maxSamplesFraction > 0 && maxSamplesFraction <= 1)) {
            throw new IllegalArgumentException("maxSamples fraction must be in (0, 1], got " + maxSamplesFraction);
        }
        if (maxFeaturesCount < 0) {
            throw new IllegalArgumentException("maxFeatures must be >= 1 (a feature count), got " + maxFeaturesCount);
        }
        if (!(maxFeaturesFraction > 0 && maxFeaturesFraction <= 1)) {
            throw new IllegalArgumentException("maxFeatures fraction must be in (0, 1], got " + maxFeaturesFraction);
        }
        if (extensionLevel < 0) {
            throw new IllegalArgumentException("extensionLevel must be >= 0, got " + extensionLevel);
        }
        if (rule == null) {
            throw new IllegalArgumentException("threshold rule must not be null");
        }
        this.trees = trees;
        this.maxSamplesCount = maxSamplesCount;
        this.maxSamplesFraction = maxSamplesFraction;
        this.maxFeaturesCount = maxFeaturesCount;
        this.maxFeaturesFraction = maxFeaturesFraction;
        this.bootstrap = bootstrap;
        this.extensionLevel = extensionLevel;
        this.seed = seed;
        this.rule = rule;
    }

    /** Defaults (scikit-learn's): 100 trees, maxSamples "auto", maxFeatures 1.0, no bootstrap, seed 0, cut s &gt; 0.5. */
    public static IsolationForest with() {
        return new IsolationForest(100, 0, Double.NaN, 0, 1.0, false, 0, 0L, ThresholdRule.natural());
    }

    /** Number of trees ({@code n_estimators}), ≥ 1. */
    public IsolationForest trees(int count) {
        return new IsolationForest(count, maxSamplesCount, maxSamplesFraction, maxFeaturesCount,
                maxFeaturesFraction, bootstrap, extensionLevel, seed, rule);
    }

    /** Rows per tree, ≥ 1 (clipped to the number of rows at fit, as scikit-learn does with a warning). */
    public IsolationForest maxSamples(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("maxSamples must be >= 1 (a row count), got " + rows);
        }
        return new IsolationForest(trees, rows, Double.NaN, maxFeaturesCount, maxFeaturesFraction, bootstrap,
                extensionLevel, seed, rule);
    }

    /** Rows per tree as a fraction of the training rows, in (0, 1]: ψ = floor(fraction · n). */
    public IsolationForest maxSamples(double fraction) {
        return new IsolationForest(trees, 0, fraction, maxFeaturesCount, maxFeaturesFraction, bootstrap,
                extensionLevel, seed, rule);
    }

    /**
     * Rows per tree from text, as on the command line: {@code "auto"} (min(256, n)), an integer row count
     * ({@code "128"}) or a fraction with a decimal point ({@code "0.5"}).
     */
    public IsolationForest maxSamples(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.equals("auto")) {
            return new IsolationForest(trees, 0, Double.NaN, maxFeaturesCount, maxFeaturesFraction, bootstrap,
                    extensionLevel, seed, rule);
        }
        try {
            if (s.matches("[0-9]+")) {
                return maxSamples(Integer.parseInt(s));
            }
            return maxSamples(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxSamples must be \"auto\", a row count >= 1 or a fraction in (0, 1], got \""
                    + spec + "\"");
        }
    }

    /** Features per tree as a fraction of d, in (0, 1]: max(1, floor(fraction · d)). Default 1.0. */
    public IsolationForest maxFeatures(double fraction) {
        return new IsolationForest(trees, maxSamplesCount, maxSamplesFraction, 0, fraction, bootstrap,
                extensionLevel, seed, rule);
    }

    /** Features per tree as a count, 1 ≤ count ≤ d (checked at fit). */
    public IsolationForest maxFeatures(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxFeatures must be >= 1 (a feature count), got " + count);
        }
        return new IsolationForest(trees, maxSamplesCount, maxSamplesFraction, count, 1.0, bootstrap,
                extensionLevel, seed, rule);
    }

    /**
     * Features per tree from text, as on the command line: an integer count ({@code "3"}) or a fraction with a
     * decimal point ({@code "0.5"}, {@code "1.0"}).
     */
    public IsolationForest maxFeatures(String spec) {
        String s = spec == null ? "" : spec.trim();
        try {
            return s.matches("[0-9]+") ? maxFeatures(Integer.parseInt(s)) : maxFeatures(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxFeatures must be a feature count >= 1 or a fraction in (0, 1], got \""
                    + spec + "\"");
        }
    }

    /** Draw each tree's rows with replacement (default false). */
    public IsolationForest bootstrap(boolean withReplacement) {
        return new IsolationForest(trees, maxSamplesCount, maxSamplesFraction, maxFeaturesCount,
                maxFeaturesFraction, withReplacement, extensionLevel, seed, rule);
    }

    /**
     * Extended Isolation Forest: 0 (default) = axis-parallel cuts; k ≥ 1 = random hyperplanes with k + 1
     * non-zero normal components (at most features per tree − 1, checked at fit).
     */
    public IsolationForest extensionLevel(int level) {
        return new IsolationForest(trees, maxSamplesCount, maxSamplesFraction, maxFeaturesCount,
                maxFeaturesFraction, bootstrap, level, seed, rule);
    }

    /** Seed of the random streams (default 0); same seed, same data → identical scores. */
    public IsolationForest seed(long value) {
        return new IsolationForest(trees, maxSamplesCount, maxSamplesFraction, maxFeaturesCount,
                maxFeaturesFraction, bootstrap, extensionLevel, value, rule);
    }

    /** Threshold from the expected fraction of anomalies in the training data, in (0, 0.5]. */
    public IsolationForest contamination(double fraction) {
        return threshold(ThresholdRule.contamination(fraction));
    }

    /** Any threshold rule (default: the natural cut s &gt; 0.5). */
    public IsolationForest threshold(ThresholdRule thresholdRule) {
        return new IsolationForest(trees, maxSamplesCount, maxSamplesFraction, maxFeaturesCount,
                maxFeaturesFraction, bootstrap, extensionLevel, seed, thresholdRule);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** ψ for n training rows. */
    int effectiveMaxSamples(int n) {
        int psi;
        if (!Double.isNaN(maxSamplesFraction)) {
            psi = (int) (maxSamplesFraction * n);
            if (psi < 1) {
                throw new IllegalArgumentException("maxSamples fraction " + maxSamplesFraction + " of " + n
                        + " rows gives no rows per tree; use a larger fraction or a row count");
            }
        } else if (maxSamplesCount > 0) {
            psi = Math.min(maxSamplesCount, n);
        } else {
            psi = Math.min(AUTO_MAX_SAMPLES, n);
        }
        return psi;
    }

    /** Features per tree for d features. */
    int featuresPerTree(int d) {
        if (maxFeaturesCount > 0) {
            if (maxFeaturesCount > d) {
                throw new IllegalArgumentException("maxFeatures must be <= the number of features (" + d + "), got "
                        + maxFeaturesCount);
            }
            return maxFeaturesCount;
        }
        return Math.max(1, (int) (maxFeaturesFraction * d));
    }

    @Override
    public IsolationForestModel fit(double[][] x) {
        return (IsolationForestModel) Detector.super.fit(x);
    }

    @Override
    public IsolationForestModel fit(Table table, String... columns) {
        return (IsolationForestModel) Detector.super.fit(table, columns);
    }

    @Override
    public IsolationForestModel fit(double[][] x, List<String> features) {
        int d = Inputs.width(x);
        if (features.size() != d) {
            throw new IllegalArgumentException(features.size() + " feature names for " + d + " columns");
        }
        int n = x.length;
        int psi = effectiveMaxSamples(n);
        int k = featuresPerTree(d);
        if (extensionLevel > k - 1) {
            throw new IllegalArgumentException("extensionLevel must be in [0, " + (k - 1) + "] (features per tree − 1) for "
                    + k + " features per tree, got " + extensionLevel);
        }
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[trees];
        for (int t = 0; t < trees; t++) {
            streams[t] = master.split();
        }
        IsolationTrees.Plan plan = new IsolationTrees.Plan(x, n, d, psi, k, bootstrap, extensionLevel);
        Tree[] forest = new Tree[trees];
        Progress progress = Progress.start("isolation-forest");
        java.util.concurrent.atomic.AtomicInteger grown = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, trees).parallel().forEach(t -> {
            forest[t] = IsolationTrees.grow(plan, streams[t]);
            progress.update(grown.incrementAndGet() + "/" + trees + " trees");
        });
        progress.done(trees + " trees");
        return new IsolationForestModel(features, parameters(), rule, psi, extensionLevel > 0, forest, x);
    }

    /** The options as JSON-friendly values (also the model's {@link Model#parameters()}). */
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("trees", trees);
        p.put("maxSamples", !Double.isNaN(maxSamplesFraction) ? (Object) maxSamplesFraction
                : maxSamplesCount > 0 ? (Object) maxSamplesCount : "auto");
        p.put("maxFeatures", maxFeaturesCount > 0 ? (Object) maxFeaturesCount : (Object) maxFeaturesFraction);
        p.put("bootstrap", bootstrap);
        p.put("extensionLevel", extensionLevel);
        p.put("seed", seed);
        return p;
    }

    @Override
    public String toString() {
        return "IsolationForest" + parameters() + ", threshold " + rule;
    }

    /**
     * A model from given trees (for example exported from scikit-learn), scoring exactly as a fitted one.
     * Trees are checked like trees read from a model file.
     *
     * @param maxSamples ψ, whose c(ψ) normalises the path lengths
     */
    static IsolationForestModel fromTrees(List<String> features, int maxSamples, List<Tree> trees,
                                          double[][] training, ThresholdRule rule) {
        int d = Inputs.width(training);
        if (features.size() != d) {
            throw new IllegalArgumentException(features.size() + " feature names for " + d + " columns");
        }
        Tree[] forest = trees.toArray(Tree[]::new);
        for (int t = 0; t < forest.length; t++) {
            String problem = IsolationTrees.check(forest[t], d, maxSamples, false);
            if (problem != null) {
                throw new IllegalArgumentException("tree " + t + ": " + problem);
            }
        }
        Map<String, Object> p = with().trees(forest.length).maxSamples(maxSamples).threshold(rule).parameters();
        return new IsolationForestModel(features, p, rule, maxSamples, false, forest,
                training);
    }

    // ------------------------------------------------------------------ model files

    static Model read(ModelFile f) {
        IsolationForest options;
        try {
            options = fromParameters(f.parameters()).threshold(f.rule());
        } catch (IllegalArgumentException e) {
            throw f.bad("parameters: " + e.getMessage());
        }
        int d = f.features().size();
        long dims = f.integer("dimensions", 1, Integer.MAX_VALUE);
        if (dims != d) {
            throw f.bad("state.dimensions = " + dims + " does not match the " + d + " features");
        }
        int psi = (int) f.integer("maxSamples", 1, Integer.MAX_VALUE);
        double c = f.number("averagePathLength");
        if (Math.abs(c - IsolationTrees.averagePathLength(psi)) > 1e-12 * Math.max(1, Math.abs(c))) {
            throw f.bad("state.averagePathLength = " + c + " is not c(" + psi + ") = "
                    + IsolationTrees.averagePathLength(psi));
        }
        boolean extended = options.extensionLevel > 0;
        JsonNode arr = f.state().get("trees");
        if (arr == null || !arr.isArray() || arr.size() != options.trees) {
            throw f.bad("state.trees must be an array of " + options.trees + " trees (parameters.trees)");
        }
        Tree[] forest = new Tree[options.trees];
        for (int t = 0; t < forest.length; t++) {
            String path = "state.trees[" + t + "]";
            JsonNode node = arr.get(t);
            if (node == null || !node.isObject()) {
                throw f.bad(path + " must be an object");
            }
            ObjectNode o = (ObjectNode) node;
            int[] left = ints(f, o, path, "left", -1, -1);
            int m = left.length;
            int[] right = ints(f, o, path, "right", -1, m);
            Tree tree = extended
                    ? IsolationTrees.extended(left, right, f.numbers(o, path + ".normal", o.get("normal"), m * d),
                            f.numbers(o, path + ".point", o.get("point"), m * d), ints(f, o, path, "size", 0, m), d)
                    : new Tree(left, right, ints(f, o, path, "feature", -1, m), null, null,
                            f.numbers(o, path + ".threshold", o.get("threshold"), m), ints(f, o, path, "size", 0, m));
            String problem = IsolationTrees.check(tree, d, psi, extended);
            if (problem != null) {
                throw f.bad(path + ": " + problem);
            }
            forest[t] = tree;
        }
        return new IsolationForestModel(f.features(), options.parameters(), f.rule(), psi, extended, forest,
                f.trainingScores(), f.threshold());
    }

    /** The options recorded in a model file's parameters. */
    private static IsolationForest fromParameters(ObjectNode p) {
        IsolationForest o = with().trees(intParameter(p, "trees"))
                .bootstrap(booleanParameter(p, "bootstrap"))
                .extensionLevel(intParameter(p, "extensionLevel"));
        JsonNode seed = p.get("seed");
        if (seed == null || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new IllegalArgumentException("seed must be an integer");
        }
        o = o.seed(seed.asLong());
        JsonNode ms = p.get("maxSamples");
        if (ms != null && ms.isTextual()) {
            o = o.maxSamples(ms.asText());
        } else if (ms != null && ms.isIntegralNumber()) {
            o = o.maxSamples(intParameter(p, "maxSamples"));
        } else if (ms != null && ms.isNumber()) {
            o = o.maxSamples(ms.asDouble());
        } else {
            throw new IllegalArgumentException("maxSamples must be \"auto\", a row count or a fraction");
        }
        JsonNode mf = p.get("maxFeatures");
        if (mf != null && mf.isIntegralNumber()) {
            o = o.maxFeatures(intParameter(p, "maxFeatures"));
        } else if (mf != null && mf.isNumber()) {
            o = o.maxFeatures(mf.asDouble());
        } else {
            throw new IllegalArgumentException("maxFeatures must be a feature count or a fraction");
        }
        return o;
    }

    private static int intParameter(ObjectNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return n.asInt();
    }

    private static boolean booleanParameter(ObjectNode p, String field) {
        JsonNode n = p.get(field);
        if (n == null || !n.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return n.asBoolean();
    }

    /** An integer array field of a tree; {@code length} −1 = any non-empty length; values ≥ {@code min}. */
    private static int[] ints(ModelFile f, ObjectNode o, String path, String field, int min, int length) {
        JsonNode n = o.get(field);
        String where = path + "." + field;
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw f.bad(where + " must be a non-empty array of integers");
        }
        if (length >= 0 && n.size() != length) {
            throw f.bad(where + " must have " + length + " values (one per node), has " + n.size());
        }
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = n.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
                throw f.bad(where + "[" + i + "] must be an integer >= " + min);
            }
            out[i] = v.asInt();
        }
        return out;
    }

    /**
     * A fitted isolation forest: its trees as flat arrays, ψ and c(ψ). {@link #score} is s(x), the negated
     * scikit-learn {@code score_samples}.
     */
    public static final class IsolationForestModel extends AbstractModel {
        private final int maxSamples;
        private final double averagePathLength;
        private final boolean extended;
        private final Tree[] forest;
        private final Compiled compiled;
        private final int d;

        /** A freshly fitted model: scores the training rows and sets the threshold from them. */
        IsolationForestModel(List<String> features, Map<String, Object> params, ThresholdRule rule, int maxSamples,
                             boolean extended, Tree[] forest, double[][] training) {
            this(features, params, rule, maxSamples, extended, forest);
            initThreshold(compiled.scores(training, averagePathLength), NATURAL_THRESHOLD);
        }

        /** A model read from a file, with its stored training scores and threshold. */
        IsolationForestModel(List<String> features, Map<String, Object> params, ThresholdRule rule, int maxSamples,
                             boolean extended, Tree[] forest, double[] trainingScores, double threshold) {
            this(features, params, rule, maxSamples, extended, forest);
            restoreThreshold(trainingScores, threshold);
        }

        private IsolationForestModel(List<String> features, Map<String, Object> params, ThresholdRule rule,
                                     int maxSamples, boolean extended, Tree[] forest) {
            super(NAME, features, params, rule);
            this.maxSamples = maxSamples;
            this.averagePathLength = IsolationTrees.averagePathLength(maxSamples);
            this.extended = extended;
            this.forest = forest;
            this.d = features.size();
            this.compiled = new Compiled(forest, d, extended);
        }

        @Override
        protected double[] scores(double[][] x) {
            return compiled.scores(x, averagePathLength);
        }

        /** Mean path length E[h(x)] = (1/trees) Σ_t (depth of x's leaf + c(leaf size)) for each row. */
        public double[] meanPathLength(double[][] x) {
            int w = Inputs.width(x);
            if (w != d) {
                throw new IllegalArgumentException("the model was fitted on " + d + " features " + features()
                        + " but the data has " + w + " columns");
            }
            double[] h = compiled.pathLengthSums(x);
            for (int i = 0; i < h.length; i++) {
                h[i] /= forest.length;
            }
            return h;
        }

        /**
         * Per-feature contributions to isolating one row, non-negative and summing to 1 (all zero when no
         * tree splits, e.g. ψ = 1).
         * <p>Scheme: walk the row's path in every tree; a split that sends the row from a node of n training
         * rows into a child of n' rows did ln(n / max(n', 1)) of the isolation work, credited to the split's
         * feature (for extended trees, shared among the features in proportion to |n_j (x_j − p_j)|, their
         * parts of the row's signed distance (x − p)·n from the cutting hyperplane). Along a
         * path these credits add up to ln(root size / leaf size), so a feature earns credit by cutting the
         * row away from many training rows at once: for a point far out in one feature, the cuts on that
         * feature leave it nearly alone and that feature gets the largest share. Credits are summed over
         * trees and divided by their total. (In the spirit of depth-based isolation importance, Carletti,
         * Terzi &amp; Susto 2023, "Interpretable Anomaly Detection with DIFFI", Engineering Applications of AI.)
         */
        public double[] explain(double[] row) {
            if (row == null || row.length != d) {
                throw new IllegalArgumentException("row has " + (row == null ? 0 : row.length) + " values, the model "
                        + d + " features " + features());
            }
            Inputs.width(new double[][] {row});
            double[] credit = new double[d];
            for (Tree t : forest) {
                int v = 0;
                while (t.left()[v] != -1) {
                    int next;
                    if (extended) {
                        double dot = IsolationTrees.dot(row, 0, t.normal(), v * d, d);
                        next = dot > t.threshold()[v] ? t.right()[v] : t.left()[v];
                    } else {
                        next = row[t.feature()[v]] > t.threshold()[v] ? t.right()[v] : t.left()[v];
                    }
                    double work = Math.log((double) t.size()[v] / Math.max(1, t.size()[next]));
                    if (extended) {
                        // share of each feature in the row's signed distance (x − p)·n from the hyperplane
                        double norm = 0;
                        for (int j = 0; j < d; j++) {
                            norm += Math.abs(t.normal()[v * d + j] * (row[j] - t.point()[v * d + j]));
                        }
                        for (int j = 0; j < d && norm > 0; j++) {
                            credit[j] += work * Math.abs(t.normal()[v * d + j] * (row[j] - t.point()[v * d + j])) / norm;
                        }
                    } else {
                        credit[t.feature()[v]] += work;
                    }
                    v = next;
                }
            }
            double total = 0;
            for (double c : credit) {
                total += c;
            }
            for (int j = 0; j < d && total > 0; j++) {
                credit[j] /= total;
            }
            return credit;
        }

        /** ψ: rows each tree was grown from (after "auto", fractions and clipping to n). */
        public int maxSamples() {
            return maxSamples;
        }

        /** c(ψ), the normaliser of the mean path length. */
        public double averagePathLength() {
            return averagePathLength;
        }

        /** Number of trees. */
        public int trees() {
            return forest.length;
        }

        /** Total number of nodes over all trees. */
        public int nodes() {
            int s = 0;
            for (Tree t : forest) {
                s += t.nodes();
            }
            return s;
        }

        @Override
        public ObjectNode state() {
            JsonNodeFactory json = JsonNodeFactory.instance;
            ObjectNode s = json.objectNode();
            s.put("dimensions", d);
            s.put("maxSamples", maxSamples);
            s.put("averagePathLength", averagePathLength);
            ArrayNode trees = s.putArray("trees");
            for (Tree t : forest) {
                ObjectNode o = trees.addObject();
                putInts(o.putArray("left"), t.left());
                putInts(o.putArray("right"), t.right());
                if (extended) {
                    putDoubles(o.putArray("normal"), t.normal());
                    putDoubles(o.putArray("point"), t.point());
                } else {
                    putInts(o.putArray("feature"), t.feature());
                    putDoubles(o.putArray("threshold"), t.threshold());
                }
                putInts(o.putArray("size"), t.size());
            }
            return s;
        }

        private static void putInts(ArrayNode a, int[] v) {
            for (int x : v) {
                a.add(x);
            }
        }

        private static void putDoubles(ArrayNode a, double[] v) {
            for (double x : v) {
                a.add(x);
            }
        }

        @Override
        public String toString() {
            return super.toString() + ", ψ = " + maxSamples + ", c(ψ) = " + averagePathLength + ", " + nodes()
                    + " nodes" + (extended ? ", extended" : "");
        }
    }

    /** The trees of a model, in their saved form (tests inspect depth and leaf sizes). */
    static List<Tree> treesOf(IsolationForestModel m) {
        return new ArrayList<>(List.of(m.forest));
    }
}
