package org.anomaly4j.io;

import tech.tablesaw.api.Table;

/**
 * The result of {@link Csv#readWithReport}: the table and the report of what was read and inferred.
 *
 * @param table  the table read
 * @param report column types, missing counts and options used; print it for a summary
 */
public record ReadResult(Table table, ReadReport report) {

    public ReadResult {
        if (table == null || report == null) {
            throw new IllegalArgumentException("table and report must not be null");
        }
    }
}
