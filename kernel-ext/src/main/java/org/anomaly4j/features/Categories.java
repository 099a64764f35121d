package org.anomaly4j.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.Nums;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The sorted categories of one text or integer column, learned by the encoders, and the lookup of each
 * row's category index. Text sorts by Unicode code point (Python's {@code str} order, which scikit-learn's
 * {@code np.unique} uses); integers sort numerically and are labelled in decimal. Missing values are not a
 * category. Package-private: shared by {@link OneHotEncoder} and {@link OrdinalEncoder}.
 */
final class Categories {

    /** Code returned for a missing cell. */
    static final int MISSING = -1;
    /** Code returned for a value not seen in fit. */
    static final int UNKNOWN = -2;

    private final String column;
    private final String typeName;
    private final List<String> labels;
    /** Sorted integer categories, or {@code null} for a text column. */
    private final long[] integers;
    /** Text category → index, or {@code null} for an integer column. */
    private final Map<String, Integer> index;

    private Categories(String column, String typeName, List<String> labels, long[] integers) {
        this.column = column;
        this.typeName = typeName;
        this.labels = List.copyOf(labels);
        this.integers = integers;
        if (integers == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int k = 0; k < labels.size(); k++) {
                m.put(labels.get(k), k);
            }
            this.index = m;
        } else {
            this.index = null;
        }
    }

    /** Learns the sorted distinct present values of {@code column}. */
    static Categories fit(Table table, String column, String operation) {
        Column<?> c = Columns.require(table, column);
        if (c instanceof StringColumn s) {
            TreeSet<String> seen = new TreeSet<>(Nums.TEXT_ORDER);
            for (int i = 0; i < s.size(); i++) {
                if (!s.isMissing(i)) {
                    seen.add(s.get(i));
                }
            }
            requireSome(column, seen.size(), operation);
            return new Categories(column, c.type().name(), new ArrayList<>(seen), null);
        }
        long[] values = integers(c, operation);
        long[] present = new long[values.length];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (!c.isMissing(i)) {
                present[k++] = values[i];
            }
        }
        long[] sorted = distinctSorted(Arrays.copyOf(present, k));
        requireSome(column, sorted.length, operation);
        List<String> labels = new ArrayList<>(sorted.length);
        for (long v : sorted) {
            labels.add(Long.toString(v));
        }
        return new Categories(column, c.type().name(), labels, sorted);
    }

    /** Categories of each named column, for an encoder's fit: the table must have rows, names must be unique. */
    static List<Categories> fitAll(Table table, String[] columns, String operation) {
        Columns.requireRows(table, operation);
        List<Categories> out = new ArrayList<>();
        for (String c : Columns.requireNames(columns, operation)) {
            out.add(fit(table, c, operation));
        }
        return List.copyOf(out);
    }

    /** Column → sorted labels, in fit order, unmodifiable (scikit-learn {@code categories_}). */
    static Map<String, List<String>> asMap(List<Categories> categories) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Categories c : categories) {
            m.put(c.column, c.labels);
        }
        return Collections.unmodifiableMap(m);
    }

    private static long[] distinctSorted(long[] values) {
        Arrays.sort(values);
        int u = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[u++] = values[i];
            }
        }
        return Arrays.copyOf(values, u);
    }

    private static void requireSome(String column, int count, String operation) {
        if (count == 0) {
            throw new IllegalArgumentException(operation + ": column \"" + column
                    + "\" has only missing values, so there are no categories to learn; fill or drop them first");
        }
    }

    private static long[] integers(Column<?> c, String operation) {
        int n = c.size();
        long[] out = new long[n];
        if (c instanceof IntColumn ic) {
            for (int i = 0; i < n; i++) {
                out[i] = ic.getInt(i);
            }
        } else if (c instanceof LongColumn lc) {
            for (int i = 0; i < n; i++) {
                out[i] = lc.getLong(i);
            }
        } else if (c instanceof ShortColumn sc) {
            for (int i = 0; i < n; i++) {
                out[i] = sc.getShort(i);
            }
        } else {
            throw new IllegalArgumentException(operation + ": column \"" + c.name() + "\" is " + c.type().name()
                    + "; encoders take text or integer columns (bin continuous values into labelled ranges first,"
                    + " or scale them instead)");
        }
        return out;
    }

    /** The column these categories belong to. */
    String column() {
        return column;
    }

    /** The sorted category labels. */
    List<String> labels() {
        return labels;
    }

    int size() {
        return labels.size();
    }

    /**
     * Category index per row of {@code table}'s column: 0..size()−1, {@link #MISSING} or {@link #UNKNOWN}.
     */
    int[] codes(Table table, String operation) {
        Column<?> c = Columns.require(table, column);
        if (!c.type().name().equals(typeName)) {
            throw new IllegalArgumentException(operation + ": column \"" + column + "\" is " + c.type().name()
                    + " but was " + typeName + " when the encoder was fitted; convert it back or fit again");
        }
        int n = c.size();
        int[] codes = new int[n];
        if (integers == null) {
            StringColumn s = (StringColumn) c;
            for (int i = 0; i < n; i++) {
                Integer k = s.isMissing(i) ? null : index.get(s.get(i));
                codes[i] = s.isMissing(i) ? MISSING : k == null ? UNKNOWN : k;
            }
        } else {
            long[] values = integers(c, operation);
            for (int i = 0; i < n; i++) {
                int k = Arrays.binarySearch(integers, values[i]);
                codes[i] = c.isMissing(i) ? MISSING : k < 0 ? UNKNOWN : k;
            }
        }
        return codes;
    }

    /** The cell's value as a category label would read, for messages about unknown values. */
    String valueText(Table table, int row) {
        Column<?> c = table.column(column);
        return integers == null ? c.getString(row) : Long.toString(integers(c, "")[row]);
    }

    @Override
    public String toString() {
        return column + "=" + labels;
    }
}
