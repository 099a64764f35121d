package org.anomaly4j.timeseries;

/**
 * Mean and sample standard deviation (ddof 1) of the last {@code capacity} values of a stream in O(1) amortised
 * time per value: Welford's update when the window grows, the sliding form of it when a value replaces the
 * oldest, and an exact two-pass recomputation every {@code capacity} values, so that rounding cannot drift
 * however long the stream. A window of equal values (tracked by the run of equal recent values, as pandas does)
 * has exactly that mean and sd 0. The batch rolling z-score and its online form both run on this class, which
 * makes them agree bit for bit.
 */
final class RollingMoments {

    private final double[] ring;
    private final double[] scratch = new double[3];
    private int head; // index of the oldest value
    private int size;
    private double mean;
    private double m2; // sum of squared deviations from the mean
    private int sinceExact;
    private int sameRun;
    private double last = Double.NaN;

    RollingMoments(int capacity) {
        this.ring = new double[capacity];
    }

    /** Number of values in the window. */
    int size() {
        return size;
    }

    /** Mean of the window (NaN when empty). */
    double mean() {
        if (size == 0) {
            return Double.NaN;
        }
        return sameRun >= size ? last : mean;
    }

    /** Sample standard deviation of the window (NaN below 2 values, 0 for equal values). */
    double sd() {
        if (size < 2) {
            return Double.NaN;
        }
        return sameRun >= size ? 0 : Math.sqrt(Math.max(0, m2) / (size - 1));
    }

    /** Appends {@code x}, dropping the oldest value when the window is full. */
    void add(double x) {
        if (size < ring.length) {
            ring[(head + size) % ring.length] = x;
            size++;
            double delta = x - mean;
            mean += delta / size;
            m2 += delta * (x - mean);
        } else {
            double old = ring[head];
            ring[head] = x;
            head = head + 1 == ring.length ? 0 : head + 1;
            double previous = mean;
            mean = previous + (x - old) / size;
            m2 += (x - old) * (x - mean + old - previous);
        }
        sameRun = x == last ? sameRun + 1 : 1;
        last = x;
        if (++sinceExact == ring.length) {
            sinceExact = 0;
            WindowStats.moments(ring, head, size, ring.length, scratch);
            mean = scratch[0];
            m2 = scratch[1];
        }
    }
}
