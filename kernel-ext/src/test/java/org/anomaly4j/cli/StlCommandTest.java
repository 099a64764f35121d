package org.anomaly4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.anomaly4j.datasets.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stl}: trend, seasonal and resid per row, equal to the library's STL (itself equal to statsmodels). */
class StlCommandTest {

    @Test
    void writesTrendSeasonalResidPerRow(@TempDir Path dir) throws Exception {
        Path hive = Datasets.fromEnvironment().resolve("beehives/Hive17");
        Path out = dir.resolve("stl.csv");
        CliRun r = CliRun.run("stl", "--column", "T17", "--period", "24", "--robust", "--sep", ";", hive.toString(),
                "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("trend;seasonal;resid", lines.get(0));
        assertEquals(1848, lines.size(), "header + 1847 rows");
        int big = 0;
        for (String line : lines.subList(1, lines.size())) {
            big += Math.abs(Double.parseDouble(line.split(";")[2])) > 5 ? 1 : 0;
        }
        assertEquals(45, big, "statsmodels STL(period=24, robust=True): 45 hours with |resid| > 5");
    }

    @Test
    void usageErrorsAreOneLine() {
        CliRun noPeriod = CliRun.run("stl", "--column", "T17", "x.csv");
        assertEquals(2, noPeriod.status());
        assertEquals(1, noPeriod.err().strip().lines().count());
        CliRun badPeriod = CliRun.run("stl", "--column", "T17", "--period", "day", "x.csv");
        assertEquals(2, badPeriod.status());
        assertTrue(badPeriod.err().contains("--period takes an integer"), badPeriod.err());
        CliRun missing = CliRun.run("stl", "--column", "T17", "--period", "24", "/no/such.csv");
        assertEquals(1, missing.status());
        assertTrue(CliRun.run("--help").out().contains("stl --help"));
    }
}
