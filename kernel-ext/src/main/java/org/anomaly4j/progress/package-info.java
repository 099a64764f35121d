/**
 * Progress of long work (fits, downloads) shown while it runs: {@link org.anomaly4j.progress.Progress} is the
 * reporter every package uses, {@link org.anomaly4j.progress.ProgressSink} the output the environment supplies
 * (the notebook kernel's launcher supplies one that writes into the running cell; a plain library user gets
 * none, so the library never prints).
 * <p>A bottom layer: imports nothing of anomaly4j, so {@code datasets}, {@code detect}, {@code timeseries}
 * and {@code deep} can all use it.
 */
package org.anomaly4j.progress;
