package org.anomaly4j.detect;

import java.nio.file.Path;
import java.util.List;

import org.anomaly4j.io.InvalidModelFileException;
import org.anomaly4j.io.JsonDocuments;
import org.anomaly4j.io.LibraryVersion;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Model files: versioned JSON, never Java serialization, never reflection on names read from a file.
 * <pre>{@code
 * {"format": "anomaly4j-model", "formatVersion": 2, "type": "zscore", "library": "0.1.0-SNAPSHOT",
 *  "provenance": {"source": "Hive17", "rows": 1847, "columns": 2, "fittedAt": "2026-12-01T12:00:00Z"},
 *  "features": [...], "parameters": {...}, "threshold": {"rule": "contamination", "argument": 0.1, "value": 2.7},
 *  "trainingScores": [...], "state": {...detector specific, written by its ModelCodec...}}
 * }</pre>
 * Format history: 1 = the above without {@code provenance}; 2 adds it. Both load. Loading checks the format
 * name and version, takes the type from the closed list in {@link Detectors}, checks every header field
 * (parameters through the detector's {@link Param}s, exactly as when they are set) and hands the state to
 * that detector's {@link ModelCodec}. Truncated, tampered or foreign files raise an
 * {@link InvalidModelFileException} naming the file and the field.
 */
public final class ModelFiles {

    public static final String FORMAT = "anomaly4j-model";
    public static final int FORMAT_VERSION = 2;
    /**
     * Files larger than this are refused before parsing. Loading streams the file into primitive arrays
     * ({@code io.JsonTree}) and needs a heap of about 2–2.5× the file size at its peak (measured: a 90 MB
     * ECOD model of 400,000 × 10 rows loads with {@code -Xmx200m}, a 24 MB Isolation Forest of 6,000 trees
     * with {@code -Xmx100m}; a generic JSON tree needed 300m and 200m), so 512 MB fits the default heap (a
     * quarter of physical memory) of a machine with 8 GB. Typical models are far smaller (an Isolation Forest
     * of 100 trees: ~0.4 MB).
     */
    public static final long MAX_BYTES = 512L << 20;

    private ModelFiles() {
    }

    /** Writes a model file (atomically). */
    public static void save(Model model, Path file) {
        if (model == null) {
            throw new IllegalArgumentException("model is null");
        }
        if (file == null) {
            throw new IllegalArgumentException("model file path is null");
        }
        StateWriter root = StateWriter.object()
                .put("format", FORMAT)
                .put("formatVersion", FORMAT_VERSION);
        write(model, root);
        JsonDocuments.write(file, root, "model file");
    }

    /**
     * Writes a model's fields (type, library, provenance, features, parameters, threshold, training scores,
     * state) into an object: the body of a model file, also used for the members of an {@link Ensemble}.
     */
    static void write(Model model, StateWriter root) {
        DetectorType<?, ?> type = Detectors.type(model.name());
        root.put("type", model.name()).put("library", LibraryVersion.get());
        Provenance p = model.provenance();
        root.object("provenance").put("source", p.source()).put("rows", p.rows()).put("columns", p.columns())
                .put("libraryVersion", p.libraryVersion()).put("fittedAt", p.fittedAt());
        root.put("features", model.features());
        root.putScalars("parameters", model.parameters());
        StateWriter t = root.object("threshold");
        switch (model.thresholdRule()) {
            case ThresholdRule.Natural n -> t.put("rule", "natural");
            case ThresholdRule.Contamination c -> t.put("rule", "contamination").put("argument", c.fraction());
            case ThresholdRule.Fixed f -> t.put("rule", "fixed").put("argument", f.value());
            case ThresholdRule.Percentile q -> t.put("rule", "percentile").put("argument", q.p());
            case ThresholdRule.Robust r -> t.put("rule", "robust").put("argument", r.k());
        }
        t.put("value", model.threshold());
        root.put("trainingScores", model.trainingScores());
        writeState(type, model, root.object("state"));
    }

    private static <M extends Model> void writeState(DetectorType<?, M> type, Model model, StateWriter state) {
        type.codec().write(type.cast(model), state);
    }

    /** Reads and checks a model file. */
    public static Model load(Path file) {
        JsonDocuments.Document doc = JsonDocuments.read(file, "model file", FORMAT, FORMAT_VERSION, MAX_BYTES);
        return read(doc.root(), doc.formatVersion(), String.valueOf(file));
    }

    /** Reads a model's fields from an object written by {@link #write}. */
    static Model read(StateReader root, int formatVersion, String file) {
        String typeName = root.text("type");
        DetectorType<?, ?> type = Detectors.find(typeName);
        if (type == null) {
            throw new InvalidModelFileException("Model file " + file + " has unknown detector type \"" + typeName
                    + "\"; known types: " + Detectors.names());
        }
        List<String> features = root.texts("features", -1);
        try {
            ModelInfo.checkFeatures(features, features.size());
        } catch (IllegalArgumentException e) {
            throw root.bad("features", "are invalid: " + e.getMessage());
        }
        double[] scores = root.numbers("trainingScores", -1);
        StateReader t = root.object("threshold");
        double value = t.number("value");
        ThresholdRule rule;
        try {
            String kind = t.text("rule");
            rule = kind.equals("natural") ? ThresholdRule.natural() : switch (kind) {
                case "contamination" -> ThresholdRule.contamination(t.number("argument"));
                case "fixed" -> ThresholdRule.fixed(t.number("argument"));
                case "percentile" -> ThresholdRule.percentile(t.number("argument"));
                case "robust" -> ThresholdRule.robust(t.number("argument"));
                default -> throw new IllegalArgumentException("unknown rule \"" + kind + "\"");
            };
        } catch (InvalidModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw t.bad(e.getMessage());
        }
        StateReader params = root.object("parameters");
        Options options;
        try {
            options = Options.fromScalars(type.params(), params.scalars(), rule);
        } catch (InvalidModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw params.bad(e.getMessage());
        }
        Provenance provenance;
        if (formatVersion >= 2) {
            StateReader p = root.object("provenance");
            provenance = new Provenance(p.text("source"), (int) p.integer("rows", 1, Integer.MAX_VALUE),
                    (int) p.integer("columns", 1, Integer.MAX_VALUE), p.text("libraryVersion"), p.text("fittedAt"));
            if (provenance.rows() != scores.length || provenance.columns() != features.size()) {
                throw p.bad("says " + provenance.rows() + " rows × " + provenance.columns() + " columns but the file has "
                        + scores.length + " training scores and " + features.size() + " features");
            }
        } else {
            provenance = new Provenance("", scores.length, features.size(), root.text("library"), "");
        }
        ModelInfo info = new ModelInfo(type.name(), features, options, provenance);
        StateReader state = root.object("state");
        Model m;
        try {
            m = type.codec().read(info, TrainingScores.stored(scores, value), state);
        } catch (InvalidModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // the model's own consistency checks (e.g. a scale that must be positive)
            throw state.bad(e.getMessage());
        }
        return m;
    }
}
