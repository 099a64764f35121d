package org.anomaly4j.data;

import static org.anomaly4j.TableFixtures.assertClose;
import static org.anomaly4j.TableFixtures.assertColumnAt;
import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertSameTable;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.anomaly4j.TableFixtures.doubles;
import static org.anomaly4j.TableFixtures.ints;
import static org.anomaly4j.TableFixtures.without;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.stats.Nums;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Duplicates, toNumeric, clip, winsorize and the log transforms against pandas/numpy
 * (golden/clean/duplicates.json, to_numeric.json, transforms.json) and hand-worked cases.
 */
class CleanValuesTest {

    @Test
    void dropDuplicatesMatchesPandas() {
        JsonNode cases = TableFixtures.golden("duplicates.json").get("cases");
        Table hive = TableFixtures.hive();
        Table card = TableFixtures.creditcard();
        check(hive, cases.get("hive17_RH17"), "RH17");
        check(hive, cases.get("hive17_RH17_RHamb"), "RH17", "RHamb");
        check(card, cases.get("creditcard"));
        assertEquals(19, ints(cases.at("/creditcard/first")).length, "the creditcard subset has 19 repeated rows");
    }

    private static void check(Table table, JsonNode golden, String... subset) {
        Table before = table.copy();
        assertSameTable(without(before, ints(golden.get("first"))), Clean.dropDuplicates(table, Keep.FIRST, subset));
        assertSameTable(without(before, ints(golden.get("last"))), Clean.dropDuplicates(table, Keep.LAST, subset));
        assertSameTable(without(before, ints(golden.get("none"))), Clean.dropDuplicates(table, Keep.NONE, subset));
        BooleanColumn dup = Clean.duplicated(table, Keep.FIRST, subset);
        assertArrayEquals(ints(golden.get("duplicated_first")), dup.isTrue().toArray());
        if (subset.length == 0) {
            assertSameTable(without(before, ints(golden.get("first"))), Clean.dropDuplicates(table));
        }
        assertUnchanged(before, table);
    }

    @Test
    void duplicatesTreatMissingAsEqualAndNegativeZeroAsZero() {
        Table t = Table.create("t",
                DoubleColumn.create("x", 0.0, -0.0, Double.NaN, Double.NaN, 1.0),
                StringColumn.create("s", "a", "a", "", "", "a"));
        assertEquals("[false, true, false, true, false]",
                Clean.duplicated(t, Keep.FIRST).asList().toString());
        assertEquals("[true, false, true, false, false]",
                Clean.duplicated(t, Keep.LAST).asList().toString());
        assertEquals("[false, true, false, true, true]",
                Clean.duplicated(t, Keep.FIRST, "s").asList().toString());
        assertEquals(1, Clean.dropDuplicates(t, Keep.NONE).rowCount());
    }

    @Test
    void toNumericMatchesPandasCoerceAndReportsEveryLostCell() {
        JsonNode g = TableFixtures.golden("to_numeric.json");
        StringColumn text = StringColumn.create("value");
        for (JsonNode cell : g.get("cells")) {
            text.append(cell.isNull() ? "" : cell.asText());
        }
        Table t = Table.create("fixture", text);
        Table before = t.copy();
        NumericConversion r = Clean.toNumeric(t, "value");
        assertEquals(ColumnType.DOUBLE, r.table().column("value").type());
        double[] expected = doubles(g.get("values"));
        assertClose(expected, Columns.values(r.table(), "value"), "to_numeric");
        List<Integer> rows = new ArrayList<>();
        for (NumericConversion.Unparsed u : r.unparsed()) {
            rows.add(u.row());
            assertEquals(g.get("cells").get(u.row()).asText(), u.text(), "reported text of row " + u.row());
        }
        List<Integer> golden = new ArrayList<>();
        for (int row : ints(g.get("unparseable_rows"))) {
            golden.add(row);
        }
        assertEquals(golden, rows);
        assertFalse(r.clean());
        assertEquals(rows.size(), r.unparsedTable().rowCount());
        assertTrue(r.toString().contains("first at row 5: \"abc\""), r.toString());
        assertUnchanged(before, t);
    }

