package org.anomaly4j.detect.density;

/** Histogram bin edges as numpy makes them ({@code np.histogram} with a bin count), shared by HBOS and LODA. */
final class Linspace {

    private Linspace() {
    }

    /**
     * np.linspace(lo, hi, b + 1): j·step + lo with step = (hi − lo)/b, the last edge exactly hi; when the step
     * underflows to 0 numpy multiplies by the width after dividing (gh-5437), and so does this.
     */
    static double[] edges(double lo, double hi, int b) {
        double[] e = new double[b + 1];
        double delta = hi - lo;
        double step = delta / b;
        for (int j = 0; j < b; j++) {
            e[j] = (step == 0 ? j / (double) b * delta : j * step) + lo;
        }
        e[b] = hi;
        return e;
    }
}
