package org.anomaly4j.detect.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.anomaly4j.datasets.Datasets;

/** Reads the goldens of gen_neighbors.py and the shared data tables they were computed on. */
final class NeighborsGolden {

    /**
     * Relative tolerance against scikit-learn: distances are bit-identical (same operations in the same order),
     * and means are summed in numpy's pairwise order, so the scores are expected equal to the last bit; 1e-9
     * still catches any semantic slip (a wrong k, a missing 1e-10, a mean of sums instead of ratios) by many
     * orders of magnitude while not depending on the last bit of a division.
     */
    static final double REL_TOL = 1e-9;

    private NeighborsGolden() {
    }

    static JsonNode json(String name) {
        try (InputStream in = NeighborsGolden.class.getResourceAsStream("/golden/neighbors/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] vector(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode a) {
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(a.get(i));
        }
        return m;
    }

    static int[][] intMatrix(JsonNode a) {
        int[][] m = new int[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new int[a.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = a.get(i).get(j).asInt();
            }
        }
        return m;
    }

    /** Asserts |ours − theirs| ≤ tol · max(1, |theirs|) elementwise; returns the largest relative error seen. */
    static double assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
            worst = Math.max(worst, err);
            int row = i;
            assertTrue(err <= tol, () -> what + " row " + row + ": expected " + expected[row] + ", got " + actual[row]);
        }
        return worst;
    }

    static double[] negate(double[] a) {
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = -r[i];
        }
        return r;
    }

    /** A numeric table from {@code $ANOMALY4J_DATA}: the columns whose names pass {@code keep}, as rows. */
    static double[][] table(String file, char separator, Predicate<String> keep) {
        Path p = Datasets.fromEnvironment().resolve(file);
        try {
            List<String> lines = Files.readAllLines(p);
            String[] header = lines.get(0).split(String.valueOf(separator));
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < header.length; j++) {
                if (keep.test(header[j])) {
                    cols.add(j);
                }
            }
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(String.valueOf(separator), -1);
                double[] r = new double[cols.size()];
                for (int j = 0; j < r.length; j++) {
                    r[j] = Double.parseDouble(f[cols.get(j)]);
                }
                rows.add(r);
            }
            return rows.toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The label column (1 = anomaly) of an ADBench table ({@code "38_thyroid.csv"}). */
    static boolean[] labels(String file) {
        double[][] y = table("adbench/" + file.replace(".csv", ""), ',', "label"::equals);
        boolean[] b = new boolean[y.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = y[i][0] == 1;
        }
        return b;
    }

    static double[][] hive17() {
        return table("beehives/Hive17", ';', c -> c.equals("T17") || c.equals("RH17"));
    }

    static double[][] adbench(String file) {
        return table("adbench/" + file.replace(".csv", ""), ',', c -> c.startsWith("x"));
    }
}
