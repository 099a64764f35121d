package org.anomaly4j.io;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Column names the way a table can hold them, and tables built from many columns in linear time.
 * <p>Tablesaw compares column names ignoring case, so {@code a} and {@code A} cannot both be columns of a
 * table, where pandas keeps both. A header is therefore cleaned up as pandas does (stripped names,
 * {@code Unnamed: k} for blanks, {@code x.1}, {@code x.2}, ... for repeats) and in addition a name equal to an
 * earlier one ignoring case gets the same kind of suffix ({@code a,A} → {@code a, A.1}); each renamed column is
 * named in the read report.
 * <p>Why {@link #table}: Tablesaw 0.44.4's {@code Table.create(name, columns)} adds the columns one by one, and
 * each addition lower-cases every name already in the table to look for a duplicate ({@code Table.validateColumn}),
 * so k columns cost O(k²) (332 s for one row of 100,000 columns). Here the names are checked once with hash
 * sets, O(k).
 */
final class ColumnNames {

    private ColumnNames() {
    }

    /**
     * A header after clean-up.
     *
     * @param names   the column names, unique ignoring case
     * @param renamed per column, why it was renamed ({@code "blank name"}, {@code "repeated name"} or
     *                {@code "name differs only in case from another column's"}), or null if it was kept
     */
    record Header(String[] names, String[] renamed) {
    }

    /** pandas' header clean-up, with names that differ only in case made distinct as repeats are. O(k log k). */
    static Header clean(String[] raw) {
        String[] names = new String[raw.length];
        String[] renamed = new String[raw.length];
        Taken taken = new Taken();
        Map<String, Integer> next = new HashMap<>();
        for (int j = 0; j < raw.length; j++) {
            String name = raw[j].strip();
            if (name.isEmpty()) {
                name = "Unnamed: " + j;
                renamed[j] = "blank name";
            }
            String candidate = name;
            if (taken.contains(candidate)) {
                renamed[j] = taken.containsExactly(candidate) ? "repeated name"
                        : "name differs only in case from another column's";
                int k = next.getOrDefault(name, 1);
                do {
                    candidate = name + "." + k++;
                } while (taken.contains(candidate));
                next.put(name, k);
            }
            taken.add(candidate);
            names[j] = candidate;
        }
        return new Header(names, renamed);
    }

    /** True when no name is blank and no two are equal ignoring case (the fast reader's precondition). */
    static boolean distinct(List<String> names) {
        Taken taken = new Taken();
        for (String n : names) {
            if (n.isEmpty() || taken.contains(n)) {
                return false;
            }
            taken.add(n);
        }
        return true;
    }

    /**
     * {@code Table.create(name, columns)} in O(k) for k columns: the columns, which must have distinct names
     * ignoring case and equal sizes (the readers make them so), are added without Tablesaw's per-column
     * quadratic duplicate scan.
     *
     * @throws IllegalStateException if two names clash or sizes differ (a reader bug, not bad input)
     */
    static Table table(String name, List<Column<?>> columns) {
        Table t = Table.create(name);
        Taken taken = new Taken();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column<?> c : columns) {
            if (taken.contains(c.name()) || c.size() != rows) {
                throw new IllegalStateException("column \"" + c.name() + "\" (" + c.size() + " rows) cannot join table \""
                        + name + "\" (" + rows + " rows): its name is taken or its size differs");
            }
            taken.add(c.name());
            t.internalAddWithoutValidation(c);
        }
        return t;
    }

    /**
     * Names seen so far, under both of Tablesaw's rules for "the same name": {@code toLowerCase()} equality
     * (its duplicate check, default locale) and {@link String#equalsIgnoreCase} (its look-ups by name).
     */
    private static final class Taken {
        private final Set<String> exact = new HashSet<>();
        private final Set<String> lower = new HashSet<>();
        private final Set<String> ignoringCase = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

        boolean contains(String name) {
            return lower.contains(name.toLowerCase()) || ignoringCase.contains(name);
        }

        boolean containsExactly(String name) {
            return exact.contains(name);
        }

        void add(String name) {
            exact.add(name);
            lower.add(name.toLowerCase());
            ignoringCase.add(name);
        }
    }
}
