package org.anomaly4j.detect.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.anomaly4j.TestData;

/**
 * The goldens of {@code gen_clusters.py} and the data they were computed on: Hive17 T17/RH17 standardised with
 * scikit-learn's mean and scale from the golden (so the rows are the same bits), and 38_thyroid raw.
 */
public final class ClusterGolden {

    private ClusterGolden() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = ClusterGolden.class.getResourceAsStream("/golden/clusters/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden/clusters/" + name + " is missing; run gen_clusters.py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows a golden file was computed on: "hive17" or "thyroid". */
    public static double[][] data(String kase) {
        if (kase.equals("hive17")) {
            JsonNode g = load("hive17.json");
            double[] mean = vector(g.get("mean"));
            double[] scale = vector(g.get("scale"));
            double[][] x = csv("beehives/Hive17.csv", ";", List.of("T17", "RH17"));
            for (double[] row : x) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (row[j] - mean[j]) / scale[j]; // StandardScaler.transform, same operations
                }
            }
            return x;
        }
        return csv("adbench/38_thyroid.csv", ",", List.of("x0", "x1", "x2", "x3", "x4", "x5"));
    }

    /** An ADBench table's feature columns x0, x1, … ({@code name} like "4_breastw"). */
    public static double[][] adbench(String name) {
        String file = "adbench/" + name + ".csv";
        List<String> cols = new ArrayList<>();
        try {
            for (String c : Files.readAllLines(TestData.root().resolve(file)).get(0).split(",")) {
                if (c.startsWith("x")) {
                    cols.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv(file, ",", cols);
    }

    /** An ADBench table's labels (1 = anomaly). */
    public static boolean[] adbenchLabels(String name) {
        double[][] y = csv("adbench/" + name + ".csv", ",", List.of("label"));
        boolean[] b = new boolean[y.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = y[i][0] == 1;
        }
        return b;
    }

    private static double[][] csv(String file, String sep, List<String> columns) {
        try {
            List<String> lines = Files.readAllLines(TestData.root().resolve(file));
            List<String> header = List.of(lines.get(0).split(sep));
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(sep, -1);
                double[] r = new double[columns.size()];
                for (int j = 0; j < r.length; j++) {
                    r[j] = Double.parseDouble(f[header.indexOf(columns.get(j))]);
                }
                rows.add(r);
            }
            return rows.toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] vector(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    public static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    public static double[][] matrix(JsonNode a) {
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(a.get(i));
        }
        return m;
    }

    /** |expected − actual| ≤ tol · max(1, |expected|) elementwise; returns the largest such relative error. */
    public static double assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
            worst = Math.max(worst, err);
            int row = i;
            assertTrue(err <= tol, () -> what + " [" + row + "]: expected " + expected[row] + ", got " + actual[row]);
        }
        return worst;
    }
}
