package org.anomaly4j.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.Nums;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows split by the values of a label column, for charts that draw one trace per label: the labels in
 * ascending order (numbers numerically, "(missing)" last), a colour per label, and the order to draw them in.
 * <p>Colours: when the labels are a normal/anomaly pair ({@code false/true}, {@code 0/1}, {@code normal/anomaly},
 * {@code inlier/outlier}, any case) they get {@link Palette#NORMAL} and {@link Palette#ANOMALY}, as every
 * other chart colours the two classes; otherwise the {@link Palette#SERIES} colours in label order.
 * Drawing goes from the largest group to the smallest, so a few anomalies lie on top of many normals.
 *
 * @param names  label values in ascending order
 * @param rows   row numbers of each label, in table order
 * @param colors colour of each label
 * @param order  indexes into {@code names}, largest group first
 */
record Groups(List<String> names, List<int[]> rows, List<String> colors, int[] order) {

    static final String MISSING = "(missing)";
    private static final Set<String> NORMAL_WORDS = Set.of("false", "0", "0.0", "normal", "inlier");
    private static final Set<String> ANOMALY_WORDS = Set.of("true", "1", "1.0", "anomaly", "outlier");

    /** The table's rows grouped by {@code labelColumn}; missing labels form the group "(missing)". */
    static Groups of(Table table, String labelColumn) {
        Column<?> labels = Columns.require(table, labelColumn);
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            String key = labels.isMissing(i) ? MISSING : labels.getString(i);
            byLabel.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<String> names = new ArrayList<>(byLabel.keySet());
        names.sort(Groups::compareLabels);
        List<int[]> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(byLabel.get(n).stream().mapToInt(Integer::intValue).toArray());
        }
        int[] sizes = new int[names.size()];
        for (int g = 0; g < sizes.length; g++) {
            sizes[g] = rows.get(g).length;
        }
        return new Groups(names, rows, colors(names), largestFirst(sizes));
    }

    /** All rows as one group named {@code name}. */
    static Groups all(Table table, String name) {
        int[] rows = new int[table.rowCount()];
        Arrays.setAll(rows, i -> i);
        return new Groups(List.of(name), List.<int[]>of(rows), List.of(Palette.series(0)), new int[] {0});
    }

    /** NORMAL/ANOMALY for a normal/anomaly pair of labels, else the series colours in order. */
    static List<String> colors(List<String> names) {
        if (names.size() == 2 && NORMAL_WORDS.contains(names.get(0).toLowerCase(Locale.ROOT))
                && ANOMALY_WORDS.contains(names.get(1).toLowerCase(Locale.ROOT))) {
            return List.of(Palette.NORMAL, Palette.ANOMALY);
        }
        if (names.size() == 2 && ANOMALY_WORDS.contains(names.get(0).toLowerCase(Locale.ROOT))
                && NORMAL_WORDS.contains(names.get(1).toLowerCase(Locale.ROOT))) {
            return List.of(Palette.ANOMALY, Palette.NORMAL);
        }
        List<String> c = new ArrayList<>();
        for (int g = 0; g < names.size(); g++) {
            c.add(Palette.series(g));
        }
        return c;
    }

    /** Indexes sorted by size, largest first; ties keep their order. */
    static int[] largestFirst(int[] sizes) {
        Integer[] o = new Integer[sizes.length];
        for (int g = 0; g < o.length; g++) {
            o[g] = g;
        }
        Arrays.sort(o, (a, b) -> Integer.compare(sizes[b], sizes[a]));
        return Arrays.stream(o).mapToInt(Integer::intValue).toArray();
    }

    /** Numbers in numeric order, other labels in Python's text order, "(missing)" last. */
    static int compareLabels(String a, String b) {
        if (a.equals(MISSING) || b.equals(MISSING)) {
            return Boolean.compare(a.equals(MISSING), b.equals(MISSING));
        }
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return Nums.TEXT_ORDER.compare(a, b);
        }
    }
}
