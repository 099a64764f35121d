package org.anomaly4j.timeseries;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Boundary checks shared by the time-series classes: finite values, enough of them, Table columns as arrays. */
final class SeriesInput {

    private SeriesInput() {
    }

    /**
     * Checks that {@code x} holds at least {@code min} values, all finite.
     *
     * @param what the argument's name in messages, e.g. {@code "series"} or {@code "column \"T17\""}
     * @param why  why {@code min} values are needed, e.g. {@code "two periods of 24"}
     */
    static void checkFinite(double[] x, String what, int min, String why) {
        if (x == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (x.length < min) {
            throw new IllegalArgumentException(what + " has " + x.length + " values; at least " + min
                    + " are needed (" + why + ")");
        }
        int bad = -1;
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                count++;
                if (bad < 0) {
                    bad = i;
                }
            }
        }
        if (count > 0) {
            throw new IllegalArgumentException(what + " has " + count + " missing or non-finite values (first at "
                    + "row " + bad + ", value " + x[bad] + "); drop them with dropMissing(...) or fill them with "
                    + "fillMissing(...) (a time series usually by interpolation) first");
        }
    }

    /** The numeric column {@code column} of {@code table} as doubles (missing values as NaN). */
    static double[] values(Table table, String column) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (column == null || !table.containsColumn(column)) {
            throw new IllegalArgumentException("Table " + table.name() + " has no column \"" + column
                    + "\"; its columns are " + table.columnNames());
        }
        Column<?> c = table.column(column);
        if (!(c instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("Column \"" + column + "\" is " + c.type()
                    + ", not numeric; convert it to numbers first");
        }
        double[] x = new double[numeric.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = numeric.isMissing(i) ? Double.NaN : numeric.getDouble(i);
        }
        return x;
    }

    /** A table that receives per-point columns must have one row per point. */
    static void checkRows(Table table, int points, String what) {
        if (table.rowCount() != points) {
            throw new IllegalArgumentException("Table " + table.name() + " has " + table.rowCount() + " rows but "
                    + what + " has " + points + " points; add the columns to the table the series came from");
        }
    }

    /** The message name of a table column. */
    static String columnName(String column) {
        return "column \"" + column + "\"";
    }
}
