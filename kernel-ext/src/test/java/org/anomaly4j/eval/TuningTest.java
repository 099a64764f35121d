package org.anomaly4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anomaly4j.detect.IsolationForest;
import org.anomaly4j.detect.OneClassSvm;
import org.anomaly4j.features.Synthetic;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TuningTest {

    static Table data() {
        return Synthetic.blobs(400, 3, 40, 5);
    }

    static Map<String, List<?>> grid() {
        Map<String, List<?>> g = new LinkedHashMap<>();
        g.put("nu", List.of(0.05, 0.2));
        g.put("gamma", List.of(0.1, "scale"));
        return g;
    }

    @Test
    void everyCombinationIsScoredAndTheBestHasTheHighestMean() {
        Table t = data();
        Table before = t.copy();
        Tuning.Result r = Tuning.search(OneClassSvm.with(), grid(), t, "label", Tuning.Metric.ROC_AUC, 4, 1);
        Table out = r.table();
        assertEquals(4, out.rowCount());
        assertEquals(List.of("nu", "gamma", "mean", "std", "fold0", "fold1", "fold2", "fold3"), out.columnNames());
        assertEquals(List.of("0.05", "0.05", "0.2", "0.2"), out.stringColumn("nu").asList());
        assertEquals(List.of("0.1", "scale", "0.1", "scale"), out.stringColumn("gamma").asList());
        double max = out.doubleColumn("mean").max();
        assertEquals(max, r.bestScore(), 0.0);
        assertTrue(max > 0.8, "blobs with far anomalies are easy: " + max);
        for (int i = 0; i < 4; i++) {
            double m = 0;
            for (int f = 0; f < 4; f++) {
                m += out.doubleColumn("fold" + f).getDouble(i);
            }
            assertEquals(m / 4, out.doubleColumn("mean").getDouble(i), 1e-12);
            assertTrue(out.doubleColumn("std").getDouble(i) >= 0);
        }
        OneClassSvm best = (OneClassSvm) r.best();
        assertEquals(r.bestSettings().get("nu"), String.valueOf(best.options().get(OneClassSvm.NU)));
        assertEquals(before.print(), t.print(), "the table is not changed");
    }

    @Test
    void sameSeedSameResultAndFoldsAreStratified() {
        Table t = data();
        Map<String, List<?>> g = Map.of("trees", List.of(20, 50));
        Tuning.Result a = Tuning.search(IsolationForest.with().seed(3), g, t, "label", Tuning.Metric.AVERAGE_PRECISION, 5, 9);
        Tuning.Result b = Tuning.search(IsolationForest.with().seed(3), g, t, "label", Tuning.Metric.AVERAGE_PRECISION, 5, 9);
        assertArrayEquals(a.table().doubleColumn("mean").asDoubleArray(), b.table().doubleColumn("mean").asDoubleArray(), 0.0);
        boolean[] y = EvalInputs.labels(t, "label");
        int[] fold = Tuning.stratifiedFolds(y, 5, 9);
        int[] anomalies = new int[5];
        int[] sizes = new int[5];
        for (int i = 0; i < y.length; i++) {
            sizes[fold[i]]++;
            anomalies[fold[i]] += y[i] ? 1 : 0;
        }
        for (int f = 0; f < 5; f++) {
            assertEquals(8, anomalies[f], "40 anomalies dealt to 5 folds");
            assertEquals(88, sizes[f]);
        }
    }

    @Test
    void badGridsAndInputsAreReportedClearly() {
        Table t = data();
        String typo = assertThrows(IllegalArgumentException.class, () -> Tuning.search(OneClassSvm.with(),
                Map.of("nuu", List.of(0.1)), t, "label", Tuning.Metric.ROC_AUC, 3, 0)).getMessage();
        assertTrue(typo.contains("no setting \"nuu\""), typo);
        String range = assertThrows(IllegalArgumentException.class, () -> Tuning.search(OneClassSvm.with(),
                Map.of("nu", List.of(2)), t, "label", Tuning.Metric.ROC_AUC, 3, 0)).getMessage();
        assertTrue(range.contains("nu must be in (0, 1]"), range);
        assertThrows(IllegalArgumentException.class, () -> Tuning.search(OneClassSvm.with(), grid(), t, "label",
                Tuning.Metric.ROC_AUC, 1, 0));
        String folds = assertThrows(IllegalArgumentException.class, () -> Tuning.search(OneClassSvm.with(), grid(),
                Synthetic.blobs(100, 2, 3, 1), "label", Tuning.Metric.ROC_AUC, 5, 0)).getMessage();
        assertTrue(folds.contains("fewer than the 5 folds"), folds);
    }
}
