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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.stats.Nums;
import org.anomaly4j.stats.Quantiles;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** dropMissing and fillMissing against pandas (golden/clean/missing.json) and hand-worked cases. */
class CleanMissingTest {

    private static final JsonNode GOLDEN = TableFixtures.golden("missing.json");

    @Test
    void injectionMatchesTheGoldenScript() {
        Table t = TableFixtures.hiveWithGaps();
        for (String col : new String[] {"T17", "RH17"}) {
            int[] expected = ints(GOLDEN.at("/missing_rows/" + col));
            assertArrayEquals(expected, t.column(col).isMissing().toArray(), col);
        }
    }

    @Test
    void dropMissingMatchesPandasDropna() {
        Table t = TableFixtures.hiveWithGaps();
        Table before = t.copy();
        Map<String, Table> cases = Map.of(
                "any", Clean.dropMissing(t),
                "all", Clean.dropMissing(t, How.ALL),
                "any_RH17", Clean.dropMissing(t, How.ANY, "RH17"),
                "all_T17_RH17", Clean.dropMissing(t, How.ALL, "T17", "RH17"),
                "any_T17_RH17", Clean.dropMissing(t, How.ANY, "T17", "RH17"));
        for (Map.Entry<String, Table> e : cases.entrySet()) {
            int[] dropped = ints(GOLDEN.at("/dropna/" + e.getKey()));
            assertSameTable(without(before, dropped), e.getValue());
        }
        assertEquals(1, ints(GOLDEN.at("/dropna/all_T17_RH17")).length, "the golden exercises how=all");
        assertUnchanged(before, t);
    }

    @Test
    void fillMissingMatchesPandasForEveryStrategy() {
        Table t = TableFixtures.hiveWithGaps();
        Table before = t.copy();
        Map<String, FillStrategy[]> strategies = Map.of(
                "constant", new FillStrategy[] {FillStrategy.constant(0.0), FillStrategy.constant(50.0)},
                "mean", new FillStrategy[] {FillStrategy.mean(), FillStrategy.mean()},
                "median", new FillStrategy[] {FillStrategy.median(), FillStrategy.median()},
                "mode", new FillStrategy[] {FillStrategy.mode(), FillStrategy.mode()},
                "ffill", new FillStrategy[] {FillStrategy.ffill(), FillStrategy.ffill()},
                "bfill", new FillStrategy[] {FillStrategy.bfill(), FillStrategy.bfill()},
                "interpolate", new FillStrategy[] {FillStrategy.interpolate(), FillStrategy.interpolate()});
        String[] cols = {"T17", "RH17"};
        for (Map.Entry<String, FillStrategy[]> e : strategies.entrySet()) {
            for (int c = 0; c < cols.length; c++) {
                String col = cols[c];
                Table filled = Clean.fillMissing(t, e.getValue()[c], col);
                JsonNode g = GOLDEN.at("/fill/" + e.getKey() + "/" + col);
                String what = e.getKey() + " " + col;
                assertColumnAt(filled, col, ints(g.get("rows")), doubles(g.get("values")), what);
                assertEquals(ColumnType.DOUBLE, filled.column(col).type(), what + " becomes float64");
                // every present cell and every other column is untouched
                double[] orig = Columns.values(before, col);
                double[] now = Columns.values(filled, col);
                for (int i = 0; i < orig.length; i++) {
                    if (!Double.isNaN(orig[i])) {
                        assertEquals(orig[i], now[i], 0.0, what + " row " + i);
                    }
                }
                assertSameTable(before.copy().removeColumns(col), filled.copy().removeColumns(col));
            }
        }
        assertUnchanged(before, t);
    }

    @Test
    void statisticsUsedForFillingMatchPandas() {
        Table t = TableFixtures.hiveWithGaps();
        for (String col : new String[] {"T17", "RH17"}) {
            double[] x = Columns.values(t, col);
            JsonNode s = GOLDEN.at("/stats/" + col);
            assertClose(s.get("mean").asDouble(), Nums.meanPresent(x), col + " mean");
            assertClose(s.get("median").asDouble(), Quantiles.medianOfSorted(Nums.sortedPresent(x)), col + " median");
            assertClose(s.get("mode").asDouble(), Nums.modePresent(x), col + " mode");
        }
    }

