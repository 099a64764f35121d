/**
 * Evaluation of anomaly scores against known labels: confusion matrices and the metrics read from them,
 * ROC and precision-recall curves with their areas, top-k metrics, cost analysis, threshold search and a
 * headline {@link org.anomaly4j.eval.Evaluation}. Every function equals scikit-learn 1.9.1's
 * ({@code sklearn.metrics}) on the same input; labels are 1/true = anomaly = the positive class and scores
 * are "higher = more anomalous".
 * <p>Pure functions over primitive arrays (Tablesaw only for tables of results and for column input);
 * depends on {@code data} and the JDK, never on {@code detect}, {@code kernel} or {@code plot}.
 */
package org.anomaly4j.eval;
