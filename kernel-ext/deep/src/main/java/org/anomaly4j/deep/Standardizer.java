package org.anomaly4j.deep;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Per-feature standardisation recorded in a deep model: z = (x − mean) / scale with the training mean and
 * population standard deviation (numpy {@code std(ddof=0)}, scikit-learn's {@code StandardScaler}); a constant
 * feature gets scale 1 (scikit-learn does the same), so it becomes 0. Identity when switched off.
 */
record Standardizer(double[] mean, double[] scale) {

    static Standardizer fit(double[][] x, boolean on) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, 1);
        if (!on) {
            return new Standardizer(mean, scale);
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= x.length;
        }
        double[] ss = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double u = row[j] - mean[j];
                ss[j] += u * u;
            }
        }
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(ss[j] / x.length);
            scale[j] = s > 0 ? s : 1;
        }
        return new Standardizer(mean, scale);
    }

    double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (row[j] - mean[j]) / scale[j];
        }
        return z;
    }

    /** Rows {@code from .. from + count − 1} standardised. */
    double[][] apply(double[][] x, int from, int count) {
        double[][] z = new double[count][];
        for (int i = 0; i < count; i++) {
            z[i] = apply(x[from + i]);
        }
        return z;
    }

    /** The rows standardised, as float32 (what the network trains on). */
    float[][] floats(double[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            float[] z = new float[row.length];
            for (int j = 0; j < z.length; j++) {
                z[j] = (float) ((row[j] - mean[j]) / scale[j]);
            }
            out[i] = z;
        }
        return out;
    }

    void write(StateWriter s) {
        s.put("mean", mean).put("scale", scale);
    }

    static Standardizer read(StateReader s, int d) {
        double[] mean = s.numbers("mean", d);
        double[] scale = s.numbers("scale", d);
        for (int j = 0; j < d; j++) {
            if (!(scale[j] > 0)) {
                throw s.bad("scale", "must be positive, got " + scale[j] + " at feature " + j);
            }
        }
        return new Standardizer(mean, scale);
    }
}
