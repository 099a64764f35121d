package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package layers of the design hold: no main-code package names a package above it (an import, a static
 * import or a fully qualified name, even in a comment). Layers from the bottom: stats → io, datasets → data →
 * features → detect → timeseries, deep → eval → plot → kernel, cli → {@code org.anomaly4j} itself (A4j).
 * {@code stats} also stays free of Tablesaw. A new package must be placed here, so adding one without deciding
 * its layer fails.
 */
class PackageLayersTest {

    /** Layer of each package ("" = the root package, home of A4j); higher may use lower, never the reverse. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("stats", 0), Map.entry("progress", 0),
            Map.entry("io", 10), Map.entry("datasets", 10),
            Map.entry("data", 20),
            Map.entry("features", 30),
            // algorithm cores on primitive arrays, wrapped as detectors by detect
            Map.entry("detect.density", 35), Map.entry("detect.neighbors", 35),
            Map.entry("detect.cluster", 33), // k-means: below the cores that may start from it
            Map.entry("detect", 40),
            Map.entry("timeseries", 50), Map.entry("deep", 50),
            Map.entry("eval", 60),
            Map.entry("plot", 70),
            Map.entry("kernel", 80), Map.entry("cli", 80),
            Map.entry("", 90));

    private static final Path MAIN = Path.of("src/main/java/org/anomaly4j");
    private static final Pattern NAMED = Pattern.compile("\\borg\\.anomaly4j\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)");

    @Test
    void noPackageUsesOneAboveItOrBesideIt() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from kernel-ext: " + MAIN.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(f.getParent());
                String pkg = rel.toString().replace('/', '.');
                seen.add(pkg);
                Integer own = LAYER.get(pkg);
                if (own == null) {
                    violations.add("package \"" + pkg + "\" has no layer; add it to PackageLayersTest.LAYER");
                    continue;
                }
                Matcher m = NAMED.matcher(read(f));
                while (m.find()) {
                    String used = m.group(1);
                    if (!LAYER.containsKey(used) && used.contains(".")) {
                        used = used.substring(0, used.indexOf('.')); // a subpackage without a layer of its own
                    }
                    if (used.equals(pkg) || !LAYER.containsKey(used)) {
                        continue; // a class of the root package (org.anomaly4j.A4j) is matched below
                    }
                    if (LAYER.get(used) >= own) {
                        violations.add(MAIN.relativize(f) + " (" + pkg + ", layer " + own + ") names " + used
                                + " (layer " + LAYER.get(used) + ")");
                    }
                }
                if (pkg.equals("stats") && read(f).contains("tech.tablesaw")) {
                    violations.add(MAIN.relativize(f) + ": stats works on primitive arrays, without Tablesaw");
                }
                if (own < LAYER.get("") && read(f).contains("org.anomaly4j.A4j")) {
                    violations.add(MAIN.relativize(f) + " names org.anomaly4j.A4j, the top layer");
                }
            }
        }
        assertTrue(seen.containsAll(List.of("stats", "io", "data", "features", "detect")), "scanned " + seen);
        assertEquals(List.of(), violations);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
