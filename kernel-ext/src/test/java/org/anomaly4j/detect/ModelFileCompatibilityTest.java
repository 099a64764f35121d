package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Model files written by earlier format versions still load and score exactly as they did (the fixtures in
 * {@code src/test/resources/model-files/v<N>/} come from {@link ModelFileFixtures}); every registered type
 * has a fixture in the current version.
 */
class ModelFileCompatibilityTest {

    private static Path root() throws URISyntaxException {
        return Path.of(ModelFileCompatibilityTest.class.getResource("/model-files").toURI());
    }

    @Test
    void everyTypeHasAFixtureInTheCurrentVersion() throws Exception {
        Path current = root().resolve("v" + ModelFiles.FORMAT_VERSION);
        TreeSet<String> have = new TreeSet<>();
        try (Stream<Path> files = Files.list(current)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json"))
                    .forEach(n -> have.add(n.substring(0, n.length() - 5)));
        }
        assertEquals(new TreeSet<>(Detectors.names()), have,
                "write the fixture of a new detector with ModelFileFixtures (and add it to SMALL)");
    }

    @Test
    void fixturesOfEveryVersionLoadAndScoreAsWritten() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        try (Stream<Path> versions = Files.list(root())) {
            for (Path v : versions.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(v)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".expected.json")).toList()) {
                        Path model = v.resolve(f.getFileName().toString().replace(".expected.json", ".json"));
                        JsonNode exp = readTree(json, f);
                        double[][] probes = json.treeToValue(exp.get("probes"), double[][].class);
                        double[] scores = json.treeToValue(exp.get("scores"), double[].class);
                        Model m = Detectors.load(model);
                        assertArrayEquals(scores, m.score(probes), 0.0, model.toString());
                        assertEquals(exp.get("threshold").asDouble(), m.threshold(), 0.0, model.toString());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= Detectors.names().size(), "checked " + checked + " fixtures");
    }

    private static JsonNode readTree(ObjectMapper json, Path f) throws IOException {
        return json.readTree(f.toFile());
    }
}
