package org.anomaly4j.kernel;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw {@link Table} the way pandas shows a DataFrame: all rows up to {@value #MAX_ROWS},
 * else the first and last {@value #EDGE_ROWS} rows around an ellipsis row; all columns up to
 * {@value #MAX_COLUMNS}, else the first and last {@value #EDGE_COLUMNS}; and always a footer
 * "N rows × M columns" (pandas prints it only for truncated frames; a notebook reader always wants the
 * shape). Every name and cell is HTML-escaped.
 */
public final class TableView {

    /** pandas {@code display.max_rows}. */
    public static final int MAX_ROWS = 60;
    /** Rows shown at each end of a long table (pandas {@code display.min_rows} / 2). */
    public static final int EDGE_ROWS = 5;
    /** pandas {@code display.max_columns}. */
    public static final int MAX_COLUMNS = 20;
    /** Columns shown at each end of a wide table. */
    public static final int EDGE_COLUMNS = 10;

    private static final String ELLIPSIS = "…";

    private TableView() {
    }

    /** Escaped HTML, styled like pandas' {@code dataframe} class. */
    public static String html(Table table) {
        List<Integer> rows = shownRows(table.rowCount());
        List<Integer> cols = shownColumns(table.columnCount());
        CellText cells = new CellText(table, rows);
        StringBuilder sb = new StringBuilder(256 + 32 * rows.size() * Math.max(1, cols.size()));
        sb.append("<div class=\"a4j-table\"><table class=\"dataframe\" border=\"1\">");
        if (!table.name().isEmpty()) {
            sb.append("<caption style=\"text-align:left\">").append(Html.escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr style=\"text-align: right;\"><th></th>");
        for (int c : cols) {
            sb.append("<th>").append(c < 0 ? ELLIPSIS : Html.escape(table.column(c).name())).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int r : rows) {
            sb.append("<tr><th>").append(r < 0 ? ELLIPSIS : Integer.toString(r)).append("</th>");
            for (int c : cols) {
                sb.append("<td>");
                if (r < 0 || c < 0) {
                    sb.append(ELLIPSIS);
                } else {
                    sb.append(Html.escape(cells.get(c, r)));
                }
                sb.append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        sb.append("<p>").append(shape(table)).append("</p></div>");
        return sb.toString();
    }

    /** Aligned plain text with the same rows and columns as {@link #html}. */
    public static String text(Table table) {
        List<Integer> rows = shownRows(table.rowCount());
        List<Integer> cols = shownColumns(table.columnCount());
        CellText cells = new CellText(table, rows);
        List<String[]> lines = new ArrayList<>();
        String[] head = new String[cols.size() + 1];
        head[0] = "";
        for (int j = 0; j < cols.size(); j++) {
            int c = cols.get(j);
            head[j + 1] = c < 0 ? "..." : table.column(c).name();
        }
        lines.add(head);
        for (int r : rows) {
            String[] line = new String[cols.size() + 1];
            line[0] = r < 0 ? "..." : Integer.toString(r);
            for (int j = 0; j < cols.size(); j++) {
                int c = cols.get(j);
                line[j + 1] = r < 0 || c < 0 ? "..." : cells.get(c, r);
            }
            lines.add(line);
        }
        int[] width = new int[head.length];
        for (String[] l : lines) {
            for (int j = 0; j < l.length; j++) {
                width[j] = Math.max(width[j], l[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] l : lines) {
            for (int j = 0; j < l.length; j++) {
                if (j > 0) {
                    sb.append("  ");
                }
                sb.append(" ".repeat(width[j] - l[j].length())).append(l[j]);
            }
            sb.append('\n');
        }
        return sb.append('\n').append(shape(table)).toString();
    }

    /** "N rows × M columns", as pandas prints it under a DataFrame. */
    public static String shape(Table table) {
        return table.rowCount() + " rows × " + table.columnCount() + " columns";
    }

    /** Cell text as pandas prints it: missing as NaN (NaT for times), date-times as {@code 2021-08-21 14:00:00}. */
    private static String cell(Column<?> column, int row) {
        if (column instanceof DateTimeColumn dt) {
            return dt.isMissing(row) ? "NaT" : PANDAS_DATE_TIME.format(dt.get(row));
        }
        return column.isMissing(row) ? "NaN" : column.getString(row);
    }

    /**
     * Cell texts of the shown rows, with floating-point columns formatted the way pandas does
     * ({@code display.precision} 6): one format per column, fixed-point with as many decimals as the shown
     * values need (at least 1, at most 6), or scientific {@code %.6e} when a shown value is below 1e-4 in
     * magnitude (but not 0) or at least 1e16.
     */
    static final class CellText {
        private final Table table;
        private final java.util.Map<Integer, String> formats = new java.util.HashMap<>();

        CellText(Table table, List<Integer> rows) {
            this.table = table;
            for (int c = 0; c < table.columnCount(); c++) {
                Column<?> col = table.column(c);
                if (col instanceof DoubleColumn || col instanceof FloatColumn) {
                    formats.put(c, floatFormat((NumericColumn<?>) col, rows));
                }
            }
        }

        String get(int c, int r) {
            String f = formats.get(c);
            Column<?> col = table.column(c);
            if (f == null || col.isMissing(r)) {
                return cell(col, r);
            }
            double v = ((NumericColumn<?>) col).getDouble(r);
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            String out = String.format(java.util.Locale.ROOT, f, v);
            return out.startsWith("-") && Double.parseDouble(out) == 0 && !f.endsWith("e") ? out.substring(1) : out;
        }

        private static String floatFormat(NumericColumn<?> col, List<Integer> rows) {
            int decimals = 1;
            for (int r : rows) {
                if (r < 0 || col.isMissing(r)) {
                    continue;
                }
                double v = col.getDouble(r);
                double a = Math.abs(v);
                if (!Double.isFinite(v)) {
                    continue;
                }
                if ((a > 0 && a < 1e-4) || a >= 1e16) {
                    return "%.6e";
                }
                String fixed = String.format(java.util.Locale.ROOT, "%.6f", v);
                int end = fixed.length();
                while (fixed.charAt(end - 1) == '0') {
                    end--;
                }
                int needed = end - fixed.indexOf('.') - 1;
                decimals = Math.max(decimals, needed);
            }
            return "%." + decimals + "f";
        }
    }

    private static final DateTimeFormatter PANDAS_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Row indices to show; -1 marks the ellipsis row. */
    static List<Integer> shownRows(int n) {
        return shown(n, MAX_ROWS, EDGE_ROWS);
    }

    /** Column indices to show; -1 marks the ellipsis column. */
    static List<Integer> shownColumns(int n) {
        return shown(n, MAX_COLUMNS, EDGE_COLUMNS);
    }

    private static List<Integer> shown(int n, int max, int edge) {
        List<Integer> out = new ArrayList<>();
        if (n <= max) {
            for (int i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
        for (int i = 0; i < edge; i++) {
            out.add(i);
        }
        out.add(-1);
        for (int i = n - edge; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
