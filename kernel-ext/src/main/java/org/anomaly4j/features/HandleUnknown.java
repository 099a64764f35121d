package org.anomaly4j.features;

/** What {@link OneHotEncoder} does with a category not seen in fit (scikit-learn {@code handle_unknown}). */
public enum HandleUnknown {
    /** Fail, naming the column, the value and the row (scikit-learn {@code handle_unknown='error'}, default). */
    ERROR,
    /** Encode the row as all zeros for that column (scikit-learn {@code handle_unknown='ignore'}). */
    IGNORE
}
