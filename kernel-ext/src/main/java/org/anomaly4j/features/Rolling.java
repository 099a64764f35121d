package org.anomaly4j.features;

import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.Nums;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Rolling-window statistics over a fixed number of rows, with the semantics of pandas
 * {@code Series.rolling(window, min_periods=None, center=False)} followed by {@code .mean()}, {@code .sum()},
 * {@code .std()}, {@code .var()} (both {@code ddof=1}), {@code .min()}, {@code .max()} or {@code .median()}.
 * <pre>{@code
 * Rolling.window(24).mean(hive, "T17")                       // adds T17_rolling_24_mean
 * Rolling.window(24).minPeriods(1).center(true).std(hive, "T17")
 * double[] m = Rolling.mean(x, 24, 24, false);                // primitive fast path
 * }</pre>
 *
 * <h2>Windows</h2>
 * The value at row i summarises rows {@code [i − window + 1, i]} (trailing window). With {@code center} the window
 * is shifted forward by {@code (window − 1) / 2} rows (integer division), exactly as pandas: rows
 * {@code [i − window/2, i + (window−1)/2]}, so an odd window of 3 covers {@code i−1..i+1} and an even window of 4
 * covers {@code i−2..i+1}. Windows are clipped at both ends of the data.
 *
 * <h2>Missing values</h2>
 * NaN (and, as in pandas, ±∞, which pandas converts to NaN before rolling) is skipped: it does not enter the
 * statistic and does not count as an observation. A window with fewer than {@code minPeriods} observations
 * gives NaN. The default {@code minPeriods} equals {@code window} (pandas {@code min_periods=None}). With
 * {@code minPeriods = 0} an empty window gives 0 for the sum and NaN for every other statistic (pandas).
 *
 * <h2>Arithmetic (pandas {@code _libs/window/aggregations.pyx})</h2>
 * <ul>
 *   <li>sum and mean: running sum with Kahan compensation, one value added and one removed per step; a mean of
 *       only non-negative values is never negative (and vice versa); a window whose observations are all the
 *       same value gives that value exactly.</li>
 *   <li>var and std: Welford's online update with Kahan compensation, adding and removing one value per step;
 *       var = Σ(x − x̄)² / (n − 1), std = √var; a window of identical values gives exactly 0.</li>
 *   <li>min and max: a monotonic deque of row indices.</li>
 *   <li>median: two indexed heaps (lower half, upper half) with removal by position; for an even count the mean
 *       of the two middle values.</li>
 * </ul>
 * Complexity: O(n) for sum, mean, var, std, min and max; O(n log window) for the median; O(n) extra memory.
 *
 * <h2>Output columns</h2>
 * The table methods return a copy of the table with one added {@code DoubleColumn} named
 * {@code <column>_rolling_<window>_<stat>}, e.g. {@code T17_rolling_24_mean} (stat in lower case: mean, sum,
 * std, var, min, max, median). The name does not record {@code minPeriods} or {@code center}; adding the same
 * statistic twice is an error that asks to rename or remove the first column.
 *
 * @param window     rows per window, at least 1 and at most the number of rows of the data
 * @param minPeriods observations a window needs for a result, 0..window (pandas {@code min_periods})
 * @param center     label each window by its centre row instead of its last row (pandas {@code center})
 */
public record Rolling(int window, int minPeriods, boolean center) {

    /** A statistic computed over each window; {@link #label()} is the suffix used in column names. */
    public enum Stat {
        MEAN, SUM, STD, VAR, MIN, MAX, MEDIAN;

        /** Lower-case name used in output column names, e.g. {@code mean}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks the options. */
    public Rolling {
        if (window < 1) {
            throw new IllegalArgumentException("rolling window must be at least 1 row, got " + window);
        }
        if (minPeriods < 0 || minPeriods > window) {
            throw new IllegalArgumentException("minPeriods must be in [0, window = " + window + "], got "
                    + minPeriods);
        }
    }

    /** A trailing window of {@code window} rows with pandas defaults: {@code minPeriods = window}, not centred. */
    public static Rolling window(int window) {
        return new Rolling(window, window, false);
    }

