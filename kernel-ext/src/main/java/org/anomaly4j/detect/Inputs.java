package org.anomaly4j.detect;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Validation of detector input at the boundary; inner loops then trust the arrays. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The named columns as a row-major matrix. Every column must exist, be numeric and hold only finite
     * values; the error names the column, how many cells are bad, the first bad row and the fix.
     */
    public static double[][] matrix(Table table, String... columns) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("name at least one column of table \"" + table.name()
                    + "\" to use as features; its columns are " + table.columnNames());
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table \"" + table.name() + "\" has no rows");
        }
        int n = table.rowCount();
        double[][] x = new double[n][columns.length];
        for (int j = 0; j < columns.length; j++) {
            NumericColumn<?> c = Columns.requireNumeric(table, columns[j]);
            int bad = 0;
            int first = -1;
            boolean missing = false;
            for (int i = 0; i < n; i++) {
                double v = c.isMissing(i) ? Double.NaN : c.getDouble(i);
                if (!Double.isFinite(v)) {
                    if (first < 0) {
                        first = i;
                        missing = Double.isNaN(v);
                    }
                    bad++;
                }
                x[i][j] = v;
            }
            if (bad > 0) {
                throw new IllegalArgumentException("Column \"" + columns[j] + "\" has " + bad
                        + (missing ? " missing" : " infinite") + " value" + (bad == 1 ? "" : "s")
                        + " (first at row " + first + "); drop them with dropMissing(...) or fill them with "
                        + "fillMissing(...) before fitting or scoring");
            }
        }
        return x;
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
}
