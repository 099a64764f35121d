package org.anomaly4j.detect;

import org.anomaly4j.features.Matrices;
import tech.tablesaw.api.Table;

/** Validation of detector input at the boundary; inner loops then trust the arrays. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The named columns as a row-major matrix ({@link Matrices#toArray}: every column must exist, be numeric
     * and have no missing value, with an error naming the column, the first bad row and the fix), and
     * additionally finite: detectors cannot use infinite values.
     */
    public static double[][] matrix(Table table, String... columns) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("name at least one column of table \"" + table.name()
                    + "\" to use as features; its columns are " + table.columnNames());
        }
        double[][] x = Matrices.toArray(table, columns);
        for (int j = 0; j < columns.length; j++) {
            int bad = 0;
            int first = -1;
            for (int i = 0; i < x.length; i++) {
                if (Double.isInfinite(x[i][j])) {
                    first = first < 0 ? i : first;
                    bad++;
                }
            }
            if (bad > 0) {
                throw new IllegalArgumentException("Column \"" + columns[j] + "\" has " + bad + " infinite value"
                        + (bad == 1 ? "" : "s") + " (first at row " + first + "); clip them with clip(...) or "
                        + "drop those rows before fitting or scoring");
            }
        }
        return x;
    }

    /** Checks a row-major matrix: non-empty, rectangular, finite; returns its width ({@link Matrices#width}). */
    public static int width(double[][] x) {
        return Matrices.width(x);
    }
}
