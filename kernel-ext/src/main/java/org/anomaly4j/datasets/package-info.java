/**
 * Dataset registry: a short name such as {@code "beehives/Hive17"} resolves to a local file, taken from
 * {@code $ANOMALY4J_DATA}, else a user cache, else downloaded from its public URL and checked against the
 * sha256 in the manifest ({@code data/datasets.csv}, shipped in the jar).
 * <p>Depends on the JDK only; never on {@code kernel}, {@code plot} or {@code detect}.
 */
package org.anomaly4j.datasets;
