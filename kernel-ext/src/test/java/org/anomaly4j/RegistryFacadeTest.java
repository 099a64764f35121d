package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;

import org.anomaly4j.detect.DetectorType;
import org.anomaly4j.detect.Detectors;
import org.junit.jupiter.api.Test;

/** The registry feeds the facade and the README: every registered detector has an {@link A4j} factory, listed in the README. */
class RegistryFacadeTest {

    @Test
    void everyRegisteredDetectorHasAnA4jFactoryListedInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (DetectorType<?, ?> t : Detectors.types()) {
            Class<?> detector = t.defaults().getClass();
            Method factory = null;
            for (Method m : A4j.class.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == detector) {
                    factory = m;
                }
            }
            assertTrue(factory != null, "A4j has no factory returning " + detector.getSimpleName());
            assertTrue(readme.contains("`" + factory.getName() + "()`"), "README does not list " + factory.getName() + "()");
        }
    }
}
