package org.anomaly4j.timeseries;

import static org.anomaly4j.timeseries.SeriesFixtures.assertClose;
import static org.anomaly4j.timeseries.SeriesFixtures.doubles;
import static org.anomaly4j.timeseries.SeriesFixtures.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * STL against statsmodels 0.15 (gen_stl.py). Tolerance 1e-9 scaled by max(1, |value|): the Java loops repeat
 * _stl.pyx's sums in order, so the only differences are last-bit roundings of the tricube weights (products
 * here, pow() there) carried through up to 32 smoothing passes; measured worst 7.7e-12 (printed by
 * {@link #report}); the issue asks for 1e-6.
 */
class StlGoldenTest {

    static final double TOL = 1e-9;

    private static Stl options(int period, JsonNode p) {
        Stl s = Stl.with().period(period);
        if (p.has("seasonal")) {
            s = s.seasonal(p.get("seasonal").asInt());
        }
        if (p.path("periodic").asBoolean(false)) {
            s = s.periodic();
        }
        if (p.has("trend")) {
            s = s.trend(p.get("trend").asInt());
        }
        if (p.has("low_pass")) {
            s = s.lowPass(p.get("low_pass").asInt());
        }
        s = s.degrees(p.path("seasonal_deg").asInt(1), p.path("trend_deg").asInt(1), p.path("low_pass_deg").asInt(1))
                .jumps(p.path("seasonal_jump").asInt(1), p.path("trend_jump").asInt(1),
                        p.path("low_pass_jump").asInt(1))
                .robust(p.path("robust").asBoolean(false));
        if (p.hasNonNull("inner")) {
            s = s.iterations(p.get("inner").asInt(), p.get("outer").asInt());
        }
        return s;
    }

    private static void report(String what, double worst) {
        System.out.printf("STL parity %-40s worst scaled error %.2e%n", what, worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hive17_robust", "hive17", "machine_temperature", "nyc_taxi"})
    void componentsEqualStatsmodels(String file) {
        JsonNode g = golden("stl", file + ".json");
        double[] y = switch (file) {
            case "hive17_robust", "hive17" -> SeriesFixtures.hiveT17();
            case "machine_temperature" -> SeriesFixtures.nab("machine_temperature_system_failure", 2000);
            default -> SeriesFixtures.nab("nyc_taxi", 2000);
        };
        assertEquals(g.get("n").asInt(), y.length, "series length");
        double[] copy = y.clone();
        StlResult r = options(g.get("period").asInt(), g.get("params")).fit(y);
        double worst = 0;
        worst = Math.max(worst, assertClose(doubles(g.get("trend")), r.trend(), TOL, file + " trend"));
        worst = Math.max(worst, assertClose(doubles(g.get("seasonal")), r.seasonal(), TOL, file + " seasonal"));
        worst = Math.max(worst, assertClose(doubles(g.get("resid")), r.resid(), TOL, file + " resid"));
        worst = Math.max(worst, assertClose(doubles(g.get("weights")), r.weights(), TOL, file + " weights"));
        assertArrayEquals(copy, y, "input unchanged");
        assertArrayEquals(y, r.observed(), "observed");
        report(file, worst);
    }

    @Test
    void beehiveStudyCountsFortyFiveLargeResiduals() {
        JsonNode g = golden("stl", "hive17_robust.json");
        StlResult r = Stl.with().period(24).robust(true).fit(SeriesFixtures.hiveT17());
        assertEquals(g.get("count_abs_resid_gt_5").asInt(), r.count(ResidualRule.fixed(5)), "statsmodels' count");
        assertEquals(45, r.count(ResidualRule.fixed(5)), "the beehive study's 45 points with |resid| > 5");
    }

    @Test
    void nonDefaultSpansDegreesJumpsAndIterationsEqualStatsmodels() {
        JsonNode g = golden("stl", "options.json");
        int cases = 0;
        for (JsonNode c : g.get("cases")) {
            String name = c.get("name").asText();
            double[] y = SeriesFixtures.nab("nyc_taxi", c.get("n").asInt());
            StlResult r = options(c.get("period").asInt(), c.get("params")).fit(y);
            double worst = 0;
            worst = Math.max(worst, assertClose(doubles(c.get("trend")), r.trend(), TOL, name + " trend"));
            worst = Math.max(worst, assertClose(doubles(c.get("seasonal")), r.seasonal(), TOL, name + " seasonal"));
            worst = Math.max(worst, assertClose(doubles(c.get("weights")), r.weights(), TOL, name + " weights"));
            report(name, worst);
            cases++;
        }
        assertEquals(5, cases, "option cases in options.json");
    }

    @Test
    void randomShortSeriesAndOptionsEqualStatsmodels() {
        JsonNode g = golden("stl", "fuzz.json");
        double worst = 0;
        int cases = 0;
        for (JsonNode c : g.get("cases")) {
            Stl stl = options(c.get("period").asInt(), c.get("params"));
            String name = "fuzz " + cases + " n=" + c.get("n").asInt() + " " + stl;
            double[] y = doubles(c.get("values"));
            StlResult r = stl.fit(y);
            worst = Math.max(worst, assertClose(doubles(c.get("trend")), r.trend(), TOL, name + " trend"));
            worst = Math.max(worst, assertClose(doubles(c.get("seasonal")), r.seasonal(), TOL, name + " seasonal"));
            worst = Math.max(worst, assertClose(doubles(c.get("weights")), r.weights(), TOL, name + " weights"));
            cases++;
        }
        assertEquals(40, cases, "fuzz cases");
        report("fuzz (40 random cases)", worst);
    }
}
