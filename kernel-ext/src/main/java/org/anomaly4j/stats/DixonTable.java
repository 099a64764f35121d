package org.anomaly4j.stats;

/**
 * Critical values of Dixon's Q test (the r10 ratio {@code (x(2) − x(1)) / (x(n) − x(1))}), two-sided, for
 * 3 ≤ n ≤ 30: D. B. Rorabacher (1991), "Statistical treatment for rejection of deviant values: critical values
 * of Dixon's 'Q' parameter and related subrange ratios at the 95% confidence level", Analytical Chemistry
 * 63(2), 139–146, table of r10 at confidence levels 80, 90, 95, 96, 98, 99 % (α = 0.20, 0.10, 0.05, 0.04,
 * 0.02, 0.01), three decimals as published. (A widely copied transcription has 0.290 for n = 30 at 95 %; the
 * paper's value is 0.298.) The test itself is {@code detect.DixonQ}.
 */
public final class DixonTable {

    /** Two-sided significance levels of the table's columns. */
    private static final double[] ALPHAS = {0.20, 0.10, 0.05, 0.04, 0.02, 0.01};

    /**
     * Rorabacher (1991), r10 critical values: row n − 3 (n = 3..30), column as {@link #ALPHAS}
     * (confidence 80 %, 90 %, 95 %, 96 %, 98 %, 99 %).
     */
    private static final double[][] R10 = {
            {0.886, 0.941, 0.970, 0.976, 0.988, 0.994}, // n = 3
            {0.679, 0.765, 0.829, 0.846, 0.889, 0.926}, // 4
            {0.557, 0.642, 0.710, 0.729, 0.780, 0.821}, // 5
            {0.482, 0.560, 0.625, 0.644, 0.698, 0.740}, // 6
            {0.434, 0.507, 0.568, 0.586, 0.637, 0.680}, // 7
            {0.399, 0.468, 0.526, 0.543, 0.590, 0.634}, // 8
            {0.370, 0.437, 0.493, 0.510, 0.555, 0.598}, // 9
            {0.349, 0.412, 0.466, 0.483, 0.527, 0.568}, // 10
            {0.332, 0.392, 0.444, 0.460, 0.502, 0.542}, // 11
            {0.318, 0.376, 0.426, 0.441, 0.482, 0.522}, // 12
            {0.305, 0.361, 0.410, 0.425, 0.465, 0.503}, // 13
            {0.294, 0.349, 0.396, 0.411, 0.450, 0.488}, // 14
            {0.285, 0.338, 0.384, 0.399, 0.438, 0.475}, // 15
            {0.277, 0.329, 0.374, 0.388, 0.426, 0.463}, // 16
            {0.269, 0.320, 0.365, 0.379, 0.416, 0.452}, // 17
            {0.263, 0.313, 0.356, 0.370, 0.407, 0.442}, // 18
            {0.258, 0.306, 0.349, 0.363, 0.398, 0.433}, // 19
            {0.252, 0.300, 0.342, 0.356, 0.391, 0.425}, // 20
            {0.247, 0.295, 0.337, 0.350, 0.384, 0.418}, // 21
            {0.242, 0.290, 0.331, 0.344, 0.378, 0.411}, // 22
            {0.238, 0.285, 0.326, 0.338, 0.372, 0.404}, // 23
            {0.234, 0.281, 0.321, 0.333, 0.367, 0.399}, // 24
            {0.230, 0.277, 0.317, 0.329, 0.362, 0.393}, // 25
            {0.227, 0.273, 0.312, 0.324, 0.357, 0.388}, // 26
            {0.224, 0.269, 0.308, 0.320, 0.353, 0.384}, // 27
            {0.220, 0.266, 0.305, 0.316, 0.349, 0.380}, // 28
            {0.218, 0.263, 0.301, 0.312, 0.345, 0.376}, // 29
            {0.215, 0.260, 0.298, 0.309, 0.341, 0.372}, // 30
    };

    /** Smallest sample size of the table. */
    public static final int MIN_N = 3;
    /** Largest sample size of the table. */
    public static final int MAX_N = 30;

    private DixonTable() {
    }

    /**
     * Rorabacher's r10 critical value for n values (3..30) at two-sided level alpha (0.20, 0.10, 0.05, 0.04,
     * 0.02 or 0.01).
     */
    public static double criticalValue(int n, double alpha) {
        if (n < MIN_N || n > MAX_N) {
            throw new IllegalArgumentException("n must be in [" + MIN_N + ", " + MAX_N + "], got " + n);
        }
        for (int c = 0; c < ALPHAS.length; c++) {
            if (Math.abs(ALPHAS[c] - alpha) < 1e-12) {
                return R10[n - MIN_N][c];
            }
        }
        throw new IllegalArgumentException("alpha must be one of 0.20, 0.10, 0.05, 0.04, 0.02, 0.01 (the columns"
                + " of Rorabacher's table), got " + alpha);
    }
}
