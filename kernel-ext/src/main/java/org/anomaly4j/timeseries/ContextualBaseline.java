package org.anomaly4j.timeseries;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;

import org.anomaly4j.stats.Quantiles;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Contextual anomalies: a value judged against what is usual <em>for its time</em> — the same hour of the day
 * on the same day of the week — rather than against the whole series (the professional guide's contextual
 * anomalies: 30 °C is normal at 3 pm in July and anomalous at 3 am in January).
 * <p><b>Method.</b> The training series is split into 24 × 7 contexts (hour of day × day of week; or 24 contexts
 * with {@code byWeekday = false}). In each context the baseline is the median m_c and the spread the median
 * absolute deviation scaled to a standard deviation, s_c = 1.4826·MAD_c (1.4826 = 1/Φ⁻¹(0.75)), robust to the
 * anomalies it must find. A value x at time t in context c scores z = (x − m_c) / s_c; |z| &gt; k (default 3.5,
 * Iglewicz &amp; Hoaglin's cut for modified z-scores) is an anomaly, and the band is m_c ± k·s_c. A context with
 * fewer than {@code minCount} training values (default 8), or with MAD 0, falls back to the hour-of-day context,
 * then to the whole series.
 * <p>Fit O(n log n), score O(1) per value. Reference: V. Chandola, A. Banerjee, V. Kumar (2009), "Anomaly
 * detection: a survey", ACM Computing Surveys 41(3), §2.2.2 (contextual anomalies, contextual and behavioural
 * attributes); B. Iglewicz, D. C. Hoaglin (1993), "How to Detect and Handle Outliers".
 */
public final class ContextualBaseline {

    /** 1/Φ⁻¹(0.75): MAD → standard deviation for normal data. */
    static final double MAD_TO_SIGMA = 1.482602218505602;

    private final boolean byWeekday;
    private final double k;
    private final int minCount;
    private final double[] median;
    private final double[] spread;

    private ContextualBaseline(boolean byWeekday, double k, int minCount, double[] median, double[] spread) {
        this.byWeekday = byWeekday;
        this.k = k;
        this.minCount = minCount;
        this.median = median;
        this.spread = spread;
    }

    /**
     * Fits the baseline on a series.
     *
     * @param times     one timestamp per value (no missing)
     * @param values    finite values
     * @param byWeekday hour of day × day of week (true) or hour of day only
     * @param k         band half-width in robust standard deviations, &gt; 0
     * @param minCount  fewest values a context needs to have its own baseline, ≥ 1
     */
    public static ContextualBaseline fit(LocalDateTime[] times, double[] values, boolean byWeekday, double k,
                                         int minCount) {
        check(times, values);
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be a finite number > 0, got " + k);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        int cells = byWeekday ? 24 * 7 : 24;
        // levels: 0 = own context, 1 = hour of day, 2 = everything
        double[][] groups = new double[cells][];
        int[] counts = new int[cells];
        for (LocalDateTime t : times) {
            counts[context(t, byWeekday)]++;
        }
        for (int c = 0; c < cells; c++) {
            groups[c] = new double[counts[c]];
        }
        int[] fill = new int[cells];
        double[][] hours = new double[24][];
        int[] hourCounts = new int[24];
        for (LocalDateTime t : times) {
            hourCounts[t.getHour()]++;
        }
        for (int h = 0; h < 24; h++) {
            hours[h] = new double[hourCounts[h]];
        }
        int[] hourFill = new int[24];
        for (int i = 0; i < values.length; i++) {
            int c = context(times[i], byWeekday);
            groups[c][fill[c]++] = values[i];
            int h = times[i].getHour();
            hours[h][hourFill[h]++] = values[i];
        }
        double[] all = robust(values);
        double[] median = new double[cells];
        double[] spread = new double[cells];
        for (int c = 0; c < cells; c++) {
            double[] own = groups[c].length >= minCount ? robust(groups[c]) : null;
            int h = byWeekday ? c % 24 : c;
            double[] hour = hours[h].length >= minCount ? robust(hours[h]) : null;
            double[] use = own != null && own[1] > 0 ? own : hour != null && hour[1] > 0 ? hour : all;
            median[c] = use[0];
            spread[c] = use[1];
        }
        if (!(all[1] > 0)) {
            throw new IllegalArgumentException("the series has median absolute deviation 0 (more than half of its "
                    + "values are equal), so no context has a spread; use a rolling or fixed threshold instead");
        }
        return new ContextualBaseline(byWeekday, k, minCount, median, spread);
    }

