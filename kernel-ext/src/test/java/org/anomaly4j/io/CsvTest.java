package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.anomaly4j.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class CsvTest {

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsHive17WithSemicolonsAndADateTimeFormat() {
        Table t = Csv.read(TestData.file("beehives/Hive17"),
                CsvOptions.separator(';').dateTimeFormat("d.MM.yyyy HH:mm"));
        assertEquals(1847, t.rowCount());
        assertEquals(10, t.columnCount());
        assertEquals("Hive17", t.name());
        assertEquals(List.of("Hour", "DateTime", "T17", "RH17", "AT17", "Tamb", "RHamb", "ATamb", "T17-Tamb",
                "AT17-ATamb"), t.columnNames());
        assertEquals(ColumnType.LOCAL_DATE_TIME, t.column("DateTime").type());
        DateTimeColumn dt = (DateTimeColumn) t.column("DateTime");
        assertEquals(LocalDateTime.of(2021, 8, 21, 14, 0), dt.get(0));
        assertEquals(LocalDateTime.of(2021, 8, 21, 15, 0), dt.get(1));
        assertEquals(32.8, ((NumericColumn<?>) t.column("T17")).getDouble(0), 1e-12);
        for (int c = 2; c < t.columnCount(); c++) {
            assertTrue(t.column(c) instanceof NumericColumn<?>, t.column(c).name() + " is numeric");
        }
    }

    @Test
    void readsGzipCreditcard() {
        Table t = Csv.read(TestData.file("creditcard"), CsvOptions.defaults());
        assertEquals(5412, t.rowCount());
        assertEquals(31, t.columnCount());
        assertEquals("creditcard_subset", t.name());
        assertEquals("Time", t.columnNames().get(0));
        assertEquals("Amount", t.columnNames().get(29));
        assertEquals("Class", t.columnNames().get(30));
        NumericColumn<?> cls = (NumericColumn<?>) t.column("Class");
        for (int i = 0; i < cls.size(); i++) {
            double v = cls.getDouble(i);
            assertTrue(v == 0 || v == 1, "Class is a 0/1 label, row " + i + " = " + v);
        }
        assertEquals(91554.0, ((NumericColumn<?>) t.column("Time")).getDouble(0), 0.0);
    }

    @Test
    void gzipIsDetectedByContentNotName() throws IOException {
        Path p = tmp.resolve("plain-name.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        }
        Table t = Csv.read(p, CsvOptions.defaults());
        assertEquals(2, t.rowCount());
        assertEquals(4.0, ((NumericColumn<?>) t.column("b")).getDouble(1), 0.0);
    }

    @Test
    void missingFileIsNamedInTheError() {
        Path p = tmp.resolve("nope/absent.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(p, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains(p.toAbsolutePath().toString()), e.getMessage());
        IllegalArgumentException dir = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(tmp, CsvOptions.defaults()));
        assertTrue(dir.getMessage().contains(tmp.toString()), dir.getMessage());
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path p = write("empty.csv", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(p, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("empty.csv"), e.getMessage());
    }

    @Test
    void missingTokensInNumericFile() throws IOException {
        Path p = write("num.csv", "a,b\n1,NA\n2,\n3,4.5\n4,NaN\n");
        Table t = Csv.read(p, CsvOptions.defaults());
        assertEquals(4, t.rowCount());
        Column<?> b = t.column("b");
        assertTrue(b instanceof NumericColumn<?>, b.type().name());
        assertTrue(b.isMissing(0), "NA");
        assertTrue(b.isMissing(1), "empty cell");
        assertFalse(b.isMissing(2));
        assertTrue(b.isMissing(3), "NaN token");
        assertEquals(4.5, ((NumericColumn<?>) b).getDouble(2), 0.0);
        assertEquals(0, t.column("a").countMissing(), "column a is complete");
    }

    @Test
    void missingTokensInMixedFile() throws IOException {
        Path p = write("mixed.csv", "a,b,c\n1,NA,x\n2,,y\n3,4.5,\n");
        Table t = Csv.read(p, CsvOptions.defaults());
        assertEquals(3, t.rowCount());
        Column<?> b = t.column("b");
        assertTrue(b instanceof NumericColumn<?>, "NA and empty do not make the column text: " + b.type());
        assertTrue(b.isMissing(0));
        assertTrue(b.isMissing(1));
        assertEquals(4.5, ((NumericColumn<?>) b).getDouble(2), 0.0);
        assertTrue(t.column("c").isMissing(2));
        assertEquals("x", t.column("c").getString(0));
    }

    @Test
    void customMissingTokensReplaceTheDefaults() throws IOException {
        Path p = write("custom.csv", "a,b\n1,?\n2,5\n");
        Table withQ = Csv.read(p, CsvOptions.defaults().missing("?"));
        assertTrue(withQ.column("b") instanceof NumericColumn<?>, withQ.column("b").type().name());
        assertTrue(withQ.column("b").isMissing(0));
        Table noQ = Csv.read(p, CsvOptions.defaults());
        assertFalse(noQ.column("b").isMissing(0), "'?' is data by default");
        assertEquals("?", noQ.column("b").getString(0));
    }

    @Test
    void quotedFieldsWithSeparators() throws IOException {
        Path p = write("quoted.csv", "name,v\n\"Smith, J\",1\n\"say \"\"hi\"\"\",2\n");
        Table t = Csv.read(p, CsvOptions.defaults());
        assertEquals("Smith, J", t.column("name").getString(0));
        assertEquals("say \"hi\"", t.column("name").getString(1));
        assertEquals(2, t.rowCount());
    }

    @Test
    void withoutHeaderColumnsAreNumbered() throws IOException {
        Table numeric = Csv.read(write("nh.csv", "1,2\n3,4\n"), CsvOptions.defaults().header(false));
        assertEquals(2, numeric.rowCount());
        assertEquals(List.of("C0", "C1"), numeric.columnNames());
        Table text = Csv.read(write("nht.csv", "a,2\nb,4\n"), CsvOptions.defaults().header(false));
        assertEquals(2, text.rowCount());
        assertEquals(List.of("C0", "C1"), text.columnNames());
    }

    @Test
    void otherSeparators() throws IOException {
        Table t = Csv.read(write("tab.tsv", "a\tb\n1\t2\n"), CsvOptions.separator('\t'));
        assertEquals(List.of("a", "b"), t.columnNames());
        assertEquals(2.0, ((NumericColumn<?>) t.column("b")).getDouble(0), 0.0);
    }

    @Test
    void dateTimeFormatDecidesWhetherACellIsADateTime() throws IOException {
        Path p = write("dates.csv", "when,v\n21.08.2021 14:00,1\n");
        Table ok = Csv.read(p, CsvOptions.defaults().dateTimeFormat("dd.MM.yyyy HH:mm"));
        assertEquals(LocalDateTime.of(2021, 8, 21, 14, 0), ((DateTimeColumn) ok.column("when")).get(0));
        // a format that does not match leaves the text as text (as pandas does), never a wrong date
        Table other = Csv.read(p, CsvOptions.defaults().dateTimeFormat("yyyy-MM-dd HH:mm"));
        assertEquals(ColumnType.STRING, other.column("when").type());
        assertEquals("21.08.2021 14:00", other.column("when").getString(0));
    }

    @Test
    void raggedRowIsAnErrorNamingTheFile() throws IOException {
        Path p = write("ragged.csv", "a,b\n1,2\n3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(p, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("ragged.csv"), e.getMessage());
    }

    @Test
    void fastAndGeneralReadersAgreeOnNumbers() throws IOException {
        // no quote: the fast reader; a quoted header: the general reader
        String body = "1,0.1,-2.5e3\n2,NA,1e-7\n3,123456.789,0\n";
        Table fast = Csv.read(write("fast.csv", "a,b,c\n" + body), CsvOptions.defaults());
        Table general = Csv.read(write("general.csv", "\"a\",b,c\n" + body), CsvOptions.defaults());
        assertEquals(fast.columnNames(), general.columnNames());
        for (int c = 0; c < 3; c++) {
            NumericColumn<?> f = (NumericColumn<?>) fast.column(c);
            NumericColumn<?> g = (NumericColumn<?>) general.column(c);
            for (int r = 0; r < 3; r++) {
                assertEquals(g.isMissing(r), f.isMissing(r), "missing at " + r + "," + c);
                if (!g.isMissing(r)) {
                    assertEquals(g.getDouble(r), f.getDouble(r), 0.0, "value at " + r + "," + c);
                }
            }
        }
    }

    @Test
    void decimalCommaIsNotSilentlyReadAsAThousandsSeparator() throws IOException {
        Table semi = Csv.read(write("eu.csv", "a;b\n1,5;2\n3,25;4\n"), CsvOptions.separator(';'));
        Column<?> a = semi.column("a");
        // pandas (thousands=None) keeps "1,5" as text; anything but 15 and 325 would do
        assertFalse(a instanceof NumericColumn<?> n && n.getDouble(0) == 15.0, "1,5 read as " + a.getString(0));
        Table quoted = Csv.read(write("q.csv", "a,b\n\"3,5\",4\n"), CsvOptions.defaults());
        Column<?> q = quoted.column("a");
        assertFalse(q instanceof NumericColumn<?> n && n.getDouble(0) == 35.0, "\"3,5\" read as " + q.getString(0));
    }
}
