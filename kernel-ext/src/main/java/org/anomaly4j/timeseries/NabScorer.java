package org.anomaly4j.timeseries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Numenta Anomaly Benchmark score: rewards early detection inside labelled anomaly windows, charges
 * false positives and missed windows, with one threshold optimised over the whole corpus.
 * <p><b>Method</b> (Lavin &amp; Ahmad 2015, section 3; NAB's {@code nab/sweeper.py}). A row whose anomaly
 * score is ≥ the threshold is a detection. Each row t of a series gets a weight S(t):
 * <ul>
 *   <li>inside a window of width w (rows a..b): y = −(b − t + 1)/w ∈ [−1, 0), and
 *   S(t) = A_TP · σ'(y)/σ'(−1), with the scaled sigmoid σ'(y) = 2/(1 + e^{5y}) − 1 (NAB's
 *   {@code scaledSigmoid}; σ'(−1) = 0.98661, so a detection at the first row of a window earns exactly A_TP and
 *   one at the last row A_TP·σ'(−1/w)/σ'(−1), close to 0);</li>
 *   <li>after a window (last row b, width w) and before the next: y = (t − b)/(w − 1) and
 *   S(t) = A_FP · σ'(y), with σ'(y) = −1 for y &gt; 3 — a detection just after a window costs little, one a
 *   window's width or more later almost A_FP;</li>
 *   <li>before the first window of a series: S(t) = −A_FP.</li>
 * </ul>
 * Rows of the probationary period, the first min(⌊0.15·n⌋, 750) rows of a series (NAB's
 * {@code probationPercent} = 0.15, capped at 0.15·5000 rows), are ignored. The raw score is
 * <pre>  S = Σ_false positives S(t) + Σ_windows [ max_{detections t in window} S(t)  or  −A_FN if none ]</pre>
 * so only the earliest detection in a window counts, every false positive row counts, and a window whose rows
 * are all probationary counts neither way. The threshold is chosen among the distinct scores (and 1.1, no
 * detection) to maximise the corpus total S, as NAB's {@code optimizer.py}: ties go to the higher threshold.
 * The normalised score is 100·(S − S_null)/(S_perfect − S_null), where S_perfect = A_TP · (number of
 * windows) and S_null is the optimised raw score of NAB's null detector (a constant 0.5 everywhere): the better
 * of detecting nothing, −A_FN · (windows with a scored row), and detecting every row, which on series of
 * realistic length costs far more in false positives.
 * <p><b>Profiles</b> ({@link NabProfile}): standard (A_TP = 1, A_FP = 0.11, A_FN = 1), reward_low_FP_rate
 * (A_FP = 0.22), reward_low_FN_rate (A_FN = 2). Each profile has its own optimised threshold.
 * <p><b>Exactness.</b> Same rules as NAB's Python sweeper, row for row (see the golden test against NAB's
 * published per-file scores); sums are accumulated in another order, so totals agree to about 1e-12. One
 * deliberate difference: a window of width 1 makes NAB divide by zero when scoring the rows after it; here
 * the divisor is then 1.
 * <p><b>Complexity.</b> O(N log N) for N rows over all series (one sort of the scores), O(N) memory.
 * <p><b>Reference.</b> A. Lavin, S. Ahmad (2015), "Evaluating Real-Time Anomaly Detection Algorithms — the
 * Numenta Anomaly Benchmark", IEEE 14th International Conference on Machine Learning and Applications
 * (ICMLA), pp. 38–44, arXiv:1510.03336; the scorer of github.com/numenta/NAB.
 */
public final class NabScorer {

    /** NAB's {@code probationPercent}: the first 15 % of each series are not scored (Lavin &amp; Ahmad 2015). */
    public static final double PROBATIONARY_FRACTION = 0.15;
    /** NAB caps the probationary period at 0.15 · 5000 = 750 rows ({@code sweeper._getProbationaryLength}). */
    public static final int PROBATIONARY_MAX_ROWS = 750;
    /** The threshold NAB starts its sweep at: above every score in [0, 1], so nothing is detected. */
    public static final double NO_DETECTION = 1.1;
    /** The constant score of NAB's null detector. */
    public static final double NULL_SCORE = 0.5;

