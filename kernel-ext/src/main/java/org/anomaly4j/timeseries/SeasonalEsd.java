package org.anomaly4j.timeseries;

import java.util.Arrays;

import org.anomaly4j.detect.Grubbs;
import org.anomaly4j.stats.Quantiles;
import org.anomaly4j.stats.StudentT;
import tech.tablesaw.api.Table;

/**
 * Seasonal hybrid ESD (S-H-ESD, Twitter's AnomalyDetection): global and local spikes in a seasonal series.
 * <p><b>Method</b> (Hochenbaum, Vallis &amp; Kejariwal 2017, §4.2). The series is decomposed by STL; the
 * residual is r = x − S − median(x) (the median stands in for the trend, which STL would bend towards
 * anomalies). Then Rosner's generalized ESD test runs on r with robust statistics: for i = 1..k,
 * <pre>
 *   R_i = max |r_j − median(r)| / MAD(r)      over the values still present (two-sided; one-sided: r_j − median
 *                                              or median − r_j), MAD = 1.4826·median|r − median| (R's mad())
 *   λ_i = (n − i)·t / √((n − i − 1 + t²)(n − i + 1)),  t = t_{p, n−i−1},  p = 1 − α/(2(n − i + 1))
 *                                              (one-sided: p = 1 − α/(n − i + 1))
 * </pre>
 * removing the value attaining R_i (the earliest among ties) after each step. The anomalies are the values
 * removed in steps 1..m with m the largest i where R_i &gt; λ_i. The loop stops early when the MAD of the
 * remaining values is 0.
 * <p><b>Parameters</b> (defaults of the R package's {@code AnomalyDetectionVec}, except the direction):
 * <ul>
 *   <li>{@code period} (required, ≥ 2; {@code period}); the series needs at least two periods;</li>
 *   <li>{@code maxAnoms} = 0.10, in (0, 0.49]: k = ⌊maxAnoms · n⌋ steps ({@code max_anoms});</li>
 *   <li>{@code alpha} = 0.05 ({@code alpha});</li>
 *   <li>{@code direction} = {@link Direction#BOTH} ({@code direction = 'both'}; the R package defaults to
 *   {@code 'pos'});</li>
 *   <li>{@code decomposition} = the package's {@code stl(s.window = "periodic", robust = TRUE)}:
 *   {@code Stl.with().period(p).periodic().robust(true).iterations(1, 15)}; any {@link Stl} can be given
 *   (its period is replaced by this period).</li>
 * </ul>
 * <p><b>Exactness.</b> t quantiles by {@link StudentT} (within 4e-11 of scipy's {@code t.ppf}); medians exact.
 * The STL is statsmodels' (see {@link Stl}), whose robustness weights use a correct median where R's Fortran
 * does not, so R's anomalies can differ in borderline cases.
 * <p><b>Complexity.</b> STL, then O(n log n + k·n): the remaining values are kept sorted, so each step finds
 * the median in O(1), the MAD by a merge of the two sides in O(n) and the extreme at an end.
 * <p><b>References.</b> J. Hochenbaum, O. S. Vallis, A. Kejariwal (2017), "Automatic Anomaly Detection in the
 * Cloud Via Statistical Learning", arXiv:1704.07706; B. Rosner (1983), "Percentage points for a generalized
 * ESD many-outlier procedure", Technometrics 25(2), 165–172.
 * <pre>{@code
 * SeasonalEsdResult r = SeasonalEsd.with().period(48).maxAnoms(0.02).detect(taxi, "value");
 * r.anomalies();
 * }</pre>
 *
 * @param period        samples per seasonal cycle (0 = not set yet)
 * @param maxAnoms      upper bound on the anomalies as a fraction of n
 * @param alpha         significance level
 * @param direction     which deviations count
 * @param decomposition STL options, or null for the package's periodic robust STL
 */
public record SeasonalEsd(int period, double maxAnoms, double alpha, Direction direction, Stl decomposition) {

    public static final double DEFAULT_MAX_ANOMS = 0.10;
    public static final double DEFAULT_ALPHA = 0.05;
    /** The package's bound on {@code max_anoms}: fewer than half the points can be anomalies. */
    public static final double MAX_MAX_ANOMS = 0.49;

    /** Which deviations from the median count as anomalies. */
    public enum Direction {
        /** Both signs ({@code 'both'}): |r − median|. */
        BOTH,
        /** Only values above ({@code 'pos'}): r − median. */
        POSITIVE,
        /** Only values below ({@code 'neg'}): median − r. */
        NEGATIVE
    }

