package org.anomaly4j.data;

import java.util.ArrayList;
import java.util.List;

import org.anomaly4j.io.NumberText;
import org.anomaly4j.stats.Nums;
import org.anomaly4j.stats.Quantiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Cleaning operations shaped after pandas: missing values, duplicates, text → number conversion, clipping,
 * winsorizing and log transforms. Every method takes a {@link Table} and returns a new one; the input is never
 * changed. Rows keep their order; dropped rows simply disappear (Tablesaw has no index, so the result is
 * renumbered from 0, like pandas {@code reset_index(drop=True)}).
 * <p>Missing values are what Tablesaw reads as missing: NaN in double columns, the integer sentinel in integer
 * columns, {@code ""} in text columns, {@code null} in date-time columns. A numeric column that an operation
 * rewrites comes back as a {@code DoubleColumn} with the same name at the same position (pandas: float64).
 * <p>Errors (unknown column, wrong type, values out of range) are {@link IllegalArgumentException}s naming the
 * column, the first offending row where there is one, and the fix.
 */
public final class Clean {

    private Clean() {
    }

    // ---------------------------------------------------------------- missing values

    /** Rows with no missing cell in any column (pandas {@code df.dropna()}). O(rows × columns). */
    public static Table dropMissing(Table table) {
        return dropMissing(table, How.ANY);
    }

    /**
     * Rows kept by pandas {@code df.dropna(how=..., subset=[...])}: with {@link How#ANY} a row is dropped if any
     * of the {@code subset} cells is missing, with {@link How#ALL} only if all of them are. No subset means all
     * columns. An empty table gives an empty copy, as in pandas. O(rows × subset).
     *
     * @throws IllegalArgumentException if a subset column is not in the table
     */
    public static Table dropMissing(Table table, How how, String... subset) {
        List<Column<?>> cols = columnsOf(table, subset, "dropMissing");
        if (how == null) {
            throw new IllegalArgumentException("dropMissing: how must be How.ANY or How.ALL, got null");
        }
        int n = table.rowCount();
        Selection keep = new BitmapBackedSelection();
        for (int i = 0; i < n; i++) {
            int missing = 0;
            for (Column<?> c : cols) {
                if (c.isMissing(i)) {
                    missing++;
                }
            }
            boolean drop = how == How.ANY ? missing > 0 : missing == cols.size();
            if (!drop) {
                keep.add(i);
            }
        }
        return table.where(keep);
    }

    /**
     * Fills the missing cells of {@code columns} (all columns the strategy applies to when none are named) with
     * the given {@link FillStrategy} — pandas {@code fillna}, {@code ffill}, {@code bfill},
     * {@code interpolate}; see {@link FillStrategy} for each strategy's rule and how leading and trailing gaps
     * are treated. Columns without missing values are returned unchanged; filled numeric columns become
     * {@code DoubleColumn}s.
     *
     * @throws IllegalArgumentException if a named column is missing from the table, has a type the strategy
     *                                  cannot fill, or has only missing values for mean/median/mode
     */
    public static Table fillMissing(Table table, FillStrategy strategy, String... columns) {
        if (strategy == null) {
            throw new IllegalArgumentException("fillMissing: strategy is null; use e.g. FillStrategy.mean()");
        }
        List<Column<?>> cols = new ArrayList<>();
        if (columns == null || columns.length == 0) {
            requireTable(table, "fillMissing");
            for (Column<?> c : table.columns()) {
                if (strategy.accepts(c)) {
                    cols.add(c);
                }
            }
        } else {
            for (Column<?> c : columnsOf(table, columns, "fillMissing")) {
                if (!strategy.accepts(c)) {
                    throw new IllegalArgumentException(strategy.rejection(c));
                }
                cols.add(c);
            }
        }
        List<Column<?>> filled = new ArrayList<>();
        for (Column<?> c : cols) {
            Column<?> f = strategy.fill(c);
            if (f != c) {
                filled.add(f);
            }
        }
        return Columns.withColumns(table, filled.toArray(Column<?>[]::new));
    }

    // ---------------------------------------------------------------- duplicates

    /**
     * Marks rows that repeat an earlier (or, with {@link Keep#LAST}, a later) row on the {@code subset} columns
     * (all columns when none are named) — pandas {@code df.duplicated(subset, keep)}. With {@link Keep#NONE}
     * every row that has a twin is marked. Missing equals missing; {@code -0.0} equals {@code 0.0}.
     * O(rows × subset × log rows).
     *
     * @return a boolean column named {@code duplicated}, one entry per row
     */
    public static BooleanColumn duplicated(Table table, Keep keep, String... subset) {
        boolean[] dup = duplicateMask(table, keep, subset, "duplicated");
        BooleanColumn out = BooleanColumn.create("duplicated", dup.length);
        for (int i = 0; i < dup.length; i++) {
            out.set(i, dup[i]);
        }
        return out;
    }

