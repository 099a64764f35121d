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
