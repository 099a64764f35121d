package org.anomaly4j.features;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.anomaly4j.TableFixtures.ints;
import static org.anomaly4j.features.FeatureFixtures.assertAt;
import static org.anomaly4j.features.FeatureFixtures.assertClose;
import static org.anomaly4j.features.FeatureFixtures.golden;
import static org.anomaly4j.features.FeatureFixtures.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.data.Columns;
import org.anomaly4j.features.Rolling.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/** Rolling windows against pandas goldens (gen_features.py, rolling_*.json), properties and errors. */
class RollingTest {

    private static Rolling options(JsonNode c) {
        int w = c.get("window").asInt();
        int minp = c.get("min_periods").isNull() ? w : c.get("min_periods").asInt();
        return new Rolling(w, minp, c.get("center").asBoolean());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hive_T17_gaps", "hive_RH17", "taxi_value", "edge"})
    void everyStatisticMatchesPandas(String key) {
        JsonNode g = golden("rolling_" + key + ".json");
        double[] x = series(key, g);
        double[] copy = x.clone();
        assertEquals(g.get("n").asInt(), x.length, "series length");
        int[] rows = ints(g.get("rows"));
        int cases = 0;
        for (JsonNode c : g.get("cases")) {
            Rolling r = options(c);
            for (Stat stat : Stat.values()) {
                assertAt(c.get(stat.label()), r.compute(x, stat), rows, key + " " + r + " " + stat);
            }
            cases++;
        }
        assertEquals(8, cases, "window × min_periods × center cases");
        assertArrayEquals(copy, x, "input array unchanged");
    }

    @Test
    void tableFormAddsOneNamedColumnPerStatisticAndLeavesTheInputAlone() {
        Table hive = TableFixtures.hiveWithGaps();
        Table before = hive.copy();
        Rolling r = Rolling.window(24).minPeriods(1).center(true);
        Table out = r.apply(hive, "T17", Stat.values());
        assertUnchanged(before, hive);
        assertEquals(hive.columnCount() + Stat.values().length, out.columnCount());
        JsonNode g = golden("rolling_hive_T17_gaps.json");
        JsonNode c = null;
        for (JsonNode k : g.get("cases")) {
            if (options(k).equals(r)) {
                c = k;
            }
        }
        int[] rows = ints(g.get("rows"));
        for (Stat s : Stat.values()) {
            String name = "T17_rolling_24_" + s.label();
            assertEquals(name, Rolling.columnName("T17", 24, s));
            assertAt(c.get(s.label()), Columns.values(out, name), rows, name);
        }
        // the one-statistic shortcuts give the same column
        assertArrayEquals(Columns.values(out, "T17_rolling_24_median"), Columns.values(r.median(hive, "T17"),
                "T17_rolling_24_median"));
        assertArrayEquals(Columns.values(out, "T17_rolling_24_mean"), Columns.values(r.mean(hive, "T17"),
                "T17_rolling_24_mean"));
        assertUnchanged(before, hive);
    }

    @Test
    void primitiveFastPathsEqualTheOptionsForm() {
        double[] x = Columns.values(FeatureFixtures.taxi(), "value");
        double[] copy = x.clone();
        Rolling r = new Rolling(24, 1, true);
        assertArrayEquals(r.compute(x, Stat.MEAN), Rolling.mean(x, 24, 1, true));
        assertArrayEquals(r.compute(x, Stat.SUM), Rolling.sum(x, 24, 1, true));
        assertArrayEquals(r.compute(x, Stat.STD), Rolling.std(x, 24, 1, true));
        assertArrayEquals(r.compute(x, Stat.MIN), Rolling.min(x, 24, 1, true));
        assertArrayEquals(r.compute(x, Stat.MAX), Rolling.max(x, 24, 1, true));
        assertArrayEquals(r.compute(x, Stat.MEDIAN), Rolling.median(x, 24, 1, true));
        assertArrayEquals(copy, x, "input array unchanged");
    }

    /** Property: a window of one row is the identity for mean, sum, min, max and median (NaN stays NaN). */
    @Test
    void windowOfOneIsTheInput() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = randomSeries(rnd, 1 + rnd.nextInt(300));
            double[] copy = x.clone();
            for (boolean center : new boolean[] {false, true}) {
                Rolling r = new Rolling(1, 1, center);
                assertArrayEquals(x, Rolling.mean(x, 1, 1, center), "mean");
                for (Stat s : new Stat[] {Stat.SUM, Stat.MIN, Stat.MAX, Stat.MEDIAN}) {
                    assertArrayEquals(x, r.compute(x, s), s.label());
                }
                for (double v : r.compute(x, Stat.STD)) {
                    assertTrue(Double.isNaN(v), "std of one value with ddof=1 is NaN");
                }
            }
            assertArrayEquals(copy, x, "input array unchanged");
        }
    }

    /** Large windows (beyond the goldens) against a direct per-window computation, NaN included. */
    @Test
    void largeWindowsAgreeWithADirectComputation() {
        Random rnd = new Random(11);
        double[] x = randomSeries(rnd, 4000);
        double[] copy = x.clone();
        for (int w : new int[] {2, 500, 1001}) {
            for (boolean center : new boolean[] {false, true}) {
                Rolling r = new Rolling(w, w / 3, center);
                double[] mean = r.compute(x, Stat.MEAN);
                double[] median = r.compute(x, Stat.MEDIAN);
                double[] min = r.compute(x, Stat.MIN);
                double[] max = r.compute(x, Stat.MAX);
                double[] std = r.compute(x, Stat.STD);
                int offset = center ? (w - 1) / 2 : 0;
                for (int i = 0; i < x.length; i += 7) {
                    double[] win = present(x, Math.max(0, i + 1 + offset - w), Math.min(x.length, i + 1 + offset));
                    String what = "w=" + w + " center=" + center + " i=" + i;
                    if (win.length < r.minPeriods() || win.length == 0) {
                        assertTrue(Double.isNaN(mean[i]) && Double.isNaN(median[i]), what);
                        continue;
                    }
                    Arrays.sort(win);
                    int m = win.length;
                    double direct = m % 2 == 1 ? win[m / 2] : (win[m / 2 - 1] + win[m / 2]) / 2;
                    assertEquals(direct, median[i], 0.0, what + " median");
                    assertEquals(win[0], min[i], 0.0, what + " min");
                    assertEquals(win[m - 1], max[i], 0.0, what + " max");
                    double s = 0;
                    for (double v : win) {
                        s += v;
                    }
                    double mu = s / m;
                    assertClose(mu, mean[i], what + " mean");
                    if (m > 1) {
                        double ss = 0;
                        for (double v : win) {
                            ss += (v - mu) * (v - mu);
                        }
                        assertClose(Math.sqrt(ss / (m - 1)), std[i], what + " std");
                    }
                }
            }
        }
        assertArrayEquals(copy, x, "input array unchanged");
    }

    /** pandas turns ±∞ into NaN before rolling: an infinity is a missing value, not a huge one. */
    @Test
    void infinitiesCountAsMissing() {
        double[] x = {1, 2, Double.POSITIVE_INFINITY, 4, Double.NEGATIVE_INFINITY, 6};
        double[] nan = {1, 2, Double.NaN, 4, Double.NaN, 6};
        for (Stat s : Stat.values()) {
            assertArrayEquals(new Rolling(3, 1, false).compute(nan, s), new Rolling(3, 1, false).compute(x, s),
                    s.label());
        }
        assertArrayEquals(new double[] {1, 2, Double.POSITIVE_INFINITY, 4, Double.NEGATIVE_INFINITY, 6}, x,
                "input array unchanged");
    }

    @Test
    void aMillionValuesWithAWideWindow() {
        double[] x = new double[1_000_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i * 0.001) + (i % 97) * 1e-3;
        }
        double[] med = Rolling.median(x, 10_001, 10_001, true);
        double[] mean = Rolling.mean(x, 10_001, 10_001, false);
        double[] win = Arrays.copyOfRange(x, 500_000 - 5000, 500_000 + 5001);
        double s = 0;
        for (double v : win) {
            s += v;
        }
        Arrays.sort(win);
        assertEquals(win[5000], med[500_000], 0.0);
        assertClose(s / win.length, mean[500_000 + 5000], "mean");
        assertTrue(Double.isNaN(mean[9_999]) && !Double.isNaN(mean[10_000]), "min_periods = window");
    }

    @Test
    void badInputIsReportedWithTheFix() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        Rolling r = Rolling.window(24);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> r.mean(hive, "T99")), "\"T99\"", "T17");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> r.mean(hive, "DateTime")),
                "\"DateTime\"", "not numeric");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Rolling.window(2000).mean(hive, "T17")), "2000", "1847 rows", "at most 1847");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> r.mean(hive.emptyCopy(), "T17")),
                "no rows");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Rolling.window(0)), "at least 1", "0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Rolling.window(3).minPeriods(4)),
                "minPeriods", "[0, window = 3]", "4");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> r.apply(hive, "T17")),
                "at least one statistic");
        Table once = r.mean(hive, "T17");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> r.mean(once, "T17")),
                "T17_rolling_24_mean", "already", "rename");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Rolling.mean(new double[5], 6, 6, false)),
                "6 rows", "at most 5");
        assertUnchanged(before, hive);
    }

    private static double[] randomSeries(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            // gaps, runs of equal values and ties exercise the NaN, same-value and heap code paths
            x[i] = u < 0.08 ? Double.NaN : u < 0.2 ? Math.floor(u * 20) : rnd.nextGaussian() * 10 + 5;
        }
        return x;
    }

    private static double[] present(double[] x, int from, int to) {
        List<Double> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                out.add(x[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
