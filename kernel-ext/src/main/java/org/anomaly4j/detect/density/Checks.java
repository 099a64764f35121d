package org.anomaly4j.detect.density;

import org.anomaly4j.features.Matrices;

/** Boundary checks shared by the cores: inner loops then trust the arrays. */
final class Checks {

    private Checks() {
    }

    /** Rectangular, finite, at least {@code minRows} rows; returns the width. */
    static int fit(double[][] x, int minRows, String algorithm) {
        int d = Matrices.width(x);
        if (x.length < minRows) {
            throw new IllegalArgumentException(algorithm + " needs at least " + minRows + " rows to fit, got "
                    + x.length);
        }
        return d;
    }

    /** Rectangular, finite, and as wide as the data the model was fitted on. */
    static void score(double[][] x, int d, String algorithm) {
        int w = Matrices.width(x);
        if (w != d) {
            throw new IllegalArgumentException(algorithm + " was fitted on " + d + " columns but the data to score has "
                    + w + "; pass the same columns in the same order");
        }
    }

    static void range(String name, double value, double lo, boolean loOpen, double hi, boolean hiOpen) {
        boolean ok = (loOpen ? value > lo : value >= lo) && (hiOpen ? value < hi : value <= hi);
        if (!ok || Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be in " + (loOpen ? "(" : "[") + lo + ", " + hi
                    + (hiOpen ? ")" : "]") + ", got " + value);
        }
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** A state array from a model file: non-null, {@code rows} rows of {@code cols} finite values; a copy. */
    static double[][] state(String name, double[][] a, int rows, int cols) {
        if (a == null || a.length != rows) {
            throw new IllegalArgumentException(name + " must have " + rows + " rows, got "
                    + (a == null ? "null" : a.length));
        }
        for (int i = 0; i < rows; i++) {
            state(name + "[" + i + "]", a[i], cols);
        }
        return copy(a);
    }

    static double[] state(String name, double[] a, int length) {
        if (a == null || a.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " values, got "
                    + (a == null ? "null" : a.length));
        }
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + a[i] + "; the state is corrupt");
            }
        }
        return a.clone();
    }
}
