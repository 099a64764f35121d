package org.anomaly4j.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A fitted detector: immutable, records its options, features, training scores and threshold.
 * Scores are oriented so that <b>higher = more anomalous</b> for every detector; each implementation
 * documents the raw quantity (e.g. "negated scikit-learn {@code score_samples}").
 */
public interface Model {

    /** Registry name of the detector that made this model, e.g. {@code "zscore"}. */
    String name();

    /** Feature (column) names, in the order of the fitted columns. */
    List<String> features();

    /** Options the model was fitted with (JSON-friendly values: numbers, text, booleans). */
    Map<String, Object> parameters();

    /** Anomaly scores of row-major data with {@link #features()} columns; higher = more anomalous. */
    double[] score(double[][] x);

    /** Anomaly scores of a table's {@link #features()} columns. */
    default double[] score(Table table) {
        return score(Inputs.matrix(table, features().toArray(String[]::new)));
    }

    /** Scores of the training rows (a copy). */
    double[] trainingScores();

    /** The rule that set {@link #threshold()}. */
    ThresholdRule thresholdRule();

    /** Scores strictly above this are anomalies. */
    double threshold();

    /** Whether each row is an anomaly: {@code score > threshold()}. */
    default boolean[] predict(double[][] x) {
        double[] s = score(x);
        double t = threshold();
        boolean[] out = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] > t;
        }
        return out;
    }

    /** Whether each row of the table is an anomaly, as a column {@code <name>_anomaly}. */
    default BooleanColumn labels(Table table) {
        return BooleanColumn.create(name() + "_anomaly", predict(Inputs.matrix(table, features().toArray(String[]::new))));
    }

    /**
     * Anomaly probability in [0, 1]: PyOD's linear normalisation {@code (score − min) / (max − min)} of the
     * training scores, clipped.
     */
    default double[] probability(double[][] x) {
        return Thresholds.linearProbability(score(x), trainingScores());
    }

    /** A copy of the table with {@code <name>_score} and {@code <name>_anomaly} columns added. */
    default Table label(Table table) {
        double[] s = score(table);
        boolean[] a = new boolean[s.length];
        double t = threshold();
        for (int i = 0; i < s.length; i++) {
            a[i] = s[i] > t;
        }
        Table out = table.copy();
        out.addColumns(DoubleColumn.create(name() + "_score", s), BooleanColumn.create(name() + "_anomaly", a));
        return out;
    }

    /** The fitted state written to model files (see {@link ModelFiles}). */
    ObjectNode state();

    /** Writes this model as a versioned JSON model file. */
    default void save(Path file) {
        ModelFiles.save(this, file);
    }
}
