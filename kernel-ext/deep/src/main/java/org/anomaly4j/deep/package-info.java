/**
 * Deep anomaly detectors trained with DJL on the PyTorch CPU engine (the optional module
 * {@code anomaly4j-deep}): dense autoencoder, variational autoencoder, LSTM autoencoder over sliding
 * windows and a GANomaly-style detector. They follow the core detector contract ({@code org.anomaly4j.detect})
 * and register through {@link org.anomaly4j.detect.DetectorProvider}. Fitted models score in plain Java.
 * <p>Depends on {@code detect}, {@code features}, {@code io}, {@code stats}, Tablesaw and DJL.
 */
package org.anomaly4j.deep;