    /** Rows that are not duplicates of an earlier row over all columns (pandas {@code drop_duplicates()}). */
    public static Table dropDuplicates(Table table) {
        return dropDuplicates(table, Keep.FIRST);
    }

    /**
     * Rows kept by pandas {@code df.drop_duplicates(subset, keep)}: {@link Keep#FIRST} keeps the first of each
     * group of equal rows, {@link Keep#LAST} the last, {@link Keep#NONE} none of a group with more than one
     * row. Equality as in {@link #duplicated}. O(rows × subset × log rows).
     */
    public static Table dropDuplicates(Table table, Keep keep, String... subset) {
        boolean[] dup = duplicateMask(table, keep, subset, "dropDuplicates");
        Selection kept = new BitmapBackedSelection();
        for (int i = 0; i < dup.length; i++) {
            if (!dup[i]) {
                kept.add(i);
            }
        }
        return table.where(kept);
    }

    private static boolean[] duplicateMask(Table table, Keep keep, String[] subset, String operation) {
        List<Column<?>> cols = columnsOf(table, subset, operation);
        if (keep == null) {
            throw new IllegalArgumentException(operation + ": keep must be Keep.FIRST, Keep.LAST or Keep.NONE, "
                    + "got null");
        }
        String[] names = new String[cols.size()];
        for (int j = 0; j < names.length; j++) {
            names[j] = cols.get(j).name();
        }
        int[] group = RowKeys.groups(table, names);
        int n = group.length;
        boolean[] dup = new boolean[n];
        int[] count = new int[n];
        switch (keep) {
            case FIRST -> {
                for (int i = 0; i < n; i++) {
                    dup[i] = count[group[i]]++ > 0;
                }
            }
            case LAST -> {
                for (int i = n - 1; i >= 0; i--) {
                    dup[i] = count[group[i]]++ > 0;
                }
            }
            case NONE -> {
                for (int g : group) {
                    count[g]++;
                }
                for (int i = 0; i < n; i++) {
                    dup[i] = count[group[i]] > 1;
                }
            }
            default -> throw new AssertionError(keep);
        }
        return dup;
    }

    // ---------------------------------------------------------------- type conversion