    public SeasonalEsd {
        if (period != 0 && period < 2) {
            throw new IllegalArgumentException("period must be an integer >= 2, got " + period);
        }
        if (!(maxAnoms > 0 && maxAnoms <= MAX_MAX_ANOMS)) {
            throw new IllegalArgumentException("maxAnoms must be in (0, 0.49], got " + maxAnoms);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (direction != null && direction != Direction.BOTH && !(alpha < 0.5)) {
            throw new IllegalArgumentException("a one-sided test needs alpha < 0.5, got " + alpha);
        }
        if (direction == null) {
            throw new IllegalArgumentException("direction must not be null: BOTH, POSITIVE or NEGATIVE");
        }
    }

    /** Defaults: max 10 % anomalies, alpha 0.05, both directions, periodic robust STL; set the period. */
    public static SeasonalEsd with() {
        return new SeasonalEsd(0, DEFAULT_MAX_ANOMS, DEFAULT_ALPHA, Direction.BOTH, null);
    }

    /** Samples per seasonal cycle, ≥ 2. */
    public SeasonalEsd period(int p) {
        return new SeasonalEsd(p, maxAnoms, alpha, direction, decomposition);
    }

    /** Upper bound on the anomalies as a fraction of the series, in (0, 0.49]. */
    public SeasonalEsd maxAnoms(double fraction) {
        return new SeasonalEsd(period, fraction, alpha, direction, decomposition);
    }

    /** Significance level of each step's test, in (0, 1). */
    public SeasonalEsd alpha(double a) {
        return new SeasonalEsd(period, maxAnoms, a, direction, decomposition);
    }

    /** Which deviations count. */
    public SeasonalEsd direction(Direction d) {
        return new SeasonalEsd(period, maxAnoms, alpha, d, decomposition);
    }

    /** The STL options of the decomposition (the period is set to this period). */
    public SeasonalEsd decomposition(Stl stl) {
        return new SeasonalEsd(period, maxAnoms, alpha, direction, stl);
    }

    /** The STL actually used. */
    public Stl stl() {
        Stl base = decomposition != null ? decomposition : Stl.with().periodic().robust(true).iterations(1, 15);
        return base.period(period);
    }

    /** Detects anomalies in {@code x} (left unchanged). */
    public SeasonalEsdResult detect(double[] x) {
        return detect(x, "series");
    }

    /** Detects anomalies in a numeric column of a table, in row order. */
    public SeasonalEsdResult detect(Table table, String column) {
        return detect(SeriesInput.values(table, column), SeriesInput.columnName(column));
    }

    private SeasonalEsdResult detect(double[] x, String what) {
        if (period == 0) {
            throw new IllegalArgumentException("S-H-ESD needs a period: SeasonalEsd.with().period(24) for hourly "
                    + "data with a daily cycle");
        }
        SeriesInput.checkFinite(x, what, 2 * period, "S-H-ESD needs two full periods of " + period);
        int n = x.length;
        int k = (int) (n * maxAnoms);
        if (k < 1) {
            throw new IllegalArgumentException("maxAnoms · n = " + maxAnoms + " · " + n + " < 1: no anomaly can be "
                    + "tested; raise maxAnoms or use a longer series");
        }
        double[] seasonal = stl().fit(x).seasonal();
        double median = Quantiles.median(x);
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = x[i] - seasonal[i] - median;
        }
        return test(residual, seasonal, k, alpha, direction);
    }

    /**
     * The hybrid (median/MAD) generalized ESD test on residuals {@code r} with at most {@code k} steps; also the
     * entry point for residuals from another model.
     */
    public static SeasonalEsdResult test(double[] r, int k, double alpha, Direction direction) {
        SeriesInput.checkFinite(r, "residuals", 3, "the ESD test needs 3 values");
        if (k < 1 || k > r.length - 2) {
            throw new IllegalArgumentException("k must be in [1, n − 2] = [1, " + (r.length - 2) + "], got " + k);
        }
        if (!(alpha > 0 && alpha < (direction == Direction.BOTH ? 1 : 0.5))) {
            throw new IllegalArgumentException("alpha must be in (0, 1) (one-sided: (0, 0.5)), got " + alpha);
        }
        return test(r.clone(), new double[r.length], k, alpha, direction);
    }

