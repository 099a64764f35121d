package org.anomaly4j.detect.density;

import static org.anomaly4j.eval.Metrics.averagePrecision;
import static org.anomaly4j.eval.Metrics.rocAuc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * ROC-AUC and average precision ({@code eval.Metrics}, equal to scikit-learn's) of every density core on the ten
 * ADBench tables (training scores, label 1 = anomaly) next to the reference implementation's
 * (golden/density/adbench_metrics.csv from gen_density.py).
 * Tolerances per detector, with the reason:
 * <ul>
 *   <li>HBOS, ECOD, COPOD, PCA (both scorings), one-component GMM: deterministic and equal in score to 1e-9, so
 *   the metrics agree to 1e-6 (only exactly tied scores that round differently could move them);</li>
 *   <li>elliptic envelope (MCD): scikit-learn's random subsets cannot be reproduced and several tables have
 *   many near-optimal h-subsets, so a different local minimum moves the metrics: 0.03;</li>
 *   <li>elliptic envelope on cardio: 0.1. The table is rank-deficient (rank 20 of 21 columns), so every
 *   h-subset covariance is singular and the MCD search follows round-off: scikit-learn's own ROC-AUC moved from
 *   0.750 to 0.804 and its AP from 0.286 to 0.371 when the CSV was parsed one ulp differently (pandas' fast
 *   parser vs correct rounding). Ours: 0.771 and 0.439.</li>
 * </ul>
 */
class DensityAdbenchTest {

    record Row(String dataset, String detector, double auc, double ap) {
    }

    static List<Row> golden() throws IOException {
        try (InputStream in = DensityAdbenchTest.class.getResourceAsStream("/golden/density/adbench_metrics.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String> h = List.of(lines[0].split(","));
            List<Row> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                out.add(new Row(f[h.indexOf("dataset")], f[h.indexOf("detector")],
                        Double.parseDouble(f[h.indexOf("auc")]), Double.parseDouble(f[h.indexOf("ap")])));
            }
            return out;
        }
    }

    static Map<String, Function<double[][], double[]>> detectors() {
        Map<String, Function<double[][], double[]>> m = new LinkedHashMap<>();
        m.put("hbos", x -> new Hbos().fit(x).trainingScores());
        m.put("ecod", x -> Ecod.fit(x).trainingScores());
        m.put("copod", x -> Copod.fit(x).trainingScores());
        m.put("elliptic_envelope", x -> new MinCovDet().fit(x).trainingScores());
        m.put("gmm", x -> new GaussianMixture().fit(x).trainingScores());
        m.put("pca_projection", x -> new Pca().fit(x).trainingScores());
        m.put("pca_pyod", x -> new Pca(Pca.Scoring.PYOD, 0, true, true).fit(x).trainingScores());
        return m;
    }

    static double tolerance(String dataset, String detector) {
        if (!detector.equals("elliptic_envelope")) {
            return 1e-6;
        }
        return dataset.equals("6_cardio") ? 0.1 : 0.03;
    }

    @Test
    void metricsMatchTheReferenceOnAdbench() throws IOException {
        List<Row> golden = golden();
        Map<String, Function<double[][], double[]>> detectors = detectors();
        assertEquals(10 * detectors.size(), golden.size(), "one row per table and detector");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-16s %-18s %8s %8s %8s %8s%n",
                "dataset", "detector", "auc", "ref_auc", "ap", "ref_ap"));
        List<String> failures = new ArrayList<>();
        String loaded = null;
        DensityGolden.Labelled data = null;
        for (Row g : golden) {
            if (!g.dataset().equals(loaded)) {
                data = DensityGolden.adbench(g.dataset());
                loaded = g.dataset();
            }
            double[] s = detectors.get(g.detector()).apply(data.x());
            double auc = rocAuc(data.anomaly(), s);
            double ap = averagePrecision(data.anomaly(), s);
            table.append(String.format(Locale.ROOT, "%-16s %-18s %8.4f %8.4f %8.4f %8.4f%n", g.dataset(), g.detector(),
                    auc, g.auc(), ap, g.ap()));
            double tol = tolerance(g.dataset(), g.detector());
            // the golden is rounded to 6 decimals
            if (Math.abs(auc - g.auc()) > tol + 5e-7 || Math.abs(ap - g.ap()) > tol + 5e-7) {
                failures.add(g.dataset() + "/" + g.detector());
            }
        }
        System.out.println("ADBench ROC-AUC / AP, anomaly4j vs reference\n" + table);
        assertTrue(failures.isEmpty(), "metrics differ beyond tolerance on " + failures + "\n" + table);
    }
}
