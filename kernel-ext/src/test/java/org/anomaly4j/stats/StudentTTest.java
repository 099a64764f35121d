package org.anomaly4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.junit.jupiter.api.Test;

/** Student's t against scipy 1.16 (golden/statistical/t_quantiles.json) and closed forms. */
class StudentTTest {

    /**
     * Relative tolerance against scipy's {@code t.ppf}, which is itself off by up to 4e-11 (see the "exact"
     * entries of t_quantiles.json), ours by about 1e-15.
     */
    private static final double T_TOL = 1e-9;

    @Test
    void quantilesMatchScipyPpfWithin1e9() {
        JsonNode grid = TableFixtures.golden("statistical", "t_quantiles.json").get("grid");
        assertEquals(14 * 12, grid.size());
        double worst = 0;
        for (JsonNode g : grid) {
            double df = g.get("df").asDouble();
            double p = g.get("p").asDouble();
            double expected = g.get("ppf").asDouble();
            // ppf(p) = isf(1 − p); 1 − p is exact in binary for p in [0.5, 1] (Sterbenz).
            double t = StudentT.upperQuantile(1 - p, df);
            double rel = Math.abs(t - expected) / expected;
            worst = Math.max(worst, rel);
            assertTrue(rel <= T_TOL, "df " + df + ", p " + p + ": scipy " + expected + ", ours " + t);
            // The tail at our quantile is the requested one, to rounding (checks sf independently of scipy).
            double q = 1 - p;
            assertEquals(q, StudentT.sf(t, df), 1e-12 * q, "sf(ppf) at df " + df + ", p " + p);
        }
        assertTrue(worst < 1e-10, "largest relative difference to scipy " + worst);
    }

    @Test
    void closedFormsForOneAndTwoDegreesOfFreedomAreMetToRounding() {
        // df = 1: Cauchy, t = tan(π(½ − q)) = 1/tan(πq); df = 2: t = (1 − 2q) / √(2q(1 − q)). scipy's isf is off by up to
        // 2e-11 here, ours by a few ulps.
        JsonNode exact = TableFixtures.golden("statistical", "t_quantiles.json").get("exact");
        double worstScipy = 0;
        for (JsonNode e : exact) {
            double df = e.get("df").asDouble();
            double q = e.get("q").asDouble();
            double t = e.get("t").asDouble();
            assertEquals(t, StudentT.upperQuantile(q, df), 1e-14 * t, "df " + df + ", q " + q);
            worstScipy = Math.max(worstScipy, Math.abs(e.get("scipy_isf").asDouble() - t) / t);
        }
        assertTrue(worstScipy > 1e-12, "scipy's error documented in the README: " + worstScipy);
    }

    @Test
    void symmetryAndKnownValues() {
        assertEquals(0.5, StudentT.sf(0, 7), 0);
        assertEquals(StudentT.sf(1.3, 9), StudentT.cdf(-1.3, 9), 1e-16);
        assertEquals(1, StudentT.sf(2.1, 4) + StudentT.cdf(2.1, 4), 1e-15);
        assertEquals(-StudentT.upperQuantile(0.01, 12), StudentT.upperQuantile(0.99, 12), 1e-14);
        assertEquals(0, StudentT.upperQuantile(0.5, 3), 0);
        // df = 1 density at 0 is 1/π.
        assertEquals(1 / Math.PI, StudentT.pdf(0, 1), 1e-15);
        // Large df tends to the normal: z_{0.975} = 1.959963984540054.
        assertEquals(1.959963984540054, StudentT.upperQuantile(0.025, 1e9), 1e-8);
    }

    @Test
    void badArgumentsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudentT.upperQuantile(0, 3)).getMessage()
                .contains("(0, 1), got 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudentT.sf(1, -2)).getMessage()
                .contains("got -2.0"));
    }
}
