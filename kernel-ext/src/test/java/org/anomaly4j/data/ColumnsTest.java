package org.anomaly4j.data;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ColumnsTest {

    private static Table table() {
        return Table.create("people", DoubleColumn.create("age", new double[] {30}), StringColumn.create("city", "Oslo"));
    }

    @Test
    void requireReturnsTheColumn() {
        Table t = table();
        assertSame(t.column("age"), Columns.require(t, "age"));
        assertSame(t.column("age"), Columns.requireNumeric(t, "age"));
    }

    @Test
    void unknownColumnNamesTableColumnAndAlternatives() {
        String m = assertThrows(IllegalArgumentException.class, () -> Columns.require(table(), "height")).getMessage();
        assertTrue(m.contains("\"height\""), m);
        assertTrue(m.contains("\"people\""), m);
        assertTrue(m.contains("[age, city]"), m);
        assertThrows(IllegalArgumentException.class, () -> Columns.require(table(), null));
        assertThrows(IllegalArgumentException.class, () -> Columns.require(null, "age"));
    }

    @Test
    void requireNumericRejectsTextWithAHint() {
        String m = assertThrows(IllegalArgumentException.class, () -> Columns.requireNumeric(table(), "city")).getMessage();
        assertTrue(m.contains("\"city\""), m);
        assertTrue(m.contains("STRING"), m);
        assertTrue(m.contains("not numeric"), m);
    }
}