    private static final int OUTSIDE = -1;
    private static final int PROBATIONARY = -2;

    private NabScorer() {
    }

    /**
     * One series to score.
     *
     * @param name    series name for messages and the per-series breakdown
     * @param scores  anomaly scores in [0, 1], one per row
     * @param windows anomaly windows as inclusive row ranges {@code {first, last}}, in order, not overlapping
     */
    public record Input(String name, double[] scores, int[][] windows) {

        public Input {
            if (scores == null || scores.length == 0) {
                throw new IllegalArgumentException("series " + name + ": scores must not be empty");
            }
            for (int i = 0; i < scores.length; i++) {
                double s = scores[i];
                if (!(s >= 0 && s <= 1)) {
                    throw new IllegalArgumentException("series " + name + " row " + i
                            + ": anomaly scores must be in [0, 1] as NAB requires, got " + s);
                }
            }
            int prev = -1;
            for (int k = 0; k < windows.length; k++) {
                int[] w = windows[k];
                if (w.length != 2 || w[0] <= prev || w[1] < w[0] || w[1] >= scores.length) {
                    throw new IllegalArgumentException("series " + name + ": window " + k + " = "
                            + Arrays.toString(w) + " must be an ordered, non-overlapping row range inside 0.."
                            + (scores.length - 1));
                }
                prev = w[1];
            }
        }

        /** The series of a corpus with its detector scores. */
        public static Input of(NabCorpus.Series series, double[] scores) {
            if (scores.length != series.length()) {
                throw new IllegalArgumentException("series " + series.path() + " has " + series.length()
                        + " rows but " + scores.length + " anomaly scores were given");
            }
            return new Input(series.path(), scores, series.windows());
        }
    }

