package org.anomaly4j.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registry: the closed list of detector types. Adding a detector is one line here; optional modules add
 * theirs through a {@link DetectorProvider}. It feeds model-file
 * loading (nothing that is not on this list is ever instantiated), the command line ({@code --detector},
 * {@code --set}, {@code --help}), the README's factory list and the shared contract test.
 */
public final class Detectors {

    private static final List<DetectorType<?, ?>> BUILT_IN = List.of(
            ZScore.TYPE,
            ModifiedZScore.TYPE,
            IqrFences.TYPE,
            Grubbs.TYPE,
            GeneralizedEsd.TYPE,
            IsolationForest.TYPE,
            OneClassSvm.TYPE,
            Lof.TYPE,
            Knn.TYPE,
            Hbos.TYPE,
            Ecod.TYPE,
            Copod.TYPE,
            EllipticEnvelope.TYPE,
            Pca.TYPE,
            GaussianMixture.TYPE,
            Ensemble.TYPE,
            Loda.TYPE,
            KMeans.TYPE,
            Cblof.TYPE,
            Dbscan.TYPE);

    /** How many types are built in (the rest come from providers). */
    static final int BUILT_IN_COUNT = BUILT_IN.size();

    /** The built-in types, then those of every {@link DetectorProvider} on the class path. */
    private static final List<DetectorType<?, ?>> TYPES = withProviders(BUILT_IN,
            ServiceLoader.load(DetectorProvider.class, Detectors.class.getClassLoader()));

    private static final Map<String, DetectorType<?, ?>> BY_NAME = index(TYPES);

    private Detectors() {
    }

    /** {@code builtIn} followed by the providers' types (closed list: nothing else is ever instantiated). */
    static List<DetectorType<?, ?>> withProviders(List<DetectorType<?, ?>> builtIn, Iterable<DetectorProvider> providers) {
        List<DetectorType<?, ?>> all = new ArrayList<>(builtIn);
        for (DetectorProvider p : providers) {
            all.addAll(p.types());
        }
        return List.copyOf(all);
    }

    static Map<String, DetectorType<?, ?>> index(List<DetectorType<?, ?>> types) {
        Map<String, DetectorType<?, ?>> m = new LinkedHashMap<>();
        for (DetectorType<?, ?> t : types) {
            if (m.put(t.name(), t) != null) {
                throw new IllegalStateException("two detectors are registered as " + t.name());
            }
        }
        return m;
    }

    /** Every registered type, in registry order. */
    public static List<DetectorType<?, ?>> types() {
        return TYPES;
    }

    /** Registry names of all detectors. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The type registered under this name; an error listing the names if there is none. */
    public static DetectorType<?, ?> type(String name) {
        DetectorType<?, ?> t = find(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown detector \"" + name + "\"; detectors: " + String.join(", ", names()));
        }
        return t;
    }

    static DetectorType<?, ?> find(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /**
     * A detector configured from text settings ({@code key=value}); unknown names and keys, and values that
     * do not parse or are out of range, raise an error naming the key and the allowed values.
     */
    public static Detector<?> create(String name, Map<String, String> settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null (use Map.of())");
        }
        return type(name).fromText(settings);
    }

    /** The {@code --help} text of every detector, then the threshold settings they all take. */
    public static String help() {
        StringBuilder b = new StringBuilder();
        for (DetectorType<?, ?> t : TYPES) {
            b.append(t.help());
        }
        b.append("  every detector also takes one threshold setting:").append(System.lineSeparator());
        Options.THRESHOLD_SETTINGS.forEach((k, v) -> b.append(String.format("      %-16s %s%n", k, v)));
        return b.toString();
    }

    /** Loads a model file written by {@link Model#save}; see {@link ModelFiles} for the checks. */
    public static Model load(Path file) {
        return ModelFiles.load(file);
    }

    /** Names of the settings one detector takes (its parameters, then the threshold settings). */
    public static List<String> settings(String name) {
        List<String> out = new ArrayList<>();
        type(name).params().forEach(p -> out.add(p.name()));
        out.addAll(Options.THRESHOLD_SETTINGS.keySet());
        return out;
    }
}
