package org.anomaly4j.detect;

import static org.anomaly4j.detect.StatisticalGolden.T_TOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Grubbs critical values (through stats.StudentT) against scipy (t_quantiles.json) and Grubbs' 1969 table. */
class GrubbsCriticalValueTest {

    @Test
    void grubbsCriticalValuesMatchScipy() {
        JsonNode crit = StatisticalGolden.load("t_quantiles.json").get("grubbs_critical");
        assertEquals(36 * 3, crit.size());
        for (JsonNode c : crit) {
            int n = c.get("n").asInt();
            double alpha = c.get("alpha").asDouble();
            double expected = c.get("g_crit").asDouble();
            assertEquals(expected, Grubbs.criticalValue(n, alpha), T_TOL * expected, "n " + n + ", alpha " + alpha);
        }
        // Grubbs (1969), table 1, two-sided 5 % (upper 2.5 %) points: n = 10 → 2.29, n = 30 → 2.91.
        assertEquals(2.29, Grubbs.criticalValue(10, 0.05), 0.005);
        assertEquals(2.91, Grubbs.criticalValue(30, 0.05), 0.005);
    }

    @Test
    void sizesAndLevelsOutsideTheTestAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Grubbs.criticalValue(2, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Grubbs.criticalValue(10, 1.5));
    }
}
