package org.anomaly4j.features;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertSameTable;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.anomaly4j.TableFixtures.ints;
import static org.anomaly4j.features.FeatureFixtures.assertAt;
import static org.anomaly4j.features.FeatureFixtures.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.data.Columns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Resampling against pandas goldens (gen_features.py, resample.json). */
class ResampleTest {

    /** gen_features.py's taxi_gappy: value missing where i % 101 == 0, rows 200..259 dropped. */
    private static Table taxiGappy() {
        Table t = FeatureFixtures.taxi();
        for (int i = 0; i < t.rowCount(); i += 101) {
            t.column("value").setMissing(i);
        }
        int[] dropped = new int[60];
        for (int k = 0; k < 60; k++) {
            dropped[k] = 200 + k;
        }
        return TableFixtures.without(t, dropped);
    }

    private static Table input(String key) {
        return switch (key) {
            case "taxi_gappy_1h" -> taxiGappy();
            case "hive_1D", "hive_7h" -> TableFixtures.hive();
            default -> FeatureFixtures.taxi();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"taxi_1h", "taxi_1D", "taxi_90min", "taxi_gappy_1h", "hive_1D", "hive_7h"})
    void matchesPandas(String key) {
        JsonNode c = golden("resample.json").get("cases").get(key);
        Table table = input(key);
        Table before = table.copy();
        String time = c.get("time_column").asText();
        List<String> columns = new ArrayList<>();
        c.get("columns").forEach(n -> columns.add(n.asText()));
        int[] rows = ints(c.get("rows"));
        boolean hiveAll = key.equals("hive_1D");
        for (var agg : c.get("aggs").properties()) {
            Agg a = Agg.valueOf(agg.getKey().toUpperCase(Locale.ROOT));
            // hive_1D names no value columns: every numeric column is aggregated
            Table out = hiveAll ? Resample.resample(table, time, c.get("rule").asText(), a)
                    : Resample.resample(table, time, c.get("rule").asText(), a, columns.toArray(String[]::new));
            assertUnchanged(before, table);
            assertEquals(c.get("bins").asInt(), out.rowCount(), key + " bins");
            List<String> expectedNames = new ArrayList<>(List.of(time));
            expectedNames.addAll(columns);
            assertEquals(expectedNames, out.columnNames(), key + " columns");
            for (int k = 0; k < rows.length; k++) {
                assertEquals(LocalDateTime.parse(c.get("labels").get(k).asText()),
                        out.dateTimeColumn(time).get(rows[k]), key + " label of bin " + rows[k]);
            }
            for (String col : columns) {
                if (a == Agg.COUNT) {
                    assertEquals(ColumnType.INTEGER, out.column(col).type());
                }
                assertAt(agg.getValue().get(col), Columns.values(out, col), rows, key + " " + a + " " + col);
            }
        }
    }

    /** Property: row order does not matter (pandas sorts; we bin each row directly). */
    @Test
    void shuffledRowsGiveTheSameBins() {
        Table taxi = taxiGappy();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < taxi.rowCount(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        Table before = taxi.copy();
        Table shuffled = taxi.emptyCopy();
        for (int i : order) {
            shuffled.append(taxi.rows(i));
        }
        for (Agg a : new Agg[] {Agg.COUNT, Agg.MAX, Agg.MIN}) {
            assertSameTable(Resample.resample(taxi, "timestamp", "2h", a, "value"),
                    Resample.resample(shuffled, "timestamp", "2h", a, "value"));
        }
        // sums may differ in the last bits with the order of addition
        double[] a = Columns.values(Resample.resample(taxi, "timestamp", "2h", Agg.MEAN, "value"), "value");
        double[] b = Columns.values(Resample.resample(shuffled, "timestamp", "2h", Agg.MEAN, "value"), "value");
        for (int i = 0; i < a.length; i++) {
            FeatureFixtures.assertClose(a[i], b[i], "bin " + i);
        }
        assertUnchanged(before, taxi);
    }

    @Test
    void rulesParseLikePandas() {
        assertEquals(Duration.ofHours(1), Resample.parseRule("1h"));
        assertEquals(Duration.ofHours(1), Resample.parseRule("h"));
        assertEquals(Duration.ofHours(2), Resample.parseRule("2H"));
        assertEquals(Duration.ofMinutes(30), Resample.parseRule("30min"));
        assertEquals(Duration.ofMinutes(15), Resample.parseRule("15T"));
        assertEquals(Duration.ofDays(1), Resample.parseRule("1D"));
        assertEquals(Duration.ofSeconds(10), Resample.parseRule("10s"));
        assertEquals(Duration.ofMillis(250), Resample.parseRule("250ms"));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Resample.parseRule("1M")), "\"1M\"",
                "not supported", "7D");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Resample.parseRule("0h")), "length 0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Resample.parseRule("W")), "\"W\"");
    }

    @Test
    void badInputIsReportedWithTheFix() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Resample.resample(hive, "T17", "1D", Agg.MEAN)), "\"T17\"", "not a date-time", "dateTimeFormat");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Resample.resample(hive, "DateTime", "1D", Agg.MEAN, "DateTime")), "time column");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Resample.resample(hive, "DateTime", "1D", Agg.MEAN, "nope")), "\"nope\"");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Resample.resample(hive, "DateTime", "1D", null, "T17")), "agg is null");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Resample.resample(hive, "DateTime", Duration.ofNanos(10), Agg.MEAN, "T17")), "milliseconds");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Resample.resample(hive, "DateTime", Duration.ofHours(-1), Agg.MEAN, "T17")), "positive");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Resample.resample(hive.emptyCopy(), "DateTime", "1D", Agg.MEAN)), "no rows");
        assertUnchanged(before, hive);
        Table gap = hive.copy();
        gap.column("DateTime").setMissing(7);
        gap.column("DateTime").setMissing(9);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Resample.resample(gap, "DateTime", "1D", Agg.MEAN, "T17")), "2 missing", "row 7", "dropMissing");
        assertEquals(2, gap.column("DateTime").countMissing(), "input unchanged");
    }
}
