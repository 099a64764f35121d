/**
 * anomaly4j: anomaly detection for Java notebooks. {@link org.anomaly4j.A4j} gathers the one-call functions;
 * the sub-packages hold the work: {@code data} (pandas-like layer over Tablesaw), {@code datasets} (named
 * data sets), {@code plot} (Plotly figures) and {@code kernel} (notebook display and kernel launcher).
 */
package org.anomaly4j;
