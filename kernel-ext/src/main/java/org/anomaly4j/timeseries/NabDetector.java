package org.anomaly4j.timeseries;

/**
 * A streaming anomaly scorer as the Numenta Anomaly Benchmark runs it: one call per series, returning one
 * score in [0, 1] per row, higher = more anomalous. NAB's rule: the score of row t may use rows 0..t only (and
 * the series length, which NAB gives its detectors to size the probationary period), never later rows.
 * Implementations must be deterministic and must not modify their inputs.
 */
public interface NabDetector {

    /**
     * The detector's name, used for the results folder and file names
     * ({@code <results>/<name>/<category>/<name>_<series>.csv}); letters, digits and '-' only, since NAB splits
     * result file names at '_'.
     */
    String name();

    /**
     * Anomaly scores in [0, 1], one per row, each computed from rows 0..t only.
     *
     * @param epochMillis timestamps (milliseconds since 1970-01-01T00:00Z), in file order
     * @param values      the series' values, finite
     */
    double[] scores(long[] epochMillis, double[] values);
}
