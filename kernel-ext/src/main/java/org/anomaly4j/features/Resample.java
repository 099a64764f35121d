package org.anomaly4j.features;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Resampling a time series to fixed-length bins, with the semantics of pandas
 * {@code df.resample(rule, on=timeColumn)} and its defaults {@code origin='start_day'}, {@code closed='left'},
 * {@code label='left'}:
 * <pre>{@code
 * Resample.resample(taxi, "timestamp", "1h", Agg.MEAN, "value")     // 30-min steps → hourly means
 * Resample.resample(hive, "DateTime", Duration.ofDays(1), Agg.MEAN)  // all numeric columns, daily
 * }</pre>
 * <ul>
 *   <li>Bins are {@code [origin + k·freq, origin + (k+1)·freq)} where origin is midnight of the day of the
 *       earliest time stamp; each bin is labelled by its left edge.</li>
 *   <li>The result has one row per bin from the bin holding the earliest time stamp to the bin holding the
 *       latest, with no gaps: bins without rows are kept, with NaN for MEAN, MAX and MIN and 0 for SUM and COUNT
 *       (pandas).</li>
 *   <li>Columns: the time column (the bin labels, same name) followed by each value column under its own name;
 *       MEAN, SUM, MAX and MIN give {@code DoubleColumn}s, COUNT an {@code IntColumn}. Without value columns
 *       every numeric column is used.</li>
 *   <li>Missing values are skipped; rows need not be sorted. A missing time stamp is an error (pandas would drop
 *       the row silently).</li>
 * </ul>
 * Rules: an optional whole multiple and a unit, {@code ms}, {@code s}, {@code min}, {@code h} or {@code D}
 * (pandas' older {@code S}, {@code T}, {@code H} and lower-case {@code d} are accepted too), e.g. {@code "1h"},
 * {@code "30min"}, {@code "1D"}. Calendar rules (week, month, quarter, year) are not supported. Time stamps are
 * Tablesaw {@code LocalDateTime}s (millisecond precision), so the smallest bin is 1 ms.
 * <p>Complexity: O(rows × columns + bins × columns).
 */
public final class Resample {

    private static final Pattern RULE = Pattern.compile("\\s*(\\d+)?\\s*(ms|s|S|min|T|h|H|D|d)\\s*");
    /** More bins than this is almost certainly a wrong rule (e.g. "1s" over years); it would need gigabytes. */
    private static final long MAX_BINS = 50_000_000L;

    private Resample() {
    }

    /**
     * Resamples with a pandas rule string such as {@code "1h"} or {@code "1D"}; see the class documentation.
     *
     * @throws IllegalArgumentException for an unknown column, a time column that is not a date-time or has
     *                                  missing time stamps, a non-numeric value column, an empty table or a bad
     *                                  rule
     */
    public static Table resample(Table table, String timeColumn, String rule, Agg agg, String... valueColumns) {
        return resample(table, timeColumn, parseRule(rule), agg, valueColumns);
    }

    /** Resamples into bins of length {@code every} (a positive whole number of milliseconds). */
    public static Table resample(Table table, String timeColumn, Duration every, Agg agg, String... valueColumns) {
        Columns.requireRows(table, "resample");
        DateTimeColumn time = Columns.requireDateTime(table, timeColumn);
        if (agg == null) {
            throw new IllegalArgumentException("resample: agg is null; use Agg.MEAN, SUM, COUNT, MAX or MIN");
        }
        long freq = requirePositiveMillis(every);
        String[] columns = valueColumns(table, timeColumn, valueColumns);

        int n = table.rowCount();
        long[] t = new long[n];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        LocalDateTime earliest = null;
        for (int i = 0; i < n; i++) {
            LocalDateTime v = time.get(i);
            if (v == null) {
                throw new IllegalArgumentException("resample: time column \"" + timeColumn + "\" has "
                        + time.countMissing() + " missing time stamps (first at row " + i + "); drop those rows "
                        + "with dropMissing(table, How.ANY, \"" + timeColumn + "\") first");
            }
            t[i] = v.toInstant(ZoneOffset.UTC).toEpochMilli();
            if (t[i] < min) {
                min = t[i];
                earliest = v;
            }
            max = Math.max(max, t[i]);
        }
        long origin = earliest.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long first = origin + Math.floorDiv(min - origin, freq) * freq;
        long bins = Math.floorDiv(max - first, freq) + 1;
        if (bins > MAX_BINS) {
            throw new IllegalArgumentException("resample: rule " + every + " over " + time.min() + " .. "
                    + time.max() + " gives " + bins + " bins (more than " + MAX_BINS + "); use a longer rule");
        }
        int nb = (int) bins;
        int[] bin = new int[n];
        for (int i = 0; i < n; i++) {
            bin[i] = (int) ((t[i] - first) / freq);
        }

        List<Column<?>> out = new ArrayList<>();
        DateTimeColumn labels = DateTimeColumn.create(timeColumn, nb);
        for (int b = 0; b < nb; b++) {
            labels.set(b, LocalDateTime.ofEpochSecond(Math.floorDiv(first + b * freq, 1000L),
                    (int) Math.floorMod(first + b * freq, 1000L) * 1_000_000, ZoneOffset.UTC));
        }
        out.add(labels);
        for (String c : columns) {
            out.add(aggregate(c, Columns.values(table, c), bin, nb, agg));
        }
        return Table.create(table.name(), out);
    }

    /**
     * The bin length of a pandas rule: an optional whole multiple (default 1) and a unit {@code ms}, {@code s},
     * {@code min}, {@code h} or {@code D} (also {@code S}, {@code T}, {@code H}, {@code d}).
     */
    public static Duration parseRule(String rule) {
        if (rule == null) {
            throw new IllegalArgumentException("resample: rule is null; use e.g. \"1h\", \"30min\" or \"1D\"");
        }
        Matcher m = RULE.matcher(rule);
        if (!m.matches()) {
            throw new IllegalArgumentException("resample: rule \"" + rule + "\" is not supported; use a whole "
                    + "multiple and a unit ms, s, min, h or D, e.g. \"1h\", \"30min\", \"1D\" (calendar rules "
                    + "such as W, M, Q, Y are not supported: use e.g. \"7D\")");
        }
        long k;
        try {
            k = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("resample: rule \"" + rule + "\" has a multiple that is too large", e);
        }
        if (k == 0) {
            throw new IllegalArgumentException("resample: rule \"" + rule + "\" has length 0; use a positive multiple");
        }
        try {
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(k);
                case "s", "S" -> Duration.ofSeconds(k);
                case "min", "T" -> Duration.ofMinutes(k);
                case "h", "H" -> Duration.ofHours(k);
                default -> Duration.ofDays(k);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("resample: rule \"" + rule + "\" is too long", e);
        }
    }

    private static long requirePositiveMillis(Duration every) {
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("resample: bin length must be positive, got " + every);
        }
        if (every.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("resample: bin length " + every + " is not a whole number of "
                    + "milliseconds (the precision of Tablesaw date-times); round it, e.g. Duration.ofMillis(...)");
        }
        try {
            return every.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("resample: bin length " + every + " is too long", e);
        }
    }

    private static String[] valueColumns(Table table, String timeColumn, String[] valueColumns) {
        if (valueColumns != null && valueColumns.length > 0) {
            String[] names = Columns.requireNames(valueColumns, "resample");
            for (String c : names) {
                if (c.equals(timeColumn)) {
                    throw new IllegalArgumentException("resample: \"" + c + "\" is the time column; name the "
                            + "value columns to aggregate");
                }
                Columns.requireNumeric(table, c);
            }
            return names;
        }
        List<String> numeric = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c instanceof NumericColumn<?>) {
                numeric.add(c.name());
            }
        }
        if (numeric.isEmpty()) {
            throw new IllegalArgumentException("resample: table \"" + table.name() + "\" has no numeric column to "
                    + "aggregate; its columns are " + table.columnNames());
        }
        return numeric.toArray(String[]::new);
    }

    /** One output column: the aggregate of {@code x} per bin (Kahan-compensated sums, as pandas groupby). */
    private static Column<?> aggregate(String name, double[] x, int[] bin, int bins, Agg agg) {
        int[] count = new int[bins];
        double[] acc = new double[bins];
        double[] comp = new double[bins];
        if (agg == Agg.MAX || agg == Agg.MIN) {
            Arrays.fill(acc, Double.NaN);
        }
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (v != v) {
                continue;
            }
            int b = bin[i];
            count[b]++;
            switch (agg) {
                case MAX -> acc[b] = count[b] == 1 || v > acc[b] ? v : acc[b];
                case MIN -> acc[b] = count[b] == 1 || v < acc[b] ? v : acc[b];
                case SUM, MEAN -> {
                    double y = v - comp[b];
                    double s = acc[b] + y;
                    // an infinite value makes the compensation NaN; pandas (GH#53606) resets it to keep ±inf
                    comp[b] = s - acc[b] - y;
                    if (comp[b] != comp[b]) {
                        comp[b] = 0;
                    }
                    acc[b] = s;
                }
                case COUNT -> {
                    // counted above
                }
            }
        }
        if (agg == Agg.COUNT) {
            return IntColumn.create(name, count);
        }
        if (agg == Agg.MEAN) {
            for (int b = 0; b < bins; b++) {
                acc[b] = count[b] == 0 ? Double.NaN : acc[b] / count[b];
            }
        }
        return DoubleColumn.create(name, acc);
    }
}
