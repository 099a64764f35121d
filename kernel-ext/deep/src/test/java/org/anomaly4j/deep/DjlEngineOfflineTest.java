package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine starts offline from an empty cache: a fresh JVM with {@code ai.djl.offline=true} and an empty
 * {@code DJL_CACHE_DIR} trains two epochs, unpacking the native library from the Maven artifact (no network).
 */
class DjlEngineOfflineTest {

    @Test
    void trainsTwoEpochsOfflineFromAnEmptyCache(@TempDir Path cache) throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        String cp = target.resolve("test-classes") + File.pathSeparator + target.resolve("classes")
                + File.pathSeparator + Files.readString(target.resolve("test-classpath.txt")).strip();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-DDJL_CACHE_DIR=" + cache,
                // no proxy and an unroutable one: any download attempt would fail
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9", "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9",
                "-cp", cp, OfflineTrainMain.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("epochs 2 loss "), out);
        assertTrue(out.contains("engine PyTorch 2.7.1"), out);
        try (Stream<Path> files = Files.walk(cache)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("libtorch")),
                    "the native library was unpacked into the empty cache " + cache);
        }
    }
}
