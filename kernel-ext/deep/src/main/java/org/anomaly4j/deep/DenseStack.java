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
        double[] a = x;
        for (int k = 0; k < weight.length; k++) {
            double[] w = weight[k];
            double[] y = bias[k].clone();
            int n = in[k];
            for (int o = 0; o < out[k]; o++) {
                double s = y[o];
                int base = o * n;
                for (int i = 0; i < n; i++) {
                    s += w[base + i] * a[i];
                }
                y[o] = k < weight.length - 1 && s < 0 ? 0 : s;
            }
            a = y;
        }
        return a;
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
