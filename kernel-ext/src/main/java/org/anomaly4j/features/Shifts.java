package org.anomaly4j.features;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Row-offset features shaped after pandas: {@code shift}, lags, {@code diff} and {@code pct_change}. Each table
 * method returns a copy of the table with added columns; the input is not changed. O(n) per added column.
 * <ul>
 *   <li>{@code shift(column, p)} → {@code <column>_shift_<p>}: value p rows earlier (p &lt; 0: later);</li>
 *   <li>{@code lags(column, k1, k2, ...)} → {@code <column>_lag_<k>} for each k: shift by k;</li>
 *   <li>{@code diff(column, p)} → {@code <column>_diff_<p>}: x[i] − x[i − p];</li>
 *   <li>{@code pctChange(column, p)} → {@code <column>_pct_change_<p>}: x[i] / x[i − p] − 1.</li>
 * </ul>
 * Rows without a partner (the first p rows, or the last |p| for p &lt; 0) are missing. Numeric results are
 * {@code DoubleColumn}s (pandas: float64).
 * <p>Missing values propagate: a missing operand gives a missing result. {@code pctChange} follows pandas
 * {@code pct_change(fill_method=None)} — the pandas 3 behaviour; pandas 2.x's deprecated default
 * {@code fill_method='pad'} forward-filled gaps first. Division by zero follows IEEE arithmetic as numpy does:
 * x/0 − 1 is ±∞ for x ≠ 0 and 0/0 is NaN.
 */
public final class Shifts {

    private Shifts() {
    }

    // ---------------------------------------------------------------- tables

    /**
     * Adds {@code <column>_shift_<periods>} (pandas {@code s.shift(periods)}). A numeric column gives a
     * {@code DoubleColumn}; any other column (text, dates) keeps its type, shifted with missing cells at the
     * uncovered end.
     */
    public static Table shift(Table table, String column, int periods) {
        Columns.requireRows(table, "shift");
        Column<?> c = Columns.require(table, column);
        String name = column + "_shift_" + periods;
        Column<?> out = c instanceof NumericColumn<?>
                ? DoubleColumn.create(name, shift(Columns.values(table, column), periods))
                : shifted(c, periods).setName(name);
        return Columns.withAdded(table, "shift", out);
    }

    /** Adds {@code <column>_lag_<k>} for each lag k, in the order given (each a {@link #shift} by k). */
    public static Table lags(Table table, String column, int... lags) {
        Columns.requireRows(table, "lags");
        Column<?> c = Columns.require(table, column);
        if (lags == null || lags.length == 0) {
            throw new IllegalArgumentException("lags: name at least one lag, e.g. lags(table, \"" + column
                    + "\", 1, 2, 24)");
        }
        boolean numeric = c instanceof NumericColumn<?>;
        double[] x = numeric ? Columns.values(table, column) : null;
        Column<?>[] out = new Column<?>[lags.length];
        for (int k = 0; k < lags.length; k++) {
            String name = column + "_lag_" + lags[k];
            out[k] = numeric ? DoubleColumn.create(name, shift(x, lags[k])) : shifted(c, lags[k]).setName(name);
        }
        return Columns.withAdded(table, "lags", out);
    }

    /** Adds {@code <column>_diff_<periods>} = x[i] − x[i − periods] (pandas {@code s.diff(periods)}). */
    public static Table diff(Table table, String column, int periods) {
        Columns.requireRows(table, "diff");
        double[] d = diff(Columns.values(table, column), periods);
        return Columns.withAdded(table, "diff", DoubleColumn.create(column + "_diff_" + periods, d));
    }

    /**
     * Adds {@code <column>_pct_change_<periods>} = x[i] / x[i − periods] − 1 (pandas
     * {@code s.pct_change(periods, fill_method=None)}: no forward fill, missing values propagate).
     */
    public static Table pctChange(Table table, String column, int periods) {
        Columns.requireRows(table, "pctChange");
        double[] p = pctChange(Columns.values(table, column), periods);
        return Columns.withAdded(table, "pctChange", DoubleColumn.create(column + "_pct_change_" + periods, p));
    }

    // ---------------------------------------------------------------- arrays

    /** {@code out[i] = x[i − periods]}, NaN where {@code i − periods} is outside the array. */
    public static double[] shift(double[] x, int periods) {
        int n = x.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long j = (long) i - periods;
            out[i] = j >= 0 && j < n ? x[(int) j] : Double.NaN;
        }
        return out;
    }

    /** {@code out[i] = x[i] − x[i − periods]}, NaN where there is no partner. */
    public static double[] diff(double[] x, int periods) {
        double[] out = shift(x, periods);
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] - out[i];
        }
        return out;
    }

    /** {@code out[i] = x[i] / x[i − periods] − 1}, NaN where there is no partner (no forward fill). */
    public static double[] pctChange(double[] x, int periods) {
        double[] out = shift(x, periods);
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] / out[i] - 1;
        }
        return out;
    }

    /** A copy of a non-numeric column moved down by {@code periods} rows (up when negative). */
    private static Column<?> shifted(Column<?> c, int periods) {
        int n = c.size();
        int p = (int) Math.max(-n, Math.min(n, (long) periods));
        return p >= 0 ? c.lag(p) : c.lead(-p);
    }
}
