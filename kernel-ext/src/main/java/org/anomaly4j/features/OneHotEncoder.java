package org.anomaly4j.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.anomaly4j.data.Columns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One-hot (dummy) encoding of text or integer columns: each category c of column col becomes a 0/1 column
 * named {@code col_c}, like pandas {@code get_dummies} and scikit-learn's {@code OneHotEncoder} (same
 * defaults: no drop, {@code handle_unknown='error'}).
 * <pre>{@code
 * var enc = OneHotEncoder.with().dropFirst(true).fit(hive, "band");
 * Table x = enc.transform(hive);   // "band" replaced by band_hot, band_mild, band_warm
 * }</pre>
 * <ul>
 *   <li>categories are the distinct present values, sorted as scikit-learn sorts them: text by code point,
 *       integers numerically;</li>
 *   <li>{@link #dropFirst(boolean)} leaves out each column's first category (scikit-learn
 *       {@code drop='first'}, pandas {@code drop_first=True});</li>
 *   <li>a value not seen in fit fails with the column, value and row, or with
 *       {@link HandleUnknown#IGNORE} encodes as all zeros (scikit-learn {@code handle_unknown='ignore'});</li>
 *   <li>a missing value is not a category: it encodes as all zeros (pandas {@code get_dummies} with
 *       {@code dummy_na=False}; scikit-learn would instead learn a "nan" category);</li>
 *   <li>the output keeps the other columns in order and appends the dummy columns ({@code DoubleColumn}
 *       0.0/1.0, ready for detectors) after them, encoded column by encoded column, as {@code get_dummies}.</li>
 * </ul>
 * Fit O(rows log categories), transform O(rows × categories).
 *
 * @param dropFirst     leave out the first category of each column
 * @param handleUnknown what to do with a category not seen in fit
 */
public record OneHotEncoder(boolean dropFirst, HandleUnknown handleUnknown) {

    public OneHotEncoder {
        if (handleUnknown == null) {
            throw new IllegalArgumentException("handleUnknown must be ERROR or IGNORE, got null");
        }
    }

    /** scikit-learn's defaults: keep every category, fail on unknown categories. */
    public static OneHotEncoder with() {
        return new OneHotEncoder(false, HandleUnknown.ERROR);
    }

    /** These options with or without dropping each column's first category. */
    public OneHotEncoder dropFirst(boolean drop) {
        return new OneHotEncoder(drop, handleUnknown);
    }

    /** These options with another treatment of unknown categories. */
    public OneHotEncoder handleUnknown(HandleUnknown how) {
        return new OneHotEncoder(dropFirst, how);
    }

    /**
     * Learns the sorted categories of each named column.
     *
     * @throws IllegalArgumentException if the table is empty, a column is missing, is neither text nor
     *                                  integer, or has no present value
     */
    public Fitted fit(Table table, String... columns) {
        List<Categories> cats = Categories.fitAll(table, columns, "OneHotEncoder.fit");
        return new Fitted(this, cats);
    }

    /** A fitted one-hot encoder: immutable, with its {@link #categories()} and output {@link #featureNames()}. */
    public static final class Fitted {
        private final OneHotEncoder options;
        private final List<Categories> categories;

        private Fitted(OneHotEncoder options, List<Categories> categories) {
            this.options = options;
            this.categories = categories;
        }

        /** The options it was fitted with. */
        public OneHotEncoder options() {
            return options;
        }

        /** Column → its sorted categories, in fit order (scikit-learn {@code categories_}). */
        public Map<String, List<String>> categories() {
            return Categories.asMap(categories);
        }

        /** Output column names {@code col_category} (scikit-learn {@code get_feature_names_out()}). */
        public List<String> featureNames() {
            List<String> names = new ArrayList<>();
            for (Categories c : categories) {
                for (int k = first(); k < c.size(); k++) {
                    names.add(c.column() + "_" + c.labels().get(k));
                }
            }
            return List.copyOf(names);
        }

        private int first() {
            return options.dropFirst ? 1 : 0;
        }

        /**
         * A copy of the table with each fitted column replaced by its dummy columns, appended after the other
         * columns.
         *
         * @throws IllegalArgumentException if a fitted column is missing or changed type, if an output name is
         *                                  already a column, or (with {@link HandleUnknown#ERROR}) on an unknown
         *                                  category, naming column, value and row
         */
        public Table transform(Table table) {
            Columns.requireRows(table, "OneHotEncoder.transform");
            List<Column<?>> dummies = new ArrayList<>();
            for (Categories c : categories) {
                int[] codes = c.codes(table, "OneHotEncoder.transform");
                if (options.handleUnknown == HandleUnknown.ERROR) {
                    requireKnown(table, c, codes);
                }
                for (int k = first(); k < c.size(); k++) {
                    double[] x = new double[codes.length];
                    for (int i = 0; i < codes.length; i++) {
                        x[i] = codes[i] == k ? 1.0 : 0.0;
                    }
                    dummies.add(DoubleColumn.create(c.column() + "_" + c.labels().get(k), x));
                }
            }
            Table out = table.copy();
            for (Categories c : categories) {
                out.removeColumns(c.column());
            }
            for (Column<?> d : dummies) {
                if (out.containsColumn(d.name())) {
                    throw new IllegalArgumentException("OneHotEncoder.transform: output column \"" + d.name()
                            + "\" is already in table \"" + table.name() + "\"; rename or remove that column first");
                }
                out.addColumns(d);
            }
            return out;
        }

        private static void requireKnown(Table table, Categories c, int[] codes) {
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] == Categories.UNKNOWN) {
                    throw new IllegalArgumentException("OneHotEncoder.transform: column \"" + c.column()
                            + "\" has category \"" + c.valueText(table, i) + "\" at row " + i
                            + " that was not seen in fit (known: " + c.labels()
                            + "); fit on data that includes it, or use handleUnknown(HandleUnknown.IGNORE) "
                            + "to encode it as all zeros");
                }
            }
        }

        /** E.g. {@code OneHotEncoder(dropFirst=false, handleUnknown=ERROR), fitted: band=[cold, hot, mild]}. */
        @Override
        public String toString() {
            return "OneHotEncoder(dropFirst=" + options.dropFirst + ", handleUnknown=" + options.handleUnknown
                    + "), fitted: " + categories + " → " + featureNames().size() + " columns";
        }
    }
}
