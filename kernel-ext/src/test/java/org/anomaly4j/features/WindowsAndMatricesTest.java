package org.anomaly4j.features;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.anomaly4j.TableFixtures;
import org.anomaly4j.data.Columns;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Sliding windows and Table ⇄ double[][] conversions: layout, laws and errors. */
class WindowsAndMatricesTest {

    /** Property: ⌊(n − w)/stride⌋ + 1 windows, window k holding x[k·stride .. k·stride + w − 1]. */
    @Test
    void windowCountAndContentFollowTheFormula() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(60);
            int w = 1 + rnd.nextInt(n);
            int stride = 1 + rnd.nextInt(8);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextGaussian();
            }
            double[] copy = x.clone();
            double[][] out = SlidingWindows.of(x, w, stride);
            assertArrayEquals(copy, x, "input array unchanged");
            assertEquals((n - w) / stride + 1, out.length, "n=" + n + " w=" + w + " stride=" + stride);
            assertEquals(out.length, SlidingWindows.count(n, w, stride));
            for (int k = 0; k < out.length; k++) {
                assertEquals(w, out[k].length);
                for (int t = 0; t < w; t++) {
                    assertEquals(x[k * stride + t], out[k][t], 0.0);
                }
            }
        }
    }

    @Test
    void tableWindowsInterleaveColumnsPerTimeStep() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        double[][] out = SlidingWindows.of(hive, 24, 12, "T17", "RH17", "Tamb");
        assertUnchanged(before, hive);
        assertEquals((1847 - 24) / 12 + 1, out.length);
        double[] t17 = Columns.values(hive, "T17");
        double[] rh17 = Columns.values(hive, "RH17");
        double[] tamb = Columns.values(hive, "Tamb");
        for (int k = 0; k < out.length; k++) {
            assertEquals(24 * 3, out[k].length);
            for (int t = 0; t < 24; t++) {
                int row = k * 12 + t;
                assertEquals(t17[row], out[k][t * 3], 0.0);
                assertEquals(rh17[row], out[k][t * 3 + 1], 0.0);
                assertEquals(tamb[row], out[k][t * 3 + 2], 0.0);
            }
        }
        // one column gives the same windows as the array form
        assertArrayEquals(SlidingWindows.of(t17, 24, 12), SlidingWindows.of(hive, 24, 12, "T17"));
    }

    @Test
    void windowErrorsNameTheProblem() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SlidingWindows.of(new double[5], 6, 1)),
                "6 rows", "5 rows", "at most 5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SlidingWindows.of(new double[5], 2, 0)),
                "stride", "0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SlidingWindows.of(new double[5], 0, 1)),
                "window", "0");
        Table gaps = TableFixtures.hiveWithGaps();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SlidingWindows.of(gaps, 24, 1, "Tamb",
                "T17")), "\"T17\"", "missing value", "first at row 0", "dropMissing", "fillMissing");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> SlidingWindows.of(gaps, 24, 1)),
                "at least one column");
    }

    /** Property: toArray(toTable(x)) == x, names kept, for random shapes (infinities included). */
    @Test
    void arrayTableRoundTripIsExact() {
        Random rnd = new Random(9);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rnd.nextInt(40);
            int d = 1 + rnd.nextInt(6);
            double[][] x = new double[n][d];
            String[] names = new String[d];
            for (int j = 0; j < d; j++) {
                names[j] = "f" + (d - j);
                for (int i = 0; i < n; i++) {
                    x[i][j] = rnd.nextInt(50) == 0 ? Double.POSITIVE_INFINITY : rnd.nextGaussian() * 1e3;
                }
            }
            double[][] copy = new double[n][];
            for (int i = 0; i < n; i++) {
                copy[i] = x[i].clone();
            }
            Table t = Matrices.toTable(x, names);
            Table tableBefore = t.copy();
            assertEquals(java.util.List.of(names), t.columnNames());
            assertArrayEquals(x, Matrices.toArray(t, names));
            assertArrayEquals(x, Matrices.toArray(t), "no names: all columns in order");
            assertArrayEquals(copy, x, "matrix unchanged");
            assertUnchanged(tableBefore, t);
        }
    }

    @Test
    void toArrayReadsIntegersAndKeepsTheInput() {
        Table hive = TableFixtures.hive();
        Table before = hive.copy();
        double[][] x = Matrices.toArray(hive, "RH17", "T17");
        assertUnchanged(before, hive);
        assertEquals(1847, x.length);
        assertEquals(hive.intColumn("RH17").getInt(10), x[10][0], 0.0);
        assertEquals(hive.doubleColumn("T17").getDouble(10), x[10][1], 0.0);
        assertArrayEquals(new String[] {"C0", "C1"}, Matrices.toTable(x).columnNames().toArray());
    }

    @Test
    void conversionErrorsNameColumnRowAndFix() {
        Table gaps = TableFixtures.hiveWithGaps();
        Table before = gaps.copy();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Matrices.toArray(gaps, "Tamb", "RH17")),
                "\"RH17\"", "missing values", "first at row 0", "dropMissing(...)", "fillMissing(...)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Matrices.toArray(gaps)),
                "\"DateTime\"", "not numeric");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Matrices.toArray(gaps, "T17", "T17")),
                "named twice");
        assertUnchanged(before, gaps);
        double[][] x = {{1, 2}, {3, 4}};
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Matrices.toTable(x, "a")),
                "1 names", "2 columns");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Matrices.toTable(x, "a", "b", "c")),
                "3 names", "2 columns");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Matrices.toTable(new double[][] {{1, 2},
            {3}}, "a", "b")), "row 1 has 1 values", "row 0 has 2");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Matrices.toTable(new double[0][])),
                "no rows");
    }
}
