package org.anomaly4j.features;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertSameTable;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.anomaly4j.features.FeatureFixtures.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Train/test splits: sizes and stratified class counts against scikit-learn (splits.json), laws, errors. */
class TrainTestSplitTest {

    private static Table ids(int n) {
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        return Table.create("ids", IntColumn.create("id", id));
    }

    /** Property: the parts hold every input row exactly once (checked on a unique id column). */
    private static void assertPartition(Table input, Split s, String id) {
        int n = input.rowCount();
        assertEquals(n, s.train().rowCount() + s.test().rowCount(), "no row lost or added");
        int[] all = new int[n];
        int k = 0;
        for (Table part : new Table[] {s.train(), s.test()}) {
            assertEquals(input.columnNames(), part.columnNames());
            for (int i = 0; i < part.rowCount(); i++) {
                all[k++] = part.intColumn(id).getInt(i);
            }
        }
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = input.intColumn(id).getInt(i);
        }
        Arrays.sort(all);
        Arrays.sort(expected);
        assertArrayEquals(expected, all, "every row exactly once");
    }

    @Test
    void sizesEqualScikitLearn() {
        int checked = 0;
        for (JsonNode c : golden("splits.json").get("sizes")) {
            int n = c.get("n").asInt();
            double ts = c.get("test_size").asDouble();
            assertFalse(c.has("error"), "no golden case raises");
            Table t = ids(n);
            Table before = t.copy();
            for (boolean shuffle : new boolean[] {true, false}) {
                Split s = TrainTestSplit.trainTestSplit(t, ts, 42, shuffle);
                assertUnchanged(before, t);
                assertEquals(c.get("train").asInt(), s.train().rowCount(), "n=" + n + " test_size=" + ts);
                assertEquals(c.get("test").asInt(), s.test().rowCount(), "n=" + n + " test_size=" + ts);
                assertPartition(t, s, "id");
            }
            checked++;
        }
        assertEquals(66, checked);
    }

    @Test
    void stratifiedClassCountsEqualScikitLearn() {
        Table card = TableFixtures.creditcard();
        card.addColumns(IntColumn.indexColumn("row", card.rowCount(), 0));
        Table before = card.copy();
        JsonNode g = golden("splits.json").get("stratified_creditcard");
        for (JsonNode c : g.get("cases")) {
            double ts = c.get("test_size").asDouble();
            Split s = TrainTestSplit.testSize(ts).seed(42).stratify("Class").split(card);
            assertUnchanged(before, card);
            assertPartition(card, s, "row");
            // creditcard's fractional parts never tie (same counts for 20 sklearn seeds): counts must be equal
            assertTrue(c.get("same_for_20_seeds").asBoolean());
            for (int cls = 0; cls < 2; cls++) {
                assertEquals(c.get("train").get(cls).asInt(), count(s.train(), cls), "train class " + cls + " " + ts);
                assertEquals(c.get("test").get(cls).asInt(), count(s.test(), cls), "test class " + cls + " " + ts);
            }
        }
    }

    private static int count(Table t, int cls) {
        int k = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.intColumn("Class").getInt(i) == cls) {
                k++;
            }
        }
        return k;
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherOrder() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        Split a = TrainTestSplit.trainTestSplit(hive, 0.25, 7, true);
        Split b = TrainTestSplit.trainTestSplit(hive, 0.25, 7, true);
        Split c = TrainTestSplit.trainTestSplit(hive, 0.25, 8, true);
        assertUnchanged(before, hive);
        assertSameTable(a.train(), b.train());
        assertSameTable(a.test(), b.test());
        assertFalse(Arrays.equals(a.test().intColumn("Hour").asIntArray(), c.test().intColumn("Hour").asIntArray()),
                "another seed draws other rows");
        assertPartition(hive, a, "Hour");
        // shuffled: the test part is not simply the last rows
        assertFalse(Arrays.equals(a.test().intColumn("Hour").asIntArray(),
                TrainTestSplit.timeSplit(hive, 0.25).test().intColumn("Hour").asIntArray()));
    }

    @Test
    void timeSplitKeepsOrderAndPutsTheFutureInTest() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        Split s = TrainTestSplit.timeSplit(hive, 0.25);
        assertUnchanged(before, hive);
        int nTest = (int) Math.ceil(0.25 * 1847);
        assertEquals(1847 - nTest, s.train().rowCount());
        assertSameTable(hive.inRange(0, 1847 - nTest), s.train());
        assertSameTable(hive.inRange(1847 - nTest, 1847), s.test());
        assertEquals("Split[train=1385 rows, test=462 rows]", s.toString());
    }

    @Test
    void badInputIsReported() {
        Table hive = TableFixtures.hive();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.testSize(0)), "(0, 1)", "0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.testSize(1)), "(0, 1)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.testSize(Double.NaN)),
                "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.defaults().stratify("Class").shuffle(false)), "shuffle(true)");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.trainTestSplit(ids(1), 0.5, 0, true)), "train part would be empty");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.trainTestSplit(hive.emptyCopy(), 0.5, 0, true)), "no rows");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.defaults().stratify("label").split(hive)), "\"label\"");
        Table one = ids(10);
        Table before = hive.copy();
        one.addColumns(IntColumn.create("label", new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 2}));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.defaults().stratify("label").split(one)), "class 2", "only 1 row");
        Table gap = ids(10);
        IntColumn label = IntColumn.create("label", new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1});
        label.setMissing(4);
        gap.addColumns(label);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.defaults().stratify("label").split(gap)), "missing labels", "row 4",
                "dropMissing");
        Table three = ids(6);
        three.addColumns(IntColumn.create("label", new int[] {0, 0, 1, 1, 2, 2}));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.testSize(0.2).stratify("label").split(three)), "test part", "3");
        assertUnchanged(before, hive);
    }

    @Test
    void approximateModeMatchesScikitLearnsRule() {
        // floor of each share, the rest to the largest fractional parts: 3788 draws from 4920/492
        assertArrayEquals(new long[] {3444, 344}, TrainTestSplit.approximateMode(new long[] {4920, 492}, 3788,
                new java.util.Random(0)));
        // a tie (two classes with fractional part 0.5) goes to one of them at random, the total stays exact
        long[] tie = TrainTestSplit.approximateMode(new long[] {3, 3, 2}, 4, new java.util.Random(1));
        assertEquals(4, tie[0] + tie[1] + tie[2]);
        assertTrue(tie[2] == 1 && (tie[0] == 2 ^ tie[1] == 2), Arrays.toString(tie));
    }
}
