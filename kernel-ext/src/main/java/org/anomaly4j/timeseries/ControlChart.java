package org.anomaly4j.timeseries;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A control chart over a series: the charted statistic (the value itself, or the EWMA), its centre line, the
 * lower and upper control limits, a score per point (distance from the centre in units of the statistic's
 * standard deviation, higher = more anomalous) and the flags (score &gt; the chart's k). NaN before the chart
 * has enough history (never flagged). Immutable: the accessors return copies.
 *
 * @param statistic the charted value at each point
 * @param centre    centre line
 * @param lower     lower control limit
 * @param upper     upper control limit
 * @param score     |statistic − centre| / σ_statistic
 * @param flags     score &gt; k
 */
public record ControlChart(double[] statistic, double[] centre, double[] lower, double[] upper, double[] score,
                           boolean[] flags) {

    public ControlChart {
        statistic = statistic.clone();
        centre = centre.clone();
        lower = lower.clone();
        upper = upper.clone();
        score = score.clone();
        flags = flags.clone();
    }

    @Override
    public double[] statistic() {
        return statistic.clone();
    }

    @Override
    public double[] centre() {
        return centre.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public double[] score() {
        return score.clone();
    }

    @Override
    public boolean[] flags() {
        return flags.clone();
    }

    /** Number of flagged points. */
    public int count() {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return c;
    }

    /**
     * A copy of {@code table} (one row per point) with {@code <name>_statistic}, {@code _centre}, {@code _lower},
     * {@code _upper}, {@code _score} and {@code _anomaly} columns, ready to chart.
     */
    public Table addTo(Table table, String name) {
        SeriesInput.checkRows(table, score.length, "the chart");
        Table out = table.copy();
        out.addColumns(DoubleColumn.create(name + "_statistic", statistic), DoubleColumn.create(name + "_centre",
                centre), DoubleColumn.create(name + "_lower", lower), DoubleColumn.create(name + "_upper", upper),
                DoubleColumn.create(name + "_score", score), BooleanColumn.create(name + "_anomaly", flags));
        return out;
    }

    @Override
    public String toString() {
        return "ControlChart[n=" + score.length + ", flagged=" + count() + "]";
    }
}
