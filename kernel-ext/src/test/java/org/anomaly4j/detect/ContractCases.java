package org.anomaly4j.detect;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Contract-test cases of detectors registered by an optional module ({@link DetectorProvider}): the module's
 * test class path lists an implementation in {@code META-INF/services/org.anomaly4j.detect.ContractCases}
 * and runs {@link DetectorContractTest} (a subclass in its own tests), which then holds its detectors to the
 * same contract — and fails when one of them has no case.
 */
public interface ContractCases {

    /** name → a detector with small, fast options and a fixed seed. */
    Map<String, Supplier<Detector<?>>> cases();
}
