package org.anomaly4j.timeseries;

import static org.anomaly4j.timeseries.SeriesFixtures.assertClose;
import static org.anomaly4j.timeseries.SeriesFixtures.doubles;
import static org.anomaly4j.timeseries.SeriesFixtures.golden;
import static org.anomaly4j.timeseries.SeriesFixtures.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * ETS with additive errors against statsmodels' ETSModel.smooth (gen_ets.py). Tolerance 1e-9 · max(1, |v|):
 * the recursions are the same, sums in the same order except numpy's pairwise SSE and the heuristic's
 * pinv-based least squares (closed form here), both rounding differences.
 */
class EtsTest {

    private static final double TOL = 1e-9;

    private static double[] series(String name) {
        return switch (name) {
            case "hive17" -> SeriesFixtures.hiveT17();
            case "nyc_taxi" -> SeriesFixtures.nab("nyc_taxi", 1500);
            default -> SeriesFixtures.nab("machine_temperature_system_failure", 1500);
        };
    }

    private static Ets model(JsonNode c) {
        double[] p = doubles(c.get("params"));
        boolean trend = !c.get("trend").isNull();
        boolean damped = c.get("damped").asBoolean();
        int period = c.get("period").isNull() ? 0 : c.get("period").asInt();
        int i = 0;
        Ets e = Ets.with().alpha(p[i++]).k(c.get("k").asDouble());
        if (trend) {
            e = e.trend(p[i++]);
        }
        if (period > 0) {
            e = e.season(period, p[i++]);
        }
        if (damped) {
            e = e.damped(p[i++]);
        }
        if ("known".equals(c.get("init").asText(null))) {
            double[] s = new double[period];
            for (int j = 0; j < period; j++) {
                s[j] = 3000 * Math.sin(2 * Math.PI * j / period);
            }
            e = e.initial(15000, 10, s);
        }
        return e;
    }

