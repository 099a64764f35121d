package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.anomaly4j.io.InvalidModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files are read strictly (nothing is coerced) and every model that fits also saves and loads: the
 * hostile and careless cases of the hardening issue.
 */
class ModelFileStrictnessTest {

    static double[][] data() {
        return DetectorContractTest.data();
    }

    private static String saved(Path dir) throws Exception {
        Path f = dir.resolve("m.json");
        ZScore.with().fit(data()).save(f);
        return Files.readString(f);
    }

    private static String loadError(Path dir, String json) throws Exception {
        Path g = dir.resolve("bad.json");
        Files.writeString(g, json);
        return assertThrows(InvalidModelFileException.class, () -> Detectors.load(g)).getMessage();
    }

    @Test
    void formatVersionMustBeAJsonInteger(@TempDir Path dir) throws Exception {
        String json = saved(dir);
        String v = "\"formatVersion\" : " + ModelFiles.FORMAT_VERSION;
        for (String bad : List.of("\"formatVersion\" : \"1\"", "\"formatVersion\" : 1.9", "\"formatVersion\" : true",
                "\"formatVersion\" : null")) {
            assertTrue(loadError(dir, json.replace(v, bad)).contains("format version"), bad);
        }
        assertTrue(loadError(dir, json.replace(v, "\"formatVersion\" : 3")).contains("newer anomaly4j"));
    }

    @Test
    void textAfterTheClosingBraceIsRefused(@TempDir Path dir) throws Exception {
        assertTrue(loadError(dir, saved(dir) + "\n{\"more\": 1}").contains("not valid JSON"));
    }

    @Test
    void featureNamesMustBeNonNullTextAndDistinct(@TempDir Path dir) throws Exception {
        String json = saved(dir);
        String f = "\"features\" : [ \"x0\", \"x1\", \"x2\" ]";
        assertTrue(json.contains(f));
        assertTrue(loadError(dir, json.replace(f, "\"features\" : [ \"x0\", null, \"x2\" ]")).contains("features[1]"));
        assertTrue(loadError(dir, json.replace(f, "\"features\" : [ \"x0\", \"x0\", \"x2\" ]")).contains("used twice"));
        assertTrue(loadError(dir, json.replace(f, "\"features\" : [ \"x0\", \"\", \"x2\" ]")).contains("no name"));
    }

    @Test
    void parametersAreNotCoerced(@TempDir Path dir) throws Exception {
        String json = saved(dir);
        assertTrue(loadError(dir, json.replace("\"ddof\" : 0", "\"ddof\" : \"0\"")).contains("parameters: ddof"));
        assertTrue(loadError(dir, json.replace("\"ddof\" : 0", "\"ddof\" : 0.5")).contains("parameters: ddof"));
        assertTrue(loadError(dir, json.replace("\"ddof\" : 0", "\"ddof\" : 0, \"extra\" : 1")).contains("unknown parameter"));
    }

    @Test
    void whatFitsAlsoSavesAndLoads(@TempDir Path dir) {
        // names that model files refuse are refused at fit, not discovered at load
        assertThrows(IllegalArgumentException.class, () -> ZScore.with().fit(data(), List.of("f", "f", "g")));
        assertThrows(IllegalArgumentException.class, () -> ZScore.with().fit(data(), List.of("", "f", "g")));
        Model m = ZScore.with().fit(data(), List.of("a", "b", "c"));
        m.save(dir.resolve("ok.json"));
        assertEquals(m.features(), Detectors.load(dir.resolve("ok.json")).features());
    }

    @Test
    void fitsWhoseScoresOverflowFailNamingTheFix() {
        // alternating ±1.5e308: IQR's fences overflow; all near 1e308: the z-score's sum overflows
        double[][] alternating = new double[50][2];
        double[][] large = new double[50][2];
        for (int i = 0; i < 50; i++) {
            alternating[i] = new double[] {(i % 2 == 0 ? 1 : -1) * 1.5e308, i};
            large[i] = new double[] {1e308 * (1 + (i % 5) * 0.1), i};
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IqrFences.with().fit(alternating)).getMessage()
                .contains("scale the features"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZScore.with().fit(large)).getMessage()
                .contains("scale the features"));
        for (double[][] huge : List.of(alternating, large)) {
            for (DetectorType<?, ?> t : Detectors.types()) {
                // a fit either fails with a message or gives finite scores; never NaN or infinity
                try {
                    Model m = t.defaults().fit(huge);
                    for (double s : m.trainingScores()) {
                        assertTrue(Double.isFinite(s), t.name() + " returned a non-finite score");
                    }
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage() != null && e.getMessage().length() > 30, t.name() + ": " + e.getMessage());
                }
            }
        }
        String nu1 = assertThrows(IllegalArgumentException.class,
                () -> OneClassSvm.with().nu(1).fit(data())).getMessage();
        assertTrue(nu1.contains("non-finite score") && nu1.contains("nu=1.0"), nu1);
    }
}
