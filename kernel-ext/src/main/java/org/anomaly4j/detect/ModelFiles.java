package org.anomaly4j.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Model files: versioned JSON, never Java serialization, never reflection on names read from a file.
 * <pre>{@code
 * {"format": "anomaly4j-model", "formatVersion": 1, "type": "zscore", "library": "0.1.0",
 *  "features": [...], "parameters": {...}, "threshold": {"rule": "contamination", "argument": 0.1, "value": 2.7},
 *  "trainingScores": [...], "state": {...detector specific...}}
 * }</pre>
 * Loading checks the format name and version, takes the type from the closed list in {@link Detectors},
 * checks every header field and hands the state to that detector's reader, which checks every array
 * length. Truncated, tampered or foreign files raise an {@link IllegalArgumentException} naming the file
 * and the field.
 */
public final class ModelFiles {

    public static final String FORMAT = "anomaly4j-model";
    public static final int FORMAT_VERSION = 1;
    public static final String LIBRARY_VERSION = "0.1.0";
    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 512L << 20;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(64).maxStringLength(1 << 20).build());
    }

    private ModelFiles() {
    }

    /** Writes a model file (atomically: a temporary file renamed into place). */
    public static void save(Model model, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("type", model.name());
        root.put("library", LIBRARY_VERSION);
        ArrayNode f = root.putArray("features");
        model.features().forEach(f::add);
        root.set("parameters", JSON.valueToTree(model.parameters()));
        ObjectNode t = root.putObject("threshold");
        writeRule(t, model.thresholdRule());
        t.put("value", model.threshold());
        ArrayNode s = root.putArray("trainingScores");
        for (double v : model.trainingScores()) {
            s.add(v);
        }
        root.set("state", model.state());
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            // a sibling with the default permissions (createTempFile would make the final file owner-only)
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write model file " + file, e);
        }
    }

    /** Reads and checks the common part of a model file. */
    static ModelFile read(Path file, Map<String, ?> knownTypes) {
        String src = file.toString();
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("Model file " + file + " does not exist");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("Model file " + file + " is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            try (InputStream in = Files.newInputStream(file)) {
                root = JSON.readTree(in);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Model file " + file + " is not valid JSON (truncated or damaged?): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read model file " + file, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Model file " + file + " is not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("File " + file + " is not an anomaly4j model file (format \""
                    + root.path("format").asText() + "\", expected \"" + FORMAT + "\")");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("Model file " + file + " has format version "
                    + root.path("formatVersion") + "; this anomaly4j reads versions 1.." + FORMAT_VERSION);
        }
        String type = root.path("type").asText("");
        if (!knownTypes.containsKey(type)) {
            throw new IllegalArgumentException("Model file " + file + " has unknown detector type \"" + type
                    + "\"; known types: " + knownTypes.keySet());
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            throw new IllegalArgumentException("Invalid model file " + src + ": features must be a non-empty array");
        }
        List<String> names = ModelFile.strings(features);
        if (new HashSet<>(names).size() != names.size() || names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Invalid model file " + src + ": feature names must be distinct and non-empty");
        }
        JsonNode params = root.get("parameters");
        JsonNode state = root.get("state");
        JsonNode threshold = root.get("threshold");
        if (params == null || !params.isObject() || state == null || !state.isObject()
                || threshold == null || !threshold.isObject()) {
            throw new IllegalArgumentException("Invalid model file " + src
                    + ": parameters, threshold and state must be JSON objects");
        }
        ModelFile partial = new ModelFile(src, type, names, (ObjectNode) params, null, 0, null, (ObjectNode) state);
        double[] scores = partial.numbers((ObjectNode) root, "trainingScores", root.get("trainingScores"), -1);
        JsonNode value = threshold.get("value");
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw partial.bad("threshold.value must be a finite number");
        }
        ThresholdRule rule;
        try {
            rule = readRule(threshold);
        } catch (IllegalArgumentException e) {
            throw partial.bad("threshold: " + e.getMessage());
        }
        return new ModelFile(src, type, names, (ObjectNode) params, rule, value.asDouble(), scores, (ObjectNode) state);
    }

    private static void writeRule(ObjectNode t, ThresholdRule rule) {
        switch (rule) {
            case ThresholdRule.Natural n -> t.put("rule", "natural");
            case ThresholdRule.Contamination c -> t.put("rule", "contamination").put("argument", c.fraction());
            case ThresholdRule.Fixed f -> t.put("rule", "fixed").put("argument", f.value());
            case ThresholdRule.Percentile p -> t.put("rule", "percentile").put("argument", p.p());
            case ThresholdRule.Robust r -> t.put("rule", "robust").put("argument", r.k());
        }
    }

    private static ThresholdRule readRule(JsonNode t) {
        String kind = t.path("rule").asText("");
        double a = t.path("argument").asDouble(Double.NaN);
        return switch (kind) {
            case "natural" -> ThresholdRule.natural();
            case "contamination" -> ThresholdRule.contamination(a);
            case "fixed" -> ThresholdRule.fixed(a);
            case "percentile" -> ThresholdRule.percentile(a);
            case "robust" -> ThresholdRule.robust(a);
            default -> throw new IllegalArgumentException("unknown rule \"" + kind + "\"");
        };
    }
}