    private static double[] at(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    @Test
    void smoothingBandsAndForecastsEqualStatsmodels() {
        JsonNode g = golden("ets", "ets.json");
        int h = g.get("horizon").asInt();
        int cases = 0;
        double worst = 0;
        for (JsonNode c : g.get("cases")) {
            double[] y = series(c.get("series").asText());
            double[] copy = y.clone();
            Ets e = model(c);
            String what = c.get("series").asText() + " " + e;
            EtsResult r = e.fit(y);
            int[] rows = ints(c.get("rows"));
            double[] init = r.initial();
            assertEquals(c.get("initial_level").asDouble(), init[0], TOL * Math.max(1, Math.abs(init[0])), what);
            if (!c.get("initial_trend").isNull()) {
                assertEquals(c.get("initial_trend").asDouble(), init[1], TOL, what + " initial trend");
            }
            if (!c.get("initial_seasonal").isNull()) {
                double[] s = java.util.Arrays.copyOfRange(init, 2, init.length);
                worst = Math.max(worst, assertClose(doubles(c.get("initial_seasonal")), s, TOL, what + " season0"));
            }
            assertEquals(c.get("mse").asDouble(), r.mse(), TOL * c.get("mse").asDouble(), what + " mse");
            worst = Math.max(worst, assertClose(doubles(c.get("fitted")), at(r.fitted(), rows), TOL, what + " fitted"));
            worst = Math.max(worst, assertClose(doubles(c.get("resid")), at(r.resid(), rows), TOL, what + " resid"));
            worst = Math.max(worst, assertClose(doubles(c.get("pi_lower")), at(r.lower(), rows), TOL, what + " lo"));
            worst = Math.max(worst, assertClose(doubles(c.get("pi_upper")), at(r.upper(), rows), TOL, what + " up"));
            double[] f = r.forecast(h);
            double[] v = r.forecastVariance(h);
            double[] lo = new double[h];
            double[] hi = new double[h];
            for (int i = 0; i < h; i++) {
                lo[i] = f[i] - e.k() * Math.sqrt(v[i]);
                hi[i] = f[i] + e.k() * Math.sqrt(v[i]);
            }
            worst = Math.max(worst, assertClose(doubles(c.get("forecast")), f, TOL, what + " forecast"));
            worst = Math.max(worst, assertClose(doubles(c.get("forecast_lower")), lo, TOL, what + " forecast lo"));
            worst = Math.max(worst, assertClose(doubles(c.get("forecast_upper")), hi, TOL, what + " forecast up"));
            assertArrayEquals(copy, y, "input unchanged");
            cases++;
        }
        assertEquals(8, cases);
        System.out.printf("ETS parity over %d cases: worst scaled error %.2e%n", cases, worst);
    }

    /**
     * Maximum likelihood: statsmodels' L-BFGS-B and our Nelder–Mead stop at their own tolerances, so the test
     * asserts what matters — our likelihood is at least statsmodels' (to 1e-9 relative) — and that both found
     * the same optimum: parameters within 0.01 where the likelihood differs by less than 1e-6 relative.
     */
    @Test
    void estimatedParametersReachStatsmodelsLikelihood() {
        JsonNode g = golden("ets", "ets.json");
        int fits = 0;
        for (JsonNode c : g.get("cases")) {
            if (!c.has("fit")) {
                continue;
            }
            double[] y = series(c.get("series").asText());
            Ets start = model(c);
            Ets est = start.estimate(y);
            EtsResult r = est.fit(y);
            int n = y.length;
            double llf = -n / 2.0 * (Math.log(2 * Math.PI * r.mse()) + 1);
            double theirs = c.get("fit").get("llf").asDouble();
            String what = c.get("series").asText() + " " + est;
            assertTrue(llf >= theirs - 1e-9 * Math.abs(theirs), what + ": llf " + llf + " < statsmodels " + theirs);
            double[] p = doubles(c.get("fit").get("params"));
            double[] ours = present(est, c);
            double diff = 0;
            for (int i = 0; i < p.length; i++) {
                diff = Math.max(diff, Math.abs(p[i] - ours[i]));
            }
            if (llf - theirs < 1e-6 * Math.abs(theirs)) {
                assertTrue(diff < 0.01, what + ": same optimum, parameters differ by " + diff);
            }
            System.out.printf("ETS fit %-70s llf %.9f vs statsmodels %.9f, max |Δparam| %.2e%n", what, llf, theirs,
                    diff);
            fits++;
        }
        assertEquals(7, fits);
    }

    /** The estimated parameters in statsmodels' order (α, β, γ, φ as present). */
    private static double[] present(Ets e, JsonNode c) {
        java.util.List<Double> p = new java.util.ArrayList<>();
        p.add(e.alpha());
        if (!c.get("trend").isNull()) {
            p.add(e.beta());
        }
        if (!c.get("period").isNull()) {
            p.add(e.gamma());
        }
        if (c.get("damped").asBoolean()) {
            p.add(e.phi());
        }
        return p.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void flagsAreResidualsBeyondKSigmaAndChartViewAgrees() {
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 + 2 * Math.sin(2 * Math.PI * i / 12) + 0.1 * Math.cos(3.7 * i);
        }
        y[150] += 5;
        EtsResult r = Ets.with().alpha(0.3).season(12, 0.1).fit(y);
        boolean[] f = r.flags();
        assertTrue(f[150], "the spike is outside its band");
        ControlChart c = r.chart();
        assertArrayEquals(f, c.flags());
        assertArrayEquals(r.fitted(), c.centre(), 0.0);
        assertEquals(r.scores()[150], c.score()[150], 0.0);
    }

    @Test
    void optionsAreValuesComparedByContent() {
        Ets a = Ets.with().alpha(0.3).season(4, 0.1).initial(1, 0, 1, 2, 3, 4);
        Ets b = Ets.with().alpha(0.3).season(4, 0.1).initial(1, 0, 1, 2, 3, 4);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(!a.equals(a.initial(1, 0, 1, 2, 3, 5)));
        assertEquals("Ets[alpha=0.3, period=4, gamma=0.1, k=3.0, initial=known]", a.toString());
    }

    @Test
    void errors() {
        assertTrue(msg(() -> Ets.with().alpha(1)).contains("alpha must be in (0, 1), got 1.0"));
        assertTrue(msg(() -> Ets.with().alpha(0.3).trend(0.5)).contains("beta must be in [0, alpha]"));
        assertTrue(msg(() -> Ets.with().alpha(0.8).season(12, 0.3)).contains("gamma must be in [0, 1 − alpha]"));
        assertTrue(msg(() -> Ets.with().damped(1.5)).contains("phi must be in (0, 1]"));
        assertTrue(msg(() -> Ets.with().season(12, 0.1).fit(new double[20])).contains("at least 24"));
        assertTrue(msg(() -> Ets.with().season(4, 0.1).initial(1, 0, 1, 2)).contains("4 seasonal values"));
        assertTrue(msg(() -> Ets.with().fit(new double[] {1, 2, 3})).contains("at least 10"));
    }

    private static String msg(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
