package org.anomaly4j.features;

import java.util.Arrays;

import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.Nums;
import tech.tablesaw.api.Table;

/**
 * Standardisation z = (x − mean) / std per column, fitted once and applied to any table — scikit-learn's
 * {@code StandardScaler} with the same defaults ({@code with_mean=True}, {@code with_std=True}):
 * <pre>{@code
 * var scaler = StandardScaler.with().fit(hive, "T17", "RH17");   // learns mean and std
 * Table z = scaler.transform(hive);                               // same columns, standardised
 * }</pre>
 * <ul>
 *   <li>mean and variance use the present values only (scikit-learn ignores NaN in fit); the variance is the
 *       population variance (ddof = 0), computed in two passes with scikit-learn's rounding correction;</li>
 *   <li>a constant column (variance within rounding error of 0, scikit-learn's
 *       {@code _is_constant_feature}) gets scale 1, so it maps to 0 instead of NaN;</li>
 *   <li>transform keeps missing values missing; infinite values are rejected.</li>
 * </ul>
 * Fit O(rows × columns); transform O(rows × columns).
 *
 * @param withMean subtract the mean (scikit-learn {@code with_mean}, default true)
 * @param withStd  divide by the standard deviation (scikit-learn {@code with_std}, default true)
 */
public record StandardScaler(boolean withMean, boolean withStd) {

    /** scikit-learn's defaults: centre and scale. */
    public static StandardScaler with() {
        return new StandardScaler(true, true);
    }

    /** These options with or without centring. */
    public StandardScaler withMean(boolean center) {
        return new StandardScaler(center, withStd);
    }

    /** These options with or without scaling to unit variance. */
    public StandardScaler withStd(boolean scale) {
        return new StandardScaler(withMean, scale);
    }

    /**
     * Learns mean and standard deviation of each named numeric column.
     *
     * @throws IllegalArgumentException if the table is empty, a column is missing, not numeric, infinite
     *                                  somewhere or has no present value
     */
    public Fitted fit(Table table, String... columns) {
        String[] names = Columns.requireNames(columns, "StandardScaler.fit");
        return fitColumns(names, AffineScaler.fitColumns(table, names, "StandardScaler.fit"));
    }

    /** Learns from a row-major array; its columns are named x0, x1, … */
    public Fitted fit(double[][] x) {
        double[][] cols = AffineScaler.fitColumns(x, "StandardScaler.fit");
        return fitColumns(AffineScaler.arrayNames(cols.length), cols);
    }

    private Fitted fitColumns(String[] names, double[][] cols) {
        int k = names.length;
        double[] mean = new double[k];
        double[] var = new double[k];
        double[] scale = new double[k];
        long[] seen = new long[k];
        for (int j = 0; j < k; j++) {
            double[] x = cols[j];
            long n = x.length - Nums.countNaN(x);
            double m = Nums.meanPresent(x);
            // scikit-learn's _incremental_mean_and_var: squared deviations minus the rounding correction.
            double correction = 0;
            double squares = 0;
            for (double v : x) {
                if (!Double.isNaN(v)) {
                    double d = v - m;
                    correction += d;
                    squares += d * d;
                }
            }
            double variance = (squares - correction * correction / n) / n;
            mean[j] = m;
            var[j] = variance;
            seen[j] = n;
            double eps = Math.ulp(1.0);
            double bound = n * eps * variance + (n * m * eps) * (n * m * eps);
            scale[j] = variance <= bound ? 1.0 : Math.sqrt(variance);
        }
        return new Fitted(this, names, mean, var, scale, seen);
    }

    /**
     * A fitted standard scaler: immutable, with the learned {@link #mean()}, {@link #variance()} and
     * {@link #scale()} per column (scikit-learn {@code mean_}, {@code var_}, {@code scale_}).
     */
    public static final class Fitted extends AffineScaler {
        private final StandardScaler options;
        private final double[] mean;
        private final double[] variance;
        private final double[] scale;
        private final long[] samplesSeen;

        private Fitted(StandardScaler options, String[] columns, double[] mean, double[] variance, double[] scale,
                       long[] samplesSeen) {
            super("StandardScaler", columns, options.withMean ? mean : new double[columns.length],
                    options.withStd ? scale : ones(columns.length), true);
            this.options = options;
            this.mean = mean;
            this.variance = variance;
            this.scale = scale;
            this.samplesSeen = samplesSeen;
        }

        private static double[] ones(int k) {
            double[] a = new double[k];
            Arrays.fill(a, 1.0);
            return a;
        }

        /** The options it was fitted with. */
        public StandardScaler options() {
            return options;
        }

        /** Mean of each column's present values (learned even when {@code withMean} is false, as sklearn). */
        public double[] mean() {
            return copy(mean);
        }

        /** Population variance (ddof = 0) of each column's present values. */
        public double[] variance() {
            return copy(variance);
        }

        /** Standard deviation per column, 1 for constant columns (sklearn {@code scale_}). */
        public double[] scale() {
            return copy(scale);
        }

        /** Number of present values each column was fitted on (sklearn {@code n_samples_seen_}). */
        public long[] samplesSeen() {
            return samplesSeen.clone();
        }

        /** Options, then per column: mean, scale and the count of values fitted on. */
        @Override
        public String toString() {
            return describe("withMean=" + options.withMean + ", withStd=" + options.withStd, samplesSeen,
                    new String[] {"mean", "scale"}, mean, scale);
        }
    }
}
