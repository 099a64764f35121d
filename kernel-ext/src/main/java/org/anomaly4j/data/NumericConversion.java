package org.anomaly4j.data;

import java.util.List;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Result of {@link Clean#toNumeric}: the new table, with the column converted to numbers, and every cell that
 * held text but could not be read as a number and therefore became missing. Nothing is dropped silently: a
 * cell is either a number in {@link #table()} or listed in {@link #unparsed()} (cells that were already missing
 * are neither).
 *
 * @param table    copy of the input with {@code column} replaced by a {@code DoubleColumn}
 * @param column   the converted column
 * @param unparsed the cells turned missing, in row order
 */
public record NumericConversion(Table table, String column, List<Unparsed> unparsed) {

    /**
     * A cell that could not be read as a number.
     *
     * @param row  0-based row index
     * @param text the cell's original text
     */
    public record Unparsed(int row, String text) {
    }

    public NumericConversion {
        unparsed = List.copyOf(unparsed);
    }

    /** Whether every present cell was read as a number. */
    public boolean clean() {
        return unparsed.isEmpty();
    }

    /** The unparsed cells as a table with columns {@code row} and {@code text}, for display in a notebook. */
    public Table unparsedTable() {
        IntColumn rows = IntColumn.create("row");
        StringColumn texts = StringColumn.create("text");
        for (Unparsed u : unparsed) {
            rows.append(u.row());
            texts.append(u.text());
        }
        return Table.create("unparsed " + column, rows, texts);
    }

    /** E.g. {@code toNumeric("value"): 2 of 35 cells unparseable, first at row 5: "abc"}. */
    @Override
    public String toString() {
        String head = "toNumeric(\"" + column + "\"): " + unparsed.size() + " of " + table.rowCount()
                + " cells unparseable";
        if (unparsed.isEmpty()) {
            return head;
        }
        Unparsed first = unparsed.get(0);
        return head + ", first at row " + first.row() + ": \"" + first.text() + "\"";
    }
}
