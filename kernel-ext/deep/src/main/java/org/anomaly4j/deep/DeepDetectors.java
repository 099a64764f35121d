package org.anomaly4j.deep;

import java.util.List;

import org.anomaly4j.detect.DetectorProvider;
import org.anomaly4j.detect.DetectorType;

/**
 * Registers the deep detectors with the core registry ({@code org.anomaly4j.detect.Detectors}) through
 * {@code META-INF/services}: with {@code anomaly4j-deep.jar} on the class path, model files, the command
 * line ({@code --detector autoencoder}) and {@code Detectors.create} know them.
 */
public final class DeepDetectors implements DetectorProvider {

    @Override
    public List<DetectorType<?, ?>> types() {
        return List.of(Autoencoder.TYPE, Vae.TYPE, LstmAutoencoder.TYPE, Ganomaly.TYPE);
    }
}
