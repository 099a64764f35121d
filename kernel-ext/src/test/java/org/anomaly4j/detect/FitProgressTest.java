package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FitProgressTest {

    @AfterEach
    void off() {
        FitProgress.to(null);
    }

    @Test
    void shortFitsShowNothingLongOnesShowLinesAndAFinalLine() throws Exception {
        List<String> lines = new ArrayList<>();
        FitProgress.to(lines::add);
        FitProgress.Ticker quick = FitProgress.start("quick");
        quick.update("1 step");
        quick.done("1 step");
        assertEquals(List.of(), lines, "a fit under 2 s prints nothing");

        FitProgress.Ticker slow = FitProgress.start("slow");
        long end = System.currentTimeMillis() + FitProgress.QUIET_MILLIS + 300;
        int steps = 0;
        while (System.currentTimeMillis() < end) {
            slow.update(++steps + " steps");
            Thread.sleep(5);
        }
        slow.done(steps + " steps");
        assertEquals(2, lines.size(), "one update (rate-limited) and the final line: " + lines);
        assertTrue(lines.get(0).startsWith("\rslow: ") && lines.get(0).contains(" steps, "), lines.get(0));
        assertTrue(lines.get(1).contains("done in"), lines.get(1));
    }
}
