package org.anomaly4j.io;

import static org.anomaly4j.TableFixtures.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.anomaly4j.TableFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** {@link Csv} and {@link CsvOptions}: every option, compressed input, and hostile files. */
class CsvReadTest {

    private static final String SMALL = "a;b;c\n1;x;1,5\n2;y;2,25\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IllegalArgumentException readFails(Path p, CsvOptions o) {
        return assertThrows(IllegalArgumentException.class, () -> Csv.read(p, o));
    }

    // ---------------------------------------------------------------- options

    @Test
    void existingOptionsApiStillWorks() {
        CsvOptions o = CsvOptions.defaults().withSeparator(';').header(true).missing("?").dateTimeFormat("d.MM.yyyy");
        assertEquals(';', o.separatorChar());
        assertEquals(List.of("?"), o.missingTokens());
        assertEquals("d.MM.yyyy", o.dateTimeFormat());
        assertEquals(',', CsvOptions.separator(',').separatorChar());
    }

    @Test
    void defaultsAreThoseOfPandas() {
        CsvOptions d = CsvOptions.defaults();
        assertEquals(',', d.separatorChar());
        assertEquals('.', d.decimal());
        assertEquals('"', d.quoteChar());
        assertEquals(0, d.skipRows());
        assertEquals(StandardCharsets.UTF_8, d.encoding());
        assertTrue(d.missingTokens().containsAll(List.of("", "NA", "N/A", "NaN", "nan", "null", "None", "<NA>",
                "#N/A")), "pandas' STR_NA_VALUES");
        assertEquals(19, d.missingTokens().size());
    }

    @Test
    void settersReturnNewValuesAndLeaveTheOriginal() {
        CsvOptions base = CsvOptions.separator(';');
        CsvOptions more = base.decimal(',').quoteChar('\'').skipRows(2).encoding("ISO-8859-1")
                .dtype("a", ColumnType.STRING).dateFormat("d.MM.yyyy");
        assertEquals('.', base.decimal());
        assertTrue(base.dtypes().isEmpty());
        assertEquals(',', more.decimal());
        assertEquals('\'', more.quoteChar());
        assertEquals(2, more.skipRows());
        assertEquals(StandardCharsets.ISO_8859_1, more.encoding());
        assertEquals(ColumnType.STRING, more.dtypes().get("a"));
        assertThrows(UnsupportedOperationException.class, () -> more.dtypes().put("b", ColumnType.DOUBLE));
        String text = more.toString();
        assertTrue(text.contains("decimal ','") && text.contains("skipRows 2") && text.contains("a=STRING"), text);
    }

    @Test
    void invalidOptionsAreRejectedWithTheFix() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().decimal(',')),
                "equals the separator", "separator(';').decimal(',')");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().decimal('x')),
                "'.' or ','");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().skipRows(-1)),
                "skipRows must be >= 0, got -1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().encoding("no-such")),
                "\"no-such\"", "UTF-8");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().quoteChar(',')),
                "quoteChar must differ");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.separator('\n')), "line break");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().dateFormat("yyyy-MM-dd'")),
                "dateFormat", "not a valid java.time pattern");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().missing("a", null)),
                "must not be null");
    }

    @Test
    void quoteCharProtectsSeparatorsAndDoubledQuotes() {
        Path p = file("q.csv", "name;n\n'a;b';1\n'it''s';2\n");
        Table t = Csv.read(p, CsvOptions.separator(';').quoteChar('\''));
        assertEquals("a;b", t.stringColumn("name").get(0));
        assertEquals("it's", t.stringColumn("name").get(1));
        assertEquals(ColumnType.INTEGER, t.column("n").type());
    }

    @Test
    void headerOffNamesColumnsByPosition() {
        Table t = Csv.read(file("h.csv", "1,2\n3,4\n"), CsvOptions.defaults().header(false));
        assertEquals(List.of("C0", "C1"), t.columnNames());
        assertEquals(2, t.rowCount());
    }

    @Test
    void skipRowsDropsLeadingLinesAndErrorsKeepFileLineNumbers() {
        Path p = file("s.csv", "exported by sensor X\nunit: celsius\nt,h\n1.5,40\n2.5,41\n");
        Table t = Csv.read(p, CsvOptions.defaults().skipRows(2));
        assertEquals(List.of("t", "h"), t.columnNames());
        assertEquals(2.5, t.doubleColumn("t").get(1), 0.0);
        Path bad = file("s2.csv", "junk\nt,h\n1,2\n3\n");
        assertMessage(readFails(bad, CsvOptions.defaults().skipRows(1)), "line 4", "1 field", "header (line 2) has 2");
        assertMessage(readFails(file("s3.csv", "a\nb\n"), CsvOptions.defaults().skipRows(5)), "is empty",
                "after skipping 5 lines");
    }

    @Test
    void encodingDecodesLatin1AndUtf8RejectsItWithTheLine() {
        byte[] latin1 = "city;n\nZurich;1\nZürich;2\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = file("l1.csv", latin1);
        IllegalArgumentException e = readFails(p, CsvOptions.separator(';'));
        assertMessage(e, "l1.csv", "line 3", "not valid UTF-8", "encoding(\"ISO-8859-1\")");
        Table t = Csv.read(p, CsvOptions.separator(';').encoding("ISO-8859-1"));
        assertEquals("Zürich", t.stringColumn("city").get(1));
        Path bom = file("bom.csv", "\uFEFFx,y\n1,2\n");
        assertEquals(List.of("x", "y"), Csv.read(bom, CsvOptions.defaults()).columnNames(), "UTF-8 BOM dropped");
    }

    @Test
    void missingTokensReplaceTheDefaults() {
        Path p = file("na.csv", "a,b\n1,?\n-,NA\n3,4\n");
        Table dflt = Csv.read(p, CsvOptions.defaults());
        assertEquals(ColumnType.STRING, dflt.column("a").type(), "'-' is text for pandas' defaults");
        Table custom = Csv.read(p, CsvOptions.defaults().missing("?", "-"));
        assertEquals(ColumnType.DOUBLE, custom.column("a").type(), "integers with a gap become float64");
        assertEquals(1, custom.column("a").countMissing());
        assertEquals(ColumnType.STRING, custom.column("b").type(), "NA is no longer a missing token");
        assertEquals("NA", custom.stringColumn("b").get(1));
    }

    @Test
    void dtypeOverridesInferenceSkipsColumnsAndNamesBadCells() {
        Path p = file("d.csv", "code,x,drop\n007,1,a\n010,2,b\n");
        ReadResult r = Csv.readWithReport(p, CsvOptions.defaults().dtype("code", ColumnType.STRING)
                .dtype("x", ColumnType.DOUBLE).dtype("drop", ColumnType.SKIP));
        Table t = r.table();
        assertEquals(List.of("code", "x"), t.columnNames());
        assertEquals("007", t.stringColumn("code").get(0), "leading zeros kept");
        assertEquals(ColumnType.DOUBLE, t.column("x").type());
        assertEquals(List.of("drop"), r.report().skipped());
        assertTrue(r.report().toString().contains("skipped: drop"), r.report().toString());

        Path bad = file("d2.csv", "x\n1\n2\nabc\n");
        assertMessage(readFails(bad, CsvOptions.defaults().dtype("x", ColumnType.INTEGER)), "d2.csv", "line 4",
                "column \"x\"", "\"abc\"", "INTEGER", "missing(...)");
        assertMessage(readFails(bad, CsvOptions.defaults().dtype("nope", ColumnType.INTEGER)), "\"nope\"",
                "its columns are [x]");
        Table longs = Csv.read(file("d3.csv", "x\n1\n2\n"), CsvOptions.defaults().dtype("x", ColumnType.LONG));
        assertEquals(ColumnType.LONG, longs.column("x").type());
    }

    @Test
    void dateAndDateTimeFormatsParseTheirColumns() {
        Path p = file("dt.csv", "day;at;v\n1.02.2021;1.02.2021 13:05;1\n15.03.2021;15.03.2021 07:00;2\n");
        Table t = Csv.read(p, CsvOptions.separator(';').dateFormat("d.MM.yyyy").dateTimeFormat("d.MM.yyyy HH:mm"));
        assertEquals(ColumnType.LOCAL_DATE, t.column("day").type());
        assertEquals("2021-03-15", t.dateColumn("day").get(1).toString());
        assertEquals(ColumnType.LOCAL_DATE_TIME, t.column("at").type());
        Table iso = Csv.read(file("iso.csv", "ts,v\n2014-07-01 00:00:00,1\n2014-07-01 00:30:00,2\n"),
                CsvOptions.defaults());
        assertEquals(ColumnType.LOCAL_DATE_TIME, iso.column("ts").type(), "ISO-like date-times detected");
        ReadResult mixed = Csv.readWithReport(file("mix.csv", "a;b;c;d;e\n"
                + "2014-07-01T00:00:00.125;1/2/2014 3:04:05 PM;12:30:01;2014-13-01 00:00;2021-02-28\n"
                + "2014-07-01 00:30;1/3/2014 3:04:05 AM;07:00;2014-12-01 00:00;2021-03-01\n"), CsvOptions.separator(';'));
        Table m = mixed.table();
        assertEquals("2014-07-01T00:00:00.125", m.dateTimeColumn("a").get(0).toString());
        assertEquals("2014-07-01T00:30", m.dateTimeColumn("a").get(1).toString());
        assertEquals("ISO format", mixed.report().columns().get(0).note());
        assertEquals("2014-01-02T15:04:05", m.dateTimeColumn("b").get(0).toString(), "a US layout Tablesaw knows");
        assertEquals("format detected by Tablesaw", mixed.report().columns().get(1).note());
        assertEquals(ColumnType.LOCAL_TIME, m.column("c").type());
        assertEquals(ColumnType.STRING, m.column("d").type(), "month 13 is not a date");
        assertEquals(ColumnType.LOCAL_DATE, m.column("e").type());
    }

    @Test
    void duplicateAndBlankHeaderNamesAreMangledAsPandasDoes() {
        Table t = Csv.read(file("n.csv", "a,a,,a\n1,2,3,4\n"), CsvOptions.defaults());
        assertEquals(List.of("a", "a.1", "Unnamed: 2", "a.2"), t.columnNames());
    }

    @Test
    void namesThatDifferOnlyInCaseAreRenamedAndReported() {
        // pandas keeps a and A; Tablesaw names ignore case, so the later one gets a suffix, as a repeat does.
        ReadResult r = Csv.readWithReport(file("case.csv", "a,A,b,B,a\n1,2,3,4,5\n"), CsvOptions.defaults());
        assertEquals("general", r.report().reader(), "the fast reader leaves renaming to the general one");
        assertEquals(List.of("a", "A.1", "b", "B.1", "a.2"), r.table().columnNames());
        assertEquals(2, r.table().intColumn("A.1").get(0));
        assertEquals(5, r.table().intColumn("a.2").get(0));
        List<String> notes = r.report().columns().stream().map(ReadReport.ColumnReport::note).toList();
        assertEquals("", notes.get(0));
        assertTrue(notes.get(1).startsWith("renamed from \"A\" (name differs only in case"), notes.get(1));
        assertTrue(notes.get(4).startsWith("renamed from \"a\" (repeated name)"), notes.get(4));
        Table blank = Csv.readWithReport(file("blank.csv", "x, ,x\n1,2,3\n"), CsvOptions.defaults()).table();
        assertEquals(List.of("x", "Unnamed: 1", "x.1"), blank.columnNames());
    }

    @Test
    void oneRowOfHundredThousandColumnsReadsOnBothReaders() {
        // Tablesaw's own Table.create checks each added name against all earlier ones (quadratic: 332 s here);
        // the readers build the table in linear time. Asserts the shape and values, not the time.
        int k = 100_000;
        StringBuilder header = new StringBuilder();
        StringBuilder numbers = new StringBuilder();
        StringBuilder mixed = new StringBuilder();
        for (int j = 0; j < k; j++) {
            String sep = j == 0 ? "" : ",";
            header.append(sep).append("c").append(j);
            numbers.append(sep).append(j).append(".5");
            mixed.append(sep).append(j % 1000 == 7 ? "t" + j : j + ".5");
        }
        ReadResult fast = Csv.readWithReport(file("wide.csv", header + "\n" + numbers + "\n"), CsvOptions.defaults());
        ReadResult general = Csv.readWithReport(file("wide_text.csv", header + "\n" + mixed + "\n"),
                CsvOptions.defaults());
        assertEquals("fast numeric", fast.report().reader());
        assertEquals("general", general.report().reader());
        for (ReadResult r : List.of(fast, general)) {
            Table t = r.table();
            assertEquals(1, t.rowCount());
            assertEquals(k, t.columnCount());
            assertEquals("c0", t.column(0).name());
            assertEquals("c99999", t.column(k - 1).name());
            assertEquals(0.5, t.doubleColumn(0).get(0), 0.0);
            assertEquals(54_321.5, t.doubleColumn(54_321).get(0), 0.0);
            assertEquals(99_999.5, t.doubleColumn(k - 1).get(0), 0.0);
        }
        assertEquals(ColumnType.STRING, general.table().column(1007).type());
        assertEquals("t1007", general.table().stringColumn(1007).get(0));
    }

    @Test
    void headerOnlyGivesAnEmptyTableWithTheColumns() {
        ReadResult r = Csv.readWithReport(file("ho.csv", "a,b\n"), CsvOptions.defaults());
        assertEquals(List.of("a", "b"), r.table().columnNames());
        assertEquals(0, r.table().rowCount());
        assertEquals(0, r.report().rows());
    }

    // ---------------------------------------------------------------- compressed input

    @Test
    void gzipAndSingleEntryZipReadLikeThePlainFile() throws IOException {
        Table plain = Csv.read(file("p.csv", SMALL), CsvOptions.separator(';').decimal(','));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(SMALL.getBytes(StandardCharsets.UTF_8));
        }
        // the magic bytes decide, not the name
        Table fromGz = Csv.read(file("p.data", gz.toByteArray()), CsvOptions.separator(';').decimal(','));
        TableFixtures.assertSameTable(plain, fromGz);
        ReadResult fromZip = Csv.readWithReport(file("p.zip", zip("inner/p.csv")),
                CsvOptions.separator(';').decimal(','));
        TableFixtures.assertSameTable(plain, fromZip.table());
        assertTrue(fromZip.report().file().endsWith("p.zip!/inner/p.csv"), fromZip.report().file());
        assertEquals(1.5, plain.doubleColumn("c").get(0), 0.0);
    }

    @Test
    void zipWithSeveralFilesIsRefusedNamingThem() throws IOException {
        IllegalArgumentException e = readFails(file("many.zip", zip("a.csv", "b.csv")), CsvOptions.defaults());
        assertMessage(e, "many.zip", "holds 2 files", "a.csv", "b.csv", "unzip");
        assertMessage(readFails(file("none.zip", zip()), CsvOptions.defaults()), "holds 0 files");
    }

    @Test
    void truncatedGzipIsAClearError() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(SMALL.repeat(50).getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        assertMessage(readFails(file("cut.csv.gz", cut), CsvOptions.defaults()), "cut.csv.gz", "gzip",
                "ends early (truncated file?)");
        // cut inside the 10-byte header: Java's EOFException has no message there, ours still gives the reason
        assertMessage(readFails(file("head.csv.gz", java.util.Arrays.copyOf(cut, 5)), CsvOptions.defaults()),
                "head.csv.gz", "ends early (truncated file?)");
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String name : entries) {
                z.putNextEntry(new ZipEntry(name));
                z.write(SMALL.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------- hostile files

    @Test
    void emptyFilesAreRefusedNamingTheFile() {
        assertMessage(readFails(file("empty.csv", ""), CsvOptions.defaults()), "empty.csv", "is empty");
        assertMessage(readFails(file("blank.csv", "\n\r\n\n"), CsvOptions.defaults()), "blank.csv", "is empty");
        assertMessage(readFails(dir.resolve("absent.csv"), CsvOptions.defaults()), "absent.csv", "does not exist");
    }

    @Test
    void raggedRowsNameTheirLineEvenAfterQuotedLineBreaks() {
        Path longRow = file("long.csv", "a,b\n\"x\ny\",1\n2,3\n4,5,6\n");
        assertMessage(readFails(longRow, CsvOptions.defaults()), "long.csv", "line 5", "3 fields",
                "header (line 1) has 2", "separator (',')");
        Path shortRow = file("short.csv", "a,b\n1,2\n\n3\n");
        assertMessage(readFails(shortRow, CsvOptions.defaults()), "short.csv", "line 4", "1 field");
    }

    @Test
    void aWrongSeparatorGetsAHint() {
        Path ragged = file("semi.csv", "a;b\n1;2\n3;4,5\n");
        assertMessage(readFails(ragged, CsvOptions.defaults()), "line 3", "2 fields",
                "try CsvOptions.separator(';')");
        // pandas reads such a file as one column "a;b"; so does Csv, and the report says what to change
        ReadResult one = Csv.readWithReport(file("semi2.csv", "a;b\n1;2\n"), CsvOptions.defaults());
        assertEquals(List.of("a;b"), one.table().columnNames());
        assertTrue(one.report().columns().get(0).note().contains("try CsvOptions.separator(';')"),
                one.report().toString());
    }

    @Test
    void unclosedQuoteNamesTheLineItOpensOn() {
        Path p = file("q.csv", "a,b\n1,2\n3,\"oops\n4,5\n");
        assertMessage(readFails(p, CsvOptions.defaults()), "q.csv", "line 3", "never closed", "quoteChar");
    }

    @Test
    void binaryGarbageIsRefusedNamingFileAndLine() {
        byte[] junk = new byte[4096];
        new SplittableRandom(3).nextBytes(junk);
        junk[0] = 'x'; // not a gzip or zip magic number
        IllegalArgumentException e = readFails(file("junk.bin", junk), CsvOptions.defaults());
        assertMessage(e, "junk.bin", "line ", "not valid UTF-8");
        byte[] withNul = "a,b\n1,2\n3,\0\n".getBytes(StandardCharsets.UTF_8);
        assertMessage(readFails(file("nul.csv", withNul), CsvOptions.defaults()), "nul.csv", "line 3", "NUL",
                "binary");
        assertMessage(readFails(file("nul1.csv", withNul), CsvOptions.defaults().encoding("ISO-8859-1")),
                "line 3", "NUL");
    }

    // ---------------------------------------------------------------- inference and report

    @Test
    void textThatTablesawWouldMisreadStaysText() {
        // Tablesaw's own parsers drop ',' and read "1,5" as 15 and "5%" as 0.05; pandas keeps both as text.
        Table t = Csv.read(file("t.csv", "a;b\n1,5;5%\n2,25;6%\n"), CsvOptions.separator(';'));
        assertEquals(ColumnType.STRING, t.column("a").type());
        assertEquals("1,5", t.stringColumn("a").get(0));
        assertEquals(ColumnType.STRING, t.column("b").type());
    }

    @Test
    void decimalCommaRejectsDecimalPoints() {
        Table t = Csv.read(file("dc.csv", "a;b\n1,5;1.5\n-2,5e1;2\n"), CsvOptions.separator(';').decimal(','));
        assertEquals(-25.0, t.doubleColumn("a").get(1), 0.0);
        assertEquals(ColumnType.STRING, t.column("b").type(), "pandas with decimal=',' keeps \"1.5\" as text");
    }

    @Test
    void reportListsTypesMissingCountsNotesAndOptions() {
        Path p = file("r.csv", "id;v;s\n1;1,5;x\n2;;y\n3;2,5;\n");
        ReadReport report = Csv.readWithReport(p, CsvOptions.separator(';').decimal(',')).report();
        assertEquals(3, report.rows());
        assertEquals("general", report.reader());
        assertEquals(List.of("id", "v", "s"), report.columns().stream().map(ReadReport.ColumnReport::name).toList());
        ReadReport.ColumnReport v = report.columns().get(1);
        assertEquals(ColumnType.DOUBLE, v.type());
        assertEquals(1, v.missing());
        assertEquals("decimal comma", v.note());
        String text = report.toString();
        assertTrue(text.startsWith("Read " + p + ": 3 rows × 3 columns (general reader)"), text);
        assertTrue(text.contains("options: separator ';', decimal ','"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+v\\s+DOUBLE\\s+1\\s+decimal comma")), text);
        Table asTable = report.toTable();
        assertEquals(List.of("column", "type", "missing", "note"), asTable.columnNames());
        assertEquals(1, asTable.intColumn("missing").get(2));
    }

    @Test
    void readIsReadWithReportsTable() {
        Path p = file("same.csv", SMALL);
        CsvOptions o = CsvOptions.separator(';').decimal(',');
        TableFixtures.assertSameTable(Csv.readWithReport(p, o).table(), Csv.read(p, o));
        assertFalse(Csv.readWithReport(p, o).report().columns().isEmpty());
    }
}
