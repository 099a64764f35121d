/**
 * Detectors: one contract ({@link org.anomaly4j.detect.Detector} options → fitted
 * {@link org.anomaly4j.detect.Model}), thresholds shared by all, and one class per algorithm. Scores are
 * oriented "higher = more anomalous" for every detector.
 * <p>Depends on {@code features}, {@code stats} and the JDK/Jackson; never on {@code kernel} or {@code plot}.
 */
package org.anomaly4j.detect;
