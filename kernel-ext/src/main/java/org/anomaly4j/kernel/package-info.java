/**
 * Notebook integration: how tables, figures and reports display in a Jupyter cell (MIME bundles with
 * escaped HTML, Plotly JSON and plain text), their registration with the Rapaio kernel's display SPI and
 * IJava's basekernel {@code Renderer}, and a reliable launcher for the Rapaio kernel.
 * <p>May depend on every other package; nothing else depends on it.
 */
package org.anomaly4j.kernel;
