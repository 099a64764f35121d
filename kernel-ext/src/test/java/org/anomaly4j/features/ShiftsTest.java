package org.anomaly4j.features;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.anomaly4j.TableFixtures.doubles;
import static org.anomaly4j.TableFixtures.ints;
import static org.anomaly4j.features.FeatureFixtures.assertAt;
import static org.anomaly4j.features.FeatureFixtures.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.data.Columns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** diff, pct_change, shift and lags against pandas goldens (gen_features.py, shifts.json). */
class ShiftsTest {

    private static double[] input(String key, JsonNode g) {
        return key.equals("zeros") ? doubles(g.get("zeros_values")) : FeatureFixtures.series(key, g);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hive_T17_gaps", "taxi_value", "zeros"})
    void arraysMatchPandas(String key) {
        JsonNode g = golden("shifts.json");
        JsonNode s = g.get("series").get(key);
        double[] x = input(key, g);
        double[] copy = x.clone();
        int[] rows = ints(s.get("rows"));
        int cases = 0;
        for (JsonNode c : s.get("cases")) {
            int p = c.get("periods").asInt();
            assertAt(c.get("diff"), Shifts.diff(x, p), rows, key + " diff " + p);
            assertAt(c.get("pct_change"), Shifts.pctChange(x, p), rows, key + " pct_change " + p);
            assertAt(c.get("shift"), Shifts.shift(x, p), rows, key + " shift " + p);
            cases++;
        }
        assertArrayEquals(copy, x, "input array unchanged");
        assertEquals(x.length > 24 ? 3 : 2, cases, "periods 1, 24 (when the series is longer), -1");
    }

    @Test
    void tableFormsAddNamedColumnsEqualToTheGolden() {
        Table hive = TableFixtures.hiveWithGaps();
        Table before = hive.copy();
        JsonNode s = golden("shifts.json").get("series").get("hive_T17_gaps");
        int[] rows = ints(s.get("rows"));
        for (JsonNode c : s.get("cases")) {
            int p = c.get("periods").asInt();
            assertAt(c.get("diff"), Columns.values(Shifts.diff(hive, "T17", p), "T17_diff_" + p), rows, "diff");
            assertAt(c.get("pct_change"), Columns.values(Shifts.pctChange(hive, "T17", p), "T17_pct_change_" + p),
                    rows, "pct_change");
            assertAt(c.get("shift"), Columns.values(Shifts.shift(hive, "T17", p), "T17_shift_" + p), rows, "shift");
        }
        Table lags = Shifts.lags(hive, "T17", 1, 24, -1);
        assertEquals(hive.columnCount() + 3, lags.columnCount());
        for (int k : new int[] {1, 24, -1}) {
            assertArrayEquals(Shifts.shift(Columns.values(hive, "T17"), k), Columns.values(lags, "T17_lag_" + k));
        }
        assertUnchanged(before, hive);
    }

    @Test
    void nonNumericColumnsShiftAndKeepTheirType() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        Table out = Shifts.lags(hive, "DateTime", 1, -2);
        assertEquals(ColumnType.LOCAL_DATE_TIME, out.column("DateTime_lag_1").type());
        assertNull(out.dateTimeColumn("DateTime_lag_1").get(0));
        assertEquals(hive.dateTimeColumn("DateTime").get(0), out.dateTimeColumn("DateTime_lag_1").get(1));
        assertEquals(hive.dateTimeColumn("DateTime").get(5), out.dateTimeColumn("DateTime_lag_-2").get(3));
        assertNull(out.dateTimeColumn("DateTime_lag_-2").get(hive.rowCount() - 1));
        Table far = Shifts.shift(hive, "DateTime", 5000);
        assertEquals(hive.rowCount(), far.dateTimeColumn("DateTime_shift_5000").countMissing());
        assertUnchanged(before, hive);
    }

    @Test
    void badInputIsReported() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Shifts.diff(hive, "DateTime", 1)),
                "\"DateTime\"", "not numeric");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Shifts.pctChange(hive, "x", 1)), "\"x\"");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Shifts.lags(hive, "T17")),
                "at least one lag");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Shifts.lags(hive, "T17", 1, 1)),
                "T17_lag_1", "already");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Shifts.shift(hive.emptyCopy(), "T17", 1)),
                "no rows");
        assertUnchanged(before, hive);
    }
}
