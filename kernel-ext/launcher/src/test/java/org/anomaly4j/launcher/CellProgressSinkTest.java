package org.anomaly4j.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import org.anomaly4j.progress.ProgressSink;
import org.junit.jupiter.api.Test;

class CellProgressSinkTest {

    @Test
    void theLaunchersJarIsWhereTheLibraryFindsItsProgressSink() {
        ProgressSink sink = ServiceLoader.load(ProgressSink.class, ProgressSink.class.getClassLoader())
                .findFirst().orElseThrow();
        assertInstanceOf(CellProgressSink.class, sink);
    }

    @Test
    void writesToTheStandardOutputOfTheMomentNotTheOneAtCreation() {
        CellProgressSink sink = new CellProgressSink();
        PrintStream original = System.out;
        ByteArrayOutputStream cell = new ByteArrayOutputStream();
        try {
            // the kernel swaps System.out for each cell after the sink exists
            System.setOut(new PrintStream(cell, true, StandardCharsets.UTF_8));
            sink.write("\rfit: 3/10 trees, 2.0 s");
        } finally {
            System.setOut(original);
        }
        assertEquals("\rfit: 3/10 trees, 2.0 s", cell.toString(StandardCharsets.UTF_8));
    }
}
