package org.anomaly4j.io;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Builds one JSON object of a model file: typed fields only (numbers, integers, booleans, text, arrays of
 * them, nested objects), so that codecs never see the JSON library and every value written is one that
 * {@link StateReader} can check on the way back. Arrays are copied when put (a model's later changes, if
 * any, never reach the file being built).
 */
public final class StateWriter {

    final JsonTree.Obj node;

    private StateWriter(JsonTree.Obj node) {
        this.node = node;
    }

    /** An empty object. */
    public static StateWriter object() {
        return new StateWriter(new JsonTree.Obj());
    }

    private StateWriter set(String field, JsonTree value) {
        if (field == null) {
            throw new IllegalArgumentException("model file field name is null");
        }
        node.fields.put(field, value);
        return this;
    }

    public StateWriter put(String field, double value) {
        return set(field, JsonTree.Num.of(value));
    }

    public StateWriter put(String field, long value) {
        return set(field, JsonTree.Num.of(value));
    }

    public StateWriter put(String field, boolean value) {
        return set(field, value ? JsonTree.Bool.TRUE : JsonTree.Bool.FALSE);
    }

    public StateWriter put(String field, String value) {
        return set(field, value == null ? JsonTree.Null.NULL : new JsonTree.Text(value));
    }

    public StateWriter put(String field, double[] values) {
        return set(field, numbers(values));
    }

    private static JsonTree numbers(double[] values) {
        return values.length == 0 ? new JsonTree.Arr(List.of()) : new JsonTree.Numbers(values.clone(), new BitSet(), false);
    }

    /** A matrix as an array of rows (rows may differ in length, e.g. histogram edges per feature). */
    public StateWriter put(String field, double[][] rows) {
        List<JsonTree> items = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            items.add(numbers(row));
        }
        return set(field, new JsonTree.Arr(items));
    }

    public StateWriter put(String field, int[] values) {
        if (values.length == 0) {
            return set(field, new JsonTree.Arr(List.of()));
        }
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return set(field, new JsonTree.Numbers(d, new BitSet(), true));
    }

    public StateWriter put(String field, Collection<String> values) {
        List<JsonTree> items = new ArrayList<>(values.size());
        for (String v : values) {
            items.add(v == null ? JsonTree.Null.NULL : new JsonTree.Text(v));
        }
        return set(field, new JsonTree.Arr(items));
    }

    /**
     * A scalar given as a Java value: {@link Integer}/{@link Long} as an integer, other numbers as a double,
     * booleans and text as such (the parameter block of a model file).
     */
    public StateWriter putScalar(String field, Object value) {
        return switch (value) {
            case Integer i -> put(field, (long) i);
            case Long l -> put(field, (long) l);
            case Number n -> put(field, n.doubleValue());
            case Boolean b -> put(field, (boolean) b);
            case String s -> put(field, s);
            case null -> throw new IllegalArgumentException(field + ": cannot write a null value");
            default -> throw new IllegalArgumentException(field + ": cannot write a " + value.getClass().getSimpleName());
        };
    }

    /** Writes every entry of a map of scalars (see {@link #putScalar}). */
    public StateWriter putScalars(String field, Map<String, Object> values) {
        StateWriter o = object(field);
        values.forEach(o::putScalar);
        return this;
    }

    /** A nested object, returned for filling. */
    public StateWriter object(String field) {
        StateWriter o = object();
        set(field, o.node);
        return o;
    }

    /** A new object appended to the array {@code field} (created on first use). */
    public StateWriter addObject(String field) {
        JsonTree.Arr arr = node.fields.get(field) instanceof JsonTree.Arr a && a.items instanceof ArrayList<JsonTree>
                ? a : null;
        if (arr == null) {
            arr = new JsonTree.Arr(new ArrayList<>());
            set(field, arr);
        }
        StateWriter o = object();
        arr.items.add(o.node);
        return o;
    }

    /** An empty array field (for arrays of objects that may have no element). */
    public StateWriter emptyArray(String field) {
        return set(field, new JsonTree.Arr(new ArrayList<>()));
    }
}
