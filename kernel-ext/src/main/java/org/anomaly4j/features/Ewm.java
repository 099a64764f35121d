package org.anomaly4j.features;

import java.util.Locale;

import org.anomaly4j.data.Columns;
import org.anomaly4j.stats.Nums;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Exponentially weighted mean, variance and standard deviation with the semantics of pandas
 * {@code Series.ewm(span=..., alpha=..., com=..., adjust=True, ignore_na=False, min_periods=0)} followed by
 * {@code .mean()}, {@code .var()} or {@code .std()} (both {@code bias=False}).
 * <pre>{@code
 * Ewm.span(12).mean(hive, "T17")                      // adds T17_ewm_span_12_mean
 * Ewm.alpha(0.3).adjust(false).std(hive, "T17")       // adds T17_ewm_alpha_0.3_std
 * }</pre>
 *
 * <h2>Decay</h2>
 * Exactly one of span (≥ 1), alpha (in (0, 1]) or centre of mass com (≥ 0) sets the smoothing factor, as in
 * pandas: com = (span − 1)/2 or com = (1 − α)/α, then α = 1/(1 + com) (computed in that order, so the doubles
 * equal pandas'). halflife and times are not supported.
 *
 * <h2>Formulas</h2>
 * With weights w_k = (1 − α)^k on the value k steps back:
 * <ul>
 *   <li>{@code adjust = true} (default): mean_t = Σ w_k x_{t−k} / Σ w_k.</li>
 *   <li>{@code adjust = false}: mean_t = (1 − α)·mean_{t−1} + α·x_t, mean_0 = x_0.</li>
 *   <li>var: the weighted variance around the weighted mean, times the bias correction
 *       (Σw)² / ((Σw)² − Σw²) (pandas {@code bias=False}); std = √var. A single observation has NaN variance.</li>
 * </ul>
 * Computed with pandas' online recurrences ({@code ewm} and {@code ewmcov} in
 * {@code _libs/window/aggregations.pyx}), O(n) time.
 *
 * <h2>Missing values</h2>
 * NaN (and ±∞, which pandas turns into NaN) carries the previous mean forward and is not an observation. With
 * {@code ignoreNa = false} (pandas default) a gap still ages the older weights, so weights follow absolute
 * positions; with {@code ignoreNa = true} gaps are skipped. Rows before the first {@code minPeriods}
 * observations (at least 1, as pandas) are NaN; leading NaNs stay NaN.
 *
 * <h2>Output columns</h2>
 * {@code <column>_ewm_<span|alpha|com>_<value>_<mean|var|std>}, e.g. {@code T17_ewm_span_12_mean}; whole
 * numbers print without decimals.
 *
 * @param decay      which parameter sets the smoothing factor
 * @param value      its value
 * @param adjust     divide by the running sum of weights (pandas {@code adjust}, default true)
 * @param ignoreNa   skip missing values when ageing weights (pandas {@code ignore_na}, default false)
 * @param minPeriods observations needed for a result (pandas {@code min_periods}, default 0, used as 1)
 */
public record Ewm(Decay decay, double value, boolean adjust, boolean ignoreNa, int minPeriods) {

    /** The parameter that sets the smoothing factor. */
    public enum Decay {
        /** pandas {@code span}: α = 2/(span + 1). */
        SPAN,
        /** pandas {@code alpha}. */
        ALPHA,
        /** pandas {@code com}: α = 1/(1 + com). */
        COM
    }

