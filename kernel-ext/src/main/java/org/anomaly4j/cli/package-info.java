/**
 * The command line: {@code java -jar kernel-ext/target/anomaly4j.jar detect ...} scores a CSV file with any
 * registered detector; {@code eval ...} prints the metrics of labelled scores as JSON. Depends on {@code data},
 * {@code detect} and {@code eval}; nothing depends on it.
 */
package org.anomaly4j.cli;
