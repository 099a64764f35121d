package org.anomaly4j.detect.density;

import static org.anomaly4j.detect.density.DensityGolden.assertClose;
import static org.anomaly4j.detect.density.DensityGolden.matrix;
import static org.anomaly4j.detect.density.DensityGolden.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

    private static double[] negate(double[] a) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = -a[i];
        }
        return b;
    }

    @Test
    void oneComponentIsTheRegularisedSampleGaussian() {
        // closed form: mean, biased covariance + 1e-6·I, so equal to scikit-learn to round-off
        JsonNode g = DensityGolden.load("gmm.json");
        double[][] train = matrix(g.get("train"));
        GaussianMixture.Fitted m = new GaussianMixture().fit(train);
        assertClose(vector(g.get("one_component_train_logpdf")), negate(m.trainingScores()), 1e-12, "log pdf");
        assertTrue(m.converged());
    }

    @Test
    void threeComponentsMatchScikitLearnOnSeparatedBlobs() {
        JsonNode g = DensityGolden.load("gmm.json");
        double[][] train = matrix(g.get("train"));
        double[][] test = matrix(g.get("test"));
        GaussianMixture.Fitted m = new GaussianMixture(3, 1e-10, 1e-6, 1000, 0).fit(train);
        // both EMs stop at the same maximum (tol 1e-10 on the mean log-likelihood): log-densities to 1e-8 relative
        assertClose(vector(g.get("train_logpdf")), negate(m.trainingScores()), 1e-8, "train log pdf");
        assertClose(vector(g.get("test_logpdf")), negate(m.score(test)), 1e-8, "test log pdf");
        // parameters, in scikit-learn's sorted order (by mean x + 100·mean y)
        Integer[] order = {0, 1, 2};
        double[][] means = m.means();
        Arrays.sort(order, Comparator.comparingDouble(c -> means[c][0] + 100 * means[c][1]));
        double[][] refMeans = matrix(g.get("means"));
        double[] refWeights = vector(g.get("weights"));
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(refMeans[c], means[order[c]], 1e-7, "mean " + c);
            assertEquals(refWeights[c], m.weights()[order[c]], 1e-8, "weight " + c);
        }
    }

    @Test
    void sameSeedSameModelRestorableInputUntouched() {
        double[][] x = matrix(DensityGolden.load("gmm.json").get("train"));
        double[][] before = Checks.copy(x);
        GaussianMixture.Fitted a = new GaussianMixture(3, 1e-3, 1e-6, 100, 7).fit(x);
        GaussianMixture.Fitted b = new GaussianMixture(3, 1e-3, 1e-6, 100, 7).fit(x);
        assertArrayEquals(before, x);
        assertArrayEquals(a.trainingScores(), b.trainingScores(), 0);
        GaussianMixture.Fitted r = new GaussianMixture.Fitted(a.weights(), a.means(), a.covariances(), a.converged(),
                a.iterations(), a.trainingScores());
        assertArrayEquals(a.score(x), r.score(x), 0);
        assertArrayEquals(a.trainingScores(), a.score(x), 0);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(0, 1e-3, 1e-6, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(1, 0, 1e-6, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(1, 1e-3, -1, 100, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new GaussianMixture(3, 1e-3, 1e-6, 100, 0).fit(new double[][] {{1}, {2}}));
        // an all-zero column (variance exactly 0) without regularisation cannot be factored: the message says what
        // to change
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(1, 1e-3, 0, 100, 0)
                .fit(new double[][] {{1, 0}, {2, 0}, {3, 0}})).getMessage().contains("regCovar"));
    }
}
