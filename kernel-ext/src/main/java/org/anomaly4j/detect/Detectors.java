package org.anomaly4j.detect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The closed list of detector types: each registry name maps to the code that rebuilds its model from a
 * checked model file. Loading never instantiates anything that is not on this list.
 */
public final class Detectors {

    private static final Map<String, Function<ModelFile, Model>> READERS = new LinkedHashMap<>();

    static {
        READERS.put(ZScore.NAME, ZScore::read);
        READERS.put(OneClassSvm.NAME, OneClassSvm::read);
    }

    private Detectors() {
    }

    /** Registry names of all detectors. */
    public static Set<String> names() {
        return READERS.keySet();
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
