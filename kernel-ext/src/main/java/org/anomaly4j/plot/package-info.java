/**
 * Charts as Plotly figures: one figure representation ({@link org.anomaly4j.plot.Figure}, Plotly JSON) and
 * one small class per chart, named for what it draws, each with a static {@code create(...)}: data charts
 * ({@code ScatterChart}, {@code LineChart}, {@code Histogram}, {@code BoxPlot}, {@code ScatterMatrix},
 * {@code AnomalyTimelineChart}, {@code AnomalyScatterChart}), evaluation charts ({@code RocChart},
 * {@code PrecisionRecallChart}, {@code ScoreDistributionChart}, {@code ConfusionMatrixChart},
 * {@code ThresholdImpactChart}), {@code DecisionBoundaryChart}, and {@code Subplots} to put figures in a
 * grid. Colours come from {@link org.anomaly4j.plot.Palette} (Okabe–Ito) only; text from data is escaped for
 * plotly.js's markup. Tablesaw-jsplot figures are accepted by converting them.
 * <p>Depends on Tablesaw, Jackson and {@code data}; never on {@code kernel} (which displays figures),
 * {@code detect} or {@code eval}: charts take primitive inputs (arrays, {@link org.anomaly4j.plot.Curve},
 * a scoring function), and the {@code A4j} facade adapts models and evaluation results to them.
 */
package org.anomaly4j.plot;
