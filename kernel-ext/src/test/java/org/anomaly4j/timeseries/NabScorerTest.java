package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * NAB scoring on hand-worked cases. Useful identity: σ'(y) = 2/(1 + e^{5y}) − 1 = tanh(−5y/2), so
 * σ'(−1) = tanh(2.5) = 0.986614298 and an in-window weight is tanh(5|y|/2)/tanh(2.5).
 * <p>The tiny series: n = 20 rows, probationary period ⌊0.15·20⌋ = 3 rows (0, 1, 2), one window rows 10..14
 * (width w = 5). Relative position of row t in the window: y = −(14 − t + 1)/5; after it: y = (t − 14)/(5 − 1).
 */
class NabScorerTest {

    private static final double EPS = 1e-12;
    private static final int N = 20;
    private static final int[][] WINDOW = {{10, 14}};

    /** Scores 1 at the given rows, 0 elsewhere. */
    private static NabScorer.Input detections(int... rows) {
        double[] s = new double[N];
        for (int r : rows) {
            s[r] = 1.0;
        }
        return new NabScorer.Input("tiny", s, WINDOW);
    }

    private static double standardAt(int... rows) {
        return NabScorer.scoreAt(List.of(detections(rows)), NabProfile.STANDARD, 0.5).score();
    }

    @Test
    void scaledSigmoidMatchesNabDocstring() {
        // NAB's sweeper.scaledSigmoid docstring: −1 → 0.98661, −0.5 → 0.84828, 0 → 0, 1 → −0.98661
        assertEquals(0.98661, NabScorer.scaledSigmoid(-1.0), 1e-5);
        assertEquals(0.84828, NabScorer.scaledSigmoid(-0.5), 1e-5);
        assertEquals(0.0, NabScorer.scaledSigmoid(0.0), EPS);
        assertEquals(-0.98661, NabScorer.scaledSigmoid(1.0), 1e-5);
        assertEquals(-1.0, NabScorer.scaledSigmoid(3.0001), 0.0, "beyond 3 window widths: full FP cost");
    }

    @Test
    void detectionAtWindowStartEarnsExactlyTpWeight() {
        // row 10: y = −5/5 = −1 → A_TP · σ'(−1)/σ'(−1) = 1
        assertEquals(1.0, standardAt(10), EPS);
    }

    @Test
    void detectionInTheMiddle() {
        // row 12: y = −3/5 = −0.6 → tanh(1.5)/tanh(2.5) = 0.905148254/0.986614298 = 0.917428680
        assertEquals(Math.tanh(1.5) / Math.tanh(2.5), standardAt(12), EPS);
        assertEquals(0.9174286804, standardAt(12), 1e-10);
    }

    @Test
    void detectionAtWindowEnd() {
        // row 14: y = −1/5 = −0.2 → tanh(0.5)/tanh(2.5) = 0.462117157/0.986614298 = 0.468386844
        assertEquals(0.4683868439, standardAt(14), 1e-10);
    }

    @Test
    void detectionAfterWindowIsAWeightedFalsePositivePlusAMiss() {
        // row 16: y = (16 − 14)/4 = 0.5 → σ'(0.5) = tanh(−1.25) = −0.848283640; × A_FP 0.11 = −0.093311200;
        // the window is missed: −A_FN = −1. Total −1.093311200.
        assertEquals(-1.0 - 0.11 * Math.tanh(1.25), standardAt(16), EPS);
        // row 15 (just after): y = 0.25 → −0.11 · tanh(0.625) = −0.061005969 — cheaper than later ones
        assertEquals(-1.0 - 0.11 * Math.tanh(0.625), standardAt(15), EPS);
        // low-FP profile doubles the FP part: −1 − 0.22 · tanh(1.25) = −1.186622400
        assertEquals(-1.1866224008, NabScorer.scoreAt(List.of(detections(16)), NabProfile.REWARD_LOW_FP_RATE, 0.5)
                .score(), 1e-9);
    }

    @Test
    void detectionBeforeAnyWindowCostsTheFullFpWeight() {
        // row 5: no preceding window → −1 · 0.11; window missed → −1
        assertEquals(-1.11, standardAt(5), EPS);
    }

    @Test
    void noDetectionCostsFnWeightPerWindow() {
        assertEquals(-1.0, standardAt(), EPS);
        assertEquals(-2.0, NabScorer.scoreAt(List.of(detections()), NabProfile.REWARD_LOW_FN_RATE, 0.5).score(), EPS);
    }

