package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.anomaly4j.TableFixtures;

/**
 * Property-based fuzzing of both CSV readers (jqwik, 200 seeded tries, a few seconds): random separators,
 * line endings ({@code \n}, {@code \r\n}, a lone {@code \r}), quoting (with separators, doubled quotes and line
 * breaks inside, sometimes unbalanced), ragged rows, and cells drawn from numbers in many spellings (edge cases
 * of {@link CsvEdgeGoldenTest} included; a numeric file holds at most one such edge cell), missing tokens, text
 * and stray bytes. Properties, for every file:
 * <ul>
 *   <li>each reader returns a table or throws {@link IllegalArgumentException} with a message, nothing else;</li>
 *   <li>no reader hangs (a generous 30 s guard per read catches an endless loop; it asserts no speed);</li>
 *   <li>where the fast reader accepts a file, the general reader accepts it too and gives the same column names,
 *       types and cells (doubles to the bit);</li>
 *   <li>reading twice gives the same result (the fast reader splits work over threads).</li>
 * </ul>
 */
class CsvFuzzTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static final String[] NUMBERS = {"0", "-0", "+5", "007", "1.5", "-.5", "5.", "1e5", "1E-5", "2.5e+3",
        "0x1p3", "0x10", "1e400", "-1e400", "1e-400", "1.7976931348623157e308", "4.9e-324", "9007199254740993",
        "-9223372036854775808", "9223372036854775807", "9223372036854775808", "-2147483648", "2147483647",
        "123456789012345678901234567890", "0.1000000000000000055511151231257827", "-0.0", "inf", "-inf", "+inf",
        "Infinity", "INF", "nan", "NaN", "+nan", " 7", "8 ", "\t3", "1d", "1_000", "1e", "--5", "\u22125", "."};
    private static final String[] TEXT = {"", "NA", "null", "N/A", "abc", "True", "false", "2021-01-02",
        "2021-01-02 03:04:05", "12:30:00", "x y", "caf\u00e9", "\u00a0", "\"", "a\"b", "1,234", "5%"};

    @Property(tries = 200, seed = "20261201", shrinking = ShrinkingMode.OFF)
    void readersThrowOnlyClearErrorsAgreeAndAreDeterministic(@ForAll("csvFiles") CsvFile file) {
        String text = file.text();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CsvOptions options = CsvOptions.separator(file.separator());
        Outcome general = outcome(() -> Csv.readGeneral(bytes, "fuzz.csv", "fuzz", options));
        Outcome fast = outcome(() -> Csv.readFast(bytes, "fuzz.csv", "fuzz", options));
        assertEquals(general, outcome(() -> Csv.readGeneral(bytes, "fuzz.csv", "fuzz", options)),
                "general reader, second read of:\n" + text);
        assertEquals(fast, outcome(() -> Csv.readFast(bytes, "fuzz.csv", "fuzz", options)),
                "fast reader, second read of:\n" + text);
        assertFalse(fast.error != null, "the fast reader declines (null) rather than throwing: " + fast.error);
        // the same fast reader streaming the file in 8-byte blocks (grown for longer lines) gives the same result
        Outcome streamed = outcome(() -> streamed(bytes, options));
        assertEquals(fast, streamed, "streamed from a file:\n" + text);
        Statistics.collect(fast.result != null ? "fast reads" : "fast declines",
                general.result != null ? "general reads" : "general refuses");
        // the files must exercise every path, or the agreement above would be vacuous
        Statistics.coverage(c -> {
            c.check("fast reads", "general reads").percentage(p -> p >= 20);
            c.check("fast declines", "general reads").percentage(p -> p >= 10);
            c.check("fast declines", "general refuses").percentage(p -> p >= 5);
        });
        if (fast.result != null) {
            if (general.result == null) {
                fail("the fast reader accepts what the general one refuses (" + general.error + "):\n" + text);
            }
            try {
                TableFixtures.assertSameTable(general.result.table(), fast.result.table());
            } catch (AssertionError e) {
                fail("readers disagree on:\n" + text + "\n" + e.getMessage(), e);
            }
        }
    }

    /** A generated file and the separator it is read with. */
    record CsvFile(String text, char separator) {
        @Override
        public String toString() {
            return "separator " + CsvOptions.printable(separator) + ":\n" + text;
        }
    }

    /** A table, an {@link IllegalArgumentException}'s message, or (fast reader) neither: declined. */
    private record Outcome(ReadResult result, String error) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Outcome other)) {
                return false;
            }
            if (result == null || other.result == null) {
                return result == other.result && java.util.Objects.equals(error, other.error);
            }
            try {
                TableFixtures.assertSameTable(result.table(), other.result.table());
                return result.report().equals(other.result.report());
            } catch (AssertionError e) {
                return false;
            }
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return result == null ? "error " + error : result.report().toString();
        }
    }

    private static Outcome outcome(Supplier<ReadResult> read) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                return new Outcome(read.get(), null);
            } catch (IllegalArgumentException e) {
                assertNotNull(e.getMessage(), "an IllegalArgumentException without a message");
                assertFalse(e.getMessage().isBlank() || e.getMessage().contains("(null)"),
                        "unclear message: " + e.getMessage());
                return new Outcome(null, e.getMessage());
            }
        }, "a read did not finish: an endless loop?");
    }

    private static ReadResult streamed(byte[] bytes, CsvOptions o) {
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("fuzz", ".csv");
            try {
                java.nio.file.Files.write(tmp, bytes);
                tech.tablesaw.api.Table t = FastCsv.tryReadFile(tmp, 8, "fuzz", o.separatorChar(), o.quoteChar(),
                        o.header(), java.util.Set.copyOf(o.missingTokens()));
                return Csv.fastResult(t, "fuzz.csv", o);
            } finally {
                java.nio.file.Files.delete(tmp);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<CsvFile> csvFiles() {
        return Arbitraries.randomValue(CsvFuzzTest::csv);
    }

    private static CsvFile csv(Random r) {
        char sep = ",;\t|".charAt(r.nextInt(4));
        String eol = r.nextInt(10) < 6 ? "\n" : r.nextInt(4) > 0 ? "\r\n" : "\r";
        int cols = 1 + r.nextInt(4);
        int rows = 1 + r.nextInt(6);
        boolean numeric = r.nextInt(3) > 0; // two files in three are all-numeric: the fast reader's ground
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            header.add(r.nextInt(12) == 0 ? (r.nextBoolean() ? "" : "c0") : "c" + j);
        }
        sb.append(String.join(String.valueOf(sep), header)).append(eol);
        // a numeric file gets at most one edge cell, so that a reader's mistake on it is not hidden by others
        int edgeRow = numeric && r.nextBoolean() ? r.nextInt(rows) : -1;
        int edgeCol = r.nextInt(cols);
        for (int i = 0; i < rows; i++) {
            int n = r.nextInt(numeric ? 60 : 15) == 0 ? cols + (r.nextBoolean() ? 1 : -1) : cols; // sometimes ragged
            for (int j = 0; j < n; j++) {
                if (j > 0) {
                    sb.append(sep);
                }
                sb.append(i == edgeRow && j == edgeCol ? NUMBERS[r.nextInt(NUMBERS.length)] : cell(r, numeric, sep));
            }
            if (i < rows - 1 || r.nextBoolean()) {
                sb.append(r.nextInt(20) == 0 ? eol + eol : eol); // sometimes a blank line
            }
        }
        return new CsvFile(sb.toString(), sep);
    }

    private static String cell(Random r, boolean numeric, char sep) {
        int kind = numeric ? (r.nextInt(12) == 0 ? 9 : r.nextInt(7)) : r.nextInt(14);
        String c = switch (kind) {
            case 0, 1, 2 -> Integer.toString(r.nextInt(2000) - 1000);
            case 3, 4 -> Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            case 5 -> String.format(java.util.Locale.ROOT, r.nextBoolean() ? "%.3f" : "%.6e", r.nextGaussian() * 1e4);
            case 6 -> Long.toString(r.nextInt(8) == 0 ? r.nextLong() : r.nextLong() % 1_000_000_000_000_000L);
            case 7, 8 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 9 -> r.nextInt(3) == 0 ? "" : "NA";
            case 10, 11 -> TEXT[r.nextInt(TEXT.length)];
            case 12 -> randomChars(r);
            default -> String.valueOf((char) (' ' + r.nextInt(95)));
        };
        int quoting = r.nextInt(numeric ? 100 : 6);
        if (quoting == 0) {
            // quoted properly, with a separator or line break inside now and then
            String body = r.nextInt(3) == 0 ? c + sep + c : r.nextInt(4) == 0 ? c + "\n" + c : c;
            return "\"" + body.replace("\"", "\"\"") + "\"";
        }
        if (quoting == 1 && !numeric) {
            return "\"" + c; // never closed
        }
        return c;
    }

    private static String randomChars(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(6);
        for (int k = 0; k < n; k++) {
            int pick = r.nextInt(10);
            sb.append(pick < 6 ? (char) ('0' + r.nextInt(10)) : pick < 8 ? ".eE+-".charAt(r.nextInt(5))
                    : pick == 8 ? "\"',;\t".charAt(r.nextInt(5)) : (char) (0x80 + r.nextInt(0x2000)));
        }
        return sb.toString();
    }
}
