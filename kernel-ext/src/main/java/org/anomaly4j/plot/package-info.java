/**
 * Charts as Plotly figures: one figure representation ({@link org.anomaly4j.plot.Figure}, Plotly JSON) and
 * one small class per chart ({@code ScatterChart}, {@code LineChart}, ...), each with a static
 * {@code create(title, table, columns...)}. Tablesaw-jsplot figures are accepted by converting them.
 * <p>Depends on Tablesaw, Jackson and {@code data}; never on {@code kernel} (which displays figures) or
 * {@code detect}.
 */
package org.anomaly4j.plot;
