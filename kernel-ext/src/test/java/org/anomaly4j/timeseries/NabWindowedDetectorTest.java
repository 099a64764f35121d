package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.anomaly4j.detect.IsolationForest;
import org.anomaly4j.detect.ZScore;
import org.junit.jupiter.api.Test;

class NabWindowedDetectorTest {

    static double[] series() {
        java.util.Random r = new java.util.Random(4);
        double[] x = new double[600];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i / 10.0) + 0.1 * r.nextGaussian();
        }
        x[400] += 6;
        return x;
    }

    @Test
    void scoresAreCausalBoundedAndFindTheSpike() {
        double[] x = series();
        double[] before = x.clone();
        long[] t = new long[x.length];
        NabWindowedDetector d = new NabWindowedDetector(IsolationForest.with().seed(1), 5);
        assertEquals("isolation-forest-w5", d.name());
        double[] s = d.scores(t, x);
        assertArrayEquals(before, x, 0.0, "input unchanged");
        assertTrue(Arrays.stream(s).allMatch(v -> v >= 0 && v <= 1));
        // the z-score of the windows grows with the spike's size: its five windows score highest
        double[] z = new NabWindowedDetector(ZScore.with(), 5).scores(t, x);
        int top = 0;
        for (int i = 1; i < z.length; i++) {
            top = z[i] > z[top] ? i : top;
        }
        assertTrue(top >= 400 && top < 405, "the spike's windows score highest, got row " + top);
        assertEquals(0, s[3], 0.0, "rows before the first full window score 0");
        // causal: changing later rows leaves every earlier score as it was
        double[] y = x.clone();
        for (int i = 500; i < y.length; i++) {
            y[i] = 100;
        }
        double[] s2 = d.scores(t, y);
        assertArrayEquals(Arrays.copyOf(s, 500), Arrays.copyOf(s2, 500), 0.0);
    }

    @Test
    void badInputIsReported() {
        assertThrows(IllegalArgumentException.class, () -> new NabWindowedDetector(ZScore.with(), 0));
        assertThrows(IllegalArgumentException.class, () -> new NabWindowedDetector(null, 3));
        String msg = assertThrows(IllegalArgumentException.class,
                () -> new NabWindowedDetector(ZScore.with(), 5).scores(new long[20], new double[20])).getMessage();
        assertTrue(msg.contains("probationary"), msg);
        // a constant probationary period cannot be fitted by the z-score: no ranking, and the reason is kept
        NabWindowedDetector z = new NabWindowedDetector(ZScore.with(), 3);
        double[] flat = new double[300];
        flat[250] = 5;
        assertTrue(Arrays.stream(z.scores(new long[300], flat)).allMatch(v -> v == 0.5));
        assertEquals(1, z.failures().size());
        assertTrue(z.failures().get(0).contains("constant"), z.failures().get(0));
    }
}
