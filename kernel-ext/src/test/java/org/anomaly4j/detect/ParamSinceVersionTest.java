package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A parameter added after model files were written: what a file that lacks it loads with. */
class ParamSinceVersionTest {

    private static final Param<Integer> OLD = Param.integer("old", 1, 0, 10, "present in every file");
    private static final Param<Integer> SAME = Param.integer("same", 2, 0, 10, "added later").sinceVersion();
    private static final Param<Integer> CHANGED = Param.integer("changed", 3, 0, 10, "added later, old files fitted with 7")
            .sinceVersion(7);

    @Test
    void aMissingLaterParameterTakesTheValueOldFilesWereFittedWith() {
        Options o = Options.fromScalars(List.of(OLD, SAME, CHANGED), Map.of("old", 4L), ThresholdRule.natural());
        assertEquals(4, o.get(OLD));
        assertEquals(2, o.get(SAME), "sinceVersion(): the default");
        assertEquals(7, o.get(CHANGED), "sinceVersion(7): 7, not the new default 3");
        // new options still start from the default, and a file that has the parameter keeps its value
        assertEquals(3, Options.defaults(List.of(OLD, SAME, CHANGED)).get(CHANGED));
        assertEquals(5, Options.fromScalars(List.of(OLD, SAME, CHANGED), Map.of("old", 4L, "changed", 5L),
                ThresholdRule.natural()).get(CHANGED));
    }

    @Test
    void theOldValueMustBeAllowedAndEarlierParametersStayRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CHANGED.sinceVersion(11));
        assertTrue(e.getMessage().contains("changed must be an integer in [0, 10], got 11"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Options.fromScalars(List.of(OLD, CHANGED), Map.of(), ThresholdRule.natural()));
        assertEquals("old is missing", missing.getMessage());
    }
}
