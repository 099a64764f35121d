package org.anomaly4j.features;

import java.util.List;

import tech.tablesaw.api.Table;

/**
 * A fitted, immutable per-column scaler (scikit-learn's fitted {@code StandardScaler}, {@code MinMaxScaler},
 * {@code RobustScaler}): learned once by {@code fit}, then applied to any table that has the fitted columns.
 * Missing values pass through as missing (scikit-learn keeps NaN in transform); infinite values are rejected.
 */
public sealed interface FittedScaler permits AffineScaler {

    /** The fitted column names, in fit order (x0, x1, … when fitted on an array). */
    List<String> columns();

    /** A copy of the table with each fitted column replaced by its scaled values ({@code DoubleColumn}). */
    Table transform(Table table);

    /** A copy of the table with each fitted column mapped back to the original units. */
    Table inverseTransform(Table table);

    /** Scaled copy of a row-major array whose columns are the fitted columns in fit order. */
    double[][] transform(double[][] x);

    /** Row-major array mapped back to the original units. */
    double[][] inverseTransform(double[][] x);
}
