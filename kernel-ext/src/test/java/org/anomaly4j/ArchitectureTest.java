package org.anomaly4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.anomaly4j.detect.DetectorType;
import org.anomaly4j.detect.Detectors;
import org.junit.jupiter.api.Test;

/**
 * The package layering of DESIGN.md, checked on the sources: no package refers to one above it, and every
 * package has a place in the map. Also: every registered detector has an {@link A4j} factory, listed in the
 * README.
 */
class ArchitectureTest {

    /** Layer of each package, bottom up; a package may use its own layer's package only if it is itself. */
    static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("progress", 0),
            Map.entry("stats", 0),
            Map.entry("io", 1),
            Map.entry("datasets", 2),
            Map.entry("data", 2),
            Map.entry("features", 3),
            Map.entry("detect", 4),
            // time-series and deep detectors implement the detect contract
            Map.entry("timeseries", 5),
            Map.entry("deep", 5),
            Map.entry("eval", 6),
            Map.entry("plot", 7),
            Map.entry("kernel", 8),
            Map.entry("cli", 8),
            Map.entry("", 9));

    static final Path MAIN = Path.of("src/main/java/org/anomaly4j");
    static final Pattern REF = Pattern.compile("org\\.anomaly4j\\.([a-z]+)\\b(\\.[A-Z*])?");

    @Test
    void noPackageUsesOneAboveIt() throws IOException {
        List<String> violations = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(f.getParent());
                String pkg = rel.getNameCount() == 0 || rel.toString().isEmpty() ? "" : rel.getName(0).toString();
                if (!LAYERS.containsKey(pkg)) {
                    unknown.add(pkg);
                    continue;
                }
                Matcher m = REF.matcher(Files.readString(f));
                while (m.find()) {
                    String used = m.group(1);
                    if (m.group(2) == null && !LAYERS.containsKey(used)) {
                        continue; // a class of the root package, e.g. org.anomaly4j.A4j
                    }
                    if (!LAYERS.containsKey(used)) {
                        unknown.add(used);
                    } else if (!used.equals(pkg) && LAYERS.get(used) >= LAYERS.get(pkg)) {
                        violations.add(MAIN.relativize(f) + " uses org.anomaly4j." + used);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), unknown, "place these packages in ArchitectureTest.LAYERS (and DESIGN's map)");
        assertEquals(List.of(), violations, "a package may only use packages below it");
    }

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
