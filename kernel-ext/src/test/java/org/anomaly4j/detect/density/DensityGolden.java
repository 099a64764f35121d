package org.anomaly4j.detect.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.detect.Inputs;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Reads the goldens made by {@code gen_density.py} and the ADBench tables they refer to. */
final class DensityGolden {

    private DensityGolden() {
    }

    static JsonNode load(String name) {
        return load("density", name);
    }

    /** golden/{@code part}/{@code name}, made by gen_{@code part}.py. */
    static JsonNode load(String part, String name) {
        try (InputStream in = DensityGolden.class.getResourceAsStream("/golden/" + part + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden/" + part + "/" + name + " is missing; run gen_" + part + ".py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }

    /** An ADBench table's features ({@code x*} columns) and labels (1 = anomaly), read from ANOMALY4J_DATA. */
    record Labelled(String name, double[][] x, boolean[] anomaly) {
    }

    static Labelled adbench(String name) {
        Table t = Csv.read(Datasets.fromEnvironment().resolve("adbench/" + name), CsvOptions.defaults());
        String[] cols = t.columnNames().stream().filter(c -> c.startsWith("x")).toArray(String[]::new);
        double[][] x = Inputs.matrix(t, cols);
        NumericColumn<?> label = t.numberColumn("label");
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = label.getDouble(i) == 1;
        }
        return new Labelled(name, x, y);
    }

    /** |expected − actual| ≤ tol · max(1, |expected|) for every element, with the first failure named. */
    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tol * scale)) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i] + " (tolerance " + tol
                        + " relative)");
            }
        }
    }

    static void assertClose(double[][] expected, double[][] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }
}
