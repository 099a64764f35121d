package org.anomaly4j.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A detector's options: an immutable value holding one checked value per {@link Param} of the detector, plus
 * the {@link ThresholdRule}. Setting a value returns a new {@code Options}; an invalid value never gets in.
 * Reads and writes itself as text settings (command line) and as scalars (model files), in parameter order.
 */
public final class Options {

    /** Text settings every detector takes besides its parameters: the threshold rule. */
    public static final Map<String, String> THRESHOLD_SETTINGS = thresholdSettings();

    private final List<Param<?>> params;
    private final Object[] values;
    private final ThresholdRule rule;

    private Options(List<Param<?>> params, Object[] values, ThresholdRule rule) {
        this.params = params;
        this.values = values;
        this.rule = rule;
    }

    /** Every parameter at its default; the natural threshold. */
    public static Options defaults(List<Param<?>> params) {
        Object[] v = new Object[params.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = params.get(i).defaultValue();
        }
        return new Options(List.copyOf(params), v, ThresholdRule.natural());
    }

    private static Map<String, String> thresholdSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("contamination", "expected fraction of anomalies, in (0, 0.5]: threshold at that quantile of the training scores");
        m.put("threshold", "fixed score above which a row is an anomaly");
        m.put("percentile", "threshold at this percentile (0..100) of the training scores");
        m.put("robust", "threshold at median + k * 1.4826 MAD of the training scores");
        return Collections.unmodifiableMap(m);
    }

    /** The parameters, in order. */
    public List<Param<?>> params() {
        return params;
    }

    private int index(Param<?> p) {
        int i = params.indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter \"" + p.name() + "\"; parameters: " + params);
        }
        return i;
    }

    /** The value of a parameter. */
    @SuppressWarnings("unchecked")
    public <T> T get(Param<T> p) {
        return (T) values[index(p)];
    }

    /** These options with one value changed (checked). */
    public <T> Options with(Param<T> p, T value) {
        Object[] v = values.clone();
        v[index(p)] = p.check(value);
        return new Options(params, v, rule);
    }

    /** The threshold rule. */
    public ThresholdRule threshold() {
        return rule;
    }

    /** These options with another threshold rule. */
    public Options threshold(ThresholdRule thresholdRule) {
        if (thresholdRule == null) {
            throw new IllegalArgumentException("threshold rule must not be null; use ThresholdRule.natural(), "
                    + "contamination(f), fixed(v), percentile(p) or robust(k)");
        }
        return new Options(params, values, thresholdRule);
    }

    /** These options with one text setting applied ({@code --set key=value}): a parameter or a threshold rule. */
    public Options withText(String key, String value) {
        if (key == null) {
            throw new IllegalArgumentException("setting name must not be null");
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(key)) {
                Object[] v = values.clone();
                v[i] = params.get(i).parse(value);
                return new Options(params, v, rule);
            }
        }
        if (THRESHOLD_SETTINGS.containsKey(key)) {
            double a = Param.number(key, 0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, "")
                    .parse(value);
            return threshold(switch (key) {
                case "contamination" -> ThresholdRule.contamination(a);
                case "threshold" -> ThresholdRule.fixed(a);
                case "percentile" -> ThresholdRule.percentile(a);
                default -> ThresholdRule.robust(a);
            });
        }
        List<String> keys = new ArrayList<>();
        params.forEach(p -> keys.add(p.name()));
        keys.addAll(THRESHOLD_SETTINGS.keySet());
        throw new IllegalArgumentException("no setting \"" + key + "\"; settings: " + String.join(", ", keys));
    }

    /** The parameter values as scalars (Integer/Long, Double, Boolean, String), in order. */
    public Map<String, Object> toScalars() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            m.put(params.get(i).name(), scalar(params.get(i), values[i]));
        }
        return Collections.unmodifiableMap(m);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object scalar(Param<T> p, Object v) {
        return p.toScalar((T) v);
    }

    @SuppressWarnings("unchecked")
    private static <T> String shown(Param<T> p, Object v) {
        return p.show((T) v);
    }

    /**
     * Options from a model file's parameter scalars: every parameter must be present (except those added later,
     * {@link Param#sinceVersion()}, which take their {@link Param#absentValue()}), no other key, each value of its type and allowed.
     */
    public static Options fromScalars(List<Param<?>> params, Map<String, Object> scalars, ThresholdRule rule) {
        Object[] v = new Object[params.size()];
        for (int i = 0; i < v.length; i++) {
            Param<?> p = params.get(i);
            if (!scalars.containsKey(p.name())) {
                if (!p.optionalInFiles()) {
                    throw new IllegalArgumentException(p.name() + " is missing");
                }
                v[i] = p.absentValue();
                continue;
            }
            v[i] = p.fromScalar(scalars.get(p.name()));
        }
        for (String k : scalars.keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(k))) {
                throw new IllegalArgumentException("unknown parameter \"" + k + "\"");
            }
        }
        return new Options(List.copyOf(params), v, rule).threshold(rule);
    }

    /** {@code trees=100, maxSamples=auto, ..., threshold=natural}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < params.size(); i++) {
            j.add(params.get(i).name() + "=" + shown(params.get(i), values[i]));
        }
        j.add("threshold=" + rule);
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Options other && params.equals(other.params) && java.util.Arrays.equals(values, other.values)
                && rule.equals(other.rule);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(values) + rule.hashCode();
    }
}
