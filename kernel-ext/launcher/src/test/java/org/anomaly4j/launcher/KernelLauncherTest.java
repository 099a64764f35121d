package org.anomaly4j.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.ControlChannel;
import org.rapaio.jupyter.kernel.channels.LoopThread;

class KernelLauncherTest {

    @Test
    void patchedKernelClassesAreLoaded() {
        assertTrue(KernelLauncher.patchedKernelClassesLoaded());
    }

    @Test
    void patchedClassesComeFromTheLauncherNotTheKernelJar() throws Exception {
        Path launcher = Path.of(KernelLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(launcher), "loaded from the launcher's classes folder: " + launcher);
        for (Class<?> patched : new Class<?>[] {LoopThread.class, ControlChannel.class}) {
            assertEquals(launcher, Path.of(patched.getProtectionDomain().getCodeSource().getLocation().toURI()),
                    patched.getName());
        }
        assertTrue(LoopThread.ANOMALY4J_START_RACE_FIXED);
        assertTrue(ControlChannel.ANOMALY4J_INTERRUPT_FIXED);
    }

    @Test
    void kernelReadsTheLaunchersQuietLoggingProperties() throws Exception {
        // MainApp reads "logging.properties" through its class loader: the first on the class path wins
        URL url = MainApp.class.getClassLoader().getResource("logging.properties");
        assertNotNull(url);
        assertTrue(url.getPath().contains("launcher"), "the launcher's copy, not the kernel jar's: " + url);
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("ConsoleHandler.level = WARNING"), text);
        }
    }
}
