package org.anomaly4j.plot;

/**
 * Receiver operating characteristic curves of one or more detectors on one chart: true-positive rate
 * against false-positive rate, each legend entry "name (AUC 0.912)", and the dashed chance diagonal
 * (AUC 0.5) that a detector scoring at random follows. Points are joined by straight lines, as scikit-learn's
 * {@code RocCurveDisplay} draws them (the trapezoidal AUC is the area under exactly this line).
 */
public final class RocChart {

    private RocChart() {
    }

    /**
     * @param curves x = false-positive rate, y = true-positive rate, summary = ROC AUC (NaN: not shown)
     */
    public static Figure create(String title, Curve... curves) {
        return Curves.create(title, "false-positive rate", "true-positive rate", "AUC", "linear", curves,
                "chance (AUC 0.5)", new double[] {0, 1}, new double[] {0, 1});
    }
}
