package org.anomaly4j.features;

import java.util.List;
import java.util.Map;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Ordinal (label) encoding of text or integer columns: each value becomes the index 0, 1, … of its category
 * among the sorted categories — scikit-learn's {@code OrdinalEncoder} with the same defaults
 * ({@code handle_unknown='error'}, {@code encoded_missing_value=nan}); on one column it is label encoding.
 * <ul>
 *   <li>categories sort as in scikit-learn: text by code point, integers numerically;</li>
 *   <li>a value not seen in fit fails with the column, value and row, or, after {@link #unknownValue(double)},
 *       becomes that value (scikit-learn {@code handle_unknown='use_encoded_value', unknown_value=...});</li>
 *   <li>missing values stay missing (NaN). scikit-learn does this when the fit data had missing values; when
 *       it had none it treats a later missing value as unknown — here missing is always NaN;</li>
 *   <li>each encoded column is replaced in place by a {@code DoubleColumn} of codes (scikit-learn outputs
 *       float64).</li>
 * </ul>
 * Fit O(rows log categories), transform O(rows).
 *
 * @param encodeUnknown whether unknown categories become {@code unknownValue} instead of failing
 * @param unknownValue  the code for unknown categories (used only when {@code encodeUnknown})
 */
public record OrdinalEncoder(boolean encodeUnknown, double unknownValue) {

    /** scikit-learn's defaults: fail on unknown categories. */
    public static OrdinalEncoder with() {
        return new OrdinalEncoder(false, Double.NaN);
    }

    /**
     * These options encoding unknown categories as {@code value}: NaN or a number that is not a code of a
     * fitted category (e.g. −1), checked at fit.
     */
    public OrdinalEncoder unknownValue(double value) {
        return new OrdinalEncoder(true, value);
    }

    /**
     * Learns the sorted categories of each named column.
     *
     * @throws IllegalArgumentException if the table is empty, a column is missing, is neither text nor
     *                                  integer, has no present value, or the unknown value is one of the codes
     */
    public Fitted fit(Table table, String... columns) {
        List<Categories> cats = Categories.fitAll(table, columns, "OrdinalEncoder.fit");
        for (Categories cat : cats) {
            double u = unknownValue;
            if (encodeUnknown && u >= 0 && u < cat.size() && u == Math.rint(u)) {
                throw new IllegalArgumentException("OrdinalEncoder.fit: unknownValue " + u
                        + " is already the code of category \"" + cat.labels().get((int) u)
                        + "\" of column \"" + cat.column() + "\"; use a negative number such as -1, or NaN");
            }
        }
        return new Fitted(this, cats);
    }

    /** A fitted ordinal encoder: immutable, with its {@link #categories()}. */
    public static final class Fitted {
        private final OrdinalEncoder options;
        private final List<Categories> categories;

        private Fitted(OrdinalEncoder options, List<Categories> categories) {
            this.options = options;
            this.categories = categories;
        }

        /** The options it was fitted with. */
        public OrdinalEncoder options() {
            return options;
        }

        /** Column → its sorted categories; a category's code is its position (scikit-learn {@code categories_}). */
        public Map<String, List<String>> categories() {
            return Categories.asMap(categories);
        }

        /**
         * A copy of the table with each fitted column replaced in place by its codes.
         *
         * @throws IllegalArgumentException if a fitted column is missing or changed type, or (without an
         *                                  unknown value) on an unknown category, naming column, value and row
         */
        public Table transform(Table table) {
            Columns.requireRows(table, "OrdinalEncoder.transform");
            DoubleColumn[] out = new DoubleColumn[categories.size()];
            for (int j = 0; j < out.length; j++) {
                Categories c = categories.get(j);
                int[] codes = c.codes(table, "OrdinalEncoder.transform");
                double[] x = new double[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    int k = codes[i];
                    if (k == Categories.UNKNOWN && !options.encodeUnknown) {
                        throw new IllegalArgumentException("OrdinalEncoder.transform: column \"" + c.column()
                                + "\" has category \"" + c.valueText(table, i) + "\" at row " + i
                                + " that was not seen in fit (known: " + c.labels() + "); fit on data that "
                                + "includes it, or set unknownValue(-1) to give unknown categories a code");
                    }
                    x[i] = k >= 0 ? k : k == Categories.MISSING ? Double.NaN : options.unknownValue;
                }
                out[j] = DoubleColumn.create(c.column(), x);
            }
            return Columns.withColumns(table, out);
        }

        /** E.g. {@code OrdinalEncoder(unknown=error), fitted: [band=[cold, hot, mild, warm]]}. */
        @Override
        public String toString() {
            return "OrdinalEncoder(unknown=" + (options.encodeUnknown ? String.valueOf(options.unknownValue) : "error")
                    + "), fitted: " + categories;
        }
    }
}
