package org.anomaly4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Golden files of gen_eval.py (resources golden/eval, see its README) and the comparisons the tests share. */
final class EvalGolden {

    /**
     * Absolute tolerance. Every value is computed with the same floating-point operations in the same order as
     * scikit-learn (counts are exact integers, rates one division, areas numpy's trapezoid terms summed in numpy's
     * pairwise order), so the results are expected to be identical; 1e-12 leaves room only for a future change
     * of summation order on either side, far below any difference a metric could matter at.
     */
    static final double TOL = 1e-12;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalGolden() {
    }

    static JsonNode load(String file) {
        String path = "/golden/eval/" + file;
        try (InputStream in = EvalGolden.class.getResourceAsStream(path)) {
            assertTrue(in != null, "missing golden file " + path + "; run gen_eval.py");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asInt();
        }
        return out;
    }

    static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).isNull() ? Double.NaN : n.get(i).asDouble();
        }
        return out;
    }

    /** Expected number (null = NaN) against actual, within {@link #TOL}. */
    static void close(JsonNode expected, double actual, String what) {
        double e = expected == null || expected.isNull() ? Double.NaN : expected.asDouble();
        if (Double.isNaN(e)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        assertEquals(e, actual, TOL, what);
    }

    /** actual[rows[i]] against expected[i] for the stored subset of points. */
    static void closeAt(JsonNode rows, JsonNode expected, double[] actual, String what) {
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i).asInt();
            close(expected.get(i), actual[r], what + "[" + r + "]");
        }
    }
}
