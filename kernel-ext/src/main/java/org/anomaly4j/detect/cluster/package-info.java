/**
 * Clustering cores over primitive arrays: k-means as scikit-learn's {@code KMeans} (Lloyd iterations, greedy
 * k-means++ seeding) and the cluster-based local outlier factor built on it. Each fitted state is a few primitive
 * arrays (centres, sizes), so a model file can hold it.
 * <p>Depends on the JDK and {@code features.Matrices.width} only, one layer below the density and neighbour cores
 * (which may start from a k-means clustering); the registered detectors in {@code detect} wrap these classes.
 */
package org.anomaly4j.detect.cluster;
