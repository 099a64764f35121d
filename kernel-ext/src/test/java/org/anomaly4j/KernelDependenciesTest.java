package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Smile classes anomaly4j may use load without the native jars the pom excludes. */
class KernelDependenciesTest {

    @Test
    void smileDistributionsLoadAndCompute() throws Exception {
        Class.forName("smile.stat.distribution.TDistribution");
        smile.stat.distribution.TDistribution t = new smile.stat.distribution.TDistribution(10);
        // 2.228 is the two-sided 95% critical value of Student's t with 10 degrees of freedom
        assertEquals(0.975, t.cdf(2.228), 1e-3);
        assertEquals(0.5, t.cdf(0), 1e-12);
        assertEquals(2.228, t.quantile(0.975), 1e-3);
        assertEquals(0.975, new smile.stat.distribution.GaussianDistribution(0, 1).cdf(1.959964), 1e-6);
    }

    @Test
    void excludedNativeJarsAreReallyAbsent() {
        ClassLoader cl = getClass().getClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.bytedeco.javacpp.Loader", false, cl));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.duckdb.DuckDBDriver", false, cl));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.epam.parso.SasFileReader", false, cl));
    }
}
