package org.anomaly4j.deep;

import org.anomaly4j.detect.Param;

/**
 * How {@link LstmAutoencoder} turns the reconstruction errors of its sliding windows into one score per time
 * point. Write e(k, t) for the squared reconstruction error at position t of window k, averaged over the
 * features, and W(i) for the windows that cover point i (i = start(k) + t):
 * <ul>
 *   <li>{@code point-error} (the default): score(i) = mean over k ∈ W(i) of e(k, i − start(k)) — the point's
 *   <em>own</em> error, averaged over the windows that contain it. This is the per-point error of Malhotra et
 *   al. (2016), who score each time step by its own reconstruction error e(i) = |x(i) − x'(i)|, extended to
 *   overlapping windows by averaging (the mean, not the maximum, because a point near a window's edge is
 *   reconstructed worse than in the middle of another window; the mean evens that out, the maximum would pick
 *   it). A single-reading spike keeps its full squared error instead of a 1/window share of it.</li>
 *   <li>{@code window-mean}: score(i) = mean over k ∈ W(i) of the window score m(k) = mean over t of e(k, t)
 *   — the behaviour before this option existed, and what model files without {@code pointScore} were fitted
 *   with. It smooths over a window, so it suits changes that last (level shifts) and dilutes isolated points.</li>
 *   <li>{@code causal}: score(i) = e(i − window + 1, window − 1), the error of point i as the <em>last</em>
 *   step of the window that ends at it, so the score uses rows up to i only, as live monitoring and the
 *   Numenta Anomaly Benchmark require. Scoring then uses every window (stride 1) whatever {@code stride}
 *   trained the model; the first window − 1 rows, which no window ends at, take their error in the first
 *   window (they see rows up to window − 1).</li>
 * </ul>
 * <p><b>Reference.</b> P. Malhotra, A. Ramakrishnan, G. Anand, L. Vig, P. Agarwal, G. Shroff (2016),
 * "LSTM-based Encoder-Decoder for Multi-sensor Anomaly Detection", ICML Anomaly Detection Workshop,
 * arXiv:1607.00148, section 2.2 (they model e(i) with a normal distribution; here the raw error is the score).
 */
public enum PointScore {
    POINT_ERROR("point-error"), WINDOW_MEAN("window-mean"), CAUSAL("causal");

    /**
     * The parameter {@code pointScore}. Added after LSTM model files were first written: a file without it was
     * fitted (and thresholded) with {@code window-mean}, so it loads with that, whatever the default.
     */
    static final Param<PointScore> PARAM = Param.of("pointScore", "point-error|window-mean|causal", POINT_ERROR,
            "\"point-error\", \"window-mean\" or \"causal\"",
            "time point's score: its own error over the windows covering it, the mean error of those windows, or its error as the last step of the window ending at it",
            PointScore::parse, v -> v instanceof String s ? parse(s) : null, PointScore::toString)
            .sinceVersion(WINDOW_MEAN);

    private final String text;

    PointScore(String text) {
        this.text = text;
    }

    /** The parameter's text form: "point-error", "window-mean" or "causal". */
    @Override
    public String toString() {
        return text;
    }

    static PointScore parse(String text) {
        for (PointScore p : values()) {
            if (p.text.equals(text.trim())) {
                return p;
            }
        }
        return null;
    }

    /** The rows between the starts of the windows this mapping scores. */
    int scoringStride(int stride) {
        return this == CAUSAL ? 1 : stride;
    }

    /**
     * One score per point from the windows' errors.
     *
     * @param pointErrors  e(k, t): per window k, the error at each of its positions (mean over features)
     * @param windowScores m(k): per window, its mean error (computed by the caller in one pass over the window)
     * @param starts       first row of each window, ascending; together the windows cover rows 0..n−1 (for
     *                     {@code causal}, every row from 0 to n − window starts one)
     * @param n            the series' length
     */
    double[] map(double[][] pointErrors, double[] windowScores, int[] starts, int n) {
        int window = pointErrors[0].length;
        double[] out = new double[n];
        if (this == CAUSAL) {
            System.arraycopy(pointErrors[0], 0, out, 0, window - 1);
            for (int k = 0; k < starts.length; k++) {
                out[starts[k] + window - 1] = pointErrors[k][window - 1];
            }
            return out;
        }
        int[] count = new int[n];
        for (int k = 0; k < starts.length; k++) {
            double[] e = pointErrors[k];
            int s = starts[k];
            for (int t = 0; t < window; t++) {
                out[s + t] += this == POINT_ERROR ? e[t] : windowScores[k];
                count[s + t]++;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] /= count[i];
        }
        return out;
    }
}
