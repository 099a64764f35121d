package org.anomaly4j.io;

import java.util.List;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link Csv#readWithReport} read and inferred: the file, which reader ran, the row count, the options
 * used, and per column its name, Tablesaw type, missing-cell count and a note (why it got its type, e.g.
 * {@code "decimal comma"}, {@code "dtype DOUBLE"}, or why a mostly numeric column stayed text). Its
 * {@link #toString()} is a readable multi-line summary, like pandas' {@code df.info()} after {@code read_csv}.
 *
 * @param file    the file read ({@code archive.zip!/entry.csv} for a zip entry)
 * @param reader  {@code "fast numeric"} (all-numeric files) or {@code "general"}
 * @param rows    number of data rows
 * @param columns one entry per column of the table, in order
 * @param skipped columns left out with {@code dtype(name, ColumnType.SKIP)}
 * @param options the options the file was read with
 */
public record ReadReport(String file, String reader, int rows, List<ColumnReport> columns, List<String> skipped,
                         CsvOptions options) {

    /**
     * One column of the report.
     *
     * @param name    column name
     * @param type    the Tablesaw type it was read as
     * @param missing number of missing cells (pandas {@code isna().sum()})
     * @param note    how the type was decided, or {@code ""}
     */
    public record ColumnReport(String name, ColumnType type, int missing, String note) {
    }

    public ReadReport {
        columns = List.copyOf(columns);
        skipped = List.copyOf(skipped);
    }

    /** The per-column part as a table (column, type, missing, note), for display in a notebook. */
    public Table toTable() {
        StringColumn name = StringColumn.create("column");
        StringColumn type = StringColumn.create("type");
        IntColumn missing = IntColumn.create("missing");
        StringColumn note = StringColumn.create("note");
        for (ColumnReport c : columns) {
            name.append(c.name());
            type.append(c.type().name());
            missing.append(c.missing());
            note.append(c.note());
        }
        return Table.create("read report", name, type, missing, note);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Read ").append(file).append(": ").append(rows).append(rows == 1 ? " row" : " rows")
                .append(" × ").append(columns.size()).append(columns.size() == 1 ? " column" : " columns")
                .append(" (").append(reader).append(" reader)\n");
        sb.append("options: ").append(options).append('\n');
        int w = "column".length();
        int tw = "type".length();
        for (ColumnReport c : columns) {
            w = Math.max(w, c.name().length());
            tw = Math.max(tw, c.type().name().length());
        }
        String format = "  %-" + w + "s  %-" + tw + "s  %7s  %s%n";
        sb.append(String.format(format, "column", "type", "missing", "note"));
        for (ColumnReport c : columns) {
            sb.append(String.format(format, c.name(), c.type().name(), c.missing(), c.note()));
        }
        if (!skipped.isEmpty()) {
            sb.append("skipped: ").append(String.join(", ", skipped)).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
