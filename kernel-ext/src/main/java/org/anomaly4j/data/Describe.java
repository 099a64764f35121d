package org.anomaly4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anomaly4j.stats.Nums;
import org.anomaly4j.stats.PairwiseSum;
import org.anomaly4j.stats.Quantiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Inspecting a table the pandas way: summary statistics, column info, missing counts, value counts, duplicate
 * counts and correlations. Every method returns a new {@link Table} (or a number or text) and leaves its input
 * unchanged.
 * <p><b>Missing values</b> are skipped as pandas does with {@code skipna=True}: a column's statistics use its
 * present values only, and a statistic with too few values is NaN (mean of none, std of fewer than two). In
 * numeric columns missing means NaN or Tablesaw's integer sentinel; in text columns the empty string.
 * <p><b>Arithmetic</b> follows pandas 2.3 step for step so results agree to the last bit or two: sums in
 * numpy's pairwise order, variance by the two-pass formula, quantiles by numpy's linear interpolation,
 * correlations by pandas' Welford recurrence ({@code libalgos.nancorr}).
 * <p><b>Order of ties</b> ({@link #valueCounts}, the {@code top} of {@link #describeText}): equal counts keep the
 * order in which the values first appear. pandas 2.3 sorts the counts with numpy's unstable quicksort (on x86
 * with AVX-512 a SIMD sort), so its order among equal counts depends on the machine; the counts themselves and
 * the set of values sharing a count always agree, and first appearance is what pandas gives with
 * {@code value_counts(sort=False)} followed by a stable sort.
 */
public final class Describe {

    /** Statistic names of {@link #describe}, pandas' row labels. */
    private static final String[] NUMERIC_STATS = {"count", "mean", "std", "min", "25%", "50%", "75%", "max"};
    private static final double[] QUARTILES = {0.25, 0.5, 0.75};
    /** Rough JVM cost of one distinct string in a Tablesaw dictionary: String + byte[] headers, two map slots. */
    private static final int STRING_OVERHEAD_BYTES = 56;

    private Describe() {
    }

    // ---------------------------------------------------------------- describe

    /**
     * Summary statistics of numeric columns, pandas {@code df.describe()}: a table whose first column
     * {@code stat} holds {@code count, mean, std, min, 25%, 50%, 75%, max} and then one double column per
     * numeric column. {@code std} is the sample standard deviation (ddof = 1):
     * sqrt(Σ(x − mean)² / (count − 1)), computed in two passes; quartiles use numpy's linear interpolation
     * between the closest ranks (position (count − 1)·q). Missing values are skipped; a column with no values
     * gives count 0 and NaN elsewhere, one value gives std NaN. With no names, every numeric column is described;
     * if the table has none, this is {@link #describeText} (as pandas falls back to object columns).
     * O(rows) expected per column (quartiles by selection, not a sort); columns run in parallel.
     *
     * @param columns numeric columns to describe; none = all numeric columns
     * @throws IllegalArgumentException for an unknown or non-numeric column, or a table without rows
     */
    public static Table describe(Table table, String... columns) {
        Columns.requireRows(table, "describe");
        List<NumericColumn<?>> cols = numericColumns(table, columns, "describe");
        if (cols.isEmpty()) {
            return describeText(table);
        }
        List<Column<?>> out = new ArrayList<>();
        out.add(StringColumn.create("stat", NUMERIC_STATS));
        // columns are independent: summarise them in parallel, keep their order
        // one worker per core takes every workers-th column and reuses its two scratch arrays from column to
        // column: describe allocates 2 × workers × rows doubles instead of one or two arrays per column
        double[][] summaries = new double[cols.size()][];
        int workers = Math.min(cols.size(), java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);
        int rows = table.rowCount();
        java.util.stream.IntStream.range(0, workers).parallel().forEach(w -> {
            double[] values = new double[rows];
            double[] scratch = new double[rows];
            for (int j = w; j < cols.size(); j += workers) {
                summaries[j] = numericSummary(cols.get(j), values, scratch);
            }
        });
        for (int j = 0; j < cols.size(); j++) {
            out.add(DoubleColumn.create(cols.get(j).name(), summaries[j]));
        }
        return Table.create(table.name(), out);
    }

    /**
     * count, mean, std, min, quartiles, max of the non-NaN values of a column, as {@link #describe} defines them.
     * {@code values} and {@code scratch} (each at least the column's size) are overwritten: the column's values,
     * then the zeroed values and squared deviations, then the values again for the in-place selection.
     */
    static double[] numericSummary(NumericColumn<?> column) {
        return numericSummary(column, new double[column.size()], new double[column.size()]);
    }

    private static double[] numericSummary(NumericColumn<?> column, double[] values, double[] work) {
        int n = column.size();
        double[] x = Columns.values(column, values);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                count++;
            }
        }
        double[] s = new double[NUMERIC_STATS.length];
        Arrays.fill(s, Double.NaN);
        s[0] = count;
        if (count == 0) {
            return s;
        }
        // without missing values x itself is the zeroed array and then the scratch array
        double[] scratch = count == n ? x : work;
        // pandas nanmean: pairwise sum with missing values zeroed, divided by the count
        if (count < n) {
            for (int i = 0; i < n; i++) {
                scratch[i] = Double.isNaN(x[i]) ? 0.0 : x[i];
            }
        }
        double mean = PairwiseSum.of(scratch) / count;
        s[1] = mean;
        if (count > 1) {
            // pandas nanvar, two-pass: Σ (mean − x)² over present values (missing → 0), / (count − 1)
            for (int i = 0; i < n; i++) {
                double d = Double.isNaN(x[i]) ? 0.0 : mean - x[i];
                scratch[i] = Double.isNaN(x[i]) ? 0.0 : d * d;
            }
            s[2] = Math.sqrt(PairwiseSum.of(scratch) / (count - 1));
            if (scratch == x) {
                Columns.values(column, x); // the squared deviations overwrote the values: read them again
            }
        }
        // min, quartiles, max from order statistics found by selection (no full sort): for each quartile
        // the two ranks around h = (count − 1)·q, then the interpolation of Quantiles.quantileOfSorted;
        // the present values are packed to the front of x, which the selection rearranges in place
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                x[k++] = x[i];
            }
        }
        int[] ranks = new int[2 + 2 * QUARTILES.length];
        ranks[0] = 0;
        for (int q = 0; q < QUARTILES.length; q++) {
            int lo = (int) Math.floor((count - 1) * QUARTILES[q]);
            ranks[1 + 2 * q] = lo;
            ranks[2 + 2 * q] = Math.min(lo + 1, count - 1);
        }
        ranks[ranks.length - 1] = count - 1;
        double[] v = Quantiles.selectRanksInPlace(x, count, ranks);
        s[3] = v[0];
        for (int q = 0; q < QUARTILES.length; q++) {
            double h = (count - 1) * QUARTILES[q];
            s[4 + q] = Quantiles.lerp(v[1 + 2 * q], v[2 + 2 * q], h - Math.floor(h));
        }
        s[7] = v[v.length - 1];
        return s;
    }

    /**
     * Summary of non-numeric columns (text, boolean, date-time), pandas {@code df.describe(include='object')}:
     * a text table with {@code stat} = {@code count, unique, top, freq} and one column per described column.
     * {@code count} is the number of present cells, {@code unique} the number of distinct present values,
     * {@code top} the most frequent value (on a tie the first to appear, see the class comment) and {@code freq}
     * its count; an all-missing column has count 0, unique 0 and missing top/freq. O(rows) per column.
     *
     * @param columns columns to describe (any type); none = every non-numeric column
     * @throws IllegalArgumentException for an unknown column, a table without rows, or one without non-numeric
     *                                  columns when none are named
     */
    public static Table describeText(Table table, String... columns) {
        Columns.requireRows(table, "describeText");
        List<Column<?>> cols = new ArrayList<>();
        if (columns == null || columns.length == 0) {
            for (Column<?> c : table.columns()) {
                if (!(c instanceof NumericColumn<?>)) {
                    cols.add(c);
                }
            }
            if (cols.isEmpty()) {
                throw new IllegalArgumentException("describeText: table \"" + table.name() + "\" has only numeric "
                        + "columns; use describe(table) for them, or name columns to describe as categories");
            }
        } else {
            for (String name : Columns.requireNames(columns, "describeText")) {
                cols.add(Columns.require(table, name));
            }
        }
        List<Column<?>> out = new ArrayList<>();
        out.add(StringColumn.create("stat", "count", "unique", "top", "freq"));
        for (Column<?> c : cols) {
            Counts k = Counts.of(c);
            StringColumn s = StringColumn.create(c.name());
            s.append(Integer.toString(k.present()));
            s.append(Integer.toString(k.unique()));
            if (k.unique() == 0) {
                s.appendMissing();
                s.appendMissing();
            } else {
                int top = k.order()[0];
                s.append(c.getString(k.firstRow()[top]));
                s.append(Integer.toString(k.count()[top]));
            }
            out.add(s);
        }
        return Table.create(table.name(), out);
    }

    // ---------------------------------------------------------------- info and missing values

    /**
     * One row per column, pandas {@code df.info()} as a table: {@code column}, {@code type} (Tablesaw type),
     * {@code non-null} (present cells), {@code missing} and {@code bytes}, an estimate of the column's memory:
     * rows × the type's width (8 for DOUBLE/LONG/LOCAL_DATE_TIME, 4 for INTEGER/FLOAT/LOCAL_DATE, 1 for BOOLEAN,
     * ...); for a text column, rows × its dictionary code width (1, 2 or 4 bytes by the number of distinct
     * values) plus, per distinct value, its characters and 56 bytes of JVM overhead (String and array headers,
     * dictionary slots)
     * — the order of magnitude of pandas' {@code memory_usage(deep=True)}, not an exact heap measure. A table
     * without rows is fine. O(rows × columns).
     */
    public static Table info(Table table) {
        requireTable(table, "info");
        StringColumn name = StringColumn.create("column");
        StringColumn type = StringColumn.create("type");
        IntColumn present = IntColumn.create("non-null");
        IntColumn missing = IntColumn.create("missing");
        LongColumn bytes = LongColumn.create("bytes");
        for (Column<?> c : table.columns()) {
            int m = c.countMissing();
            name.append(c.name());
            type.append(c.type().name());
            present.append(c.size() - m);
            missing.append(m);
            bytes.append(estimatedBytes(c));
        }
        return Table.create(table.name() + " info", name, type, present, missing, bytes);
    }

    /**
     * {@link #info} as text, like pandas' printed {@code df.info()}: the table name and shape, one line per
     * column (position, name, type, non-null and missing counts), the count of columns per type and the
     * estimated memory.
     */
    public static String infoText(Table table) {
        Table info = info(table);
        StringBuilder sb = new StringBuilder();
        sb.append("Table \"").append(table.name()).append("\": ").append(table.rowCount()).append(" rows × ")
                .append(table.columnCount()).append(" columns\n");
        int w = "column".length();
        int tw = "type".length();
        for (int i = 0; i < info.rowCount(); i++) {
            w = Math.max(w, info.stringColumn("column").get(i).length());
            tw = Math.max(tw, info.stringColumn("type").get(i).length());
        }
        String format = "%3s  %-" + w + "s  %-" + tw + "s  %8s  %7s%n";
        sb.append(String.format(Locale.ROOT, format, "#", "column", "type", "non-null", "missing"));
        Map<String, Integer> perType = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < info.rowCount(); i++) {
            String type = info.stringColumn("type").get(i);
            sb.append(String.format(Locale.ROOT, format, i, info.stringColumn("column").get(i), type,
                    info.intColumn("non-null").get(i), info.intColumn("missing").get(i)));
            perType.merge(type, 1, Integer::sum);
            total += info.longColumn("bytes").get(i);
        }
        List<String> types = new ArrayList<>();
        perType.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> types.add(e.getKey() + "(" + e.getValue() + ")"));
        sb.append("types: ").append(String.join(", ", types)).append('\n');
        sb.append("memory: about ").append(humanBytes(total)).append(" (estimate, see Describe.info)");
        return sb.toString();
    }

    /**
     * Missing cells per column, pandas {@code df.isna().sum()}: a table with {@code column} and {@code missing},
     * one row per column in table order. O(rows × columns).
     */
    public static Table missing(Table table) {
        requireTable(table, "missing");
        StringColumn name = StringColumn.create("column");
        IntColumn missing = IntColumn.create("missing");
        for (Column<?> c : table.columns()) {
            name.append(c.name());
            missing.append(c.countMissing());
        }
        return Table.create(table.name() + " missing", name, missing);
    }

    // ---------------------------------------------------------------- value counts and duplicates

    /** Counts of each distinct value, pandas {@code s.value_counts()}; see {@link #valueCounts(Table, String, boolean)}. */
    public static Table valueCounts(Table table, String column) {
        return valueCounts(table, column, false);
    }

    /**
     * Counts of each distinct present value of a column, pandas {@code df[column].value_counts(normalize=...)}:
     * a table whose first column (named and typed as the source column) holds the values and whose second is
     * {@code count} (integers), or {@code proportion} (count / number of present cells) when {@code normalize}.
     * Sorted by count, largest first; equal counts in order of first appearance (see the class comment for how
     * pandas differs on ties). Missing cells are left out ({@code dropna=True}); numbers are equal when their
     * values are ({@code -0.0} = {@code 0.0}). O(rows · log rows).
     *
     * @throws IllegalArgumentException for an unknown column or a table without rows
     */
    public static Table valueCounts(Table table, String column, boolean normalize) {
        Columns.requireRows(table, "valueCounts");
        Column<?> c = Columns.require(table, column);
        Counts k = Counts.of(c);
        int u = k.unique();
        int[] rows = new int[u];
        for (int r = 0; r < u; r++) {
            rows[r] = k.firstRow()[k.order()[r]];
        }
        Column<?> values = c.subset(rows);
        Column<?> counts;
        if (normalize) {
            double[] p = new double[u];
            for (int r = 0; r < u; r++) {
                p[r] = (double) k.count()[k.order()[r]] / k.present();
            }
            counts = DoubleColumn.create("proportion", p);
        } else {
            int[] n = new int[u];
            for (int r = 0; r < u; r++) {
                n[r] = k.count()[k.order()[r]];
            }
            counts = IntColumn.create("count", n);
        }
        return Table.create(table.name() + " " + column + " counts", values, counts);
    }

    /**
     * Number of rows that repeat an earlier row on the {@code subset} columns (all columns when none are named),
     * pandas {@code df.duplicated(subset).sum()} with {@code keep='first'}. The per-row flags are
     * {@link Clean#duplicated(Table, Keep, String...)}; equality as there (missing equals missing).
     * O(rows × subset × log rows).
     */
    public static int duplicatedCount(Table table, String... subset) {
        return Clean.duplicated(table, Keep.FIRST, subset).countTrue();
    }

    // ---------------------------------------------------------------- correlation

    /**
     * Pearson correlation matrix, pandas {@code df[columns].corr()}: a table with a {@code column} column of
     * names and one double column per input column; cell (a, b) is
     * Σ(a − mean_a)(b − mean_b) / sqrt(Σ(a − mean_a)² · Σ(b − mean_b)²) over the rows where both a and b are
     * present and finite (pairwise complete observations; infinities count as missing, as in pandas). Computed
     * with pandas' own Welford recurrence, one pass per pair, so results match pandas to the last bit; NaN where
     * a pair has no row in common or a column is constant there. The matrix is exactly symmetric with a diagonal
     * of exactly 1 (NaN for a constant column); like pandas, an off-diagonal value may exceed ±1 by an ulp.
     * O(rows × columns²).
     *
     * @param columns numeric columns; none = every numeric column
     * @throws IllegalArgumentException for an unknown or non-numeric column, no numeric column, or no rows
     */
    public static Table corr(Table table, String... columns) {
        Columns.requireRows(table, "corr");
        List<NumericColumn<?>> cols = numericColumns(table, columns, "corr");
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("corr: table \"" + table.name() + "\" has no numeric columns; "
                    + "convert text columns with toNumeric(...) or encode them first");
        }
        int k = cols.size();
        double[][] x = new double[k][];
        String[] names = new String[k];
        for (int j = 0; j < k; j++) {
            x[j] = Columns.values(cols.get(j));
            names[j] = cols.get(j).name();
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double v = pearson(x[a], x[b]);
                r[a][b] = v;
                r[b][a] = v;
            }
        }
        List<Column<?>> out = new ArrayList<>();
        out.add(StringColumn.create("column", names));
        for (int j = 0; j < k; j++) {
            out.add(DoubleColumn.create(names[j], r[j]));
        }
        return Table.create(table.name() + " corr", out);
    }

    /**
     * pandas {@code libalgos.nancorr} for one pair, {@code x} being the column later in the table: Welford
     * updates of both means, both sums of squared deviations and the co-deviation over the rows where both are
     * finite; NaN with no such row or a zero divisor.
     */
    static double pearson(double[] x, double[] y) {
        long nobs = 0;
        double meanx = 0;
        double meany = 0;
        double ssqdmx = 0;
        double ssqdmy = 0;
        double covxy = 0;
        for (int i = 0; i < x.length; i++) {
            double vx = x[i];
            double vy = y[i];
            if (Double.isFinite(vx) && Double.isFinite(vy)) {
                nobs++;
                double dx = vx - meanx;
                double dy = vy - meany;
                meanx += 1.0 / nobs * dx;
                meany += 1.0 / nobs * dy;
                ssqdmx += (vx - meanx) * dx;
                ssqdmy += (vy - meany) * dy;
                covxy += (vx - meanx) * dy;
            }
        }
        if (nobs == 0) {
            return Double.NaN;
        }
        double divisor = Math.sqrt(ssqdmx * ssqdmy);
        return divisor != 0 ? covxy / divisor : Double.NaN;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Distinct present values of a column in order of first appearance: {@code count[g]} and {@code firstRow[g]}
     * per value id g, {@code order} = ids by count descending, ties by first appearance; {@code present} = number
     * of present cells.
     */
    private record Counts(int[] count, int[] firstRow, int[] order, int present) {

        int unique() {
            return order.length;
        }

        static Counts of(Column<?> c) {
            int n = c.size();
            int[] group = RowKeys.groups(Table.create(c), new String[] {c.name()});
            int[] idOfGroup = new int[n];
            Arrays.fill(idOfGroup, -1);
            int[] count = new int[n];
            int[] firstRow = new int[n];
            int ids = 0;
            int present = 0;
            for (int i = 0; i < n; i++) {
                if (c.isMissing(i)) {
                    continue;
                }
                present++;
                int g = group[i];
                if (idOfGroup[g] < 0) {
                    idOfGroup[g] = ids;
                    firstRow[ids] = i;
                    ids++;
                }
                count[idOfGroup[g]]++;
            }
            // count descending, then id (= first appearance) ascending, as one primitive sort key
            long[] keys = new long[ids];
            for (int id = 0; id < ids; id++) {
                keys[id] = ((long) (Integer.MAX_VALUE - count[id]) << 32) | id;
            }
            Arrays.sort(keys);
            int[] order = new int[ids];
            for (int r = 0; r < ids; r++) {
                order[r] = (int) keys[r];
            }
            return new Counts(Arrays.copyOf(count, ids), Arrays.copyOf(firstRow, ids), order, present);
        }
    }

    private static List<NumericColumn<?>> numericColumns(Table table, String[] columns, String operation) {
        List<NumericColumn<?>> cols = new ArrayList<>();
        if (columns == null || columns.length == 0) {
            for (Column<?> c : table.columns()) {
                if (c instanceof NumericColumn<?> n) {
                    cols.add(n);
                }
            }
            return cols;
        }
        for (String name : Columns.requireNames(columns, operation)) {
            Column<?> c = Columns.require(table, name);
            if (!(c instanceof NumericColumn<?> n)) {
                throw new IllegalArgumentException(operation + ": column \"" + name + "\" of table \"" + table.name()
                        + "\" is " + c.type().name() + ", not numeric; describe it with describeText(table, \""
                        + name + "\") or convert it with toNumeric(...)");
            }
            cols.add(n);
        }
        return cols;
    }

    private static void requireTable(Table table, String operation) {
        if (table == null) {
            throw new IllegalArgumentException(operation + ": table is null");
        }
    }

    /** The memory estimate documented on {@link #info}. */
    static long estimatedBytes(Column<?> c) {
        long n = c.size();
        if (c instanceof StringColumn s) {
            StringColumn distinct = s.unique();
            int u = distinct.size();
            long codeWidth = u < Byte.MAX_VALUE ? 1 : u < Short.MAX_VALUE ? 2 : 4;
            long text = 0;
            for (int i = 0; i < u; i++) {
                String v = distinct.get(i);
                boolean latin1 = v.chars().allMatch(ch -> ch < 256);
                text += STRING_OVERHEAD_BYTES + (long) v.length() * (latin1 ? 1 : 2);
            }
            return n * codeWidth + text;
        }
        return n * c.type().byteSize();
    }

    private static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