    /** These options with another {@code minPeriods} (pandas {@code min_periods}). */
    public Rolling minPeriods(int minPeriods) {
        return new Rolling(window, minPeriods, center);
    }

    /** These options with centred (or trailing) windows (pandas {@code center}). */
    public Rolling center(boolean center) {
        return new Rolling(window, minPeriods, center);
    }

    // ---------------------------------------------------------------- tables

    /** Adds {@code <column>_rolling_<window>_mean}; see the class documentation. */
    public Table mean(Table table, String column) {
        return apply(table, column, Stat.MEAN);
    }

    /** Adds {@code <column>_rolling_<window>_sum}. */
    public Table sum(Table table, String column) {
        return apply(table, column, Stat.SUM);
    }

    /** Adds {@code <column>_rolling_<window>_std} (sample standard deviation, ddof = 1). */
    public Table std(Table table, String column) {
        return apply(table, column, Stat.STD);
    }

    /** Adds {@code <column>_rolling_<window>_var} (sample variance, ddof = 1). */
    public Table var(Table table, String column) {
        return apply(table, column, Stat.VAR);
    }

    /** Adds {@code <column>_rolling_<window>_min}. */
    public Table min(Table table, String column) {
        return apply(table, column, Stat.MIN);
    }

    /** Adds {@code <column>_rolling_<window>_max}. */
    public Table max(Table table, String column) {
        return apply(table, column, Stat.MAX);
    }

    /** Adds {@code <column>_rolling_<window>_median}. */
    public Table median(Table table, String column) {
        return apply(table, column, Stat.MEDIAN);
    }

    /**
     * A copy of {@code table} with one added column per statistic, in the order given (pandas
     * {@code rolling(...).agg([...])}).
     *
     * @throws IllegalArgumentException if the column is unknown or not numeric, the table has fewer rows than the
     *                                  window, no statistic is named, or an output name is taken
     */
    public Table apply(Table table, String column, Stat... stats) {
        String op = "rolling";
        Columns.requireRows(table, op);
        double[] x = Columns.values(table, column);
        requireFits(x.length, "table \"" + table.name() + "\"");
        if (stats == null || stats.length == 0) {
            throw new IllegalArgumentException("rolling: name at least one statistic, e.g. Rolling.Stat.MEAN");
        }
        DoubleColumn[] out = new DoubleColumn[stats.length];
        for (int k = 0; k < stats.length; k++) {
            if (stats[k] == null) {
                throw new IllegalArgumentException("rolling: statistic " + k + " is null");
            }
            out[k] = DoubleColumn.create(columnName(column, window, stats[k]), compute(x, stats[k]));
        }
        return Columns.withAdded(table, op, out);
    }

    /** The output column name {@code <column>_rolling_<window>_<stat>}, e.g. {@code T17_rolling_24_mean}. */
    public static String columnName(String column, int window, Stat stat) {
        return column + "_rolling_" + window + "_" + stat.label();
    }

    // ---------------------------------------------------------------- arrays

    /**
     * The statistic over every window of {@code x} (a new array of the same length; {@code x} is not changed).
     *
     * @throws IllegalArgumentException if {@code x} is empty or shorter than the window
     */
    public double[] compute(double[] x, Stat stat) {
        if (x == null) {
            throw new IllegalArgumentException("rolling: the data array is null");
        }
        requireFits(x.length, "the data");
        double[] v = Nums.infinitiesAsNaN(x);
        int offset = center ? (window - 1) / 2 : 0;
        return switch (stat) {
            case MEAN -> kahan(v, window, minPeriods, offset, true);
            case SUM -> kahan(v, window, minPeriods, offset, false);
            case VAR -> welford(v, window, minPeriods, offset, false);
            case STD -> welford(v, window, minPeriods, offset, true);
            case MIN -> extremes(v, window, minPeriods, offset, false);
            case MAX -> extremes(v, window, minPeriods, offset, true);
            case MEDIAN -> SlidingMedian.run(v, window, minPeriods, offset);
        };
    }

    /** Rolling mean of a primitive array (the benchmark's fast path); same semantics as the table form. */
    public static double[] mean(double[] x, int window, int minPeriods, boolean center) {
        return new Rolling(window, minPeriods, center).compute(x, Stat.MEAN);
    }