    @Test
    void toNumericKeepsNumericColumnsAndRejectsOtherTypes() {
        Table hive = TableFixtures.hive();
        NumericConversion r = Clean.toNumeric(hive, "T17");
        assertTrue(r.clean());
        assertSameTable(hive, r.table());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Clean.toNumeric(hive, "DateTime")),
                "\"DateTime\"", "LOCAL_DATE_TIME");
    }

    @Test
    void clipWinsorizeAndLogsMatchPandasAndNumpy() {
        JsonNode g = TableFixtures.golden("transforms.json");
        Table card = TableFixtures.creditcard();
        Table before = card.copy();

        JsonNode clip = g.get("clip");
        Table clipped = Clean.clip(card, "Amount", clip.get("lower").asDouble(), clip.get("upper").asDouble());
        assertColumnAt(clipped, "Amount", ints(clip.get("rows")), doubles(clip.get("values")), "clip");

        JsonNode w = g.get("winsorize");
        Table wins = Clean.winsorize(card, "Amount", w.get("lower_q").asDouble(), w.get("upper_q").asDouble());
        assertColumnAt(wins, "Amount", ints(w.get("rows")), doubles(w.get("values")), "winsorize");
        double[] x = Columns.values(wins, "Amount");
        double[] sorted = Nums.sortedPresent(x);
        assertClose(w.get("lower").asDouble(), sorted[0], "winsorize lower quantile");
        assertClose(w.get("upper").asDouble(), sorted[sorted.length - 1], "winsorize upper quantile");

        JsonNode l = g.get("log1p");
        assertColumnAt(Clean.log1p(card, "Amount"), "Amount", ints(l.get("rows")), doubles(l.get("values")), "log1p");
        JsonNode s = g.get("signed_log1p");
        assertColumnAt(Clean.signedLog1p(card, "V1"), "V1", ints(s.get("rows")), doubles(s.get("values")),
                "signedLog1p");
        assertSameTable(before.copy().removeColumns("Amount"), clipped.copy().removeColumns("Amount"));
        assertUnchanged(before, card);
    }

    @Test
    void valueTransformsKeepMissingValuesMissing() {
        Table t = Table.create("t", DoubleColumn.create("x", -3, Double.NaN, 0.5, 9));
        assertArrayEquals(new double[] {-1, Double.NaN, 0.5, 2}, Columns.values(Clean.clip(t, "x", -1, 2), "x"), 0.0);
        assertArrayEquals(new double[] {-3, Double.NaN, 0.5, 2},
                Columns.values(Clean.clip(t, "x", Double.NEGATIVE_INFINITY, 2), "x"), 0.0);
        double[] signed = Columns.values(Clean.signedLog1p(t, "x"), "x");
        assertEquals(-Math.log1p(3), signed[0], 0.0);
        assertTrue(Double.isNaN(signed[1]));
        // winsorize at (0, 1) is the identity
        assertArrayEquals(Columns.values(t, "x"), Columns.values(Clean.winsorize(t, "x", 0, 1), "x"), 0.0);
        // log1p(-1) = -inf as numpy
        Table minusOne = Table.create("m", DoubleColumn.create("x", -1.0, 0.0));
        assertEquals(Double.NEGATIVE_INFINITY, Columns.values(Clean.log1p(minusOne, "x"), "x")[0]);
    }

    @Test
    void valueTransformErrorsNameColumnRowAndFix() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, -0.5, -2, -7), StringColumn.create("s", "a", "b",
                "c", "d"));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Clean.log1p(t, "x")),
                "\"x\"", "2 value(s) below -1", "first at row 2", "signedLog1p");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Clean.clip(t, "x", 2, 1)),
                "lower=2.0", "upper=1.0");
        assertThrows(IllegalArgumentException.class, () -> Clean.clip(t, "x", Double.NaN, 1));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Clean.winsorize(t, "x", 0.9, 0.1)),
                "0 <= lower <= upper <= 1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Clean.clip(t, "s", 0, 1)),
                "\"s\"", "not numeric");
        Table empty = Table.create("e", DoubleColumn.create("x", Double.NaN));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Clean.winsorize(empty, "x", 0.1, 0.9)),
                "\"x\"", "only missing");
        assertThrows(IllegalArgumentException.class, () -> Clean.dropDuplicates(t, null));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Clean.dropDuplicates(t, Keep.FIRST, "y")),
                "\"y\"");
    }
}
