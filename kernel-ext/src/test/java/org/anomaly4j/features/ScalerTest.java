package org.anomaly4j.features;

import static org.anomaly4j.TableFixtures.assertClose;
import static org.anomaly4j.TableFixtures.assertMessage;
import static org.anomaly4j.TableFixtures.assertSameTable;
import static org.anomaly4j.TableFixtures.assertUnchanged;
import static org.anomaly4j.TableFixtures.doubles;
import static org.anomaly4j.TableFixtures.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.Nums;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * StandardScaler, MinMaxScaler and RobustScaler against scikit-learn (golden/clean/scalers.json), plus the
 * laws: inverse(transform(x)) = x, standardised columns have mean 0 and std 1, and input is never changed.
 */
class ScalerTest {

    private static final JsonNode CASES = TableFixtures.golden("scalers.json").get("cases");
    private static final String[] HIVE = {"T17", "RH17", "Tamb"};
    private static final String[] CARD = {"Amount", "Time"};

    /** Each golden case: how to fit it, and which learned parameters to compare with which sklearn attribute. */
    private record Case(String name, Function<Table, FittedScaler> fit, Map<String, Function<FittedScaler, double[]>> params) {
    }

    private static Map<String, Function<FittedScaler, double[]>> standardParams() {
        return Map.of("mean", s -> ((StandardScaler.Fitted) s).mean(),
                "var", s -> ((StandardScaler.Fitted) s).variance(),
                "scale", s -> ((StandardScaler.Fitted) s).scale());
    }

    private static Map<String, Function<FittedScaler, double[]>> minMaxParams() {
        return Map.of("min", s -> ((MinMaxScaler.Fitted) s).min(),
                "scale", s -> ((MinMaxScaler.Fitted) s).scale(),
                "data_min", s -> ((MinMaxScaler.Fitted) s).dataMin(),
                "data_max", s -> ((MinMaxScaler.Fitted) s).dataMax(),
                "data_range", s -> ((MinMaxScaler.Fitted) s).dataRange());
    }

    private static Map<String, Function<FittedScaler, double[]>> robustParams() {
        return Map.of("center", s -> ((RobustScaler.Fitted) s).center(),
                "scale", s -> ((RobustScaler.Fitted) s).scale());
    }

    private static List<Case> hiveCases() {
        return List.of(
                new Case("standard_hive", t -> StandardScaler.with().fit(t, HIVE), standardParams()),
                new Case("standard_nomean_hive", t -> StandardScaler.with().withMean(false).fit(t, HIVE),
                        standardParams()),
                new Case("minmax_hive", t -> MinMaxScaler.with().fit(t, HIVE), minMaxParams()),
                new Case("minmax_pm1_hive", t -> MinMaxScaler.with().featureRange(-1, 1).fit(t, HIVE), minMaxParams()),
                new Case("robust_hive", t -> RobustScaler.with().fit(t, HIVE), robustParams()),
                new Case("robust_10_90_hive", t -> RobustScaler.with().quantileRange(10, 90).fit(t, HIVE),
                        robustParams()));
    }

    private static List<Case> cardCases() {
        return List.of(
                new Case("standard_card", t -> StandardScaler.with().fit(t, CARD), standardParams()),
                new Case("minmax_card", t -> MinMaxScaler.with().fit(t, CARD), minMaxParams()),
                new Case("robust_card", t -> RobustScaler.with().fit(t, CARD), robustParams()));
    }

    @Test
    void fitAndTransformMatchScikitLearnOnHive17WithGaps() {
        Table hive = TableFixtures.hiveWithGaps();
        for (Case c : hiveCases()) {
            check(c, hive, hive);
        }
    }

    @Test
    void fitOnFirstRowsAndTransformAllMatchScikitLearnOnCreditcard() {
        Table card = TableFixtures.creditcard();
        Table fitRows = card.first(CASES.at("/standard_card/fit_rows").asInt());
        for (Case c : cardCases()) {
            check(c, fitRows, card);
        }
    }

