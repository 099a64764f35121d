package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anomaly4j.data.Columns;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shared test data and assertions for the io, data and features tests: the real tables (read once), the
 * missing-value injection rule of gen_clean.py, golden JSON access and table comparisons.
 */
public final class TableFixtures {

    /**
     * Relative tolerance for golden comparisons. Values whose magnitude is below 1 are compared with an absolute
     * 1e-9 instead: a standardised value near 0 is a difference of two nearly equal numbers, so its rounding
     * error is absolute (about 1e-15 · |x|), not relative to the tiny result.
     */
    public static final double TOL = 1e-9;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Table hive;
    private static Table card;

    private TableFixtures() {
    }

    /** A fresh copy of beehives/Hive17 (1847 rows). */
    public static synchronized Table hive() {
        if (hive == null) {
            hive = Csv.read(Datasets.fromEnvironment().resolve("beehives/Hive17"),
                    CsvOptions.separator(';').dateTimeFormat("d.MM.yyyy HH:mm"));
        }
        return hive.copy();
    }

    /** A fresh copy of the creditcard subset (5412 rows). */
    public static synchronized Table creditcard() {
        if (card == null) {
            card = Csv.read(Datasets.fromEnvironment().resolve("creditcard"), CsvOptions.defaults());
        }
        return card.copy();
    }

    /**
     * Hive17 with gen_clean.py's injected gaps (rows from 0, n = 1847): T17 missing where i % 37 == 0 or
     * 500 ≤ i ≤ 504; RH17 missing where i % 53 == 0 or i ≥ n − 3.
     */
    public static Table hiveWithGaps() {
        Table t = hive();
        int n = t.rowCount();
        Column<?> t17 = t.column("T17");
        Column<?> rh17 = t.column("RH17");
        for (int i = 0; i < n; i++) {
            if (i % 37 == 0 || (i >= 500 && i <= 504)) {
                t17.setMissing(i);
            }
            if (i % 53 == 0 || i >= n - 3) {
                rh17.setMissing(i);
            }
        }
        return t;
    }

    /** gen_clean.py's temperature band: pd.cut(T17, [-inf, 20, 26, 32, inf]) labelled cold/mild/warm/hot. */
    public static Table withBand(Table table) {
        DoubleColumn t17 = table.doubleColumn("T17");
        StringColumn band = StringColumn.create("band", t17.size());
        for (int i = 0; i < t17.size(); i++) {
            double v = t17.getDouble(i);
            if (!Double.isNaN(v)) {
                band.set(i, v <= 20 ? "cold" : v <= 26 ? "mild" : v <= 32 ? "warm" : "hot");
            }
        }
        Table out = table.copy();
        out.addColumns(band);
        return out;
    }

    /** A golden file of gen_clean.py. */
    public static JsonNode golden(String file) {
        return golden("clean", file);
    }

    /** A golden JSON file written by {@code gen_<part>.py} into {@code /golden/<part>/}. */
    public static JsonNode golden(String part, String file) {
        String path = "/golden/" + part + "/" + file;
        try (InputStream in = TableFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing golden " + path + "; run gen_" + part + ".py");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of numbers (null = NaN, "Infinity"/"-Infinity" strings) as doubles. */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            out[i] = v.isNull() ? Double.NaN : v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
        }
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** Equal within {@link #TOL}: relative for |expected| ≥ 1, absolute below; NaN only equals NaN. */
    public static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, 0.0, what);
            return;
        }
        double tol = TOL * Math.max(1.0, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (tolerance " + tol + ")");
        }
    }

    public static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + "[" + i + "]");
        }
    }

    /** Every cell of {@code column} at the given rows equals the golden values. */
    public static void assertColumnAt(Table table, String column, int[] rows, double[] expected, String what) {
        double[] x = Columns.values(table, column);
        assertEquals(rows.length, expected.length, what + ": golden rows/values");
        for (int k = 0; k < rows.length; k++) {
            assertClose(expected[k], x[rows[k]], what + " row " + rows[k]);
        }
    }

    /** Same column names, types, row count and cell values (NaN equals NaN). */
    public static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames(), "column names");
        assertEquals(expected.rowCount(), actual.rowCount(), "row count");
        for (int j = 0; j < expected.columnCount(); j++) {
            Column<?> e = expected.column(j);
            Column<?> a = actual.column(j);
            assertEquals(e.type(), a.type(), "type of " + e.name());
            for (int i = 0; i < e.size(); i++) {
                if (!Objects.equals(e.get(i), a.get(i))) {
                    fail("column " + e.name() + " row " + i + ": expected " + e.get(i) + " but was " + a.get(i));
                }
            }
        }
    }

    /** The operation left its input as it was (compared with a copy taken before the call). */
    public static void assertUnchanged(Table before, Table input) {
        assertSameTable(before, input);
    }

    /** Rows of {@code table} at the 0-based positions not listed in {@code dropped}. */
    public static Table without(Table table, int[] dropped) {
        boolean[] drop = new boolean[table.rowCount()];
        for (int r : dropped) {
            drop[r] = true;
        }
        int[] kept = new int[table.rowCount() - dropped.length];
        int k = 0;
        for (int i = 0; i < drop.length; i++) {
            if (!drop[i]) {
                kept[k++] = i;
            }
        }
        assertEquals(kept.length, k, "golden dropped rows are distinct");
        return table.rows(kept);
    }

    /** The message of an expected exception contains each of the fragments. */
    public static void assertMessage(IllegalArgumentException e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        }
    }
}
