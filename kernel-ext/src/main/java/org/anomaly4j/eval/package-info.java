/**
 * Evaluation of anomaly scores against known labels: confusion matrices and the metrics read from them,
 * ROC and precision-recall curves with their areas, top-k metrics, cost analysis, threshold search and a
 * headline {@link org.anomaly4j.eval.Evaluation}. Every function equals scikit-learn 1.9.1's
 * ({@code sklearn.metrics}) on the same input; labels are 1/true = anomaly = the positive class and scores
 * are "higher = more anomalous".
 * <p><b>Threshold convention.</b> A row is predicted anomalous at threshold t when {@code score >= t}, the
 * convention of scikit-learn's curve thresholds, everywhere in this package (curves, "at threshold" metrics,
 * cost analysis, threshold search). Detectors flag {@code score > threshold()} (PyOD's rule); for finite doubles
 * {@code s > t} is {@code s >= Math.nextUp(t)}, so a detector's labels are evaluated exactly with
 * {@code Evaluation.at(labels, scores, Math.nextUp(model.threshold()))} or by passing its predictions to
 * {@link org.anomaly4j.eval.ConfusionMatrix#of(boolean[], boolean[])}.
 * <p>Pure functions over primitive arrays (Tablesaw only for tables of results and for column input);
 * depends on {@code stats}, Tablesaw and the JDK; only {@link org.anomaly4j.eval.Tuning} (cross-validated grid
 * search) uses {@code detect}. Never depends on {@code kernel} or {@code plot}.
 */
package org.anomaly4j.eval;
