package org.anomaly4j.features;

/**
 * How {@link Resample} combines the values that fall into one time bin (pandas {@code resample(...).mean()},
 * {@code .sum()}, {@code .count()}, {@code .max()}, {@code .min()}). Missing values are skipped (pandas
 * {@code skipna}). A bin with no observation gives NaN for MEAN, MAX and MIN and 0 for SUM and COUNT, as pandas.
 */
public enum Agg {
    /** Arithmetic mean of the bin's values (Kahan-compensated sum / count). */
    MEAN,
    /** Sum of the bin's values (Kahan-compensated); 0 for an empty bin (pandas {@code min_count=0}). */
    SUM,
    /** Number of non-missing values; an integer column. */
    COUNT,
    /** Largest value. */
    MAX,
    /** Smallest value. */
    MIN
}
