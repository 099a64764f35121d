package org.anomaly4j.timeseries;

/**
 * Mean and sample standard deviation (ddof 1) of {@code count} consecutive values of a buffer read from
 * {@code from} with wrap-around at {@code capacity}: the centred rolling z-score, the EWMA training
 * estimate and the exact refresh of {@link RollingMoments}. Two passes (mean, then squared deviations) in time order: no cancellation, no drift. A window of equal
 * values has exactly that mean and sd 0 (as pandas, which counts runs of equal values), not sum/count's
 * rounding of it.
 */
final class WindowStats {

    private WindowStats() {
    }

    /** {mean, sd} into {@code out}; sd is NaN for fewer than 2 values. */
    static void meanAndStd(double[] buf, int from, int count, int capacity, double[] out) {
        double[] m = new double[3];
        moments(buf, from, count, capacity, m);
        out[0] = m[0];
        out[1] = count < 2 ? Double.NaN : m[2] == 1 ? 0 : Math.sqrt(m[1] / (count - 1));
    }

    /**
     * {mean, sum of squared deviations, 1 if all values are equal else 0} into {@code out}; a window of equal
     * values has exactly that mean and 0.
     */
    static void moments(double[] buf, int from, int count, int capacity, double[] out) {
        // The window as two contiguous runs: [from, from + n1) and, after wrapping, [0, count − n1).
        int n1 = Math.min(count, capacity - from);
        int n2 = count - n1;
        double first = buf[from];
        double sum = 0;
        boolean constant = true;
        for (int i = from; i < from + n1; i++) {
            sum += buf[i];
            constant &= buf[i] == first;
        }
        for (int i = 0; i < n2; i++) {
            sum += buf[i];
            constant &= buf[i] == first;
        }
        if (constant) {
            out[0] = first;
            out[1] = 0;
            out[2] = 1;
            return;
        }
        double mean = sum / count;
        double ss = 0;
        for (int i = from; i < from + n1; i++) {
            double d = buf[i] - mean;
            ss += d * d;
        }
        for (int i = 0; i < n2; i++) {
            double d = buf[i] - mean;
            ss += d * d;
        }
        out[0] = mean;
        out[1] = ss;
        out[2] = 0;
    }

    /** |x − mean| / sd, with 0/0 = 0 (a value equal to a constant window) and d/0 = +∞. */
    static double zScore(double x, double mean, double sd) {
        double d = Math.abs(x - mean);
        if (sd == 0) {
            return d == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return d / sd;
    }
}
