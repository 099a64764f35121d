package org.anomaly4j.plot;

import java.util.Locale;

/**
 * Precision–recall curves of one or more detectors on one chart: precision against recall, each legend entry
 * "name (AP 0.850)", and a dashed horizontal line at the prevalence (the share of anomalies), which is the
 * precision of a detector scoring at random. Points are joined as steps (horizontal, then vertical: the
 * "steps-post" style of scikit-learn's {@code PrecisionRecallDisplay}), whose area is the average precision
 * {@code AP = Σ (R_n − R_{n−1}) P_n}.
 */
public final class PrecisionRecallChart {

    private PrecisionRecallChart() {
    }

    /**
     * @param prevalence share of anomalies in the evaluated rows, in (0, 1)
     * @param curves     x = recall, y = precision (scikit-learn's order), summary = average precision
     */
    public static Figure create(String title, double prevalence, Curve... curves) {
        if (!(prevalence > 0 && prevalence < 1)) {
            throw new IllegalArgumentException("prevalence (share of anomalies) must be in (0, 1), got "
                    + prevalence);
        }
        return Curves.create(title, "recall", "precision", "AP", "hv", curves,
                String.format(Locale.ROOT, "chance (prevalence %.3f)", prevalence),
                new double[] {0, 1}, new double[] {prevalence, prevalence});
    }
}
