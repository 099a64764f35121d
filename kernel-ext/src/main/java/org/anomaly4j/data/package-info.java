/**
 * The pandas-like layer over Tablesaw: reading files, inspecting, cleaning and feature engineering, always
 * taking a {@link tech.tablesaw.api.Table} and returning a new one (inputs are never mutated).
 * <p>Depends on Tablesaw and the JDK; never on {@code kernel}, {@code plot} or {@code detect}.
 */
package org.anomaly4j.data;
