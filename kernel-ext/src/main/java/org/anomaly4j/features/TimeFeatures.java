package org.anomaly4j.features;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Calendar features of a date-time column, as pandas' {@code .dt} accessors plus the usual cyclic encoding.
 * Each added column is named {@code <timeColumn>_<feature>}, e.g. {@code DateTime_hour} (Tablesaw column names
 * ignore case, so a bare {@code hour} would clash with Hive17's own {@code Hour} column):
 * <table>
 *   <caption>Added columns (suffixes)</caption>
 *   <tr><th>feature</th><th>type</th><th>value</th><th>pandas</th></tr>
 *   <tr><td>{@code hour}</td><td>int</td><td>0..23</td><td>{@code s.dt.hour}</td></tr>
 *   <tr><td>{@code dayOfWeek}</td><td>int</td><td>Monday = 0 .. Sunday = 6</td><td>{@code s.dt.dayofweek}</td></tr>
 *   <tr><td>{@code month}</td><td>int</td><td>1..12</td><td>{@code s.dt.month}</td></tr>
 *   <tr><td>{@code isWeekend}</td><td>int</td><td>1 on Saturday and Sunday, else 0 (an int so that it feeds
 *       detectors directly)</td><td>{@code (s.dt.dayofweek >= 5).astype(int)}</td></tr>
 *   <tr><td>{@code hour_sin}, {@code hour_cos}</td><td>double</td><td>sin(2π·hour/24), cos(2π·hour/24)</td>
 *       <td>{@code np.sin(2*np.pi*hour/24)}</td></tr>
 *   <tr><td>{@code dow_sin}, {@code dow_cos}</td><td>double</td><td>sin(2π·dayOfWeek/7), cos(2π·dayOfWeek/7)</td>
 *       <td>{@code np.sin(2*np.pi*dow/7)}</td></tr>
 * </table>
 * The cyclic pairs place 23:00 next to 00:00 and Sunday next to Monday, which a plain integer does not.
 * A missing time stamp gives missing features in that row (pandas: NaN). O(rows).
 */
public final class TimeFeatures {

    /** The feature suffixes of the added columns, in order. */
    public static final List<String> FEATURES = List.of(
        "hour", "dayOfWeek", "month", "isWeekend", "hour_sin", "hour_cos", "dow_sin", "dow_cos");

    private TimeFeatures() {
    }

    /**
     * A copy of {@code table} with the calendar features of {@code timeColumn} appended as
     * {@code <timeColumn>_hour}, {@code _dayOfWeek}, {@code _month}, {@code _isWeekend}, {@code _hour_sin},
     * {@code _hour_cos}, {@code _dow_sin}, {@code _dow_cos} (see the class documentation).
     *
     * @throws IllegalArgumentException if the column is unknown or not a date-time, the table is empty, or one of
     *                                  the output names is already a column
     */
    public static Table timeFeatures(Table table, String timeColumn) {
        Columns.requireRows(table, "timeFeatures");
        DateTimeColumn time = Columns.requireDateTime(table, timeColumn);
        int n = table.rowCount();
        String[] names = columnNames(timeColumn).toArray(String[]::new);
        IntColumn hour = IntColumn.create(names[0], n);
        IntColumn dow = IntColumn.create(names[1], n);
        IntColumn month = IntColumn.create(names[2], n);
        IntColumn weekend = IntColumn.create(names[3], n);
        double[] hourSin = new double[n];
        double[] hourCos = new double[n];
        double[] dowSin = new double[n];
        double[] dowCos = new double[n];
        for (int i = 0; i < n; i++) {
            LocalDateTime t = time.get(i);
            if (t == null) {
                hour.setMissing(i);
                dow.setMissing(i);
                month.setMissing(i);
                weekend.setMissing(i);
                hourSin[i] = hourCos[i] = dowSin[i] = dowCos[i] = Double.NaN;
                continue;
            }
            int h = t.getHour();
            int d = t.getDayOfWeek().getValue() - 1;
            hour.set(i, h);
            dow.set(i, d);
            month.set(i, t.getMonthValue());
            weekend.set(i, d >= 5 ? 1 : 0);
            // same operation order as numpy's 2*np.pi*h/24, so the doubles agree
            double a = 2 * Math.PI * h / 24;
            double b = 2 * Math.PI * d / 7;
            hourSin[i] = Math.sin(a);
            hourCos[i] = Math.cos(a);
            dowSin[i] = Math.sin(b);
            dowCos[i] = Math.cos(b);
        }
        Column<?>[] added = {hour, dow, month, weekend, DoubleColumn.create(names[4], hourSin),
            DoubleColumn.create(names[5], hourCos), DoubleColumn.create(names[6], dowSin),
            DoubleColumn.create(names[7], dowCos)};
        return Columns.withAdded(table, "timeFeatures", added);
    }

    /** The names of the added columns for a time column, e.g. {@code DateTime_hour}, in order. */
    public static List<String> columnNames(String timeColumn) {
        List<String> out = new ArrayList<>();
        for (String f : FEATURES) {
            out.add(timeColumn + "_" + f);
        }
        return out;
    }
}
