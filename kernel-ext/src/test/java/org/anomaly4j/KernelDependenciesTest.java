package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The dependencies are what the pom says: Smile left the build (no detector needed it — its Gaussian mixture
 * needs native LAPACK — so its GPL jars and natives are not shipped), and commons-math3's special functions,
 * used for the normal tail of the NAB detector, compute.
 */
class KernelDependenciesTest {

    @Test
    void smileAndNativeJarsAreAbsent() {
        ClassLoader cl = getClass().getClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("smile.stat.distribution.TDistribution", false, cl));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.bytedeco.javacpp.Loader", false, cl));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.duckdb.DuckDBDriver", false, cl));
    }

    @Test
    void commonsMathErfcComputes() {
        // erfc(1) = 0.15729920705028513 (Abramowitz & Stegun table 7.1)
        assertEquals(0.15729920705028513, org.apache.commons.math3.special.Erf.erfc(1.0), 1e-15);
    }
}
