package org.anomaly4j.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;


import org.anomaly4j.detect.IsolationTrees.Compiled;
import org.anomaly4j.detect.IsolationTrees.Tree;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;
import org.anomaly4j.progress.Progress;

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
 * memory O(trees · ψ) nodes. Fitting is parallel over trees, scoring over blocks of rows. In a JVM started with
 * {@code --add-modules=jdk.incubator.vector} (the notebook kernel and the bench are), large scorings take the top
 * four levels of each tree (six with 8 lanes, AVX-512) in SIMD lanes once a background warm-up has found that
 * faster: the walk runs 1.95× faster and gives the same scores, bit for bit ({@code IsolationVectorWalk}).
 * <p><b>References.</b> F. T. Liu, K. M. Ting, Z.-H. Zhou (2008), "Isolation Forest", Eighth IEEE
 * International Conference on Data Mining (ICDM), pp. 413–422. S. Hariri, M. Carrasco Kind, R. J. Brunner
 * (2021, online 2019), "Extended Isolation Forest", IEEE Transactions on Knowledge and Data Engineering
 * 33(4), pp. 1479–1489.
 * <pre>{@code
 * var m = IsolationForest.with().trees(100).seed(0).fit(hive, "T17", "RH17");
 * m.labels(hive).countTrue();
 * }</pre>
 */
public final class IsolationForest extends AbstractDetector<IsolationForest, IsolationForest.IsolationForestModel> {

    public static final String NAME = "isolation-forest";
    /**
     * scikit-learn's {@code contamination='auto'}: s(x) &gt; 0.5 is an anomaly (Liu et al. 2008: s near 1 means
     * anomaly, s well below 0.5 normal).
     */
    public static final double NATURAL_THRESHOLD = 0.5;
    /** ψ for {@code maxSamples = "auto"}: min(256, n) (Liu et al. 2008 found 256 generally enough; scikit-learn). */
    public static final int AUTO_MAX_SAMPLES = 256;

    public static final Param<Integer> TREES = Param.integer("trees", 100, 1, 100_000, "number of trees (n_estimators)");
    public static final Param<MaxSamples> MAX_SAMPLES = MaxSamples.PARAM;
    public static final Param<MaxFeatures> MAX_FEATURES = MaxFeatures.PARAM;
    public static final Param<Boolean> BOOTSTRAP = Param.flag("bootstrap", false, "draw each tree's rows with replacement");
    public static final Param<Integer> EXTENSION_LEVEL = Param.integer("extensionLevel", 0, 0, Integer.MAX_VALUE,
            "0 = axis-parallel cuts; k > 0 = extended IF hyperplanes with k + 1 non-zero components");
    public static final Param<Long> SEED = Param.seed("seed", 0L, "random seed (random_state)");

    public static final DetectorType<IsolationForest, IsolationForestModel> TYPE = DetectorType.of(NAME,
            "Isolation Forest (Liu, Ting & Zhou 2008), scikit-learn semantics; score 2^(-E[h]/c(psi)), natural threshold 0.5",
            IsolationForest::new, IsolationForestModel.class, new Codec(), TREES, MAX_SAMPLES, MAX_FEATURES, BOOTSTRAP,
            EXTENSION_LEVEL, SEED);

    private IsolationForest(Options options) {
        super(TYPE, options);
    }

    /** Defaults (scikit-learn's): 100 trees, maxSamples "auto", maxFeatures 1.0, no bootstrap, seed 0, cut s &gt; 0.5. */
    public static IsolationForest with() {
        return TYPE.defaults();
    }

    /** Number of trees ({@code n_estimators}), ≥ 1. */
    public IsolationForest trees(int count) {
        return set(TREES, count);
    }

    /** Rows per tree: {@link MaxSamples#auto()}, {@link MaxSamples#count}, {@link MaxSamples#fraction}. */
    public IsolationForest maxSamples(MaxSamples rows) {
        return set(MAX_SAMPLES, rows);
    }

    /** Rows per tree, ≥ 1 (clipped to the number of rows at fit, as scikit-learn does with a warning). */
    public IsolationForest maxSamples(int rows) {
        return maxSamples(MaxSamples.count(rows));
    }

    /** Rows per tree as a fraction of the training rows, in (0, 1]: ψ = floor(fraction · n). */
    public IsolationForest maxSamples(double fraction) {
        return maxSamples(MaxSamples.fraction(fraction));
    }

    /**
     * Rows per tree from text, as on the command line: {@code "auto"} (min(256, n)), an integer row count
     * ({@code "128"}) or a fraction with a decimal point ({@code "0.5"}).
     */
    public IsolationForest maxSamples(String spec) {
        return maxSamples(MAX_SAMPLES.parse(spec));
    }

