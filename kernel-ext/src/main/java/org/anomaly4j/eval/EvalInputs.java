package org.anomaly4j.eval;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Checks and conversions for the inputs of every metric: labels as {@code int[]} of 0/1, {@code boolean[]} or a
 * Tablesaw column, scores as finite {@code double[]} or a numeric column. Each failure is an
 * {@link IllegalArgumentException} that names the argument, the first offending row and the fix. Nothing here
 * mutates or keeps its input.
 */
public final class EvalInputs {

    private EvalInputs() {
    }

    /**
     * Labels 0 (normal) / 1 (anomaly) as booleans (true = anomaly).
     *
     * @throws IllegalArgumentException if {@code labels} is null, empty or holds a value other than 0 or 1
     */
    public static boolean[] labels(int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must hold at least one row, got "
                    + (labels == null ? "null" : "an empty array"));
        }
        boolean[] y = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int v = labels[i];
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("labels must be 0 (normal) or 1 (anomaly), got " + v + " at row "
                        + i + "; map the classes to 0/1 first (for example label == fraudCode ? 1 : 0)");
            }
            y[i] = v == 1;
        }
        return y;
    }

    /**
     * The labels of a column: a boolean column (true = anomaly) or a numeric column of 0/1.
     *
     * @throws IllegalArgumentException if the column is null, empty, has missing values or values other than 0/1
     */
    public static boolean[] labels(Column<?> column) {
        return booleans(column, "label");
    }

    /** Booleans of a boolean column or a numeric 0/1 column; {@code role} ("label", "prediction") names it in errors. */
    private static boolean[] booleans(Column<?> column, String role) {
        if (column == null) {
            throw new IllegalArgumentException(role + " column must not be null");
        }
        String name = column.name();
        int n = column.size();
        if (n == 0) {
            throw new IllegalArgumentException(role + " column \"" + name + "\" is empty");
        }
        boolean[] y = new boolean[n];
        if (column instanceof BooleanColumn b) {
            for (int i = 0; i < n; i++) {
                if (b.isMissing(i)) {
                    throw missing(role, name, i);
                }
                y[i] = b.get(i);
            }
            return y;
        }
        if (column instanceof NumericColumn<?> num) {
            for (int i = 0; i < n; i++) {
                if (num.isMissing(i)) {
                    throw missing(role, name, i);
                }
                double v = num.getDouble(i);
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(role + " column \"" + name + "\" must hold 0 (normal) or 1 "
                            + "(anomaly), got " + v + " at row " + i + "; map the classes to 0/1 first");
                }
                y[i] = v == 1;
            }
            return y;
        }
        throw new IllegalArgumentException(role + " column \"" + name + "\" is " + column.type().name()
                + "; use a boolean column or a numeric column of 0/1");
    }

    /**
     * The scores of a numeric column (higher = more anomalous).
     *
     * @throws IllegalArgumentException if the column is null, not numeric, or has missing or infinite values
     */
    public static double[] scores(Column<?> column) {
        if (column == null) {
            throw new IllegalArgumentException("score column must not be null");
        }
        if (!(column instanceof NumericColumn<?> num)) {
            throw new IllegalArgumentException("score column \"" + column.name() + "\" is " + column.type().name()
                    + "; scores must be numeric");
        }
        double[] s = new double[num.size()];
        for (int i = 0; i < s.length; i++) {
            if (num.isMissing(i)) {
                throw missing("score", num.name(), i);
            }
            s[i] = num.getDouble(i);
        }
        checkScores(s, s.length);
        return s;
    }

    /** The labels in column {@code name} of {@code table} (boolean, or numeric 0/1). */
    public static boolean[] labels(Table table, String name) {
        return labels(column(table, name, "label"));
    }

    /**
     * The predictions in column {@code name} of {@code table}: a boolean column (true = predicted anomalous, e.g. a
     * detector's {@code <name>_anomaly}) or a numeric 0/1 column.
     */
    public static boolean[] predictions(Table table, String name) {
        return booleans(column(table, name, "prediction"), "prediction");
    }

    /** The scores in column {@code name} of {@code table} (numeric, finite, no missing values). */
    public static double[] scores(Table table, String name) {
        return scores(column(table, name, "score"));
    }

    /** Column {@code name} of {@code table}, named in the error when absent. */
    static Column<?> column(Table table, String name, String role) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (name == null || !table.containsColumn(name)) {
            throw new IllegalArgumentException(role + " column \"" + name + "\" is not in table " + table.name()
                    + "; columns: " + table.columnNames());
        }
        return table.column(name);
    }

    private static IllegalArgumentException missing(String role, String name, int row) {
        return new IllegalArgumentException(role + " column \"" + name + "\" has a missing value at row " + row
                + "; drop such rows first (dropMissing)");
    }

    static boolean[] checkLabels(boolean[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must hold at least one row, got "
                    + (labels == null ? "null" : "an empty array"));
        }
        return labels;
    }

    /** Scores: same length as the labels and finite. */
    static void checkScores(double[] scores, int n) {
        if (scores == null) {
            throw new IllegalArgumentException("scores must not be null");
        }
        if (scores.length != n) {
            throw new IllegalArgumentException("scores has " + scores.length + " rows but labels has " + n
                    + "; pass one score per labelled row");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores must be finite, got " + scores[i] + " at row " + i
                        + "; drop or fill such rows first (scikit-learn also rejects them)");
            }
        }
    }

    static void checkPredictions(boolean[] predicted, int n) {
        if (predicted == null) {
            throw new IllegalArgumentException("predicted must not be null");
        }
        if (predicted.length != n) {
            throw new IllegalArgumentException("predicted has " + predicted.length + " rows but labels has " + n
                    + "; pass one prediction per labelled row");
        }
    }

    /** Number of positives; fails when a curve needs both classes and one is missing. */
    static int requireBothClasses(boolean[] labels, String what) {
        int p = 0;
        for (boolean b : labels) {
            if (b) {
                p++;
            }
        }
        if (p == 0 || p == labels.length) {
            throw new IllegalArgumentException(what + " needs both classes, but all " + labels.length
                    + " labels are " + (p == 0 ? "0 (normal)" : "1 (anomaly)")
                    + "; evaluate on data that holds normal rows and anomalies");
        }
        return p;
    }

    static void checkThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number, got NaN");
        }
    }
}
