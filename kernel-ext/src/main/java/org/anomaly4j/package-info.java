/**
 * anomaly4j: anomaly detection for Java notebooks. {@link org.anomaly4j.A4j} gathers the one-call functions;
 * the sub-packages hold the work, layered bottom-up (no package imports one above it): {@code stats}
 * (internal numerics), {@code io} (CSV reading), {@code data} (inspection and cleaning), {@code features}
 * (scalers, encoders, time-series features, splits), {@code detect} (detectors), {@code plot} (Plotly
 * figures), {@code kernel} (notebook display and kernel launcher) and {@code cli}; {@code datasets} (named
 * data sets) stands apart.
 */
package org.anomaly4j;
