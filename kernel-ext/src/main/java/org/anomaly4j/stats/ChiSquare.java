package org.anomaly4j.stats;

/**
 * The chi-square distribution with integer degrees of freedom k: CDF P(k/2, x/2) (regularised lower
 * incomplete gamma function) and its inverse, to about 1e-15 — what the MCD consistency factors and the
 * reweighting cut need (scipy's {@code chi2.cdf}/{@code chi2.ppf}). Pure Java, own code: series for x &lt; a + 1, Lentz's continued fraction for the upper
 * tail otherwise (Press et al., Numerical Recipes, 3rd ed., §6.2), and ln Γ(k/2) exact by recurrence from
 * Γ(1) = 1 and Γ(1/2) = √π since k/2 is an integer or a half-integer.
 */
public final class ChiSquare {

    private ChiSquare() {
    }

    /** P(X ≤ x) for X ~ χ²(k), k ≥ 1. */
    public static double cdf(int k, double x) {
        if (k < 1) {
            throw new IllegalArgumentException("degrees of freedom must be ≥ 1, got " + k);
        }
        if (!(x > 0)) {
            return 0;
        }
        double a = k / 2.0;
        double z = x / 2;
        double front = Math.exp(-z + a * Math.log(z) - logGammaHalf(k));
        if (z < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++) {
                term *= z / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-17) {
                    break;
                }
            }
            return Math.min(1, sum * front);
        }
        // modified Lentz for Q(a, z) = front · 1/(z + 1 − a − 1·(1 − a)/(z + 3 − a − …))
        double tiny = 1e-300;
        double b = z + 1 - a;
        double c = 1 / tiny;
        double dd = 1 / b;
        double h = dd;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            dd = an * dd + b;
            if (Math.abs(dd) < tiny) {
                dd = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            dd = 1 / dd;
            double delta = dd * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-17) {
                break;
            }
        }
        return Math.max(0, 1 - front * h);
    }

    /** The p-quantile (scipy's {@code chi2.ppf(p, k)}; {@code isf(q)} = ppf(1 − q)), by bisection to the last bit. */
    public static double quantile(int k, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        }
        double lo = 0;
        double hi = Math.max(1, k);
        while (cdf(k, hi) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (cdf(k, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** ln Γ(k/2) by Γ(a + 1) = a Γ(a). */
    static double logGammaHalf(int k) {
        double sum = (k % 2 == 0) ? 0 : 0.5 * Math.log(Math.PI);
        for (int twice = (k % 2 == 0) ? 2 : 1; twice < k; twice += 2) {
            sum += Math.log(twice / 2.0);
        }
        return sum;
    }
}
