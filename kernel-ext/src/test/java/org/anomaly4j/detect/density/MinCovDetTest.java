package org.anomaly4j.detect.density;

import static org.anomaly4j.detect.density.DensityGolden.assertClose;
import static org.anomaly4j.detect.density.DensityGolden.matrix;
import static org.anomaly4j.detect.density.DensityGolden.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.anomaly4j.stats.ChiSquare;
import org.junit.jupiter.api.Test;

class MinCovDetTest {

    /** scipy 1.16.3 {@code chi2.ppf}/{@code chi2.cdf} and scikit-learn's {@code _consistency_factor}. */
    @Test
    void chiSquareMatchesScipy() {
        double[][] ppf = {{1, 0.5, 0.454936423119572}, {2, 0.975, 7.377758908227871},
            {4, 0.975, 11.143286781877796}, {9, 0.975, 19.02276779864163}, {21, 0.5, 20.337227563547934},
            {36, 0.975, 54.437293631813226}, {3, 0.5, 2.3659738843753377}};
        for (double[] c : ppf) {
            assertEquals(c[2], ChiSquare.quantile((int) c[0], c[1]), 1e-13 * c[2], "ppf " + c[0] + ", " + c[1]);
        }
        double[][] cdf = {{1, 0.001, 0.02522712063003961}, {3, 2.0, 0.42759329552912023},
            {6, 30.0, 0.9999606915518156}, {7, 0.5, 0.000553518609575035}, {50, 40.0, 0.1567726218262377}};
        for (double[] c : cdf) {
            assertEquals(c[2], ChiSquare.cdf((int) c[0], c[1]), 1e-14, "cdf " + c[0] + ", " + c[1]);
        }
        assertEquals(1.06446585827907, MinCovDet.consistencyFactor(4, 0.975), 1e-13);
        assertEquals(2.4223232354086606, MinCovDet.consistencyFactor(3, 132 / 260.0), 1e-13);
    }

