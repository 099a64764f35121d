package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.TestData;

/**
 * Series and goldens for the time-series tests: the real series are read straight from the shared data folder
 * (the same rows the generators read with pandas), so these tests do not depend on the CSV layer.
 */
final class SeriesFixtures {

    private SeriesFixtures() {
    }

    /** Hive17's T17 column (1847 hourly temperatures), as pandas reads it. */
    static double[] hiveT17() {
        return column(TestData.root().resolve("beehives/Hive17.csv"), ";", "T17", Integer.MAX_VALUE);
    }

    /** The {@code value} column of a NAB realKnownCause series, first {@code rows} rows. */
    static double[] nab(String name, int rows) {
        return column(TestData.root().resolve("nab/data/realKnownCause/" + name + ".csv"), ",", "value", rows);
    }

    private static double[] column(Path file, String sep, String name, int rows) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.get(0).split(sep, -1));
            int c = header.indexOf(name);
            assertTrue(c >= 0, file + " has no column " + name);
            int n = Math.min(rows, lines.size() - 1);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Double.parseDouble(lines.get(i + 1).split(sep, -1)[c]);
            }
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden JSON file written by {@code gen_<part>.py} into {@code /golden/<part>/}. */
    static JsonNode golden(String part, String file) {
        return TableFixtures.golden(part, file);
    }

    /** A JSON array of numbers (null = NaN, "Infinity" strings) as doubles. */
    static double[] doubles(JsonNode array) {
        return TableFixtures.doubles(array);
    }

    static int[] ints(JsonNode array) {
        return TableFixtures.ints(array);
    }

    /**
     * Asserts |expected − actual| ≤ tol · max(1, |expected|) element-wise (NaN and infinities only equal to themselves) and returns
     * the largest such scaled error, for reporting.
     */
    static double assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i]) || Double.isNaN(actual[i]) || Double.isInfinite(expected[i])) {
                assertEquals(expected[i], actual[i], 0.0, what + " at " + i);
                continue;
            }
            double err = Math.abs(expected[i] - actual[i]) / Math.max(1, Math.abs(expected[i]));
            worst = Math.max(worst, err);
            if (!(err <= tol)) {
                fail(what + " at " + i + ": expected " + expected[i] + " but was " + actual[i] + " (scaled error "
                        + err + " > " + tol + ")");
            }
        }
        return worst;
    }
}
