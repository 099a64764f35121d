package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Random;

import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class ContextualBaselineTest {

    /** Four weeks hourly: 20 + 10·[hour in 9..17] + noise; one night value at a daytime level (contextual). */
    static Table series() {
        Random r = new Random(8);
        int n = 24 * 28;
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0); // a Monday
        LocalDateTime[] t = new LocalDateTime[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start.plusHours(i);
            int h = t[i].getHour();
            v[i] = 20 + (h >= 9 && h <= 17 ? 10 : 0) + r.nextGaussian();
        }
        v[24 * 10 + 3] = 30; // 3 am on a Thursday at the daytime level: globally normal, contextually not
        return Table.create("s", DateTimeColumn.create("time", t), DoubleColumn.create("value", v));
    }

    @Test
    void aValueNormalOverallButNotForItsHourIsFlagged() {
        Table t = series();
        Table before = t.copy();
        ContextualBaseline b = ContextualBaseline.fit(t, "time", "value");
        Table out = b.addTo(t, "time", "value");
        assertEquals(before.print(), t.print(), "input unchanged");
        assertTrue(out.booleanColumn("value_contextual_anomaly").get(24 * 10 + 3));
        assertTrue(out.booleanColumn("value_contextual_anomaly").countTrue() <= 5,
                "a few noise values at most: " + out.booleanColumn("value_contextual_anomaly").countTrue());
        // the same value at 10 am is normal
        int tenAm = 24 * 10 + 10;
        assertFalse(out.booleanColumn("value_contextual_anomaly").get(tenAm));
        assertEquals(30, out.doubleColumn("value_expected").getDouble(tenAm), 1.0);
        assertEquals(20, out.doubleColumn("value_expected").getDouble(24 * 10 + 3), 1.0);
    }

    @Test
    void baselineIsTheContextMedianAndScaledMad() {
        LocalDateTime mon = LocalDateTime.of(2024, 1, 1, 5, 0);
        LocalDateTime[] t = new LocalDateTime[6];
        double[] v = {1, 2, 3, 4, 100, 7};
        for (int i = 0; i < 5; i++) {
            t[i] = mon.plusWeeks(i); // Monday 5 am, five weeks
        }
        t[5] = mon.plusHours(1); // Monday 6 am: a context of one value -> falls back (hour: one value) -> all
        ContextualBaseline b = ContextualBaseline.fit(t, v, true, 3.5, 2);
        // Monday 5 am: values 1,2,3,4,100 -> median 3, |dev| 2,1,0,1,97 -> MAD 1
        assertEquals(3, b.medians()[5], 0.0);
        assertEquals(ContextualBaseline.MAD_TO_SIGMA, b.spreads()[5], 0.0);
        // Monday 6 am falls back to the whole series: median 3.5, |dev| 2.5,1.5,.5,.5,96.5,3.5 -> MAD 2
        assertEquals(3.5, b.medians()[6], 0.0);
        assertEquals(2 * ContextualBaseline.MAD_TO_SIGMA, b.spreads()[6], 1e-15);
        assertArrayEquals(new double[] {(100 - 3) / ContextualBaseline.MAD_TO_SIGMA},
                b.zScores(new LocalDateTime[] {mon}, new double[] {100}), 1e-12);
    }

    @Test
    void badInputIsReported() {
        Table t = series();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ContextualBaseline.fit(t, "value", "value"))
                .getMessage().contains("not a date-time column"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ContextualBaseline.fit(t, "time", "nope"))
                .getMessage().contains("no column \"nope\""));
        Table missing = t.copy();
        missing.doubleColumn("value").setMissing(4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ContextualBaseline.fit(missing, "time", "value"))
                .getMessage().contains("value 4"));
    }
}
