package org.anomaly4j.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed, checked access to one JSON object of a model file. Every accessor rejects a missing, mistyped,
 * non-finite, out-of-range or wrongly sized value with an {@link InvalidModelFileException} naming the file
 * and the field's path (e.g. {@code state.trees[3].left}); nothing is coerced (the text "1" is not a number,
 * 1.5 is not an integer).
 */
public final class StateReader {

    private final String source;
    private final String path;
    private final JsonNode node;

    StateReader(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    /** The file this object was read from. */
    public String source() {
        return source;
    }

    /** This object's path in the file, e.g. {@code state}. */
    public String path() {
        return path;
    }

    /** An error about a field of this object. */
    public InvalidModelFileException bad(String field, String what) {
        return new InvalidModelFileException("Invalid model file " + source + ": " + where(field) + " " + what);
    }

    /** An error about this object as a whole. */
    public InvalidModelFileException bad(String what) {
        return new InvalidModelFileException("Invalid model file " + source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    }

    private String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    private JsonNode required(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            throw bad(field, "is missing");
        }
        return n;
    }

    /** A finite number. */
    public double number(String field) {
        JsonNode n = required(field);
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw bad(field, "must be a finite number, got " + n);
        }
        return n.asDouble();
    }

    /** An integer in [min, max]. */
    public long integer(String field, long min, long max) {
        JsonNode n = required(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw bad(field, "must be an integer, got " + n);
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw bad(field, "must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** true or false. */
    public boolean bool(String field) {
        JsonNode n = required(field);
        if (!n.isBoolean()) {
            throw bad(field, "must be true or false, got " + n);
        }
        return n.asBoolean();
    }

    /** Text. */
    public String text(String field) {
        JsonNode n = required(field);
        if (!n.isTextual()) {
            throw bad(field, "must be text, got " + n);
        }
        return n.asText();
    }

    /** An array of finite numbers with exactly {@code length} elements (−1: any length ≥ 1). */
    public double[] numbers(String field, int length) {
        JsonNode n = array(field, length);
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = n.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw bad(field + "[" + i + "]", "must be a finite number, got " + v);
            }
            out[i] = v.asDouble();
        }
        return out;
    }

    /**
     * An array of {@code rows} arrays of finite numbers, row i with {@code cols[i % cols.length]} values (one
     * length for all rows: pass a single length; −1: any length ≥ 1).
     */
    public double[][] matrix(String field, int rows, int... cols) {
        JsonNode n = array(field, rows);
        double[][] out = new double[n.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = n.get(i);
            int len = cols.length == 0 ? -1 : cols[i % cols.length];
            if (!row.isArray() || row.isEmpty() || (len >= 0 && row.size() != len)) {
                throw bad(field + "[" + i + "]", "must be an array of " + (len >= 0 ? len + " " : "") + "numbers");
            }
            out[i] = new double[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                JsonNode v = row.get(j);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw bad(field + "[" + i + "][" + j + "]", "must be a finite number, got " + v);
                }
                out[i][j] = v.asDouble();
            }
        }
        return out;
    }

    /** An array of integers in [min, max] with exactly {@code length} elements (−1: any length ≥ 1). */
    public int[] ints(String field, int length, int min, int max) {
        JsonNode n = array(field, length);
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = n.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
                throw bad(field + "[" + i + "]", "must be an integer in [" + min + ", " + max + "], got " + v);
            }
            out[i] = v.asInt();
        }
        return out;
    }

    /** An array of non-empty text values (−1: any length ≥ 1). */
    public List<String> texts(String field, int length) {
        JsonNode n = array(field, length);
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            if (!v.isTextual()) {
                throw bad(field + "[" + i + "]", "must be text, got " + v);
            }
            out.add(v.asText());
        }
        return out;
    }

    private JsonNode array(String field, int length) {
        JsonNode n = required(field);
        if (!n.isArray() || n.isEmpty()) {
            throw bad(field, "must be a non-empty array");
        }
        if (length >= 0 && n.size() != length) {
            throw bad(field, "must have " + length + " values, has " + n.size());
        }
        return n;
    }

    /** A nested object. */
    public StateReader object(String field) {
        JsonNode n = required(field);
        if (!n.isObject()) {
            throw bad(field, "must be a JSON object");
        }
        return new StateReader(source, where(field), n);
    }

    /** An array of exactly {@code count} objects (−1: any number ≥ 0). */
    public List<StateReader> objects(String field, int count) {
        JsonNode n = required(field);
        if (!n.isArray() || (count >= 0 && n.size() != count)) {
            throw bad(field, "must be an array of " + (count >= 0 ? count + " " : "") + "objects");
        }
        List<StateReader> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            if (!v.isObject()) {
                throw bad(field + "[" + i + "]", "must be a JSON object");
            }
            out.add(new StateReader(source, where(field) + "[" + i + "]", v));
        }
        return out;
    }

    /**
     * The fields of this object as Java scalars: integers as {@link Long}, other numbers as {@link Double},
     * booleans, text; arrays, objects and null are refused.
     */
    public Map<String, Object> scalars() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            Object value;
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                value = v.asLong();
            } else if (v.isNumber() && Double.isFinite(v.asDouble())) {
                value = v.asDouble();
            } else if (v.isBoolean()) {
                value = v.asBoolean();
            } else if (v.isTextual()) {
                value = v.asText();
            } else {
                throw bad(e.getKey(), "must be a number, true/false or text, got " + v);
            }
            out.put(e.getKey(), value);
        }
        return out;
    }
}
