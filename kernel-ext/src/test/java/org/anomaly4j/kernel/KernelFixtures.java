package org.anomaly4j.kernel;

import org.anomaly4j.plot.Figure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A small figure and table for the display tests. */
final class KernelFixtures {

    static final String EVIL_TITLE = "</script><script>alert(1)</script>";

    private KernelFixtures() {
    }

    static Figure figure(String title) {
        return Figure.fromJson("{\"data\":[{\"type\":\"scatter\",\"mode\":\"markers\",\"x\":[1,2,3],\"y\":[3,null,1]}],"
                + "\"layout\":{\"title\":{\"text\":" + quote(title) + "}}}");
    }

    static Table table() {
        return Table.create("tbl",
                StringColumn.create("<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "ok"),
                DoubleColumn.create("v", new double[] {1.5, 2.5}));
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
