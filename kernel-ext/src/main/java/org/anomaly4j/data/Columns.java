package org.anomaly4j.data;

import org.anomaly4j.stats.Nums;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Column look-ups, value extraction and checks with errors that name the table, the column, the row and the
 * fix; and copies of a table with columns added or replaced (the input is never touched). Shared by
 * {@code data} and {@code features}.
 */
public final class Columns {

    private Columns() {
    }

    /** The named column, or an {@link IllegalArgumentException} listing the table's columns. */
    public static Column<?> require(Table table, String name) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (name == null || !table.containsColumn(name)) {
            throw new IllegalArgumentException("Column \"" + name + "\" is not in table \"" + table.name()
                    + "\"; its columns are " + table.columnNames());
        }
        return table.column(name);
    }

    /** The named column, which must be numeric; text columns get a hint to convert or encode them. */
    public static NumericColumn<?> requireNumeric(Table table, String name) {
        Column<?> c = require(table, name);
        if (c instanceof NumericColumn<?> n) {
            return n;
        }
        throw new IllegalArgumentException("Column \"" + name + "\" of table \"" + table.name() + "\" is "
                + c.type().name() + ", not numeric; convert it to numbers or encode it before using it here");
    }

    /**
     * The named column, which must hold date-times ({@code LOCAL_DATE_TIME}); text columns get a hint to parse
     * them with {@code CsvOptions.dateTimeFormat(...)}.
     */
    public static DateTimeColumn requireDateTime(Table table, String name) {
        Column<?> c = require(table, name);
        if (c instanceof DateTimeColumn d) {
            return d;
        }
        throw new IllegalArgumentException("Column \"" + name + "\" of table \"" + table.name() + "\" is "
                + c.type().name() + ", not a date-time; read it as one with CsvOptions.dateTimeFormat(\"...\") "
                + "(e.g. \"d.MM.yyyy HH:mm\") or convert it to LocalDateTime values");
    }

    /** Values of a numeric column as a new array; missing cells (NaN, Tablesaw's int sentinel) become NaN. */
    public static double[] values(Table table, String column) {
        return values(requireNumeric(table, column));
    }

    /** Values of a numeric column as a new array; missing cells become NaN. */
    public static double[] values(NumericColumn<?> c) {
        return values(c, new double[c.size()]);
    }

    /** Values of a numeric column written into {@code out} (at least the column's size); missing cells become NaN. */
    public static double[] values(NumericColumn<?> c, double[] out) {
        int n = c.size();
        for (int i = 0; i < n; i++) {
            out[i] = c.isMissing(i) ? Double.NaN : c.getDouble(i);
        }
        return out;
    }

    /** The table, which must have at least one row, for {@code operation} (named in the message). */
    public static Table requireRows(Table table, String operation) {
        if (table == null) {
            throw new IllegalArgumentException(operation + ": table is null");
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(operation + ": table \"" + table.name()
                    + "\" has no rows; load or filter it so that it keeps at least one row");
        }
        return table;
    }

    /**
     * Checks that a column used for fitting has at least one value and no infinities, naming column, row
     * and fix (scikit-learn's {@code check_array(ensure_all_finite='allow-nan')}).
     */
    public static void requireFitValues(String column, double[] x, String operation) {
        int present = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isInfinite(v)) {
                throw infinite(column, i, v, operation);
            }
            if (!Double.isNaN(v)) {
                present++;
            }
        }
        if (present == 0) {
            throw new IllegalArgumentException(operation + ": column \"" + column
                    + "\" has only missing values; fill them with fillMissing(...) or leave the column out");
        }
    }

    /** Checks that no value is infinite (NaN allowed), naming column, row and fix. */
    public static void requireNoInfinity(String column, double[] x, String operation) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isInfinite(x[i])) {
                throw infinite(column, i, x[i], operation);
            }
        }
    }

    private static IllegalArgumentException infinite(String column, int row, double v, String operation) {
        return new IllegalArgumentException(operation + ": column \"" + column + "\" has an infinite value ("
                + v + ") at row " + row + "; clip it with clip(...) or drop the row before using it here");
    }

    /** Column names given by the caller: at least one, no duplicates, no nulls. */
    public static String[] requireNames(String[] columns, String operation) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException(operation + ": name at least one column, e.g. fit(table, \"T17\")");
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == null) {
                throw new IllegalArgumentException(operation + ": column name " + i + " is null");
            }
            for (int j = 0; j < i; j++) {
                if (columns[i].equals(columns[j])) {
                    throw new IllegalArgumentException(operation + ": column \"" + columns[i]
                            + "\" is named twice; name each column once");
                }
            }
        }
        return columns.clone();
    }

    /** A new {@link DoubleColumn} holding {@code values} (NaN = missing). */
    public static DoubleColumn doubles(String name, double[] values) {
        return DoubleColumn.create(name, values);
    }

    /**
     * Checks that {@code x} (the values of {@code column}) has no missing value (NaN), naming the count, the
     * first row and the fix: {@code Column "T17" has 3 missing values (first at row 208); drop them with ...}.
     */
    public static void requireNoMissing(String column, double[] x, String operation) {
        int first = Nums.firstNaN(x);
        if (first >= 0) {
            int k = Nums.countNaN(x);
            throw new IllegalArgumentException(operation + ": column \"" + column + "\" has " + k + " missing value"
                    + (k == 1 ? "" : "s") + " (first at row " + first + "); drop them with dropMissing(...) or fill "
                    + "them with fillMissing(...) first");
        }
    }

    /**
     * A deep copy of {@code table} with {@code added} appended after its columns. A name that is already taken
     * is an error naming the column and the fix (the input is not touched).
     */
    public static Table withAdded(Table table, String operation, Column<?>... added) {
        for (int i = 0; i < added.length; i++) {
            String name = added[i].name();
            String taken = null;
            for (int j = 0; j < i; j++) {
                taken = added[j].name().equalsIgnoreCase(name) ? added[j].name() : taken;
            }
            for (String existing : table.columnNames()) {
                taken = existing.equalsIgnoreCase(name) ? existing : taken; // Tablesaw names ignore case
            }
            if (taken != null) {
                throw new IllegalArgumentException(operation + ": table \"" + table.name() + "\" already has a column \""
                        + taken + "\", so \"" + name + "\" cannot be added; remove or rename it first (e.g. "
                        + "table.removeColumns(\"" + taken + "\"))");
            }
        }
        Table out = table.copy();
        out.addColumns(added);
        return out;
    }

    /**
     * A deep copy of {@code table} in which each given column replaces the column of the same name, at the
     * same position. The input table is not touched.
     */
    public static Table withColumns(Table table, Column<?>... replacements) {
        Table out = table.copy();
        for (Column<?> c : replacements) {
            out.replaceColumn(c.name(), c);
        }
        return out;
    }
}
