package org.anomaly4j.timeseries;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * An STL decomposition: observed = trend + seasonal + resid, and the robustness weights of the last pass (all
 * 1 when not robust; statsmodels' {@code DecomposeResult.weights}). Immutable: the accessors return copies.
 */
public record StlResult(double[] observed, double[] trend, double[] seasonal, double[] resid, double[] weights) {

    public StlResult {
        observed = observed.clone();
        trend = trend.clone();
        seasonal = seasonal.clone();
        resid = resid.clone();
        weights = weights.clone();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    @Override
    public double[] trend() {
        return trend.clone();
    }

    @Override
    public double[] seasonal() {
        return seasonal.clone();
    }

    @Override
    public double[] resid() {
        return resid.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Number of points. */
    public int size() {
        return resid.length;
    }

    /** Anomaly flags of the residuals under a rule (e.g. {@code ResidualRule.fixed(5)}: |resid| &gt; 5). */
    public boolean[] flags(ResidualRule rule) {
        return rule.flags(resid);
    }

    /** Number of points flagged by a rule. */
    public int count(ResidualRule rule) {
        int c = 0;
        for (boolean f : rule.flags(resid)) {
            if (f) {
                c++;
            }
        }
        return c;
    }

    /**
     * A copy of {@code table} (same row count as the series) with columns {@code <column>_trend},
     * {@code <column>_seasonal}, {@code <column>_resid} and {@code <column>_weight}.
     */
    public Table addTo(Table table, String column) {
        SeriesInput.checkRows(table, resid.length, "the decomposition");
        Table out = table.copy();
        out.addColumns(DoubleColumn.create(column + "_trend", trend), DoubleColumn.create(column + "_seasonal",
                seasonal), DoubleColumn.create(column + "_resid", resid), DoubleColumn.create(column + "_weight",
                weights));
        return out;
    }

    /**
     * {@link #addTo(Table, String)} plus {@code <column>_anomaly}: the flags of the residuals under {@code rule}.
     */
    public Table addTo(Table table, String column, ResidualRule rule) {
        Table out = addTo(table, column);
        out.addColumns(BooleanColumn.create(column + "_anomaly", rule.flags(resid)));
        return out;
    }

    @Override
    public String toString() {
        return "StlResult[n=" + resid.length + "]";
    }
}
