package org.anomaly4j.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.anomaly4j.detect.Detector;
import org.anomaly4j.progress.Progress;
import org.anomaly4j.detect.Inputs;
import org.anomaly4j.detect.Model;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Grid search of a detector's options by stratified k-fold cross-validation, as scikit-learn's
 * {@code GridSearchCV(estimator, param_grid, cv=StratifiedKFold(k, shuffle=True, random_state=seed), scoring=...)}
 * does for the professional guide's one-class SVM ({@code nu}, {@code gamma}).
 * <p>For every combination of the grid (the cartesian product, in the order given), for each fold: the detector
 * is fitted on the other k − 1 folds <em>without</em> their labels (detection is unsupervised), the held-out
 * fold is scored, and the metric compares its scores (or its flags, for label metrics) with its labels. The
 * grid's parameters keep the map's order (a LinkedHashMap's), or are sorted by name for an unordered map such as
 * {@code Map.of}, so results never depend on hash order. The
 * result holds the mean and the standard deviation (ddof 0, as scikit-learn's {@code std_test_score}) over the
 * folds for each combination, and the best combination (highest mean; the first in grid order on ties).
 * <p>Folds: the rows of each class are shuffled with {@code new SplittableRandom(seed)} and dealt to the folds in
 * turn, so every fold has nearly the same share of anomalies (the same design as {@code StratifiedKFold}; the
 * random stream differs from numpy's, so fold membership is not scikit-learn's). Fits run in parallel over
 * combinations and folds on the common pool; results do not depend on the thread count. A search longer than
 * 2 s shows progress.
 */
public final class Tuning {

    /** What a fold is judged by. */
    public enum Metric {
        /** ROC-AUC of the scores (threshold-free). */
        ROC_AUC,
        /** Average precision of the scores (threshold-free). */
        AVERAGE_PRECISION,
        /** Trapezoid PR-AUC of the scores. */
        PR_AUC,
        /** F1 of the detector's own flags (its threshold rule, e.g. contamination). */
        F1,
        /** Matthews correlation of the detector's own flags. */
        MCC;

        double of(boolean[] labels, double[] scores, boolean[] flags) {
            return switch (this) {
                case ROC_AUC -> Metrics.rocAuc(labels, scores);
                case AVERAGE_PRECISION -> Metrics.averagePrecision(labels, scores);
                case PR_AUC -> Metrics.prAuc(labels, scores);
                case F1 -> Metrics.f1(labels, flags);
                case MCC -> Metrics.mcc(labels, flags);
            };
        }
    }

    /**
     * The outcome: one row per combination (a column per grid parameter, then {@code mean}, {@code std} and one
     * column per fold), the best combination's settings, its mean score and the detector configured with it.
     */
    public record Result(Table table, Map<String, String> bestSettings, double bestScore, Detector<?> best) {
        @Override
        public String toString() {
            return "best " + bestSettings + " (mean " + String.format(java.util.Locale.ROOT, "%.4f", bestScore) + ")";
        }
    }

    private Tuning() {
    }

    /**
     * Runs the search.
     *
     * @param detector the detector whose other options stay as set
     * @param grid     parameter name → values to try (written as on the command line: numbers, "scale", true…)
     * @param table    the data, with a 0/1 or boolean label column
     * @param label    the label column (1/true = anomaly)
     * @param metric   what a fold is judged by
     * @param folds    k ≥ 2; each class must have at least k rows
     * @param seed     shuffles the folds
     * @param columns  feature columns; none = every numeric column except the label
     */
    public static Result search(Detector<?> detector, Map<String, List<?>> grid, Table table, String label,
                                Metric metric, int folds, long seed, String... columns) {
        if (detector == null || grid == null || table == null || metric == null) {
            throw new IllegalArgumentException("detector, grid, table and metric must not be null");
        }
        if (grid.isEmpty() || grid.values().stream().anyMatch(v -> v == null || v.isEmpty())) {
            throw new IllegalArgumentException("the grid needs at least one parameter with at least one value, got " + grid);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, got " + folds);
        }
        boolean[] y = EvalInputs.labels(table, label);
        String[] features = columns != null && columns.length > 0 ? columns : numericExcept(table, label);
        double[][] x = Inputs.matrix(table, features);
        List<String> names = List.of(features);
        List<Map<String, String>> combos = product(grid);
        // check every combination once before any fit, so a typo fails at once
        List<Detector<?>> configured = new ArrayList<>();
        for (Map<String, String> c : combos) {
            configured.add(withSettings(detector, c));
        }
        int[] fold = stratifiedFolds(y, folds, seed);
        double[][] scores = new double[combos.size()][folds];
        Progress progress = Progress.start("tune " + detector.name());
        AtomicInteger done = new AtomicInteger();
        int total = combos.size() * folds;
        IntStream.range(0, total).parallel().forEach(task -> {
            int c = task / folds;
            int f = task % folds;
            scores[c][f] = foldScore(configured.get(c), x, names, y, fold, f, metric);
            progress.update(done.incrementAndGet() + "/" + total + " fits");
        });
        progress.done(total + " fits");
        Table out = Table.create(detector.name() + " grid search, " + folds + "-fold " + metric.name().toLowerCase());
        for (String p : keys(grid)) {
            StringColumn col = StringColumn.create(p);
            combos.forEach(c -> col.append(c.get(p)));
            out.addColumns(col);
        }
        double[] mean = new double[combos.size()];
        double[] std = new double[combos.size()];
        int best = 0;
        for (int c = 0; c < combos.size(); c++) {
            mean[c] = Arrays.stream(scores[c]).sum() / folds;
            double ss = 0;
            for (double v : scores[c]) {
                ss += (v - mean[c]) * (v - mean[c]);
            }
            std[c] = Math.sqrt(ss / folds);
            if (mean[c] > mean[best]) {
                best = c;
            }
        }
        out.addColumns(DoubleColumn.create("mean", mean), DoubleColumn.create("std", std));
        for (int f = 0; f < folds; f++) {
            double[] v = new double[combos.size()];
            for (int c = 0; c < combos.size(); c++) {
                v[c] = scores[c][f];
            }
            out.addColumns(DoubleColumn.create("fold" + f, v));
        }
        return new Result(out, combos.get(best), mean[best], configured.get(best));
    }

    private static double foldScore(Detector<?> d, double[][] x, List<String> names, boolean[] y, int[] fold, int f,
                                    Metric metric) {
        int test = 0;
        for (int v : fold) {
            test += v == f ? 1 : 0;
        }
        double[][] train = new double[x.length - test][];
        double[][] held = new double[test][];
        boolean[] heldY = new boolean[test];
        int a = 0;
        int b = 0;
        for (int i = 0; i < x.length; i++) {
            if (fold[i] == f) {
                held[b] = x[i];
                heldY[b++] = y[i];
            } else {
                train[a++] = x[i];
            }
        }
        Model m = d.fit(train, names);
        double[] s = m.score(held);
        return metric.of(heldY, s, m.flags(s));
    }

    /** Fold of each row: each class shuffled and dealt in turn. */
    static int[] stratifiedFolds(boolean[] y, int k, long seed) {
        int[] fold = new int[y.length];
        SplittableRandom r = new SplittableRandom(seed);
        for (boolean cls : new boolean[] {false, true}) {
            int n = 0;
            for (boolean v : y) {
                n += v == cls ? 1 : 0;
            }
            if (n < k) {
                throw new IllegalArgumentException("class " + (cls ? 1 : 0) + " has " + n + " rows, fewer than the " + k
                        + " folds; use fewer folds");
            }
            int[] idx = new int[n];
            int m = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] == cls) {
                    idx[m++] = i;
                }
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            for (int i = 0; i < n; i++) {
                fold[idx[i]] = i % k;
            }
        }
        return fold;
    }

    /** Grid keys in the map's own order when it has one (LinkedHashMap, TreeMap), else sorted (Map.of). */
    private static List<String> keys(Map<String, List<?>> grid) {
        List<String> k = new ArrayList<>(grid.keySet());
        if (!(grid instanceof java.util.SequencedMap<?, ?>)) {
            k.sort(null);
        }
        return k;
    }

    private static List<Map<String, String>> product(Map<String, List<?>> grid) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (String key : keys(grid)) {
            Map.Entry<String, List<?>> e = Map.entry(key, grid.get(key));
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (Object v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), String.valueOf(v));
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    private static Detector<?> withSettings(Detector<?> d, Map<String, String> settings) {
        var options = d.options();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            options = options.withText(e.getKey(), e.getValue());
        }
        return org.anomaly4j.detect.Detectors.type(d.name()).create(options);
    }

    private static String[] numericExcept(Table table, String label) {
        List<String> out = new ArrayList<>();
        for (var c : table.columns()) {
            if (!c.name().equals(label) && c instanceof tech.tablesaw.api.NumericColumn<?>) {
                out.add(c.name());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("table \"" + table.name() + "\" has no numeric feature column besides \""
                    + label + "\"");
        }
        return out.toArray(String[]::new);
    }
}
