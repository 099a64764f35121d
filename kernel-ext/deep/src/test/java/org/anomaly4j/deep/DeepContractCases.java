package org.anomaly4j.deep;

import java.util.Map;
import java.util.function.Supplier;

import org.anomaly4j.detect.ContractCases;
import org.anomaly4j.detect.Detector;

/**
 * The deep detectors' cases for the core contract test: small networks, few epochs, fixed seeds. The LSTM
 * autoencoder uses stride 1: with a longer stride and pointScore window-mean the first rows share one window and
 * so one score, and the planted outlier at row 0 could not score strictly highest.
 */
public final class DeepContractCases implements ContractCases {

    @Override
    public Map<String, Supplier<Detector<?>>> cases() {
        return Map.of(
                Autoencoder.NAME, () -> Autoencoder.with().hidden(8, 2).dropout(0).epochs(30).learningRate(0.01).seed(1),
                Vae.NAME, () -> Vae.with().hidden(8).latent(2).dropout(0).epochs(30).learningRate(0.01).seed(1),
                LstmAutoencoder.NAME, () -> LstmAutoencoder.with().window(10).stride(1).hidden(8).epochs(10)
                        .learningRate(0.01).seed(1),
                Ganomaly.NAME, () -> Ganomaly.with().hidden(16, 8).latent(2).dropout(0).epochs(30).learningRate(0.005).seed(1));
    }
}
