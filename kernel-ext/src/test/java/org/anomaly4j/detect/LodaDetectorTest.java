package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.anomaly4j.A4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registered {@code loda} detector: its options (bins as a count or "auto"), model files with per-cut bin
 * counts, and that it runs the core with the options given. The algorithm itself is tested in
 * {@code density.LodaTest}; the shared contract in {@link DetectorContractTest}.
 */
class LodaDetectorTest {

    @Test
    void binsTakeACountOrAuto() {
        assertInstanceOf(Loda.Bins.Auto.class, Loda.BINS.parse("auto"));
        assertEquals(new Loda.Bins.Count(12), Loda.BINS.parse(" 12 "));
        assertEquals("auto", Loda.BINS.toScalar(Loda.BINS.parse("auto")));
        String one = assertThrows(IllegalArgumentException.class, () -> Loda.BINS.parse("1")).getMessage();
        assertTrue(one.contains("bins must be an integer in [2, 100000] or \"auto\", got \"1\""), one);
        assertThrows(IllegalArgumentException.class, () -> Loda.BINS.parse("many"));
        assertThrows(IllegalArgumentException.class, () -> Loda.with().bins(1));
        assertThrows(IllegalArgumentException.class, () -> Loda.with().cuts(0));
        assertThrows(IllegalArgumentException.class, () -> Loda.BINS.fromScalar(1L));
        assertEquals(Loda.with().bins("auto").cuts(20),
                Detectors.create("loda", Map.of("bins", "auto", "cuts", "20")));
        assertEquals(Loda.with(), A4j.loda());
    }

    /** With automatic bins each cut has its own count: the model file keeps the ragged rows and scores the same. */
    @Test
    void automaticBinsSurviveTheModelFile(@TempDir Path dir) {
        double[][] x = DetectorContractTest.data();
        Model m = Loda.with().bins("auto").cuts(30).seed(2).fit(x);
        assertTrue(m.toString().contains("30 cuts × "), m.toString());
        Path f = dir.resolve("loda.json");
        m.save(f);
        Model back = Detectors.load(f);
        assertEquals("auto", back.parameters().get("bins"));
        assertArrayEquals(m.score(x), back.score(x), 0);
        assertArrayEquals(m.trainingScores(), back.trainingScores(), 0);
    }

    @Test
    void optionsReachTheCore() {
        double[][] x = DetectorContractTest.data();
        double[][] before = DetectorContractTest.deepCopy(x);
        Model m = Loda.with().bins(7).cuts(25).seed(9).pyodExact(true).fit(x);
        double[] core = new org.anomaly4j.detect.density.Loda(7, 25, 9, true).fit(x).trainingScores();
        assertArrayEquals(core, m.trainingScores(), 0);
        assertArrayEquals(before, x);
    }
}
