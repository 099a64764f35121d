package org.anomaly4j.features;

import tech.tablesaw.api.Table;

/**
 * The two parts of a train/test split (scikit-learn {@code X_train, X_test}); made by {@link TrainTestSplit}.
 * Both are new tables with the input's columns; together they hold every input row exactly once.
 *
 * @param train rows to fit on
 * @param test  rows held out for evaluation
 */
public record Split(Table train, Table test) {

    /** Checks that both parts are present. */
    public Split {
        if (train == null || test == null) {
            throw new IllegalArgumentException("a split needs both a train and a test table");
        }
    }

    @Override
    public String toString() {
        return "Split[train=" + train.rowCount() + " rows, test=" + test.rowCount() + " rows]";
    }
}
