package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.datasets.Datasets;
import tech.tablesaw.api.Table;

/**
 * Golden files of gen_statistical.py (resources golden/statistical, see its README) and the data they were made
 * from: Hive17's T17 and RH17, and the synthetic sample stored in synthetic.json.
 */
final class StatisticalGolden {

    /**
     * Relative tolerance for statistics computed from the same data (medians, quartiles, means, deviates):
     * the two sides sum in different orders (numpy sums pairwise), which changes the last bits only.
     */
    static final double STAT_TOL = 1e-12;
    /**
     * Relative tolerance for values through Student's t quantile: scipy's {@code t.ppf} is itself off by up to
     * 4e-11 (see t_quantiles.json "exact"), ours by about 1e-15.
     */
    static final double T_TOL = 1e-9;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Table hive;

    private StatisticalGolden() {
    }

    static JsonNode load(String file) {
        String path = "/golden/statistical/" + file;
        try (InputStream in = StatisticalGolden.class.getResourceAsStream(path)) {
            assertTrue(in != null, "missing golden file " + path + "; run gen_statistical.py");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** beehives/Hive17 (1847 rows). */
    static synchronized Table hive() {
        if (hive == null) {
            hive = Csv.read(Datasets.fromEnvironment().resolve("beehives/Hive17"), CsvOptions.separator(';'));
        }
        return hive;
    }

    /** Hive17's T17 and RH17 as a row-major matrix. */
    static double[][] hiveMatrix() {
        return Inputs.matrix(hive(), "T17", "RH17");
    }

    /** The synthetic columns of synthetic.json, by name ("a", "b", "c"). */
    static double[] synthetic(String column) {
        return doubles(load("synthetic.json").get(column));
    }

    /** Row-major matrix from columns. */
    static double[][] rows(double[]... columns) {
        double[][] x = new double[columns[0].length][columns.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                x[i][j] = columns[j][i];
            }
        }
        return x;
    }

    static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asInt();
        }
        return out;
    }

    /** Indices where the flag is set. */
    static int[] indices(boolean[] flags) {
        return java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i]).toArray();
    }

    /** Elementwise |actual − expected| ≤ tol·max(1, |expected|); returns the largest relative difference. */
    static double assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            double diff = Math.abs(actual[i] - expected[i]) / scale;
            worst = Math.max(worst, diff);
            assertTrue(diff <= tol, what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
        return worst;
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        assertClose(new double[] {expected}, new double[] {actual}, tol, what);
    }
}
