package org.anomaly4j.detect.density;

/**
 * ECOD, empirical-cumulative-distribution-based outlier detection: a row is anomalous when its values sit in
 * the far tails of the per-feature empirical distributions, the tail chosen by each feature's skewness.
 * <p><b>Method</b> (PyOD's {@code ECOD}, {@code pyod/models/ecod.py} 3.x, lines 129–146). Per feature j, with
 * F_j the empirical CDF including the point itself (see {@link EmpiricalTails}):
 * <pre>  O_left = −log F_j(x_j),  O_right = −log F̄_j(x_j) (share of values ≥ x_j),
 *   O_auto = O_right if skew_j &gt; 0, O_left if skew_j &lt; 0, O_left + O_right if skew_j = 0,
 *   ECOD(x) = Σ_j max(O_left, O_right, O_auto)</pre>
 * Note: the paper (Li et al. 2022, Algorithm 1) takes the maximum of the three <i>sums</i> over features;
 * PyOD takes the maximum per feature and then sums, and we follow PyOD so that scores equal its scores.
 * There are no parameters (PyOD's {@code n_jobs} only parallelises).
 * <p><b>Scoring new rows.</b> Each row is scored among the training values plus itself — PyOD's
 * {@code decision_function} on that single row — so scores do not depend on the batch.
 * <p><b>Exactness.</b> Same ranks, same {@code linspace} arithmetic as PyOD; scores equal its to 1e-12
 * (−log's last bit and the order of the final sum).
 * <p><b>Complexity.</b> Fit O(d·n log n) (one sort per feature); scoring O(m·d·log n); state: the n·d
 * sorted training values (PyOD also keeps {@code X_train}).
 * <p><b>Reference.</b> Z. Li, Y. Zhao, X. Hu, N. Botta, C. Ionescu, G. H. Chen (2022), "ECOD: Unsupervised
 * Outlier Detection Using Empirical Cumulative Distribution Functions", IEEE Transactions on Knowledge and Data
 * Engineering 35(12), pp. 12181–12193.
 */
public final class Ecod {

    public static final String ALGORITHM = "ECOD";

    private Ecod() {
    }

    /** Fits on {@code x} (n ≥ 2 finite rows; not modified). */
    public static TailModel fit(double[][] x) {
        return TailModel.fit(TailModel.Rule.ECOD, x);
    }
}
