package org.anomaly4j.detect;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One detector parameter, described once: name, type, default, allowed values and a one-line help. The
 * fluent setters, {@link Model#parameters()}, the model file's parameter block, the command line's
 * {@code --set name=value} parsing and {@code --help} text, and {@code toString} are all derived from it.
 * <p>Values are checked when set ({@link #check}), read from text ({@link #parse}) and from a model file's
 * scalar ({@link #fromScalar}: integers arrive as {@link Long}, other numbers as {@link Double}) — always with
 * a message naming the parameter, its allowed values and the value received.
 *
 * @param <T> the Java type of the value (a boxed primitive or a small sealed type such as {@link Gamma})
 */
public final class Param<T> {

    private final String name;
    private final String type;
    private final T defaultValue;
    private final String allowed;
    private final String help;
    private final Predicate<T> valid;
    private final Function<String, T> fromText;
    private final Function<Object, T> fromScalar;
    private final Function<T, Object> toScalar;
    private final boolean optionalInFiles;
    private final T absentValue;

    private Param(String name, String type, T defaultValue, String allowed, String help, Predicate<T> valid,
                  Function<String, T> fromText, Function<Object, T> fromScalar, Function<T, Object> toScalar) {
        this(name, type, defaultValue, allowed, help, valid, fromText, fromScalar, toScalar, false, null);
    }

    private Param(String name, String type, T defaultValue, String allowed, String help, Predicate<T> valid,
                  Function<String, T> fromText, Function<Object, T> fromScalar, Function<T, Object> toScalar,
                  boolean optionalInFiles, T absentValue) {
        this.optionalInFiles = optionalInFiles;
        this.name = name;
        this.type = type;
        this.allowed = allowed;
        this.help = help;
        this.valid = valid;
        this.fromText = fromText;
        this.fromScalar = fromScalar;
        this.toScalar = toScalar;
        this.defaultValue = check(defaultValue);
        this.absentValue = absentValue == null ? this.defaultValue : check(absentValue);
    }

    /** An integer in [min, max]. */
    public static Param<Integer> integer(String name, int defaultValue, int min, int max, String help) {
        String allowed = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
        return new Param<>(name, "integer", defaultValue, allowed, help, v -> v >= min && v <= max,
                Integer::valueOf, v -> v instanceof Long l && l == l.intValue() ? l.intValue() : null, v -> v);
    }

    /** An integer with its own rule (e.g. "-1 or >= 1"). */
    public static Param<Integer> integer(String name, int defaultValue, String allowed, Predicate<Integer> valid,
                                         String help) {
        return new Param<>(name, "integer", defaultValue, allowed, help, valid, Integer::valueOf,
                v -> v instanceof Long l && l == l.intValue() ? l.intValue() : null, v -> v);
    }

    /** A random seed: any long. */
    public static Param<Long> seed(String name, long defaultValue, String help) {
        return new Param<>(name, "integer", defaultValue, "an integer", help, v -> true, Long::valueOf,
                v -> v instanceof Long l ? l : null, v -> v);
    }

    /**
     * A finite number between lo and hi; {@code loOpen}/{@code hiOpen} exclude the bound; an infinite bound
     * means unbounded on that side.
     */
    public static Param<Double> number(String name, double defaultValue, double lo, boolean loOpen, double hi,
                                       boolean hiOpen, String help) {
        String allowed;
        if (Double.isInfinite(hi)) {
            allowed = "a finite number " + (loOpen ? "> " : ">= ") + plain(lo);
        } else {
            allowed = "in " + (loOpen ? "(" : "[") + plain(lo) + ", " + plain(hi) + (hiOpen ? ")" : "]");
        }
        return new Param<>(name, "number", defaultValue, allowed, help,
                v -> Double.isFinite(v) && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi),
                Double::valueOf, v -> v instanceof Number n ? n.doubleValue() : null, v -> v);
    }

    /** true or false (text: true/false, yes/no, 1/0). */
    public static Param<Boolean> flag(String name, boolean defaultValue, String help) {
        return new Param<>(name, "boolean", defaultValue, "true or false", help, v -> true, Param::parseBoolean,
                v -> v instanceof Boolean b ? b : null, v -> v);
    }

    /** A value of a small sealed type with its own text and scalar forms. */
    public static <T> Param<T> of(String name, String type, T defaultValue, String allowed, String help,
                                  Function<String, T> fromText, Function<Object, T> fromScalar,
                                  Function<T, Object> toScalar) {
        return new Param<>(name, type, defaultValue, allowed, help, v -> true, fromText, fromScalar, toScalar);
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public String name() {
        return name;
    }

    /**
     * This parameter, marked as added after model files without it were written: a file that lacks it means
     * the default (which is what those files were fitted with), so adding an option never breaks old files.
     */
    public Param<T> sinceVersion() {
        return sinceVersion(defaultValue);
    }

    /**
     * This parameter, marked as added after model files without it were written, whose older files were fitted
     * with {@code absentValue} rather than the (new) default: a file that lacks it loads with
     * {@code absentValue}, so changing a default never changes what an old file scores.
     */
    public Param<T> sinceVersion(T absentValue) {
        return new Param<>(name, type, defaultValue, allowed, help, valid, fromText, fromScalar, toScalar, true,
                absentValue);
    }

    /** The value a model file that lacks this parameter was fitted with (see {@link #sinceVersion(Object)}). */
    public T absentValue() {
        return absentValue;
    }

    /** Whether a model file may lack this parameter (see {@link #sinceVersion()}). */
    public boolean optionalInFiles() {
        return optionalInFiles;
    }

    /** "integer", "number", "boolean", or the sealed type's name. */
    public String type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The allowed values in words, e.g. "in (0, 1]". */
    public String allowed() {
        return allowed;
    }

    public String help() {
        return help;
    }

    /** The value if allowed; otherwise an error "name must be ALLOWED, got VALUE". */
    public T check(T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null; it must be " + allowed);
        }
        boolean ok;
        try {
            ok = valid.test(value);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException(name + " must be " + allowed + ", got " + toScalar.apply(value));
        }
        return value;
    }

    /** The value written as text (command line, toString). */
    public String show(T value) {
        Object s = toScalar.apply(value);
        return String.valueOf(s);
    }

    /** Reads the value from text, as on the command line. */
    public T parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException(name + " must be " + allowed + ", got null");
        }
        T v;
        try {
            v = fromText.apply(text.trim());
        } catch (RuntimeException e) {
            v = null;
        }
        if (v == null) {
            throw new IllegalArgumentException(name + " must be " + allowed + ", got \"" + text + "\"");
        }
        return check(v);
    }

    /** Reads the value from a model file's scalar (Long, Double, Boolean or String). */
    public T fromScalar(Object scalar) {
        T v;
        try {
            v = scalar == null ? null : fromScalar.apply(scalar);
        } catch (RuntimeException e) {
            v = null;
        }
        if (v == null) {
            throw new IllegalArgumentException(name + " must be " + allowed + ", got " + scalar);
        }
        return check(v);
    }

    /** The value as a model-file scalar: Integer/Long, Double, Boolean or String. */
    public Object toScalar(T value) {
        return toScalar.apply(check(value));
    }

    /** One line of help: {@code name  help (type, allowed; default d)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%-16s %s (%s; default %s)", name, help, allowed, show(defaultValue));
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param<?> p && p.name.equals(name) && p.type.equals(type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type);
    }
}
