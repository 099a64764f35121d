package org.anomaly4j.detect;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The model of a detector whose algorithm is a core class over primitive arrays ({@code detect.density},
 * {@code detect.neighbors}): the fitted core, how it scores, and — where the core has them — per-feature
 * contributions for {@link #explain}.
 *
 * @param <F> the fitted core
 */
public final class CoreModel<F> extends AbstractModel implements Explainable {

    private final F core;
    private final BiFunction<F, double[][], double[]> scorer;
    private final BiFunction<F, double[][], double[][]> contributions;
    private final Function<F, String> describe;

    CoreModel(ModelInfo info, TrainingScores scores, F core, BiFunction<F, double[][], double[]> scorer,
              BiFunction<F, double[][], double[][]> contributions, Function<F, String> describe) {
        super(info, scores);
        this.core = core;
        this.scorer = scorer;
        this.contributions = contributions;
        this.describe = describe;
    }

    /** The fitted core (its accessors return copies). */
    public F core() {
        return core;
    }

    @Override
    protected double[] scores(double[][] x) {
        return scorer.apply(core, x);
    }

    @Override
    public boolean explains() {
        return contributions != null;
    }

    /** Per-feature contributions to the row's score (they sum to it), where the algorithm defines them. */
    @Override
    public double[] explain(double[] row) {
        if (contributions == null) {
            throw new UnsupportedOperationException(name() + " has no per-feature explanation");
        }
        if (row == null || row.length != features().size()) {
            throw new IllegalArgumentException("the row has " + (row == null ? 0 : row.length)
                    + " values but the model was fitted on " + features().size() + " features");
        }
        Inputs.width(new double[][] {row});
        return contributions.apply(core, new double[][] {row})[0];
    }

    @Override
    protected String describeState() {
        return describe == null ? "" : describe.apply(core);
    }

    @SuppressWarnings("unchecked")
    static <F> Class<CoreModel<F>> type() {
        return (Class<CoreModel<F>>) (Class<?>) CoreModel.class;
    }
}
