package org.anomaly4j.detect;

import org.anomaly4j.detect.neighbors.NearestNeighbors;
import org.anomaly4j.detect.neighbors.Neighbors;
import org.anomaly4j.features.StandardScaler;

/**
 * LSCP, locally selective combination of parallel outlier ensembles: for each row, the member that agrees best
 * with the ensemble <em>near that row</em> gives the row's score. The {@code lscp} combination of
 * {@link Ensemble}.
 * <ol>
 *   <li>Pseudo ground truth: t_i = the mean of the members' normalised training scores of training row i
 *   (the paper's LSCP_A target; no labels are used).</li>
 *   <li>Local region of a row q: its {@value #REGION} nearest training rows (PyOD's {@code LSCP(local_region_size=30)})
 *   in Euclidean distance after each feature is standardised by its training mean and standard deviation
 *   ({@link StandardScaler}; a constant feature is only centred), so that no feature's unit decides what "near" means.</li>
 *   <li>Competence of member m at q: the Pearson correlation between its normalised training scores z_m and t over
 *   the region; the most correlated member is selected (the lowest index among equals) and q's score is that
 *   member's normalised score of q. A member constant on the region is passed over; where t or every member is
 *   constant on the region nothing can be judged and q gets the mean of the members' scores (t's own rule).</li>
 * </ol>
 * <p>Differences from the paper, for cost and determinism: one region in the full standardised space instead of the
 * intersection of k-NN lists over 20 random feature subspaces (which mainly helps at high dimension), and one
 * selected member (LSCP_A) rather than the AOM/MOA variants.
 * <p>Cost: a k-d tree or brute-force search of the training rows per scored row (fit O(n log n) at low dimension,
 * about O(n·d) per row above 15 dimensions), then O(members · 30) per row. A fitted model keeps its training rows.
 * <p>Reference: Y. Zhao, Z. Nasrullah, M. K. Hryniewicki, Z. Li (2019), "LSCP: Locally Selective Combination in
 * Parallel Outlier Ensembles", Proceedings of the SIAM International Conference on Data Mining (SDM), 585–593.
 */
final class LocalSelection {

    /** Rows in a local region: PyOD's {@code LSCP} default {@code local_region_size=30}. */
    static final int REGION = 30;

    private final double[][] training;
    private final StandardScaler.Fitted scaler;
    private final NearestNeighbors index;
    private final double[][] memberTraining;
    private final double[] target;

    /**
     * @param training       the training rows (not copied; the caller keeps them unchanged)
     * @param memberTraining each member's normalised training scores, {@code [member][row]}
     */
    LocalSelection(double[][] training, double[][] memberTraining) {
        this.training = training;
        scaler = StandardScaler.with().fit(training);
        index = NearestNeighbors.fit(scaler.transform(training));
        this.memberTraining = memberTraining;
        target = mean(memberTraining);
    }

    /** The training rows (written to model files). */
    double[][] training() {
        return training;
    }

    /** Combined scores of rows {@code x} whose normalised member scores are {@code memberScores[member][row]}. */
    double[] combine(double[][] x, double[][] memberScores) {
        int k = Math.min(REGION, training.length);
        Neighbors nb = index.kneighbors(scaler.transform(x), k);
        double[] fallback = mean(memberScores);
        double[] out = new double[x.length];
        int[] region = new int[k];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < k; j++) {
                region[j] = nb.index(i, j);
            }
            int m = choose(memberTraining, target, region);
            out[i] = m < 0 ? fallback[i] : memberScores[m][i];
        }
        return out;
    }

    /**
     * The member whose scores {@code z[m]} over the rows {@code region} correlate best with {@code target} over the
     * same rows (the lowest index among equals; a member constant there is passed over), or −1 when no member has a
     * correlation (the target or every member is constant over the region).
     */
    static int choose(double[][] z, double[] target, int[] region) {
        int best = -1;
        double bestCorr = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < z.length; m++) {
            double c = correlation(z[m], target, region);
            if (c > bestCorr) {
                bestCorr = c;
                best = m;
            }
        }
        return best;
    }

    /** Pearson correlation of a and b over the given rows (all rows when null); NaN when either is constant there. */
    static double correlation(double[] a, double[] b, int[] rows) {
        int n = rows == null ? a.length : rows.length;
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < n; k++) {
            int r = rows == null ? k : rows[k];
            ma += a[r];
            mb += b[r];
        }
        ma /= n;
        mb /= n;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int k = 0; k < n; k++) {
            int r = rows == null ? k : rows[k];
            double da = a[r] - ma;
            double db = b[r] - mb;
            saa += da * da;
            sbb += db * db;
            sab += da * db;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }

    /** Row-wise mean over members of {@code z[member][row]}. */
    static double[] mean(double[][] z) {
        double[] t = new double[z[0].length];
        for (double[] zm : z) {
            for (int i = 0; i < t.length; i++) {
                t[i] += zm[i];
            }
        }
        for (int i = 0; i < t.length; i++) {
            t[i] /= z.length;
        }
        return t;
    }
}