    @Test
    void onlyTheEarliestDetectionInAWindowCounts() {
        // rows 11 and 13: max(weight(11), weight(13)) = weight(11): y = −4/5 → tanh(2)/tanh(2.5) = 0.977106841
        assertEquals(Math.tanh(2.0) / Math.tanh(2.5), standardAt(11, 13), EPS);
        assertEquals(standardAt(11), standardAt(11, 12, 13, 14), EPS);
        NabScorer.Result r = NabScorer.scoreAt(List.of(detections(11, 13)), NabProfile.STANDARD, 0.5);
        assertEquals(2, r.truePositives(), "NAB counts detected rows");
        assertEquals(1, r.windowsDetected());
    }

    @Test
    void everyFalsePositiveRowCounts() {
        // rows 5 and 6 before the window: 2 · (−0.11); plus the miss −1
        assertEquals(-1.22, standardAt(5, 6), EPS);
    }

    @Test
    void probationaryRowsAreIgnored() {
        assertEquals(3, NabScorer.probationaryLength(20));
        assertEquals(604, NabScorer.probationaryLength(4032), "⌊0.15 · 4032⌋ = ⌊604.8⌋");
        assertEquals(750, NabScorer.probationaryLength(10320), "capped at 0.15 · 5000");
        // row 2 is probationary: no FP, and the window is still missed
        assertEquals(-1.0, standardAt(2), EPS);
        // row 3 is the first scored row: a full false positive
        assertEquals(-1.11, standardAt(3), EPS);
    }

    @Test
    void windowPartlyInProbationCountsOnlyItsScoredRows() {
        // window rows 1..4 (w = 4); rows 0..2 probationary. Detection at row 1 is ignored (window missed, −1);
        // at row 3: y = −(4 − 3 + 1)/4 = −0.5 → tanh(1.25)/tanh(2.5) = 0.859792567
        int[][] w = {{1, 4}};
        double[] early = new double[N];
        early[1] = 1;
        double[] late = new double[N];
        late[3] = 1;
        assertEquals(-1.0, NabScorer.scoreAt(List.of(new NabScorer.Input("p", early, w)), NabProfile.STANDARD, 0.5)
                .score(), EPS);
        assertEquals(0.8597925669, NabScorer.scoreAt(List.of(new NabScorer.Input("p", late, w)), NabProfile.STANDARD,
                0.5).score(), 1e-10);
    }

    @Test
    void windowEntirelyInProbationCountsNeitherWay() {
        // window rows 0..1 is probationary: no FN, no TP; but NAB's perfect score still counts it
        NabScorer.Result r = NabScorer.scoreAt(List.of(new NabScorer.Input("p", new double[N], new int[][] {{0, 1}})),
                NabProfile.STANDARD, 0.5);
        assertEquals(0.0, r.score(), EPS);
        assertEquals(0, r.windows());
        assertEquals(1.0, r.perfectScore(), EPS);
    }

    @Test
    void optimisedThresholdOnTheTinySeries() {
        // scores: row 12 = 0.9 (in window), row 5 = 0.8 (FP before), others 0.
        // thresholds: 1.1 → −1; 0.9 → 0.917428680; 0.8 → 0.917428680 − 0.11; 0 → all rows: far worse.
        double[] s = new double[N];
        s[12] = 0.9;
        s[5] = 0.8;
        NabScorer.Result r = NabScorer.optimise(List.of(new NabScorer.Input("t", s, WINDOW)), NabProfile.STANDARD);
        assertEquals(0.9, r.threshold(), 0.0);
        assertEquals(0.9174286804, r.score(), 1e-10);
        // S_null: the constant 0.5 detector's better threshold. Detecting nothing gives −1; detecting every row
        // gives +1 (row 10) + 7 · (−0.11) (rows 3..9, before the window) − 0.11 · Σ_{t=15..19} tanh(5(t − 14)/8)
        // = 1 − 0.77 − 0.11 · (0.554600 + 0.848284 + 0.954217 + 0.986614 + 0.996147) = −0.247366, so on a series
        // this short the null detector prefers to flag everything.
        double after = 0;
        for (int t = 15; t <= 19; t++) {
            after += Math.tanh(5 * (t - 14) / 8.0);
        }
        double nullScore = 1 - 0.77 - 0.11 * after;
        assertEquals(-0.247366, nullScore, 1e-6);
        assertEquals(nullScore, r.nullScore(), 1e-12);
        // normalised: 100 · (0.917428680 − S_null)/(1 − S_null), S_perfect = A_TP · 1 window
        assertEquals(100 * (0.9174286804284079 - nullScore) / (1 - nullScore), r.normalised(), 1e-9);
        assertEquals("standard: 93.38 (raw 0.917, null -0.247, perfect 1.000, threshold 0.900000, 1/1 windows, "
                + "0 false-positive rows)", r.toString());
    }

