package org.anomaly4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.channels.LoopThread;

class KernelLauncherTest {

    @Test
    void fixedLoopThreadIsLoaded() {
        assertTrue(KernelLauncher.fixedLoopThreadLoaded());
    }

    @Test
    void loopThreadComesFromOurClassesNotTheKernelJar() throws Exception {
        Path where = Path.of(LoopThread.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(where), "loaded from the build's classes folder: " + where);
        assertEquals(where, Path.of(KernelLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        assertTrue(LoopThread.ANOMALY4J_START_RACE_FIXED);
    }
}