    @Test
    void fillWithoutColumnsFillsEveryColumnTheStrategyApplies() {
        Table t = TableFixtures.hiveWithGaps();
        Table before = t.copy();
        Table filled = Clean.fillMissing(t, FillStrategy.mean());
        assertEquals(0, filled.column("T17").countMissing());
        assertEquals(0, filled.column("RH17").countMissing());
        // columns without gaps keep their type (pandas keeps int64 where there was no NaN)
        assertEquals(ColumnType.INTEGER, filled.column("RHamb").type());
        assertEquals(ColumnType.LOCAL_DATE_TIME, filled.column("DateTime").type());
        assertUnchanged(before, t);
    }

    @Test
    void interpolateKeepsLeadingGapsAndExtendsTrailingOnes() {
        Table t = Table.create("t", DoubleColumn.create("x", Double.NaN, 1, Double.NaN, 3, Double.NaN,
                Double.NaN, 6, Double.NaN));
        double[] expected = {Double.NaN, 1, 2, 3, 4, 5, 6, 6};
        assertArrayEquals(expected, Columns.values(Clean.fillMissing(t, FillStrategy.interpolate()), "x"), 0.0);
        assertArrayEquals(new double[] {Double.NaN, 1, 1, 3, 3, 3, 6, 6},
                Columns.values(Clean.fillMissing(t, FillStrategy.ffill()), "x"), 0.0);
        assertArrayEquals(new double[] {1, 1, 3, 3, 6, 6, 6, Double.NaN},
                Columns.values(Clean.fillMissing(t, FillStrategy.bfill()), "x"), 0.0);
    }

    @Test
    void textColumnsFillWithModeConstantAndNeighbours() {
        StringColumn s = StringColumn.create("s", "", "b", "a", "", "b", "a", "");
        Table t = Table.create("t", s, IntColumn.create("k", 1, 2, 3, 4, 5, 6, 7));
        Table before = t.copy();
        // "a" and "b" tie twice each: pandas mode() sorts, so the smallest, "a", wins
        assertEquals("[a, b, a, a, b, a, a]", Clean.fillMissing(t, FillStrategy.mode(), "s")
                .stringColumn("s").asList().toString());
        assertEquals("[?, b, a, ?, b, a, ?]", Clean.fillMissing(t, FillStrategy.constant("?"))
                .stringColumn("s").asList().toString());
        assertEquals("[, b, a, a, b, a, a]", Clean.fillMissing(t, FillStrategy.ffill(), "s")
                .stringColumn("s").asList().toString());
        assertEquals("[b, b, a, b, b, a, ]", Clean.fillMissing(t, FillStrategy.bfill(), "s")
                .stringColumn("s").asList().toString());
        assertUnchanged(before, t);
    }

    @Test
    void ffillWorksOnDateTimeColumns() {
        LocalDateTime a = LocalDateTime.of(2021, 8, 21, 14, 0);
        DateTimeColumn d = DateTimeColumn.create("d", a, null, a.plusHours(2));
        Table filled = Clean.fillMissing(Table.create("t", d), FillStrategy.ffill());
        assertEquals(a, filled.dateTimeColumn("d").get(1));
    }

    @Test
    void dropMissingOnAnEmptyTableGivesAnEmptyCopy() {
        Table empty = Table.create("e", DoubleColumn.create("x"));
        assertEquals(0, Clean.dropMissing(empty).rowCount());
    }

    @Test
    void errorsNameTheColumnAndTheFix() {
        Table t = TableFixtures.hiveWithGaps();
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Clean.dropMissing(t, How.ANY, "nope")), "\"nope\"", "T17");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Clean.fillMissing(t, FillStrategy.mean(), "DateTime")), "\"DateTime\"", "numeric");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Clean.fillMissing(t, FillStrategy.constant("x"), "T17")), "\"T17\"", "constant(number)");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Clean.dropMissing(t, How.ANY, "T17", "T17")), "\"T17\"", "twice");
        Table allMissing = Table.create("m", DoubleColumn.create("x", Double.NaN, Double.NaN));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Clean.fillMissing(allMissing, FillStrategy.median())), "\"x\"", "only missing", "constant(");
        assertThrows(IllegalArgumentException.class, () -> FillStrategy.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FillStrategy.constant(""));
        assertThrows(IllegalArgumentException.class, () -> Clean.fillMissing(t, null));
    }

    @Test
    void strategiesPrintAsTheirFactoryCall() {
        assertEquals("constant(0.5)", FillStrategy.constant(0.5).toString());
        assertEquals("interpolate()", FillStrategy.interpolate().toString());
        assertEquals(FillStrategy.constant("a"), FillStrategy.constant("a"));
    }
}
