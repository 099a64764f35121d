package org.anomaly4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A per-column affine map shared by the fitted scalers, in the two operation orders scikit-learn uses so that
 * results match it to the last bit: {@link #divide} computes (x − shift) / factor (StandardScaler and
 * RobustScaler transform, MinMaxScaler inverse), {@link #multiply} computes x · factor + shift (the
 * reverse). NaN passes through; infinite inputs are rejected as by scikit-learn's {@code check_array}. Also
 * holds the fit-side input checks and the {@code toString} layout common to the scalers.
 */
final class Affine {

    /** Scales below this are treated as zero, as scikit-learn's {@code _handle_zeros_in_scale}. */
    static final double TINY_SCALE = 10 * Math.ulp(1.0);

    private final String[] columns;
    private final double[] shift;
    private final double[] factor;

    Affine(String[] columns, double[] shift, double[] factor) {
        this.columns = columns.clone();
        this.shift = shift.clone();
        this.factor = factor.clone();
    }

    List<String> columns() {
        return List.of(columns);
    }

    /** (x − shift) / factor on the fitted columns of a copy of the table. */
    Table divide(Table table, String operation) {
        return applyTable(table, true, NO_LOWER, NO_UPPER, operation);
    }

    /** x · factor + shift on the fitted columns of a copy of the table. */
    Table multiply(Table table, String operation) {
        return applyTable(table, false, NO_LOWER, NO_UPPER, operation);
    }

    /** x · factor + shift, then limited to [lo, hi], on the fitted columns of a copy of the table. */
    Table multiplyClipped(Table table, double lo, double hi, String operation) {
        return applyTable(table, false, lo, hi, operation);
    }

    /** (x − shift) / factor on a new row-major array. */
    double[][] divide(double[][] x, String operation) {
        return applyRows(x, true, NO_LOWER, NO_UPPER, operation);
    }

    /** x · factor + shift on a new row-major array. */
    double[][] multiply(double[][] x, String operation) {
        return applyRows(x, false, NO_LOWER, NO_UPPER, operation);
    }

    /** x · factor + shift, then limited to [lo, hi], on a new row-major array. */
    double[][] multiplyClipped(double[][] x, double lo, double hi, String operation) {
        return applyRows(x, false, lo, hi, operation);
    }

    private static final double NO_LOWER = Double.NEGATIVE_INFINITY;
    private static final double NO_UPPER = Double.POSITIVE_INFINITY;

    private static double map(double x, boolean divide, double a, double b, double lo, double hi) {
        double y = divide ? (x - a) / b : x * b + a;
        // NaN fails both comparisons and passes through.
        return y < lo ? lo : y > hi ? hi : y;
    }

    private Table applyTable(Table table, boolean divide, double lo, double hi, String operation) {
        Nums.requireRows(table, operation);
        DoubleColumn[] out = new DoubleColumn[columns.length];
        for (int j = 0; j < columns.length; j++) {
            double[] x = Nums.values(table, columns[j]);
            Nums.requireNoInfinity(columns[j], x, operation);
            double a = shift[j];
            double b = factor[j];
            for (int i = 0; i < x.length; i++) {
                x[i] = map(x[i], divide, a, b, lo, hi);
            }
            out[j] = Nums.doubles(columns[j], x);
        }
        return Nums.withColumns(table, out);
    }

    private double[][] applyRows(double[][] x, boolean divide, double lo, double hi, String operation) {
        checkRows(x, columns.length, operation);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i].clone();
            for (int j = 0; j < row.length; j++) {
                if (Double.isInfinite(row[j])) {
                    throw new IllegalArgumentException(operation + ": row " + i + ", column " + j + " (\""
                            + columns[j] + "\") is infinite; clip or drop it first");
                }
                row[j] = map(row[j], divide, shift[j], factor[j], lo, hi);
            }
            out[i] = row;
        }
        return out;
    }

    /** A non-empty rectangular array whose rows have {@code width} values (when width ≥ 0). */
    static void checkRows(double[][] x, int width, String operation) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(operation + ": the array has no rows");
        }
        int w = width >= 0 ? width : (x[0] == null ? 0 : x[0].length);
        if (w == 0) {
            throw new IllegalArgumentException(operation + ": row 0 has no values; pass at least one column");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != w) {
                throw new IllegalArgumentException(operation + ": row " + i + " has "
                        + (x[i] == null ? "no array" : x[i].length + " values") + ", expected " + w
                        + (width >= 0 ? " (one per fitted column)" : " (as row 0)"));
            }
        }
    }

    /** The fit data as columns: one array per named column of the table, checked for fitting. */
    static double[][] fitColumns(Table table, String[] names, String operation) {
        Nums.requireRows(table, operation);
        double[][] cols = new double[names.length][];
        for (int j = 0; j < names.length; j++) {
            cols[j] = Nums.values(table, names[j]);
            Nums.requireFitValues(names[j], cols[j], operation);
        }
        return cols;
    }

    /** The fit data as columns from a row-major array, checked for fitting; columns are named x0, x1, … */
    static double[][] fitColumns(double[][] rows, String operation) {
        checkRows(rows, -1, operation);
        int w = rows[0].length;
        double[][] cols = new double[w][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < w; j++) {
                cols[j][i] = rows[i][j];
            }
        }
        String[] names = arrayNames(w);
        for (int j = 0; j < w; j++) {
            Nums.requireFitValues(names[j], cols[j], operation);
        }
        return cols;
    }

    /** scikit-learn's names for array columns: x0, x1, … */
    static String[] arrayNames(int width) {
        String[] names = new String[width];
        for (int j = 0; j < width; j++) {
            names[j] = "x" + j;
        }
        return names;
    }

    /** A 1 where |scale| is below {@link #TINY_SCALE}, else the scale (scikit-learn zero handling). */
    static double nonZero(double scale) {
        return scale < TINY_SCALE ? 1.0 : scale;
    }

    /** Header line, then one line per column: name, each parameter and the fit count, aligned. */
    static String describe(String header, String[] columns, long[] counts, String[] paramNames,
                           double[]... params) {
        StringBuilder sb = new StringBuilder(header);
        int width = 0;
        for (String c : columns) {
            width = Math.max(width, c.length());
        }
        for (int j = 0; j < columns.length; j++) {
            sb.append("\n  ").append(columns[j]).append(" ".repeat(width - columns[j].length()));
            for (int p = 0; p < paramNames.length; p++) {
                sb.append("  ").append(paramNames[p]).append('=')
                        .append(String.format(Locale.ROOT, "%.6g", params[p][j]));
            }
            sb.append("  n=").append(counts[j]);
        }
        return sb.toString();
    }

    static double[] copy(double[] x) {
        return Arrays.copyOf(x, x.length);
    }
}
