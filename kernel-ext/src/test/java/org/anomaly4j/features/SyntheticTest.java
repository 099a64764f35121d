package org.anomaly4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.anomaly4j.features.Synthetic.Blobs;
import org.anomaly4j.features.Synthetic.Injection;
import org.anomaly4j.features.Synthetic.Series;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The synthetic generators: determinism by seed, shapes, where the anomalies are, labels, bad options. */
class SyntheticTest {

    @Test
    void sameSeedGivesIdenticalTablesAndAnotherSeedDiffers() {
        assertSameTable(Synthetic.blobs(500, 4, 30, 42), Synthetic.blobs(500, 4, 30, 42));
        assertSameTable(Blobs.of(300, 3, 20, 1).withInjection(Injection.FAR_POINTS).table(),
                Blobs.of(300, 3, 20, 1).withInjection(Injection.FAR_POINTS).table());
        assertSameTable(Synthetic.timeSeries(2000, 7), Synthetic.timeSeries(2000, 7));
        assertNotEquals(Synthetic.blobs(500, 4, 30, 42).doubleColumn("x0").asList(),
                Synthetic.blobs(500, 4, 30, 43).doubleColumn("x0").asList());
        assertNotEquals(Synthetic.timeSeries(2000, 7).doubleColumn("value").asList(),
                Synthetic.timeSeries(2000, 8).doubleColumn("value").asList());
    }

