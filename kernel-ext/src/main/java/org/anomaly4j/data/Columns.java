package org.anomaly4j.data;

import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Column look-ups with errors that name the table, the column and what exists instead. */
public final class Columns {

    private Columns() {
    }

    /** The named column, or an {@link IllegalArgumentException} listing the table's columns. */
    public static Column<?> require(Table table, String name) {
        if (table == null) {
            throw new IllegalArgumentException("table is null");
        }
        if (name == null || !table.containsColumn(name)) {
            throw new IllegalArgumentException("Column \"" + name + "\" is not in table \"" + table.name()
                    + "\"; its columns are " + table.columnNames());
        }
        return table.column(name);
    }

    /** The named column, which must be numeric; text columns get a hint to convert or encode them. */
    public static NumericColumn<?> requireNumeric(Table table, String name) {
        Column<?> c = require(table, name);
        if (c instanceof NumericColumn<?> n) {
            return n;
        }
        throw new IllegalArgumentException("Column \"" + name + "\" of table \"" + table.name() + "\" is "
                + c.type().name() + ", not numeric; convert it to numbers or encode it before using it here");
    }

    /**
     * The named column, which must hold date-times ({@code LOCAL_DATE_TIME}); text columns get a hint to parse
     * them with {@code CsvOptions.dateTimeFormat(...)}.
     */
    public static DateTimeColumn requireDateTime(Table table, String name) {
        Column<?> c = require(table, name);
        if (c instanceof DateTimeColumn d) {
            return d;
        }
        throw new IllegalArgumentException("Column \"" + name + "\" of table \"" + table.name() + "\" is "
                + c.type().name() + ", not a date-time; read it as one with CsvOptions.dateTimeFormat(\"...\") "
                + "(e.g. \"d.MM.yyyy HH:mm\") or convert it to LocalDateTime values");
    }
}
