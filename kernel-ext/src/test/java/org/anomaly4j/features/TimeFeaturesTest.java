package org.anomaly4j.features;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.anomaly4j.TableFixtures.ints;
import static org.anomaly4j.features.FeatureFixtures.assertAt;
import static org.anomaly4j.features.FeatureFixtures.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.data.Columns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Calendar features against pandas' .dt accessors (gen_features.py, time_features.json). */
class TimeFeaturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"hive", "taxi"})
    void matchPandas(String key) {
        JsonNode g = golden("time_features.json").get(key);
        Table table = key.equals("hive") ? TableFixtures.hive() : FeatureFixtures.taxi();
        Table before = table.copy();
        String time = g.get("time_column").asText();
        Table out = TimeFeatures.timeFeatures(table, time);
        assertUnchanged(before, table);
        List<String> expected = new ArrayList<>(table.columnNames());
        expected.addAll(TimeFeatures.columnNames(time));
        assertEquals(expected, out.columnNames());
        int[] rows = ints(g.get("rows"));
        for (String c : new String[] {"hour", "dayOfWeek", "month", "isWeekend"}) {
            String name = time + "_" + c;
            assertEquals(ColumnType.INTEGER, out.column(name).type(), name);
            int[] e = ints(g.get(c));
            for (int k = 0; k < rows.length; k++) {
                assertEquals(e[k], out.intColumn(name).getInt(rows[k]), name + " row " + rows[k]);
            }
        }
        for (String c : new String[] {"hour_sin", "hour_cos", "dow_sin", "dow_cos"}) {
            assertAt(g.get(c), Columns.values(out, time + "_" + c), rows, c);
        }
    }

    @Test
    void missingTimeGivesMissingFeatures() {
        Table hive = TableFixtures.hive();
        hive.column("DateTime").setMissing(3);
        Table before = hive.copy();
        Table out = TimeFeatures.timeFeatures(hive, "DateTime");
        assertUnchanged(before, hive);
        assertEquals("DateTime_hour", TimeFeatures.columnNames("DateTime").get(0));
        for (String c : TimeFeatures.columnNames("DateTime")) {
            assertTrue(out.column(c).isMissing(3), c + " missing at row 3");
            assertEquals(1, out.column(c).countMissing(), c + " only row 3 missing");
        }
    }

    @Test
    void badInputIsReported() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TimeFeatures.timeFeatures(hive, "T17")),
                "\"T17\"", "not a date-time");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TimeFeatures.timeFeatures(hive, "when")),
                "\"when\"");
        Table once = TimeFeatures.timeFeatures(hive, "DateTime");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TimeFeatures.timeFeatures(once,
                "DateTime")), "already has a column \"DateTime_hour\"", "rename");
        assertUnchanged(before, hive);
    }
}
