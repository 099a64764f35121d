package org.anomaly4j.features;


import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.Nums;
import tech.tablesaw.api.Table;

/**
 * Min–max scaling to a feature range [a, b] per column — scikit-learn's {@code MinMaxScaler} with the same
 * defaults ({@code feature_range=(0, 1)}, {@code clip=False}):
 * scale = (b − a) / (max − min), z = x · scale + (a − min · scale).
 * <ul>
 *   <li>min and max are taken over the present values (scikit-learn's {@code nanmin}/{@code nanmax});</li>
 *   <li>a constant column (range below 10·ε) uses range 1, as scikit-learn, so it maps to a;</li>
 *   <li>values outside the fitted [min, max] map outside [a, b] unless {@link #clip(boolean)} is set;</li>
 *   <li>transform keeps missing values missing; infinite values are rejected.</li>
 * </ul>
 * Fit and transform O(rows × columns).
 *
 * @param featureMin lower end a of the target range
 * @param featureMax upper end b of the target range, greater than a
 * @param clip       clip transformed values to [a, b] (scikit-learn {@code clip}, default false)
 */
public record MinMaxScaler(double featureMin, double featureMax, boolean clip) {

    public MinMaxScaler {
        if (!(featureMin < featureMax) || Double.isInfinite(featureMin) || Double.isInfinite(featureMax)) {
            throw new IllegalArgumentException("feature range must be finite with min < max, got ("
                    + featureMin + ", " + featureMax + ")");
        }
    }

    /** scikit-learn's defaults: range (0, 1), no clipping. */
    public static MinMaxScaler with() {
        return new MinMaxScaler(0.0, 1.0, false);
    }

    /** These options with another target range (scikit-learn {@code feature_range=(min, max)}). */
    public MinMaxScaler featureRange(double min, double max) {
        return new MinMaxScaler(min, max, clip);
    }

    /** These options with or without clipping transformed values to the feature range. */
    public MinMaxScaler clip(boolean clipToRange) {
        return new MinMaxScaler(featureMin, featureMax, clipToRange);
    }

    /**
     * Learns min and max of each named numeric column.
     *
     * @throws IllegalArgumentException if the table is empty, a column is missing, not numeric, infinite
     *                                  somewhere or has no present value
     */
    public Fitted fit(Table table, String... columns) {
        String[] names = Columns.requireNames(columns, "MinMaxScaler.fit");
        return fitColumns(names, AffineScaler.fitColumns(table, names, "MinMaxScaler.fit"));
    }

    /** Learns from a row-major array; its columns are named x0, x1, … */
    public Fitted fit(double[][] x) {
        double[][] cols = AffineScaler.fitColumns(x, "MinMaxScaler.fit");
        return fitColumns(AffineScaler.arrayNames(cols.length), cols);
    }

    private Fitted fitColumns(String[] names, double[][] cols) {
        int k = names.length;
        double[] dataMin = new double[k];
        double[] dataMax = new double[k];
        double[] scale = new double[k];
        double[] min = new double[k];
        long[] seen = new long[k];
        for (int j = 0; j < k; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : cols[j]) {
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
            }
            dataMin[j] = lo;
            dataMax[j] = hi;
            scale[j] = (featureMax - featureMin) / AffineScaler.nonZero(hi - lo);
            min[j] = featureMin - lo * scale[j];
            seen[j] = cols[j].length - Nums.countNaN(cols[j]);
        }
        return new Fitted(this, names, dataMin, dataMax, scale, min, seen);
    }

    /**
     * A fitted min–max scaler: immutable, with the learned {@link #dataMin()}, {@link #dataMax()},
     * {@link #scale()} and {@link #min()} per column (scikit-learn {@code data_min_}, {@code data_max_},
     * {@code scale_}, {@code min_}).
     */
    public static final class Fitted extends AffineScaler {
        private final MinMaxScaler options;
        private final double[] dataMin;
        private final double[] dataMax;
        private final double[] scale;
        private final double[] min;
        private final long[] samplesSeen;

        private Fitted(MinMaxScaler options, String[] columns, double[] dataMin, double[] dataMax,
                       double[] scale, double[] min, long[] samplesSeen) {
            // scikit-learn: transform X *= scale_; X += min_ (then optional clip); inverse X -= min_; X /= scale_
            super("MinMaxScaler", columns, min, scale, false,
                    options.clip ? options.featureMin : Double.NEGATIVE_INFINITY,
                    options.clip ? options.featureMax : Double.POSITIVE_INFINITY);
            this.options = options;
            this.dataMin = dataMin;
            this.dataMax = dataMax;
            this.scale = scale;
            this.min = min;
            this.samplesSeen = samplesSeen;
        }

        /** The options it was fitted with. */
        public MinMaxScaler options() {
            return options;
        }

        /** Smallest present value per column. */
        public double[] dataMin() {
            return copy(dataMin);
        }

        /** Largest present value per column. */
        public double[] dataMax() {
            return copy(dataMax);
        }

        /** max − min per column (0 for a constant column; the scale then uses 1). */
        public double[] dataRange() {
            double[] r = new double[dataMin.length];
            for (int j = 0; j < r.length; j++) {
                r[j] = dataMax[j] - dataMin[j];
            }
            return r;
        }

        /** Multiplier per column: (b − a) / range. */
        public double[] scale() {
            return copy(scale);
        }

        /** Offset per column: a − min · scale. */
        public double[] min() {
            return copy(min);
        }

        /** Options, then per column: data min, data max and the count of values fitted on. */
        @Override
        public String toString() {
            return describe("featureRange=(" + options.featureMin + ", " + options.featureMax + "), clip="
                    + options.clip, samplesSeen, new String[] {"dataMin", "dataMax"}, dataMin, dataMax);
        }
    }
}