    @Test
    void jacobiEigenRecoversAKnownSpectrum() {
        // Q diag(5, 2, 1e-3) Qᵀ with Q a rotation: eigenvalues back to 1e-14 (relative to the largest)
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] q = {{c, -s, 0}, {s * 0.6, c * 0.6, -0.8}, {s * 0.8, c * 0.8, 0.6}};
        double[] lam = {5, 2, 1e-3};
        double[] a = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    a[i * 3 + j] += q[i][k] * lam[k] * q[j][k];
                }
            }
        }
        SymmetricEigen e = new SymmetricEigen(a, 3);
        assertArrayEquals(lam, e.values, 1e-14 * 5);
        assertEquals(Math.log(5 * 2 * 1e-3), e.logDet(), 1e-12);
        double[] p = e.pseudoInverse();
        double[] x = {1, 2, 3};
        double[] zero = new double[3];
        double expected = 0;
        for (int k = 0; k < 3; k++) {
            double proj = q[0][k] * 1 + q[1][k] * 2 + q[2][k] * 3;
            expected += proj * proj / lam[k];
        }
        assertEquals(expected, SymmetricEigen.quadratic(x, zero, p, new double[3]), 1e-9 * expected);
    }

    private static MinCovDet options(JsonNode ref) {
        double sf = ref.get("support_fraction").isNull() ? Double.NaN : ref.get("support_fraction").asDouble();
        return new MinCovDet(sf, 0);
    }

    /**
     * Everything scikit-learn reports, to 1e-9 relative (summation order and eigen-solver; scores ~1e2 carry
     * round-off ~1e-13): support sizes exactly, raw and reweighted estimates, dist_, and
     * EllipticEnvelope.mahalanobis of the test rows.
     */
    private static void assertSameAsScikitLearn(JsonNode ref, MinCovDet.Fitted m, double[][] test) {
        assertEquals(ref.get("raw_support_size").asInt(), m.rawSupportSize(), "raw support");
        assertClose(vector(ref.get("raw_location")), m.rawLocation(), 1e-9, "raw location");
        assertClose(flat(matrix(ref.get("raw_covariance"))), m.rawCovariance(), 1e-9, "raw covariance");
        assertEquals(ref.get("support_size").asInt(), m.supportSize(), "reweighted support");
        assertClose(vector(ref.get("location")), m.location(), 1e-9, "location");
        assertClose(flat(matrix(ref.get("covariance"))), m.covariance(), 1e-9, "covariance");
        assertClose(vector(ref.get("train_scores")), m.trainingScores(), 1e-9, "dist_");
        assertClose(vector(ref.get("envelope_test_scores")), m.score(test), 1e-9, "EllipticEnvelope.mahalanobis");
    }

    /**
     * Where the h-subset among the inliers is not unique, the two random searches may stop in different local
     * minima: from scikit-learn's raw MCD our C-steps, correction and reweighting give its numbers to 1e-9, and
     * our own search must find a determinant at least as small (to 1e-4 in log).
     */
    private static void checkFromScikitLearnStart(JsonNode ref, double[][] train, double[][] test) {
        int d = train[0].length;
        double[] rawCov = flat(matrix(ref.get("raw_covariance")));
        MinCovDet.Fitted from = options(ref).fitFrom(train, vector(ref.get("raw_location")), rawCov);
        assertSameAsScikitLearn(ref, from, test);
        MinCovDet.Fitted own = options(ref).fit(train);
        double ours = new SymmetricEigen(own.rawCovariance(), d).logDet();
        double theirs = new SymmetricEigen(rawCov, d).logDet();
        assertTrue(ours <= theirs + 1e-4, "our MCD log det " + ours + " vs scikit-learn's " + theirs);
        double[] a = vector(ref.get("train_scores"));
        double[] b = own.trainingScores();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, a[i]));
        }
        System.out.println("MCD own search vs scikit-learn: log det " + ours + " vs " + theirs
                + ", largest relative score difference " + worst);
    }

    private static double[] flat(double[][] a) {
        int d = a.length;
        double[] f = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], 0, f, i * d, d);
        }
        return f;
    }

    @Test
    void equalsScikitLearnOnSmallData() {
        JsonNode g = DensityGolden.load("synthetic.json");
        double[][] train = matrix(g.get("train"));
        double[][] test = matrix(g.get("test"));
        // default h = 133 of 260: the MCD is unique here and both searches end on the same h rows
        assertSameAsScikitLearn(g.get("mcd"), options(g.get("mcd")).fit(train), test);
        checkFromScikitLearnStart(g.get("mcd_support_075"), train, test);
    }

    @Test
    void equalsScikitLearnOnTheSubsetPath() {
        JsonNode g = DensityGolden.load("mcd_large.json");
        checkFromScikitLearnStart(g.get("mcd"), matrix(g.get("train")), matrix(g.get("test")));
    }

    @Test
    void univariateIsTheShortestHalf() {
        // 1..7 and 100: h = ceil((8 + 1 + 1)/2) = 5; the shortest 5-window is any of 1..5, 2..6, 3..7 (width 4):
        // location = mean of their midpoints = 4, and 100 gets by far the largest distance
        double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}, {7}, {100}};
        MinCovDet.Fitted m = new MinCovDet().fit(x);
        double[] s = m.trainingScores();
        for (int i = 0; i < 7; i++) {
            assertTrue(s[7] > 100 * s[i], "row " + i);
        }
        assertEquals(4, m.rawLocation()[0], 1e-12);
    }

    @Test
    void sameSeedSameResultInputUntouchedAndRestorable() {
        double[][] x = matrix(DensityGolden.load("mcd_large.json").get("train"));
        double[][] before = Checks.copy(x);
        MinCovDet.Fitted a = new MinCovDet(Double.NaN, 3).fit(x);
        MinCovDet.Fitted b = new MinCovDet(Double.NaN, 3).fit(x);
        assertArrayEquals(before, x);
        assertArrayEquals(a.trainingScores(), b.trainingScores(), 0);
        MinCovDet.Fitted r = new MinCovDet.Fitted(a.location(), a.covariance(), a.rawLocation(), a.rawCovariance(),
                a.rawSupportSize(), a.supportSize(), a.trainingScores());
        assertArrayEquals(a.score(x), r.score(x), 0);
        assertArrayEquals(a.trainingScores(), a.score(x), 1e-12);
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() throws Exception {
        double[][] x = matrix(DensityGolden.load("mcd_large.json").get("train"));
        double[] common = new MinCovDet(Double.NaN, 5).fit(x).trainingScores();
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            double[] single = one.submit(() -> new MinCovDet(Double.NaN, 5).fit(x).trainingScores()).get();
            assertArrayEquals(common, single, 0);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void badInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MinCovDet(1.5, 0)).getMessage()
                .contains("supportFraction must be in (0.0, 1.0], got 1.5"));
        assertThrows(IllegalArgumentException.class, () -> new MinCovDet().fit(new double[][] {{1, 2}}));
        // more than half the rows identical: the MCD covariance is 0
        double[][] dup = new double[10][];
        for (int i = 0; i < 10; i++) {
            dup[i] = i < 8 ? new double[] {1, 1} : new double[] {i, -i};
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MinCovDet().fit(dup)).getMessage()
                .contains("supportFraction"));
        MinCovDet.Fitted m = new MinCovDet().fit(matrix(DensityGolden.load("synthetic.json").get("train")));
        assertThrows(IllegalArgumentException.class, () -> m.score(new double[][] {{1, 2}}));
    }
}
