/**
 * Internal numerics, one definition of each primitive: numpy's pairwise sum ({@link
 * org.anomaly4j.stats.PairwiseSum}), numpy's linear quantiles and median ({@link org.anomaly4j.stats.Quantiles}),
 * NaN-aware array helpers ({@link org.anomaly4j.stats.Nums}), Student's t quantiles ({@link
 * org.anomaly4j.stats.StudentT}), the chi-square CDF and quantile ({@link org.anomaly4j.stats.ChiSquare}) and
 * tabulated critical values ({@link org.anomaly4j.stats.DixonTable}). Public
 * because every layer above uses them, but internal: not part of the user API, and may change without notice.
 * <p>The bottom layer: primitive arrays and the JDK only; never depends on Tablesaw or any other anomaly4j
 * package.
 */
package org.anomaly4j.stats;
