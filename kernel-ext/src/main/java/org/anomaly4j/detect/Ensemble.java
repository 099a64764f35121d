package org.anomaly4j.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * An ensemble of detectors: every member is fitted on the same rows, its scores are put on one scale
 * ({@link ScoreNormalization}, fitted on its training scores) and combined row by row.
 * <p><b>Combinations</b> (Aggarwal &amp; Sathe 2015, "Theoretical foundations and algorithms for outlier
 * ensembles", SIGKDD Explorations 17(1); PyOD's {@code pyod.models.combination}):
 * <ul>
 *   <li>{@code average}: the mean of the normalised member scores (variance reduction);</li>
 *   <li>{@code maximum}: their maximum (catches what any member sees, at the cost of variance);</li>
 *   <li>{@code aom}, average of maximum: members dealt in turn into {@code buckets} groups, the maximum within each
 *   group, then the mean over groups;</li>
 *   <li>{@code moa}, maximum of average: the mean within each group, then the maximum over groups;</li>
 *   <li>{@code trimmed}: the mean after dropping each row's lowest and highest member score (with three or four
 *   members, the median; with one or two, the mean) — one member that fails badly on a data set, in either
 *   direction, cannot move a row's score by itself;</li>
 *   <li>{@code select}, selective ensemble (Rayana &amp; Akoglu 2016, "Less is more: building selective anomaly
 *   ensembles", ACM TKDD 10(4), article 42; their vertical selection): the pseudo ground truth t is the mean of
 *   the normalised training scores; members are ranked by the Pearson correlation of their normalised training
 *   scores with t; starting from the most correlated, each next member is kept only if it raises the correlation
 *   of the kept members' mean with t; the score is the mean of the kept members (the paper weights the
 *   correlation towards t's top rows and may use other targets; here it is the plain correlation);</li>
 *   <li>{@code lscp}, locally selective combination (Zhao, Nasrullah, Hryniewicki &amp; Li 2019, SDM): each row
 *   takes the score of the member most correlated with t among its 30 nearest training rows
 *   ({@link LocalSelection}); the model keeps the training rows.</li>
 * </ul>
 * <p><b>Feature bagging</b> (Lazarevic &amp; Kumar 2005, "Feature bagging for outlier detection", KDD): with
 * {@code featureBagging = true} each member sees a random subset of between ⌈d/2⌉ and d − 1 features (all when
 * d = 1), drawn from {@code new SplittableRandom(seed)} in member order.
 * <p><b>Members</b> are written as on the command line, separated by ';', each a registry name with optional
 * settings after ':' — {@code "isolation-forest:trees=200;knn:k=10,method=mean;ecod"}. Raw quantity: the combined
 * normalised score; no natural threshold (the threshold rule's default is contamination 0.1).
 * <p>Cost: the sum of the members' costs; model files nest each member's model.
 */
public final class Ensemble extends AbstractDetector<Ensemble, Ensemble.EnsembleModel> {

    public static final String NAME = "ensemble";

    /** How normalised member scores are combined. */
    public enum Combination {
        AVERAGE, MAXIMUM, AOM, MOA, TRIMMED, SELECT, LSCP;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Combination parse(String text) {
            for (Combination c : values()) {
                if (c.toString().equals(text.trim())) {
                    return c;
                }
            }
            return null;
        }
    }

    public static final Param<String> MEMBERS = Param.of("members", "detector list", "isolation-forest;zscore",
            "detector specs separated by ';' (name or name:key=value,key=value)", "the member detectors",
            t -> {
                parseMembers(t);
                return t.trim();
            },
            v -> v instanceof String s ? s : null, v -> v);
    public static final Param<ScoreNormalization> NORMALIZATION = ScoreNormalization.PARAM;
    public static final Param<Combination> COMBINATION = Param.of("combination",
            "average|maximum|aom|moa|trimmed|select|lscp", Combination.AVERAGE,
            "\"average\", \"maximum\", \"aom\", \"moa\", \"trimmed\", \"select\" or \"lscp\"", "how normalised scores are combined",
            Combination::parse, v -> v instanceof String s ? Combination.parse(s) : null, Combination::toString);
    public static final Param<Integer> BUCKETS = Param.integer("buckets", 2, 1, 1000, "groups for aom and moa");
    public static final Param<Boolean> FEATURE_BAGGING = Param.flag("featureBagging", false,
            "each member sees a random subset of d/2 .. d-1 features");
    public static final Param<Long> SEED = Param.seed("seed", 0L, "seed of the feature subsets");

    public static final DetectorType<Ensemble, EnsembleModel> TYPE = DetectorType.of(NAME,
            "normalised and combined scores of several detectors (average, maximum, AOM, MOA, trimmed, SELECT, LSCP; feature bagging)",
            Ensemble::new, EnsembleModel.class, new Codec(), MEMBERS, NORMALIZATION, COMBINATION, BUCKETS,
            FEATURE_BAGGING, SEED);

    private Ensemble(Options options) {
        super(TYPE, options);
        List<Detector<?>> m = parseMembers(options.get(MEMBERS));
        if (options.get(COMBINATION) == Combination.AOM || options.get(COMBINATION) == Combination.MOA) {
            if (options.get(BUCKETS) > m.size()) {
                throw new IllegalArgumentException("buckets must be <= the number of members (" + m.size() + "), got "
                        + options.get(BUCKETS));
            }
        }
    }

    /** Defaults: isolation-forest and z-score, rank-normalised and averaged. */
    public static Ensemble with() {
        return TYPE.defaults();
    }

    /** The members of {@link #auto()}. */
    public static final String AUTO_MEMBERS = "isolation-forest;elliptic-envelope;pca;ecod";

    /**
     * The automatic detector: no labels, no tuning. Four members that published cross-data-set studies rank
     * high on real tables (Isolation Forest, the robust-covariance elliptic envelope, PCA's minor components,
     * ECOD; ADBench, Han et al. 2022, NeurIPS Datasets and Benchmarks) and that are all insensitive to the
     * units of the features (isolation and ECOD to any monotone change of a feature, the envelope to any affine
     * change, PCA standardises first) — raw tables mix units, which distance-based members (k-NN, LOF, OCSVM)
     * feel. Three families see different anomalies: isolation (few and different), covariance (rows that break
     * the correlation structure; MCD robust, PCA classical, which fail in different ways) and marginal tails
     * (extreme in one feature, parameter-free). LOF, the local-density member before, was dropped: it ranks
     * among the weakest on real tables in the same studies.
     * <p>Each member's scores are standardised on its training scores and combined by SELECT
     * ({@link Combination#SELECT}, Rayana &amp; Akoglu 2016): members are kept only while they raise the agreement of
     * the ensemble with its own consensus, so a member that fails on a data set is left out there, without labels.
     * <p>Chosen by this reasoning and by generated data of eight anomaly types at two feature scalings
     * ({@code bench.AutoEvidence}: mean ROC-AUC 0.934, best single detector Isolation Forest 0.911), written down
     * before it was run on the ten ADBench tables (kernel-ext/src/test/resources/auto-evidence/README.md). There
     * it scores a mean ROC-AUC of 0.834: not above scikit-learn's elliptic envelope (0.866) or Isolation Forest
     * (0.8345) on those tables.
     */
    public static Ensemble auto() {
        return with().members(AUTO_MEMBERS).normalization(ScoreNormalization.STANDARD).combination(Combination.SELECT);
    }

    /** An ensemble of these detectors (their options are kept). */
    public static Ensemble of(Detector<?>... members) {
        if (members == null || members.length == 0) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        List<String> specs = new ArrayList<>();
        for (Detector<?> d : members) {
            if (d == null) {
                throw new IllegalArgumentException("a member is null");
            }
            StringBuilder b = new StringBuilder(d.name());
            List<String> kv = new ArrayList<>();
            Options defaults = Detectors.type(d.name()).defaultOptions();
            for (Param<?> p : d.options().params()) {
                String v = shown(p, d.options());
                if (!v.equals(shown(p, defaults))) {
                    kv.add(p.name() + "=" + v);
                }
            }
            if (!kv.isEmpty()) {
                b.append(':').append(String.join(",", kv));
            }
            specs.add(b.toString());
        }
        return with().members(String.join(";", specs));
    }

    private static <T> String shown(Param<T> p, Options o) {
        return p.show(o.get(p));
    }

    /** The members as text: {@code "isolation-forest:trees=200;knn;ecod"}. */
    public Ensemble members(String specs) {
        return set(MEMBERS, specs);
    }

    public Ensemble normalization(ScoreNormalization n) {
        return set(NORMALIZATION, n);
    }

    public Ensemble combination(Combination c) {
        return set(COMBINATION, c);
    }

    public Ensemble buckets(int b) {
        return set(BUCKETS, b);
    }

    public Ensemble featureBagging(boolean on) {
        return set(FEATURE_BAGGING, on);
    }

    public Ensemble seed(long s) {
        return set(SEED, s);
    }

    /** The member detectors, configured. */
    public List<Detector<?>> memberDetectors() {
        return parseMembers(get(MEMBERS));
    }

    static List<Detector<?>> parseMembers(String specs) {
        List<Detector<?>> out = new ArrayList<>();
        for (String spec : specs.split(";")) {
            String s = spec.trim();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            String name = colon < 0 ? s : s.substring(0, colon).trim();
            if (name.equals(NAME)) {
                throw new IllegalArgumentException("an ensemble cannot contain an ensemble");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            if (colon >= 0) {
                for (String kv : s.substring(colon + 1).split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("member \"" + s + "\": settings are key=value, got \"" + kv + "\"");
                    }
                    settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
            }
            out.add(Detectors.create(name, settings));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        return out;
    }

    @Override
    protected EnsembleModel fitChecked(double[][] x, ModelInfo info) {
        List<Detector<?>> detectors = memberDetectors();
        int d = x[0].length;
        SplittableRandom r = new SplittableRandom(get(SEED));
        List<Model> models = new ArrayList<>();
        List<int[]> subsets = new ArrayList<>();
        for (Detector<?> det : detectors) {
            int[] cols = get(FEATURE_BAGGING) ? bag(d, r) : all(d);
            List<String> names = new ArrayList<>();
            for (int c : cols) {
                names.add(info.features().get(c));
            }
            models.add(det.fit(select(x, cols), names));
            subsets.add(cols);
        }
        double[][] training = get(COMBINATION) == Combination.LSCP ? copy(x) : null;
        Combiner combiner = new Combiner(get(NORMALIZATION), get(COMBINATION), get(BUCKETS), models, subsets, training);
        return new EnsembleModel(info, TrainingScores.fitted(info, combiner.combine(x), Double.NaN), combiner);
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    private static int[] all(int d) {
        int[] c = new int[d];
        for (int j = 0; j < d; j++) {
            c[j] = j;
        }
        return c;
    }

    /** Lazarevic &amp; Kumar: a subset of size uniform in [⌈d/2⌉, d − 1], sorted. */
    private static int[] bag(int d, SplittableRandom r) {
        if (d == 1) {
            return new int[] {0};
        }
        int lo = (d + 1) / 2;
        int size = lo + r.nextInt(d - lo);
        int[] perm = all(d);
        for (int i = 0; i < size; i++) {
            int j = i + r.nextInt(d - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] c = java.util.Arrays.copyOf(perm, size);
        java.util.Arrays.sort(c);
        return c;
    }

    static double[][] select(double[][] x, int[] cols) {
        if (cols.length == x[0].length) {
            return x;
        }
        double[][] out = new double[x.length][cols.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < cols.length; k++) {
                out[i][k] = x[i][cols[k]];
            }
        }
        return out;
    }

    /**
     * The fitted members with their feature subsets and normalisations, and the combination rule (with SELECT's
     * kept members and LSCP's training rows).
     */
    static final class Combiner {
        final ScoreNormalization normalization;
        final Combination combination;
        final int buckets;
        final List<Model> models;
        final List<int[]> subsets;
        final List<ScoreNormalization.Fitted> scales = new ArrayList<>();
        /** SELECT's kept members (all for the other rules). */
        final boolean[] kept;
        /** LSCP's state, null for the other rules. */
        final LocalSelection local;

        /** {@code training}: the training rows, needed (and kept) by LSCP only; null otherwise. */
        Combiner(ScoreNormalization normalization, Combination combination, int buckets, List<Model> models,
                 List<int[]> subsets, double[][] training) {
            this.normalization = normalization;
            this.combination = combination;
            this.buckets = buckets;
            this.models = List.copyOf(models);
            this.subsets = List.copyOf(subsets);
            double[][] zTrain = new double[models.size()][];
            for (int m = 0; m < zTrain.length; m++) {
                double[] t = models.get(m).trainingScores();
                scales.add(ScoreNormalization.Fitted.of(normalization, t));
                zTrain[m] = scales.get(m).apply(t);
            }
            kept = combination == Combination.SELECT ? selective(zTrain) : all(models.size());
            local = combination == Combination.LSCP ? new LocalSelection(training, zTrain) : null;
        }

        private static boolean[] all(int k) {
            boolean[] b = new boolean[k];
            java.util.Arrays.fill(b, true);
            return b;
        }

        /**
         * SELECT's vertical selection on the members' normalised training scores {@code z[member][row]}: members in
         * order of correlation with the pseudo ground truth (their mean), each kept if it raises the correlation
         * of the kept members' mean with it. A member constant on the training rows has no correlation and is
         * not kept unless all are constant.
         */
        static boolean[] selective(double[][] z) {
            int k = z.length;
            double[] target = LocalSelection.mean(z);
            double[] corr = new double[k];
            Integer[] order = new Integer[k];
            for (int m = 0; m < k; m++) {
                double c = LocalSelection.correlation(z[m], target, null);
                corr[m] = Double.isNaN(c) ? Double.NEGATIVE_INFINITY : c;
                order[m] = m;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(corr[b], corr[a]));
            boolean[] kept = new boolean[k];
            kept[order[0]] = true;
            double[] sum = z[order[0]].clone();
            int count = 1;
            double best = corr[order[0]];
            for (int o = 1; o < k; o++) {
                double[] zm = z[order[o]];
                double[] trial = new double[sum.length];
                for (int i = 0; i < trial.length; i++) {
                    trial[i] = (sum[i] + zm[i]) / (count + 1);
                }
                double c = LocalSelection.correlation(trial, target, null);
                if (c > best) {
                    best = c;
                    kept[order[o]] = true;
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += zm[i];
                    }
                    count++;
                }
            }
            return kept;
        }

        double[] combine(double[][] x) {
            int k = models.size();
            double[][] z = new double[k][];
            for (int m = 0; m < k; m++) {
                z[m] = scales.get(m).apply(models.get(m).score(select(x, subsets.get(m))));
            }
            if (local != null) {
                return local.combine(x, z);
            }
            int n = x.length;
            double[] out = new double[n];
            double[] row = new double[k];
            if (combination == Combination.SELECT) {
                int kk = 0;
                for (boolean b : kept) {
                    kk += b ? 1 : 0;
                }
                for (int m = 0; m < k; m++) {
                    if (kept[m]) {
                        for (int i = 0; i < n; i++) {
                            out[i] += z[m][i] / kk;
                        }
                    }
                }
                return out;
            }
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < k; m++) {
                    row[m] = z[m][i];
                }
                out[i] = combineRow(combination, buckets, row);
            }
            return out;
        }

        /** One row's combined score from its members' normalised scores (members dealt into buckets in turn). */
        static double combineRow(Combination combination, int buckets, double[] z) {
            return switch (combination) {
                case AVERAGE -> mean(z, 0, 1);
                case MAXIMUM -> max(z, 0, 1);
                case AOM -> {
                    double s = 0;
                    for (int b = 0; b < buckets; b++) {
                        s += max(z, b, buckets);
                    }
                    yield s / buckets;
                }
                case MOA -> {
                    double s = Double.NEGATIVE_INFINITY;
                    for (int b = 0; b < buckets; b++) {
                        s = Math.max(s, mean(z, b, buckets));
                    }
                    yield s;
                }
                case TRIMMED -> trimmedMean(z);
                case SELECT, LSCP -> throw new IllegalStateException(combination + " is not a row-wise rule");
            };
        }

        /** Mean without the lowest and the highest value (one of each, even if tied); the plain mean below 3 values. */
        static double trimmedMean(double[] z) {
            if (z.length < 3) {
                return mean(z, 0, 1);
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double s = 0;
            for (double v : z) {
                s += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return (s - lo - hi) / (z.length - 2);
        }

        /** Mean of members first, first + step, …. */
        private static double mean(double[] z, int first, int step) {
            double s = 0;
            int c = 0;
            for (int m = first; m < z.length; m += step) {
                s += z[m];
                c++;
            }
            return s / c;
        }

        private static double max(double[] z, int first, int step) {
            double s = Double.NEGATIVE_INFINITY;
            for (int m = first; m < z.length; m += step) {
                s = Math.max(s, z[m]);
            }
            return s;
        }
    }
    /** Model files: each member's model nested (as in a model file) with its feature subset. */
    private static final class Codec implements ModelCodec<EnsembleModel> {
        @Override
        public void write(EnsembleModel m, StateWriter out) {
            out.emptyArray("members");
            if (m.combiner.local != null) {
                out.put("training", m.combiner.local.training());
            }
            for (int i = 0; i < m.combiner.models.size(); i++) {
                StateWriter o = out.addObject("members");
                o.put("columns", m.combiner.subsets.get(i));
                ModelFiles.write(m.combiner.models.get(i), o.object("model"));
            }
        }

        @Override
        public EnsembleModel read(ModelInfo info, TrainingScores scores, StateReader in) {
            Options o = info.options();
            List<Detector<?>> detectors = parseMembers(o.get(MEMBERS));
            List<StateReader> members = in.objects("members", detectors.size());
            int d = info.features().size();
            List<Model> models = new ArrayList<>();
            List<int[]> subsets = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                int[] cols = members.get(i).ints("columns", -1, 0, d - 1);
                Model m = ModelFiles.read(members.get(i).object("model"), ModelFiles.FORMAT_VERSION, in.source());
                if (!m.name().equals(detectors.get(i).name()) || m.features().size() != cols.length) {
                    throw members.get(i).bad("does not match member " + i + " (" + detectors.get(i).name() + ")");
                }
                models.add(m);
                subsets.add(cols);
            }
            double[][] training = null;
            if (o.get(COMBINATION) == Combination.LSCP) {
                training = in.matrix("training", models.get(0).trainingScores().length, d);
            }
            return new EnsembleModel(info, scores, new Combiner(o.get(NORMALIZATION), o.get(COMBINATION),
                    o.get(BUCKETS), models, subsets, training));
        }
    }

    /** A fitted ensemble: its fitted members, their feature subsets and scales. */
    public static final class EnsembleModel extends AbstractModel {
        private final Combiner combiner;

        private EnsembleModel(ModelInfo info, TrainingScores scores, Combiner combiner) {
            super(info, scores);
            this.combiner = combiner;
        }

        @Override
        protected double[] scores(double[][] x) {
            return combiner.combine(x);
        }

        /** The fitted members. */
        public List<Model> members() {
            return combiner.models;
        }

        /** The normalised score of every member for every row: {@code [member][row]}. */
        public double[][] memberScores(double[][] x) {
            score(x);
            double[][] out = new double[combiner.models.size()][];
            for (int m = 0; m < out.length; m++) {
                out[m] = combiner.scales.get(m).apply(combiner.models.get(m).score(select(x, combiner.subsets.get(m))));
            }
            return out;
        }

        @Override
        protected String describeState() {
            List<String> names = new ArrayList<>();
            combiner.models.forEach(m -> names.add(m.name()));
            return combiner.normalization + "-normalised " + combiner.combination + " of " + names;
        }
    }
}
