package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.anomaly4j.detect.Detector;
import org.anomaly4j.detect.DetectorType;
import org.junit.jupiter.api.Test;

/** Every deep detector the provider registers has its factory in {@link DeepA4j}, giving the defaults. */
class DeepA4jTest {

    @Test
    void everyRegisteredDeepDetectorHasADefaultFactory() {
        List<Detector<?>> factories = List.of(DeepA4j.autoencoder(), DeepA4j.vae(), DeepA4j.lstmAutoencoder(),
                DeepA4j.ganomaly());
        Set<String> names = new TreeSet<>();
        for (Detector<?> d : factories) {
            names.add(d.name());
        }
        Set<String> registered = new TreeSet<>();
        for (DetectorType<?, ?> t : new DeepDetectors().types()) {
            registered.add(t.name());
            assertEquals(t.defaults(), factories.stream().filter(d -> d.name().equals(t.name())).findFirst().orElseThrow());
        }
        assertEquals(registered, names);
    }
}