    @Test
    void nullDetectorNormalisesToZeroAndPerfectToHundred() {
        List<NabScorer.Input> zeros = new ArrayList<>();
        List<NabScorer.Input> constant = new ArrayList<>();
        List<NabScorer.Input> perfect = new ArrayList<>();
        int[][][] windows = {{{10, 14}}, {}, {{40, 49}, {70, 79}}};
        int[] lengths = {N, 60, 100};
        for (int k = 0; k < lengths.length; k++) {
            zeros.add(new NabScorer.Input("s" + k, new double[lengths[k]], windows[k]));
            double[] half = new double[lengths[k]];
            Arrays.fill(half, 0.5);
            constant.add(new NabScorer.Input("s" + k, half, windows[k]));
            double[] p = new double[lengths[k]];
            for (int[] w : windows[k]) {
                p[w[0]] = 1.0;
            }
            perfect.add(new NabScorer.Input("s" + k, p, windows[k]));
        }
        for (NabProfile profile : NabProfile.defaults()) {
            assertEquals(0.0, NabScorer.optimise(zeros, profile).normalised(), EPS, profile.name());
            assertEquals(0.0, NabScorer.optimise(constant, profile).normalised(), EPS, profile.name());
            NabScorer.Result best = NabScorer.optimise(perfect, profile);
            assertEquals(100.0, best.normalised(), 1e-9, profile.name());
            assertEquals(-3 * profile.fnWeight(), best.nullScore(), EPS, "three windows missed");
            assertEquals(3 * profile.tpWeight(), best.perfectScore(), EPS);
        }
    }

    @Test
    void sweepEqualsTheBestFixedThreshold() {
        // the optimiser's total equals the best of scoreAt over every distinct score (property, random scores)
        SplittableRandom rnd = new SplittableRandom(7);
        List<NabScorer.Input> in = new ArrayList<>();
        double[] all = new double[0];
        for (int k = 0; k < 3; k++) {
            double[] s = new double[200];
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.floor(rnd.nextDouble() * 50) / 50;
            }
            in.add(new NabScorer.Input("r" + k, s, new int[][] {{60 + k, 80}, {150, 170 - k}}));
            all = concat(all, s);
        }
        double best = NabScorer.scoreAt(in, NabProfile.STANDARD, NabScorer.NO_DETECTION).score();
        for (double t : Arrays.stream(all).distinct().toArray()) {
            best = Math.max(best, NabScorer.scoreAt(in, NabProfile.STANDARD, t).score());
        }
        NabScorer.Result r = NabScorer.optimise(in, NabProfile.STANDARD);
        assertEquals(best, r.score(), 1e-9);
        assertEquals(r.score(), Arrays.stream(r.seriesScores()).sum(), 1e-9);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void rowWeightsAreNabsSColumn() {
        double[] w = NabScorer.rowWeights(N, WINDOW, NabProfile.STANDARD);
        assertEquals(-0.11, w[9], EPS, "before the window");
        assertEquals(1.0, w[10], EPS);
        assertTrue(w[10] > w[11] && w[11] > w[12] && w[12] > w[13] && w[13] > w[14], "earlier pays more");
        assertEquals(-0.11 * Math.tanh(0.625), w[15], EPS);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NabScorer.Input("x", new double[] {0.2, 1.5}, new int[0][]));
        assertThrows(IllegalArgumentException.class, () -> new NabScorer.Input("x", new double[] {Double.NaN}, new int[0][]));
        assertThrows(IllegalArgumentException.class, () -> new NabScorer.Input("x", new double[3], new int[][] {{1, 5}}));
        assertThrows(IllegalArgumentException.class, () -> NabScorer.optimise(List.of(), NabProfile.STANDARD));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NabScorer.Input("x", new double[] {0.1, -0.2}, new int[0][]));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void inputsAreNotMutated() {
        NabScorer.Input in = detections(11, 13);
        double[] before = in.scores().clone();
        NabScorer.optimise(List.of(in), NabProfile.STANDARD);
        assertTrue(Arrays.equals(before, in.scores()));
        assertTrue(Arrays.equals(new int[] {10, 14}, in.windows()[0]));
    }
}
