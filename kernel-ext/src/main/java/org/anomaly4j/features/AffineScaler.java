package org.anomaly4j.features;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The shared body of the fitted scalers: a per-column affine map applied to tables and arrays, in the two
 * operation orders scikit-learn uses so that results match it to the last bit — "divide" computes
 * (x − shift) / factor (StandardScaler and RobustScaler transform, MinMaxScaler inverse), "multiply" computes
 * x · factor + shift (the reverse). NaN passes through; infinite inputs are rejected as by scikit-learn's
 * {@code check_array}. Also holds the fit-side input checks and the {@code toString} layout common to the
 * scalers. Subclasses add only their learned parameters and their description.
 */
abstract sealed class AffineScaler implements FittedScaler
        permits StandardScaler.Fitted, MinMaxScaler.Fitted, RobustScaler.Fitted {

    /** Scales below this are treated as zero, as scikit-learn's {@code _handle_zeros_in_scale}. */
    static final double TINY_SCALE = 10 * Math.ulp(1.0);

    private static final double NO_LOWER = Double.NEGATIVE_INFINITY;
    private static final double NO_UPPER = Double.POSITIVE_INFINITY;

    private final String name;
    private final String[] columns;
    private final double[] shift;
    private final double[] factor;
    private final boolean transformDivides;
    private final double lower;
    private final double upper;

    /**
     * @param name             scaler name for messages, e.g. "StandardScaler"
     * @param transformDivides whether transform is (x − shift) / factor (else x · factor + shift)
     * @param lower            transformed values are clipped to [lower, upper] (±∞ for none)
     */
    AffineScaler(String name, String[] columns, double[] shift, double[] factor, boolean transformDivides,
                 double lower, double upper) {
        this.name = name;
        this.columns = columns.clone();
        this.shift = shift.clone();
        this.factor = factor.clone();
        this.transformDivides = transformDivides;
        this.lower = lower;
        this.upper = upper;
    }

    AffineScaler(String name, String[] columns, double[] shift, double[] factor, boolean transformDivides) {
        this(name, columns, shift, factor, transformDivides, NO_LOWER, NO_UPPER);
    }

    @Override
    public final List<String> columns() {
        return List.of(columns);
    }

    String[] columnArray() {
        return columns.clone();
    }

    @Override
    public final Table transform(Table table) {
        return applyTable(table, transformDivides, lower, upper, name + ".transform");
    }

    @Override
    public final Table inverseTransform(Table table) {
        return applyTable(table, !transformDivides, NO_LOWER, NO_UPPER, name + ".inverseTransform");
    }

    @Override
    public final double[][] transform(double[][] x) {
        return applyRows(x, transformDivides, lower, upper, name + ".transform");
    }

    @Override
    public final double[][] inverseTransform(double[][] x) {
        return applyRows(x, !transformDivides, NO_LOWER, NO_UPPER, name + ".inverseTransform");
    }

    private static double map(double x, boolean divide, double a, double b, double lo, double hi) {
        double y = divide ? (x - a) / b : x * b + a;
        // NaN fails both comparisons and passes through.
        return y < lo ? lo : y > hi ? hi : y;
    }

    private Table applyTable(Table table, boolean divide, double lo, double hi, String operation) {
        Columns.requireRows(table, operation);
        DoubleColumn[] out = new DoubleColumn[columns.length];
        for (int j = 0; j < columns.length; j++) {
            double[] x = Columns.values(table, columns[j]);
            Columns.requireNoInfinity(columns[j], x, operation);
            double a = shift[j];
            double b = factor[j];
            for (int i = 0; i < x.length; i++) {
                x[i] = map(x[i], divide, a, b, lo, hi);
            }
            out[j] = Columns.doubles(columns[j], x);
        }
        return Columns.withColumns(table, out);
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
        Columns.requireRows(table, operation);
        double[][] cols = new double[names.length][];
        for (int j = 0; j < names.length; j++) {
            cols[j] = Columns.values(table, names[j]);
            Columns.requireFitValues(names[j], cols[j], operation);
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
            Columns.requireFitValues(names[j], cols[j], operation);
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

    /**
     * "Name(options), fitted" and one line per fitted column: its name, each parameter and the number of
     * present values it was fitted on, aligned.
     */
    String describe(String options, long[] counts, String[] paramNames, double[]... params) {
        StringBuilder sb = new StringBuilder(name).append('(').append(options).append("), fitted");
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
