package org.anomaly4j.detect;

import java.util.List;

/**
 * Detector types from an optional module (e.g. {@code anomaly4j-deep}), found with {@link java.util.ServiceLoader}
 * when the module's jar is on the class path: a line with the implementing class in the jar's
 * {@code META-INF/services/org.anomaly4j.detect.DetectorProvider}. Its types join the registry after the
 * built-in ones, so model files, the command line and the contract test work for them too. A name already
 * registered is an error (a provider cannot replace a built-in detector).
 */
public interface DetectorProvider {

    /** The types this module adds, in the order they are listed. */
    List<DetectorType<?, ?>> types();
}
