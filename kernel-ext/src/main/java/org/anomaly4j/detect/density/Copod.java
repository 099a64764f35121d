package org.anomaly4j.detect.density;

/**
 * COPOD, copula-based outlier detection: a row is anomalous when it lies in the tails of the empirical copula
 * of the training data, i.e. when its per-feature empirical tail probabilities are jointly small.
 * <p><b>Method</b> (PyOD's {@code COPOD}, {@code pyod/models/copod.py} 3.x, lines 127–141). With the empirical
 * copula observations U = F_j(x_j) and V = F̄_j(x_j) (share of training values ≤, resp. ≥, x_j, the point
 * itself included; see {@link EmpiricalTails}), per feature
 * <pre>  O_left = −log U,  O_right = −log V,
 *   O_skew = O_right if skew_j &gt; 0, O_left if skew_j &lt; 0, O_left + O_right if skew_j = 0,
 *   COPOD(x) = Σ_j max(O_skew, (O_left + O_right) / 2)</pre>
 * (the paper's −log of the copula tail probabilities, with its skewness correction; the sums of logs are the
 * logs of the products of the per-feature probabilities). No parameters.
 * <p><b>Scoring new rows.</b> Each row is scored among the training values plus itself — PyOD's
 * {@code decision_function} on that single row — so scores do not depend on the batch.
 * <p><b>Exactness.</b> Equal to PyOD's formula to 1e-12 (−log's last bit, order of the final sum).
 * <p><b>Complexity.</b> Fit O(d·n log n); scoring O(m·d·log n); state: the n·d sorted training values.
 * <p><b>Reference.</b> Z. Li, Y. Zhao, N. Botta, C. Ionescu, X. Hu (2020), "COPOD: Copula-Based Outlier
 * Detection", IEEE International Conference on Data Mining (ICDM), pp. 1118–1123.
 */
public final class Copod {

    public static final String ALGORITHM = "COPOD";

    private Copod() {
    }

    /** Fits on {@code x} (n ≥ 2 finite rows; not modified). */
    public static TailModel fit(double[][] x) {
        return TailModel.fit(TailModel.Rule.COPOD, x);
    }
}
