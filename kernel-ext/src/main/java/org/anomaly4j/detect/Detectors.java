package org.anomaly4j.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The closed list of detector types: each registry name maps to the code that rebuilds its model from a
 * checked model file. Loading never instantiates anything that is not on this list.
 */
public final class Detectors {

    private static final Map<String, Function<ModelFile, Model>> READERS = new LinkedHashMap<>();

    static {
        READERS.put(ZScore.NAME, ZScore::read);
        READERS.put(ModifiedZScore.NAME, ModifiedZScore::read);
        READERS.put(IqrFences.NAME, IqrFences::read);
        READERS.put(Grubbs.NAME, Grubbs::read);
        READERS.put(GeneralizedEsd.NAME, GeneralizedEsd::read);
        READERS.put(IsolationForest.NAME, IsolationForest::read);
        READERS.put(OneClassSvm.NAME, OneClassSvm::read);
    }

    private Detectors() {
    }

    /** Registry names of all detectors. */
    public static Set<String> names() {
        return READERS.keySet();
    }

    /** One option a detector takes from text (command line {@code --set key=value}). */
    public record Setting(String key, String description, BiFunction<Detector, String, Detector> apply) {
    }

    /** What the command line knows of a detector: defaults, summary and its settings. */
    public record Spec(String name, String summary, Supplier<Detector> defaults, List<Setting> settings) {
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        spec(ZScore.NAME, "z-score, max over columns of |x - mean| / std; natural threshold 3", ZScore::with,
                new Setting("ddof", "delta degrees of freedom of the std (0)", (d, v) -> ((ZScore) d).ddof(integer("ddof", v))));
        spec(ModifiedZScore.NAME, "modified z-score 0.6745 (x - median) / MAD; natural threshold 3.5",
                ModifiedZScore::with);
        spec(IqrFences.NAME, "distance outside Tukey's fences Q1 - k IQR, Q3 + k IQR, in IQRs", IqrFences::with,
                new Setting("k", "fence width in IQRs (1.5)", (d, v) -> ((IqrFences) d).k(number("k", v))),
                new Setting("clipInside", "score 0 inside the fences (false)",
                        (d, v) -> ((IqrFences) d).clipInside(bool("clipInside", v))));
        spec(Grubbs.NAME, "iterated two-sided Grubbs test", Grubbs::with,
                new Setting("alpha", "significance level (0.05)", (d, v) -> ((Grubbs) d).alpha(number("alpha", v))));
        spec(GeneralizedEsd.NAME, "Rosner's generalized ESD test", GeneralizedEsd::with,
                new Setting("alpha", "significance level (0.05)", (d, v) -> ((GeneralizedEsd) d).alpha(number("alpha", v))),
                new Setting("maxFraction", "largest fraction of outliers tested (0.1)",
                        (d, v) -> ((GeneralizedEsd) d).maxFraction(number("maxFraction", v))),
                new Setting("maxOutliers", "largest number of outliers tested (0: use maxFraction)",
                        (d, v) -> ((GeneralizedEsd) d).maxOutliers(integer("maxOutliers", v))));
        spec(IsolationForest.NAME, "Isolation Forest (Liu, Ting & Zhou 2008), scikit-learn semantics; "
                + "score 2^(-E[h]/c(psi)), natural threshold 0.5", IsolationForest::with,
                new Setting("trees", "number of trees (100)", (d, v) -> ((IsolationForest) d).trees(integer("trees", v))),
                new Setting("maxSamples", "rows per tree: auto = min(256, n), a count or a fraction (auto)",
                        (d, v) -> ((IsolationForest) d).maxSamples(v)),
                new Setting("maxFeatures", "features per tree: a count or a fraction (1.0)",
                        (d, v) -> ((IsolationForest) d).maxFeatures(v)),
                new Setting("bootstrap", "draw rows with replacement (false)",
                        (d, v) -> ((IsolationForest) d).bootstrap(bool("bootstrap", v))),
                new Setting("extensionLevel", "0 = standard; > 0 = extended IF hyperplanes (0)",
                        (d, v) -> ((IsolationForest) d).extensionLevel(integer("extensionLevel", v))),
                new Setting("seed", "random seed (0)", (d, v) -> ((IsolationForest) d).seed(longValue("seed", v))));
        spec(OneClassSvm.NAME, "One-class SVM (Schoelkopf et al. 2001), libsvm's SMO as scikit-learn uses it, RBF kernel; "
                + "score = -decision_function, natural threshold 0", OneClassSvm::with,
                new Setting("nu", "upper bound on the fraction of outliers, in (0, 1] (0.5)",
                        (d, v) -> ((OneClassSvm) d).nu(number("nu", v))),
                new Setting("gamma", "RBF width: a number, scale = 1/(d Var X) or auto = 1/d (scale)",
                        (d, v) -> v.trim().matches("[A-Za-z]+") ? ((OneClassSvm) d).gamma(v.trim())
                                : ((OneClassSvm) d).gamma(number("gamma", v))),
                new Setting("tol", "stopping tolerance (0.001)", (d, v) -> ((OneClassSvm) d).tol(number("tol", v))),
                new Setting("shrinking", "libsvm's shrinking heuristic (true)",
                        (d, v) -> ((OneClassSvm) d).shrinking(bool("shrinking", v))),
                new Setting("cacheSize", "kernel cache in MB (200)",
                        (d, v) -> ((OneClassSvm) d).cacheSize(number("cacheSize", v))),
                new Setting("maxIter", "iteration limit, -1 = none (-1)",
                        (d, v) -> ((OneClassSvm) d).maxIter(integer("maxIter", v))));
    }

