package org.anomaly4j.io;

import java.io.StringReader;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.ReadOptions;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Types the text cells of one column the way {@code pandas.read_csv} does, as Tablesaw columns:
 * <ol>
 *   <li>a {@code dtype} given in the options wins (cells that do not parse are errors naming the line);</li>
 *   <li>every cell missing → {@code DOUBLE} of NaN (pandas float64); no rows → {@code STRING};</li>
 *   <li>integer literals only → {@code INTEGER} ({@code LONG} beyond int range); with a missing cell →
 *       {@code DOUBLE}, as pandas turns int64 with NaN into float64; a column holding
 *       {@code -9223372036854775808} (Tablesaw's missing mark for {@code LONG}) → {@code DOUBLE} with a note, so
 *       that no value reads as missing; integer literals beyond the long range (seen before any other
 *       non-integer) → {@code STRING} with a note (pandas: uint64 or text);</li>
 *   <li>decimal numbers (the grammar of {@link NumberText}, with the options' decimal mark; {@code inf} too)
 *       → {@code DOUBLE}; unlike Tablesaw's own detection, {@code "1,234"} and {@code "5%"} stay text, as in
 *       pandas;</li>
 *   <li>{@code True/TRUE/true/False/FALSE/false} only → {@code BOOLEAN} (pandas' {@code true_values});</li>
 *   <li>date-times, times, dates → {@code LOCAL_DATE_TIME}, {@code LOCAL_TIME}, {@code LOCAL_DATE}: with the
 *       options' pattern if one is set, else ISO layouts ({@code 2014-07-01 00:30:00}, {@code 2014-07-01T00:30},
 *       {@code 2014-07-01}, {@code 00:30:00}) and then the other layouts Tablesaw detects (pandas would keep
 *       text unless {@code parse_dates});</li>
 *   <li>anything else → {@code STRING}.</li>
 * </ol>
 * Numbers are correctly rounded ({@link Double#parseDouble}), which is what pandas' default
 * {@code float_precision} gives for the digits CSV files carry. O(cells) per column.
 */
final class CsvColumns {

    private static final Set<String> TRUE = Set.of("True", "TRUE", "true");
    private static final Set<String> FALSE = Set.of("False", "FALSE", "false");
    private static final List<ColumnType> TIME_TYPES = List.of(ColumnType.LOCAL_DATE_TIME, ColumnType.LOCAL_TIME,
            ColumnType.LOCAL_DATE);

    private final CsvOptions options;
    private final Set<String> missing;
    private final ReadOptions tablesawOptions;
    private final String file;

    /** A column built from text, or {@code null} for a skipped column, with what the report should say. */
    record Typed(Column<?> column, String note) {
    }

    CsvColumns(CsvOptions options, String file) {
        this.options = options;
        this.file = file;
        this.missing = new HashSet<>(options.missingTokens());
        CsvReadOptions.Builder b = CsvReadOptions.builder(new StringReader(""))
                .missingValueIndicator(options.missingTokens().toArray(String[]::new));
        if (options.dateTimeFormat() != null) {
            b.dateTimeFormat(DateTimeFormatter.ofPattern(options.dateTimeFormat(), Locale.ROOT));
        }
        if (options.dateFormat() != null) {
            b.dateFormat(DateTimeFormatter.ofPattern(options.dateFormat(), Locale.ROOT));
        }
        this.tablesawOptions = b.build();
    }

    /** The typed column for {@code cells} (row {@code i} starts at file line {@code lines[i]}). */
    Typed build(String name, String[] cells, int[] lines) {
        int n = cells.length;
        boolean[] miss = new boolean[n];
        int missingCount = 0;
        for (int i = 0; i < n; i++) {
            if (missing.contains(cells[i])) {
                miss[i] = true;
                missingCount++;
            }
        }
        ColumnType forced = options.dtypes().get(name);
        if (forced != null) {
            return forced.equals(ColumnType.SKIP) ? new Typed(null, "skipped (dtype SKIP)")
                    : new Typed(convert(name, forced, cells, miss, lines), "dtype " + forced.name());
        }
        if (n == 0) {
            return new Typed(StringColumn.create(name), "no rows");
        }
        if (missingCount == n) {
            return allMissing(name, n);
        }
        long[] integers = integers(cells, miss);
        if (integers == BEYOND_LONG) {
            return new Typed(strings(name, cells, miss), "text: integers beyond the 64-bit range (pandas uint64 up "
                    + "to 2^64-1, else text); kept as written, convert with toNumeric(...) for rounded numbers");
        }
        if (integers != null) {
            return integerColumn(name, integers, i -> miss[i], missingCount);
        }
        double[] numbers = new double[n];
        int bad = numbers(cells, miss, numbers);
        if (bad < 0) {
            return new Typed(DoubleColumn.create(name, numbers),
                    options.decimal() == ',' ? "decimal comma" : "");
        }
        if (isBoolean(cells, miss)) {
            BooleanColumn b = BooleanColumn.create(name);
            for (int i = 0; i < n; i++) {
                if (miss[i]) {
                    b.appendMissing();
                } else {
                    b.append(TRUE.contains(cells[i]));
                }
            }
            return new Typed(b, "");
        }
        for (ColumnType t : TIME_TYPES) {
            String format = t.equals(ColumnType.LOCAL_DATE_TIME) ? options.dateTimeFormat()
                    : t.equals(ColumnType.LOCAL_DATE) ? options.dateFormat() : null;
            Object[] values = Temporals.parseAll(t, format, cells, miss);
            if (values != null) {
                return new Typed(Temporals.column(name, t, values),
                        format == null ? "ISO format" : "format \"" + format + "\"");
            }
            // other layouts Tablesaw knows (e.g. 1/2/2014 3:04:05 PM); slower, so only after the fast check
            AbstractColumnParser<?> p = t.customParser(tablesawOptions);
            if (format == null && all(p, cells, miss)) {
                return new Typed(parseAll(name, t, p, cells, miss, lines), "format detected by Tablesaw");
            }
        }
        return new Typed(strings(name, cells, miss), textNote(cells, miss, bad, lines));
    }

    /**
     * The column of a column whose present cells are all integer literals in the long range ({@code integers},
     * any value in missing rows): INTEGER or LONG, or DOUBLE with NaN where {@code miss} holds or where a value
     * is {@link Long#MIN_VALUE} (Tablesaw's missing mark for LONG). Also used by {@link ColumnarCsv}.
     */
    static Typed integerColumn(String name, long[] integers, IntPredicate miss, int missingCount) {
        int n = integers.length;
        boolean longMin = false;
        for (int i = 0; i < n; i++) {
            longMin |= integers[i] == Long.MIN_VALUE && !miss.test(i);
        }
        if (missingCount == 0 && !longMin) {
            return new Typed(intOrLong(name, integers), "");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = miss.test(i) ? Double.NaN : integers[i];
        }
        return new Typed(DoubleColumn.create(name, d), longMin && missingCount == 0
                ? "DOUBLE: holds -9223372036854775808, which a Tablesaw LONG column would show as missing "
                + "(pandas int64); integers beyond 2^53 are rounded"
                : "integers with missing values, as DOUBLE (pandas float64)");
    }

    /** The column of a column whose cells are all missing: NaN doubles, as pandas' float64. */
    static Typed allMissing(String name, int n) {
        double[] nan = new double[n];
        java.util.Arrays.fill(nan, Double.NaN);
        return new Typed(DoubleColumn.create(name, nan), "all missing");
    }

    private Column<?> convert(String name, ColumnType type, String[] cells, boolean[] miss, int[] lines) {
        int n = cells.length;
        if (type.equals(ColumnType.STRING)) {
            return strings(name, cells, miss);
        }
        if (type.equals(ColumnType.DOUBLE) || type.equals(ColumnType.FLOAT)) {
            double[] d = new double[n];
            int bad = numbers(cells, miss, d);
            if (bad >= 0) {
                throw unreadable(name, type, cells[bad], lines[bad]);
            }
            if (type.equals(ColumnType.DOUBLE)) {
                return DoubleColumn.create(name, d);
            }
            FloatColumn f = FloatColumn.create(name);
            for (int i = 0; i < n; i++) {
                if (miss[i]) {
                    f.appendMissing();
                } else {
                    f.append((float) d[i]);
                }
            }
            return f;
        }
        if (type.equals(ColumnType.INTEGER) || type.equals(ColumnType.LONG) || type.equals(ColumnType.SHORT)) {
            long min = type.equals(ColumnType.LONG) ? Long.MIN_VALUE + 1 : type.equals(ColumnType.INTEGER)
                    ? Integer.MIN_VALUE + 1 : Short.MIN_VALUE + 1; // Tablesaw's own minimum is its missing mark
            long max = type.equals(ColumnType.LONG) ? Long.MAX_VALUE : type.equals(ColumnType.INTEGER)
                    ? Integer.MAX_VALUE : Short.MAX_VALUE;
            Column<?> c = type.create(name);
            for (int i = 0; i < n; i++) {
                if (miss[i]) {
                    c.appendMissing();
                    continue;
                }
                Long v = integer(cells[i]);
                if (v == null || v < min || v > max) {
                    throw v != null && v == min - 1 ? new IllegalArgumentException("CSV file " + file + ", line "
                            + lines[i] + ", column \"" + name + "\": " + v + " is Tablesaw's missing mark for "
                            + type.name() + " and would read as missing; read the column as DOUBLE or STRING")
                            : unreadable(name, type, cells[i], lines[i]);
                }
                if (c instanceof IntColumn ic) {
                    ic.append(v.intValue());
                } else if (c instanceof LongColumn lc) {
                    lc.append(v);
                } else {
                    ((ShortColumn) c).append(v.shortValue());
                }
            }
            return c;
        }
        return parseAll(name, type, type.customParser(tablesawOptions), cells, miss, lines);
    }

    private Column<?> parseAll(String name, ColumnType type, AbstractColumnParser<?> p, String[] cells,
                               boolean[] miss, int[] lines) {
        Column<?> c = type.create(name);
        for (int i = 0; i < cells.length; i++) {
            if (miss[i]) {
                c.appendMissing();
                continue;
            }
            try {
                if (!p.canParse(cells[i])) {
                    throw unreadable(name, type, cells[i], lines[i]);
                }
                c.appendCell(cells[i], p);
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith("CSV file")) {
                    throw iae;
                }
                throw unreadable(name, type, cells[i], lines[i]);
            }
        }
        return c;
    }

    private IllegalArgumentException unreadable(String name, ColumnType type, String cell, int line) {
        String format = type.equals(ColumnType.LOCAL_DATE_TIME) && options.dateTimeFormat() != null
                ? " with dateTimeFormat \"" + options.dateTimeFormat() + "\""
                : type.equals(ColumnType.LOCAL_DATE) && options.dateFormat() != null
                ? " with dateFormat \"" + options.dateFormat() + "\"" : "";
        return new IllegalArgumentException("CSV file " + file + ", line " + line + ", column \"" + name
                + "\": cannot read \"" + cell + "\" as " + type.name() + format + " (set by dtype); fix the cell, "
                + "add its text to CsvOptions.missing(...), or read the column as STRING");
    }

    private static Column<?> intOrLong(String name, long[] v) {
        for (long x : v) {
            if (x <= Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
                return LongColumn.create(name, v);
            }
        }
        int[] a = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = (int) v[i];
        }
        return IntColumn.create(name, a);
    }

    private static StringColumn strings(String name, String[] cells, boolean[] miss) {
        StringColumn s = StringColumn.create(name);
        for (int i = 0; i < cells.length; i++) {
            if (miss[i]) {
                s.appendMissing();
            } else {
                s.append(cells[i]);
            }
        }
        return s;
    }

    /** Marks a column whose first non-integer cell (in row order) is an integer literal beyond the long range. */
    private static final long[] BEYOND_LONG = new long[0];

    /**
     * All present cells as integers; {@code null} when a cell is not an integer literal; {@link #BEYOND_LONG} when
     * a literal beyond the long range comes first. pandas decides in the same row order: an overflow seen first
     * makes the column text (or uint64), a non-integer seen first makes it try floats.
     */
    private static long[] integers(String[] cells, boolean[] miss) {
        long[] out = new long[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (miss[i]) {
                continue;
            }
            String t = NumberText.trim(cells[i]);
            if (!isIntegerLiteral(t)) {
                return null;
            }
            try {
                out[i] = Long.parseLong(t);
            } catch (NumberFormatException e) {
                return BEYOND_LONG;
            }
        }
        return out;
    }

    /** An integer literal {@code ws* [+-]? digits ws*} in long range, or {@code null}. */
    static Long integer(String cell) {
        String t = NumberText.trim(cell);
        if (!isIntegerLiteral(t)) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isIntegerLiteral(String t) {
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (i == t.length()) {
            return false;
        }
        for (int k = i; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Parses present cells into {@code out} (missing → NaN); the row of the first non-number, or -1. */
    private int numbers(String[] cells, boolean[] miss, double[] out) {
        char decimal = options.decimal();
        for (int i = 0; i < cells.length; i++) {
            if (miss[i]) {
                out[i] = Double.NaN;
                continue;
            }
            double v = number(cells[i], decimal);
            if (Double.isNaN(v)) {
                return i;
            }
            out[i] = v;
        }
        return -1;
    }

    /**
     * A cell as a number with the given decimal mark, or NaN when it is not one. With {@code ','} the cell may
     * not hold a {@code '.'} (pandas reads {@code "1.5"} as text then); thousands separators are never accepted.
     */
    static double number(String cell, char decimal) {
        if (decimal == ',') {
            if (cell.indexOf('.') >= 0) {
                return Double.NaN;
            }
            return NumberText.parse(cell.replace(',', '.'));
        }
        return NumberText.parse(cell);
    }

    private static boolean isBoolean(String[] cells, boolean[] miss) {
        for (int i = 0; i < cells.length; i++) {
            if (!miss[i] && !TRUE.contains(cells[i]) && !FALSE.contains(cells[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean all(AbstractColumnParser<?> p, String[] cells, boolean[] miss) {
        for (int i = 0; i < cells.length; i++) {
            if (!miss[i]) {
                try {
                    if (!p.canParse(cells[i])) {
                        return false;
                    }
                } catch (RuntimeException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Why a column that holds some numbers stayed text, with a hint for a decimal comma. */
    private String textNote(String[] cells, boolean[] miss, int bad, int[] lines) {
        int firstPresent = 0;
        while (miss[firstPresent]) {
            firstPresent++;
        }
        boolean commaNumber = options.decimal() == '.' && !Double.isNaN(number(cells[bad], ','));
        if (commaNumber) {
            return "text: \"" + cells[bad] + "\" (line " + lines[bad] + ") has a decimal comma; read with "
                    + "CsvOptions.decimal(',')";
        }
        if (bad > firstPresent) {
            return "text: \"" + cells[bad] + "\" (line " + lines[bad] + ") is not a number; fix it, add it to "
                    + "missing(...), or convert with toNumeric(...)";
        }
        return "";
    }
}
