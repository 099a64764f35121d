package org.anomaly4j.timeseries;

/**
 * A smoothed series from {@link Ets}: one-step-ahead forecasts, residuals, σ² and the final states, with
 * bands, scores, flags and forecasts. Immutable: the accessors return copies.
 *
 * @param model    the options used
 * @param observed the series
 * @param fitted   one-step-ahead forecasts ŷ_t (statsmodels {@code fittedvalues})
 * @param resid    y_t − ŷ_t
 * @param mse      σ² = Σ resid² / n
 * @param initial  initial states {level, trend, s_0 .. s_{m−1}} used
 * @param level    level after the last value
 * @param slope    trend after the last value (0 without a trend)
 * @param season   the last m seasonal values, oldest first (time n − m .. n − 1; zeros without a season)
 */
public record EtsResult(Ets model, double[] observed, double[] fitted, double[] resid, double mse, double[] initial,
                        double level, double slope, double[] season) {

    public EtsResult {
        observed = observed.clone();
        fitted = fitted.clone();
        resid = resid.clone();
        initial = initial.clone();
        season = season.clone();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] resid() {
        return resid.clone();
    }

    @Override
    public double[] initial() {
        return initial.clone();
    }

    @Override
    public double[] season() {
        return season.clone();
    }

    /** σ = √mse. */
    public double sigma() {
        return Math.sqrt(mse);
    }

    /** The band ŷ_t − k·σ. */
    public double[] lower() {
        return band(-1);
    }

    /** The band ŷ_t + k·σ. */
    public double[] upper() {
        return band(1);
    }

    private double[] band(int sign) {
        double half = model.k() * Math.sqrt(mse);
        double[] out = new double[fitted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fitted[i] + sign * half;
        }
        return out;
    }

    /** |resid| / σ, higher = more anomalous. */
    public double[] scores() {
        double s = Math.sqrt(mse);
        double[] out = new double[resid.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(resid[i]) / s;
        }
        return out;
    }

    /** Points outside their band: score &gt; k. */
    public boolean[] flags() {
        double[] s = scores();
        boolean[] f = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = s[i] > model.k();
        }
        return f;
    }

    /** The chart view: statistic = observed, centre = forecast, bands, scores and flags. */
    public ControlChart chart() {
        return new ControlChart(observed, fitted, lower(), upper(), scores(), flags());
    }

    /** Point forecasts of the next {@code h} values (the recursion continued with zero errors). */
    public double[] forecast(int h) {
        if (h < 1) {
            throw new IllegalArgumentException("horizon h must be >= 1, got " + h);
        }
        double phi = model.trend() ? model.phi() : 1;
        double l = level;
        double b = slope;
        int m = season.length;
        double[] out = new double[h];
        for (int step = 0; step < h; step++) {
            double bt = phi * b;
            double lt = l + bt;
            out[step] = lt + season[step % m];
            l = lt;
            b = bt;
        }
        return out;
    }

    /** Variances of the h forecast errors: σ² times Hyndman et al.'s relative variance (steps 1 .. h). */
    public double[] forecastVariance(int h) {
        if (h < 1) {
            throw new IllegalArgumentException("horizon h must be >= 1, got " + h);
        }
        double[] out = new double[h];
        for (int step = 1; step <= h; step++) {
            out[step - 1] = mse * model.relativeVariance(step);
        }
        return out;
    }

    @Override
    public String toString() {
        return "EtsResult[n=" + resid.length + ", sigma=" + Math.sqrt(mse) + ", " + model + "]";
    }
}
