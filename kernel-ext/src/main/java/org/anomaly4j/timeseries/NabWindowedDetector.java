package org.anomaly4j.timeseries;

import java.util.ArrayList;
import java.util.List;

import org.anomaly4j.detect.Detector;
import org.anomaly4j.detect.Model;

/**
 * Runs any registered detector as a NAB detector: each row t becomes the vector of the last {@code window}
 * values (x_{t−w+1}, …, x_t) — a sliding-window embedding, so point detectors see the local shape — the
 * detector is fitted on the windows that end inside NAB's probationary period (the first 15 % of the series,
 * where NAB ignores detections and detectors may learn), and every window is then scored by that model. Each
 * score uses rows up to t only, as NAB requires. Raw scores are mapped into [0, 1] by 0.5 + 0.5·z / (1 + |z|),
 * z = (s − mean) / sd with mean and sd of the probationary scores: monotone and, unlike a logistic, not
 * saturating to 1.0 for large z, so NAB's threshold sweep sees the detector's own ranking. Rows before the first
 * full window score 0. A series on which the detector cannot be fitted (for example a constant probationary period
 * for the z-score) scores 0.5 everywhere, and {@link #failures()} says why.
 */
public final class NabWindowedDetector implements NabDetector {

    private final Detector<?> detector;
    private final int window;
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * @param detector any detector (its options as given)
     * @param window   values per row vector, ≥ 1
     */
    public NabWindowedDetector(Detector<?> detector, int window) {
        if (detector == null) {
            throw new IllegalArgumentException("detector must not be null");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        this.detector = detector;
        this.window = window;
    }

    /** Why the detector could not be fitted on some series (their scores are all 0.5: no ranking). */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public String name() {
        return detector.name() + "-w" + window;
    }

    @Override
    public double[] scores(long[] epochMillis, double[] values) {
        int n = values.length;
        double[] out = new double[n];
        int probation = NabScorer.probationaryLength(n);
        int first = window - 1;
        if (probation - first < Math.max(3, window + 1)) {
            throw new IllegalArgumentException("the series has " + n + " rows: its probationary period ("
                    + probation + " rows) holds too few windows of " + window + " values to fit " + detector.name());
        }
        double[][] rows = new double[n - first][window];
        for (int t = first; t < n; t++) {
            System.arraycopy(values, t - first, rows[t - first], 0, window);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < window; j++) {
            names.add("lag" + (window - 1 - j));
        }
        double[][] train = java.util.Arrays.copyOf(rows, probation - first);
        Model m;
        try {
            m = detector.fit(train, names);
        } catch (IllegalArgumentException e) {
            // e.g. a constant probationary period: no information, so no ranking (reported by failures())
            failures.add(e.getMessage());
            java.util.Arrays.fill(out, 0.5);
            return out;
        }
        double[] fitted = m.trainingScores();
        double mean = 0;
        for (double v : fitted) {
            mean += v;
        }
        mean /= fitted.length;
        double ss = 0;
        for (double v : fitted) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / fitted.length);
        double[] s = m.score(rows);
        for (int t = first; t < n; t++) {
            double z = sd > 0 ? (s[t - first] - mean) / sd : 0;
            out[t] = 0.5 + 0.5 * z / (1 + Math.abs(z));
        }
        return out;
    }
}
