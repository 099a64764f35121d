package org.anomaly4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.detect.Detectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: output columns, exit codes, one-line errors, help listing every detector. */
class MainTest {

    private static final Path HIVE = hive();

    private static Path hive() {
        String env = System.getenv("ANOMALY4J_DATA");
        Path root = env != null ? Path.of(env) : Path.of("../../shared/data").toAbsolutePath().normalize();
        return new Datasets(root, root.resolve(".no-cache"), b -> { }).resolve("beehives/Hive17");
    }

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void detectWritesInputPlusScoreAndAnomaly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.csv");
        Result r = run("detect", "--detector", "zscore", "--set", "contamination=0.05", "--columns", "T17,RH17",
                "--sep", ";", HIVE.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(1848, lines.size(), "header + 1847 rows");
        assertTrue(lines.get(0).endsWith(";score;anomaly"), lines.get(0));
        long flagged = lines.stream().skip(1).filter(l -> l.endsWith(";true")).count();
        assertTrue(Math.abs(flagged - 92) <= 2, "5 % of 1847 rows flagged, got " + flagged);
    }

    @Test
    void helpListsEveryDetector() {
        Result r = run("--help");
        assertEquals(0, r.status());
        for (String name : Detectors.names()) {
            assertTrue(r.out().contains("  " + name + ": "), name + " missing from --help");
        }
    }

    @Test
    void errorsAreOneLineWithNonZeroStatus() {
        Result unknownDetector = run("detect", "--detector", "nope", "--columns", "T17", "--sep", ";", HIVE.toString());
        assertEquals(2, unknownDetector.status(), "an unknown detector is a usage error");
        assertTrue(unknownDetector.err().startsWith("anomaly4j: unknown detector \"nope\""), unknownDetector.err());
        assertEquals(1, unknownDetector.err().strip().lines().count());

        Result badValue = run("detect", "--detector", "iqr", "--set", "k=abc", "--columns", "T17", "--sep", ";", HIVE.toString());
        assertEquals(1, badValue.status());
        assertTrue(badValue.err().contains("k must be a finite number >= 0, got \"abc\""), badValue.err());

        Result badKey = run("detect", "--detector", "iqr", "--set", "nu=0.1", "--columns", "T17", "--sep", ";", HIVE.toString());
        assertTrue(badKey.err().contains("no setting \"nu\"; settings: k, clipInside, contamination"), badKey.err());

        Result missingColumn = run("detect", "--detector", "iqr", "--columns", "T99", "--sep", ";", HIVE.toString());
        assertEquals(1, missingColumn.status());
        assertTrue(missingColumn.err().contains("\"T99\""), missingColumn.err());

        Result usage = run("detect", "--columns", "T17", HIVE.toString());
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("--detector NAME is required"));

        Result overwrite = run("detect", "--detector", "iqr", "--columns", "T17", "--sep", ";", HIVE.toString(),
                "-o", HIVE.toString());
        assertEquals(2, overwrite.status(), "writing over the input is refused");
        assertTrue(overwrite.err().contains("names the input file"), overwrite.err());

        Result noFolder = run("detect", "--detector", "iqr", "--columns", "T17", "--sep", ";", HIVE.toString(),
                "-o", "/no/such/folder/out.csv");
        assertEquals(1, noFolder.status());
        assertTrue(noFolder.err().contains("the folder /no/such/folder does not exist"), noFolder.err());

        Result badSep = run("detect", "--detector", "iqr", "--columns", "T17", "--sep", ";;", HIVE.toString());
        assertEquals(2, badSep.status());

        Result noFile = run("detect", "--detector", "iqr", "--columns", "T17", "/no/such/file.csv");
        assertEquals(1, noFile.status());
        assertTrue(noFile.err().contains("/no/such/file.csv"), noFile.err());
    }
}