    private static void check(Case c, Table fitOn, Table transformOn) {
        JsonNode g = CASES.get(c.name());
        Table fitBefore = fitOn.copy();
        Table before = transformOn.copy();
        FittedScaler s = c.fit().apply(fitOn);
        assertUnchanged(fitBefore, fitOn);
        JsonNode params = g.get("params");
        for (Map.Entry<String, Function<FittedScaler, double[]>> p : c.params().entrySet()) {
            assertClose(doubles(params.get(p.getKey())), p.getValue().apply(s), c.name() + " " + p.getKey());
        }
        Table out = s.transform(transformOn);
        assertUnchanged(before, transformOn);
        int[] rows = ints(g.get("rows"));
        String[] cols = s.columns().toArray(String[]::new);
        double[][] byColumn = new double[cols.length][];
        for (int j = 0; j < cols.length; j++) {
            byColumn[j] = Columns.values(out, cols[j]);
        }
        double[][] array = s.transform(rows(transformOn, cols));
        for (int k = 0; k < rows.length; k++) {
            double[] expected = doubles(g.get("transformed").get(k));
            for (int j = 0; j < cols.length; j++) {
                String what = c.name() + " " + cols[j] + " row " + rows[k];
                assertClose(expected[j], byColumn[j][rows[k]], what);
                assertClose(expected[j], array[rows[k]][j], what + " (array)");
            }
        }
        Table rest = before.copy().removeColumns(cols);
        assertSameTable(rest, out.copy().removeColumns(cols));
    }

    private static double[][] rows(Table t, String[] cols) {
        double[][] x = new double[t.rowCount()][cols.length];
        for (int j = 0; j < cols.length; j++) {
            double[] c = Columns.values(t, cols[j]);
            for (int i = 0; i < c.length; i++) {
                x[i][j] = c[i];
            }
        }
        return x;
    }

    @Test
    void everyScalerIsInvertible() {
        Table hive = TableFixtures.hiveWithGaps();
        Table card = TableFixtures.creditcard();
        for (Case c : hiveCases()) {
            assertRoundTrip(c.fit().apply(hive), hive);
        }
        for (Case c : cardCases()) {
            assertRoundTrip(c.fit().apply(card), card);
        }
        assertRoundTrip(MinMaxScaler.with().featureRange(-3, 7).fit(card, "V1", "V2", "V3"), card);
    }

