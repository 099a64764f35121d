package org.anomaly4j.features;


import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.Nums;
import org.anomaly4j.stats.Quantiles;
import tech.tablesaw.api.Table;

/**
 * Outlier-resistant scaling z = (x − median) / IQR per column — scikit-learn's {@code RobustScaler} with the
 * same defaults ({@code with_centering=True}, {@code with_scaling=True}, {@code quantile_range=(25.0, 75.0)},
 * {@code unit_variance=False}, the last not offered here). IQR = q(qMax) − q(qMin), quantiles of the present
 * values with linear interpolation (numpy {@code nanpercentile}); the median is numpy's {@code nanmedian}.
 * <ul>
 *   <li>a column whose IQR is below 10·ε (e.g. mostly one value) gets scale 1, as scikit-learn;</li>
 *   <li>transform keeps missing values missing; infinite values are rejected.</li>
 * </ul>
 * Fit O(rows log rows × columns); transform O(rows × columns).
 *
 * @param withCentering subtract the median (scikit-learn {@code with_centering}, default true)
 * @param withScaling   divide by the interquantile range (scikit-learn {@code with_scaling}, default true)
 * @param quantileMin   lower quantile in percent (default 25)
 * @param quantileMax   upper quantile in percent (default 75)
 */
public record RobustScaler(boolean withCentering, boolean withScaling, double quantileMin, double quantileMax) {

    public RobustScaler {
        if (!(quantileMin >= 0 && quantileMin <= quantileMax && quantileMax <= 100)) {
            throw new IllegalArgumentException("quantile range must satisfy 0 <= min <= max <= 100 (percent), got ("
                    + quantileMin + ", " + quantileMax + ")");
        }
    }

    /** scikit-learn's defaults: centre on the median, scale by the 25–75 % interquartile range. */
    public static RobustScaler with() {
        return new RobustScaler(true, true, 25.0, 75.0);
    }

    /** These options with or without centring. */
    public RobustScaler withCentering(boolean center) {
        return new RobustScaler(center, withScaling, quantileMin, quantileMax);
    }

    /** These options with or without scaling. */
    public RobustScaler withScaling(boolean scale) {
        return new RobustScaler(withCentering, scale, quantileMin, quantileMax);
    }

    /** These options with another quantile range in percent (scikit-learn {@code quantile_range}). */
    public RobustScaler quantileRange(double minPercent, double maxPercent) {
        return new RobustScaler(withCentering, withScaling, minPercent, maxPercent);
    }

    /**
     * Learns median and interquantile range of each named numeric column.
     *
     * @throws IllegalArgumentException if the table is empty, a column is missing, not numeric, infinite
     *                                  somewhere or has no present value
     */
    public Fitted fit(Table table, String... columns) {
        String[] names = Columns.requireNames(columns, "RobustScaler.fit");
        return fitColumns(names, AffineScaler.fitColumns(table, names, "RobustScaler.fit"));
    }

    /** Learns from a row-major array; its columns are named x0, x1, … */
    public Fitted fit(double[][] x) {
        double[][] cols = AffineScaler.fitColumns(x, "RobustScaler.fit");
        return fitColumns(AffineScaler.arrayNames(cols.length), cols);
    }

    private Fitted fitColumns(String[] names, double[][] cols) {
        int k = names.length;
        double[] center = new double[k];
        double[] scale = new double[k];
        long[] seen = new long[k];
        for (int j = 0; j < k; j++) {
            double[] sorted = Nums.sortedPresent(cols[j]);
            seen[j] = sorted.length;
            center[j] = withCentering ? Quantiles.medianOfSorted(sorted) : 0.0;
            scale[j] = withScaling
                    ? AffineScaler.nonZero(Quantiles.quantileOfSorted(sorted, quantileMax / 100)
                            - Quantiles.quantileOfSorted(sorted, quantileMin / 100))
                    : 1.0;
        }
        return new Fitted(this, names, center, scale, seen);
    }

    /**
     * A fitted robust scaler: immutable, with the learned {@link #center()} and {@link #scale()} per column
     * (scikit-learn {@code center_}, {@code scale_}; 0 and 1 where centring or scaling is off).
     */
    public static final class Fitted extends AffineScaler {
        private final RobustScaler options;
        private final double[] center;
        private final double[] scale;
        private final long[] samplesSeen;

        private Fitted(RobustScaler options, String[] columns, double[] center, double[] scale, long[] seen) {
            super("RobustScaler", columns, center, scale, true);
            this.options = options;
            this.center = center;
            this.scale = scale;
            this.samplesSeen = seen;
        }

        /** The options it was fitted with. */
        public RobustScaler options() {
            return options;
        }

        /** Median per column (0 when centring is off). */
        public double[] center() {
            return copy(center);
        }

        /** Interquantile range per column (1 for a zero range or when scaling is off). */
        public double[] scale() {
            return copy(scale);
        }

        /** Options, then per column: centre, scale and the count of values fitted on. */
        @Override
        public String toString() {
            return describe("withCentering=" + options.withCentering + ", withScaling=" + options.withScaling
                            + ", quantileRange=(" + options.quantileMin + ", " + options.quantileMax + ")",
                    samplesSeen, new String[] {"center", "scale"}, center, scale);
        }
    }
}
