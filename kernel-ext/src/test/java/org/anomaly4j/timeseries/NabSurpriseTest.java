package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The recommended NAB detector: range, causality, determinism, one alert per event, daily-pattern breaks. */
class NabSurpriseTest {

    private static final long FIVE_MIN = 300_000L;

    private static long[] times(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_400_000_000_000L + i * FIVE_MIN;
        }
        return t;
    }

    /** Daily sine (288 rows a day) plus N(0, 0.1) noise. */
    private static double[] daily(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * i / 288.0) + 0.1 * gaussian(r);
        }
        return x;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static int argmax(double[] s) {
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void scoresAreInUnitIntervalAndZeroWhileLearning() {
        double[] s = new NabSurprise().scores(times(4032), daily(4032, 1));
        int p = NabScorer.probationaryLength(4032);
        for (int i = 0; i < s.length; i++) {
            assertTrue(s[i] >= 0 && s[i] <= 1, "row " + i + ": " + s[i]);
            if (i < p) {
                assertEquals(0.0, s[i], 0.0, "probationary row " + i);
            }
        }
    }

    @Test
    void spikeIsTheTopScoreAndAlertsOnce() {
        double[] x = daily(4032, 2);
        x[3000] += 5; // 50 noise standard deviations
        double[] s = new NabSurprise().scores(times(4032), x);
        assertEquals(3000, argmax(s));
        // the following rows (still in the short window, and the level back down) are suppressed
        for (int i = 3001; i < 3000 + NabScorer.probationaryLength(4032) / 2; i++) {
            assertTrue(s[i] < s[3000], "row " + i);
            assertEquals(0.0, s[i], 0.0, "repeat alert at row " + i);
        }
    }

    @Test
    void missingDailyPeakIsDetected() {
        // a day whose peak is flattened: values stay in the usual range, so only the daily difference sees it
        double[] x = daily(4032, 3);
        for (int i = 3000; i < 3100; i++) {
            x[i] = Math.min(x[i], 0.0);
        }
        double[] s = new NabSurprise().scores(times(4032), x);
        int top = argmax(s);
        assertTrue(top >= 3000 && top < 3100, "top score at row " + top);
    }

    @Test
    void causalScoresDoNotSeeTheFuture() {
        double[] x = daily(3000, 4);
        double[] y = x.clone();
        for (int i = 2000; i < y.length; i++) {
            y[i] += 100;
        }
        double[] a = new NabSurprise().scores(times(3000), x);
        double[] b = new NabSurprise().scores(times(3000), y);
        for (int i = 0; i < 2000; i++) {
            assertEquals(a[i], b[i], 0.0, "row " + i + " changed when only later rows changed");
        }
    }

    @Test
    void deterministicAndInputsUntouched() {
        double[] x = daily(2000, 5);
        long[] t = times(2000);
        double[] x0 = x.clone();
        long[] t0 = t.clone();
        assertArrayEquals(new NabSurprise().scores(t, x), new NabSurprise().scores(t, x), 0.0);
        assertArrayEquals(x0, x, 0.0);
        assertArrayEquals(t0, t);
    }

    @Test
    void flatLineScoresZeroUntilItMoves() {
        double[] x = new double[2000];
        double[] s = new NabSurprise().scores(times(2000), x);
        assertEquals(0.0, java.util.Arrays.stream(s).max().orElseThrow(), 0.0);
        x[1500] = 1;
        assertEquals(1500, argmax(new NabSurprise().scores(times(2000), x)));
    }

    @Test
    void suppressionKeepsOnlyNewMaxima() {
        double[] u = {0, 0.5, 0.4, 0.6, 0.1, 0, 0, 0.3};
        // span 2: row 2 (0.4 < 0.5) suppressed, row 3 (0.6 > 0.5) kept, row 4 suppressed, row 7 (0.3 > 0, 0) kept
        assertArrayEquals(new double[] {0, 0.5, 0, 0.6, 0, 0, 0, 0.3}, NabSurprise.suppressRepeats(u, 2, 0, 0), 0.0);
        // rise 0.15 within 2 rows of the last alert: row 3 (0.6 − 0.5 = 0.1) no longer alerts
        assertArrayEquals(new double[] {0, 0.5, 0, 0, 0, 0, 0, 0.3}, NabSurprise.suppressRepeats(u, 2, 2, 0.15), 0.0);
        // a rising run right after an alert: 0.5, 0.55, 0.7 → the second is absorbed, the third (0.2 above) alerts
        assertArrayEquals(new double[] {0.5, 0, 0.7}, NabSurprise.suppressRepeats(new double[] {0.5, 0.55, 0.7}, 5, 3,
                0.1), 0.0);
    }

    /**
     * The likelihood map by hand: Q(1.6448536) = 0.05 (the normal 95 % quantile), so l = −log10(2·0.05) = 1 and
     * u = 1/(1 + 10); at or below the mean u = 0.
     */
    @Test
    void tailScoreByHand() {
        assertEquals(1.0 / 11.0, NabSurprise.tailScore(10 + 2 * 1.6448536269514722, 10, 2), 1e-9);
        assertEquals(0.0, NabSurprise.tailScore(10, 10, 2), 0.0);
        assertEquals(0.0, NabSurprise.tailScore(3, 10, 2), 0.0);
        double far = NabSurprise.tailScore(40, 0, 1); // Q(40) ≈ 3.7e-350: the asymptotic series, not erfc
        assertTrue(far > 0.97 && far < 1, "z = 40: " + far);
    }

    @Test
    void noveltyChannelFindsADayUnlikeAnyEarlierDay() {
        // one day of the daily sine inverted: every value, step and level is usual, only the day's shape is new
        double[] x = daily(4032, 8);
        for (int i = 3024; i < 3024 + 288; i++) {
            x[i] = -x[i];
        }
        int p = NabScorer.probationaryLength(4032);
        double[] v = NabSurprise.noveltyLikelihood(x, p, NabSurprise.DEFAULT_NOVELTY_LENGTH,
                NabSurprise.DEFAULT_NOVELTY_PATTERNS);
        int top = argmax(v);
        // a pattern spans m blocks of ⌊P/(8·13)⌋ = 5 rows: those ending up to 40 rows after the day still overlap it
        int span = NabSurprise.DEFAULT_NOVELTY_LENGTH * (p / (NabSurprise.DEFAULT_NOVELTY_LENGTH
                * NabSurprise.DEFAULT_NOVELTY_PATTERNS));
        assertTrue(top >= 3024 && top < 3024 + 288 + span, "top novelty at row " + top);
        double before = 0;
        for (int i = 0; i < 3024; i++) {
            before = Math.max(before, v[i]);
        }
        assertTrue(v[top] > 2 * before, "novelty " + v[top] + " vs the largest before the day " + before);
    }

    @Test
    void dailyLagFromTimestamps() {
        assertEquals(288, NabSurprise.dailyLag(times(4032), 4032));
        assertEquals(0, NabSurprise.dailyLag(times(1000), 1000), "a day longer than n/4 rows: no daily term");
    }

    @Test
    void weeklyBreakIsDetected() {
        // 30-minute data (48 rows a day, 336 a week): weekdays high, weekends low; one Saturday stays high. Its
        // values, steps and day-to-day differences are all common (weekdays look like that), so only the
        // weekly difference sees it.
        int n = 10 * 336;
        long[] t = new long[n];
        double[] x = new double[n];
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < n; i++) {
            t[i] = 1_400_000_000_000L + i * 1_800_000L;
            boolean weekend = (i % 336) >= 240;
            x[i] = (weekend ? 1.0 : 5.0) + Math.sin(2 * Math.PI * i / 48.0) + 0.05 * gaussian(r);
        }
        int saturday = 8 * 336 + 240;
        for (int i = saturday; i < saturday + 48; i++) {
            x[i] += 4.0;
        }
        int top = argmax(new NabSurprise().scores(t, x));
        assertTrue(top >= saturday && top < saturday + 48, "top score at row " + top + ", Saturday starts at " + saturday);
        int w = NabScorer.probationaryLength(n);
        double[] withoutWeekly = NabSurprise.rawSurprise(x, w, 48, 0);
        int topWithout = argmax(withoutWeekly);
        assertTrue(topWithout < saturday || topWithout >= saturday + 48, "without the weekly term the Saturday is "
                + "not the top surprise (row " + topWithout + ")");
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NabSurprise().scores(times(3), new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> new NabSurprise().scores(times(2), new double[] {1, Double.NaN}));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NabSurprise(0, 0.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new NabSurprise(3, -1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new NabSurprise(3, Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new NabSurprise(3, 0.5, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new NabSurprise(3, 0.5, 0, -1, 13));
        assertThrows(IllegalArgumentException.class, () -> new NabSurprise(3, 0.5, 0, 8, 0));
    }
}