    @Test
    void blobsHaveTheRequestedShapeAndLabels() {
        Table t = Synthetic.blobs(1000, 10, 50, 3);
        assertEquals(1050, t.rowCount());
        assertEquals(List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "label"), t.columnNames());
        IntColumn label = t.intColumn("label");
        assertEquals(50, (int) label.sum());
        // shuffled: anomalies are not all at the end
        int lastThousand = 0;
        for (int i = 0; i < 1000; i++) {
            lastThousand += label.getInt(i);
        }
        assertTrue(lastThousand > 10, "anomalies spread through the rows, got " + lastThousand + " in the first 1000");
    }

    @Test
    void normalRowsClusterAroundTheirCentresWithTheGivenSpread() {
        // one centre: the normal rows' standard deviation per feature is the spread
        Table t = Blobs.of(20_000, 2, 0, 5).withCentres(1).withSpread(2.0).table();
        for (String c : List.of("x0", "x1")) {
            double sd = t.doubleColumn(c).standardDeviation();
            assertEquals(2.0, sd, 0.05, c + " standard deviation");
        }
    }

    @Test
    void farPointsLieOutsideTheNormalCloud() {
        int d = 5;
        Table t = Blobs.of(3000, d, 40, 9).withCentres(1).withInjection(Injection.FAR_POINTS).table();
        double[] centre = new double[d];
        IntColumn label = t.intColumn("label");
        int normals = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (label.getInt(i) == 0) {
                normals++;
                for (int j = 0; j < d; j++) {
                    centre[j] += t.doubleColumn("x" + j).getDouble(i);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            centre[j] /= normals;
        }
        double minAnomaly = Double.POSITIVE_INFINITY;
        int beyond = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            double r = 0;
            for (int j = 0; j < d; j++) {
                double v = t.doubleColumn("x" + j).getDouble(i) - centre[j];
                r += v * v;
            }
            r = Math.sqrt(r);
            if (label.getInt(i) == 1) {
                minAnomaly = Math.min(minAnomaly, r);
            } else if (r > Math.sqrt(d) + 2.9) {
                beyond++;
            }
        }
        // anomalies at radius >= sqrt(d) + 3 (up to the estimated centre's error); almost no normal row that far
        assertTrue(minAnomaly > Math.sqrt(d) + 2.9, "closest anomaly at " + minAnomaly);
        assertTrue(beyond < 3, beyond + " normal rows beyond sqrt(d) + 2.9");
    }

    @Test
    void uniformBoxAnomaliesStayInTheWidenedBox() {
        Table t = Blobs.of(2000, 3, 200, 4).table();
        IntColumn label = t.intColumn("label");
        for (int j = 0; j < 3; j++) {
            DoubleColumn x = t.doubleColumn("x" + j);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < t.rowCount(); i++) {
                if (label.getInt(i) == 0) {
                    lo = Math.min(lo, x.getDouble(i));
                    hi = Math.max(hi, x.getDouble(i));
                }
            }
            double margin = 0.25 * (hi - lo);
            int outside = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                if (label.getInt(i) == 1) {
                    double v = x.getDouble(i);
                    assertTrue(v >= lo - margin && v <= hi + margin, "x" + j + " = " + v);
                    outside += v < lo || v > hi ? 1 : 0;
                }
            }
            assertTrue(outside > 0, "some anomalies lie beyond the normal range of x" + j);
        }
    }

    @Test
    void timeSeriesLabelsMarkEveryInjectedRow() {
        Series spec = Series.of(5000, 11).withInjections(6, 2, 3);
        Table t = spec.table();
        assertEquals(List.of("timestamp", "value", "label", "kind"), t.columnNames());
        assertEquals(5000, t.rowCount());
        assertEquals(Synthetic.START.plusHours(4999), t.dateTimeColumn("timestamp").get(4999));
        assertEquals(6 + 2 * 24 + 3 * 12, (int) t.intColumn("label").sum());
        assertEquals(6, t.stringColumn("kind").isEqualTo("spike").size());
        assertEquals(48, t.stringColumn("kind").isEqualTo("level shift").size());
        assertEquals(36, t.stringColumn("kind").isEqualTo("noise burst").size());
        // a spike leaves the seasonal band: |value − (10 + 3 sin)| >= amplitude + 4·noise = 5
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.stringColumn("kind").get(i).equals("spike")) {
                double base = 10 + 3 * Math.sin(2 * Math.PI * i / 24);
                // the row's own noise (sd 0.5) can pull it back by a little
                assertTrue(Math.abs(t.doubleColumn("value").getDouble(i) - base) > 3.0, "spike at row " + i);
            }
        }
        // normal rows: mean 10, residual standard deviation 0.5
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.intColumn("label").getInt(i) == 0) {
                double r = t.doubleColumn("value").getDouble(i) - 10 - 3 * Math.sin(2 * Math.PI * i / 24);
                sum += r;
                sq += r * r;
                n++;
            }
        }
        assertEquals(0.0, sum / n, 0.03);
        assertEquals(0.5, Math.sqrt(sq / n), 0.03);
    }

    @Test
    void tightlyPackedEventsAreAllPlaced() {
        // 6 level shifts of 24 rows + gaps use the whole half-series budget of 312 rows: random draws often miss,
        // the scan after them still finds room (and the call ends)
        for (long seed = 0; seed < 20; seed++) {
            Table t = Series.of(312, seed).withInjections(3, 6, 0).table();
            assertEquals(3 + 6 * 24, (int) t.intColumn("label").sum(), "seed " + seed);
        }
    }

    @Test
    void stepAndDefaults() {
        Table t = Series.of(100, 1).withStep(Duration.ofMinutes(5)).table();
        assertEquals(Synthetic.START.plusMinutes(5), t.dateTimeColumn("timestamp").get(1));
        assertEquals(1, (int) t.intColumn("label").sum(), "100 rows: one spike, no segments");
        assertEquals(2, Synthetic.timeSeries(2, 0).rowCount());
    }

    @Test
    void badOptionsNameTheParameter() {
        assertMessage(() -> Synthetic.blobs(0, 2, 1, 0), "normal >= 1");
        assertMessage(() -> Blobs.of(10, 2, 1, 0).withCentres(11), "centres must be in [1, normal = 10]");
        assertMessage(() -> Blobs.of(10, 2, 1, 0).withSpread(0), "spread must be finite and > 0");
        assertMessage(() -> Series.of(100, 0).withInjections(40, 0, 0), "inject fewer events");
        assertMessage(() -> Series.of(100, 0).withNoise(0), "noise finite and > 0");

        assertMessage(() -> Series.of(100, 0).withStep(Duration.ZERO), "step must be a positive duration");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
    }

    private static void assertSameTable(Table a, Table b) {
        assertEquals(a.columnNames(), b.columnNames());
        for (String c : a.columnNames()) {
            assertEquals(a.column(c).asList(), b.column(c).asList(), c);
        }
    }
}
