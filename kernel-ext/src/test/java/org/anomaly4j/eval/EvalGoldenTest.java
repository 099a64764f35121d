package org.anomaly4j.eval;

import static org.anomaly4j.eval.EvalGolden.close;
import static org.anomaly4j.eval.EvalGolden.closeAt;
import static org.anomaly4j.eval.EvalGolden.doubles;
import static org.anomaly4j.eval.EvalGolden.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TestData;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Every metric against scikit-learn 1.9.1 (gen_eval.py): 20 small seeded cases with many ties (full curves), the
 * credit-card subset with four real score vectors (curves at a stored subset of points) and the zero-division
 * cases. Tolerance {@link EvalGolden#TOL}.
 */
class EvalGoldenTest {

    @TestFactory
    List<DynamicTest> randomCasesWithTiesEqualScikitLearn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : EvalGolden.load("random.json").get("cases")) {
            int[] y = ints(c.get("labels"));
            double[] s = doubles(c.get("scores"));
            tests.add(DynamicTest.dynamicTest("n=" + y.length, () -> checkCase(c, y, s, "n=" + y.length)));
        }
        assertEquals(20, tests.size());
        return tests;
    }

    @TestFactory
    List<DynamicTest> creditCardScoresEqualScikitLearn() {
        JsonNode golden = EvalGolden.load("creditcard.json");
        Table card = Csv.read(TestData.file("creditcard"), CsvOptions.defaults());
        int[] y = ((NumericColumn<?>) card.column("Class")).asDoubleColumn().asList().stream()
                .mapToInt(Double::intValue).toArray();
        assertEquals(golden.get("rows").asInt(), y.length);
        assertEquals(golden.get("anomalies").asInt(), java.util.Arrays.stream(y).sum());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden.get("scores")) {
            String name = c.get("name").asText();
            double[] column = ((NumericColumn<?>) card.column(name.replace("-", ""))).asDoubleArray();
            double[] s = new double[column.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = name.startsWith("-") ? -column[i] : column[i];
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                for (int i = 0; i < 5; i++) {
                    assertEquals(c.get("first").get(i).asDouble(), s[i], 0.0, "parsed score " + i);
                }
                checkCase(c, y, s, name);
            }));
        }
        return tests;
    }

    @Test
    void zeroDivisionCasesEqualScikitLearnDefaults() {
        for (JsonNode c : EvalGolden.load("degenerate.json").get("cases")) {
            int[] y = ints(c.get("labels"));
            int[] p = ints(c.get("predicted"));
            boolean[] predicted = new boolean[p.length];
            for (int i = 0; i < p.length; i++) {
                predicted[i] = p[i] == 1;
            }
            checkPredictionMetrics(c, ConfusionMatrix.of(y, predicted), java.util.Arrays.toString(y) + " vs "
                    + java.util.Arrays.toString(p));
        }
    }

    private static void checkCase(JsonNode c, int[] y, double[] s, String what) {
        int[] yCopy = y.clone();
        double[] sCopy = s.clone();
        close(c.get("roc_auc"), Metrics.rocAuc(y, s), what + " roc_auc");
        close(c.get("average_precision"), Metrics.averagePrecision(y, s), what + " average_precision");
        close(c.get("pr_auc"), Metrics.prAuc(y, s), what + " pr_auc");

        boolean[] labels = EvalInputs.labels(y);
        checkRoc(c.get("roc"), RocCurve.of(labels, s), what + " roc");
        checkRoc(c.get("roc_all"), RocCurve.of(labels, s, false), what + " roc_all");

        checkPr(c.get("pr"), PrecisionRecallCurve.of(y, s), what + " pr");
        PrecisionRecallCurve dropped = PrecisionRecallCurve.of(labels, s, true);
        checkPr(c.get("pr_drop"), dropped, what + " pr_drop");
        close(c.get("pr_drop").get("pr_auc"), dropped.auc(), what + " pr_drop auc");
        close(c.get("average_precision"), dropped.averagePrecision(), what + " pr_drop average precision");

        for (JsonNode at : c.get("at")) {
            double t = at.get("threshold").asDouble();
            checkPredictionMetrics(at, ConfusionMatrix.atThreshold(y, s, t), what + " at " + t);
        }
        for (JsonNode k : c.get("top_k")) {
            int kk = k.get("k").asInt();
            close(k.get("precision"), Metrics.precisionAtK(y, s, kk), what + " precision@" + kk);
            close(k.get("recall"), Metrics.recallAtK(y, s, kk), what + " recall@" + kk);
        }
        checkChoices(c.get("choices"), y, s, what);
        checkCosts(c.get("costs"), y, s, what);
        assertTrue(java.util.Arrays.equals(yCopy, y) && java.util.Arrays.equals(sCopy, s), "inputs unchanged");
    }

    private static void checkPr(JsonNode g, PrecisionRecallCurve pr, String what) {
        assertEquals(g.get("size").asInt(), pr.size(), what + " size");
        closeAt(g.get("rows"), g.get("precision"), pr.precision(), what + " precision");
        closeAt(g.get("rows"), g.get("recall"), pr.recall(), what + " recall");
        closeAt(g.get("threshold_rows"), g.get("thresholds"), pr.thresholds(), what + " thresholds");
    }

    private static void checkRoc(JsonNode g, RocCurve roc, String what) {
        assertEquals(g.get("size").asInt(), roc.size(), what + " size");
        assertEquals(Double.POSITIVE_INFINITY, roc.thresholds()[0], what + " first threshold");
        closeAt(g.get("rows"), g.get("fpr"), roc.fpr(), what + " fpr");
        closeAt(g.get("rows"), g.get("tpr"), roc.tpr(), what + " tpr");
        JsonNode rows = g.get("rows");
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i).asInt();
            if (r > 0) {
                close(g.get("thresholds").get(i), roc.thresholds()[r], what + " threshold[" + r + "]");
            }
        }
    }

    static void checkPredictionMetrics(JsonNode g, ConfusionMatrix m, String what) {
        int[] cm = ints(g.get("confusion"));
        assertEquals(new ConfusionMatrix(cm[0], cm[1], cm[2], cm[3]), m, what + " confusion");
        close(g.get("precision"), m.precision(), what + " precision");
        close(g.get("recall"), m.recall(), what + " recall");
        close(g.get("f1"), m.f1(), what + " f1");
        close(g.get("f05"), m.fBeta(0.5), what + " f0.5");
        close(g.get("f2"), m.fBeta(2), what + " f2");
        close(g.get("accuracy"), m.accuracy(), what + " accuracy");
        close(g.get("balanced_accuracy"), m.balancedAccuracy(), what + " balanced accuracy");
        close(g.get("specificity"), m.specificity(), what + " specificity");
        close(g.get("mcc"), m.mcc(), what + " mcc");
        close(g.get("kappa"), m.kappa(), what + " kappa");

        Table report = ClassificationReport.of(m);
        JsonNode r = g.get("report");
        String[] rows = {"0", "1", "macro avg", "weighted avg"};
        int[] at = {0, 1, 3, 4};
        for (int i = 0; i < rows.length; i++) {
            JsonNode e = r.get(rows[i]);
            close(e.get("precision"), report.doubleColumn("precision").getDouble(at[i]), what + " " + rows[i] + " p");
            close(e.get("recall"), report.doubleColumn("recall").getDouble(at[i]), what + " " + rows[i] + " r");
            close(e.get("f1-score"), report.doubleColumn("f1-score").getDouble(at[i]), what + " " + rows[i] + " f1");
            assertEquals(e.get("support").asInt(), report.intColumn("support").getInt(at[i]), what + " support");
        }
        close(r.get("accuracy"), report.doubleColumn("f1-score").getDouble(2), what + " report accuracy");
        assertEquals("accuracy", report.stringColumn("class").get(2));
    }

    private static void checkChoices(JsonNode g, int[] y, double[] s, String what) {
        ThresholdChoice f1 = ThresholdSearch.maxF1(y, s);
        close(g.get("max_f1").get("threshold"), f1.threshold(), what + " max f1 threshold");
        close(g.get("max_f1").get("value"), f1.value(), what + " max f1");
        assertEquals(f1.value(), f1.f1(), 0.0);
        ThresholdChoice j = ThresholdSearch.maxYouden(y, s);
        close(g.get("max_youden").get("threshold"), j.threshold(), what + " youden threshold");
        close(g.get("max_youden").get("value"), j.value(), what + " youden j");
        assertEquals(j.confusion().recall() - j.confusion().fpr(), j.value(), 1e-15);
        for (JsonNode p : g.get("for_precision")) {
            double target = p.get("target").asDouble();
            if (p.get("threshold").isNull()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> ThresholdSearch.forPrecision(y, s, target));
                assertTrue(e.getMessage().contains("no threshold reaches precision"), e.getMessage());
            } else {
                ThresholdChoice c = ThresholdSearch.forPrecision(y, s, target);
                close(p.get("threshold"), c.threshold(), what + " precision " + target + " threshold");
                close(p.get("value"), c.value(), what + " precision " + target);
            }
        }
        for (JsonNode r : g.get("for_recall")) {
            double target = r.get("target").asDouble();
            ThresholdChoice c = ThresholdSearch.forRecall(y, s, target);
            close(r.get("threshold"), c.threshold(), what + " recall " + target + " threshold");
            close(r.get("value"), c.value(), what + " recall " + target);
        }
    }

    private static void checkCosts(JsonNode g, int[] y, double[] s, String what) {
        for (JsonNode c : g) {
            double cfp = c.get("cost_fp").asDouble();
            double cfn = c.get("cost_fn").asDouble();
            CostAnalysis a = CostAnalysis.of(y, s, cfp, cfn);
            String w = what + " costs " + cfp + "/" + cfn;
            assertEquals(c.get("size").asInt(), a.thresholds().length, w + " size");
            double[] thr = a.thresholds();
            long[] fp = a.fp();
            long[] fn = a.fn();
            double[] cost = a.cost();
            JsonNode rows = c.get("rows");
            for (int i = 0; i < rows.size(); i++) {
                int r = rows.get(i).asInt();
                if (r == 0) {
                    assertEquals(Double.POSITIVE_INFINITY, thr[0], w);
                } else {
                    close(c.get("thresholds").get(i), thr[r], w + " threshold[" + r + "]");
                }
                assertEquals(c.get("fp").get(i).asLong(), fp[r], w + " fp[" + r + "]");
                assertEquals(c.get("fn").get(i).asLong(), fn[r], w + " fn[" + r + "]");
                close(c.get("cost").get(i), cost[r], w + " cost[" + r + "]");
            }
            ThresholdChoice cheapest = a.cheapest();
            double expectedThreshold = c.get("cheapest_threshold").isNull() ? Double.POSITIVE_INFINITY
                    : c.get("cheapest_threshold").asDouble();
            assertEquals(expectedThreshold, cheapest.threshold(), w + " cheapest threshold");
            close(c.get("cheapest_cost"), cheapest.value(), w + " cheapest cost");
            assertEquals(cheapest, ThresholdSearch.minCost(y, s, cfp, cfn), w);
        }
    }
}