    /** inverse(transform(x)) == x within 1e-12 relative (absolute for |x| < 1), for tables and arrays. */
    private static void assertRoundTrip(FittedScaler s, Table t) {
        Table back = s.inverseTransform(s.transform(t));
        String[] cols = s.columns().toArray(String[]::new);
        double[][] x = rows(t, cols);
        double[][] backArray = s.inverseTransform(s.transform(x));
        for (int j = 0; j < cols.length; j++) {
            double[] orig = Columns.values(t, cols[j]);
            double[] got = Columns.values(back, cols[j]);
            for (int i = 0; i < orig.length; i++) {
                assertRelative(orig[i], got[i], 1e-12, s.getClass().getSimpleName() + " " + cols[j] + " row " + i);
                assertRelative(orig[i], backArray[i][j], 1e-12, "array " + cols[j] + " row " + i);
            }
        }
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": NaN must stay NaN");
        } else if (!(Math.abs(expected - actual) <= tol * Math.max(1.0, Math.abs(expected)))) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    @Test
    void standardisedColumnsHaveMeanZeroAndStdOne() {
        Table card = TableFixtures.creditcard();
        String[] cols = {"Time", "V1", "V14", "Amount"};
        Table z = StandardScaler.with().fit(card, cols).transform(card);
        Table hive = TableFixtures.hiveWithGaps();
        Table zh = StandardScaler.with().fit(hive, HIVE).transform(hive);
        for (Table t : new Table[] {z, zh}) {
            for (String c : t == z ? cols : HIVE) {
                double[] x = Columns.values(t, c);
                double mean = Nums.meanPresent(x);
                double ss = 0;
                int n = 0;
                for (double v : x) {
                    if (!Double.isNaN(v)) {
                        ss += (v - mean) * (v - mean);
                        n++;
                    }
                }
                assertEquals(0.0, mean, 1e-12, c + " mean");
                assertEquals(1.0, Math.sqrt(ss / n), 1e-12, c + " std (ddof=0)");
            }
        }
    }

    @Test
    void constantColumnsGetScaleOneLikeScikitLearn() {
        Table t = Table.create("c", DoubleColumn.create("k", 3.7, 3.7, 3.7, 3.7),
                DoubleColumn.create("x", 1, 2, 3, 4), IntColumn.create("mostly", 5, 5, 5, 9));
        StandardScaler.Fitted s = StandardScaler.with().fit(t, "k", "x");
        assertArrayEquals(new double[] {1.0, Math.sqrt(1.25)}, s.scale(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, Columns.values(s.transform(t), "k"), 0.0);
        MinMaxScaler.Fitted m = MinMaxScaler.with().featureRange(2, 5).fit(t, "k");
        assertArrayEquals(new double[] {2, 2, 2, 2}, Columns.values(m.transform(t), "k"), 0.0);
        assertArrayEquals(new double[] {0.0}, m.dataRange(), 0.0);
        // IQR of 5,5,5,9 is 5 - 5 = 0 -> scale 1
        RobustScaler.Fitted r = RobustScaler.with().fit(t, "mostly");
        assertArrayEquals(new double[] {1.0}, r.scale(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 4}, Columns.values(r.transform(t), "mostly"), 0.0);
    }

    @Test
    void missingValuesAreSkippedInFitAndKeptInTransform() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, Double.NaN, 3));
        StandardScaler.Fitted s = StandardScaler.with().fit(t, "x");
        assertArrayEquals(new double[] {2}, s.mean(), 0.0);
        assertArrayEquals(new long[] {2}, s.samplesSeen());
        double[] z = Columns.values(s.transform(t), "x");
        assertArrayEquals(new double[] {-1, Double.NaN, 1}, z, 0.0);
    }

    @Test
    void minMaxClipLimitsNewDataToTheFeatureRange() {
        Table fit = Table.create("f", DoubleColumn.create("x", 0, 10));
        Table data = Table.create("d", DoubleColumn.create("x", -5, 5, 20, Double.NaN));
        assertArrayEquals(new double[] {-0.5, 0.5, 2, Double.NaN},
                Columns.values(MinMaxScaler.with().fit(fit, "x").transform(data), "x"), 0.0);
        MinMaxScaler.Fitted clipped = MinMaxScaler.with().clip(true).fit(fit, "x");
        assertArrayEquals(new double[] {0, 0.5, 1, Double.NaN}, Columns.values(clipped.transform(data), "x"), 0.0);
        assertArrayEquals(new double[] {1}, clipped.transform(new double[][] {{20}})[0], 0.0);
    }

    @Test
    void arrayFitNamesColumnsLikeScikitLearnAndDoesNotMutate() {
        double[][] x = {{1, 10}, {2, 20}, {3, 60}};
        double[][] copy = {{1, 10}, {2, 20}, {3, 60}};
        RobustScaler.Fitted r = RobustScaler.with().fit(x);
        assertEquals(List.of("x0", "x1"), r.columns());
        double[][] z = r.transform(x);
        // x1: median 20, quartiles 15 and 40 -> (10 - 20) / 25
        assertArrayEquals(new double[] {-1, -0.4}, z[0], 0.0);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(copy[i], x[i], 0.0);
        }
        double[] scale = r.scale();
        scale[0] = 99;
        assertEquals(1.0, r.scale()[0], 0.0, "accessors return copies");
    }

    @Test
    void fittedScalersPrintTheirOptionsAndParameters() {
        Table hive = TableFixtures.hive();
        String s = StandardScaler.with().fit(hive, "T17", "RH17").toString();
        assertTrue(s.startsWith("StandardScaler(withMean=true, withStd=true), fitted"), s);
        assertTrue(s.contains("T17 ") && s.contains("mean=24.8460") && s.contains("n=1847"), s);
        assertTrue(MinMaxScaler.with().fit(hive, "T17").toString().contains("dataMax=36.0000"));
        assertTrue(RobustScaler.with().fit(hive, "T17").toString().contains("quantileRange=(25.0, 75.0)"));
    }

    @Test
    void badInputIsRejectedWithColumnRowAndFix() {
        Table hive = TableFixtures.hive();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> StandardScaler.with().fit(hive, "nope")),
                "\"nope\"", "T17");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> StandardScaler.with().fit(hive, "DateTime")),
                "\"DateTime\"", "not numeric");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> RobustScaler.with().fit(hive)),
                "at least one column");
        Table inf = Table.create("i", DoubleColumn.create("x", 1, 2, Double.POSITIVE_INFINITY));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.with().fit(inf, "x")),
                "\"x\"", "row 2", "clip");
        Table allNaN = Table.create("n", DoubleColumn.create("x", Double.NaN));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> StandardScaler.with().fit(allNaN, "x")),
                "\"x\"", "only missing", "fillMissing");
        Table empty = Table.create("e", DoubleColumn.create("x"));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> StandardScaler.with().fit(empty, "x")),
                "no rows");
        StandardScaler.Fitted s = StandardScaler.with().fit(hive, "T17", "RH17");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> s.transform(new double[][] {{1}})),
                "row 0 has 1 values, expected 2");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> s.transform(hive.copy().removeColumns("RH17"))),
                "\"RH17\"");
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.with().featureRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> RobustScaler.with().quantileRange(80, 20));
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.with().fit(hive, "T17", "T17"));
    }
}
