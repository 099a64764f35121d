package org.anomaly4j.data;

import java.util.Arrays;
import java.util.Comparator;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Numeric helpers shared by the data and features layers (internal, not part of the user API): column →
 * {@code double[]} extraction (missing → NaN), NaN-skipping order statistics with numpy's linear
 * interpolation, validation messages, and building a copy of a table with some columns replaced. Inner loops
 * run on primitive arrays.
 */
public final class Nums {

    private Nums() {
    }

    /** Python's string order: by code point (differs from {@link String#compareTo} only beyond the BMP). */
    public static final Comparator<String> TEXT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    /** Values of a numeric column as a new array; missing cells (NaN, Tablesaw's int sentinel) become NaN. */
    public static double[] values(Table table, String column) {
        return values(Columns.requireNumeric(table, column));
    }

    /** Values of a numeric column as a new array; missing cells become NaN. */
    public static double[] values(NumericColumn<?> c) {
        int n = c.size();
        double[] out = new double[n];
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

    /** Row index of the first NaN, or -1. */
    public static int firstNaN(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Number of NaN values. */
    public static int countNaN(double[] x) {
        int k = 0;
        for (double v : x) {
            if (Double.isNaN(v)) {
                k++;
            }
        }
        return k;
    }

    /** The non-NaN values, sorted ascending (a new array). */
    public static double[] sortedPresent(double[] x) {
        double[] out = new double[x.length];
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        out = Arrays.copyOf(out, k);
        Arrays.sort(out);
        return out;
    }

    /**
     * The values at the given ranks (ascending, 0-based) of {@code present} (no NaN), as if sorted, without
     * a full sort: successive quickselects (Hoare's FIND, 1961, with Wirth's partition loop and a
     * median-of-three pivot), each on the part right of the previous rank; a rank one above the previous
     * one is the minimum of that right part, found by a scan. O(n) expected for a few ranks.
     * {@code present} is not modified.
     *
     * @param present values without NaN (see {@link #present})
     * @param ranks   ascending ranks within [0, present.length)
     * @return the values at those ranks
     */
    public static double[] selectRanks(double[] present, int[] ranks) {
        double[] a = present.clone();
        double[] out = new double[ranks.length];
        int from = 0;
        int last = -1;
        for (int r = 0; r < ranks.length; r++) {
            int k = ranks[r];
            if (k == last) {
                out[r] = out[r - 1];
                continue;
            }
            if (k == a.length - 1 && k != last + 1) {
                double m = a[from];
                for (int i = from + 1; i < a.length; i++) {
                    m = Math.max(m, a[i]);
                }
                out[r] = m; // the largest value; nothing ranks above it, so no rearranging is needed
            } else if (k == last + 1) {
                double m = a[from];
                for (int i = from + 1; i < a.length; i++) {
                    m = Math.min(m, a[i]);
                }
                out[r] = m; // everything right of the previous rank is >= it; the smallest of them is rank k
                // keep the invariant "a[from..] holds ranks from.." by moving that minimum to position k
                for (int i = from; i < a.length; i++) {
                    if (a[i] == m) {
                        a[i] = a[from];
                        a[from] = m;
                        break;
                    }
                }
            } else {
                out[r] = select(a, from, a.length - 1, k);
            }
            last = k;
            from = k + 1;
        }
        return out;
    }

    /** The non-NaN values of {@code x}, in order. */
    public static double[] present(double[] x) {
        int k = 0;
        double[] out = new double[x.length];
        for (double v : x) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        return k == x.length ? out : Arrays.copyOf(out, k);
    }

    /** k-th smallest of a[lo..hi] (inclusive), rearranging that range so a[lo..k-1] <= a[k] <= a[k+1..hi]. */
    private static double select(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double x = median3(a[lo], a[k], a[hi]);
            int i = lo;
            int j = hi;
            do {
                while (a[i] < x) {
                    i++;
                }
                while (x < a[j]) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) {
                lo = i;
            }
            if (k < i) {
                hi = j;
            }
        }
        return a[k];
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * Quantile of sorted values by linear interpolation between the closest ranks, numpy's default
     * ({@code method='linear'}): position h = (n − 1)·q, result x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
     * Interpolates the way numpy's {@code _lerp} does (from the upper end when the fraction is ≥ 0.5), so
     * results agree with pandas and numpy to the last bit in the usual cases.
     */
    public static double quantileSorted(double[] sorted, double q) {
        int n = sorted.length;
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double d = b - a;
        return t >= 0.5 ? b - d * (1 - t) : a + d * t;
    }

    /** Median of sorted values: the mean of the two middle values for an even count, as numpy. */
    public static double medianSorted(double[] sorted) {
        int n = sorted.length;
        int mid = n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** numpy's pairwise sum of the whole array (see {@link PairwiseSum}). */
    public static double pairwiseSum(double[] a) {
        return PairwiseSum.of(a);
    }

    /** Arithmetic mean of the non-NaN values (NaN when there are none). */
    public static double meanPresent(double[] x) {
        double sum = 0;
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    /** Smallest of the most frequent non-NaN values (pandas {@code Series.mode().iloc[0]}); NaN if none. */
    public static double modePresent(double[] x) {
        double[] s = sortedPresent(x);
        double best = Double.NaN;
        int bestCount = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = s[i];
            }
            i = j;
        }
        return best;
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
     * {@code x} with ±∞ replaced by NaN, as pandas' window functions do before computing ({@code _prep_values});
     * {@code x} itself when it has no infinity (so the result must not be written to).
     */
    public static double[] infinitiesAsNaN(double[] x) {
        double[] out = x;
        for (int i = 0; i < x.length; i++) {
            if (Double.isInfinite(x[i])) {
                if (out == x) {
                    out = x.clone();
                }
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /**
     * Checks that {@code x} (the values of {@code column}) has no missing value (NaN), naming the count, the
     * first row and the fix: {@code Column "T17" has 3 missing values (first at row 208); drop them with ...}.
     */
    public static void requireNoMissing(String column, double[] x, String operation) {
        int first = firstNaN(x);
        if (first >= 0) {
            int k = countNaN(x);
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
