package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * The differential test of the two CSV readers: the same edge cells (hex floats, {@code 1e400}, 2<sup>53</sup>+1,
 * the long limits, {@code -0.0}, NaN and infinity spellings, signs, spaces, empty cells, thousands, very long
 * digit strings, a Unicode minus...) through the fast numeric reader and the general reader, each compared with
 * what {@code pandas.read_csv} 2.3.3 made of them (golden of gen_csv_edge.py). The CSV text of each case is built
 * here from the cells the golden records, {@code "id,<case>\n0,<cell>\n1,<cell>..."}.
 * <p>Types must be identical under this mapping: int64 → INTEGER within (-2<sup>31</sup>, 2<sup>31</sup>), else
 * LONG, except a column holding -2<sup>63</sup> → DOUBLE (Tablesaw's LONG would show that value as missing);
 * uint64 → STRING (Tablesaw has no unsigned 64-bit column, and text keeps every digit); float64 → DOUBLE;
 * object → STRING; bool → BOOLEAN. Values must be identical to the bit (doubles included: both sides round
 * correctly, which the generator checks for pandas), missing where pandas has NaN.
 */
class CsvEdgeGoldenTest {

    private static final JsonNode GOLDEN = TableFixtures.golden("csv_edge", "csv_edge.json");

    @Test
    void bothReadersGivePandasTypesAndValuesForEveryEdgeCell() {
        List<String> fastAccepted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("cases")) {
            String name = c.get("name").asText();
            byte[] csv = csv(name, c.get("cells"));
            ReadResult general = Csv.readGeneral(csv, name, name, CsvOptions.defaults());
            check("general", c, general, failures);
            ReadResult fast = Csv.readFast(csv, name, name, CsvOptions.defaults());
            if (fast != null) {
                fastAccepted.add(name);
                check("fast", c, fast, failures);
            } else if (fastMustAccept(c)) {
                failures.add(name + ": the fast reader declined a plain numeric case");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // the fast reader really took part: every plain numeric case (asserted above) and at least these
        assertTrue(fastAccepted.containsAll(List.of("exp_underflow", "infinities", "spaces_int", "millis",
                "negative_zero", "nan_tokens")), fastAccepted.toString());
    }

    @Test
    void aColumnHoldingLongMinIsDoubleWithANoteNeverMissing() {
        byte[] csv = ("id,v\n0,-9223372036854775808\n1,\n2,1\n").getBytes(StandardCharsets.UTF_8);
        ReadResult r = Csv.readGeneral(csv, "t", "t", CsvOptions.defaults());
        assertEquals(ColumnType.DOUBLE, r.table().column("v").type());
        assertEquals(-0x1p63, r.table().doubleColumn("v").get(0), 0.0, "pandas 2.3.3 makes this NaN; we keep it");
        assertEquals(1, r.table().column("v").countMissing(), "only the empty cell is missing");
        ReadResult alone = Csv.readGeneral("v\n-9223372036854775808\n5\n".getBytes(StandardCharsets.UTF_8), "t",
                "t", CsvOptions.defaults());
        assertEquals(0, alone.table().column("v").countMissing());
        String note = alone.report().columns().get(0).note();
        assertTrue(note.startsWith("DOUBLE") && note.contains("-9223372036854775808"), note);
    }

    private static boolean fastMustAccept(JsonNode c) {
        String dtype = c.get("dtype").asText();
        if (!dtype.equals("float64") && !dtype.equals("int64")) {
            return false;
        }
        for (JsonNode cell : c.get("cells")) {
            String t = cell.asText();
            // quotes, and integer literals of 16+ digits (exact longs, pandas' overflow rule), are the general's
            if (t.contains("\"") || t.strip().matches("[+-]?0*[0-9]{16,}")) {
                return false;
            }
        }
        return true;
    }

    private static byte[] csv(String name, JsonNode cells) {
        StringBuilder sb = new StringBuilder("id,").append(name).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i).append(',').append(cells.get(i).asText()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void check(String reader, JsonNode c, ReadResult r, List<String> failures) {
        String name = c.get("name").asText();
        String where = name + " (" + reader + " reader)";
        Column<?> col = r.table().column(name);
        JsonNode values = c.get("values");
        ColumnType expected = expectedType(c.get("dtype").asText(), values);
        if (!col.type().equals(expected)) {
            failures.add(where + ": type " + col.type().name() + ", pandas " + c.get("dtype").asText() + " → "
                    + expected.name());
            return;
        }
        if (col.size() != values.size()) {
            failures.add(where + ": " + col.size() + " rows, pandas " + values.size());
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            String got;
            String want;
            if (expected.equals(ColumnType.DOUBLE)) {
                double d = ((NumericColumn<?>) col).getDouble(i);
                double w = v.isNumber() ? (double) v.asLong() : parse(v.asText());
                got = Long.toHexString(Double.doubleToLongBits(d)) + " (" + d + ")";
                want = Long.toHexString(Double.doubleToLongBits(w)) + " (" + w + ")";
            } else if (v.isNull()) {
                got = String.valueOf(col.isMissing(i));
                want = "true";
            } else {
                got = col.getString(i);
                want = v.isBoolean() ? String.valueOf(v.asBoolean()) : v.asText();
                assertFalse(col.isMissing(i), where + " row " + i + " is missing");
            }
            if (!got.equals(want)) {
                failures.add(where + " row " + i + " cell \"" + c.get("cells").get(i).asText() + "\": " + got
                        + ", pandas " + want);
            }
        }
    }

    private static ColumnType expectedType(String dtype, JsonNode values) {
        switch (dtype) {
            case "float64":
                return ColumnType.DOUBLE;
            case "object", "uint64":
                return ColumnType.STRING;
            case "bool":
                return ColumnType.BOOLEAN;
            case "int64":
                boolean fitsInt = true;
                for (JsonNode v : values) {
                    if (v.asLong() == Long.MIN_VALUE) {
                        return ColumnType.DOUBLE;
                    }
                    fitsInt &= v.asLong() > Integer.MIN_VALUE && v.asLong() <= Integer.MAX_VALUE;
                }
                return fitsInt ? ColumnType.INTEGER : ColumnType.LONG;
            default:
                throw new AssertionError("golden dtype " + dtype + " has no Tablesaw mapping in this test");
        }
    }

    /** float.hex() text, or inf / -inf / nan. */
    private static double parse(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    static {
        assertNotNull(GOLDEN.get("cases"), "csv_edge.json has no cases; run gen_csv_edge.py");
    }
}
