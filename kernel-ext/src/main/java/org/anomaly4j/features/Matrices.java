package org.anomaly4j.features;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Conversions between a {@link Table} and a row-major {@code double[rows][columns]} matrix (pandas
 * {@code df[cols].to_numpy()} and {@code pd.DataFrame(x, columns=names)}). Both copy; O(rows × columns).
 */
public final class Matrices {

    private Matrices() {
    }

    /**
     * The named numeric columns (all columns, which must then all be numeric, when none are named) as
     * {@code x[row][column]}, in the order named. Integers become doubles; infinities are kept.
     *
     * @throws IllegalArgumentException if a column is unknown or not numeric, the table has no rows, or a column
     *                                  has missing values (naming the column, the count and the first row, with
     *                                  the fix: {@code dropMissing(...)} or {@code fillMissing(...)})
     */
    public static double[][] toArray(Table table, String... columns) {
        Columns.requireRows(table, "toArray");
        String[] names = columns == null || columns.length == 0
                ? table.columnNames().toArray(String[]::new)
                : Columns.requireNames(columns, "toArray");
        int n = table.rowCount();
        int d = names.length;
        double[][] x = new double[n][d];
        for (int j = 0; j < d; j++) {
            double[] c = Columns.values(table, names[j]);
            Columns.requireNoMissing(names[j], c, "toArray");
            for (int i = 0; i < n; i++) {
                x[i][j] = c[i];
            }
        }
        return x;
    }

    /**
     * A table named {@code "matrix"} with one {@code DoubleColumn} per matrix column, named by {@code names}
     * in order ({@code C0, C1, ...} when no names are given, like a CSV without header). NaN becomes a missing
     * cell.
     *
     * @throws IllegalArgumentException if the matrix is empty or ragged, or the names do not match its width,
     *                                  repeat or are null
     */
    public static Table toTable(double[][] x, String... names) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("toTable: the matrix has no rows");
        }
        int d = x[0] == null ? 0 : x[0].length;
        for (int i = 0; i < x.length; i++) {
            int len = x[i] == null ? 0 : x[i].length;
            if (len != d) {
                throw new IllegalArgumentException("toTable: row " + i + " has " + len + " values but row 0 has "
                        + d + "; every row must have the same length");
            }
        }
        if (d == 0) {
            throw new IllegalArgumentException("toTable: the matrix has no columns");
        }
        String[] cols = names == null || names.length == 0 ? defaultNames(d) : Columns.requireNames(names, "toTable");
        if (cols.length != d) {
            throw new IllegalArgumentException("toTable: " + cols.length + " names given for a matrix with " + d
                    + " columns; give exactly one name per column");
        }
        Column<?>[] out = new Column<?>[d];
        for (int j = 0; j < d; j++) {
            double[] c = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                c[i] = x[i][j];
            }
            out[j] = DoubleColumn.create(cols[j], c);
        }
        return Table.create("matrix", out);
    }

    private static String[] defaultNames(int d) {
        String[] out = new String[d];
        for (int j = 0; j < d; j++) {
            out[j] = "C" + j;
        }
        return out;
    }

    /** Checks a row-major matrix: non-empty, rectangular, finite; returns its width. */
    public static int width(double[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("the data has no rows");
        }
        int d = x[0] == null ? 0 : x[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("the data has no columns");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + (x[i] == null ? 0 : x[i].length)
                        + " values but row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("value at row " + i + ", column " + j + " is " + x[i][j]
                            + "; drop or fill missing and infinite values before fitting or scoring");
                }
            }
        }
        return d;
    }

    /** A deep copy of a row-major matrix: every row cloned, so neither side sees the other's changes. */
    public static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }
}
