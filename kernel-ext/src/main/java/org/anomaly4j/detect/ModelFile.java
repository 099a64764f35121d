package org.anomaly4j.detect;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed, checked model file: the common header and the detector-specific state, with typed accessors
 * that reject missing, mistyped, non-finite or wrongly sized values with a message naming the field.
 */
public record ModelFile(String source, String type, List<String> features, ObjectNode parameters,
                        ThresholdRule rule, double threshold, double[] trainingScores, ObjectNode state) {

    /** A required finite number from the state. */
    public double number(String field) {
        JsonNode n = state.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw bad("state." + field + " must be a finite number");
        }
        return n.asDouble();
    }

    /** A required integer from the state, within [min, max]. */
    public long integer(String field, long min, long max) {
        JsonNode n = state.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw bad("state." + field + " must be an integer");
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw bad("state." + field + " must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** A required array of finite numbers of exactly {@code length} elements (-1: any length ≥ 1). */
    public double[] numbers(String field, int length) {
        return numbers(state, "state." + field, state.get(field), length);
    }

    /** A required parameter number. */
    public double parameter(String field) {
        JsonNode n = parameters.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw bad("parameters." + field + " must be a finite number");
        }
        return n.asDouble();
    }

    IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("Invalid model file " + source + ": " + what);
    }

    double[] numbers(ObjectNode parent, String path, JsonNode n, int length) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw bad(path + " must be a non-empty array of numbers");
        }
        if (length >= 0 && n.size() != length) {
            throw bad(path + " must have " + length + " values, has " + n.size());
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = n.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw bad(path + "[" + i + "] must be a finite number");
            }
            out[i] = v.asDouble();
        }
        return out;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            out.add(v.asText());
        }
        return out;
    }
}
