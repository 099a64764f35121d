package org.anomaly4j.detect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything the library knows of one kind of detector, in one value: its registry name, a one-line
 * summary, its parameters, how to build it from options, its model class and its model-file codec. The
 * registry ({@link Detectors}) is a list of these; the command line, model files, {@code --help} and the
 * contract test all read it.
 *
 * @param <D> the detector type
 * @param <M> its model type
 */
public final class DetectorType<D extends Detector<M>, M extends Model> {

    private final String name;
    private final String summary;
    private final List<Param<?>> params;
    private final Function<Options, D> factory;
    private final Class<M> modelClass;
    private final ModelCodec<M> codec;
    private final Options defaults;

    private DetectorType(String name, String summary, Function<Options, D> factory, Class<M> modelClass,
                         ModelCodec<M> codec, List<Param<?>> params) {
        this.name = name;
        this.summary = summary;
        this.params = List.copyOf(params);
        this.factory = factory;
        this.modelClass = modelClass;
        this.codec = codec;
        this.defaults = Options.defaults(this.params);
    }

    /** A detector type; {@code params} in the order they are listed and saved. */
    public static <D extends Detector<M>, M extends Model> DetectorType<D, M> of(
            String name, String summary, Function<Options, D> factory, Class<M> modelClass, ModelCodec<M> codec,
            Param<?>... params) {
        return new DetectorType<>(name, summary, factory, modelClass, codec, List.of(params));
    }

    public String name() {
        return name;
    }

    public String summary() {
        return summary;
    }

    public List<Param<?>> params() {
        return params;
    }

    public Class<M> modelClass() {
        return modelClass;
    }

    public ModelCodec<M> codec() {
        return codec;
    }

    /** Every parameter at its default, natural threshold. */
    public Options defaultOptions() {
        return defaults;
    }

    /** The detector with its defaults. */
    public D defaults() {
        return factory.apply(defaults);
    }

    /** The detector with these options (which must be this type's). */
    public D create(Options options) {
        if (!options.params().equals(params)) {
            throw new IllegalArgumentException("options of another detector given to " + name);
        }
        return factory.apply(options);
    }

    /** The detector configured from text settings ({@code key=value}), as on the command line. */
    public D fromText(Map<String, String> settings) {
        Options o = defaults;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try {
                o = o.withText(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("detector " + name + ": " + ex.getMessage(), ex);
            }
        }
        return factory.apply(o);
    }

    /** {@code --help} text: the name, the summary and one line per setting. */
    public String help() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %s: %s%n", name, summary));
        for (Param<?> p : params) {
            b.append("      ").append(p.describe()).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** The model as this type's model class (a model of another type is an error). */
    M cast(Model model) {
        if (!modelClass.isInstance(model)) {
            throw new IllegalArgumentException("a " + model.getClass().getSimpleName() + " is not a " + name + " model");
        }
        return modelClass.cast(model);
    }

    @Override
    public String toString() {
        return name;
    }
}
