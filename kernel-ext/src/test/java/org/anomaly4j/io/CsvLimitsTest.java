package org.anomaly4j.io;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.anomaly4j.TableFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@link CsvOptions#maxBytes}: inputs too large for the heap are refused with their size, and stream input. */
class CsvLimitsTest {

    private static final String SMALL = "a,b\n1,2.5\n3,4.5\n";

    @TempDir
    Path dir;

    @Test
    void aGzipThatExpandsBeyondTheLimitIsRefusedWithTheSizeNotAnOutOfMemoryError() throws IOException {
        // 64 MiB of zeros compress to ~64 KB: the shape of a gzip bomb, scaled down to a 1 MiB limit
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            byte[] zeros = new byte[1 << 20];
            out.write("a\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        assertTrue(gz.size() < 200_000, "compressed " + gz.size());
        Path bomb = Files.write(dir.resolve("bomb.csv.gz"), gz.toByteArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(bomb, CsvOptions.defaults().maxBytes(1 << 20)));
        assertMessage(e, "bomb.csv.gz", "more than 1048576 bytes", "after gzip decompression", "maxBytes", "-Xmx");
    }

    @Test
    void aPlainFileOverTheLimitIsRefusedBeforeReadingItAndOneAtTheLimitReads() throws IOException {
        Path p = Files.writeString(dir.resolve("p.csv"), SMALL);
        long size = Files.size(p);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Csv.read(p, CsvOptions.defaults().maxBytes(size - 1))), "p.csv", size + " bytes",
                "limit of " + (size - 1));
        assertEquals(2, Csv.read(p, CsvOptions.defaults().maxBytes(size)).rowCount());
    }

    @Test
    void theDefaultLimitIsAQuarterOfTheHeapAndInvalidLimitsAreRejected() {
        long expected = Math.min(CsvOptions.MAX_ARRAY_BYTES, Runtime.getRuntime().maxMemory() / 4);
        assertEquals(expected, CsvOptions.defaults().maxBytes());
        assertTrue(CsvOptions.defaults().toString().contains("maxBytes " + expected));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().maxBytes(0)),
                "maxBytes", "got 0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.defaults().maxBytes(Long.MAX_VALUE)), "maxBytes", "Java array");
    }

    @Test
    void streamsReadPlainGzipAndZipLikeTheFile() throws IOException {
        Table plain = Csv.read(Files.writeString(dir.resolve("s.csv"), SMALL), CsvOptions.defaults());
        byte[] text = SMALL.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("inner.csv"));
            z.write(text);
            z.closeEntry();
        }
        for (byte[] bytes : new byte[][] {text, gz.toByteArray(), zip.toByteArray()}) {
            ReadResult r = Csv.readWithReport(new ByteArrayInputStream(bytes), "<stdin>", CsvOptions.defaults());
            TableFixtures.assertSameTable(plain, r.table());
            assertTrue(r.report().file().startsWith("<stdin>"), r.report().file());
        }
        InputStream tooMuch = new ByteArrayInputStream(text);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Csv.readWithReport(tooMuch, "<stdin>", CsvOptions.defaults().maxBytes(5))), "<stdin>",
                "more than 5 bytes");
    }

    @Test
    void theFastReaderStreamsAPlainFileAndItsColumnsBehaveAsTablesawColumns() throws IOException {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i * 0.5).append(',').append(i % 7 == 0 ? "" : Integer.toString(-i)).append('\n');
        }
        Path p = Files.writeString(dir.resolve("big.csv"), text);
        ReadResult r = Csv.readWithReport(p, CsvOptions.defaults());
        assertEquals("fast numeric", r.report().reader());
        // the same bytes through the in-memory fast reader and the general reader
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        TableFixtures.assertSameTable(Csv.readFast(bytes, "big", "big", CsvOptions.defaults()).table(), r.table());
        TableFixtures.assertSameTable(Csv.readGeneral(bytes, "big", "big", CsvOptions.defaults()).table(), r.table());
        // the column wraps the parsed array (no copy); copies, filters and appends are plain Tablesaw behaviour
        Table t = r.table();
        Table copy = t.copy();
        TableFixtures.assertSameTable(t, copy);
        assertEquals(2499.5, t.where(t.doubleColumn("x").isGreaterThan(2499.0)).doubleColumn("x").get(0), 0.0);
        t.doubleColumn("x").append(-1.0);
        assertEquals(5001, t.doubleColumn("x").size());
        assertEquals(5000, copy.doubleColumn("x").size(), "the copy does not share the array");
        assertEquals(715, t.column("y").countMissing(), "every 7th y is empty");
    }

    @Test
    void aStreamedZipWithTwoFilesIsRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (String name : new String[] {"a.csv", "b.csv"}) {
                z.putNextEntry(new ZipEntry(name));
                z.write(SMALL.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Csv.readWithReport(
                new ByteArrayInputStream(zip.toByteArray()), "<stdin>", CsvOptions.defaults())),
                "several files", "a.csv", "b.csv");
    }
}
