/**
 * The command line: {@code java -jar kernel-ext/target/anomaly4j.jar detect ...} scores a CSV file with any
 * registered detector. Depends on {@code data} and {@code detect}; nothing depends on it.
 */
package org.anomaly4j.cli;
