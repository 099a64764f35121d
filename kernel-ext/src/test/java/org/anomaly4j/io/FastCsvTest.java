package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.anomaly4j.TableFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The fast reader's memory-saving paths: int columns parsed straight into {@code int[]} (guessed from the first
 * {@link FastCsv#GUESS_LINES} lines, parsed again as doubles where later lines belie the guess), and a file streamed
 * in blocks of {@link TextBlocks}. Each file is also read by the general reader, whose types and values follow
 * pandas' rules (checked against pandas by {@link CsvGoldenTest} and {@link CsvEdgeGoldenTest}); the expected cells
 * are also stated here from how the file was written.
 */
class FastCsvTest {

    /** Rows past the guess window, so that every late cell below is seen only by the full parse. */
    private static final int ROWS = FastCsv.GUESS_LINES + 500;
    private static final int LATE = FastCsv.GUESS_LINES + 100;

    @TempDir
    Path dir;

    /** One file whose columns look integer for the guess window and then show what pandas decides on. */
    private static String lateSurprises() {
        StringBuilder sb = new StringBuilder("id,gap,negzero,late_decimal,late_long,spaced,sentinel,early_gap\n");
        for (int i = 0; i < ROWS; i++) {
            boolean late = i == LATE;
            sb.append(i - 700).append(',')
                    .append(late ? "" : Integer.toString(i % 7)).append(',')
                    .append(late ? "NA" : i % 2 == 0 ? "-0" : "3").append(',')
                    .append(late ? "2.5" : Integer.toString(i)).append(',')
                    .append(late ? "3000000000" : Integer.toString(-i - 1000)).append(',') // never the -999 gap
                    .append(late ? " 42 " : "0042").append(',')
                    .append(late ? "-999" : "5").append(',')
                    .append(i == 10 ? "" : i % 2 == 0 ? "-0" : "4").append('\n');
        }
        return sb.toString();
    }

    @Test
    void intColumnsParsedStraightIntoIntsFollowPandasRulesPastTheGuess() {
        byte[] bytes = lateSurprises().getBytes(StandardCharsets.UTF_8);
        CsvOptions options = CsvOptions.defaults().missing("", "NA", "-999");
        ReadResult fast = Csv.readFast(bytes, "late.csv", "late", options);
        assertNotNull(fast, "an all-numeric file: the fast reader must take it");
        Table t = fast.table();
        assertEquals(ROWS, t.rowCount());
        // plain integers: int32, as pandas' int64 in int range
        assertEquals(ColumnType.INTEGER, t.column("id").type());
        assertEquals(-700, ((IntColumn) t.column("id")).getInt(0));
        assertEquals(ROWS - 701, ((IntColumn) t.column("id")).getInt(ROWS - 1));
        // integers with a gap after the guess window: float64 with NaN (pandas), the other cells exact
        DoubleColumn gap = (DoubleColumn) t.column("gap");
        assertTrue(Double.isNaN(gap.getDouble(LATE)));
        assertEquals((LATE + 1) % 7, gap.getDouble(LATE + 1), 0.0);
        assertEquals(1, gap.countMissing());
        // "-0" in an int column with gaps is +0.0 in pandas (int64 converted), not the -0.0 a float parse gives
        DoubleColumn negzero = (DoubleColumn) t.column("negzero");
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(negzero.getDouble(0)));
        assertEquals(3.0, negzero.getDouble(1), 0.0);
        // a decimal after the guess: the column is parsed again as float64
        DoubleColumn decimal = (DoubleColumn) t.column("late_decimal");
        assertEquals(2.5, decimal.getDouble(LATE), 0.0);
        assertEquals(LATE + 1, decimal.getDouble(LATE + 1), 0.0);
        // an integer beyond the int range: int64 (a long column), every other cell exact
        LongColumn wide = (LongColumn) t.column("late_long");
        assertEquals(3_000_000_000L, wide.getLong(LATE));
        assertEquals(-(LATE + 1) - 1000, wide.getLong(LATE + 1));
        // spaces around an integer and leading zeros: still the integer
        assertEquals(ColumnType.INTEGER, t.column("spaced").type());
        assertEquals(42, ((IntColumn) t.column("spaced")).getInt(LATE));
        assertEquals(42, ((IntColumn) t.column("spaced")).getInt(0));
        // a missing token that is an int literal is a gap, not the number
        DoubleColumn sentinel = (DoubleColumn) t.column("sentinel");
        assertTrue(Double.isNaN(sentinel.getDouble(LATE)));
        assertEquals(5.0, sentinel.getDouble(0), 0.0);
        // a gap inside the guess window: parsed as doubles from the start, with pandas' +0.0 for "-0"
        DoubleColumn earlyGap = (DoubleColumn) t.column("early_gap");
        assertTrue(Double.isNaN(earlyGap.getDouble(10)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(earlyGap.getDouble(ROWS - 2)));
        assertEquals(4.0, earlyGap.getDouble(ROWS - 1), 0.0);
        // and the general reader (pandas' rules, golden-tested) agrees cell for cell and type for type
        TableFixtures.assertSameTable(Csv.readGeneral(bytes, "late.csv", "late", options).table(), t);
    }

    @Test
    void moreThanFifteenDigitsPastTheGuessSendsTheFileToTheGeneralReader() {
        String text = lateSurprises().replace("\n" + (LATE - 700) + ",", "\n1234567890123456789,");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CsvOptions options = CsvOptions.defaults().missing("", "NA", "-999");
        assertNull(Csv.readFast(bytes, "wide.csv", "wide", options),
                "an integer of 19 digits needs the exact long parse of the general reader");
        Table general = Csv.readGeneral(bytes, "wide.csv", "wide", options).table();
        assertEquals(1234567890123456789L, ((LongColumn) general.column("id")).getLong(LATE));
    }

    @Test
    void streamedInBlocksSmallerThanTheGuessWindowAndInReadChunksGivesTheSameTable() throws IOException {
        byte[] bytes = lateSurprises().getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("late.csv"), bytes);
        Set<String> missing = Set.of("", "NA", "-999");
        Table inMemory = FastCsv.tryRead(bytes, "late", ',', true, missing);
        assertNotNull(inMemory);
        // the first block holds fewer lines than the guess window: the guess sees only those
        Table smallBlocks = FastCsv.tryReadFile(file, 4096, "late", ',', '"', true, missing);
        TableFixtures.assertSameTable(inMemory, smallBlocks);
        // a file several read chunks long, in blocks that are not a multiple of the chunk
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; sb.length() < 3 * TextBlocks.PIECE + 1000; i++) {
            sb.append(i).append(',').append(i * 0.25).append('\n');
        }
        byte[] big = sb.toString().getBytes(StandardCharsets.US_ASCII);
        Path bigFile = Files.write(dir.resolve("big.csv"), big);
        Table expected = FastCsv.tryRead(big, "big", ',', true, Set.of());
        TableFixtures.assertSameTable(expected,
                FastCsv.tryReadFile(bigFile, 2 * TextBlocks.PIECE + 7, "big", ',', '"', true, Set.of()));
        TableFixtures.assertSameTable(expected,
                FastCsv.tryReadFile(bigFile, Csv.STREAM_BLOCK, "big", ',', '"', true, Set.of()));
    }
}
