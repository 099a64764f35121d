package org.anomaly4j.timeseries;

/**
 * A detector that sees a stream one value at a time in bounded memory and answers at once: the streaming form
 * of a batch chart, giving exactly the batch scores point by point (same operations in the same order).
 * Instances are stateful and not thread-safe; use one per stream.
 */
public interface OnlineDetector {

    /** The score of one point (NaN while warming up, higher = more anomalous) and whether it raises an alert. */
    record Alert(double score, boolean alert) {
    }

    /**
     * Takes the next value of the stream.
     *
     * @throws IllegalArgumentException a NaN or infinite value (the state is left unchanged)
     */
    Alert update(double value);

    /** Number of values seen. */
    long count();

    /** Scores a whole series through a fresh stream: the batch form, for tests and replay. */
    static double[] scores(OnlineDetector detector, double[] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = detector.update(x[i]).score();
        }
        return s;
    }

    /** Rejects a NaN or infinite stream value, naming its position. */
    static void checkValue(double value, long position) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("stream value " + position + " is " + value
                    + "; fill or skip missing values before update(...)");
        }
    }
}
