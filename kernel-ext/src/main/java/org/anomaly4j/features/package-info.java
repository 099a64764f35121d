/**
 * Feature engineering, scikit-learn and pandas style: scalers and encoders (fit → transform), rolling and
 * exponentially weighted windows, lags and differences, resampling, calendar features, sliding windows,
 * train/test splits, {@code Table ⇄ double[][]} ({@link org.anomaly4j.features.Matrices}) and seeded synthetic
 * data with known anomalies ({@link org.anomaly4j.features.Synthetic}).
 * <p>Depends on {@code data}, {@code io} and {@code stats}, Tablesaw and the JDK; never on {@code detect},
 * {@code plot} or {@code kernel}.
 */
package org.anomaly4j.features;
