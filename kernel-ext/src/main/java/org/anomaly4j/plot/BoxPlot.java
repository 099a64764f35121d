package org.anomaly4j.plot;

import java.util.Arrays;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.PairwiseSum;
import org.anomaly4j.stats.Quantiles;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * One box per numeric column, Tukey's box plot (Tukey, Exploratory Data Analysis, 1977): the box spans the
 * quartiles Q1–Q3 with a line at the median and a dashed line at the mean; the whiskers end at the most
 * extreme values within 1.5·IQR of the box (IQR = Q3 − Q1), and every value beyond them is drawn as a point
 * whose hover names its row — the classic IQR-fence outliers.
 * <p>The statistics are computed here, not by plotly.js: quartiles with numpy's and pandas' default linear
 * interpolation ({@code Series.quantile}), the mean with numpy's pairwise sum, so the box matches
 * {@code df[col].quantile([.25, .5, .75])} and {@code df.boxplot()} (golden {@code golden/plot/box.json}).
 * Missing values are left out. Cost O(n log n) per column.
 */
public final class BoxPlot {

    /** Tukey's whisker reach, in IQRs (Tukey 1977; matplotlib's {@code whis=1.5}, plotly.js's default). */
    static final double WHISKER = 1.5;

    private BoxPlot() {
    }

    /** Box statistics of one column: quartiles, whisker ends, mean, count and the rows beyond the whiskers. */
    record Stats(double q1, double median, double q3, double lowerWhisker, double upperWhisker, double mean,
                 int count, int[] outlierRows, double[] outlierValues) {
    }

    /** One box per column, in the order given. */
    public static Figure create(String title, Table table, String... columns) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("Name at least one numeric column to draw, e.g. boxPlot(table, \""
                    + (table == null || table.columnCount() == 0 ? "x" : table.column(0).name()) + "\")");
        }
        ArrayNode data = Traces.array();
        for (int c = 0; c < columns.length; c++) {
            String name = columns[c];
            Stats s = stats(Columns.requireNumeric(table, name));
            String color = Palette.series(c);
            String label = Traces.text(name);
            ObjectNode box = Traces.object();
            box.put("type", "box");
            box.put("name", label);
            box.putArray("x").add(label);
            box.putArray("q1").add(s.q1());
            box.putArray("median").add(s.median());
            box.putArray("q3").add(s.q3());
            box.putArray("lowerfence").add(s.lowerWhisker());
            box.putArray("upperfence").add(s.upperWhisker());
            box.putArray("mean").add(s.mean());
            box.put("boxpoints", false);
            box.put("legendgroup", label);
            box.putObject("marker").put("color", color);
            box.putObject("line").put("color", color);
            data.add(box);
            ObjectNode points = Traces.object();
            points.put("type", "scatter");
            points.put("mode", "markers");
            points.put("name", label + " beyond whiskers (" + s.outlierRows().length + ")");
            points.put("legendgroup", label);
            ArrayNode xs = points.putArray("x");
            ArrayNode rows = points.putArray("customdata");
            for (int i = 0; i < s.outlierRows().length; i++) {
                xs.add(label);
                rows.add(s.outlierRows()[i]);
            }
            points.set("y", Traces.numbers(s.outlierValues()));
            points.putObject("marker").put("color", color).put("size", 5).put("symbol", "circle-open");
            points.put("hovertemplate", "row %{customdata}: %{y:.6~g}<extra>" + Traces.template(name) + "</extra>");
            data.add(points);
        }
        ObjectNode layout = Traces.layout(title, columns.length == 1 ? columns[0] : "column", "value");
        layout.put("showlegend", true);
        return Figure.of(data, layout);
    }

    /** The box statistics of a column's present values (at least one). */
    static Stats stats(NumericColumn<?> c) {
        int n = c.size();
        double[] v = new double[n];
        double[] zeroed = new double[n]; // pandas' mean: missing values as 0 in numpy's pairwise sum
        int[] row = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!c.isMissing(i)) {
                double d = c.getDouble(i);
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("Column \"" + c.name() + "\" has the value " + d + " at row "
                            + i + "; a box plot needs finite values (clip(...) or drop the row)");
                }
                v[k] = d;
                zeroed[i] = d;
                row[k++] = i;
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("Column \"" + c.name() + "\" has no values to draw (all missing)");
        }
        double[] present = Arrays.copyOf(v, k);
        double[] sorted = present.clone();
        Arrays.sort(sorted);
        double q1 = Quantiles.quantileOfSorted(sorted, 0.25);
        double q3 = Quantiles.quantileOfSorted(sorted, 0.75);
        double lowFence = q1 - WHISKER * (q3 - q1);
        double highFence = q3 + WHISKER * (q3 - q1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int outliers = 0;
        for (double d : present) {
            if (d < lowFence || d > highFence) {
                outliers++;
            } else {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        int[] outRows = new int[outliers];
        double[] outValues = new double[outliers];
        int o = 0;
        for (int i = 0; i < k; i++) {
            if (present[i] < lowFence || present[i] > highFence) {
                outRows[o] = row[i];
                outValues[o++] = present[i];
            }
        }
        return new Stats(q1, Quantiles.quantileOfSorted(sorted, 0.5), q3, lo, hi, PairwiseSum.of(zeroed) / k, k,
                outRows, outValues);
    }
}
