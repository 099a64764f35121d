package org.anomaly4j.deep;

import java.util.List;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * A stack of dense layers y = W x + b, ReLU after every layer but the last: the trainable DJL block
 * ({@link #block}) and its fitted form, evaluated in plain Java in double precision from the float32 weights
 * (so a loaded model scores without starting the engine, and scoring is deterministic everywhere).
 * Weights are stored as DJL/PyTorch lay them out: {@code weight[o * in + i]} of shape (out, in).
 */
final class DenseStack {

    /** Rows per block of {@link #forward(double[][])}: the block's activations (≤ 64 KB per 32 features) stay in cache. */
    static final int BLOCK = 256;

    private final int[] in;
    private final int[] out;
    private final double[][] weight;
    private final double[][] bias;

    DenseStack(int[] in, int[] out, double[][] weight, double[][] bias) {
        this.in = in;
        this.out = out;
        this.weight = weight;
        this.bias = bias;
    }

    /** A decoder's sizes: the hidden sizes reversed, then the d outputs. */
    static int[] decoder(int[] hidden, int d) {
        int[] dec = new int[hidden.length + 1];
        for (int k = 0; k < hidden.length; k++) {
            dec[k] = hidden[hidden.length - 1 - k];
        }
        dec[hidden.length] = d;
        return dec;
    }

    /** The sizes followed by one more. */
    static int[] append(int[] sizes, int last) {
        int[] out = java.util.Arrays.copyOf(sizes, sizes.length + 1);
        out[sizes.length] = last;
        return out;
    }

    /** Linear(sizes[0]) → ReLU → Dropout → ... → Linear(last) (no activation or dropout after the last). */
    static SequentialBlock block(int[] sizes, double dropout) {
        SequentialBlock b = new SequentialBlock();
        for (int k = 0; k < sizes.length; k++) {
            b.add(Linear.builder().setUnits(sizes[k]).build());
            if (k < sizes.length - 1) {
                b.add(Activation.reluBlock());
                if (dropout > 0) {
                    b.add(Dropout.builder().optRate((float) dropout).build());
                }
            }
        }
        return b;
    }

    /** The layers {@code from..to-1} of trained weights, listed weight, bias, weight, bias, ... */
    static DenseStack of(Training.Result r, int from, int to) {
        int layers = to - from;
        int[] in = new int[layers];
        int[] out = new int[layers];
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        List<long[]> shapes = r.shapes();
        for (int k = 0; k < layers; k++) {
            long[] s = shapes.get(2 * (from + k));
            out[k] = (int) s[0];
            in[k] = (int) s[1];
            w[k] = toDouble(r.weights().get(2 * (from + k)));
            b[k] = toDouble(r.weights().get(2 * (from + k) + 1));
        }
        return new DenseStack(in, out, w, b);
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    int inputs() {
        return in[0];
    }

    int outputs() {
        return out[out.length - 1];
    }

    /** The network's output for one input (ReLU between layers, identity at the end). */
    double[] forward(double[] x) {
        return forward(new double[][] {x})[0];
    }

    /**
     * The network's outputs for many inputs. Each output is summed as bias + w₀a₀ + w₁a₁ + … in input order
     * (so the result does not depend on how rows are grouped), but rows go through in blocks of
     * {@link #BLOCK}, a layer at a time, and the inner loop computes 2 rows × 4 outputs at once: eight
     * independent sums keep the floating-point units busy where one running sum waits for each addition
     * (about 3× faster on the bench's 1e5 × 30 rows).
     */
    double[][] forward(double[][] x) {
        int width = in[0];
        for (int o : out) {
            width = Math.max(width, o);
        }
        double[] a = new double[width * BLOCK];
        double[] y = new double[width * BLOCK];
        double[][] result = new double[x.length][];
        int d = in[0];
        for (int from = 0; from < x.length; from += BLOCK) {
            int b = Math.min(BLOCK, x.length - from);
            for (int r = 0; r < b; r++) {
                System.arraycopy(x[from + r], 0, a, r * d, d);
            }
            for (int k = 0; k < weight.length; k++) {
                layer(k, a, y, b);
                double[] t = a;
                a = y;
                y = t;
            }
            int m = outputs();
            for (int r = 0; r < b; r++) {
                result[from + r] = java.util.Arrays.copyOfRange(a, r * m, r * m + m);
            }
        }
        return result;
    }

    /** Layer k on b rows stored row after row in {@code a} ({@code a[r * in + i]}); outputs into {@code y}. */
    private void layer(int k, double[] a, double[] y, int b) {
        double[] w = weight[k];
        double[] bk = bias[k];
        int n = in[k];
        int m = out[k];
        int r = 0;
        for (; r + 1 < b; r += 2) {
            int a0 = r * n;
            int a1 = a0 + n;
            int o = 0;
            for (; o + 3 < m; o += 4) {
                int w0 = o * n;
                int w1 = w0 + n;
                int w2 = w1 + n;
                int w3 = w2 + n;
                double s00 = bk[o], s01 = bk[o + 1], s02 = bk[o + 2], s03 = bk[o + 3];
                double s10 = s00, s11 = s01, s12 = s02, s13 = s03;
                for (int i = 0; i < n; i++) {
                    double x0 = a[a0 + i];
                    double x1 = a[a1 + i];
                    double v0 = w[w0 + i], v1 = w[w1 + i], v2 = w[w2 + i], v3 = w[w3 + i];
                    s00 += v0 * x0;
                    s01 += v1 * x0;
                    s02 += v2 * x0;
                    s03 += v3 * x0;
                    s10 += v0 * x1;
                    s11 += v1 * x1;
                    s12 += v2 * x1;
                    s13 += v3 * x1;
                }
                int y0 = r * m + o;
                int y1 = y0 + m;
                y[y0] = s00;
                y[y0 + 1] = s01;
                y[y0 + 2] = s02;
                y[y0 + 3] = s03;
                y[y1] = s10;
                y[y1 + 1] = s11;
                y[y1 + 2] = s12;
                y[y1 + 3] = s13;
            }
            for (; o < m; o++) {
                y[r * m + o] = dot(w, o * n, bk[o], a, a0, n);
                y[(r + 1) * m + o] = dot(w, o * n, bk[o], a, a1, n);
            }
        }
        for (; r < b; r++) {
            for (int o = 0; o < m; o++) {
                y[r * m + o] = dot(w, o * n, bk[o], a, r * n, n);
            }
        }
        if (k < weight.length - 1) {
            for (int j = 0; j < b * m; j++) {
                y[j] = y[j] < 0 ? 0 : y[j];
            }
        }
    }

    private static double dot(double[] w, int wi, double s, double[] a, int ai, int n) {
        for (int i = 0; i < n; i++) {
            s += w[wi + i] * a[ai + i];
        }
        return s;
    }

    /** Appends this stack's layers to the array {@code field}: shape [out, in], weight, bias. */
    void write(StateWriter s, String field) {
        s.emptyArray(field);
        for (int k = 0; k < weight.length; k++) {
            s.addObject(field).put("shape", new int[] {out[k], in[k]}).put("weight", weight[k]).put("bias", bias[k]);
        }
    }

    /**
     * Reads {@code layers} layers from {@code field}, checking the chain of shapes: the first takes
     * {@code inputs} values, each takes what the previous gives, the last gives {@code outputs}.
     */
    static DenseStack read(StateReader s, String field, int layers, int inputs, int outputs) {
        List<StateReader> list = s.objects(field, layers);
        int[] in = new int[layers];
        int[] out = new int[layers];
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        int expect = inputs;
        for (int k = 0; k < layers; k++) {
            StateReader o = list.get(k);
            int[] shape = o.ints("shape", 2, 1, Layers.MAX_SIZE);
            if (shape[1] != expect) {
                throw o.bad("shape", "takes " + shape[1] + " inputs but layer " + k + " receives " + expect);
            }
            out[k] = shape[0];
            in[k] = shape[1];
            w[k] = o.numbers("weight", shape[0] * shape[1]);
            b[k] = o.numbers("bias", shape[0]);
            expect = shape[0];
        }
        if (expect != outputs) {
            throw s.bad(field, "end with " + expect + " outputs, expected " + outputs);
        }
        return new DenseStack(in, out, w, b);
    }
}