    /** Settings every detector takes: the threshold rule. */
    public static final List<Setting> THRESHOLD_SETTINGS = List.of(
            new Setting("contamination", "expected fraction of anomalies, in (0, 0.5]",
                    (d, v) -> d.threshold(ThresholdRule.contamination(number("contamination", v)))),
            new Setting("threshold", "fixed score above which a row is an anomaly",
                    (d, v) -> d.threshold(ThresholdRule.fixed(number("threshold", v)))),
            new Setting("percentile", "threshold at this percentile of the training scores",
                    (d, v) -> d.threshold(ThresholdRule.percentile(number("percentile", v)))),
            new Setting("robust", "threshold at median + k * 1.4826 MAD of the training scores",
                    (d, v) -> d.threshold(ThresholdRule.robust(number("robust", v)))));

    private static void spec(String name, String summary, Supplier<Detector> defaults, Setting... settings) {
        SPECS.put(name, new Spec(name, summary, defaults, List.of(settings)));
    }

    /** Command-line specs of all detectors, in registry order. */
    public static List<Spec> specs() {
        return new ArrayList<>(SPECS.values());
    }

    /**
     * A detector configured from text settings ({@code key=value}); unknown names and keys, and values that
     * do not parse or are out of range, raise an error naming the key and the allowed values.
     */
    public static Detector create(String name, Map<String, String> settings) {
        Spec spec = SPECS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown detector \"" + name + "\"; detectors: " + String.join(", ", SPECS.keySet()));
        }
        Detector d = spec.defaults().get();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            Setting s = find(spec, e.getKey());
            d = s.apply().apply(d, e.getValue());
        }
        return d;
    }

    private static Setting find(Spec spec, String key) {
        List<String> keys = new ArrayList<>();
        for (List<Setting> list : List.of(spec.settings(), THRESHOLD_SETTINGS)) {
            for (Setting s : list) {
                if (s.key().equals(key)) {
                    return s;
                }
                keys.add(s.key());
            }
        }
        throw new IllegalArgumentException("detector " + spec.name() + " has no setting \"" + key + "\"; settings: "
                + String.join(", ", keys));
    }

    static double number(String key, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got \"" + v + "\"");
        }
    }

    static int integer(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got \"" + v + "\"");
        }
    }

    static long longValue(String key, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got \"" + v + "\"");
        }
    }

    static boolean bool(String key, String v) {
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got \"" + v + "\"");
        };
    }

    /** Loads a model file written by {@link Model#save}; see {@link ModelFiles} for the checks. */
    public static Model load(Path file) {
        ModelFile f = ModelFiles.read(file, READERS);
        Model m = READERS.get(f.type()).apply(f);
        if (!m.features().equals(f.features())) {
            throw f.bad("features do not match the state");
        }
        return m;
    }
}
