/**
 * Neighbour-based detector cores over primitive arrays: one exact k-nearest-neighbour engine
 * ({@link org.anomaly4j.detect.neighbors.NearestNeighbors}) and the algorithms built on it (local outlier
 * factor, k-NN distance, connectivity-based outlier factor, DBSCAN on radius queries, the silhouette choice of k). Each core's fitted
 * state is a few primitive arrays, so a model file can hold it, and scoring new rows is a method.
 * <p>Depends on the JDK, {@code stats} (numpy's pairwise sum and percentile) and {@code features.Matrices.width} for
 * input checks; the registered detectors in {@code detect} wrap these cores, never the other way round.
 */
package org.anomaly4j.detect.neighbors;
