package org.anomaly4j.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-class precision, recall, F1 and support with their averages, as scikit-learn's
 * {@code classification_report(y, pred, labels=[0, 1], output_dict=True)}, returned as a Tablesaw table.
 * <p>Rows, in this order (column "class"):
 * <ul>
 *   <li>"0" (normal) and "1" (anomaly): precision, recall, F1 of that class taken as the positive one, support =
 *   its number of true rows; for class 0 precision = tn/(tn+fn), recall = tn/(tn+fp);</li>
 *   <li>"accuracy": (tp+tn)/n in the f1-score column, support n, precision and recall missing — the layout of
 *   scikit-learn's printed report (its dict holds the number alone);</li>
 *   <li>"macro avg": the plain mean of the two classes' values, (v₀ + v₁)/2;</li>
 *   <li>"weighted avg": the mean weighted by support, (v₀·s₀ + v₁·s₁)/(s₀ + s₁).</li>
 * </ul>
 * Undefined ratios are 0.0 (scikit-learn's {@code zero_division="warn"}). Columns: class, precision, recall,
 * f1-score, support. Cost O(n).
 */
public final class ClassificationReport {

    private ClassificationReport() {
    }

    /** The report of labels (true = anomaly) against predictions. */
    public static Table of(boolean[] labels, boolean[] predicted) {
        return of(ConfusionMatrix.of(labels, predicted));
    }

    /** The report of 0/1 labels against predictions. */
    public static Table of(int[] labels, boolean[] predicted) {
        return of(ConfusionMatrix.of(labels, predicted));
    }

    /** The report of a confusion matrix. */
    public static Table of(ConfusionMatrix c) {
        // class 0 is class 1 with the roles swapped: its tp is tn, its fp is fn
        ConfusionMatrix normal = new ConfusionMatrix(c.tp(), c.fn(), c.fp(), c.tn());
        double[] p = {normal.precision(), c.precision()};
        double[] r = {normal.recall(), c.recall()};
        double[] f = {normal.f1(), c.f1()};
        double s0 = c.negatives();
        double s1 = c.positives();
        double total = s0 + s1;
        StringColumn cls = StringColumn.create("class", "0", "1", "accuracy", "macro avg", "weighted avg");
        DoubleColumn precision = DoubleColumn.create("precision", p[0], p[1], Double.NaN, (p[0] + p[1]) / 2,
                (p[0] * s0 + p[1] * s1) / total);
        DoubleColumn recall = DoubleColumn.create("recall", r[0], r[1], Double.NaN, (r[0] + r[1]) / 2,
                (r[0] * s0 + r[1] * s1) / total);
        DoubleColumn f1 = DoubleColumn.create("f1-score", f[0], f[1], c.accuracy(), (f[0] + f[1]) / 2,
                (f[0] * s0 + f[1] * s1) / total);
        int n = Math.toIntExact(c.n());
        IntColumn support = IntColumn.create("support", Math.toIntExact(c.negatives()), Math.toIntExact(c.positives()),
                n, n, n);
        return Table.create("classification report", cls, precision, recall, f1, support);
    }
}