    /**
     * Reads a text column as numbers, like pandas {@code pd.to_numeric(s, errors='coerce')}, and reports every
     * cell that could not be read (it becomes missing). Accepted, after trimming ASCII white space: decimal
     * numbers with optional sign, fraction and exponent ({@code -4e2}, {@code .5}, {@code 5.}, {@code +7}) and
     * {@code inf}/{@code infinity} in any case with optional sign. Rejected, as by pandas: thousands separators,
     * hexadecimal, underscores, Java suffixes ({@code 1d}, {@code 1f}), {@code nan}, blank text, and numbers
     * beyond the double range ({@code 1e400}). Cells that are already missing stay missing and are not
     * reported. A numeric column is returned as a copy with an empty report. O(total text length).
     *
     * @throws IllegalArgumentException if the column is neither text nor numeric
     */
    public static NumericConversion toNumeric(Table table, String column) {
        Column<?> c = Columns.require(table, column);
        if (c instanceof NumericColumn<?>) {
            return new NumericConversion(table.copy(), column, List.of());
        }
        if (!(c instanceof StringColumn s)) {
            throw new IllegalArgumentException("toNumeric: column \"" + column + "\" is " + c.type().name()
                    + "; it converts text columns (STRING) to numbers");
        }
        int n = s.size();
        double[] out = new double[n];
        List<NumericConversion.Unparsed> bad = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (s.isMissing(i)) {
                out[i] = Double.NaN;
                continue;
            }
            String text = s.get(i);
            out[i] = NumberText.parse(text);
            if (Double.isNaN(out[i])) {
                bad.add(new NumericConversion.Unparsed(i, text));
            }
        }
        return new NumericConversion(Columns.withColumns(table, Columns.doubles(column, out)), column, bad);
    }

    // ---------------------------------------------------------------- value transforms

    /**
     * Limits the column's values to [{@code lower}, {@code upper}] (pandas {@code s.clip(lower, upper)}); use
     * {@code Double.NEGATIVE_INFINITY} or {@code POSITIVE_INFINITY} for a one-sided clip. Missing values stay
     * missing. O(rows).
     *
     * @throws IllegalArgumentException if a bound is NaN, {@code lower > upper}, or the column is not numeric
     */
    public static Table clip(Table table, String column, double lower, double upper) {
        double[] x = Columns.values(table, column);
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("clip(\"" + column + "\"): need lower <= upper and neither NaN "
                    + "(use ±Infinity for no bound), got lower=" + lower + ", upper=" + upper);
        }
        return Columns.withColumns(table, Columns.doubles(column, clipValues(x, lower, upper)));
    }

    private static double[] clipValues(double[] x, double lower, double upper) {
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            // NaN compares false both ways, so missing values pass through unchanged.
            if (v < lower) {
                x[i] = lower;
            } else if (v > upper) {
                x[i] = upper;
            }
        }
        return x;
    }

    /**
     * Clips the column at its own {@code lowerQuantile} and {@code upperQuantile}, both computed from the present
     * values with linear interpolation — pandas
     * {@code s.clip(lower=s.quantile(lowerQuantile), upper=s.quantile(upperQuantile))}. E.g.
     * {@code winsorize(t, "Amount", 0.01, 0.99)} pulls the 1 % most extreme values at each end in to the 1st and
     * 99th percentiles. Missing values stay missing. O(rows log rows).
     *
     * @throws IllegalArgumentException unless {@code 0 <= lowerQuantile <= upperQuantile <= 1}, or if the
     *                                  column has no present value
     */
    public static Table winsorize(Table table, String column, double lowerQuantile, double upperQuantile) {
        double[] x = Columns.values(table, column);
        if (!(lowerQuantile >= 0 && lowerQuantile <= upperQuantile && upperQuantile <= 1)) {
            throw new IllegalArgumentException("winsorize(\"" + column + "\"): quantiles must satisfy "
                    + "0 <= lower <= upper <= 1, got lower=" + lowerQuantile + ", upper=" + upperQuantile);
        }
        double[] sorted = Nums.sortedPresent(x);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("winsorize(\"" + column + "\"): the column has only missing "
                    + "values; fill them with fillMissing(...) first");
        }
        double lo = Quantiles.quantileOfSorted(sorted, lowerQuantile);
        double hi = Quantiles.quantileOfSorted(sorted, upperQuantile);
        return Columns.withColumns(table, Columns.doubles(column, clipValues(x, lo, hi)));
    }

    /**
     * Natural log of 1 + x (numpy {@code np.log1p}), accurate for small x; for skewed non-negative columns
     * such as amounts. Values below −1 have no logarithm and are rejected (use {@link #signedLog1p} for
     * columns with negative values); −1 maps to −∞ as in numpy. Missing values stay missing. O(rows).
     *
     * @throws IllegalArgumentException naming the first row below −1 and the count of such rows
     */
    public static Table log1p(Table table, String column) {
        double[] x = Columns.values(table, column);
        int first = -1;
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < -1) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (count > 0) {
            throw new IllegalArgumentException("log1p(\"" + column + "\"): " + count + " value(s) below -1 "
                    + "(first at row " + first + ": " + x[first] + ") have no logarithm; use signedLog1p(...) "
                    + "for columns with negative values, or clip(...) them first");
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log1p(x[i]);
        }
        return Columns.withColumns(table, Columns.doubles(column, x));
    }

    /**
     * Symmetric log transform sign(x)·log(1 + |x|) (numpy {@code np.sign(x) * np.log1p(np.abs(x))}): defined
     * for every value, odd (f(−x) = −f(x)), 0 at 0, compresses both tails. Missing values stay missing. O(rows).
     */
    public static Table signedLog1p(Table table, String column) {
        double[] x = Columns.values(table, column);
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            x[i] = v > 0 ? Math.log1p(v) : v < 0 ? -Math.log1p(-v) : v;
        }
        return Columns.withColumns(table, Columns.doubles(column, x));
    }

    // ---------------------------------------------------------------- helpers

    private static Table requireTable(Table table, String operation) {
        if (table == null) {
            throw new IllegalArgumentException(operation + ": table is null");
        }
        return table;
    }

    /** The named columns (all when none are named), each checked to exist, none named twice. */
    private static List<Column<?>> columnsOf(Table table, String[] names, String operation) {
        requireTable(table, operation);
        if (names == null || names.length == 0) {
            return table.columns();
        }
        List<Column<?>> cols = new ArrayList<>(names.length);
        for (String name : Columns.requireNames(names, operation)) {
            cols.add(Columns.require(table, name));
        }
        return cols;
    }
}
