package org.anomaly4j.data;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@link Describe} against pandas 2.3 (goldens of gen_inspect.py), hand-worked cases, properties (row order,
 * symmetry) and bad input. Every operation is also checked to leave its input unchanged.
 */
class DescribeTest {

    /**
     * Relative tolerance of the golden comparisons. The arithmetic is pandas' own (pairwise sums, two-pass
     * variance, Welford correlation), so in practice the results are equal to the last bit; 1e-9 leaves room
     * for a platform's libm and nothing else.
     */
    private static final double REL = 1e-9;

    private static JsonNode golden(String file) {
        return TableFixtures.golden("inspect", file);
    }

    /** Equal within {@link #REL} relative (absolute 1e-300 at zero); NaN only equals NaN. */
    private static void assertRel(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual), what + ": expected " + expected + " got " + actual);
            return;
        }
        double tol = Math.max(REL * Math.abs(expected), 1e-300);
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (relative tolerance " + REL + ")");
        }
    }

    private static Table hiveText() {
        Table hive = Csv.read(Datasets.fromEnvironment().resolve("beehives/Hive17"), CsvOptions.separator(';'));
        return Table.create("text", hive.column("DateTime").copy(),
                hive.intColumn("RH17").asStringColumn().setName("RH17_text"));
    }

    // ---------------------------------------------------------------- golden parity

    /** The three inputs of the describe and corr goldens, by their key in the golden files. */
    private static void forEachInput(JsonNode golden, BiConsumer<JsonNode, Table> check) {
        Map<String, Supplier<Table>> inputs = Map.of("hive17", TableFixtures::hive,
                "hive17_gaps", TableFixtures::hiveWithGaps, "creditcard", TableFixtures::creditcard);
        inputs.forEach((key, table) -> check.accept(golden.get(key), table.get()));
    }

    /** Runs {@code op} on {@code input} and checks that the input is unchanged afterwards. */
    private static <T> T checked(Table input, Function<Table, T> op) {
        Table before = input.copy();
        T result = op.apply(input);
        assertUnchanged(before, input);
        return result;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void describeMatchesPandas() {
        forEachInput(golden("describe.json"), DescribeTest::checkDescribe);
    }

    private static void checkDescribe(JsonNode golden, Table input) {
        Table d = checked(input, Describe::describe);
        List<String> stats = texts(golden.get("stats"));
        assertEquals(stats, d.stringColumn("stat").asList());
        List<String> names = new ArrayList<>();
        golden.get("columns").fieldNames().forEachRemaining(names::add);
        assertEquals(names, d.columnNames().subList(1, d.columnCount()), "described columns, in order");
        for (String name : names) {
            double[] expected = TableFixtures.doubles(golden.get("columns").get(name));
            for (int r = 0; r < expected.length; r++) {
                assertRel(expected[r], d.doubleColumn(name).getDouble(r), input.name() + " " + name + " " + stats.get(r));
            }
        }
    }

    @Test
    void describeTextMatchesPandasIncludingTheAllTiedTop() {
        JsonNode g = golden("describe.json").get("text").get("columns");
        Table text = hiveText();
        assertEquals("STRING", text.column("DateTime").type().name(), "no dateTimeFormat: text, as in pandas");
        Table d = checked(text, Describe::describeText);
        assertEquals(List.of("count", "unique", "top", "freq"), d.stringColumn("stat").asList());
        for (Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertEquals(texts(g.get(name)), d.stringColumn(name).asList(), name);
        }
        TableFixtures.assertSameTable(d, Describe.describe(text));
    }

    @Test
    void valueCountsMatchPandasCountsAndFirstAppearanceTieOrder() {
        JsonNode g = golden("value_counts.json");
        checkValueCounts(g.get("creditcard_Class"), TableFixtures.creditcard(), "Class");
        checkValueCounts(g.get("hive17_RH17"), TableFixtures.hive(), "RH17");
        checkValueCounts(g.get("hive17_T17"), TableFixtures.hive(), "T17");
        checkValueCounts(g.get("hive17_gaps_T17"), TableFixtures.hiveWithGaps(), "T17");
        assertTrue(g.get("hive17_T17").get("pandas_tie_order_differs").asBoolean(),
                "the golden documents that pandas' own tie order is not first appearance");
    }

    private static void checkValueCounts(JsonNode golden, Table input, String column) {
        Table vc = checked(input, t -> Describe.valueCounts(t, column));
        Table vp = checked(input, t -> Describe.valueCounts(t, column, true));
        assertEquals(List.of(column, "count"), vc.columnNames());
        assertEquals(List.of(column, "proportion"), vp.columnNames());
        double[] stableValues = TableFixtures.doubles(golden.get("stable_values"));
        int[] stableCounts = TableFixtures.ints(golden.get("stable_counts"));
        double[] proportions = TableFixtures.doubles(golden.get("proportions"));
        double[] values = Columns.values((NumericColumn<?>) vc.column(column));
        assertEquals(stableValues.length, vc.rowCount(), column + " distinct values");
        for (int r = 0; r < stableValues.length; r++) {
            assertEquals(stableValues[r], values[r], 0.0, column + " value at " + r);
            assertEquals(stableCounts[r], vc.intColumn("count").get(r), column + " count at " + r);
            assertRel(proportions[r], vp.doubleColumn("proportion").getDouble(r), column + " proportion at " + r);
        }
        // pandas' own order: same counts in the same sequence, same values for each count
        assertEquals(TableFixtures.ints(golden.get("counts")).length, vc.rowCount());
        Map<Integer, Set<Double>> pandasByCount = byCount(TableFixtures.doubles(golden.get("values")),
                TableFixtures.ints(golden.get("counts")));
        Map<Integer, Set<Double>> oursByCount = byCount(values, vc.intColumn("count").asIntArray());
        assertEquals(pandasByCount, oursByCount, column + ": values per count");
    }

    private static Map<Integer, Set<Double>> byCount(double[] values, int[] counts) {
        Map<Integer, Set<Double>> m = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.computeIfAbsent(counts[i], k -> new HashSet<>()).add(values[i]);
        }
        return m;
    }

    @Test
    void missingAndInfoCountsMatchPandas() {
        JsonNode g = golden("missing.json");
        Table gaps = TableFixtures.hiveWithGaps();
        Table missing = checked(gaps, Describe::missing);
        Table info = checked(gaps, Describe::info);
        JsonNode isna = g.get("hive17_gaps").get("isna_sum");
        JsonNode count = g.get("hive17_gaps").get("count");
        assertEquals(gaps.columnNames(), missing.stringColumn("column").asList());
        assertEquals(gaps.columnNames(), info.stringColumn("column").asList());
        for (int r = 0; r < gaps.columnCount(); r++) {
            String name = gaps.column(r).name();
            assertEquals(isna.get(name).asInt(), missing.intColumn("missing").get(r), "isna().sum() " + name);
            assertEquals(isna.get(name).asInt(), info.intColumn("missing").get(r), "info missing " + name);
            assertEquals(count.get(name).asInt(), info.intColumn("non-null").get(r), "count() " + name);
        }
        Table card = TableFixtures.creditcard();
        Table cardMissing = checked(card, Describe::missing);
        JsonNode cardIsna = g.get("creditcard").get("isna_sum");
        for (int r = 0; r < card.columnCount(); r++) {
            assertEquals(cardIsna.get(card.column(r).name()).asInt(), cardMissing.intColumn("missing").get(r));
        }
    }

    @Test
    void duplicatedCountsMatchPandas() {
        JsonNode g = golden("missing.json").get("duplicated");
        int card = checked(TableFixtures.creditcard(), Describe::duplicatedCount);
        int hive = checked(TableFixtures.hive(), t -> Describe.duplicatedCount(t, "T17", "RH17"));
        int gaps = checked(TableFixtures.hiveWithGaps(), t -> Describe.duplicatedCount(t, "T17", "RH17"));
        assertEquals(g.get("creditcard").asInt(), card);
        assertEquals(g.get("hive17_T17_RH17").asInt(), hive);
        assertEquals(g.get("hive17_gaps_T17_RH17").asInt(), gaps, "missing equals missing");
    }

    @Test
    void corrMatchesPandas() {
        forEachInput(golden("corr.json"), DescribeTest::checkCorr);
    }

    private static void checkCorr(JsonNode golden, Table input) {
        List<String> names = texts(golden.get("columns"));
        Table c = checked(input, t -> Describe.corr(t, names.toArray(String[]::new)));
        assertEquals(names, c.stringColumn("column").asList());
        for (int j = 0; j < names.size(); j++) {
            double[] expected = TableFixtures.doubles(golden.get("matrix").get(j));
            for (int i = 0; i < names.size(); i++) {
                assertRel(expected[i], c.doubleColumn(names.get(j)).get(i), "corr " + names.get(i) + "/" + names.get(j));
            }
        }
    }

    // ---------------------------------------------------------------- hand-worked cases

    @Test
    void describeOfOneToFourByHand() {
        Table t = Table.create("t", DoubleColumn.create("x", 4, 1, 3, 2), DoubleColumn.create("gap", 7, Double.NaN,
                Double.NaN, Double.NaN), DoubleColumn.create("none", Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        Table d = checked(t, Describe::describe);
        // mean 2.5; std = sqrt(((1.5²+0.5²)·2)/3) = sqrt(5/3); quartiles at positions 0.75, 1.5, 2.25
        double[] expected = {4, 2.5, Math.sqrt(5.0 / 3.0), 1, 1.75, 2.5, 3.25, 4};
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r], d.doubleColumn("x").getDouble(r), 1e-15, "x row " + r);
        }
        assertEquals(1, d.doubleColumn("gap").getDouble(0), 0.0, "count skips NaN");
        assertEquals(7, d.doubleColumn("gap").getDouble(1), 0.0);
        assertTrue(Double.isNaN(d.doubleColumn("gap").getDouble(2)), "std of one value is NaN (ddof = 1)");
        assertEquals(7, d.doubleColumn("gap").getDouble(6), 0.0);
        assertEquals(0, d.doubleColumn("none").getDouble(0), 0.0);
        for (int r = 1; r < 8; r++) {
            assertTrue(Double.isNaN(d.doubleColumn("none").getDouble(r)), "all-missing column row " + r);
        }
    }

    @Test
    void valueCountsBreakTiesByFirstAppearanceAndDropMissing() {
        StringColumn s = StringColumn.create("s", "b", "a", "", "b", "a", "c", "");
        Table t = Table.create("t", s);
        Table vc = checked(t, x -> Describe.valueCounts(x, "s"));
        assertEquals(List.of("b", "a", "c"), vc.stringColumn("s").asList());
        assertEquals(List.of(2, 2, 1), vc.intColumn("count").asList());
        Table vp = checked(t, x -> Describe.valueCounts(x, "s", true));
        assertEquals(0.4, vp.doubleColumn("proportion").getDouble(0), 0.0, "2 of 5 present cells");
        Table zeros = Table.create("z", DoubleColumn.create("x", 0.0, -0.0, 1.0));
        assertEquals(List.of(2, 1), checked(zeros, x -> Describe.valueCounts(x, "x")).intColumn("count").asList(), "-0.0 = 0.0");
    }

    @Test
    void describeTextTopIsTheFirstOfTheMostFrequent() {
        Table t = Table.create("t", StringColumn.create("s", "y", "x", "x", "y", "z"),
                StringColumn.create("empty", "", "", "", "", ""));
        Table d = checked(t, Describe::describeText);
        assertEquals(List.of("5", "3", "y", "2"), d.stringColumn("s").asList());
        assertEquals("0", d.stringColumn("empty").get(0));
        assertEquals("0", d.stringColumn("empty").get(1));
        assertTrue(d.stringColumn("empty").isMissing(2));
    }

    @Test
    void corrUsesPairwiseCompleteRows() {
        double nan = Double.NaN;
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3, nan, 5),
                DoubleColumn.create("y", 2, 4, 5, 100, nan), DoubleColumn.create("k", 3, 3, 3, 3, 3),
                DoubleColumn.create("inf", 1, 2, Double.POSITIVE_INFINITY, 4, 5));
        Table c = checked(t, Describe::corr);
        // rows 0-2 only: x = 1,2,3, y = 2,4,5 → Sxy = 3, Sxx = 2, Syy = 14/3 → r = 3 / sqrt(28/3)
        assertEquals(3 / Math.sqrt(28.0 / 3.0), c.doubleColumn("x").getDouble(1), 1e-15);
        assertTrue(Double.isNaN(c.doubleColumn("k").getDouble(0)), "constant column: NaN");
        assertTrue(Double.isNaN(c.doubleColumn("k").getDouble(2)), "constant column: NaN on the diagonal too");
        // infinity is missing, as np.isfinite masks it in pandas: x and inf share rows 0, 1, 4 → exactly linear
        assertEquals(1.0, c.doubleColumn("inf").getDouble(0), 1e-15);
    }

    @Test
    void infoReportsTypesCountsAndAMemoryEstimate() {
        Table gaps = TableFixtures.hiveWithGaps();
        Table info = checked(gaps, Describe::info);
        assertEquals(List.of("column", "type", "non-null", "missing", "bytes"), info.columnNames());
        int t17 = info.stringColumn("column").indexOf("T17");
        assertEquals("DOUBLE", info.stringColumn("type").get(t17));
        assertEquals(8L * gaps.rowCount(), info.longColumn("bytes").get(t17), "8 bytes per double");
        assertEquals(4L * gaps.rowCount(), info.longColumn("bytes").get(info.stringColumn("column").indexOf("Hour")));
        StringColumn s = StringColumn.create("s", "ab", "ab", "c");
        // 3 one-byte codes + 2 distinct strings × (56 + length)
        assertEquals(3 + (56 + 2) + (56 + 1), Describe.estimatedBytes(s));
        String text = checked(gaps, Describe::infoText);
        assertTrue(text.startsWith("Table \"Hive17\": 1847 rows × 10 columns"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+2\\s+T17\\s+DOUBLE\\s+1792\\s+55")), text);
        assertTrue(text.contains("types: DOUBLE(6), INTEGER(3), LOCAL_DATE_TIME(1)"), text);
        assertTrue(text.contains("memory: about "), text);
        Table empty = gaps.emptyCopy();
        assertEquals(0, checked(empty, Describe::info).intColumn("non-null").get(0), "a table without rows is fine");
    }

    // ---------------------------------------------------------------- properties

    @Test
    void describeIsInvariantToRowOrder() {
        Table gaps = TableFixtures.hiveWithGaps();
        int n = gaps.rowCount();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        Table a = checked(gaps, Describe::describe);
        Table b = checked(gaps.rows(perm), Describe::describe);
        for (int j = 1; j < a.columnCount(); j++) {
            for (int r = 0; r < a.rowCount(); r++) {
                double x = a.doubleColumn(j).getDouble(r);
                double y = b.doubleColumn(j).getDouble(r);
                String what = a.column(j).name() + " " + a.stringColumn("stat").get(r);
                if (r == 1 || r == 2) {
                    // mean and std are sums: another order rounds differently, by a few ulps
                    assertEquals(x, y, 1e-12 * Math.abs(x), what);
                } else {
                    assertEquals(x, y, 0.0, what);
                }
            }
        }
    }

    @Test
    void corrIsExactlySymmetricWithUnitDiagonal() {
        for (Table t : List.of(TableFixtures.hiveWithGaps(), TableFixtures.creditcard())) {
            Table c = checked(t, Describe::corr);
            int k = c.rowCount();
            assertEquals(k + 1, c.columnCount());
            for (int i = 0; i < k; i++) {
                assertEquals(1.0, c.doubleColumn(i + 1).getDouble(i), 0.0, "diagonal " + c.column(i + 1).name());
                for (int j = 0; j < i; j++) {
                    assertEquals(c.doubleColumn(i + 1).getDouble(j), c.doubleColumn(j + 1).getDouble(i), 0.0, "symmetry");
                }
            }
        }
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputNamesTheProblemAndTheFix() {
        Table hive = TableFixtures.hive();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.describe(hive, "T99")),
                "\"T99\"", "its columns are");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.describe(hive, "DateTime")),
                "\"DateTime\"", "not numeric", "describeText(table, \"DateTime\")");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.corr(hive, "T17", "DateTime")),
                "\"DateTime\"", "not numeric");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.corr(hive, "T17", "T17")),
                "\"T17\" is named twice");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.valueCounts(hive, "nope")),
                "\"nope\"");
        Table empty = hive.emptyCopy();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.describe(empty)), "describe",
                "has no rows");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.corr(empty)), "corr", "has no rows");
        Table text = Table.create("words", StringColumn.create("w", "a", "b"));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.corr(text)), "no numeric columns",
                "toNumeric");
        Table numbers = Table.create("n", IntColumn.create("i", 1, 2));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.describeText(numbers)),
                "only numeric columns", "describe(table)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.missing(null)), "table is null");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Describe.duplicatedCount(hive, "nope")),
                "\"nope\"");
    }

    @Test
    void describeWithoutNumericColumnsFallsBackToText() {
        Table words = Table.create("words", StringColumn.create("w", "a", "b", "a"));
        TableFixtures.assertSameTable(Describe.describeText(words), checked(words, Describe::describe));
        Column<?> only = checked(TableFixtures.hive(), t -> Describe.describe(t, "T17")).column(1);
        assertEquals("T17", only.name());
    }
}
