package org.anomaly4j.data;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.anomaly4j.stats.Nums;
import org.anomaly4j.stats.Quantiles;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * How {@link Clean#fillMissing} replaces missing values: an immutable value made by one of the factory
 * methods, each named after its pandas equivalent.
 * <table>
 *   <caption>Strategies</caption>
 *   <tr><th>strategy</th><th>fills a gap with</th><th>pandas</th><th>column types</th></tr>
 *   <tr><td>{@link #constant(double)}, {@link #constant(String)}</td><td>the given value</td>
 *       <td>{@code fillna(value)}</td><td>numeric / text</td></tr>
 *   <tr><td>{@link #mean()}</td><td>mean of the present values</td><td>{@code fillna(s.mean())}</td>
 *       <td>numeric</td></tr>
 *   <tr><td>{@link #median()}</td><td>median of the present values (mean of the two middle ones for an
 *       even count)</td><td>{@code fillna(s.median())}</td><td>numeric</td></tr>
 *   <tr><td>{@link #mode()}</td><td>most frequent present value; the smallest one on ties (text: first in
 *       code-point order)</td><td>{@code fillna(s.mode().iloc[0])}</td><td>numeric, text</td></tr>
 *   <tr><td>{@link #ffill()}</td><td>last present value above; <b>leading gaps stay missing</b></td>
 *       <td>{@code ffill()}</td><td>any</td></tr>
 *   <tr><td>{@link #bfill()}</td><td>next present value below; <b>trailing gaps stay missing</b></td>
 *       <td>{@code bfill()}</td><td>any</td></tr>
 *   <tr><td>{@link #interpolate()}</td><td>straight line between the present neighbours by row position:
 *       x[k] = x[i] + (x[j] − x[i])·(k − i)/(j − i); <b>leading gaps stay missing, trailing gaps take the
 *       last present value</b></td><td>{@code interpolate(method='linear')} (pandas 2.3,
 *       {@code limit_direction='forward'})</td><td>numeric</td></tr>
 * </table>
 * Statistics skip missing values (pandas {@code skipna=True}). A numeric column that had gaps comes back as a
 * {@code DoubleColumn}, as pandas turns it into {@code float64}; one without gaps is returned unchanged.
 * Each strategy is O(n) per column, except median and mode, O(n log n).
 */
public final class FillStrategy {

    enum Kind { CONSTANT, MEAN, MEDIAN, MODE, FFILL, BFILL, INTERPOLATE }

    private static final FillStrategy MEAN = new FillStrategy(Kind.MEAN, Double.NaN, null);
    private static final FillStrategy MEDIAN = new FillStrategy(Kind.MEDIAN, Double.NaN, null);
    private static final FillStrategy MODE = new FillStrategy(Kind.MODE, Double.NaN, null);
    private static final FillStrategy FFILL = new FillStrategy(Kind.FFILL, Double.NaN, null);
    private static final FillStrategy BFILL = new FillStrategy(Kind.BFILL, Double.NaN, null);
    private static final FillStrategy INTERPOLATE = new FillStrategy(Kind.INTERPOLATE, Double.NaN, null);

    private final Kind kind;
    private final double number;
    private final String text;

    private FillStrategy(Kind kind, double number, String text) {
        this.kind = kind;
        this.number = number;
        this.text = text;
    }

    /** Fill numeric columns with {@code value} (pandas {@code fillna(value)}); must not be NaN. */
    public static FillStrategy constant(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("constant fill value must be a number, got NaN");
        }
        return new FillStrategy(Kind.CONSTANT, value, null);
    }

    /** Fill text columns with {@code value} (pandas {@code fillna("value")}); must not be null or empty. */
    public static FillStrategy constant(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("constant fill text must be non-empty (\"\" is Tablesaw's missing "
                    + "text), got " + (value == null ? "null" : "\"\""));
        }
        return new FillStrategy(Kind.CONSTANT, Double.NaN, value);
    }

    /** Fill with the column mean of the present values. */
    public static FillStrategy mean() {
        return MEAN;
    }

    /** Fill with the column median of the present values. */
    public static FillStrategy median() {
        return MEDIAN;
    }

    /** Fill with the most frequent present value, the smallest on ties (pandas {@code mode().iloc[0]}). */
    public static FillStrategy mode() {
        return MODE;
    }

    /** Forward fill: the last present value above; leading gaps stay missing (pandas {@code ffill()}). */
    public static FillStrategy ffill() {
        return FFILL;
    }

    /** Backward fill: the next present value below; trailing gaps stay missing (pandas {@code bfill()}). */
    public static FillStrategy bfill() {
        return BFILL;
    }

    /**
     * Linear interpolation by row position; leading gaps stay missing, trailing gaps take the last present
     * value (pandas {@code interpolate(method='linear')}).
     */
    public static FillStrategy interpolate() {
        return INTERPOLATE;
    }

    /** Whether this strategy applies to the column, used when no columns are named. */
    boolean accepts(Column<?> column) {
        boolean numeric = column instanceof NumericColumn<?>;
        return switch (kind) {
            case CONSTANT -> text == null ? numeric : column instanceof StringColumn;
            case MEAN, MEDIAN, INTERPOLATE -> numeric;
            case MODE -> numeric || column instanceof StringColumn;
            case FFILL, BFILL -> true;
        };
    }

    /** Why this strategy cannot fill the column (for a column the caller named explicitly). */
    String rejection(Column<?> column) {
        String needs = switch (kind) {
            case CONSTANT -> text == null ? "a numeric column (use constant(\"text\") for text columns)"
                    : "a text column (use constant(number) for numeric columns)";
            case MEAN, MEDIAN, INTERPOLATE -> "a numeric column (convert text with toNumeric(...) first)";
            case MODE -> "a numeric or text column";
            case FFILL, BFILL -> "any column";
        };
        return "fillMissing(" + this + "): column \"" + column.name() + "\" is " + column.type().name()
                + ", but this strategy needs " + needs;
    }

    /** The filled column, or the column itself when it has no missing value. */
    Column<?> fill(Column<?> column) {
        if (column.countMissing() == 0) {
            return column;
        }
        if (column instanceof NumericColumn<?> n) {
            return Columns.doubles(column.name(), fillNumbers(n));
        }
        if (kind == Kind.FFILL || kind == Kind.BFILL) {
            return fillCells(column.copy());
        }
        StringColumn s = (StringColumn) column;
        String value = kind == Kind.CONSTANT ? text : modeText(s);
        StringColumn out = s.copy();
        for (int i = 0; i < out.size(); i++) {
            if (out.isMissing(i)) {
                out.set(i, value);
            }
        }
        return out;
    }

    private double[] fillNumbers(NumericColumn<?> column) {
        double[] x = Columns.values(column);
        switch (kind) {
            case CONSTANT -> fillWith(x, number);
            case MEAN -> fillWith(x, statistic(column.name(), Nums.meanPresent(x)));
            case MEDIAN -> fillWith(x, statistic(column.name(), medianPresent(x)));
            case MODE -> fillWith(x, statistic(column.name(), Nums.modePresent(x)));
            case FFILL -> forward(x);
            case BFILL -> backward(x);
            case INTERPOLATE -> interpolate(x);
            default -> throw new AssertionError(kind);
        }
        return x;
    }

    private static double medianPresent(double[] x) {
        double[] s = Nums.sortedPresent(x);
        return s.length == 0 ? Double.NaN : Quantiles.medianOfSorted(s);
    }

    private double statistic(String column, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("fillMissing(" + this + "): column \"" + column
                    + "\" has only missing values, so there is nothing to take the " + kind.name().toLowerCase()
                    + " of; fill it with constant(...) or drop the column");
        }
        return value;
    }

    private static void fillWith(double[] x, double value) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                x[i] = value;
            }
        }
    }

    private static void forward(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                x[i] = x[i - 1];
            }
        }
    }

    private static void backward(double[] x) {
        for (int i = x.length - 2; i >= 0; i--) {
            if (Double.isNaN(x[i])) {
                x[i] = x[i + 1];
            }
        }
    }

    /** pandas/numpy: {@code np.interp(k, [i, j], [x_i, x_j])} = slope·(k − i) + x_i inside a gap. */
    private static void interpolate(double[] x) {
        int last = -1;
        for (int j = 0; j < x.length; j++) {
            if (Double.isNaN(x[j])) {
                continue;
            }
            if (last >= 0 && j - last > 1) {
                double slope = (x[j] - x[last]) / (j - last);
                for (int k = last + 1; k < j; k++) {
                    x[k] = slope * (k - last) + x[last];
                }
            }
            last = j;
        }
        if (last >= 0) {
            for (int k = last + 1; k < x.length; k++) {
                x[k] = x[last];
            }
        }
    }

    private <T> Column<T> fillCells(Column<T> c) {
        int n = c.size();
        if (kind == Kind.FFILL) {
            for (int i = 1; i < n; i++) {
                if (c.isMissing(i) && !c.isMissing(i - 1)) {
                    c.set(i, c, i - 1);
                }
            }
        } else {
            for (int i = n - 2; i >= 0; i--) {
                if (c.isMissing(i) && !c.isMissing(i + 1)) {
                    c.set(i, c, i + 1);
                }
            }
        }
        return c;
    }

    private String modeText(StringColumn s) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (!s.isMissing(i)) {
                counts.merge(s.get(i), 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (c > bestCount || (c == bestCount && Nums.TEXT_ORDER.compare(e.getKey(), best) < 0)) {
                best = e.getKey();
                bestCount = c;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("fillMissing(" + this + "): column \"" + s.name()
                    + "\" has only missing values, so there is no mode; fill it with constant(\"...\") or drop it");
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FillStrategy f && f.kind == kind && Double.compare(f.number, number) == 0
                && Objects.equals(f.text, text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, number, text);
    }

    /** The factory call that makes this strategy, e.g. {@code constant(0.0)} or {@code ffill()}. */
    @Override
    public String toString() {
        if (kind == Kind.CONSTANT) {
            return text == null ? "constant(" + number + ")" : "constant(\"" + text + "\")";
        }
        return kind.name().toLowerCase() + "()";
    }
}
