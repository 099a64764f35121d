package org.anomaly4j.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, checked access to one JSON object of a model file. Every accessor rejects a missing, mistyped,
 * non-finite, out-of-range or wrongly sized value with an {@link InvalidModelFileException} naming the file
 * and the field's path (e.g. {@code state.trees[3].left}); nothing is coerced (the text "1" is not a number,
 * 1.5 is not an integer).
 */
public final class StateReader {

    private final String source;
    private final String path;
    private final JsonTree.Obj node;

    StateReader(String source, String path, JsonTree.Obj node) {
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
        return node.fields.containsKey(field);
    }

    private JsonTree required(String field) {
        JsonTree n = node.fields.get(field);
        if (n == null || n instanceof JsonTree.Null) {
            throw bad(field, "is missing");
        }
        return n;
    }

    /** A finite number. */
    public double number(String field) {
        if (!(required(field) instanceof JsonTree.Num n) || !Double.isFinite(n.value)) {
            throw bad(field, "must be a finite number, got " + required(field));
        }
        return n.value;
    }

    /** An integer in [min, max]. */
    public long integer(String field, long min, long max) {
        if (!(required(field) instanceof JsonTree.Num n) || !n.exactLong) {
            throw bad(field, "must be an integer, got " + required(field));
        }
        long v = n.longValue;
        if (v < min || v > max) {
            throw bad(field, "must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** true or false. */
    public boolean bool(String field) {
        if (!(required(field) instanceof JsonTree.Bool b)) {
            throw bad(field, "must be true or false, got " + required(field));
        }
        return b.value;
    }

    /** Text. */
    public String text(String field) {
        if (!(required(field) instanceof JsonTree.Text t)) {
            throw bad(field, "must be text, got " + required(field));
        }
        return t.value;
    }

    /** An array of finite numbers with exactly {@code length} elements (−1: any length ≥ 1). */
    public double[] numbers(String field, int length) {
        return finite(field, numeric(field, required(field), length));
    }

    /**
     * An array of {@code rows} arrays of finite numbers, row i with {@code cols[i % cols.length]} values (one
     * length for all rows: pass a single length; −1: any length ≥ 1).
     */
    public double[][] matrix(String field, int rows, int... cols) {
        List<JsonTree> items = items(field, rows);
        double[][] out = new double[items.size()][];
        for (int i = 0; i < out.length; i++) {
            int len = cols.length == 0 ? -1 : cols[i % cols.length];
            String name = field + "[" + i + "]";
            if (!(items.get(i) instanceof JsonTree.Numbers row) || (len >= 0 && row.values.length != len)) {
                throw bad(name, "must be an array of " + (len >= 0 ? len + " " : "") + "numbers");
            }
            out[i] = finite(name, row);
        }
        return out;
    }

    /** An array of integers in [min, max] with exactly {@code length} elements (−1: any length ≥ 1). */
    public int[] ints(String field, int length, int min, int max) {
        JsonTree.Numbers n = numeric(field, required(field), length);
        int[] out = new int[n.values.length];
        for (int i = 0; i < out.length; i++) {
            double v = n.values[i];
            if (!n.isIntegral(i) || v < min || v > max) {
                throw bad(field + "[" + i + "]", "must be an integer in [" + min + ", " + max + "], got " + text(n, i));
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** An array of non-empty text values (−1: any length ≥ 1). */
    public List<String> texts(String field, int length) {
        List<JsonTree> items = items(field, length);
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof JsonTree.Text t)) {
                throw bad(field + "[" + i + "]", "must be text, got " + items.get(i));
            }
            out.add(t.value);
        }
        return out;
    }

    /** The values of a numeric array, a copy, each checked finite. */
    private double[] finite(String field, JsonTree.Numbers n) {
        for (int i = 0; i < n.values.length; i++) {
            if (!Double.isFinite(n.values[i])) {
                throw bad(field + "[" + i + "]", "must be a finite number, got " + text(n, i));
            }
        }
        return n.values.clone();
    }

    private static String text(JsonTree.Numbers n, int i) {
        double v = n.values[i];
        return n.isIntegral(i) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A non-empty array of numbers only, of the given length (−1: any). */
    private JsonTree.Numbers numeric(String field, JsonTree n, int length) {
        if (n instanceof JsonTree.Numbers ns) {
            checkLength(field, ns.values.length, length);
            return ns;
        }
        if (n instanceof JsonTree.Arr a && !a.items.isEmpty()) {
            checkLength(field, a.items.size(), length);
            for (int i = 0; i < a.items.size(); i++) {
                if (!(a.items.get(i) instanceof JsonTree.Num)) {
                    throw bad(field + "[" + i + "]", "must be a finite number, got " + a.items.get(i));
                }
            }
        }
        throw bad(field, "must be a non-empty array");
    }

    /** The elements of a non-empty array of the given length (−1: any). */
    private List<JsonTree> items(String field, int length) {
        JsonTree n = required(field);
        List<JsonTree> items;
        if (n instanceof JsonTree.Arr a && !a.items.isEmpty()) {
            items = a.items;
        } else if (n instanceof JsonTree.Numbers ns) {
            items = new ArrayList<>(ns.values.length);
            for (int i = 0; i < ns.values.length; i++) {
                items.add(ns.isIntegral(i) ? JsonTree.Num.of((long) ns.values[i]) : JsonTree.Num.of(ns.values[i]));
            }
        } else {
            throw bad(field, "must be a non-empty array");
        }
        checkLength(field, items.size(), length);
        return items;
    }

    private void checkLength(String field, int size, int length) {
        if (length >= 0 && size != length) {
            throw bad(field, "must have " + length + " values, has " + size);
        }
    }

    /** A nested object. */
    public StateReader object(String field) {
        if (!(required(field) instanceof JsonTree.Obj o)) {
            throw bad(field, "must be a JSON object");
        }
        return new StateReader(source, where(field), o);
    }

    /** An array of exactly {@code count} objects (−1: any number ≥ 0). */
    public List<StateReader> objects(String field, int count) {
        JsonTree n = required(field);
        List<JsonTree> items = n instanceof JsonTree.Arr a ? a.items : null;
        if (items == null || (count >= 0 && items.size() != count)) {
            throw bad(field, "must be an array of " + (count >= 0 ? count + " " : "") + "objects");
        }
        List<StateReader> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof JsonTree.Obj o)) {
                throw bad(field + "[" + i + "]", "must be a JSON object");
            }
            out.add(new StateReader(source, where(field) + "[" + i + "]", o));
        }
        return out;
    }

    /**
     * The fields of this object as Java scalars: integers as {@link Long}, other numbers as {@link Double},
     * booleans, text; arrays, objects and null are refused.
     */
    public Map<String, Object> scalars() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonTree> e : node.fields.entrySet()) {
            Object value = switch (e.getValue()) {
                case JsonTree.Num n when n.exactLong -> n.longValue;
                case JsonTree.Num n when Double.isFinite(n.value) -> n.value;
                case JsonTree.Bool b -> b.value;
                case JsonTree.Text t -> t.value;
                default -> throw bad(e.getKey(), "must be a number, true/false or text, got " + e.getValue());
            };
            out.put(e.getKey(), value);
        }
        return out;
    }
}
