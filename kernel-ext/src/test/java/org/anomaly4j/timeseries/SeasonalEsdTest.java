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
import org.anomaly4j.timeseries.SeasonalEsd.Direction;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Seasonal hybrid ESD against gen_esd.py (statsmodels STL + numpy medians + scipy t quantiles). Tolerances: the
 * residual 1e-9 (STL parity, see {@link StlGoldenTest}); R_i 1e-9 (ratios of exact medians of that residual);
 * λ_i 1e-9 relative (our t quantile is within 4e-11 of scipy's, see StudentT); indices exactly.
 */
class SeasonalEsdTest {

    private static final double TOL = 1e-9;

    private static Direction direction(String d) {
        return switch (d) {
            case "both" -> Direction.BOTH;
            case "pos" -> Direction.POSITIVE;
            default -> Direction.NEGATIVE;
        };
    }

    private static void assertCase(JsonNode c, SeasonalEsdResult r, String what) {
        assertArrayEquals(ints(c.get("candidates")), r.candidates(), what + " candidates in removal order");
        double rErr = assertClose(doubles(c.get("statistics")), r.statistics(), TOL, what + " R_i");
        double lErr = assertClose(doubles(c.get("critical_values")), r.criticalValues(), TOL, what + " λ_i");
        System.out.printf("S-H-ESD parity %-20s worst R_i %.2e, λ_i %.2e%n", what, rErr, lErr);
        assertArrayEquals(ints(c.get("anomalies")), r.anomalies(), what + " anomalies");
    }

    @Test
    void handMadeSeriesFindsExactlyTheInjectedSpikesLikeTheReference() {
        JsonNode g = golden("esd", "handmade.json");
        double[] x = doubles(g.get("values"));
        double[] copy = x.clone();
        for (JsonNode c : g.get("cases")) {
            Direction d = direction(c.get("direction").asText());
            SeasonalEsdResult r = SeasonalEsd.with().period(24).maxAnoms(c.get("max_anoms").asDouble())
                    .alpha(c.get("alpha").asDouble()).direction(d).detect(x);
            assertClose(doubles(g.get("residual")), r.residual(), TOL, "residual");
            assertClose(doubles(g.get("seasonal")), r.seasonal(), TOL, "seasonal");
            assertCase(c, r, "handmade " + d);
            int[] expected = switch (d) {
                case BOTH -> new int[] {50, 130, 201, 290};
                case POSITIVE -> new int[] {50, 201};
                case NEGATIVE -> new int[] {130, 290};
            };
            assertArrayEquals(expected, r.anomalies(), "the injected spikes of gen_esd.py (" + d + ")");
            boolean[] flags = r.flags();
            for (int i : expected) {
                assertTrue(flags[i]);
            }
            assertEquals(33, r.statistics().length, "k = floor(0.1 · 336) steps");
        }
        assertArrayEquals(copy, x, "input unchanged");
    }

    @Test
    void nycTaxiEqualsTheReference() {
        JsonNode g = golden("esd", "nyc_taxi.json");
        double[] x = SeriesFixtures.nab("nyc_taxi", g.get("n").asInt());
        for (JsonNode c : g.get("cases")) {
            Direction d = direction(c.get("direction").asText());
            SeasonalEsdResult r = SeasonalEsd.with().period(g.get("period").asInt())
                    .maxAnoms(c.get("max_anoms").asDouble()).alpha(c.get("alpha").asDouble()).direction(d).detect(x);
            double[] head = doubles(g.get("residual_head"));
            assertClose(head, java.util.Arrays.copyOf(r.residual(), head.length), TOL, "taxi residual");
            assertCase(c, r, "nyc_taxi " + d);
        }
    }

    @Test
    void criticalValuesOfTheNistExample() {
        // NIST e-Handbook §1.3.5.17.3, Rosner's 54 values: λ_1 = 3.159, λ_5 = 3.128, λ_10 = 3.085 (alpha 0.05).
        assertEquals(3.159, SeasonalEsd.criticalValue(54, 1, 0.05, false), 5e-4);
        assertEquals(3.128, SeasonalEsd.criticalValue(54, 5, 0.05, false), 5e-4);
        assertEquals(3.085, SeasonalEsd.criticalValue(54, 10, 0.05, false), 5e-4);
    }

    @Test
    void scoresRankTheSpikesFirstAndTableFormAgrees() {
        JsonNode g = golden("esd", "handmade.json");
        double[] x = doubles(g.get("values"));
        SeasonalEsd esd = SeasonalEsd.with().period(24);
        SeasonalEsdResult r = esd.detect(x);
        double[] s = r.scores();
        double fifth = 0;
        int above = 0;
        for (int i = 0; i < s.length; i++) {
            if (i != 50 && i != 130 && i != 201 && i != 290) {
                fifth = Math.max(fifth, s[i]);
            }
        }
        for (int i : r.anomalies()) {
            assertTrue(s[i] > fifth, "spike " + i + " scores above every other point");
            above++;
        }
        assertEquals(4, above);
        Table table = Table.create("t", DoubleColumn.create("v", x));
        SeasonalEsdResult t = esd.detect(table, "v");
        assertArrayEquals(r.anomalies(), t.anomalies());
        Table labelled = t.addTo(table, "v_esd");
        assertEquals(java.util.List.of("v", "v_esd_residual", "v_esd_score", "v_esd_anomaly"), labelled.columnNames());
        assertEquals(4, labelled.booleanColumn("v_esd_anomaly").countTrue());
        assertEquals(1, table.columnCount(), "input table unchanged");
        assertTrue(r.toString().contains("step  index"), r.toString());
    }

    @Test
    void plainResidualTestAndErrors() {
        double[] r = {0.1, -0.2, 0.3, 0.0, -0.1, 0.2, 9.0, -0.3, 0.1, 0.05};
        SeasonalEsdResult t = SeasonalEsd.test(r, 3, 0.05, Direction.BOTH);
        assertArrayEquals(new int[] {6}, t.anomalies());
        assertEquals(6, t.candidates()[0]);
        // Step 1 by hand: median 0.075, |r − median| median = 0.15 → MAD 1.4826·0.15; R_1 = 8.925 / that.
        assertEquals(8.925 / (1.4826 * 0.15), t.statistics()[0], 1e-12);
        String m = assertThrows(IllegalArgumentException.class, () -> SeasonalEsd.with().detect(r)).getMessage();
        assertTrue(m.contains("period(24)"), m);
        m = assertThrows(IllegalArgumentException.class, () -> SeasonalEsd.with().maxAnoms(0.5)).getMessage();
        assertTrue(m.contains("maxAnoms must be in (0, 0.49], got 0.5"), m);
        m = assertThrows(IllegalArgumentException.class, () -> SeasonalEsd.with().period(6).detect(r)).getMessage();
        assertTrue(m.contains("at least 12"), m);
        m = assertThrows(IllegalArgumentException.class, () -> SeasonalEsd.with().period(2).maxAnoms(0.05)
                .detect(r)).getMessage();
        assertTrue(m.contains("raise maxAnoms"), m);
        m = assertThrows(IllegalArgumentException.class, () -> SeasonalEsd.test(r, 9, 0.05, Direction.BOTH))
                .getMessage();
        assertTrue(m.contains("k must be in [1, n − 2] = [1, 8], got 9"), m);
        m = assertThrows(IllegalArgumentException.class, () -> SeasonalEsd.with().alpha(0.6)
                .direction(Direction.POSITIVE)).getMessage();
        assertTrue(m.contains("one-sided test needs alpha < 0.5"), m);
        assertEquals(0, SeasonalEsd.test(new double[] {1, 1, 1, 1, 5}, 2, 0.05, Direction.BOTH).statistics().length,
                "MAD 0 stops the test");
    }
}
