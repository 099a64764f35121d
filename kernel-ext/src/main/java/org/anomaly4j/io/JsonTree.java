package org.anomaly4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The compact in-memory form of a model file. A general JSON tree (Jackson's {@code JsonNode}) holds every
 * number as an object of its own plus a reference in a list — about 40 bytes for an 8-byte double, so a
 * 150 MB file needed more than 1 GB of heap. Here an array whose elements are all numbers is stored as one
 * {@code double[]} (plus a bit per element telling whether it was written as an integer), which is what
 * the codecs extract anyway: loading needs about the size of the numbers, not a multiple of the file.
 *
 * <p>Parsing streams tokens (Jackson's {@link JsonParser}) with the same limits as before (nesting depth,
 * number and text lengths) and is stricter than a generic tree: a field named twice is refused (a generic
 * tree keeps the last silently), as is any text after the root object. Writing walks the tree and prints
 * objects indented, one field per line, and arrays on one line, as Jackson's default pretty printer did.
 */
abstract sealed class JsonTree permits JsonTree.Obj, JsonTree.Arr, JsonTree.Numbers, JsonTree.Num,
        JsonTree.Text, JsonTree.Bool, JsonTree.Null {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxNumberLength(64).maxStringLength(1 << 20).build())
            .build();

    /** A short JSON rendering for error messages (long arrays and objects elided). */
    abstract String shortText();

    @Override
    public String toString() {
        return shortText();
    }

    /** An object: fields in file order. */
    static final class Obj extends JsonTree {
        final Map<String, JsonTree> fields = new LinkedHashMap<>();

        @Override
        String shortText() {
            return fields.isEmpty() ? "{}" : "{…}";
        }
    }

    /** An array that is empty or holds anything but numbers only. */
    static final class Arr extends JsonTree {
        final List<JsonTree> items;

        Arr(List<JsonTree> items) {
            this.items = items;
        }

        @Override
        String shortText() {
            return items.isEmpty() ? "[]" : "[…]";
        }
    }

    /**
     * A non-empty array of numbers only. {@code fractional} marks the elements written with a fraction or an
     * exponent (so that {@code 1.0} is not accepted where an integer is required); a written array made from
     * {@code int}s prints them as integers.
     */
    static final class Numbers extends JsonTree {
        final double[] values;
        final BitSet fractional;
        final boolean integers;

        Numbers(double[] values, BitSet fractional, boolean integers) {
            this.values = values;
            this.fractional = fractional;
            this.integers = integers;
        }

        boolean isIntegral(int i) {
            return integers || !fractional.get(i);
        }

        @Override
        String shortText() {
            return "[" + values.length + " numbers]";
        }
    }

    /**
     * A number. {@code integral}: written without fraction or exponent; {@code exactLong}: integral and within
     * the long range ({@code longValue} then holds it exactly).
     */
    static final class Num extends JsonTree {
        final double value;
        final boolean integral;
        final boolean exactLong;
        final long longValue;
        final String text;

        Num(double value, boolean integral, boolean exactLong, long longValue, String text) {
            this.value = value;
            this.integral = integral;
            this.exactLong = exactLong;
            this.longValue = longValue;
            this.text = text;
        }

        static Num of(double v) {
            return new Num(v, false, false, 0, null);
        }

        static Num of(long v) {
            return new Num(v, true, true, v, null);
        }

        @Override
        String shortText() {
            return text != null ? text : integral ? Long.toString(longValue) : Double.toString(value);
        }
    }

    static final class Text extends JsonTree {
        final String value;

        Text(String value) {
            this.value = value;
        }

        @Override
        String shortText() {
            String s = value.length() > 60 ? value.substring(0, 60) + "…" : value;
            return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
        }
    }

    static final class Bool extends JsonTree {
        static final Bool TRUE = new Bool(true);
        static final Bool FALSE = new Bool(false);
        final boolean value;

        private Bool(boolean value) {
            this.value = value;
        }

        @Override
        String shortText() {
            return Boolean.toString(value);
        }
    }

    static final class Null extends JsonTree {
        static final Null NULL = new Null();

        @Override
        String shortText() {
            return "null";
        }
    }

    /** Thrown for JSON that parses but breaks a rule of this format (a field named twice, trailing text). */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- parsing

    /** Parses one JSON value from the stream, refusing anything after it. */
    static JsonTree parse(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new Malformed("the file is empty");
            }
            JsonTree root = value(p, t);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new JsonParseException(p, "text after the end of the JSON value at " + location(p));
            }
            return root;
        }
    }

    private static String location(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }

    private static JsonTree value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return object(p);
            case START_ARRAY:
                return array(p);
            case VALUE_STRING:
                return new Text(p.getText());
            case VALUE_NUMBER_INT:
                return integer(p);
            case VALUE_NUMBER_FLOAT:
                return new Num(p.getDoubleValue(), false, false, 0, p.getText());
            case VALUE_TRUE:
                return Bool.TRUE;
            case VALUE_FALSE:
                return Bool.FALSE;
            case VALUE_NULL:
                return Null.NULL;
            default:
                throw new JsonParseException(p, "unexpected " + t);
        }
    }

    private static Num integer(JsonParser p) throws IOException {
        JsonParser.NumberType nt = p.getNumberType();
        if (nt == JsonParser.NumberType.BIG_INTEGER) {
            return new Num(p.getDoubleValue(), true, false, 0, p.getText());
        }
        long v = p.getLongValue();
        return new Num(v, true, true, v, null);
    }

    private static Obj object(JsonParser p) throws IOException {
        Obj o = new Obj();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonTree v = value(p, p.nextToken());
            if (o.fields.put(name, v) != null) {
                throw new Malformed("field \"" + name + "\" appears twice in one object (before " + location(p) + ")");
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "unexpected " + t + " in an object");
        }
        return o;
    }

    /** Numbers go into a growing double[] until something else appears; then the array becomes a general one. */
    private static JsonTree array(JsonParser p) throws IOException {
        double[] values = new double[16];
        BitSet fractional = new BitSet();
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            if (n == values.length) {
                values = Arrays.copyOf(values, Math.max(16, n + (n >> 1)));
            }
            values[n] = p.getDoubleValue();
            if (t == JsonToken.VALUE_NUMBER_FLOAT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                fractional.set(n); // not an exact integer in this form: never accepted where an int is required
            }
            n++;
        }
        if (t == JsonToken.END_ARRAY) {
            return n == 0 ? new Arr(List.of()) : new Numbers(Arrays.copyOf(values, n), fractional, false);
        }
        List<JsonTree> items = new ArrayList<>(n + 4);
        for (int i = 0; i < n; i++) {
            items.add(fractional.get(i) ? Num.of(values[i]) : Num.of((long) values[i]));
        }
        while (t != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonParseException(p, "unexpected end of input in an array");
            }
            items.add(value(p, t));
            t = p.nextToken();
        }
        return new Arr(items);
    }

    // ---------------------------------------------------------------- writing

    /** Writes the tree as indented JSON (objects one field per line, arrays on one line). */
    static void write(JsonTree root, Writer out) throws IOException {
        write(root, out, 0);
        out.write('\n');
    }

    private static void write(JsonTree v, Writer out, int depth) throws IOException {
        switch (v) {
            case Obj o -> {
                if (o.fields.isEmpty()) {
                    out.write("{ }");
                    return;
                }
                out.write('{');
                boolean first = true;
                for (Map.Entry<String, JsonTree> e : o.fields.entrySet()) {
                    out.write(first ? "\n" : ",\n");
                    first = false;
                    indent(out, depth + 1);
                    quote(e.getKey(), out);
                    out.write(" : ");
                    write(e.getValue(), out, depth + 1);
                }
                out.write('\n');
                indent(out, depth);
                out.write('}');
            }
            case Arr a -> {
                if (a.items.isEmpty()) {
                    out.write("[ ]");
                    return;
                }
                out.write("[ ");
                for (int i = 0; i < a.items.size(); i++) {
                    if (i > 0) {
                        out.write(", ");
                    }
                    write(a.items.get(i), out, depth + 1);
                }
                out.write(" ]");
            }
            case Numbers ns -> {
                out.write("[ ");
                for (int i = 0; i < ns.values.length; i++) {
                    if (i > 0) {
                        out.write(", ");
                    }
                    out.write(ns.integers ? Long.toString((long) ns.values[i]) : number(ns.values[i]));
                }
                out.write(" ]");
            }
            case Num num -> out.write(num.integral ? Long.toString(num.longValue) : number(num.value));
            case Text t -> quote(t.value, out);
            case Bool b -> out.write(Boolean.toString(b.value));
            case Null ignored -> out.write("null");
        }
    }

    /** Java's shortest round-trip text of a double (valid JSON: finite values only reach here). */
    private static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a model file cannot hold the non-finite number " + v);
        }
        return Double.toString(v);
    }

    private static void quote(String s, Writer out) throws IOException {
        out.write('"');
        out.write(JsonStringEncoder.getInstance().quoteAsString(s));
        out.write('"');
    }

    private static void indent(Writer out, int depth) throws IOException {
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }
}
