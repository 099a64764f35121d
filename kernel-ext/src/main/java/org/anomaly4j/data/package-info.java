/**
 * The pandas-like inspection and cleaning layer over Tablesaw: describe, missing values, duplicates, numeric
 * conversion, column look-ups with actionable errors; always taking a {@link tech.tablesaw.api.Table} and
 * returning a new one (inputs are never mutated).
 * <p>Depends on {@code io}, {@code stats}, Tablesaw and the JDK; never on {@code features}, {@code detect},
 * {@code plot} or {@code kernel}.
 */
package org.anomaly4j.data;