    /** Rolling sum of a primitive array. */
    public static double[] sum(double[] x, int window, int minPeriods, boolean center) {
        return new Rolling(window, minPeriods, center).compute(x, Stat.SUM);
    }

    /** Rolling sample standard deviation (ddof = 1) of a primitive array. */
    public static double[] std(double[] x, int window, int minPeriods, boolean center) {
        return new Rolling(window, minPeriods, center).compute(x, Stat.STD);
    }

    /** Rolling minimum of a primitive array. */
    public static double[] min(double[] x, int window, int minPeriods, boolean center) {
        return new Rolling(window, minPeriods, center).compute(x, Stat.MIN);
    }

    /** Rolling maximum of a primitive array. */
    public static double[] max(double[] x, int window, int minPeriods, boolean center) {
        return new Rolling(window, minPeriods, center).compute(x, Stat.MAX);
    }

    /** Rolling median of a primitive array. */
    public static double[] median(double[] x, int window, int minPeriods, boolean center) {
        return new Rolling(window, minPeriods, center).compute(x, Stat.MEDIAN);
    }

    // ---------------------------------------------------------------- kernels

    private void requireFits(int n, String what) {
        if (n == 0) {
            throw new IllegalArgumentException("rolling: " + what + " has no rows");
        }
        if (window > n) {
            throw new IllegalArgumentException("rolling window of " + window + " rows is larger than " + what
                    + " (" + n + " rows); use a window of at most " + n + " rows");
        }
    }

    /** Start (inclusive) of the window labelled i: pandas FixedWindowIndexer, clipped at 0. */
    static int start(int i, int window, int offset) {
        return Math.max(0, i + 1 + offset - window);
    }

    /** End (exclusive) of the window labelled i, clipped at n. */
    static int end(int i, int n, int offset) {
        return Math.min(n, i + 1 + offset);
    }

    /**
     * Min or max with a monotonic deque of indices: the front holds the extreme of the window, each index enters
     * and leaves once (O(n)). NaN never enters the deque; {@code nobs} counts the non-NaN values in the window.
     */
    private static double[] extremes(double[] x, int window, int minPeriods, int offset, boolean max) {
        int n = x.length;
        double[] out = new double[n];
        int[] deque = new int[n];
        int head = 0;
        int tail = 0;
        int nobs = 0;
        int prevStart = 0;
        int prevEnd = 0;
        for (int i = 0; i < n; i++) {
            int s = start(i, window, offset);
            int e = end(i, n, offset);
            for (int j = prevEnd; j < e; j++) {
                double v = x[j];
                if (v != v) {
                    continue;
                }
                nobs++;
                while (tail > head && (max ? v >= x[deque[tail - 1]] : v <= x[deque[tail - 1]])) {
                    tail--;
                }
                deque[tail++] = j;
            }
            for (int j = prevStart; j < s; j++) {
                if (x[j] == x[j]) {
                    nobs--;
                }
            }
            while (tail > head && deque[head] < s) {
                head++;
            }
            out[i] = nobs > 0 && nobs >= minPeriods ? x[deque[head]] : Double.NaN;
            prevStart = s;
            prevEnd = e;
        }
        return out;
    }

