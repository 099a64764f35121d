package org.anomaly4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.anomaly4j.TestData;
import org.anomaly4j.timeseries.NabSurprise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nab and nab-score through Main: results layout, printed scores, exit codes, one-line errors. */
class NabCommandTest {

    private static final String CORPUS = TestData.root().resolve("nab").toString();

    /** Main.run with captured output: the helper of {@link MainTest}. */
    private static MainTest.Result run(String... args) {
        return MainTest.run(args);
    }

    @Test
    void nabWritesResultsAndNabScoreReadsThem(@TempDir Path dir) throws Exception {
        MainTest.Result r = run("nab", CORPUS, "-o", dir.toString());
        assertEquals(0, r.status(), r.err());
        Path file = dir.resolve(NabSurprise.NAME).resolve("realKnownCause")
                .resolve(NabSurprise.NAME + "_nyc_taxi.csv");
        List<String> lines = Files.readAllLines(file);
        assertEquals("timestamp,value,anomaly_score,label", lines.get(0));
        assertEquals(10321, lines.size(), "header + 10320 rows");
        assertTrue(lines.get(1).startsWith("2014-07-01 00:00:00,10844,"), lines.get(1));
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.endsWith(",1")), "window rows are labelled 1");

        MainTest.Result nullRun = run("nab", "--detector", "null", CORPUS, "-o", dir.toString());
        assertEquals(0, nullRun.status(), nullRun.err());
        MainTest.Result s = run("nab-score", dir.toString(), CORPUS);
        assertEquals(0, s.status(), s.err());
        List<String> out = s.out().strip().lines().toList();
        assertEquals(2, out.size(), s.out());
        String mine = out.get(0);
        assertTrue(mine.startsWith(NabSurprise.NAME + " "), mine);
        assertTrue(mine.indexOf("reward_low_FP_rate=") < mine.indexOf("standard="), "standard last: " + mine);
        assertEquals("null  standard=0.00", out.get(1).replaceAll("  reward_low_F[PN]_rate=0\\.00", ""),
                "the null detector normalises to 0");
        double standard = Double.parseDouble(mine.substring(mine.indexOf("standard=") + 9).strip());
        assertTrue(standard > 12.1, "beats NAB's windowedGaussian on these 18 series: " + standard);
    }

    @Test
    void errorsAreOneLineWithExitCodes(@TempDir Path dir) {
        MainTest.Result usage = run("nab", CORPUS);
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("-o RESULTS_DIR"), usage.err());
        assertEquals(1, usage.err().strip().lines().count());

        MainTest.Result unknown = run("nab", "--detector", "nope", CORPUS, "-o", dir.toString());
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().startsWith("anomaly4j: unknown NAB detector \"nope\""), unknown.err());

        MainTest.Result notCorpus = run("nab", dir.toString(), "-o", dir.toString());
        assertEquals(1, notCorpus.status());
        assertTrue(notCorpus.err().contains("not a NAB corpus"), notCorpus.err());

        MainTest.Result noResults = run("nab-score", dir.toString(), CORPUS);
        assertEquals(1, noResults.status());
        assertTrue(noResults.err().contains("no detector results"), noResults.err());

        MainTest.Result scoreUsage = run("nab-score", dir.toString());
        assertEquals(2, scoreUsage.status());
    }

    @Test
    void helpNamesBothCommands() {
        MainTest.Result r = run("nab", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("nab-score RESULTS_DIR CORPUS_DIR"), r.out());
        assertTrue(run("--help").out().contains("anomaly4j.jar nab --help"), "Main --help points to nab");
    }
}
