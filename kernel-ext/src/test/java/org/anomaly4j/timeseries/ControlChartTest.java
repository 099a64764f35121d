package org.anomaly4j.timeseries;

import static org.anomaly4j.timeseries.SeriesFixtures.assertClose;
import static org.anomaly4j.timeseries.SeriesFixtures.doubles;
import static org.anomaly4j.timeseries.SeriesFixtures.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Rolling z-score and EWMA charts against pandas (gen_charts.py), their streaming forms against the batch
 * (bit for bit), and errors. Tolerance 1e-9 · max(1, |v|): pandas updates rolling sums incrementally where we
 * take two passes per window, and its ewm divides each step by (1 − λ) + λ.
 */
class ControlChartTest {

    private static final double TOL = 1e-9;

    private static double[] series(String file) {
        return file.equals("hive17") ? SeriesFixtures.hiveT17() : SeriesFixtures.nab("nyc_taxi", 2000);
    }

    private static double[] at(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int[] rows(JsonNode g) {
        int[] r = new int[g.get("rows").size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = g.get("rows").get(i).asInt();
        }
        return r;
    }

    /**
     * Flags outside the golden's ties (scores within 1e-8 of the cut, e.g. exactly 3 on one-decimal data, which
     * pandas' incremental std puts on either side).
     */
    private static int flagsAwayFromTies(ControlChart chart, JsonNode c) {
        boolean[] f = chart.flags();
        for (JsonNode t : c.get("ties")) {
            f[t.asInt()] = false;
        }
        int n = 0;
        for (boolean b : f) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static RollingZScore rolling(JsonNode c) {
        RollingZScore z = RollingZScore.with().window(c.get("window").asInt()).center(c.get("center").asBoolean())
                .k(c.get("k").asDouble());
        return c.get("min_periods").isNull() ? z : z.minPeriods(c.get("min_periods").asInt());
    }

    private static EwmaChart ewma(JsonNode c) {
        EwmaChart e = EwmaChart.with().lambda(c.get("lambda").asDouble()).L(c.get("L").asDouble());
        return c.get("training").isNull() ? e : e.training(c.get("training").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hive17", "nyc_taxi"})
    void rollingZScoreEqualsPandas(String file) {
        JsonNode g = golden("charts", file + ".json");
        double[] x = series(file);
        double[] copy = x.clone();
        assertEquals(g.get("n").asInt(), x.length);
        int[] rows = rows(g);
        for (JsonNode c : g.get("rolling")) {
            RollingZScore z = rolling(c);
            ControlChart chart = z.apply(x);
            String what = file + " " + z;
            assertClose(doubles(c.get("centre")), at(chart.centre(), rows), TOL, what + " centre");
            assertClose(doubles(c.get("upper")), at(chart.upper(), rows), TOL, what + " upper");
            assertClose(doubles(c.get("score")), at(chart.score(), rows), TOL, what + " score");
            assertEquals(c.get("flag_count").asInt(), flagsAwayFromTies(chart, c), what + " flags");
            assertArrayEquals(x, chart.statistic(), "the statistic is the value itself");
        }
        assertArrayEquals(copy, x, "input unchanged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hive17", "nyc_taxi"})
    void ewmaChartEqualsPandas(String file) {
        JsonNode g = golden("charts", file + ".json");
        double[] x = series(file);
        double[] copy = x.clone();
        int[] rows = rows(g);
        for (JsonNode c : g.get("ewma")) {
            EwmaChart e = ewma(c);
            String what = file + " " + e;
            double[] target = e.estimate(x);
            assertEquals(c.get("mu0").asDouble(), target[0], TOL * Math.abs(target[0]), what + " mu0");
            assertEquals(c.get("sigma").asDouble(), target[1], TOL * target[1], what + " sigma");
            ControlChart chart = e.apply(x);
            assertClose(doubles(c.get("z")), at(chart.statistic(), rows), TOL, what + " z");
            assertClose(doubles(c.get("lower")), at(chart.lower(), rows), TOL, what + " lower");
            assertClose(doubles(c.get("upper")), at(chart.upper(), rows), TOL, what + " upper");
            assertClose(doubles(c.get("score")), at(chart.score(), rows), TOL, what + " score");
            assertEquals(c.get("flag_count").asInt(), flagsAwayFromTies(chart, c), what + " flags");
        }
        assertArrayEquals(copy, x, "input unchanged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hive17", "nyc_taxi"})
    void onlineFormsGiveExactlyTheBatchScores(String file) {
        double[] x = series(file);
        for (RollingZScore z : new RollingZScore[] {RollingZScore.with().window(48),
                RollingZScore.with().window(24).minPeriods(5).k(2.5), RollingZScore.with().window(2)}) {
            ControlChart batch = z.apply(x);
            OnlineDetector online = z.online();
            double[] score = batch.score();
            boolean[] flags = batch.flags();
            for (int t = 0; t < x.length; t++) {
                OnlineDetector.Alert a = online.update(x[t]);
                assertEquals(Double.doubleToLongBits(score[t]), Double.doubleToLongBits(a.score()),
                        z + " score at " + t);
                assertEquals(flags[t], a.alert(), z + " alert at " + t);
            }
            assertEquals(x.length, online.count());
        }
        for (EwmaChart e : new EwmaChart[] {EwmaChart.with(), EwmaChart.with().lambda(0.05).L(2.8).training(300)}) {
            double[] target = e.estimate(x);
            ControlChart batch = e.apply(x);
            double[] streamed = OnlineDetector.scores(e.target(target[0], target[1]).online(), x);
            assertArrayEquals(batch.score(), streamed, 0.0, e + " online = batch");
        }
    }

    @Test
    void handWorkedValuesAndSpikes() {
        // Trailing window 3 over 1, 2, 3, 10: at t = 3 the window is 1, 2, 3 (mean 2, sd 1), score 8.
        ControlChart c = RollingZScore.with().window(3).apply(new double[] {1, 2, 3, 10});
        assertTrue(Double.isNaN(c.score()[2]), "3 values of history needed");
        assertEquals(8.0, c.score()[3], 0.0);
        assertEquals(5.0, c.upper()[3], 0.0);
        assertArrayEquals(new boolean[] {false, false, false, true}, c.flags());
        // Constant window: equal value scores 0, another value +∞.
        ControlChart flat = RollingZScore.with().window(2).apply(new double[] {4, 4, 4, 5});
        assertEquals(0.0, flat.score()[2]);
        assertEquals(Double.POSITIVE_INFINITY, flat.score()[3]);
        // EWMA with target 0, sd 1, λ = 0.5: z_1 = 0.5·2 = 1, σ_1 = √(0.5/1.5·(1 − 0.25)) = 0.5, score 2.
        ControlChart e = EwmaChart.with().lambda(0.5).target(0, 1).apply(new double[] {2, 0});
        assertEquals(1.0, e.statistic()[0], 0.0);
        assertEquals(2.0, e.score()[0], 1e-15);
        assertEquals(0.5, e.statistic()[1], 0.0);
        // A level shift of 1σ from t = 100 is flagged by the EWMA soon after, never before.
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * Math.sin(i * 1.7) + (i >= 100 ? 1 : 0);
        }
        ControlChart shift = EwmaChart.with().training(100).apply(x);
        boolean[] f = shift.flags();
        for (int i = 0; i < 100; i++) {
            assertTrue(!f[i], "no alarm in control at " + i);
        }
        int first = 100;
        while (!f[first]) {
            first++;
        }
        assertTrue(first < 110, "shift detected within 10 points, at " + first);
    }

    @Test
    void incrementalMomentsDoNotDriftOnALongStream() {
        // 300,000 values around 1e6 with spread 1 (the worst case for running sums: large mean, small variance),
        // runs of equal values included; every 997th window compared with an exact two-pass computation.
        java.util.Random r = new java.util.Random(7);
        int w = 50;
        double[] x = new double[300_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i / 1000) % 7 == 3 ? 1e6 : 1e6 + r.nextGaussian();
        }
        RollingMoments m = new RollingMoments(w);
        double[] exact = new double[2];
        for (int t = 0; t < x.length; t++) {
            m.add(x[t]);
            if (t >= w && t % 997 == 0) {
                WindowStats.meanAndStd(x, t - w + 1, w, x.length, exact);
                assertEquals(exact[0], m.mean(), 1e-14 * 1e6, "mean at " + t);
                assertEquals(exact[1], m.sd(), 1e-9 * Math.max(1, exact[1]), "sd at " + t);
            }
        }
        m = new RollingMoments(4);
        for (double v : new double[] {1, 2, 5, 5, 5, 5}) {
            m.add(v);
        }
        assertEquals(5.0, m.mean(), 0.0, "equal values: exact mean");
        assertEquals(0.0, m.sd(), 0.0, "equal values: sd 0");
    }

    @Test
    void tableFormAddsChartColumns() {
        double[] x = {1, 2, 3, 10, 2, 3};
        Table t = Table.create("t", DoubleColumn.create("v", x));
        ControlChart c = RollingZScore.with().window(3).apply(t, "v");
        Table out = c.addTo(t, "v_z");
        assertEquals(1, t.columnCount(), "input unchanged");
        assertEquals(java.util.List.of("v", "v_z_statistic", "v_z_centre", "v_z_lower", "v_z_upper", "v_z_score",
                "v_z_anomaly"), out.columnNames());
        assertEquals(1, out.booleanColumn("v_z_anomaly").countTrue());
    }

    @Test
    void errorsNameTheProblem() {
        assertTrue(message(() -> RollingZScore.with().apply(new double[] {1, 2})).contains("window(48)"));
        assertTrue(message(() -> RollingZScore.with().window(1)).contains("window must be >= 2"));
        assertTrue(message(() -> RollingZScore.with().window(4).minPeriods(5)).contains("minPeriods must be in"));
        assertTrue(message(() -> RollingZScore.with().window(4).center(true).online()).contains("future values"));
        assertTrue(message(() -> RollingZScore.with().window(3).apply(new double[] {1, Double.NaN}))
                .contains("first at row 1"));
        assertTrue(message(() -> RollingZScore.with().window(3).online().update(Double.NaN))
                .contains("stream value 0 is NaN"));
        assertTrue(message(() -> EwmaChart.with().lambda(0)).contains("lambda must be in (0, 1], got 0.0"));
        assertTrue(message(() -> EwmaChart.with().training(1)).contains("training must be"));
        assertTrue(message(() -> EwmaChart.with().target(0, 0)).contains("sigma > 0"));
        assertTrue(message(() -> EwmaChart.with().online()).contains("known target"));
        assertTrue(message(() -> EwmaChart.with().apply(new double[] {3, 3, 3})).contains("constant"));
        assertTrue(message(() -> EwmaChart.with().training(10).apply(new double[] {1, 2, 3})).contains("at least 10"));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
