package org.anomaly4j.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The reporter's rules, on a clock the test moves by hand (no sleeping, no timing luck). */
class ProgressTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private Progress start(String what) {
        return new Progress(what, lines::add, clock::get);
    }

    private void advanceMillis(long ms) {
        clock.addAndGet(ms * MS);
    }

    @Test
    void taskShorterThanTheQuietTimeShowsNothing() {
        Progress p = start("quick");
        for (int i = 0; i < 19; i++) {
            p.update(i + " steps");
            advanceMillis(100);
        }
        p.update("19 steps"); // 1.9 s in
        p.done("19 steps");
        assertEquals(List.of(), lines);
    }

    @Test
    void longTaskShowsAtMostOneLinePerSecondRewrittenInPlaceThenAFinalLine() {
        Progress p = start("isolation-forest");
        advanceMillis(Progress.QUIET_MILLIS);
        p.update("10/100 trees");                 // 2.0 s: shown
        advanceMillis(Progress.EVERY_MILLIS - 1);
        p.update("20/100 trees");                 // 2.999 s: too soon
        advanceMillis(1);
        p.update("30/100 trees");                 // 3.0 s: shown
        advanceMillis(500);
        p.done("100 trees");
        assertEquals(List.of(
                "\risolation-forest: 10/100 trees, 2.0 s",
                "\risolation-forest: 30/100 trees, 3.0 s",
                "\risolation-forest: 100 trees, done in 3.5 s" + System.lineSeparator()), lines);
    }

    @Test
    void parallelUpdatesAtOneInstantShowOneLine() {
        Progress p = start("parallel");
        advanceMillis(Progress.QUIET_MILLIS + 1);
        IntStream.range(0, 1000).parallel().forEach(i -> p.update(i + " trees"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("\rparallel: ") && lines.get(0).endsWith(" trees, 2.0 s"), lines.get(0));
    }

    @Test
    void noSinkReportsNothing() {
        Progress p = Progress.start("nowhere", null);
        p.update("1 step");
        p.done("1 step");
        Progress.start("environment").done("nothing shown, so no final line");
        assertEquals(List.of(), lines);
    }

    @Test
    void theLibraryAloneSuppliesNoSinkSoItNeverPrints() {
        // only the kernel launcher's jar lists a ProgressSink; the library's own class path has none
        assertTrue(ServiceLoader.load(ProgressSink.class, Progress.class.getClassLoader()).findFirst().isEmpty());
    }

    @Test
    void megabytesAreDecimalWithOneDecimal() {
        assertEquals("12.3 MB", Progress.megabytes(12_345_678));
        assertEquals("0.0 MB", Progress.megabytes(0));
    }
}
