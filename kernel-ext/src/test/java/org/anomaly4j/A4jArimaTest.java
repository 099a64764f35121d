package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomaly4j.plot.Figure;
import org.anomaly4j.timeseries.Arima;
import org.anomaly4j.timeseries.ArimaResult;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The facade's ARIMA band calls: the same as the Arima options they stand for, and chartable. */
class A4jArimaTest {

    private static Table series() {
        double[] y = new double[200];
        double x = 0;
        java.util.Random rnd = new java.util.Random(3);
        for (int t = 0; t < y.length; t++) {
            x = 0.5 * x + rnd.nextGaussian();
            y[t] = 20 + 5 * Math.sin(2 * Math.PI * t / 12) + x;
        }
        y[150] += 12; // a spike
        return Table.create("s", DoubleColumn.create("v", y));
    }

    @Test
    void arimaBandsEqualTheOptionsTheyStandFor() {
        Table t = series();
        ArimaResult r = A4j.arimaBands(t, "v", 1, 0, 0);
        assertArrayEquals(Arima.order(1, 0, 0).fit(t, "v").fitted(), r.fitted(), 0);
        assertEquals(0.05, r.model().alpha());
        ArimaResult s = A4j.arimaBands(t, "v", 1, 0, 0, 0, 1, 1, 12);
        assertArrayEquals(A4j.arima(1, 0, 0).seasonal(0, 1, 1, 12).fit(t, "v").upper(), s.upper(), 0);
        assertTrue(s.flags()[150], "the spike is outside its band");
        Figure f = A4j.controlChart(t, null, "v", s.chart());
        assertEquals(5, f.traceCount(), "value, centre, two limits, flagged points");
    }
}
