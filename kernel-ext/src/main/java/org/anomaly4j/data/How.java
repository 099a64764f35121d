package org.anomaly4j.data;

/**
 * Which rows {@link Clean#dropMissing(tech.tablesaw.api.Table, How, String...)} drops, named after pandas
 * {@code dropna(how=...)}.
 */
public enum How {
    /** Drop a row if any of the considered cells is missing (pandas {@code how='any'}, the default). */
    ANY,
    /** Drop a row only if all of the considered cells are missing (pandas {@code how='all'}). */
    ALL
}