    /**
     * The NAB score of one profile.
     *
     * @param profile         the weights used
     * @param threshold       scores ≥ threshold are detections ({@link #NO_DETECTION}: none)
     * @param score           raw score S at the threshold
     * @param nullScore       S_null, the null detector's optimised raw score
     * @param perfectScore    S_perfect = A_TP · windows
     * @param normalised      100·(S − S_null)/(S_perfect − S_null); NaN when the corpus has no window
     * @param seriesScores    raw score of each input series at the threshold (they sum to {@code score})
     * @param truePositives   detected rows inside windows (NAB's TP count: rows, not windows)
     * @param falsePositives  detected rows outside windows
     * @param falseNegatives  undetected rows inside windows
     * @param windowsDetected windows with at least one scored detection
     * @param windows         windows with at least one scored (non-probationary) row
     */
    public record Result(NabProfile profile, double threshold, double score, double nullScore, double perfectScore,
                         double normalised, double[] seriesScores, int truePositives, int falsePositives,
                         int falseNegatives, int windowsDetected, int windows) {

        /** One line: profile, normalised score, raw score, threshold, windows detected and false-positive rows. */
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%s: %.2f (raw %.3f, null %.3f, perfect %.3f, threshold %.6g, %d/%d windows, %d false-positive rows)",
                    profile.name(), normalised, score, nullScore, perfectScore, threshold, windowsDetected, windows,
                    falsePositives);
        }
    }

    /** NAB's scaled sigmoid σ'(y) = 2/(1 + e^{5y}) − 1, and −1 for y &gt; 3. */
    public static double scaledSigmoid(double y) {
        if (y > 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * y)) - 1.0;
    }

    /** Rows not scored at the start of a series of n rows: min(⌊0.15·n⌋, 750). */
    public static int probationaryLength(int n) {
        return (int) Math.min(Math.floor(PROBATIONARY_FRACTION * n), PROBATIONARY_MAX_ROWS);
    }

    /**
     * The weight S(t) of a detection at each row, NAB's {@code S(t)_<profile>} column (probationary rows
     * included, though they never count).
     */
    public static double[] rowWeights(int n, int[][] windows, NabProfile profile) {
        double[] out = new double[n];
        rowWeights(n, windows, profile, out, new int[n], 0);
        return out;
    }

    /** Fills weights and window ids (first window id = firstWindow) for one series. */
    private static void rowWeights(int n, int[][] windows, NabProfile p, double[] weight, int[] window,
                                   int firstWindow) {
        double maxTp = scaledSigmoid(-1.0);
        int probation = probationaryLength(n);
        int k = 0;
        int prevEnd = -1;
        int prevWidth = 0;
        for (int t = 0; t < n; t++) {
            if (k < windows.length && t >= windows[k][0]) {
                int a = windows[k][0];
                int b = windows[k][1];
                double width = b - a + 1;
                weight[t] = scaledSigmoid(-(b - t + 1) / width) * p.tpWeight() / maxTp;
                window[t] = firstWindow + k;
                if (t == b) {
                    prevEnd = b;
                    prevWidth = b - a + 1;
                    k++;
                }
            } else {
                double unweighted = prevEnd < 0 ? -1.0
                        : scaledSigmoid((t - prevEnd) / (double) Math.max(prevWidth - 1, 1));
                weight[t] = unweighted * p.fpWeight();
                window[t] = OUTSIDE;
            }
            if (t < probation) {
                window[t] = PROBATIONARY;
            }
        }
    }

    /** The rows of all inputs, flattened: weight, window id, anomaly score. */
    private record Rows(double[] weight, int[] window, double[] score, int[] seriesOf, int windowCount,
                        boolean[] windowScored) {

        static Rows of(List<Input> inputs, NabProfile p) {
            int n = 0;
            int windows = 0;
            for (Input in : inputs) {
                n += in.scores().length;
                windows += in.windows().length;
            }
            double[] weight = new double[n];
            int[] window = new int[n];
            double[] score = new double[n];
            int[] seriesOf = new int[n];
            int off = 0;
            int w0 = 0;
            for (int s = 0; s < inputs.size(); s++) {
                Input in = inputs.get(s);
                int m = in.scores().length;
                double[] wt = new double[m];
                int[] win = new int[m];
                rowWeights(m, in.windows(), p, wt, win, w0);
                System.arraycopy(wt, 0, weight, off, m);
                System.arraycopy(win, 0, window, off, m);
                System.arraycopy(in.scores(), 0, score, off, m);
                Arrays.fill(seriesOf, off, off + m, s);
                off += m;
                w0 += in.windows().length;
            }
            boolean[] scored = new boolean[windows];
            for (int i = 0; i < n; i++) {
                if (window[i] >= 0) {
                    scored[window[i]] = true;
                }
            }
            return new Rows(weight, window, score, seriesOf, windows, scored);
        }
    }

    /** Scores every profile with its own optimised threshold, in the order given. */
    public static List<Result> score(List<Input> inputs, List<NabProfile> profiles) {
        List<Result> out = new ArrayList<>(profiles.size());
        for (NabProfile p : profiles) {
            out.add(optimise(inputs, p));
        }
        return out;
    }

    /** The NAB score with the threshold that maximises the corpus total (NAB's optimiser). */
    public static Result optimise(List<Input> inputs, NabProfile profile) {
        requireInputs(inputs);
        return scoreAt(inputs, profile, bestThreshold(Rows.of(inputs, profile), profile)[0]);
    }

    /** The NAB score at a given threshold (scores ≥ threshold are detections). */
    public static Result scoreAt(List<Input> inputs, NabProfile profile, double threshold) {
        requireInputs(inputs);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number, got NaN");
        }
        Rows r = Rows.of(inputs, profile);
        double[] best = new double[r.windowCount()];
        boolean[] hit = new boolean[r.windowCount()];
        double[] perSeries = new double[inputs.size()];
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < r.score().length; i++) {
            int w = r.window()[i];
            if (w == PROBATIONARY) {
                continue;
            }
            boolean detected = r.score()[i] >= threshold;
            if (w == OUTSIDE) {
                if (detected) {
                    fp++;
                    perSeries[r.seriesOf()[i]] += r.weight()[i];
                }
            } else if (detected) {
                tp++;
                best[w] = hit[w] ? Math.max(best[w], r.weight()[i]) : r.weight()[i];
                hit[w] = true;
            } else {
                fn++;
            }
        }
        int detectedWindows = 0;
        int scoredWindows = 0;
        int w = 0;
        for (int s = 0; s < inputs.size(); s++) {
            for (int k = 0; k < inputs.get(s).windows().length; k++, w++) {
                if (!r.windowScored()[w]) {
                    continue;
                }
                scoredWindows++;
                if (hit[w]) {
                    detectedWindows++;
                }
                // NAB keeps max(−A_FN, best detection); in-window weights are ≥ 0, so a hit always wins
                perSeries[s] += hit[w] ? Math.max(best[w], -profile.fnWeight()) : -profile.fnWeight();
            }
        }
        double total = 0;
        for (double v : perSeries) {
            total += v;
        }
        double nullScore = nullScore(inputs, profile);
        double perfect = profile.tpWeight() * r.windowCount();
        double normalised = perfect == nullScore ? Double.NaN : 100.0 * (total - nullScore) / (perfect - nullScore);
        return new Result(profile, threshold, total, nullScore, perfect, normalised, perSeries, tp, fp, fn,
                detectedWindows, scoredWindows);
    }

    /** S_null: the optimised raw score of a constant {@link #NULL_SCORE} on every row (NAB's null detector). */
    public static double nullScore(List<Input> inputs, NabProfile profile) {
        List<Input> constant = new ArrayList<>(inputs.size());
        for (Input in : inputs) {
            double[] s = new double[in.scores().length];
            Arrays.fill(s, NULL_SCORE);
            constant.add(new Input(in.name(), s, in.windows()));
        }
        return bestThreshold(Rows.of(constant, profile), profile)[1];
    }

    /**
     * NAB's threshold sweep: visits the distinct scores from the highest down, adding the rows at each, and
     * keeps the first threshold with the highest total. Returns {threshold, total}.
     */
    private static double[] bestThreshold(Rows r, NabProfile p) {
        int n = r.score().length;
        // distinct scores of the scored rows, ascending; bucket = rank among them
        double[] distinct = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (r.window()[i] != PROBATIONARY) {
                distinct[m++] = r.score()[i];
            }
        }
        distinct = Arrays.copyOf(distinct, m);
        Arrays.sort(distinct);
        int d = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || distinct[i] != distinct[d - 1]) {
                distinct[d++] = distinct[i];
            }
        }
        int[] start = new int[d + 1];
        int[] bucket = new int[n];
        for (int i = 0; i < n; i++) {
            if (r.window()[i] != PROBATIONARY) {
                bucket[i] = Arrays.binarySearch(distinct, 0, d, r.score()[i]);
                start[bucket[i] + 1]++;
            }
        }
        for (int b = 0; b < d; b++) {
            start[b + 1] += start[b];
        }
        int[] order = new int[m];
        int[] fill = Arrays.copyOf(start, d);
        for (int i = 0; i < n; i++) {
            if (r.window()[i] != PROBATIONARY) {
                order[fill[bucket[i]]++] = i;
            }
        }
        double[] part = new double[r.windowCount()];
        double windowSum = 0;
        for (int w = 0; w < part.length; w++) {
            if (r.windowScored()[w]) {
                part[w] = -p.fnWeight();
                windowSum += part[w];
            }
        }
        double fpSum = 0;
        double bestThreshold = NO_DETECTION;
        double bestTotal = windowSum;
        for (int b = d - 1; b >= 0; b--) {
            for (int j = start[b]; j < start[b + 1]; j++) {
                int i = order[j];
                int w = r.window()[i];
                if (w == OUTSIDE) {
                    fpSum += r.weight()[i];
                } else if (r.weight()[i] > part[w]) {
                    windowSum += r.weight()[i] - part[w];
                    part[w] = r.weight()[i];
                }
            }
            double total = fpSum + windowSum;
            if (total > bestTotal) {
                bestTotal = total;
                bestThreshold = distinct[b];
            }
        }
        return new double[] {bestThreshold, bestTotal};
    }

    private static void requireInputs(List<Input> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("no series to score; give at least one NabScorer.Input");
        }
    }
}
