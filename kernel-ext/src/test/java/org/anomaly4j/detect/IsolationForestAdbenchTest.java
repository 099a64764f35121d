package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.datasets.Datasets;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Statistical parity with scikit-learn on the ten ADBench tables: the same algorithm with other random streams
 * must rank anomalies as well. For each table, ROC-AUC (label 1 = anomaly) of the training scores, averaged
 * over seeds 0..4, against scikit-learn's IsolationForest(n_estimators=100) averaged over random_state 0..4
 * (golden/iforest/adbench_auc.csv from gen_iforest.py). Tolerance 0.02 per table: the seed-to-seed standard
 * deviation of the AUC is up to 0.03 (Wilt), so a mean of 5 seeds on each side differs by about 0.02 at most
 * by chance, while a semantic error (wrong c(n), depth limit, or cut rule) moves the AUC by more.
 */
public class IsolationForestAdbenchTest {

    /** ROC-AUC as scikit-learn's roc_auc_score: the Mann–Whitney statistic with average ranks for ties. */
    public static double rocAuc(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        long pos = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // average rank of the tie group, 1-based
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSum += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    @Test
    void rocAucHandlesTiesLikeScikitLearn() {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75 (scikit-learn's documentation example)
        assertEquals(0.75, rocAuc(new boolean[] {false, false, true, true}, new double[] {0.1, 0.4, 0.35, 0.8}), 1e-15);
        // a tie between a positive and a negative counts one half: roc_auc_score([0, 1, 1], [0.5, 0.5, 0.9]) = 0.75
        assertEquals(0.75, rocAuc(new boolean[] {false, true, true}, new double[] {0.5, 0.5, 0.9}), 1e-15);
        assertEquals(0.25, rocAuc(new boolean[] {false, true, true}, new double[] {0.5, 0.5, 0.1}), 1e-15,
                "reversed scores give 1 − AUC");
    }

    record Golden(String dataset, double meanAuc) {
    }

    static List<Golden> golden() throws IOException {
        try (InputStream in = IsolationForestAdbenchTest.class.getResourceAsStream("/golden/iforest/adbench_auc.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String> header = List.of(lines[0].split(","));
            List<Golden> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                out.add(new Golden(f[header.indexOf("dataset")], Double.parseDouble(f[header.indexOf("mean_auc")])));
            }
            return out;
        }
    }

    @Test
    void aucMatchesScikitLearnOnAdbench() throws IOException {
        List<Golden> golden = golden();
        assertEquals(10, golden.size());
        Datasets data = Datasets.fromEnvironment();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-16s %8s %4s %9s %9s %7s%n",
                "dataset", "rows", "d", "anomaly4j", "sklearn", "diff"));
        List<String> failures = new ArrayList<>();
        for (Golden g : golden) {
            Table t = Csv.read(data.resolve("adbench/" + g.dataset()), CsvOptions.defaults());
            String[] cols = t.columnNames().stream().filter(c -> c.startsWith("x")).toArray(String[]::new);
            double[][] x = Inputs.matrix(t, cols);
            NumericColumn<?> label = t.numberColumn("label");
            boolean[] y = new boolean[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = label.getDouble(i) == 1;
            }
            double sum = 0;
            for (long seed = 0; seed < 5; seed++) {
                sum += rocAuc(y, IsolationForest.with().seed(seed).fit(x).trainingScores());
            }
            double ours = sum / 5;
            double diff = ours - g.meanAuc();
            table.append(String.format(Locale.ROOT, "%-16s %8d %4d %9.4f %9.4f %+7.4f%n", g.dataset(), x.length,
                    cols.length, ours, g.meanAuc(), diff));
            if (Math.abs(diff) > 0.02) {
                failures.add(g.dataset());
            }
        }
        System.out.println("ROC-AUC, mean of 5 seeds, IsolationForest(100 trees) vs scikit-learn 1.9\n" + table);
        assertTrue(failures.isEmpty(), "|AUC − scikit-learn| > 0.02 on " + failures + "\n" + table);
    }
}