    /**
     * Rolling sum or mean with Kahan-compensated add and remove, as pandas {@code roll_sum} / {@code roll_mean}:
     * separate compensations for adding and removing, a fresh start when a window shares no row with the previous
     * one, a count of negative values (a mean of only non-negative values is clamped at 0, and vice versa) and the
     * length of the current run of equal values (pandas GH#42064: a window of identical values gives that value
     * exactly). State is kept in locals so that the JIT keeps it in registers.
     */
    private static double[] kahan(double[] x, int window, int minPeriods, int offset, boolean mean) {
        int n = x.length;
        double[] out = new double[n];
        long nobs = 0;
        long negatives = 0;
        long sameRun = 0;
        double sum = 0;
        double addComp = 0;
        double removeComp = 0;
        double last = 0;
        int prevStart = 0;
        int prevEnd = 0;
        // Virtual steps k = −offset .. n−1 move each window edge by at most one row, so every step removes at most
        // one value and adds at most one, in pandas' order (the first window filled value by value).
        for (int k = -offset; k < n; k++) {
            int s = start(k, window, offset);
            int e = end(k, n, offset);
            if (s >= prevEnd) {
                nobs = negatives = sameRun = 0;
                sum = addComp = removeComp = 0;
                last = x[s];
                prevStart = prevEnd = s;
            }
            if (prevStart < s) {
                double v = x[prevStart];
                if (v == v) {
                    nobs--;
                    double y = -v - removeComp;
                    double t = sum + y;
                    removeComp = t - sum - y;
                    sum = t;
                    if (Double.doubleToRawLongBits(v) < 0) {
                        negatives--;
                    }
                }
            }
            if (prevEnd < e) {
                double v = x[prevEnd];
                if (v == v) {
                    nobs++;
                    double y = v - addComp;
                    double t = sum + y;
                    addComp = t - sum - y;
                    sum = t;
                    if (Double.doubleToRawLongBits(v) < 0) {
                        negatives++;
                    }
                    sameRun = v == last ? sameRun + 1 : 1;
                    last = v;
                }
            }
            double r;
            if (!mean) {
                r = nobs == 0 && minPeriods == 0 ? 0.0
                        : nobs < minPeriods ? Double.NaN
                        : sameRun >= nobs ? last * nobs : sum;
            } else if (nobs < minPeriods || nobs == 0) {
                r = Double.NaN;
            } else {
                r = sum / nobs;
                if (sameRun >= nobs) {
                    r = last;
                } else if ((negatives == 0 && r < 0) || (negatives == nobs && r > 0)) {
                    r = 0.0;
                }
            }
            if (k >= 0) {
                out[k] = r;
            }
            prevStart = s;
            prevEnd = e;
        }
        return out;
    }

    /**
     * Rolling variance (or its square root) by Welford's online update with Kahan compensation, adding and removing
     * one value per step, as pandas {@code roll_var} with ddof = 1 (at least one observation is always required;
     * a window of identical values gives exactly 0; a negative rounding residue gives std 0, pandas
     * {@code zsqrt}).
     */
    private static double[] welford(double[] x, int window, int minPeriods, int offset, boolean sqrt) {
        int n = x.length;
        int minp = Math.max(minPeriods, 1);
        double[] out = new double[n];
        long nobs = 0;
        long sameRun = 0;
        double mean = 0;
        double ssqdm = 0;
        double addComp = 0;
        double removeComp = 0;
        double last = 0;
        int prevStart = 0;
        int prevEnd = 0;
        // Virtual steps k = −offset .. n−1 move each window edge by at most one row, so every step removes at most
        // one value and adds at most one, in pandas' order (the first window filled value by value).
        for (int k = -offset; k < n; k++) {
            int s = start(k, window, offset);
            int e = end(k, n, offset);
            if (s >= prevEnd) {
                nobs = sameRun = 0;
                mean = ssqdm = addComp = removeComp = 0;
                last = x[s];
                prevStart = prevEnd = s;
            }
            if (prevStart < s) {
                double v = x[prevStart];
                if (v == v) {
                    nobs--;
                    if (nobs == 0) {
                        mean = 0;
                        ssqdm = 0;
                    } else {
                        double prevMean = mean - removeComp;
                        double y = v - removeComp;
                        double t = y - mean;
                        removeComp = t + mean - y;
                        mean = mean - t / nobs;
                        ssqdm = ssqdm - (v - prevMean) * (v - mean);
                    }
                }
            }
            if (prevEnd < e) {
                double v = x[prevEnd];
                if (v == v) {
                    nobs++;
                    sameRun = v == last ? sameRun + 1 : 1;
                    last = v;
                    double prevMean = mean - addComp;
                    double y = v - addComp;
                    double t = y - mean;
                    addComp = t + mean - y;
                    mean = mean + t / nobs;
                    ssqdm = ssqdm + (v - prevMean) * (v - mean);
                }
            }
            double var = nobs < minp || nobs <= 1 ? Double.NaN : sameRun >= nobs ? 0.0 : ssqdm / (nobs - 1);
            if (k >= 0) {
                out[k] = sqrt ? (var < 0 ? 0.0 : Math.sqrt(var)) : var;
            }
            prevStart = s;
            prevEnd = e;
        }
        return out;
    }
}
