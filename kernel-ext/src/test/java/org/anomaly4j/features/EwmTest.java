package org.anomaly4j.features;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.anomaly4j.TableFixtures.ints;
import static org.anomaly4j.features.FeatureFixtures.assertAt;
import static org.anomaly4j.features.FeatureFixtures.golden;
import static org.anomaly4j.features.FeatureFixtures.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.data.Columns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/** Exponentially weighted mean/var/std against pandas goldens (gen_features.py, ewm_*.json). */
class EwmTest {

    /** The options of a golden spec such as {"span": 12, "adjust": false}. */
    static Ewm options(JsonNode spec) {
        Ewm e = spec.has("span") ? Ewm.span(spec.get("span").asDouble())
                : spec.has("alpha") ? Ewm.alpha(spec.get("alpha").asDouble())
                : Ewm.com(spec.get("com").asDouble());
        if (spec.has("adjust")) {
            e = e.adjust(spec.get("adjust").asBoolean());
        }
        if (spec.has("ignore_na")) {
            e = e.ignoreNa(spec.get("ignore_na").asBoolean());
        }
        if (spec.has("min_periods")) {
            e = e.minPeriods(spec.get("min_periods").asInt());
        }
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hive_T17_gaps", "taxi_value", "edge"})
    void meanVarAndStdMatchPandas(String key) {
        JsonNode g = golden("ewm_" + key + ".json");
        double[] x = series(key, g);
        double[] copy = x.clone();
        int[] rows = ints(g.get("rows"));
        assertEquals(7, g.get("cases").size());
        for (JsonNode c : g.get("cases")) {
            Ewm e = options(c.get("spec"));
            String what = key + " " + c.get("spec");
            assertAt(c.get("mean"), e.mean(x), rows, what + " mean");
            assertAt(c.get("var"), e.var(x), rows, what + " var");
            assertAt(c.get("std"), e.std(x), rows, what + " std");
        }
        assertArrayEquals(copy, x, "input array unchanged");
    }

    @Test
    void tableFormAddsNamedColumns() {
        Table hive = TableFixtures.hiveWithGaps();
        Table before = hive.copy();
        Table span = Ewm.span(12).mean(hive, "T17");
        Table alpha = Ewm.alpha(0.3).adjust(false).std(hive, "T17");
        Table var = Ewm.com(4.5).minPeriods(5).var(hive, "T17");
        assertUnchanged(before, hive);
        double[] x = Columns.values(hive, "T17");
        assertArrayEquals(Ewm.span(12).mean(x), Columns.values(span, "T17_ewm_span_12_mean"));
        assertArrayEquals(Ewm.alpha(0.3).adjust(false).std(x), Columns.values(alpha, "T17_ewm_alpha_0.3_std"));
        assertArrayEquals(Ewm.com(4.5).minPeriods(5).var(x), Columns.values(var, "T17_ewm_com_4.5_var"));
        assertEquals(hive.columnCount() + 1, span.columnCount());
    }

    @Test
    void decayParametersConvertAsPandas() {
        assertEquals(5.5, Ewm.span(12).centerOfMass(), 0.0);
        assertEquals((1 - 0.3) / 0.3, Ewm.alpha(0.3).centerOfMass(), 0.0);
        assertEquals(4.5, Ewm.com(4.5).centerOfMass(), 0.0);
        // span = 1 and alpha = 1 mean no smoothing: the mean is the series itself
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        assertArrayEquals(x, Ewm.span(1).mean(x));
        assertArrayEquals(x, Ewm.alpha(1).adjust(false).mean(x));
        assertArrayEquals(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, x, "input array unchanged");
    }

    @Test
    void infinitiesCountAsMissing() {
        double[] inf = {1, Double.POSITIVE_INFINITY, 3, 4};
        double[] nan = {1, Double.NaN, 3, 4};
        assertArrayEquals(Ewm.span(3).mean(nan), Ewm.span(3).mean(inf));
        assertArrayEquals(Ewm.span(3).std(nan), Ewm.span(3).std(inf));
        assertArrayEquals(new double[] {1, Double.POSITIVE_INFINITY, 3, 4}, inf, "input array unchanged");
    }

    @Test
    void badOptionsAndInputAreReported() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.alpha(0)), "0 < alpha <= 1", "0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.alpha(1.5)), "alpha", "1.5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.span(0.5)), "span >= 1", "0.5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.com(-1)), "com >= 0", "-1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.span(12).minPeriods(-1)),
                "minPeriods", "-1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.span(12).mean(new double[0])),
                "no values");
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.span(12).mean(hive, "nope")),
                "\"nope\"");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.span(12).mean(hive, "DateTime")),
                "not numeric");
        Table once = Ewm.span(12).mean(hive, "T17");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Ewm.span(12).mean(once, "T17")),
                "T17_ewm_span_12_mean", "already");
        assertUnchanged(before, hive);
    }
}
