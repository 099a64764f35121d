/**
 * Notebook integration: how tables, figures and reports display in a Jupyter cell (MIME bundles with
 * escaped HTML, Plotly JSON and plain text), their registration with the Rapaio kernel's display SPI and
 * IJava's basekernel {@code Renderer}. The kernelspec's launcher (with the Rapaio start-up fix) is the
 * separate module {@code kernel-ext/launcher}, never part of this jar.
 * <p>May depend on every other package; nothing else depends on it.
 */
package org.anomaly4j.kernel;