    /** Features per tree: {@link MaxFeatures#count} or {@link MaxFeatures#fraction} (default 1.0). */
    public IsolationForest maxFeatures(MaxFeatures features) {
        return set(MAX_FEATURES, features);
    }

    /** Features per tree as a fraction of d, in (0, 1]: max(1, floor(fraction · d)). Default 1.0. */
    public IsolationForest maxFeatures(double fraction) {
        return maxFeatures(MaxFeatures.fraction(fraction));
    }

    /** Features per tree as a count, 1 ≤ count ≤ d (checked at fit). */
    public IsolationForest maxFeatures(int count) {
        return maxFeatures(MaxFeatures.count(count));
    }

    /** Features per tree from text: an integer count ({@code "3"}) or a fraction ({@code "0.5"}, {@code "1.0"}). */
    public IsolationForest maxFeatures(String spec) {
        return maxFeatures(MAX_FEATURES.parse(spec));
    }

    /** Draw each tree's rows with replacement (default false). */
    public IsolationForest bootstrap(boolean withReplacement) {
        return set(BOOTSTRAP, withReplacement);
    }

    /**
     * Extended Isolation Forest: 0 (default) = axis-parallel cuts; k ≥ 1 = random hyperplanes with k + 1
     * non-zero normal components (at most features per tree − 1, checked at fit).
     */
    public IsolationForest extensionLevel(int level) {
        return set(EXTENSION_LEVEL, level);
    }

    /** Seed of the random streams (default 0); same seed, same data → identical scores. */
    public IsolationForest seed(long value) {
        return set(SEED, value);
    }

    /** ψ for n training rows. */
    int effectiveMaxSamples(int n) {
        return get(MAX_SAMPLES).rows(n);
    }

    /** Features per tree for d features. */
    int featuresPerTree(int d) {
        return get(MAX_FEATURES).features(d);
    }

