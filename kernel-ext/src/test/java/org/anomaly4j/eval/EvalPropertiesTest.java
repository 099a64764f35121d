package org.anomaly4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Laws of the metrics that need no reference tool, hand-worked cases, the threshold convention and bad input. */
class EvalPropertiesTest {

    /** Random labels (rate ~0.2, both classes) and scores with ties (a few decimals). */
    private record Sample(boolean[] labels, double[] scores) {
    }

    private static Sample sample(long seed, int n, int levels) {
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < 0.2;
            s[i] = rng.nextInt(levels) / 4.0 + (y[i] ? rng.nextInt(3) : 0) - 2;
        }
        y[0] = true;
        y[1] = false;
        return new Sample(y, s);
    }

    @Test
    void aucOfNegatedScoresIsOneMinusAuc() {
        for (long seed = 0; seed < 30; seed++) {
            Sample d = sample(seed, 50 + (int) seed * 37, 5 + (int) seed);
            double[] neg = new double[d.scores.length];
            for (int i = 0; i < neg.length; i++) {
                neg[i] = -d.scores[i];
            }
            assertEquals(1 - Metrics.rocAuc(d.labels, d.scores), Metrics.rocAuc(d.labels, neg), 1e-12, "seed " + seed);
        }
    }

    @Test
    void rankingMetricsAreInvariantToStrictlyIncreasingTransforms() {
        for (long seed = 0; seed < 20; seed++) {
            Sample d = sample(seed, 300, 12);
            double[] exp = new double[d.scores.length];
            double[] affine = new double[d.scores.length];
            for (int i = 0; i < exp.length; i++) {
                exp[i] = Math.exp(d.scores[i]);
                affine[i] = 3 * d.scores[i] + 7;
            }
            for (double[] t : List.of(exp, affine)) {
                // same ranks and ties give the same counts, rates and sums: equal to the last bit
                assertEquals(Metrics.rocAuc(d.labels, d.scores), Metrics.rocAuc(d.labels, t), 0.0);
                assertEquals(Metrics.averagePrecision(d.labels, d.scores), Metrics.averagePrecision(d.labels, t), 0.0);
                assertEquals(Metrics.prAuc(d.labels, d.scores), Metrics.prAuc(d.labels, t), 0.0);
            }
        }
    }

    @Test
    void aucEqualsMannWhitneyProbabilityWithTiesCountingHalf() {
        for (long seed = 0; seed < 20; seed++) {
            Sample d = sample(seed, 120, 6);
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < d.labels.length; i++) {
                for (int j = 0; j < d.labels.length; j++) {
                    if (d.labels[i] && !d.labels[j]) {
                        pairs++;
                        wins += d.scores[i] > d.scores[j] ? 1 : d.scores[i] == d.scores[j] ? 0.5 : 0;
                    }
                }
            }
            assertEquals(wins / pairs, Metrics.rocAuc(d.labels, d.scores), 1e-12, "seed " + seed);
        }
    }

    @Test
    void rowOrderDoesNotChangeRankingMetrics() {
        Sample d = sample(7, 400, 9);
        int n = d.labels.length;
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = d.labels[n - 1 - i];
            s[i] = d.scores[n - 1 - i];
        }
        assertEquals(Metrics.rocAuc(d.labels, d.scores), Metrics.rocAuc(y, s), 0.0);
        assertEquals(Metrics.averagePrecision(d.labels, d.scores), Metrics.averagePrecision(y, s), 0.0);
        assertEquals(RocCurve.of(d.labels, d.scores), RocCurve.of(y, s));
    }

    @Test
    void handWorkedConfusionMatrixAndMetrics() {
        // rows:        0    1    2    3    4    5    6    7    8    9
        int[] y =      {1,   1,   0,   0,   0,   1,   0,   0,   0,   0};
        double[] s =   {0.9, 0.4, 0.8, 0.1, 0.4, 0.7, 0.2, 0.3, 0.05, 0.4};
        // score >= 0.4 flags rows 0, 1, 2, 4, 5, 9: tp = rows 0, 1, 5; fp = rows 2, 4, 9; fn none; tn = 3, 6, 7, 8
        ConfusionMatrix m = ConfusionMatrix.atThreshold(y, s, 0.4);
        assertEquals(new ConfusionMatrix(4, 3, 0, 3), m);
        assertEquals(0.5, m.precision(), 0.0);
        assertEquals(1.0, m.recall(), 0.0);
        assertEquals(2.0 / 3, m.f1(), 1e-15);
        assertEquals(0.7, m.accuracy(), 1e-15);
        assertEquals(4.0 / 7, m.specificity(), 1e-15);
        assertEquals((4.0 / 7 + 1) / 2, m.balancedAccuracy(), 1e-15);
        // MCC = (tp·tn − fp·fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn)) = 12 / sqrt(6·3·7·4)
        assertEquals(12 / Math.sqrt(6 * 3 * 7 * 4), m.mcc(), 1e-15);
        // kappa: po = 0.7, pe = (6·3 + 4·7) / 100 = 0.46, κ = (0.7 − 0.46) / (1 − 0.46)
        assertEquals((0.7 - 0.46) / 0.54, m.kappa(), 1e-15);
        // F-beta by its definition (1 + β²)·P·R / (β²·P + R)
        assertEquals(1.25 * 0.5 / (0.25 * 0.5 + 1), m.fBeta(0.5), 1e-15);
        // one threshold up, the three 0.4 rows are no longer flagged
        assertEquals(new ConfusionMatrix(6, 1, 1, 2), ConfusionMatrix.atThreshold(y, s, Math.nextUp(0.4)));
        // precision@3 = rows 0, 2, 5 → 2 anomalies; precision@4 takes row 1 (first of the 0.4 ties)
        assertEquals(2.0 / 3, Metrics.precisionAtK(y, s, 3), 1e-15);
        assertEquals(0.75, Metrics.precisionAtK(y, s, 4), 0.0);
        assertEquals(1.0, Metrics.recallAtK(y, s, 4), 0.0);
    }

    @Test
    void thresholdConventionIsGreaterOrEqualAndNextUpGivesTheDetectorRule() {
        Sample d = sample(3, 500, 8);
        for (double t : new double[] {-2, -1.5, -1, 0, 0.25, 1}) {
            boolean[] ge = new boolean[d.scores.length];
            boolean[] gt = new boolean[d.scores.length];
            for (int i = 0; i < ge.length; i++) {
                ge[i] = d.scores[i] >= t;
                gt[i] = d.scores[i] > t;
            }
            assertEquals(ConfusionMatrix.of(d.labels, ge), ConfusionMatrix.atThreshold(d.labels, d.scores, t));
            assertEquals(ConfusionMatrix.of(d.labels, gt),
                    ConfusionMatrix.atThreshold(d.labels, d.scores, Math.nextUp(t)));
        }
    }

    @Test
    void metricsAtACurveThresholdAreThatCurvesPoint() {
        Sample d = sample(11, 300, 10);
        RocCurve roc = RocCurve.of(d.labels, d.scores, false);
        for (int i = 1; i < roc.size(); i++) {
            ConfusionMatrix m = ConfusionMatrix.atThreshold(d.labels, d.scores, roc.thresholds()[i]);
            assertEquals(roc.fpr()[i], m.fpr(), 0.0);
            assertEquals(roc.tpr()[i], m.tpr(), 0.0);
        }
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(d.labels, d.scores);
        for (int i = 0; i < pr.thresholds().length; i++) {
            ConfusionMatrix m = ConfusionMatrix.atThreshold(d.labels, d.scores, pr.thresholds()[i]);
            assertEquals(pr.precision()[i], m.precision(), 0.0);
            assertEquals(pr.recall()[i], m.recall(), 0.0);
        }
        assertEquals(1.0, pr.precision()[pr.size() - 1]);
        assertEquals(0.0, pr.recall()[pr.size() - 1]);
    }

    @Test
    void negativeZeroTiesWithZero() {
        boolean[] y = {true, false, true, false};
        assertEquals(RocCurve.of(y, new double[] {0.0, 0.0, 1, -1}),
                RocCurve.of(y, new double[] {-0.0, 0.0, 1, -1}));
        assertEquals(Metrics.precisionAtK(y, new double[] {0.0, 0.0, 1, -1}, 2),
                Metrics.precisionAtK(y, new double[] {-0.0, 0.0, 1, -1}, 2));
    }

    @Test
    void perfectAndConstantScores() {
        boolean[] y = {false, false, true, true, false};
        double[] perfect = {0.1, 0.2, 0.9, 0.8, 0.3};
        assertEquals(1.0, Metrics.rocAuc(y, perfect));
        assertEquals(1.0, Metrics.averagePrecision(y, perfect));
        double[] constant = {1, 1, 1, 1, 1};
        assertEquals(0.5, Metrics.rocAuc(y, constant));
        assertEquals(0.4, Metrics.averagePrecision(y, constant), 1e-15, "AP of a constant score = prevalence");
        ThresholdChoice best = ThresholdSearch.maxF1(y, perfect);
        assertEquals(0.8, best.threshold());
        assertEquals(1.0, best.f1());
    }

    @Test
    void costAnalysisIncludesFlaggingNothing() {
        boolean[] y = {false, false, true, false};
        double[] s = {0.1, 0.9, 0.5, 0.2};
        // a false alarm costs more than a miss: flagging nothing (cost 1) beats every score
        CostAnalysis a = CostAnalysis.of(y, s, 5, 1);
        assertEquals(Double.POSITIVE_INFINITY, a.cheapest().threshold());
        assertEquals(1.0, a.cheapest().value());
        Table t = a.toTable();
        assertEquals(List.of("threshold", "fp", "fn", "cost"), t.columnNames());
        assertEquals(5, t.rowCount());
        // cost 5·fp + 1·fn at 0.5: fp = 1 (row 1), fn = 0
        assertEquals(5.0, t.doubleColumn("cost").getDouble(2));
        // one class is allowed for costs
        assertEquals(0.0, CostAnalysis.of(new boolean[] {false, false}, new double[] {1, 2}, 1, 1).cheapest().value());
    }

    @Test
    void evaluationJsonHasTheListedKeysInOrderAndItsNumbers() throws Exception {
        Sample d = sample(5, 200, 7);
        Evaluation e = Evaluation.atMaxF1(d.labels, d.scores);
        JsonNode j = new ObjectMapper().readTree(e.toJson());
        List<String> keys = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("roc_auc", "average_precision", "pr_auc", "precision", "recall", "f1", "mcc",
                "confusion", "threshold"), keys);
        assertEquals(Metrics.rocAuc(d.labels, d.scores), j.get("roc_auc").asDouble(), 0.0);
        assertEquals(Metrics.averagePrecision(d.labels, d.scores), j.get("average_precision").asDouble(), 0.0);
        assertEquals(Metrics.prAuc(d.labels, d.scores), j.get("pr_auc").asDouble(), 0.0);
        assertEquals(ThresholdSearch.maxF1(d.labels, d.scores).threshold(), j.get("threshold").asDouble(), 0.0);
        assertEquals(e.confusion().tp(), j.get("confusion").get("tp").asLong());
        assertEquals(e.f1(), j.get("f1").asDouble(), 0.0);
        assertEquals(e, Evaluation.at(d.labels, d.scores, e.threshold()));
        Table t = e.toTable();
        assertEquals(12, t.rowCount());
        assertEquals(e.mcc(), t.doubleColumn("value").getDouble(6), 0.0);
        String none = Evaluation.at(d.labels, d.scores, Double.POSITIVE_INFINITY).toJson();
        assertTrue(none.endsWith("\"threshold\":null}"), none);
    }

    @Test
    void evaluationReadsTableColumns() {
        Table t = Table.create("t", IntColumn.create("label", 0, 1, 0, 1),
                DoubleColumn.create("score", 0.1, 0.8, 0.4, 0.3),
                BooleanColumn.create("flag", false, true, false, true));
        Evaluation byInt = Evaluation.of(t, "label", "score", 0.3);
        assertEquals(new ConfusionMatrix(1, 1, 0, 2), byInt.confusion());
        assertEquals(0.75, byInt.rocAuc());
        assertEquals(byInt, Evaluation.of(t, "flag", "score", 0.3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(t, "nope", "score", null));
        assertTrue(e.getMessage().contains("\"nope\""), e.getMessage());
    }

    @Test
    void tableColumnsAreCheckedWithTheColumnAndRowNamed() {
        DoubleColumn withGap = DoubleColumn.create("score", 0.1, Double.NaN, 0.3);
        Table t = Table.create("t", IntColumn.create("label", 0, 1, 1), withGap,
                tech.tablesaw.api.StringColumn.create("text", "0", "1", "1"));
        assertArrayEquals(new boolean[] {false, true, true}, EvalInputs.labels(t, "label"));
        assertMessage(() -> EvalInputs.scores(t, "score"), "\"score\" has a missing value at row 1");
        assertMessage(() -> EvalInputs.labels(t, "text"), "use a boolean column or a numeric column of 0/1");
        assertMessage(() -> EvalInputs.scores(t, "text"), "scores must be numeric");
        assertMessage(() -> EvalInputs.labels(t, "none"), "label column \"none\" is not in table t");
        Table p = Table.create("p", BooleanColumn.create("flag", new boolean[] {true, false}));
        p.booleanColumn("flag").appendMissing();
        assertArrayEquals(new boolean[] {true, false}, EvalInputs.predictions(p.first(2), "flag"));
        assertMessage(() -> EvalInputs.predictions(p, "flag"), "prediction column \"flag\" has a missing value at row 2");
    }

    @Test
    void classificationReportRowsAndColumns() {
        Table r = ClassificationReport.of(new int[] {0, 0, 1, 1}, new boolean[] {false, true, true, true});
        assertEquals(List.of("class", "precision", "recall", "f1-score", "support"), r.columnNames());
        assertEquals(List.of("0", "1", "accuracy", "macro avg", "weighted avg"), r.stringColumn("class").asList());
        assertEquals(0.75, r.doubleColumn("f1-score").getDouble(2));
        assertTrue(r.doubleColumn("precision").isMissing(2));
        assertEquals(4, r.intColumn("support").getInt(2));
    }

    @Test
    void badInputNamesTheProblemAndTheFix() {
        double[] s = {0.1, 0.2, 0.3};
        assertMessage(() -> Metrics.rocAuc(new int[] {0, 1}, s), "scores has 3 rows but labels has 2");
        assertMessage(() -> Metrics.rocAuc(new int[] {0, 2, 1}, s), "got 2 at row 1");
        assertMessage(() -> Metrics.rocAuc(new int[] {0, 1, 1}, new double[] {0, Double.NaN, 1}), "NaN at row 1");
        assertMessage(() -> Metrics.rocAuc(new int[] {0, 1, 1}, new double[] {0, 1, Double.POSITIVE_INFINITY}),
                "Infinity at row 2");
        assertMessage(() -> Metrics.rocAuc(new int[] {0, 0, 0}, s), "all 3 labels are 0");
        assertMessage(() -> Metrics.averagePrecision(new int[] {1, 1, 1}, s), "all 3 labels are 1");
        assertMessage(() -> Metrics.rocAuc(new int[0], new double[0]), "at least one row");
        assertMessage(() -> Metrics.precision(new int[] {0, 1}, new boolean[] {true}), "predicted has 1 rows");
        assertMessage(() -> Metrics.precisionAtK(new int[] {0, 1, 1}, s, 4), "k must be in [1, 3]");
        assertMessage(() -> Metrics.recallAtK(new int[] {0, 0, 0}, s, 1), "at least one anomaly");
        assertMessage(() -> CostAnalysis.of(new int[] {0, 1, 1}, s, -1, 1), "costs must be finite and >= 0");
        assertMessage(() -> ThresholdSearch.forPrecision(new int[] {1, 0, 0}, s, 0.9), "highest precision");
        assertMessage(() -> ThresholdSearch.forRecall(new int[] {1, 0, 0}, s, 0), "must be in (0, 1]");
        assertMessage(() -> ConfusionMatrix.atThreshold(new int[] {1, 0, 0}, s, Double.NaN), "NaN");
        assertMessage(() -> Metrics.auc(new double[] {0, 1, 0.5}, new double[] {0, 1, 1}), "non-decreasing");
    }

    @Test
    void inputsAreNotModified() {
        Sample d = sample(9, 250, 6);
        boolean[] y = d.labels.clone();
        double[] s = d.scores.clone();
        Metrics.rocAuc(d.labels, d.scores);
        Metrics.averagePrecision(d.labels, d.scores);
        Metrics.precisionAtK(d.labels, d.scores, 20);
        CostAnalysis.of(d.labels, d.scores, 1, 3);
        ThresholdSearch.maxF1(d.labels, d.scores);
        Evaluation.atMaxF1(d.labels, d.scores);
        assertArrayEquals(y, d.labels);
        assertArrayEquals(s, d.scores);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
    }
}
