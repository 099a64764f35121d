package org.anomaly4j.plot;

import java.time.LocalDateTime;

import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small tables for the chart tests. */
final class ChartFixtures {

    static final LocalDateTime T0 = LocalDateTime.of(2021, 8, 21, 14, 0);

    private ChartFixtures() {
    }

    /** when (date-time, one missing), temp (double with NaN, missing and +inf), n (int, one missing), label. */
    static Table sample() {
        DateTimeColumn when = DateTimeColumn.create("when");
        when.append(T0);
        when.append(T0.plusHours(1).plusSeconds(30));
        when.appendMissing();
        when.append(T0.plusHours(3));
        DoubleColumn temp = DoubleColumn.create("temp", new double[] {32.8, Double.NaN, 31.5, Double.POSITIVE_INFINITY});
        IntColumn n = IntColumn.create("n", new int[] {1, 2, 3});
        n.appendMissing();
        StringColumn label = StringColumn.create("label", "a", "b", "", "d");
        return Table.create("sample", when, temp, n, label);
    }
}