    /** Checks the options with pandas' rules and messages. */
    public Ewm {
        if (decay == null) {
            throw new IllegalArgumentException("ewm: decay is null; use Ewm.span(...), Ewm.alpha(...) or Ewm.com(...)");
        }
        switch (decay) {
            case SPAN -> {
                if (!(value >= 1) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("ewm span must satisfy span >= 1, got " + value);
                }
            }
            case ALPHA -> {
                if (!(value > 0 && value <= 1)) {
                    throw new IllegalArgumentException("ewm alpha must satisfy 0 < alpha <= 1, got " + value);
                }
            }
            case COM -> {
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("ewm com must satisfy com >= 0, got " + value);
                }
            }
        }
        if (minPeriods < 0) {
            throw new IllegalArgumentException("ewm minPeriods must be >= 0, got " + minPeriods);
        }
    }

    /** Smoothing by span (pandas {@code ewm(span=...)}), α = 2/(span + 1); pandas defaults otherwise. */
    public static Ewm span(double span) {
        return new Ewm(Decay.SPAN, span, true, false, 0);
    }

    /** Smoothing factor α directly (pandas {@code ewm(alpha=...)}); pandas defaults otherwise. */
    public static Ewm alpha(double alpha) {
        return new Ewm(Decay.ALPHA, alpha, true, false, 0);
    }

    /** Smoothing by centre of mass (pandas {@code ewm(com=...)}), α = 1/(1 + com); pandas defaults otherwise. */
    public static Ewm com(double com) {
        return new Ewm(Decay.COM, com, true, false, 0);
    }

    /** These options with pandas {@code adjust}. */
    public Ewm adjust(boolean adjust) {
        return new Ewm(decay, value, adjust, ignoreNa, minPeriods);
    }

    /** These options with pandas {@code ignore_na}. */
    public Ewm ignoreNa(boolean ignoreNa) {
        return new Ewm(decay, value, adjust, ignoreNa, minPeriods);
    }

    /** These options with pandas {@code min_periods}. */
    public Ewm minPeriods(int minPeriods) {
        return new Ewm(decay, value, adjust, ignoreNa, minPeriods);
    }

    /** The centre of mass, computed as pandas {@code get_center_of_mass}. */
    public double centerOfMass() {
        return switch (decay) {
            case SPAN -> (value - 1) / 2.0;
            case ALPHA -> (1 - value) / value;
            case COM -> value;
        };
    }

    /** The smoothing factor α = 1/(1 + com), computed from the centre of mass as pandas does. */
    public double alpha() {
        return 1.0 / (1.0 + centerOfMass());
    }

    /** Weight of the newest value in pandas' recurrences: 1 with {@code adjust}, else α. */
    private double newWeight() {
        return adjust ? 1.0 : alpha();
    }

    // ---------------------------------------------------------------- tables

    /** Adds {@code <column>_ewm_<decay>_<value>_mean}. */
    public Table mean(Table table, String column) {
        return add(table, column, "mean", mean(values(table, column)));
    }

    /** Adds {@code <column>_ewm_<decay>_<value>_var} (bias-corrected). */
    public Table var(Table table, String column) {
        return add(table, column, "var", var(values(table, column)));
    }

    /** Adds {@code <column>_ewm_<decay>_<value>_std} (square root of the bias-corrected variance). */
    public Table std(Table table, String column) {
        return add(table, column, "std", std(values(table, column)));
    }

    /** The output column name, e.g. {@code T17_ewm_span_12_mean}. */
    public String columnName(String column, String stat) {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
        return column + "_ewm_" + decay.name().toLowerCase(Locale.ROOT) + "_" + v + "_" + stat;
    }

    private static double[] values(Table table, String column) {
        Columns.requireRows(table, "ewm");
        return Columns.values(table, column);
    }

    private Table add(Table table, String column, String stat, double[] values) {
        return Columns.withAdded(table, "ewm", DoubleColumn.create(columnName(column, stat), values));
    }

    // ---------------------------------------------------------------- arrays

    /** Exponentially weighted mean of {@code x} (a new array; pandas {@code ewm(...).mean()}). */
    public double[] mean(double[] x) {
        double[] v = checked(x);
        int n = v.length;
        double[] out = new double[n];
        double oldWtFactor = 1.0 - alpha();
        double newWt = newWeight();
        int minp = Math.max(minPeriods, 1);
        double weighted = v[0];
        int nobs = weighted == weighted ? 1 : 0;
        out[0] = nobs >= minp ? weighted : Double.NaN;
        double oldWt = 1.0;
        for (int i = 1; i < n; i++) {
            double cur = v[i];
            boolean obs = cur == cur;
            if (obs) {
                nobs++;
            }
            if (weighted == weighted) {
                if (obs || !ignoreNa) {
                    oldWt *= oldWtFactor;
                    if (obs) {
                        // pandas: avoid rounding noise on constant series
                        if (weighted != cur) {
                            weighted = oldWt * weighted + newWt * cur;
                            weighted /= oldWt + newWt;
                        }
                        oldWt = adjust ? oldWt + newWt : 1.0;
                    }
                }
            } else if (obs) {
                weighted = cur;
            }
            out[i] = nobs >= minp ? weighted : Double.NaN;
        }
        return out;
    }

    /** Bias-corrected exponentially weighted variance of {@code x} (pandas {@code ewm(...).var()}). */
    public double[] var(double[] x) {
        double[] v = checked(x);
        double[] out = new double[v.length];
        double oldWtFactor = 1.0 - alpha();
        double newWt = newWeight();
        double mean = v[0];
        int nobs = mean == mean ? 1 : 0;
        out[0] = Double.NaN;
        double cov = 0.0;
        double sumWt = 1.0;
        double sumWt2 = 1.0;
        double oldWt = 1.0;
        int minp = Math.max(minPeriods, 1);
        for (int i = 1; i < v.length; i++) {
            double cur = v[i];
            boolean obs = cur == cur;
            if (obs) {
                nobs++;
            }
            if (mean == mean) {
                if (obs || !ignoreNa) {
                    sumWt *= oldWtFactor;
                    sumWt2 *= oldWtFactor * oldWtFactor;
                    oldWt *= oldWtFactor;
                    if (obs) {
                        double oldMean = mean;
                        if (mean != cur) {
                            mean = (oldWt * oldMean + newWt * cur) / (oldWt + newWt);
                        }
                        cov = (oldWt * (cov + (oldMean - mean) * (oldMean - mean))
                                + newWt * ((cur - mean) * (cur - mean))) / (oldWt + newWt);
                        sumWt += newWt;
                        sumWt2 += newWt * newWt;
                        oldWt += newWt;
                        if (!adjust) {
                            sumWt /= oldWt;
                            sumWt2 /= oldWt * oldWt;
                            oldWt = 1.0;
                        }
                    }
                }
            } else if (obs) {
                mean = cur;
            }
            if (nobs >= minp) {
                double numerator = sumWt * sumWt;
                double denominator = numerator - sumWt2;
                out[i] = denominator > 0 ? numerator / denominator * cov : Double.NaN;
            } else {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** Square root of {@link #var(double[])}; a negative rounding residue gives 0 (pandas {@code zsqrt}). */
    public double[] std(double[] x) {
        double[] out = var(x);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] < 0 ? 0.0 : Math.sqrt(out[i]);
        }
        return out;
    }

    private static double[] checked(double[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("ewm: the data has no values");
        }
        return Nums.infinitiesAsNaN(x);
    }
}
