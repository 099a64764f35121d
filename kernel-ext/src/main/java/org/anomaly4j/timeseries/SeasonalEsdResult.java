package org.anomaly4j.timeseries;

import java.util.Locale;

import org.anomaly4j.timeseries.SeasonalEsd.Direction;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of {@link SeasonalEsd}: the residual tested, the seasonal component removed, one entry per ESD
 * step and the anomalies. Immutable: the accessors return copies.
 *
 * @param residual       x − seasonal − median(x) (or the residuals given to {@link SeasonalEsd#test})
 * @param seasonal       the STL seasonal component (zeros for {@link SeasonalEsd#test})
 * @param candidates     the index removed at each step, in removal order
 * @param statistics     R_i of each step (median/MAD studentized deviation of the removed value)
 * @param criticalValues λ_i of each step
 * @param anomalies      the anomalies' indices, ascending (the first m candidates, m the last step with
 *                       R_i &gt; λ_i)
 * @param direction      which deviations were tested
 */
public record SeasonalEsdResult(double[] residual, double[] seasonal, int[] candidates, double[] statistics,
                                double[] criticalValues, int[] anomalies, Direction direction) {

    public SeasonalEsdResult {
        residual = residual.clone();
        seasonal = seasonal.clone();
        candidates = candidates.clone();
        statistics = statistics.clone();
        criticalValues = criticalValues.clone();
        anomalies = anomalies.clone();
    }

    @Override
    public double[] residual() {
        return residual.clone();
    }

    @Override
    public double[] seasonal() {
        return seasonal.clone();
    }

    @Override
    public int[] candidates() {
        return candidates.clone();
    }

    @Override
    public double[] statistics() {
        return statistics.clone();
    }

    @Override
    public double[] criticalValues() {
        return criticalValues.clone();
    }

    @Override
    public int[] anomalies() {
        return anomalies.clone();
    }

    /** Number of anomalies. */
    public int count() {
        return anomalies.length;
    }

    /** One flag per point: true at the anomalies. */
    public boolean[] flags() {
        boolean[] f = new boolean[residual.length];
        for (int i : anomalies) {
            f[i] = true;
        }
        return f;
    }

    /**
     * A score per point, higher = more anomalous: the first step's studentized deviation of every point,
     * (r − median(r)) / (1.4826·MAD(r)), made absolute for {@link Direction#BOTH} and negated for
     * {@link Direction#NEGATIVE}. Points scoring above the last significant step's λ are the anomalies'
     * neighbours in rank, not necessarily anomalies (the test removes values one at a time).
     */
    public double[] scores() {
        double[] cc = ResidualRule.mad(1).centreAndCut(residual);
        double[] s = new double[residual.length];
        for (int i = 0; i < s.length; i++) {
            double z = (residual[i] - cc[0]) / cc[1];
            s[i] = switch (direction) {
                case BOTH -> Math.abs(z);
                case POSITIVE -> z;
                case NEGATIVE -> -z;
            };
        }
        return s;
    }

    /**
     * A copy of {@code table} (one row per point) with {@code <name>_residual}, {@code <name>_score}
     * ({@link #scores()}) and {@code <name>_anomaly} columns.
     */
    public Table addTo(Table table, String name) {
        SeriesInput.checkRows(table, residual.length, "the test");
        Table out = table.copy();
        out.addColumns(DoubleColumn.create(name + "_residual", residual), DoubleColumn.create(name + "_score",
                scores()), BooleanColumn.create(name + "_anomaly", flags()));
        return out;
    }

    /** The steps as a table: step, index, R_i, λ_i, and * where R_i &gt; λ_i. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SeasonalEsdResult[n=" + residual.length + ", direction=" + direction
                + ", anomalies=" + anomalies.length + "]\n  step  index        R_i        λ_i\n");
        for (int i = 0; i < statistics.length; i++) {
            b.append(String.format(Locale.ROOT, "  %4d  %5d  %9.4f  %9.4f%s%n", i + 1, candidates[i], statistics[i],
                    criticalValues[i], statistics[i] > criticalValues[i] ? " *" : ""));
        }
        return b.toString();
    }
}
