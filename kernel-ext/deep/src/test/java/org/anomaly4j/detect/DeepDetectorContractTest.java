package org.anomaly4j.detect;

/**
 * The core detector contract ({@link DetectorContractTest}, from anomaly4j's test jar) run with the deep
 * module on the class path: the registry then holds the deep detectors, and {@code DeepContractCases} gives
 * their cases.
 */
class DeepDetectorContractTest extends DetectorContractTest {
}
