package org.anomaly4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import org.anomaly4j.TableFixtures;
import org.anomaly4j.data.Columns;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import tech.tablesaw.api.Table;

/**
 * Shared test data and assertions for the feature tests (rolling, ewm, shifts, resample, time features, splits):
 * the nyc_taxi table, the series of gen_features.py, and the golden comparison. Hive17 and its injected gaps
 * come from {@link TableFixtures}, which gen_features.py shares its gap rule with.
 */
final class FeatureFixtures {

    /**
     * Relative tolerance of the golden comparisons. The Java code repeats pandas' own recurrences (Kahan sums,
     * Welford updates, the ewm recurrences) operation by operation, so most values agree to the last bit; the
     * tolerance absorbs summation-order differences (resample groups, numpy's pairwise sums).
     */
    static final double REL = 1e-9;
    /**
     * Absolute floor for expected values at or near 0 (a rolling variance of nearly equal values, sin(π)): there
     * the rounding error is absolute, about 1e-15 times the data's magnitude (≤ 3e4 here), not relative to a
     * tiny result.
     */
    static final double ABS = 1e-12;

    private static Table taxi;

    private FeatureFixtures() {
    }

    /** A fresh copy of nab/realKnownCause/nyc_taxi (10320 rows: timestamp, value). */
    static synchronized Table taxi() {
        if (taxi == null) {
            taxi = Csv.read(Datasets.fromEnvironment().resolve("nab/realKnownCause/nyc_taxi"), CsvOptions.defaults());
        }
        return taxi.copy();
    }

    /** A golden file of gen_features.py. */
    static JsonNode golden(String file) {
        return TableFixtures.golden("features", file);
    }

    /** The input series {@code key} of a gen_features.py golden (see its docstring). */
    static double[] series(String key, JsonNode golden) {
        return switch (key) {
            case "hive_T17_gaps" -> Columns.values(TableFixtures.hiveWithGaps(), "T17");
            case "hive_RH17" -> Columns.values(TableFixtures.hive(), "RH17");
            case "taxi_value" -> Columns.values(taxi(), "value");
            default -> TableFixtures.doubles(golden.get("values"));
        };
    }

    /** Equal within {@link #REL} relative, or {@link #ABS} absolute; NaN and infinities only equal themselves. */
    static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, 0.0, what);
            return;
        }
        double tol = Math.max(REL * Math.abs(expected), ABS);
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (tolerance " + tol + ")");
        }
    }

    /** {@code actual} at the golden's rows equals the golden values. */
    static void assertAt(JsonNode expected, double[] actual, int[] rows, String what) {
        double[] e = TableFixtures.doubles(expected);
        assertEquals(rows.length, e.length, what + ": golden rows/values");
        for (int k = 0; k < rows.length; k++) {
            assertClose(e[k], actual[rows[k]], what + " row " + rows[k]);
        }
    }
}
