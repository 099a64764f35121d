package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linear, poly and sigmoid kernels against scikit-learn's OneClassSVM (golden/ocsvm/kernels.json, made by
 * gen_ocsvm_kernels.py). Tolerance 1e-9 relative to the largest |decision| (at least 1): the same SMO on the same
 * float-rounded kernel columns; only tanh/exp and the summation of the scoring may differ in the last bits.
 */
class OneClassSvmKernelsTest {

    @Test
    void decisionValuesEqualScikitLearnForEveryKernel(@TempDir Path dir) throws Exception {
        JsonNode g;
        try (InputStream in = getClass().getResourceAsStream("/golden/ocsvm/kernels.json")) {
            g = new ObjectMapper().readTree(in);
        }
        ObjectMapper json = new ObjectMapper();
        double[][] x = json.treeToValue(g.get("x"), double[][].class);
        double[][] probes = json.treeToValue(g.get("probes"), double[][].class);
        int checked = 0;
        for (JsonNode c : g.get("cases")) {
            JsonNode p = c.get("params");
            OneClassSvm d = OneClassSvm.with().kernel(p.get("kernel").asText()).nu(p.get("nu").asDouble());
            if (p.has("gamma")) {
                d = d.gamma(p.get("gamma").asText());
            }
            if (p.has("degree")) {
                d = d.degree(p.get("degree").asInt());
            }
            if (p.has("coef0")) {
                d = d.coef0(p.get("coef0").asDouble());
            }
            OneClassSvm.OneClassSvmModel m = d.fit(x);
            String what = p.toString();
            assertEquals(c.get("n_support").asInt(), m.supportCount(), what);
            assertEquals(c.get("gamma").asDouble(), m.gamma(), 1e-15 * c.get("gamma").asDouble(), what);
            double[] want = json.treeToValue(c.get("decision"), double[].class);
            double[] wantProbe = json.treeToValue(c.get("probe_decision"), double[].class);
            compare(want, m.decisionFunction(x), what);
            compare(wantProbe, m.decisionFunction(probes), what + " probes");
            // save -> load keeps the kernel and the scores
            Path f = dir.resolve("k" + checked + ".json");
            m.save(f);
            Model back = Detectors.load(f);
            assertEquals(m.options(), back.options(), what);
            compare(want, negate(back.score(x)), what + " reloaded");
            checked++;
        }
        assertEquals(7, checked);
    }

    private static double[] negate(double[] s) {
        double[] out = s.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }

    private static void compare(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what);
        double scale = 1;
        for (double v : want) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < want.length; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= 1e-9 * scale,
                    what + " row " + i + ": scikit-learn " + want[i] + ", anomaly4j " + got[i]);
        }
    }
}
