package org.anomaly4j.timeseries;

import tech.tablesaw.api.Table;

/**
 * Rolling z-score: a point is anomalous when it lies more than k standard deviations from the mean of its
 * recent past (a Shewhart individuals chart with moving limits).
 * <p><b>Method.</b> Trailing (the default, usable online): the window is the {@code window} values
 * <em>before</em> t, so the point being judged does not inflate its own baseline,
 * <pre>  m_t = mean(x_{t−w} .. x_{t−1}),  s_t = sd(x_{t−w} .. x_{t−1}) (ddof 1),  score_t = |x_t − m_t| / s_t</pre>
 * with fewer values at the start (at least {@code minPeriods}; NaN before). Centred: the pandas
 * {@code rolling(window, center=True)} window around t, which includes x_t (for batch review only). Limits:
 * m_t ± k·s_t; flag: score &gt; k. A constant window gives score 0 for an equal value and +∞ otherwise.
 * <p><b>pandas equivalent</b> (trailing): {@code (x - x.rolling(w, min_periods=p).mean().shift(1)).abs() /
 * x.rolling(w, min_periods=p).std().shift(1)}; centred: the same without {@code shift(1)} and with
 * {@code center=True}. Equal to pandas within 1e-9 relative: the trailing window is updated like pandas'
 * (Welford's add/remove) but recomputed exactly every {@code window} values (see {@link RollingMoments}); the
 * centred window takes two passes per point.
 * <p><b>Parameters:</b> {@code window} (required, ≥ 2), {@code minPeriods} = window (2..window),
 * {@code center} = false, {@code k} = 3 (the Shewhart 3σ limits).
 * <p><b>Complexity.</b> Trailing O(n) time (O(1) amortised per value, batch or online), centred O(n·window);
 * O(n) memory for the chart, O(window) online.
 * <p><b>Reference.</b> W. A. Shewhart (1931), "Economic Control of Quality of Manufactured Product"; D. C.
 * Montgomery (2019), "Introduction to Statistical Quality Control", 8th ed., §6.4 (individuals charts).
 *
 * @param window     number of values in the window (0 = not set yet)
 * @param minPeriods fewest values needed for a score (0 = window)
 * @param center     centred window (batch only) instead of the trailing one
 * @param k          limit width in standard deviations
 */
public record RollingZScore(int window, int minPeriods, boolean center, double k) {

    /** Shewhart's 3σ limits. */
    public static final double DEFAULT_K = 3;

    public RollingZScore {
        if (window != 0 && window < 2) {
            throw new IllegalArgumentException("window must be >= 2 (a standard deviation needs 2 values), got "
                    + window);
        }
        if (minPeriods != 0 && (minPeriods < 2 || (window > 0 && minPeriods > window))) {
            throw new IllegalArgumentException("minPeriods must be in [2, window], got " + minPeriods);
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be finite and > 0, got " + k);
        }
    }

    /** Defaults: trailing window, minPeriods = window, k = 3; set the window. */
    public static RollingZScore with() {
        return new RollingZScore(0, 0, false, DEFAULT_K);
    }

    /** Values per window, ≥ 2. */
    public RollingZScore window(int w) {
        return new RollingZScore(w, minPeriods, center, k);
    }

    /** Fewest values in a window for a score, in [2, window] (pandas {@code min_periods}). */
    public RollingZScore minPeriods(int p) {
        if (p < 2) {
            throw new IllegalArgumentException("minPeriods must be in [2, window], got " + p);
        }
        return new RollingZScore(window, p, center, k);
    }

    /** Centred window including the point (pandas {@code center=True}); batch only. */
    public RollingZScore center(boolean on) {
        return new RollingZScore(window, minPeriods, on, k);
    }

    /** Limit width in standard deviations, &gt; 0. */
    public RollingZScore k(double width) {
        return new RollingZScore(window, minPeriods, center, width);
    }

    private int minimum() {
        return minPeriods == 0 ? window : minPeriods;
    }

    private void requireWindow() {
        if (window == 0) {
            throw new IllegalArgumentException("the rolling z-score needs a window: RollingZScore.with().window(48)");
        }
    }

    /** The chart of {@code x} (left unchanged). */
    public ControlChart apply(double[] x) {
        return apply(x, "series");
    }

    /** The chart of a numeric column of a table, in row order. */
    public ControlChart apply(Table table, String column) {
        return apply(SeriesInput.values(table, column), SeriesInput.columnName(column));
    }

    private ControlChart apply(double[] x, String what) {
        requireWindow();
        SeriesInput.checkFinite(x, what, 1, "a chart needs values");
        int n = x.length;
        int minimum = minimum();
        double[] centre = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] score = new double[n];
        boolean[] flags = new boolean[n];
        if (!center) {
            // The same moments as the online form, in the same order: identical scores.
            RollingMoments window = new RollingMoments(this.window);
            for (int t = 0; t < n; t++) {
                if (window.size() < minimum) {
                    centre[t] = lower[t] = upper[t] = score[t] = Double.NaN;
                } else {
                    fill(t, x[t], window.mean(), window.sd(), centre, lower, upper, score, flags);
                }
                window.add(x[t]);
            }
            return new ControlChart(x, centre, lower, upper, score, flags);
        }
        double[] ms = new double[2];
        for (int t = 0; t < n; t++) {
            int from = Math.max(0, t - window / 2);
            int to = Math.min(n, t + (window - 1) / 2 + 1); // exclusive
            int count = to - from;
            if (count < minimum) {
                centre[t] = lower[t] = upper[t] = score[t] = Double.NaN;
                continue;
            }
            WindowStats.meanAndStd(x, from, count, n, ms);
            fill(t, x[t], ms[0], ms[1], centre, lower, upper, score, flags);
        }
        return new ControlChart(x, centre, lower, upper, score, flags);
    }

    private void fill(int t, double value, double mean, double sd, double[] centre, double[] lower, double[] upper,
                      double[] score, boolean[] flags) {
        centre[t] = mean;
        lower[t] = mean - k * sd;
        upper[t] = mean + k * sd;
        score[t] = WindowStats.zScore(value, mean, sd);
        flags[t] = score[t] > k;
    }

    /**
     * The streaming form (trailing window only): {@code update(x_t)} returns exactly the batch score of x_t,
     * keeping the last {@code window} values.
     */
    public OnlineDetector online() {
        requireWindow();
        if (center) {
            throw new IllegalArgumentException("a centred window needs future values; use center(false) online");
        }
        return new Online(window, minimum(), k);
    }

    /** The last {@code window} values' moments. */
    private static final class Online implements OnlineDetector {
        private final RollingMoments moments;
        private final int window;
        private final int minimum;
        private final double k;
        private long seen;

        Online(int window, int minimum, double k) {
            this.moments = new RollingMoments(window);
            this.window = window;
            this.minimum = minimum;
            this.k = k;
        }

        @Override
        public Alert update(double value) {
            OnlineDetector.checkValue(value, seen);
            double score = moments.size() >= minimum
                    ? WindowStats.zScore(value, moments.mean(), moments.sd()) : Double.NaN;
            moments.add(value);
            seen++;
            return new Alert(score, score > k);
        }

        @Override
        public long count() {
            return seen;
        }

        @Override
        public String toString() {
            return "RollingZScore.online[window=" + window + ", seen=" + seen + "]";
        }
    }

    @Override
    public String toString() {
        return "RollingZScore[window=" + window + ", minPeriods=" + minimum() + ", center=" + center + ", k=" + k
                + "]";
    }
}
