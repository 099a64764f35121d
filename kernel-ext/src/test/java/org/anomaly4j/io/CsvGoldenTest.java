package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.datasets.Datasets;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@link Csv} against {@code pandas.read_csv} (goldens of gen_inspect.py): the decimal-comma fixture and a file
 * of awkward cells. Numbers are compared to the bit: both sides parse decimal text correctly rounded, so any
 * difference would be a parsing bug, not rounding.
 */
class CsvGoldenTest {

    /** pandas dtype → the Tablesaw type Csv must infer for the same cells. */
    private static final Map<String, ColumnType> TYPES = Map.of("int64", ColumnType.INTEGER, "float64",
            ColumnType.DOUBLE, "object", ColumnType.STRING, "bool", ColumnType.BOOLEAN);

    static Path fixture(String name) {
        try {
            return Path.of(CsvGoldenTest.class.getResource("/golden/inspect/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decimalCommaMatchesPandasBitForBit() {
        JsonNode golden = TableFixtures.golden("inspect", "decimal_comma.json");
        ReadResult r = Csv.readWithReport(fixture("hive17_head50_decimal_comma.csv"),
                CsvOptions.separator(';').decimal(','));
        assertEquals("general", r.report().reader());
        assertColumnsEqual(golden.get("columns"), r.table(), Map.of());
        assertEquals(2, r.table().column("T17").countMissing(), "two empty T17 cells");
        assertEquals("decimal comma", note(r.report(), "T17"));
    }

    @Test
    void decimalCommaWithDateTimeFormatParsesTheTimestamps() {
        Table t = Csv.read(fixture("hive17_head50_decimal_comma.csv"),
                CsvOptions.separator(';').decimal(',').dateTimeFormat("d.MM.yyyy HH:mm"));
        assertEquals(ColumnType.LOCAL_DATE_TIME, t.column("DateTime").type());
        assertEquals("2021-08-21T14:00", t.dateTimeColumn("DateTime").get(0).toString());
        assertEquals(32.8, t.doubleColumn("T17").get(0), 0.0);
    }

    @Test
    void withoutDecimalCommaTheReportSaysWhyColumnsStayedText() {
        ReadResult r = Csv.readWithReport(fixture("hive17_head50_decimal_comma.csv"), CsvOptions.separator(';'));
        assertEquals(ColumnType.STRING, r.table().column("AT17").type(), "pandas also keeps \"36,6\" as text");
        assertEquals(ColumnType.INTEGER, r.table().column("RH17").type());
        assertTrue(note(r.report(), "AT17").contains("decimal(',')"), r.report().toString());
        assertTrue(r.report().toString().contains("decimal comma"), r.report().toString());
    }

    @Test
    void awkwardCellsAreTypedAsPandasTypesThem() {
        JsonNode golden = TableFixtures.golden("inspect", "loader_cases.json");
        Table t = Csv.read(fixture("loader_cases.csv"), CsvOptions.defaults());
        // Documented differences: "big" exceeds int32, so LONG (pandas int64 covers both); ISO dates become
        // LOCAL_DATE (pandas keeps text unless parse_dates); compared through their text.
        assertColumnsEqual(golden.get("columns"), t, Map.of("big", ColumnType.LONG, "when", ColumnType.LOCAL_DATE));
    }

    @Test
    void fastAndGeneralReadersGiveIdenticalTables() {
        Path card = Datasets.fromEnvironment().resolve("creditcard");
        ReadResult fast = Csv.readWithReport(card, CsvOptions.defaults());
        // ISO-8859-1 decodes ASCII identically but is not on the fast path's list, so the general reader runs
        ReadResult general = Csv.readWithReport(card, CsvOptions.defaults().encoding("ISO-8859-1"));
        assertEquals("fast numeric", fast.report().reader());
        assertEquals("general", general.report().reader());
        TableFixtures.assertSameTable(fast.table(), general.table());
        for (int j = 0; j < fast.table().columnCount(); j++) {
            NumericColumn<?> a = (NumericColumn<?>) fast.table().column(j);
            NumericColumn<?> b = (NumericColumn<?>) general.table().column(j);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(Double.doubleToLongBits(a.getDouble(i)), Double.doubleToLongBits(b.getDouble(i)),
                        a.name() + " row " + i);
            }
        }
        assertEquals(ColumnType.DOUBLE, fast.table().column("Time").type(), "\"91554.0\" is float64 in pandas");
        assertEquals(ColumnType.INTEGER, fast.table().column("Class").type());
    }

    private static String note(ReadReport report, String column) {
        return report.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().note();
    }

    /** Each golden column: same name order, the mapped type, equal values (doubles by bits, null = missing). */
    private static void assertColumnsEqual(JsonNode columns, Table t, Map<String, ColumnType> typeExceptions) {
        Iterator<String> names = columns.fieldNames();
        int j = 0;
        while (names.hasNext()) {
            String name = names.next();
            JsonNode spec = columns.get(name);
            Column<?> c = t.column(j++);
            assertEquals(name, c.name(), "column order");
            ColumnType expected = typeExceptions.getOrDefault(name, TYPES.get(spec.get("dtype").asText()));
            assertEquals(expected, c.type(), "type of " + name + " (pandas " + spec.get("dtype").asText() + ")");
            JsonNode values = spec.get("values");
            assertEquals(values.size(), c.size(), "rows of " + name);
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                String what = name + " row " + i;
                if (v.isNull()) {
                    assertTrue(c.isMissing(i), what + " should be missing");
                } else if (c instanceof NumericColumn<?> n) {
                    double e = v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
                    assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(n.getDouble(i)), what);
                } else if (v.isBoolean()) {
                    assertEquals(v.asBoolean(), c.get(i), what);
                } else {
                    assertEquals(v.asText(), c.get(i).toString(), what);
                }
            }
        }
        assertEquals(j, t.columnCount(), "column count");
    }
}
