package org.anomaly4j.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Group ids for rows: two rows get the same id exactly when they hold equal values in every given column.
 * Equality follows pandas {@code duplicated}: missing equals missing (all NaN alike) and {@code -0.0} equals
 * {@code 0.0}. Numeric columns are keyed on primitive bits and factorised by sorting (no boxing); other columns
 * through their cell objects. O(n log n) per column.
 */
final class RowKeys {

    private RowKeys() {
    }

    /** A group id in [0, n) per row; equal rows share an id. */
    static int[] groups(Table table, String[] columns) {
        int n = table.rowCount();
        int[] group = new int[n];
        for (String name : columns) {
            int[] codes = columnCodes(Columns.require(table, name));
            long[] pair = new long[n];
            for (int i = 0; i < n; i++) {
                pair[i] = (long) group[i] * n + codes[i];
            }
            group = factorize(pair);
        }
        return group;
    }

    private static int[] columnCodes(Column<?> c) {
        int n = c.size();
        if (c instanceof LongColumn lc) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = lc.getLong(i);
            }
            return factorize(keys);
        }
        if (c instanceof NumericColumn<?> nc) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                double v = nc.isMissing(i) ? Double.NaN : nc.getDouble(i);
                // doubleToLongBits folds every NaN into one pattern; +0.0 folds -0.0 into 0.0.
                keys[i] = Double.doubleToLongBits(v + 0.0);
            }
            return factorize(keys);
        }
        Map<Object, Integer> seen = new HashMap<>();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            Object v = c.isMissing(i) ? MissingKey.INSTANCE : c.get(i);
            Integer code = seen.putIfAbsent(v, seen.size());
            codes[i] = code == null ? seen.size() - 1 : code;
        }
        return codes;
    }

    /** Dense ranks of the keys: equal keys → equal codes in [0, number of distinct keys). */
    private static int[] factorize(long[] keys) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int u = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[u - 1]) {
                sorted[u++] = sorted[i];
            }
        }
        int[] codes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            codes[i] = Arrays.binarySearch(sorted, 0, u, keys[i]);
        }
        return codes;
    }

    /** One key for every missing cell, whatever the column's own missing sentinel. */
    private enum MissingKey { INSTANCE }
}