    private static SeasonalEsdResult test(double[] r, double[] seasonal, int k, double alpha, Direction direction) {
        int n = r.length;
        // Remaining values sorted by (value, index): median in O(1), extremes at the ends, ties by time order.
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        int[] order = new int[n];
        int[] taken = new int[n];
        for (int i = 0; i < n; i++) {
            // Visiting i in time order fills each run of equal values with ascending indices.
            int first = leftmost(sorted, r[i]);
            order[first + taken[first]++] = i;
        }
        int[] candidates = new int[k];
        double[] statistics = new double[k];
        double[] critical = new double[k];
        int m = n;
        int steps = 0;
        int found = 0;
        for (int i = 1; i <= k; i++) {
            double med = middle(sorted, m);
            double mad = ResidualRule.MAD_SCALE * madOfSorted(sorted, m, med);
            if (mad == 0) {
                break;
            }
            // The extreme: the largest value (pos), the smallest (neg), or whichever end deviates more (both).
            int top = m - 1;
            while (top > 0 && sorted[top - 1] == sorted[m - 1]) {
                top--; // earliest index among equal largest values
            }
            double upper = (sorted[top] - med) / mad;
            double lower = (med - sorted[0]) / mad;
            int at;
            double stat;
            switch (direction) {
                case POSITIVE -> {
                    at = top;
                    stat = upper;
                }
                case NEGATIVE -> {
                    at = 0;
                    stat = lower;
                }
                default -> {
                    double up = Math.abs(upper);
                    double low = Math.abs(lower);
                    at = up > low || (up == low && order[top] < order[0]) ? top : 0;
                    stat = at == top ? up : low;
                }
            }
            candidates[i - 1] = order[at];
            statistics[i - 1] = stat;
            System.arraycopy(sorted, at + 1, sorted, at, m - at - 1);
            System.arraycopy(order, at + 1, order, at, m - at - 1);
            m--;
            critical[i - 1] = criticalValue(n, i, alpha, direction != Direction.BOTH);
            if (stat > critical[i - 1]) {
                found = i;
            }
            steps = i;
        }
        int[] anomalies = Arrays.copyOf(candidates, found);
        Arrays.sort(anomalies);
        return new SeasonalEsdResult(r, seasonal, Arrays.copyOf(candidates, steps), Arrays.copyOf(statistics, steps),
                Arrays.copyOf(critical, steps), anomalies, direction);
    }

    /**
     * Rosner's λ_i for step i of n values: (n − i)·t / √((n − i − 1 + t²)(n − i + 1)) with t the upper
     * α/(2(n − i + 1)) quantile (one-sided: α/(n − i + 1)) of Student's t with n − i − 1 degrees of freedom —
     * Grubbs' critical value for the n − i + 1 values present (at level 2α when one-sided), computed by
     * {@link Grubbs#criticalValue}.
     *
     * @throws IllegalArgumentException i outside [1, n − 2], alpha outside (0, 1) (one-sided: (0, 0.5))
     */
    public static double criticalValue(int n, int i, double alpha, boolean oneSided) {
        if (i < 1 || n - i - 1 < 1) {
            throw new IllegalArgumentException("step i must be in [1, n − 2] = [1, " + (n - 2) + "], got " + i);
        }
        if (oneSided && !(alpha < 0.5)) {
            throw new IllegalArgumentException("a one-sided test needs alpha < 0.5, got " + alpha);
        }
        return Grubbs.criticalValue(n - i + 1, oneSided ? 2 * alpha : alpha);
    }

    /** The first position of {@code v} in {@code sorted} (in {@link Double#compare} order, as Arrays.sort). */
    private static int leftmost(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Median of sorted[0 .. m−1]. */
    private static double middle(double[] sorted, int m) {
        int h = m / 2;
        return m % 2 == 1 ? sorted[h] : 0.5 * (sorted[h - 1] + sorted[h]);
    }

    /**
     * median |v − med| over sorted[0 .. m−1]: the deviations below the median (walking down from the middle) and
     * above it (walking up) are two increasing sequences; merging them up to the middle rank gives the median.
     */
    private static double madOfSorted(double[] sorted, int m, double med) {
        int lo = (m - 1) / 2;     // last index at or below the median position
        int hi = lo + 1;
        int need = m / 2;         // rank (from 0) of the upper middle deviation
        double previous = 0;
        double current = 0;
        for (int rank = 0; rank <= need; rank++) {
            double dl = lo >= 0 ? med - sorted[lo] : Double.POSITIVE_INFINITY;
            double dh = hi < m ? sorted[hi] - med : Double.POSITIVE_INFINITY;
            previous = current;
            if (dl <= dh) {
                current = dl;
                lo--;
            } else {
                current = dh;
                hi++;
            }
        }
        return m % 2 == 1 ? current : 0.5 * (previous + current);
    }
}
