/**
 * Time-series anomaly detection on {@code double[]} series (and Tablesaw columns through small overloads):
 * STL decomposition with residual rules, the seasonal hybrid ESD test, control charts (rolling z-score, EWMA)
 * and their streaming forms, ETS forecast bands, the matrix profile, contextual baselines, and the NAB runner
 * and scorer.
 * <p>Depends on the layers below it ({@code stats} numerics, {@code detect}'s Grubbs critical value) and on Tablesaw;
 * never on {@code kernel}, {@code plot} or {@code cli}.
 */
package org.anomaly4j.timeseries;
