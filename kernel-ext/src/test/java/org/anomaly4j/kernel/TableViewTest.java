package org.anomaly4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableViewTest {

    private static final Pattern ROW_HEADER = Pattern.compile("<tr><th>([^<]*)</th>");

    private static Table numbered(int rows) {
        int[] ids = new int[rows];
        double[] sq = new double[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = 1000 + i;
            sq[i] = i * 0.5;
        }
        return Table.create("t", IntColumn.create("id", ids), DoubleColumn.create("half", sq));
    }

    /** The row-header cells of the html body, in order (the header row's empty th is not a body row). */
    private static List<String> rowHeaders(String html) {
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        List<String> out = new ArrayList<>();
        Matcher m = ROW_HEADER.matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> headerCells(String html) {
        String head = html.substring(html.indexOf("<thead>"), html.indexOf("</thead>"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<th>([^<]*)</th>").matcher(head);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void shortTableShowsEveryRow() {
        Table t = numbered(7);
        String html = TableView.html(t);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6"), rowHeaders(html));
        assertFalse(html.contains("…"), "no ellipsis in a short table");
        for (int i = 0; i < 7; i++) {
            assertTrue(html.contains("<td>" + (1000 + i) + "</td>"), "row " + i);
        }
        String text = TableView.text(t);
        assertFalse(text.contains("..."), text);
        // whether a short table gets the "N rows × M columns" footer is not asserted: the class comment says
        // only when something was left out, the code always adds it (reported)
    }

    @Test
    void sixtyRowsIsStillShownInFull() {
        Table t = numbered(TableView.MAX_ROWS);
        List<String> rows = rowHeaders(TableView.html(t));
        assertEquals(60, rows.size());
        assertEquals("59", rows.get(59));
        assertFalse(rows.contains("…"));
    }

    @Test
    void longTableShowsFirstFiveEllipsisLastFiveAndShape() {
        Table t = numbered(61);
        String html = TableView.html(t);
        assertEquals(List.of("0", "1", "2", "3", "4", "…", "56", "57", "58", "59", "60"), rowHeaders(html));
        assertTrue(html.contains("<td>1004</td>"));
        assertFalse(html.contains("<td>1005</td>"), "row 5 is left out");
        assertFalse(html.contains("<td>1055</td>"), "row 55 is left out");
        assertTrue(html.contains("<td>1056</td>"));
        assertTrue(html.contains("<td>1060</td>"));
        assertTrue(html.contains("61 rows × 2 columns"), html);

        Table big = numbered(1000);
        String bigHtml = TableView.html(big);
        assertEquals(List.of("0", "1", "2", "3", "4", "…", "995", "996", "997", "998", "999"), rowHeaders(bigHtml));
        assertTrue(bigHtml.contains("<p>1000 rows × 2 columns</p>"), bigHtml);

        String text = TableView.text(big);
        String[] lines = text.split("\n");
        // header, 5 rows, ellipsis, 5 rows, blank, shape
        assertEquals(1 + 11 + 2, lines.length, text);
        assertEquals("0", lines[1].trim().split("\\s+")[0]);
        assertTrue(lines[6].trim().startsWith("..."), lines[6]);
        assertEquals("999", lines[11].trim().split("\\s+")[0]);
        assertEquals("1000 rows × 2 columns", lines[lines.length - 1]);
    }

    @Test
    void wideTableShowsTenEllipsisTen() {
        Table t = Table.create("wide");
        for (int c = 0; c < 25; c++) {
            t.addColumns(IntColumn.create("c" + c, new int[] {c, 100 + c}));
        }
        String html = TableView.html(t);
        List<String> expected = new ArrayList<>();
        expected.add("");
        for (int c = 0; c < 10; c++) {
            expected.add("c" + c);
        }
        expected.add("…");
        for (int c = 15; c < 25; c++) {
            expected.add("c" + c);
        }
        assertEquals(expected, headerCells(html));
        assertFalse(html.contains("<td>12</td>"), "column c12 left out");
        assertTrue(html.contains("<td>124</td>"), "last column shown");
        assertTrue(html.contains("2 rows × 25 columns"));
        String head = TableView.text(t).lines().findFirst().orElseThrow();
        assertTrue(head.contains("c9") && head.contains("...") && head.contains("c15"), head);
        assertFalse(head.contains("c10 ") || head.contains("c14"), head);

        Table twenty = Table.create("twenty");
        for (int c = 0; c < 20; c++) {
            twenty.addColumns(IntColumn.create("c" + c, new int[] {c}));
        }
        assertEquals(21, headerCells(TableView.html(twenty)).size(), "20 columns all shown");
        assertFalse(TableView.html(twenty).contains("…"));
    }

    @Test
    void namesAndCellsAreEscapedInHtmlAndRawInText() {
        String evilName = "<img src=x onerror=alert(1)>";
        String evilCell = "<script>alert(1)</script>";
        Table t = Table.create("<b>name</b>", StringColumn.create(evilName, evilCell, "a & 'b' \"c\""));
        String html = TableView.html(t);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("a &amp; &#39;b&#39; &quot;c&quot;"), html);
        assertTrue(html.contains("&lt;b&gt;name&lt;/b&gt;"), "table name (caption) escaped");

        String text = TableView.text(t);
        assertTrue(text.contains(evilName), text);
        assertTrue(text.contains(evilCell), text);
        assertTrue(text.contains("a & 'b' \"c\""), text);
        assertFalse(text.contains("&lt;"), text);
    }

    @Test
    void missingValuesShowAsNaNAndNaT() {
        DoubleColumn d = DoubleColumn.create("d", new double[] {1.5});
        d.appendMissing();
        IntColumn i = IntColumn.create("i", new int[] {7});
        i.appendMissing();
        DateTimeColumn dt = DateTimeColumn.create("when");
        dt.append(LocalDateTime.of(2021, 8, 21, 14, 0));
        dt.appendMissing();
        Table t = Table.create("m", d, i, dt);
        String html = TableView.html(t);
        assertTrue(html.contains("<tr><th>1</th><td>NaN</td><td>NaN</td><td>NaT</td></tr>"), html);
        String text = TableView.text(t);
        String row1 = text.lines().skip(2).findFirst().orElseThrow().trim();
        assertEquals(List.of("1", "NaN", "NaN", "NaT"), List.of(row1.split("\\s+")));
    }

    @Test
    void dateTimesRenderLikePandas() {
        DateTimeColumn dt = DateTimeColumn.create("DateTime");
        dt.append(LocalDateTime.of(2021, 8, 21, 14, 0));
        dt.append(LocalDateTime.of(2021, 12, 1, 9, 5, 7));
        Table t = Table.create("dt", dt);
        String html = TableView.html(t);
        assertTrue(html.contains("<td>2021-08-21 14:00:00</td>"), html);
        assertTrue(html.contains("<td>2021-12-01 09:05:07</td>"), html);
        assertFalse(html.contains("T14:00"), "not ISO with a T");
        assertTrue(TableView.text(t).contains("2021-08-21 14:00:00"));
    }

    @Test
    void textColumnsAreRightAlignedToOneWidth() {
        Table t = Table.create("a", StringColumn.create("name", "x", "longer value"),
                DoubleColumn.create("v", new double[] {1, 22.25}));
        String text = TableView.text(t);
        List<String> table = text.lines().takeWhile(l -> !l.isEmpty()).toList();
        assertEquals(3, table.size());
        int width = table.get(0).length();
        for (String l : table) {
            assertEquals(width, l.length(), "line '" + l + "'");
        }
    }

    @Test
    void shapeIsPandasLike() {
        assertEquals("3 rows × 2 columns", TableView.shape(numbered(3)));
        assertEquals("0 rows × 0 columns", TableView.shape(Table.create("empty")));
    }

    @Test
    void emptyTableRendersWithoutRows() {
        Table t = Table.create("e", IntColumn.create("a"));
        String html = TableView.html(t);
        assertEquals(List.of(), rowHeaders(html));
        assertTrue(html.contains("0 rows × 1 columns"));
    }
}
