/**
 * Reading files into Tablesaw tables: {@link org.anomaly4j.io.Csv} with {@link org.anomaly4j.io.CsvOptions}
 * (pandas {@code read_csv} names and type rules), a fast path for plain numeric files, and a
 * {@link org.anomaly4j.io.ReadReport} of what was inferred, renamed or treated as missing.
 * <p>The bottom layer above the JDK and Tablesaw: never depends on {@code data}, {@code features} or any
 * package above them.
 */
package org.anomaly4j.io;
