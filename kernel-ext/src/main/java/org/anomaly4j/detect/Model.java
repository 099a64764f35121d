package org.anomaly4j.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A fitted detector: immutable, records its options, features, provenance, training scores and threshold.
 * Scores are oriented so that <b>higher = more anomalous</b> for every detector; each implementation
 * documents the raw quantity (e.g. "negated scikit-learn {@code score_samples}"). A row is an anomaly when
 * its score is strictly greater than {@link #threshold()} — {@link #flags} is the one place that rule lives.
 */
public interface Model {

    /** Registry name of the detector that made this model, e.g. {@code "zscore"}. */
    String name();

    /** Feature (column) names, in the order of the fitted columns. */
    List<String> features();

    /** The options the model was fitted with: parameters and threshold rule. */
    Options options();

    /** The parameters as scalars (numbers, text, booleans), in order; what model files record. */
    default Map<String, Object> parameters() {
        return options().toScalars();
    }

    /** Where the model came from: training table, shape, library version, time. */
    Provenance provenance();

    /** Anomaly scores of row-major data with {@link #features()} columns; higher = more anomalous. */
    double[] score(double[][] x);

    /** Anomaly scores of a table's {@link #features()} columns. */
    default double[] score(Table table) {
        return score(Inputs.matrix(table, features().toArray(String[]::new)));
    }

    /** Scores of the training rows (a copy). */
    double[] trainingScores();

    /** The rule that set {@link #threshold()}. */
    default ThresholdRule thresholdRule() {
        return options().threshold();
    }

    /** Scores strictly above this are anomalies. */
    double threshold();

    /** The labelling rule, applied to scores of this model: {@code score > threshold()}. */
    default boolean[] flags(double[] scores) {
        double t = threshold();
        boolean[] out = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] > t;
        }
        return out;
    }

    /** Whether each row is an anomaly. */
    default boolean[] predict(double[][] x) {
        return flags(score(x));
    }

    /** Whether each row of the table is an anomaly, as a column {@code <name>_anomaly}. */
    default BooleanColumn labels(Table table) {
        return BooleanColumn.create(name() + "_anomaly", flags(score(table)));
    }

    /**
     * Anomaly probability in [0, 1]: PyOD's linear normalisation {@code (score − min) / (max − min)} of the
     * training scores, clipped.
     */
    default double[] probability(double[][] x) {
        return Thresholds.linearProbability(score(x), trainingScores());
    }

    /** A copy of the table with {@code <name>_score} and {@code <name>_anomaly} columns added. */
    default Table withScores(Table table) {
        return withScores(table, score(table));
    }

    /**
     * A copy of the table with the given scores of its rows (e.g. {@link #trainingScores()} when the table is
     * the training table, which saves scoring it again) and the anomaly flags they give.
     */
    default Table withScores(Table table, double[] scores) {
        if (scores.length != table.rowCount()) {
            throw new IllegalArgumentException(scores.length + " scores for a table of " + table.rowCount() + " rows");
        }
        Table out = table.copy();
        out.addColumns(DoubleColumn.create(name() + "_score", scores.clone()),
                BooleanColumn.create(name() + "_anomaly", flags(scores)));
        return out;
    }

    /**
     * The {@code n} highest-scoring rows of the table, highest first (ties: lower row first): a column
     * {@code row} with the row's position in the table, the table's columns, {@code <name>_score}, and — for an
     * {@link Explainable} model — one {@code <feature>_contribution} column per feature.
     */
    default Table topAnomalies(Table table, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        double[] s = score(table);
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
        int k = Math.min(n, s.length);
        int[] rows = new int[k];
        double[] top = new double[k];
        for (int i = 0; i < k; i++) {
            rows[i] = order[i];
            top[i] = s[order[i]];
        }
        Table out = table.rows(rows);
        out.insertColumn(0, IntColumn.create("row", rows));
        out.addColumns(DoubleColumn.create(name() + "_score", top));
        if (this instanceof Explainable e && e.explains()) {
            double[][] x = Inputs.matrix(out, features().toArray(String[]::new));
            List<String> f = features();
            double[][] c = new double[f.size()][k];
            for (int i = 0; i < k; i++) {
                double[] ex = e.explain(x[i]);
                for (int j = 0; j < f.size(); j++) {
                    c[j][i] = ex[j];
                }
            }
            for (int j = 0; j < f.size(); j++) {
                out.addColumns(DoubleColumn.create(f.get(j) + "_contribution", c[j]));
            }
        }
        return out.setName(table.name() + " top " + k + " by " + name());
    }

    /** Writes this model as a versioned JSON model file. */
    default void save(Path file) {
        ModelFiles.save(this, file);
    }
}
