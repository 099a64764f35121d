package org.anomaly4j.io;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds one JSON object of a model file: typed fields only (numbers, integers, booleans, text, arrays of
 * them, nested objects), so that codecs never see the JSON library and every value written is one that
 * {@link StateReader} can check on the way back.
 */
public final class StateWriter {

    final ObjectNode node;

    StateWriter(ObjectNode node) {
        this.node = node;
    }

    /** An empty object. */
    public static StateWriter object() {
        return new StateWriter(JsonNodeFactory.instance.objectNode());
    }

    public StateWriter put(String field, double value) {
        node.put(field, value);
        return this;
    }

    public StateWriter put(String field, long value) {
        node.put(field, value);
        return this;
    }

    public StateWriter put(String field, boolean value) {
        node.put(field, value);
        return this;
    }

    public StateWriter put(String field, String value) {
        node.put(field, value);
        return this;
    }

    public StateWriter put(String field, double[] values) {
        ArrayNode a = node.putArray(field);
        for (double v : values) {
            a.add(v);
        }
        return this;
    }

    /** A matrix as an array of rows (rows may differ in length, e.g. histogram edges per feature). */
    public StateWriter put(String field, double[][] rows) {
        ArrayNode a = node.putArray(field);
        for (double[] row : rows) {
            ArrayNode r = a.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        return this;
    }

    public StateWriter put(String field, int[] values) {
        ArrayNode a = node.putArray(field);
        for (int v : values) {
            a.add(v);
        }
        return this;
    }

    public StateWriter put(String field, Collection<String> values) {
        ArrayNode a = node.putArray(field);
        values.forEach(a::add);
        return this;
    }

    /**
     * A scalar given as a Java value: {@link Integer}/{@link Long} as an integer, other numbers as a double,
     * booleans and text as such (the parameter block of a model file).
     */
    public StateWriter putScalar(String field, Object value) {
        switch (value) {
            case Integer i -> node.put(field, i);
            case Long l -> node.put(field, l);
            case Number n -> node.put(field, n.doubleValue());
            case Boolean b -> node.put(field, b);
            case String s -> node.put(field, s);
            default -> throw new IllegalArgumentException(field + ": cannot write a " + value.getClass().getSimpleName());
        }
        return this;
    }

    /** Writes every entry of a map of scalars (see {@link #putScalar}). */
    public StateWriter putScalars(String field, Map<String, Object> values) {
        StateWriter o = object(field);
        values.forEach(o::putScalar);
        return this;
    }

    /** A nested object, returned for filling. */
    public StateWriter object(String field) {
        return new StateWriter(node.putObject(field));
    }

    /** A new object appended to the array {@code field} (created on first use). */
    public StateWriter addObject(String field) {
        ArrayNode a = node.has(field) ? (ArrayNode) node.get(field) : node.putArray(field);
        return new StateWriter(a.addObject());
    }

    /** An empty array field (for arrays of objects that may have no element). */
    public StateWriter emptyArray(String field) {
        node.putArray(field);
        return this;
    }
}
