package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The blocked scoring loop of {@link DenseStack} gives exactly (bit for bit) what the textbook loop gives —
 * y_o = b_o + Σ_i w_oi a_i summed in input order, ReLU between layers — for every row, whatever the number of
 * rows or the layer widths (odd row counts, widths that are not multiples of the 2 × 4 tile, more rows than
 * one block).
 */
class DenseStackTest {

    /** The plain dot-product form, written independently of DenseStack. */
    private static double[] reference(int[] in, int[] out, double[][] w, double[][] b, double[] x) {
        double[] a = x;
        for (int k = 0; k < w.length; k++) {
            double[] y = new double[out[k]];
            for (int o = 0; o < out[k]; o++) {
                double s = b[k][o];
                for (int i = 0; i < in[k]; i++) {
                    s += w[k][o * in[k] + i] * a[i];
                }
                y[o] = k < w.length - 1 ? Math.max(s, 0) : s;
            }
            a = y;
        }
        return a;
    }

    @Test
    void blockedForwardIsBitIdenticalToTheDotProductForm() {
        SplittableRandom rnd = new SplittableRandom(3);
        int[] sizes = {7, 13, 5, 6, 11};
        int d = 9;
        int[] in = new int[sizes.length];
        int[] out = new int[sizes.length];
        double[][] w = new double[sizes.length][];
        double[][] b = new double[sizes.length][];
        int prev = d;
        for (int k = 0; k < sizes.length; k++) {
            in[k] = prev;
            out[k] = sizes[k];
            w[k] = rnd.doubles((long) in[k] * out[k], -1, 1).toArray();
            b[k] = rnd.doubles(out[k], -1, 1).toArray();
            prev = sizes[k];
        }
        DenseStack net = new DenseStack(in, out, w, b);
        for (int n : new int[] {1, 2, 3, DenseStack.BLOCK + 5}) {
            double[][] x = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.doubles(d, -2, 2).toArray();
            }
            double[][] got = net.forward(x);
            assertEquals(n, got.length);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(reference(in, out, w, b, x[i]), got[i], 0.0, "row " + i + " of " + n);
                assertArrayEquals(got[i], net.forward(x[i]), 0.0);
            }
        }
    }
}
