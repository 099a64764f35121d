package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleTest {

    static final double[][] X = DetectorContractTest.data();

    @Test
    void normalizationsFollowTheirDefinitions() {
        double[] train = {1, 2, 2, 3, 10};
        ScoreNormalization.Fitted rank = ScoreNormalization.Fitted.of(ScoreNormalization.RANK, train);
        assertArrayEquals(new double[] {0, 0.2, 0.6, 0.8, 1.0, 1.0}, rank.apply(new double[] {0, 1, 2, 3, 10, 99}), 0.0);
        ScoreNormalization.Fitted mm = ScoreNormalization.Fitted.of(ScoreNormalization.MINMAX, train);
        assertArrayEquals(new double[] {0, 1, 1.0 / 9}, mm.apply(new double[] {1, 10, 2}), 1e-15);
        ScoreNormalization.Fitted st = ScoreNormalization.Fitted.of(ScoreNormalization.STANDARD, train);
        double mean = 18 / 5.0;
        double std = Math.sqrt(((1 - mean) * (1 - mean) + 2 * (2 - mean) * (2 - mean) + (3 - mean) * (3 - mean)
                + (10 - mean) * (10 - mean)) / 5);
        assertEquals((10 - mean) / std, st.apply(new double[] {10})[0], 1e-12);
        ScoreNormalization.Fitted un = ScoreNormalization.Fitted.of(ScoreNormalization.UNIFY, train);
        assertEquals(0, un.apply(new double[] {mean - 1})[0], 0.0, "below the mean: 0");
        // erf(1) = 0.8427007929497149 (A&S 7.1.26 is within 1.5e-7)
        assertEquals(0.8427007929497149, un.apply(new double[] {mean + std * Math.sqrt(2)})[0], 2e-7);
    }

    @Test
    void combinationsMatchHandComputedValues() {
        // members' normalised scores [0.9, 0.1, 0.5, 0.3]; 2 buckets deal them as {0.9, 0.5} and {0.1, 0.3}
        double[] z = {0.9, 0.1, 0.5, 0.3};
        assertEquals(0.45, Ensemble.Combiner.combineRow(Ensemble.Combination.AVERAGE, 2, z), 1e-15);
        assertEquals(0.9, Ensemble.Combiner.combineRow(Ensemble.Combination.MAXIMUM, 2, z), 0.0);
        assertEquals(0.6, Ensemble.Combiner.combineRow(Ensemble.Combination.AOM, 2, z), 1e-15);
        assertEquals(0.7, Ensemble.Combiner.combineRow(Ensemble.Combination.MOA, 2, z), 1e-15);
    }

    @Test
    void trimmedMeanDropsOneLowestAndOneHighestScore() {
        // {0.9, 0.1, 0.5, 0.3} without 0.1 and 0.9: (0.5 + 0.3) / 2 = 0.4, the median of four
        assertEquals(0.4, Ensemble.Combiner.combineRow(Ensemble.Combination.TRIMMED, 2, new double[] {0.9, 0.1, 0.5, 0.3}),
                1e-15);
        // one member failing badly (-100) does not move the row: (1 + 2 + 3) / 3 = 2
        assertEquals(2.0, Ensemble.Combiner.trimmedMean(new double[] {5, -100, 1, 2, 3}), 1e-15);
        // ties: only one copy of the minimum and of the maximum goes: (1 + 3) / 2
        assertEquals(2.0, Ensemble.Combiner.trimmedMean(new double[] {1, 1, 3, 3}), 1e-15);
        // two members: nothing to trim, the mean
        assertEquals(0.5, Ensemble.Combiner.trimmedMean(new double[] {0.2, 0.8}), 1e-15);
    }

    @Test
    void selectKeepsMembersThatRaiseTheCorrelationWithTheConsensus() {
        // m0 = m1 = [1,2,3,4], m2 reversed; consensus t = (2·m0 + m2)/3 = [6,7,8,9]/3, so corr(m0,t) = corr(m1,t) = 1,
        // corr(m2,t) = −1. m0 is kept first; m1 leaves the mean equal to m0 (correlation 1, not higher): dropped;
        // (m0 + m2)/2 is constant (no correlation): m2 dropped.
        double[][] z = {{1, 2, 3, 4}, {1, 2, 3, 4}, {4, 3, 2, 1}};
        assertArrayEquals(new boolean[] {true, false, false}, Ensemble.Combiner.selective(z));
        // m2 = m0 + m1 is proportional to the consensus (m0 + m1 + m2)/3 and comes first (correlation 1); adding
        // m0 gives the mean [0, .5, 1, 1.5], correlation 1.5/√2.5 = 0.949 < 1: dropped, and m1 likewise.
        double[][] parts = {{0, 0, 1, 1}, {0, 1, 0, 1}, {0, 1, 1, 2}};
        assertArrayEquals(new boolean[] {false, false, true}, Ensemble.Combiner.selective(parts));
    }

    @Test
    void lscpTakesTheMemberThatAgreesWithTheConsensusInTheRowsRegion() {
        // 30 training rows near 0 and 30 near 1000 (a region is 30 rows: each group is exactly one region).
        // Near 0 member 0 varies (0..29) and member 1 barely (0 / 0.1): the consensus follows member 0 there;
        // near 1000 it is the other way round.
        double[][] x = new double[60][1];
        double[][] z = new double[2][60];
        for (int i = 0; i < 60; i++) {
            boolean left = i < 30;
            x[i][0] = left ? i : 1000 + i - 30;
            z[0][i] = left ? i : (i % 2) * 0.1;
            z[1][i] = left ? (i % 2) * 0.1 : i - 30;
        }
        LocalSelection lscp = new LocalSelection(x, z);
        double[] s = lscp.combine(new double[][] {{10}, {1015}}, new double[][] {{7, 8}, {-7, -8}});
        assertArrayEquals(new double[] {7, -8}, s, 0.0, "member 0 near 0, member 1 near 1000");
        assertEquals(0, LocalSelection.choose(z, LocalSelection.mean(z), new int[] {0, 1, 2, 3}));
        assertEquals(1, LocalSelection.choose(z, LocalSelection.mean(z), new int[] {30, 31, 32, 33}));
        assertEquals(-1, LocalSelection.choose(z, new double[60], new int[] {0, 1, 2}), "constant consensus: no choice");
    }

    @Test
    void lscpScoresAreMemberScoresAndSurviveAModelFile(@TempDir Path dir) {
        double[][] copy = DetectorContractTest.deepCopy(X);
        Ensemble e = Ensemble.with().members("isolation-forest:trees=30,seed=1;zscore;knn")
                .combination(Ensemble.Combination.LSCP);
        Ensemble.EnsembleModel m = e.fit(X);
        for (int i = 0; i < X.length; i++) {
            assertArrayEquals(copy[i], X[i], 0.0, "input unchanged");
        }
        double[] s = m.score(X);
        double[][] members = m.memberScores(X);
        for (int i = 0; i < X.length; i++) {
            boolean found = false;
            for (double[] member : members) {
                found |= member[i] == s[i];
            }
            assertTrue(found, "row " + i + " takes one member's normalised score");
        }
        m.save(dir.resolve("lscp.json"));
        assertArrayEquals(s, Detectors.load(dir.resolve("lscp.json")).score(X), 0.0);
        Ensemble.EnsembleModel sel = e.combination(Ensemble.Combination.SELECT).fit(X);
        sel.save(dir.resolve("select.json"));
        assertArrayEquals(sel.score(X), Detectors.load(dir.resolve("select.json")).score(X), 0.0);
    }

    @Test
    void autoIsThePreRegisteredDesignAndRanksThePlantedOutlierFirst() {
        Ensemble a = Ensemble.auto();
        assertEquals("isolation-forest;elliptic-envelope;pca;ecod", a.options().get(Ensemble.MEMBERS));
        assertEquals(ScoreNormalization.STANDARD, a.options().get(Ensemble.NORMALIZATION));
        assertEquals(Ensemble.Combination.SELECT, a.options().get(Ensemble.COMBINATION));
        double[] s = a.fit(X).trainingScores();
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[0] > s[i], "row 0 (8, -8, 8) above row " + i);
        }
    }

    @Test
    void averageOfRanksEqualsTheMembersAveragedByHand() {
        Ensemble e = Ensemble.of(IsolationForest.with().trees(40).seed(2), ZScore.with());
        assertEquals("isolation-forest:trees=40,seed=2;zscore", e.options().get(Ensemble.MEMBERS));
        Ensemble.EnsembleModel m = e.fit(X);
        Model f = IsolationForest.with().trees(40).seed(2).fit(X);
        Model z = ZScore.with().fit(X);
        double[] rf = ScoreNormalization.Fitted.of(ScoreNormalization.RANK, f.trainingScores()).apply(f.score(X));
        double[] rz = ScoreNormalization.Fitted.of(ScoreNormalization.RANK, z.trainingScores()).apply(z.score(X));
        double[] s = m.trainingScores();
        for (int i = 0; i < X.length; i++) {
            assertEquals((rf[i] + rz[i]) / 2, s[i], 1e-15);
        }
        assertEquals(1.0, s[0], 0.0, "the planted outlier ranks first in both members");
    }

    @Test
    void featureBaggingGivesEachMemberHalfToAllButOneFeature(@TempDir Path dir) {
        double[][] x = new double[100][6];
        java.util.Random r = new java.util.Random(3);
        for (double[] row : x) {
            for (int j = 0; j < 6; j++) {
                row[j] = r.nextGaussian();
            }
        }
        Ensemble e = Ensemble.with().members("zscore;zscore;zscore;zscore;zscore;zscore;zscore;zscore")
                .featureBagging(true).seed(4);
        Ensemble.EnsembleModel m = e.fit(x);
        for (Model member : m.members()) {
            int d = member.features().size();
            assertTrue(d >= 3 && d <= 5, "subset of " + d);
        }
        m.save(dir.resolve("e.json"));
        Model back = Detectors.load(dir.resolve("e.json"));
        assertArrayEquals(m.score(x), back.score(x), 0.0);
        assertArrayEquals(m.trainingScores(), e.fit(x).trainingScores(), 0.0, "same seed, same subsets");
    }

    @Test
    void badMembersAreReported() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ensemble.with().members("nope"))
                .getMessage().contains("unknown detector \"nope\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ensemble.with().members("iqr:k"))
                .getMessage().contains("key=value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ensemble.with().members("ensemble"))
                .getMessage().contains("cannot contain an ensemble"));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.with().combination(Ensemble.Combination.AOM).buckets(3));
    }
}
