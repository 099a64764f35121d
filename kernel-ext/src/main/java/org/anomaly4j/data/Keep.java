package org.anomaly4j.data;

/**
 * Which occurrence of a duplicated row {@link Clean#dropDuplicates(tech.tablesaw.api.Table, Keep, String...)}
 * keeps, named after pandas {@code drop_duplicates(keep=...)}.
 */
public enum Keep {
    /** Keep the first occurrence (pandas {@code keep='first'}, the default). */
    FIRST,
    /** Keep the last occurrence (pandas {@code keep='last'}). */
    LAST,
    /** Keep no row that has a duplicate (pandas {@code keep=False}). */
    NONE
}
