package org.anomaly4j.plot;

import java.util.Arrays;

/**
 * One named curve for {@link RocChart} or {@link PrecisionRecallChart}: points (x[i], y[i]) in drawing order
 * and a one-number summary for the legend (ROC AUC, average precision; NaN to show none). For ROC x is the
 * false-positive rate and y the true-positive rate; for precision–recall x is recall and y precision, in the
 * order scikit-learn's {@code precision_recall_curve} returns them. {@code thresholds} (may be null) are the
 * score cut-offs of the points, shown in the hover: one per point, or one fewer as scikit-learn's
 * {@code precision_recall_curve} returns them (its last point, recall 0 and precision 1, has no threshold:
 * it is kept as NaN). Non-finite thresholds (ROC's first, +∞) show no value in the hover.
 * <p>Arrays are copied in and out, so a curve never changes.
 */
public record Curve(String name, double[] x, double[] y, double summary, double[] thresholds) {

    public Curve {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A curve needs a name (the model's or detector's), got \""
                    + name + "\"");
        }
        Traces.requireFinite("Curve \"" + name + "\" x", x);
        Traces.requireFinite("Curve \"" + name + "\" y", y);
        Traces.requireLength("Curve \"" + name + "\" x", x.length, "y", y.length);
        if (x.length < 2) {
            throw new IllegalArgumentException("Curve \"" + name + "\" has " + x.length
                    + " point(s); a curve needs at least 2");
        }
        if (thresholds != null) {
            if (thresholds.length == x.length - 1) {
                thresholds = Arrays.copyOf(thresholds, x.length);
                thresholds[x.length - 1] = Double.NaN;
            } else {
                Traces.requireLength("Curve \"" + name + "\" thresholds", thresholds.length, "x", x.length);
                thresholds = thresholds.clone();
            }
        }
        x = x.clone();
        y = y.clone();
    }

    /** A curve without thresholds. */
    public Curve(String name, double[] x, double[] y, double summary) {
        this(name, x, y, summary, null);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds == null ? null : thresholds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && c.name.equals(name) && Arrays.equals(c.x, x) && Arrays.equals(c.y, y)
                && Double.compare(c.summary, summary) == 0 && Arrays.equals(c.thresholds, thresholds);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.hashCode(x)) * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + x.length + " points, summary " + summary + "]";
    }
}