    /** Defaults: hour of day × day of week, k = 3.5, at least 8 values per context (else the hour of day). */
    public static ContextualBaseline fit(Table table, String timeColumn, String valueColumn) {
        return fit(times(table, timeColumn), values(table, valueColumn), true, 3.5, 8);
    }

    private static void check(LocalDateTime[] times, double[] values) {
        if (times == null || values == null || times.length != values.length) {
            throw new IllegalArgumentException("times and values must have the same length, got "
                    + (times == null ? "null" : times.length) + " and " + (values == null ? "null" : values.length));
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("the series is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (times[i] == null) {
                throw new IllegalArgumentException("timestamp " + i + " is missing; drop or fill it first");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i]
                        + "; drop or fill missing and infinite values first (dropMissing, fillMissing)");
            }
        }
    }

    /** [median, 1.4826·MAD]. */
    private static double[] robust(double[] v) {
        double med = Quantiles.median(v);
        double[] dev = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            dev[i] = Math.abs(v[i] - med);
        }
        return new double[] {med, MAD_TO_SIGMA * Quantiles.median(dev)};
    }

    /** Context index: hour + 24·(day of week − 1), or the hour. */
    static int context(LocalDateTime t, boolean byWeekday) {
        return byWeekday ? t.getHour() + 24 * (t.getDayOfWeek().getValue() - 1) : t.getHour();
    }

    /** Robust z-scores (x − m_c) / s_c of values at these times. */
    public double[] zScores(LocalDateTime[] times, double[] values) {
        check(times, values);
        double[] z = new double[values.length];
        for (int i = 0; i < z.length; i++) {
            int c = context(times[i], byWeekday);
            z[i] = (values[i] - median[c]) / spread[c];
        }
        return z;
    }

    /**
     * A copy of the table with {@code <value>_expected}, {@code <value>_lower}, {@code <value>_upper} (the band
     * m_c ± k·s_c), {@code <value>_context_z} and {@code <value>_contextual_anomaly} (|z| &gt; k).
     */
    public Table addTo(Table table, String timeColumn, String valueColumn) {
        LocalDateTime[] t = times(table, timeColumn);
        double[] v = values(table, valueColumn);
        double[] z = zScores(t, v);
        double[] expected = new double[v.length];
        double[] lower = new double[v.length];
        double[] upper = new double[v.length];
        boolean[] flag = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            int c = context(t[i], byWeekday);
            expected[i] = median[c];
            lower[i] = median[c] - k * spread[c];
            upper[i] = median[c] + k * spread[c];
            flag[i] = Math.abs(z[i]) > k;
        }
        Table out = table.copy();
        out.addColumns(DoubleColumn.create(valueColumn + "_expected", expected),
                DoubleColumn.create(valueColumn + "_lower", lower), DoubleColumn.create(valueColumn + "_upper", upper),
                DoubleColumn.create(valueColumn + "_context_z", z),
                BooleanColumn.create(valueColumn + "_contextual_anomaly", flag));
        return out;
    }

    /** The per-context medians (24·7 or 24 values, context = hour + 24·(ISO day of week − 1)). */
    public double[] medians() {
        return median.clone();
    }

    /** The per-context robust standard deviations. */
    public double[] spreads() {
        return spread.clone();
    }

    static LocalDateTime[] times(Table table, String name) {
        if (table == null || name == null || !table.containsColumn(name)) {
            throw new IllegalArgumentException("table has no column \"" + name + "\""
                    + (table == null ? "" : "; columns: " + table.columnNames()));
        }
        if (!(table.column(name) instanceof DateTimeColumn c)) {
            throw new IllegalArgumentException("column \"" + name + "\" is not a date-time column; read it with "
                    + "CsvOptions.dateTimeFormat(...)");
        }
        LocalDateTime[] t = new LocalDateTime[c.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = c.get(i);
        }
        return t;
    }

    static double[] values(Table table, String name) {
        if (table == null || name == null || !table.containsColumn(name)) {
            throw new IllegalArgumentException("table has no column \"" + name + "\""
                    + (table == null ? "" : "; columns: " + table.columnNames()));
        }
        if (!(table.column(name) instanceof NumericColumn<?> c)) {
            throw new IllegalArgumentException("column \"" + name + "\" is not numeric; convert it with toNumeric(...)");
        }
        double[] v = new double[c.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.isMissing(i) ? Double.NaN : c.getDouble(i);
        }
        return v;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ContextualBaseline(%s, k=%s, minCount=%d): median %s", byWeekday
                ? "hour × weekday" : "hour", k, minCount, Arrays.toString(Arrays.copyOf(median, 3)) + "…");
    }
}
