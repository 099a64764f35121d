package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The column-wise reader ({@link ColumnarCsv}) against the general reader it replaces for the common case
 * ({@link Csv#readGeneral}, a {@code String} per cell), on generated mixed files (jqwik, 300 seeded tries, about
 * a second): numbers, integers with gaps and beyond 15 digits, {@code -9223372036854775808}, {@code 1e400},
 * {@code 0x1p3}, text that looks numeric in some rows, booleans, dates, decimal commas, missing tokens, quoted
 * fields (separators, doubled quotes and line breaks inside, text after the closing quote, never closed), ragged
 * rows, bytes not valid in the encoding, NUL bytes, {@code \n}, {@code \r\n} and lone {@code \r} line ends,
 * blank and skipped lines, byte-order marks, renamed headers, {@code dtype}s, one-byte encodings, empty and
 * header-only files. Properties, for every file:
 * <ul>
 *   <li>where the general reader reads the file, so does the column-wise one (it declines, {@code null}, only
 *       where the general reader refuses), so the test also proves which path ran;</li>
 *   <li>it gives the same table (names, types, every cell; doubles by their bits) and the same report; a
 *       {@code dtype} error is the general reader's message;</li>
 *   <li>one thread or three, in memory or streamed from a file in 16-byte blocks (which may decline a quoted
 *       line break on a block boundary): the same result.</li>
 * </ul>
 */
class CsvColumnarDifferentialTest {

    private static final String[] SEPARATORS = {",", ";", "\t", "|"};
    private static final String[] CATEGORIES = {"red", "green", "blue", "caf\u00e9", "x y", "12", "True", "nan",
        "-", "NA", "1,5", "\u00a07", "0x1p3", "1e400", "\u0131nf"};
    private static final String[] EDGE_NUMBERS = {"0x1p3", "1e400", "-1e400", "1e-400", "4.9e-324", "-0", "-0.0",
        "+5", "007", " 7", "8 ", "1.", ".5", "inf", "-Infinity", "\u0131nf", "9007199254740993",
        "12345678901234567", "123456789012345678901", "-9223372036854775808", "9223372036854775807",
        "9223372036854775808", "0.1000000000000000055511151231257827", "1e5", "2.5E+3", "1d", "--5", "."};

    @Property(tries = 300, seed = "20261202", shrinking = ShrinkingMode.OFF)
    void columnarReaderDeclinesOrGivesTheGeneralReadersTableAndReport(@ForAll("mixedFiles") MixedFile file) {
        byte[] bytes = file.bytes();
        CsvOptions o = file.options();
        ReadResult general;
        String error = null;
        try {
            general = Csv.readGeneral(bytes, "mixed.csv", "mixed", o);
        } catch (IllegalArgumentException e) {
            general = null;
            error = e.getMessage();
        }
        ReadResult columnar;
        try {
            columnar = ColumnarCsv.read(bytes, "mixed.csv", "mixed", o, 1);
        } catch (IllegalArgumentException e) {
            // only a dtype's conversion error, which the general reader gives too for the same cell
            assertEquals(error, e.getMessage(), file.toString());
            Statistics.collect("columnar declines", "general refuses");
            return;
        }
        // the columns split over three threads (each reads every line, parses its own columns): the same
        ReadResult split = ColumnarCsv.read(bytes, "mixed.csv", "mixed", o, 3);
        if (columnar == null || split == null) {
            assertEquals(columnar == null, split == null, "one thread or three:\n" + file);
        } else {
            assertSame(columnar, split, "three threads:\n" + file);
        }
        Statistics.collect(columnar != null ? "columnar reads" : "columnar declines",
                general != null ? "general reads" : "general refuses");
        Statistics.coverage(c -> {
            c.check("columnar reads", "general reads").percentage(p -> p >= 40);
            c.check("columnar declines", "general refuses").percentage(p -> p >= 5);
        });
        if (general != null) {
            assertNotNull(columnar, "what the general reader reads, the column-wise path reads:\n" + file);
        }
        if (columnar == null) {
            return;
        }
        if (general == null) {
            fail("the columnar reader accepts what the general one refuses (" + error + "):\n" + file);
        }
        assertSame(general, columnar, file.toString());
        // streamed from a file in 16-byte blocks (grown for longer lines): the same again
        ReadResult streamed = streamed(bytes, o, 16);
        if (streamed != null || !file.quotedLineBreak()) { // such a record may run on from one block into the next
            assertSame(general, streamed, file.toString());
        }
    }

    /**
     * Every pandas edge case of {@code csv_edge.json} (which {@link CsvEdgeGoldenTest} holds the general reader
     * to): the columnar reader reads each one itself and gives the general reader's result.
     */
    @Test
    void pandasEdgeCasesReadAsTheGeneralReaderReadsThem() {
        JsonNode golden = TableFixtures.golden("csv_edge", "csv_edge.json");
        int read = 0;
        for (JsonNode c : golden.get("cases")) {
            String name = c.get("name").asText();
            StringBuilder sb = new StringBuilder("id,").append(name).append('\n');
            for (int i = 0; i < c.get("cells").size(); i++) {
                sb.append(i).append(',').append(c.get("cells").get(i).asText()).append('\n');
            }
            byte[] csv = sb.toString().getBytes(StandardCharsets.UTF_8);
            ReadResult columnar = ColumnarCsv.read(csv, name, name, CsvOptions.defaults());
            assertSame(Csv.readGeneral(csv, name, name, CsvOptions.defaults()), columnar, name + ":\n" + sb);
            read++;
        }
        assertEquals(golden.get("cases").size(), read);
    }

    @Test
    void beehiveFilesTakeTheColumnarPathAndReadAsBefore() throws IOException {
        CsvOptions o = CsvOptions.separator(';').dateTimeFormat("d.MM.yyyy HH:mm");
        for (String hive : List.of("Hive17", "Hive36", "Hive85")) {
            Path p = TestData.file("beehives/" + hive);
            ReadResult columnar = ColumnarCsv.readFile(p, hive, o);
            assertNotNull(columnar, hive + " takes the column-wise path");
            ReadResult general = Csv.readGeneral(Files.readAllBytes(p), p.toString(), hive, o);
            assertSame(general, columnar, hive);
            assertSame(general, Csv.readWithReport(p, o), hive + " through Csv.readWithReport");
            assertEquals(ColumnType.LOCAL_DATE_TIME, columnar.table().column("DateTime").type());
        }
    }

    @Test
    void decimalCommaFilesTakeTheColumnarPath() throws IOException {
        // the file CsvGoldenTest holds to pandas bit for bit through Csv.readWithReport, which now runs this path
        Path p = CsvGoldenTest.fixture("hive17_head50_decimal_comma.csv");
        for (CsvOptions o : List.of(CsvOptions.separator(';').decimal(','), CsvOptions.separator(';'),
                CsvOptions.separator(';').decimal(',').dateTimeFormat("d.MM.yyyy HH:mm"))) {
            ReadResult columnar = ColumnarCsv.readFile(p, "hive17", o, 64);
            assertNotNull(columnar, o.toString());
            assertSame(Csv.readGeneral(Files.readAllBytes(p), p.toString(), "hive17", o), columnar, o.toString());
        }
    }

    @Test
    void aMixedFileOfNumbersAndRepeatedTextIsReadColumnWise(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("Time,V1,Amount,Class,merchant,country\n");
        Random r = new Random(5);
        for (int i = 0; i < 5000; i++) {
            sb.append(i).append(',').append(r.nextGaussian()).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", r.nextDouble() * 100)).append(',')
                    .append(r.nextInt(50) == 0 ? 1 : 0).append(",merchant_").append(r.nextInt(20)).append(',')
                    .append(r.nextBoolean() ? "DE" : "FR").append('\n');
        }
        Path p = dir.resolve("mixed.csv");
        Files.writeString(p, sb);
        Files.writeString(dir.resolve("pk.csv"), "PK,name\n1,x\n"); // starts like a zip's magic, but is not one
        assertNotNull(ColumnarCsv.readFile(dir.resolve("pk.csv"), "pk", CsvOptions.defaults()));
        ReadResult columnar = ColumnarCsv.readFile(p, "mixed", CsvOptions.defaults(), 1024);
        assertNotNull(columnar);
        byte[] bytes = Files.readAllBytes(p);
        for (int threads = 1; threads <= 7; threads += 2) {
            assertSame(columnar, ColumnarCsv.read(bytes, p.toString(), "mixed", CsvOptions.defaults(), threads),
                    threads + " threads");
        }
        assertSame(Csv.readGeneral(Files.readAllBytes(p), p.toString(), "mixed", CsvOptions.defaults()), columnar,
                "mixed");
        // gzip: the text is read whole, then the same reader runs on it
        Path gz = dir.resolve("mixed.csv.gz");
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(bytes);
        }
        TableFixtures.assertSameTable(columnar.table(), Csv.read(gz, CsvOptions.defaults()));
        Table t = columnar.table();
        assertEquals(List.of(ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.INTEGER,
                ColumnType.STRING, ColumnType.STRING), t.columns().stream().map(Column::type).toList());
        assertEquals(20, t.stringColumn("merchant").countUnique());
        assertTrue(t.column("V1") instanceof DoubleColumn);
    }

    @Test
    void quotedLineBreaksAreReadColumnWiseFromTextInMemory(@TempDir Path dir) throws IOException {
        String text = "id,note,v\n1,\"two\nlines\",1.5\r\n2,\"three\r\nlines\n\",2\n3,x,\"\n\"\n";
        ReadResult columnar = columnarAsGeneral(text);
        assertEquals(List.of("two\nlines", "three\r\nlines\n", "x"), columnar.table().stringColumn("note").asList());
        // streamed, a record that runs on from one block into the next is the general reader's
        Path p = dir.resolve("t.csv");
        Files.writeString(p, text);
        assertNull(ColumnarCsv.readFile(p, "t", CsvOptions.defaults(), 16));
        TableFixtures.assertSameTable(columnar.table(), Csv.read(p, CsvOptions.defaults()));
    }

    @Test
    void loneCarriageReturnsEndLinesAsForTheGeneralReader() {
        ReadResult columnar = columnarAsGeneral("id,v\r1,\"x\ry\"\r\r2,z\n3,w\r\n");
        assertEquals(List.of("x\ry", "z", "w"), columnar.table().stringColumn("v").asList());
        CsvOptions skip = CsvOptions.defaults().skipRows(1);
        byte[] bytes = "# a\rid,v\r1,2\r".getBytes(StandardCharsets.UTF_8);
        assertSame(Csv.readGeneral(bytes, "t.csv", "t", skip), ColumnarCsv.read(bytes, "t.csv", "t", skip), "skip");
    }

    @Test
    void quotedFieldsOnOneLineAreReadColumnWise() {
        Table t = columnarAsGeneral("\"id\",\"name\",\"v\"\n1,\"Smith, John\",\"1.5\"\n2,\"say \"\"hi\"\"\",2\n"
                + "3,\"a\"b,\"\"\n").table();
        assertEquals(List.of("Smith, John", "say \"hi\"", "ab"), t.stringColumn("name").asList());
        assertEquals(ColumnType.DOUBLE, t.column("v").type());
        assertTrue(t.doubleColumn("v").isMissing(2), "\"\" is the empty cell, missing");
    }

    @Test
    void aHeaderWithoutRowsGivesTheGeneralReadersEmptyColumns() {
        for (CsvOptions o : List.of(CsvOptions.defaults(), CsvOptions.defaults().dtype("b", ColumnType.DOUBLE)
                .dtype("a", ColumnType.SKIP), CsvOptions.defaults().skipRows(1))) {
            for (String text : List.of("a,b\n", "a,b", "a,b\n\n", "x\na,A,\n")) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                ReadResult general;
                try {
                    general = Csv.readGeneral(bytes, "t.csv", "t", o);
                } catch (IllegalArgumentException e) {
                    assertNull(ColumnarCsv.read(bytes, "t.csv", "t", o), text + " " + o);
                    continue;
                }
                assertSame(general, ColumnarCsv.read(bytes, "t.csv", "t", o), text + " " + o);
                assertEquals(0, general.table().rowCount());
            }
        }
    }

    @Test
    void latin1FilesAreReadColumnWiseWithTheirOwnBytes() {
        // "\u00c4\u00b1nf" in ISO-8859-1 is the UTF-8 spelling of "\u0131nf" (which Java's equalsIgnoreCase calls
        // "inf"): read in its own encoding it is text, not infinity; a UTF-8 byte-order mark is text there too
        byte[] bytes = "\u00ef\u00bb\u00bfv;w\n1,5;caf\u00e9\n\u00c4\u00b1nf;na\u00efve\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        CsvOptions o = CsvOptions.separator(';').decimal(',').encoding("ISO-8859-1");
        ReadResult columnar = ColumnarCsv.read(bytes, "t.csv", "t", o);
        assertSame(Csv.readGeneral(bytes, "t.csv", "t", o), columnar, "latin-1");
        assertEquals("\u00ef\u00bb\u00bfv", columnar.table().columnNames().get(0));
        assertEquals(ColumnType.STRING, columnar.table().column(0).type());
        assertEquals("caf\u00e9", columnar.table().stringColumn("w").get(0));
    }

    @Test
    void dtypesAndSkippedLinesAreReadColumnWise() {
        String text = "# exported 2021\n\nid;v;flag;note;when\n1;2,5;true;x;2021-01-02\n2;;false;y;2021-01-03\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CsvOptions o = CsvOptions.separator(';').decimal(',').skipRows(2).dtype("id", ColumnType.LONG)
                .dtype("v", ColumnType.FLOAT).dtype("note", ColumnType.SKIP).dtype("when", ColumnType.STRING);
        ReadResult columnar = ColumnarCsv.read(bytes, "t.csv", "t", o);
        assertSame(Csv.readGeneral(bytes, "t.csv", "t", o), columnar, text);
        assertEquals(List.of("id", "v", "flag", "when"), columnar.table().columnNames());
        assertEquals(List.of("note"), columnar.report().skipped());
        assertEquals(List.of(ColumnType.LONG, ColumnType.FLOAT, ColumnType.BOOLEAN, ColumnType.STRING),
                columnar.table().columns().stream().map(Column::type).toList());
        // a cell the dtype cannot read: the same error as the general reader's, naming the file line
        CsvOptions bad = CsvOptions.separator(';').skipRows(2).dtype("flag", ColumnType.INTEGER);
        String general = assertThrows(IllegalArgumentException.class,
                () -> Csv.readGeneral(bytes, "t.csv", "t", bad)).getMessage();
        String columnarError = assertThrows(IllegalArgumentException.class,
                () -> ColumnarCsv.read(bytes, "t.csv", "t", bad)).getMessage();
        assertEquals(general, columnarError);
        assertTrue(general.contains("line 4"), general);
    }

    @Test
    void aColumnThatTurnsToTextAfterNumbersIsReadAgainAsText() {
        // "b" is numeric until row 3, "c" holds -0 among integers before a decimal: both take the third pass
        ReadResult columnar = columnarAsGeneral("a,b,c\n1,2,-0\n2,3.5,4\n3,x,1.5\n");
        assertEquals(ColumnType.STRING, columnar.table().column("b").type());
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(columnar.table().doubleColumn("c").getDouble(0)), "-0 stays -0.0");
    }

    @Test
    void declinesWhereTheGeneralReaderMustDecide() {
        CsvOptions o = CsvOptions.defaults();
        for (String text : List.of("", "\n\n", "\uFEFF", "a,b\n\"1,x\n", "a,b\n1\n", "a,b\n1,\0\n")) {
            assertNull(ColumnarCsv.read(text.getBytes(StandardCharsets.UTF_8), "t.csv", "t", o), text);
        }
        byte[] latin1 = "a,b\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertNull(ColumnarCsv.read(latin1, "t.csv", "t", o), "not UTF-8");
        byte[] plain = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertNull(ColumnarCsv.read(plain, "t.csv", "t", o.skipRows(2)), "skipRows(2): nothing left");
        assertNull(ColumnarCsv.read(plain, "t.csv", "t", o.dtype("x", ColumnType.DOUBLE)), "dtype of no column");
        assertNull(ColumnarCsv.read(plain, "t.csv", "t", o.encoding("UTF-16")), "two bytes per character");
        assertNotNull(ColumnarCsv.read(plain, "t.csv", "t", o.encoding("ISO-8859-1")), "one byte per character");
        assertNotNull(ColumnarCsv.read(plain, "t.csv", "t", o), "and reads the same file with the defaults");
    }

    /** The columnar reader's result for {@code text} with the defaults, asserted equal to the general reader's. */
    private static ReadResult columnarAsGeneral(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ReadResult columnar = ColumnarCsv.read(bytes, "t.csv", "t", CsvOptions.defaults());
        assertSame(Csv.readGeneral(bytes, "t.csv", "t", CsvOptions.defaults()), columnar, text);
        return columnar;
    }

    private static void assertSame(ReadResult expected, ReadResult actual, String what) {
        assertNotNull(actual, what);
        try {
            TableFixtures.assertSameTable(expected.table(), actual.table());
        } catch (AssertionError e) {
            fail("readers disagree on:\n" + what + "\n" + e.getMessage(), e);
        }
        assertEquals(expected.table().name(), actual.table().name(), what);
        for (int j = 0; j < expected.table().columnCount(); j++) {
            Column<?> e = expected.table().column(j);
            if (e instanceof DoubleColumn de) {
                DoubleColumn da = (DoubleColumn) actual.table().column(j);
                for (int i = 0; i < de.size(); i++) {
                    assertEquals(Double.doubleToRawLongBits(de.getDouble(i)), Double.doubleToRawLongBits(
                            da.getDouble(i)), "bits of " + e.name() + " row " + i + " in\n" + what);
                }
            }
        }
        assertEquals(expected.report(), actual.report(), "report of\n" + what);
    }

    private static ReadResult streamed(byte[] bytes, CsvOptions o, int blockSize) {
        try {
            Path tmp = Files.createTempFile("columnar", ".csv");
            try {
                Files.write(tmp, bytes);
                ReadResult r = ColumnarCsv.readFile(tmp, "mixed", o, blockSize);
                if (r == null) {
                    return null;
                }
                // the file's own name is in the report: compare under the in-memory name
                ReadReport rep = r.report();
                return new ReadResult(r.table(), new ReadReport("mixed.csv", rep.reader(), rep.rows(), rep.columns(),
                        rep.skipped(), rep.options()));
            } finally {
                Files.delete(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated file, its options, and whether a quoted field may hold a line break. */
    record MixedFile(byte[] bytes, CsvOptions options, boolean quotedLineBreak) {
        @Override
        public String toString() {
            return options + ":\n" + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<MixedFile> mixedFiles() {
        return Arbitraries.randomValue(CsvColumnarDifferentialTest::mixed);
    }

    private static MixedFile mixed(Random r) {
        String sep = SEPARATORS[r.nextInt(SEPARATORS.length)];
        String eol = r.nextInt(5) > 0 ? "\n" : r.nextInt(4) > 0 ? "\r\n" : "\r"; // \r: old Macs
        boolean header = r.nextInt(8) > 0;
        int cols = 1 + r.nextInt(6);
        int rows = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(10);
        CsvOptions o = CsvOptions.separator(sep.charAt(0)).header(header);
        if (!sep.equals(",") && r.nextInt(4) == 0) {
            o = o.decimal(',');
        }
        if (r.nextInt(5) == 0) {
            o = o.encoding(List.of(StandardCharsets.ISO_8859_1, java.nio.charset.Charset.forName("windows-1252"),
                    StandardCharsets.US_ASCII).get(r.nextInt(3)));
        }
        if (r.nextInt(6) == 0) {
            o = o.missing("-", "NA", "");
        } else if (r.nextInt(10) == 0) {
            o = o.missing();
        }
        boolean quotedLineBreak = false;
        boolean noFile = false;
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(10) == 0 && o.encoding().equals(StandardCharsets.UTF_8)) {
            sb.append('\uFEFF');
        }
        if (r.nextInt(6) == 0) {
            int skip = 1 + r.nextInt(3);
            o = o.skipRows(skip);
            for (int k = 0; k < skip; k++) {
                List<String> junk = List.of("# comment", "", "x" + sep + "\"unclosed", "caf\u00e9");
                sb.append(junk.get(r.nextInt(junk.size()))).append(eol);
            }
        }
        if (r.nextInt(10) == 0) {
            sb.append(eol); // a blank line before the header
        }
        if (header) {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                int k = r.nextInt(14);
                // blank, repeated, differing only in case, padded: renamed or stripped as the general reader does
                names.add(k == 0 && cols > 1 ? "" : k == 1 ? "c0" : k == 2 ? "C" + Math.max(0, j - 1)
                        : k == 3 ? " c" + j : "c" + j);
            }
            sb.append(String.join(sep, names)).append(eol);
        }
        if (header && r.nextInt(5) == 0) {
            List<ColumnType> types = List.of(ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.LONG, ColumnType.STRING,
                    ColumnType.SKIP, ColumnType.BOOLEAN, ColumnType.LOCAL_DATE, ColumnType.FLOAT, ColumnType.SHORT);
            for (int k = r.nextInt(3); k >= 0; k--) {
                o = o.dtype("c" + r.nextInt(cols + 1), types.get(r.nextInt(types.size())));
            }
        }
        int[] kinds = new int[cols];
        for (int j = 0; j < cols; j++) {
            kinds[j] = r.nextInt(9);
        }
        for (int i = 0; i < rows; i++) {
            int n = cols;
            if (r.nextInt(40) == 0) {
                n = cols + (r.nextBoolean() ? 1 : -1); // ragged
            }
            for (int j = 0; j < n; j++) {
                if (j > 0) {
                    sb.append(sep);
                }
                String cell = cell(r, kinds[Math.min(j, cols - 1)], i);
                if (cols == 1 && cell.isBlank()) {
                    cell = "NA"; // an empty line would be a blank line, not a row
                }
                if (r.nextInt(30) == 0) {
                    // quoted: a separator, a doubled quote, text after the closing quote, a line break inside
                    int q = r.nextInt(5);
                    cell = q == 0 ? "\"" + cell + sep + "\"" : q == 1 ? "\"" + cell + "\"\"\"" : q == 2 ? "\"" + cell
                            + "\"x" : q == 3 ? "\"" + cell + "\"" : "\"" + cell + "\n\"";
                    quotedLineBreak |= q == 4;
                } else if (r.nextInt(200) == 0) {
                    cell = "\"" + cell; // never closed, or closed by a later quote: a field over several lines
                    quotedLineBreak = true;
                } else if (!cell.isEmpty() && r.nextInt(100) == 0) {
                    cell = cell + "\""; // a quote inside an unquoted field is text
                }
                sb.append(cell);
            }
            if (i < rows - 1 || r.nextBoolean()) {
                sb.append(r.nextInt(20) == 0 ? eol + eol : eol);
            }
        }
        if (rows == 0 && !header) {
            noFile = sb.isEmpty() || sb.toString().strip().isEmpty();
        }
        String text = sb.toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean utf8 = o.encoding().equals(StandardCharsets.UTF_8);
        if (!utf8 && r.nextInt(8) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // UTF-8's mark: text in Latin-1
        }
        out.writeBytes(text.getBytes(o.encoding())); // characters the encoding lacks become '?'
        if (!noFile && r.nextInt(30) == 0) {
            // a stray byte that is not UTF-8 (0x81: nor windows-1252, 0xFF: nor US-ASCII), or a NUL, at the end
            out.writeBytes(new byte[] {new byte[] {(byte) 0xFF, (byte) 0x81, 0}[r.nextInt(3)]});
        }
        if (r.nextInt(40) == 0) {
            out.writeBytes("\r".getBytes(StandardCharsets.UTF_8)); // a lone carriage return at the end
        }
        return new MixedFile(out.toByteArray(), o, quotedLineBreak);
    }

    /** A cell of a column of the given kind (row {@code i}). */
    private static String cell(Random r, int kind, int i) {
        if (r.nextInt(8) == 0) {
            return r.nextBoolean() ? "" : r.nextBoolean() ? "NA" : "-";
        }
        if (r.nextInt(25) == 0) {
            return EDGE_NUMBERS[r.nextInt(EDGE_NUMBERS.length)];
        }
        return switch (kind) {
            case 0 -> Integer.toString(r.nextInt(2000) - 1000);
            case 1 -> Long.toString(r.nextInt(4) == 0 ? r.nextLong() : r.nextLong() % 1_000_000_000_000_000L);
            case 2 -> Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(30) - 15));
            case 3 -> String.format(Locale.ROOT, r.nextBoolean() ? "%.3f" : "%.6e", r.nextGaussian() * 1e4)
                    .replace('.', r.nextInt(3) == 0 ? ',' : '.'); // decimal commas, read with decimal(',') or not
            case 4 -> CATEGORIES[r.nextInt(CATEGORIES.length)];
            case 5 -> List.of("True", "False", "true", "FALSE").get(r.nextInt(4));
            case 6 -> String.format(Locale.ROOT, "2021-%02d-%02d%s", 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextBoolean() ? "" : " 12:30:00");
            // numeric in the first rows, then sometimes text: the column is read again in a third pass
            case 7 -> i < 3 || r.nextInt(3) > 0 ? Integer.toString(r.nextInt(100)) : "x" + r.nextInt(3);
            default -> i % 2 == 0 ? "-0" : Double.toString(r.nextGaussian());
        };
    }
}
