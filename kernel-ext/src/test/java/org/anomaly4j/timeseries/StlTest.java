package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** STL options, defaults, errors, laws and residual rules (parity with statsmodels: {@link StlGoldenTest}). */
class StlTest {

    /** 10 cycles of a period-12 pattern on a slope, with two spikes. */
    private static double[] seasonalWithSpikes() {
        double[] y = new double[120];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.05 * i + 3 * Math.sin(2 * Math.PI * i / 12) + 0.1 * Math.cos(7.3 * i);
        }
        y[40] += 8;
        y[77] -= 6;
        return y;
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void defaultsFollowStatsmodels() {
        Stl s = Stl.with().period(24);
        // ceil(1.5·24 / (1 − 1.5/7)) = ceil(45.8) = 46 → 47; low_pass: 25 (odd > 24); iterations 5/0, robust 2/15.
        assertEquals(47, s.trendSpan(1000));
        assertEquals(25, s.lowPassSpan());
        assertEquals(5, s.innerIterations());
        assertEquals(0, s.outerIterations());
        assertEquals(2, s.robust(true).innerIterations());
        assertEquals(15, s.robust(true).outerIterations());
        // period 288, seasonal 7: ceil(549.82) = 550 → 551; odd period 7 → low_pass 9.
        assertEquals(551, Stl.with().period(288).trendSpan(2000));
        assertEquals(9, Stl.with().period(7).lowPassSpan());
    }

    @Test
    void componentsAddUpToTheSeriesAndRobustWeightsDownWeightTheSpikes() {
        double[] y = seasonalWithSpikes();
        double[] copy = y.clone();
        StlResult r = Stl.with().period(12).robust(true).fit(y);
        double[] t = r.trend();
        double[] s = r.seasonal();
        double[] e = r.resid();
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], t[i] + s[i] + e[i], 1e-12, "y = trend + seasonal + resid at " + i);
        }
        assertEquals(0.0, r.weights()[40], "the +8 spike gets weight 0");
        assertEquals(0.0, r.weights()[77], "the −6 spike gets weight 0");
        boolean[] flags = r.flags(ResidualRule.mad(5));
        assertTrue(flags[40] && flags[77], "both spikes flagged by 5·MAD");
        assertEquals(2, r.count(ResidualRule.mad(5)), "and nothing else");
        assertArrayEquals(copy, y, "input unchanged");
        Stl plain = Stl.with().period(12);
        for (double w : plain.fit(y).weights()) {
            assertEquals(1.0, w, "non-robust weights are 1");
        }
    }

    @Test
    void periodicSeasonalRepeatsExactlyEveryCycle() {
        StlResult r = Stl.with().period(12).periodic().robust(true).fit(seasonalWithSpikes());
        double[] s = r.seasonal();
        for (int i = 12; i < s.length; i++) {
            assertEquals(s[i - 12], s[i], 0.0, "seasonal at " + i);
        }
    }

    @Test
    void resultIsImmutable() {
        StlResult r = Stl.with().period(12).fit(seasonalWithSpikes());
        double before = r.trend()[0];
        r.trend()[0] = 1e9;
        r.resid()[0] = 1e9;
        assertEquals(before, r.trend()[0]);
    }

    @Test
    void tableOverloadEqualsArrayFormAndAddsNamedColumns() {
        double[] y = seasonalWithSpikes();
        Table t = Table.create("t", DoubleColumn.create("v", y));
        Stl stl = Stl.with().period(12);
        StlResult r = stl.fit(t, "v");
        assertArrayEquals(stl.fit(y).trend(), r.trend(), 0.0);
        Table out = r.addTo(t, "v");
        assertEquals(1, t.columnCount(), "input table unchanged");
        assertEquals(java.util.List.of("v", "v_trend", "v_seasonal", "v_resid", "v_weight"), out.columnNames());
        assertArrayEquals(r.resid(), out.doubleColumn("v_resid").asDoubleArray(), 0.0);
        Table flagged = stl.robust(true).fit(t, "v").addTo(t, "v", ResidualRule.mad(5));
        assertEquals("v_anomaly", flagged.columnNames().get(5));
        assertEquals(2, flagged.booleanColumn("v_anomaly").countTrue(), "the two spikes");
    }

    @Test
    void residualRules() {
        double[] r = {0, 1, -1, 2, -2, 0.5, 100};
        assertArrayEquals(new boolean[] {false, false, false, false, false, false, true},
                ResidualRule.fixed(5).flags(r));
        // median 0.5, |r − 0.5| sorted: 0.5 0.5 0.5 1.5 1.5 2.5 99.5 → MAD 1.5, cut 3·1.4826·1.5 = 6.67.
        assertArrayEquals(new double[] {0.5, 3 * 1.4826 * 1.5}, ResidualRule.mad(3).centreAndCut(r), 1e-12);
        // mean 100.5/7, sd of the 7 values (ddof 1); only 100 is beyond 2 sd.
        double[] cc = ResidualRule.sigma(2).centreAndCut(r);
        assertEquals(100.5 / 7, cc[0], 1e-12);
        assertTrue(ResidualRule.sigma(2).flags(r)[6]);
        assertEquals(1, count(ResidualRule.sigma(2).flags(r)));
        assertTrue(message(() -> ResidualRule.mad(0)).contains("k must be"));
        assertTrue(message(() -> ResidualRule.fixed(-1)).contains("threshold"));
    }

    private static int count(boolean[] f) {
        int c = 0;
        for (boolean b : f) {
            c += b ? 1 : 0;
        }
        return c;
    }

    @Test
    void badOptionsAndInputsNameTheProblem() {
        assertTrue(message(() -> Stl.with().fit(new double[50])).contains("period(24)"));
        assertTrue(message(() -> Stl.with().period(1)).contains("period must be an integer >= 2, got 1"));
        assertTrue(message(() -> Stl.with().seasonal(8)).contains("seasonal must be an odd integer >= 3, got 8"));
        assertTrue(message(() -> Stl.with().period(24).trend(23)).contains("trend must be > period = 24"));
        assertTrue(message(() -> Stl.with().period(24).lowPass(24)).contains("lowPass must be an odd"));
        assertTrue(message(() -> Stl.with().degrees(2, 1, 1)).contains("seasonalDeg must be 0 or 1, got 2"));
        assertTrue(message(() -> Stl.with().jumps(1, 0, 1)).contains("trendJump must be an integer >= 1"));
        assertTrue(message(() -> Stl.with().iterations(0, 1)).contains("inner >= 1"));
        assertTrue(message(() -> Stl.with().period(12).fit(new double[23])).contains("at least 24"));
        double[] y = seasonalWithSpikes();
        y[30] = Double.NaN;
        String m = message(() -> Stl.with().period(12).fit(y));
        assertTrue(m.contains("first at row 30") && m.contains("fillMissing"), m);
        Table t = Table.create("t", StringColumn.create("s", "a", "b"));
        assertTrue(message(() -> Stl.with().period(12).fit(t, "x")).contains("no column \"x\""));
        assertTrue(message(() -> Stl.with().period(12).fit(t, "s")).contains("not numeric"));
        StlResult r = Stl.with().period(12).fit(seasonalWithSpikes());
        assertTrue(message(() -> r.addTo(t, "v")).contains("has 2 rows but the decomposition has 120 points"));
    }
}