    @Override
    protected IsolationForestModel fitChecked(double[][] x, ModelInfo info) {
        int n = x.length;
        int d = x[0].length;
        int trees = get(TREES);
        int extensionLevel = get(EXTENSION_LEVEL);
        int psi = effectiveMaxSamples(n);
        int k = featuresPerTree(d);
        if (extensionLevel > k - 1) {
            throw new IllegalArgumentException("extensionLevel must be in [0, " + (k - 1) + "] (features per tree − 1) for "
                    + k + " features per tree, got " + extensionLevel);
        }
        SplittableRandom master = new SplittableRandom(get(SEED));
        SplittableRandom[] streams = new SplittableRandom[trees];
        for (int t = 0; t < trees; t++) {
            streams[t] = master.split();
        }
        IsolationTrees.Plan plan = new IsolationTrees.Plan(x, n, d, psi, k, get(BOOTSTRAP), extensionLevel);
        Tree[] forest = new Tree[trees];
        Progress progress = Progress.start("isolation-forest");
        java.util.concurrent.atomic.AtomicInteger grown = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, trees).parallel().forEach(t -> {
            forest[t] = IsolationTrees.grow(plan, streams[t]);
            progress.update(grown.incrementAndGet() + "/" + trees + " trees");
        });
        IsolationForestModel model = IsolationForestModel.fitted(info, psi, extensionLevel > 0, forest, x, progress);
        progress.done(trees + " trees, " + n + " rows scored");
        return model;
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
        Options o = with().trees(forest.length).maxSamples(maxSamples).threshold(rule).options();
        ModelInfo info = new ModelInfo(NAME, features, o, Provenance.now("", training.length, d));
        return IsolationForestModel.fitted(info, maxSamples, false, forest, training, Progress.start(NAME));
    }

    /** Model files: ψ, c(ψ) and every tree as parallel arrays (feature/threshold, or normal/point when extended). */
    private static final class Codec implements ModelCodec<IsolationForestModel> {
        @Override
        public void write(IsolationForestModel m, StateWriter s) {
            s.put("dimensions", m.d).put("maxSamples", m.maxSamples).put("averagePathLength", m.averagePathLength);
            s.emptyArray("trees");
            for (Tree t : m.forest) {
                StateWriter o = s.addObject("trees").put("left", t.left()).put("right", t.right());
                if (m.extended) {
                    o.put("normal", t.normal()).put("point", t.point());
                } else {
                    o.put("feature", t.feature()).put("threshold", t.threshold());
                }
                o.put("size", t.size());
            }
        }

        @Override
        public IsolationForestModel read(ModelInfo info, TrainingScores scores, StateReader f) {
            int d = info.features().size();
            long dims = f.integer("dimensions", 1, Integer.MAX_VALUE);
            if (dims != d) {
                throw f.bad("dimensions", "= " + dims + " does not match the " + d + " features");
            }
            int psi = (int) f.integer("maxSamples", 1, Integer.MAX_VALUE);
            double c = f.number("averagePathLength");
            if (Math.abs(c - IsolationTrees.averagePathLength(psi)) > 1e-12 * Math.max(1, Math.abs(c))) {
                throw f.bad("averagePathLength", "= " + c + " is not c(" + psi + ") = "
                        + IsolationTrees.averagePathLength(psi));
            }
            boolean extended = info.options().get(EXTENSION_LEVEL) > 0;
            int count = info.options().get(TREES);
            List<StateReader> trees = f.objects("trees", count);
            Tree[] forest = new Tree[count];
            for (int t = 0; t < count; t++) {
                StateReader o = trees.get(t);
                int[] left = o.ints("left", -1, -1, Integer.MAX_VALUE);
                int m = left.length;
                int[] right = o.ints("right", m, -1, Integer.MAX_VALUE);
                int[] size = o.ints("size", m, 0, Integer.MAX_VALUE);
                if ((long) m * d > Integer.MAX_VALUE) {
                    throw o.bad("has too many nodes");
                }
                Tree tree = extended
                        ? IsolationTrees.extended(left, right, o.numbers("normal", m * d), o.numbers("point", m * d), size, d)
                        : new Tree(left, right, o.ints("feature", m, -1, Integer.MAX_VALUE), null, null,
                                o.numbers("threshold", m), size);
                String problem = IsolationTrees.check(tree, d, psi, extended);
                if (problem != null) {
                    throw o.bad(problem);
                }
                forest[t] = tree;
            }
            return new IsolationForestModel(info, scores, psi, extended, forest);
        }
    }

    /**
     * A fitted isolation forest: its trees as flat arrays, ψ and c(ψ). {@link #score} is s(x), the negated
     * scikit-learn {@code score_samples}.
     */
    public static final class IsolationForestModel extends AbstractModel implements Explainable {
        private final int maxSamples;
        private final double averagePathLength;
        private final boolean extended;
        private final Tree[] forest;
        private final Compiled compiled;
        private final int d;

        private IsolationForestModel(ModelInfo info, TrainingScores scores, int maxSamples, boolean extended,
                                     Tree[] forest) {
            this(info, scores, maxSamples, extended, forest, new Compiled(forest, info.features().size(), extended));
        }

        private IsolationForestModel(ModelInfo info, TrainingScores scores, int maxSamples, boolean extended,
                                     Tree[] forest, Compiled compiled) {
            super(info, scores);
            this.maxSamples = maxSamples;
            this.averagePathLength = IsolationTrees.averagePathLength(maxSamples);
            this.extended = extended;
            this.forest = forest;
            this.d = info.features().size();
            this.compiled = compiled;
        }

        /** A freshly fitted model: scores the training rows and sets the threshold from them. */
        static IsolationForestModel fitted(ModelInfo info, int maxSamples, boolean extended, Tree[] forest,
                                           double[][] training, Progress progress) {
            Compiled compiled = new Compiled(forest, training[0].length, extended);
            double[] s = compiled.scores(training, IsolationTrees.averagePathLength(maxSamples), progress);
            return new IsolationForestModel(info, TrainingScores.fitted(info, s, NATURAL_THRESHOLD), maxSamples,
                    extended, forest, compiled);
        }

        @Override
        protected double[] scores(double[][] x) {
            Progress progress = Progress.start(NAME + " scoring " + x.length + " rows");
            double[] s = compiled.scores(x, averagePathLength, progress);
            progress.done(x.length + " rows scored");
            return s;
        }

        /** Mean path length E[h(x)] = (1/trees) Σ_t (depth of x's leaf + c(leaf size)) for each row. */
        public double[] meanPathLength(double[][] x) {
            int w = Inputs.width(x);
            if (w != d) {
                throw new IllegalArgumentException("the model was fitted on " + d + " features " + features()
                        + " but the data has " + w + " columns");
            }
            Progress progress = Progress.start(NAME + " path lengths of " + x.length + " rows");
            double[] h = compiled.pathLengthSums(x, progress);
            progress.done(x.length + " rows");
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
        @Override
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
        protected String describeState() {
            return "ψ = " + maxSamples + ", c(ψ) = " + String.format(java.util.Locale.ROOT, "%.6g", averagePathLength)
                    + ", " + nodes() + " nodes" + (extended ? ", extended" : "");
        }
    }

    /** The trees of a model, in their saved form (tests inspect depth and leaf sizes). */
    static List<Tree> treesOf(IsolationForestModel m) {
        return new ArrayList<>(List.of(m.forest));
    }
}
