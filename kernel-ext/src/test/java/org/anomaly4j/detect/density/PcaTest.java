package org.anomaly4j.detect.density;

import static org.anomaly4j.detect.density.DensityGolden.assertClose;
import static org.anomaly4j.detect.density.DensityGolden.matrix;
import static org.anomaly4j.detect.density.DensityGolden.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;

import org.anomaly4j.detect.density.Pca.Scoring;
import org.junit.jupiter.api.Test;

class PcaTest {

    /**
     * By hand, unstandardised: rows (±1, 0), (0, ±2) have covariance (n − 1 = 3) diag(2/3, 8/3), so λ = (8/3, 2/3)
     * with v_1 = (0, 1), v_2 = (1, 0). Projection score of (1, 1) = 1/(8/3) + 1/(2/3) = 1.875; of the minor
     * component only, 1.5; unweighted minor only = squared reconstruction error from v_1 = 1.
     */
    @Test
    void handWorked() {
        double[][] x = {{1, 0}, {-1, 0}, {0, 2}, {0, -2}};
        double[][] probe = {{1, 1}, {0, 2}};
        Pca.Fitted all = new Pca(Scoring.PROJECTION, 0, true, false).fit(x);
        assertArrayEquals(new double[] {8 / 3.0, 2 / 3.0}, all.variance(), 1e-15);
        assertArrayEquals(new double[] {0, 1}, all.components()[0], 1e-15);
        assertArrayEquals(new double[] {1.875, 1.5}, all.score(probe), 1e-14);
        assertArrayEquals(new double[] {1.5, 0},
                new Pca(Scoring.PROJECTION, 1, true, false).fit(x).score(probe), 1e-14);
        assertArrayEquals(new double[] {1, 0}, new Pca(Scoring.PROJECTION, 1, false, false).fit(x).score(probe), 1e-14);
        // PyOD's quantity for (0, 2) over both components: ‖(0,2) − (0,1)‖/0.8 + ‖(0,2) − (1,0)‖/0.2
        assertEquals(1 / 0.8 + Math.sqrt(5) / 0.2, new Pca(Scoring.PYOD, 0, true, false).fit(x).score(probe)[1],
                1e-13);
    }

    private static void checkGolden(JsonNode g, double[][] train) {
        double[][] test = matrix(g.get("test"));
        JsonNode ref = g.get("pca");
        Pca.Fitted p = new Pca().fit(train);
        double[] lam = vector(ref.get("explained_variance"));
        // eigenvalues: Jacobi vs LAPACK's eigh, both backward stable: agreement ~1e-15·λ_1; 1e-12 leaves room
        double[] ours = p.variance();
        for (int k = 0; k < lam.length; k++) {
            assertEquals(lam[k], ours[k], 1e-12 * lam[0], "eigenvalue " + k);
        }
        // eigenvectors (distinct eigenvalues) after scikit-learn's sign rule: 1e-9 (error ~ ε / eigengap)
        double[][] comps = matrix(ref.get("components"));
        for (int k = 0; k < comps.length; k++) {
            assertArrayEquals(comps[k], p.components()[k], 1e-9, "component " + k);
        }
        // scores: 1e-9 relative, dominated by the same eigenvector error
        assertClose(vector(ref.get("projection_train")), p.trainingScores(), 1e-9, "projection train");
        assertClose(vector(ref.get("projection_test")), p.score(test), 1e-9, "projection test");
        Pca.Fitted py = new Pca(Scoring.PYOD, 0, true, true).fit(train);
        assertClose(vector(ref.get("pyod_train")), py.trainingScores(), 1e-9, "PyOD train");
        assertClose(vector(ref.get("pyod_test")), py.score(test), 1e-9, "PyOD test");
    }

    @Test
    void equalsScikitLearnPcaOnSyntheticData() {
        JsonNode g = DensityGolden.load("synthetic.json");
        checkGolden(g, matrix(g.get("train")));
    }

    @Test
    void equalsScikitLearnPcaOnBreastw() {
        checkGolden(DensityGolden.load("breastw.json"), DensityGolden.adbench("4_breastw").x());
    }

    @Test
    void rankDeficientColumnIsLeftOutNotDividedByZero() {
        // third column = first + second: one eigenvalue is 0, its component is left out of the sum
        double[][] x = new double[30][];
        for (int i = 0; i < 30; i++) {
            double a = Math.sin(i);
            double b = Math.cos(3 * i);
            x[i] = new double[] {a, b, a + b};
        }
        double[] s = new Pca().fit(x).trainingScores();
        for (double v : s) {
            assertEquals(true, Double.isFinite(v) && v < 100, "score " + v);
        }
    }

    @Test
    void restoreScoresTheSameAndInputIsNotMutated() {
        double[][] x = matrix(DensityGolden.load("synthetic.json").get("train"));
        double[][] before = Checks.copy(x);
        Pca.Fitted p = new Pca(Scoring.PYOD, 2, false, true).fit(x);
        assertArrayEquals(before, x);
        Pca.Fitted r = new Pca.Fitted(p.scoring(), p.selected(), p.weighted(), p.mean(), p.scale(), p.center(),
                p.components(), p.variance(), p.trainingScores());
        assertArrayEquals(p.score(x), r.score(x), 0);
        assertArrayEquals(p.trainingScores(), p.score(x), 0);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> new Pca(Scoring.PROJECTION, -1, true, true));
        assertThrows(IllegalArgumentException.class, () -> new Pca(null, 0, true, true));
        assertThrows(IllegalArgumentException.class,
                () -> new Pca(Scoring.PROJECTION, 3, true, true).fit(new double[][] {{1, 2}, {3, 4}}));
        Pca.Fitted p = new Pca().fit(new double[][] {{1, 2}, {3, 5}, {2, 2}});
        assertThrows(IllegalArgumentException.class, () -> p.score(new double[][] {{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> new Pca.Fitted(Scoring.PYOD, 1, true, p.mean(),
                new double[] {0, 1}, p.center(), p.components(), p.variance(), new double[0]));
    }
}
