package org.anomaly4j.features;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.Table;

/**
 * Overlapping windows of consecutive rows as a matrix, the usual input of sequence models (LSTM autoencoders,
 * matrix profile): window k starts at row {@code k·stride} and holds rows {@code k·stride .. k·stride+window−1}.
 * There are {@code ⌊(n − window) / stride⌋ + 1} windows; trailing rows that do not fill a whole window are left
 * out (numpy {@code sliding_window_view(x, window)[::stride]}).
 * <ul>
 *   <li>One series: {@code double[nWindows][window]}, {@code out[k][t] = x[k·stride + t]}.</li>
 *   <li>Several columns: {@code double[nWindows][window·nColumns]}, row-major by time step:
 *       {@code out[k][t·nColumns + c]} is column c at row {@code k·stride + t} (reshape to
 *       {@code [window][nColumns]} to get the time-step × feature layout).</li>
 * </ul>
 * Missing values are not allowed (the error names the column, the first missing row and the fix).
 * O(nWindows × window × nColumns) time and memory: every window is a copy.
 */
public final class SlidingWindows {

    private SlidingWindows() {
    }

    /** Windows of one series; see the class documentation. */
    public static double[][] of(double[] x, int window, int stride) {
        if (x == null) {
            throw new IllegalArgumentException("slidingWindows: the data array is null");
        }
        Columns.requireNoMissing("x", x, "slidingWindows");
        int m = count(x.length, window, stride);
        double[][] out = new double[m][];
        for (int k = 0; k < m; k++) {
            double[] w = new double[window];
            System.arraycopy(x, k * stride, w, 0, window);
            out[k] = w;
        }
        return out;
    }

    /** Windows over the named numeric columns (at least one), interleaved per time step; see above. */
    public static double[][] of(Table table, int window, int stride, String... columns) {
        Columns.requireRows(table, "slidingWindows");
        String[] names = Columns.requireNames(columns, "slidingWindows");
        int d = names.length;
        double[][] cols = new double[d][];
        for (int c = 0; c < d; c++) {
            cols[c] = Columns.values(table, names[c]);
            Columns.requireNoMissing(names[c], cols[c], "slidingWindows");
        }
        int m = count(table.rowCount(), window, stride);
        double[][] out = new double[m][];
        for (int k = 0; k < m; k++) {
            double[] w = new double[window * d];
            int base = k * stride;
            for (int t = 0; t < window; t++) {
                for (int c = 0; c < d; c++) {
                    w[t * d + c] = cols[c][base + t];
                }
            }
            out[k] = w;
        }
        return out;
    }

    /**
     * Number of windows, {@code ⌊(rows − window) / stride⌋ + 1}.
     *
     * @throws IllegalArgumentException if window or stride is below 1 or the window is longer than the data
     */
    public static int count(int rows, int window, int stride) {
        if (window < 1) {
            throw new IllegalArgumentException("slidingWindows: window must be at least 1 row, got " + window);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("slidingWindows: stride must be at least 1 row, got " + stride);
        }
        if (window > rows) {
            throw new IllegalArgumentException("slidingWindows: window of " + window + " rows is longer than the "
                    + "data (" + rows + " rows); use a window of at most " + rows + " rows");
        }
        return (rows - window) / stride + 1;
    }
}
