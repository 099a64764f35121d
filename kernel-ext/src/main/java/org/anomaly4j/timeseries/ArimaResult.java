package org.anomaly4j.timeseries;

import org.apache.commons.math3.special.Erf;

/**
 * A filtered series from {@link Arima}: one-step-ahead predictions, their variances and the log-likelihood, with
 * bands, scores and flags. Immutable: the accessors return copies.
 *
 * @param model         the model, with the parameters used (given or estimated)
 * @param observed      the series (NaN = missing)
 * @param fitted        one-step-ahead predictions ŷ_t (statsmodels {@code fittedvalues})
 * @param variance      their variances F_t (statsmodels {@code forecasts_error_cov}, {@code var_pred_mean})
 * @param logLikelihood exact log-likelihood without the first d + sD points (statsmodels {@code llf})
 */
public record ArimaResult(Arima model, double[] observed, double[] fitted, double[] variance, double logLikelihood) {

    public ArimaResult {
        observed = observed.clone();
        fitted = fitted.clone();
        variance = variance.clone();
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
    public double[] variance() {
        return variance.clone();
    }

    /** The estimated or given parameters, in statsmodels' order ({@link Arima#paramNames()}). */
    public double[] params() {
        return model.params();
    }

    /** y_t − ŷ_t (NaN where y_t is missing). */
    public double[] resid() {
        double[] out = new double[fitted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = observed[i] - fitted[i];
        }
        return out;
    }

    /** z = Φ⁻¹(1 − α/2), the band half-width in standard deviations (1.959964 for α = 0.05). */
    public double z() {
        // Φ⁻¹(1 − α/2) = √2·erfc⁻¹(α), without the rounding of 1 − α/2
        return Math.sqrt(2) * Erf.erfcInv(model.alpha());
    }

    /** The band ŷ_t − z·√F_t (statsmodels {@code conf_int(alpha)}, lower column). */
    public double[] lower() {
        return band(-1);
    }

    /** The band ŷ_t + z·√F_t. */
    public double[] upper() {
        return band(1);
    }

    private double[] band(int sign) {
        double z = z();
        double[] out = new double[fitted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fitted[i] + sign * z * Math.sqrt(variance[i]);
        }
        return out;
    }

    /** |y_t − ŷ_t| / √F_t, higher = more anomalous (0 where y_t is missing). */
    public double[] scores() {
        double[] out = new double[fitted.length];
        for (int i = 0; i < out.length; i++) {
            double e = Math.abs(observed[i] - fitted[i]) / Math.sqrt(variance[i]);
            out[i] = Double.isNaN(e) ? 0 : e;
        }
        return out;
    }

    /** Points outside their band: score &gt; z. */
    public boolean[] flags() {
        double[] s = scores();
        double z = z();
        boolean[] f = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = s[i] > z;
        }
        return f;
    }

    /** The chart view: statistic = observed, centre = prediction, bands, scores and flags. */
    public ControlChart chart() {
        return new ControlChart(observed, fitted, lower(), upper(), scores(), flags());
    }

    @Override
    public String toString() {
        return "ArimaResult[n=" + fitted.length + ", logLikelihood=" + logLikelihood + ", " + model + "]";
    }
}
