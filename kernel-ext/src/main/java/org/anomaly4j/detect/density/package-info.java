/**
 * Algorithm cores of the density, distribution, covariance and projection detectors (HBOS, ECOD, COPOD,
 * minimum covariance determinant / elliptic envelope, PCA, Gaussian mixture): each fits on a row-major
 * {@code double[][]} and returns an immutable fitted state made only of primitive arrays (so a model file can
 * store it) that scores new rows, higher = more anomalous. The small dense linear algebra they need (Cholesky,
 * Jacobi eigen-decomposition) is pure Java here, for d up to about 100.
 * <p>Depends on {@code detect.Inputs}, {@code stats} and the JDK only; the detector wrappers in {@code detect}
 * (options, codecs, registry) sit on top of these classes, never the reverse.
 */
package org.anomaly4j.detect.density;
