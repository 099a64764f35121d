package org.anomaly4j.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anomaly4j.stats.PairwiseSum;
import org.anomaly4j.datasets.Datasets;
import org.anomaly4j.detect.OneClassSvm.OneClassSvmModel;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

/**
 * One-class SVM against scikit-learn 1.9.1's {@code OneClassSVM} (libsvm): golden files made by
 * {@code kernel-ext/src/test/python/golden/gen_ocsvm.py} (see {@code golden/ocsvm/README.md}).
 * <p>Tolerances: the solver is libsvm's, step for step, with the kernel columns rounded to float as libsvm's
 * {@code Qfloat}, so the same iterations, support vectors, multipliers and ρ come out (checked to 1e-12);
 * the only difference left is the exponential (Java's {@code Math.exp} against C's {@code exp}, each
 * within one ulp), which moves decision values in their last digits. Decision values are therefore checked
 * to 1e-10·ρ absolute, and to the 1e-4 relative row by row, and the flagged rows must be identical.
 */
class OneClassSvmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // ------------------------------------------------------------------ golden files

    static JsonNode golden(String name) {
        try (InputStream in = OneClassSvmTest.class.getResourceAsStream("/golden/ocsvm/" + name + ".json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden CSV as columns of numbers (header skipped). */
    static double[][] goldenColumns(String name) {
        try (InputStream in = OneClassSvmTest.class.getResourceAsStream("/golden/ocsvm/" + name + ".csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            int cols = lines[0].split(",").length;
            double[][] out = new double[cols][lines.length - 1];
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                for (int c = 0; c < cols; c++) {
                    out[c][i - 1] = Double.parseDouble(f[c]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table dataset(String name, CsvOptions options) {
        return Csv.read(Datasets.fromEnvironment().resolve(name), options);
    }

    /** Everything scikit-learn reports must match: γ, ρ, support, α, iterations, decisions and labels. */
    static void assertMatchesScikitLearn(OneClassSvmModel m, JsonNode ref, double[][] x, double[] refDecision,
                                         double[] refPredict) {
        assertEquals(ref.get("gamma").asDouble(), m.gamma(), 0.0, "gamma (numpy X.var() reproduced bit for bit)");
        double rho = ref.get("rho").asDouble();
        assertEquals(rho, m.rho(), 1e-12 * Math.abs(rho), "rho");
        assertEquals(ref.get("n_iter").asInt(), m.iterations(), "SMO iterations");
        assertEquals(ref.get("n_support").asInt(), m.supportCount(), "number of support vectors");
        int[] support = new int[m.supportCount()];
        double[] alpha = new double[m.supportCount()];
        for (int i = 0; i < support.length; i++) {
            support[i] = ref.get("support").get(i).asInt();
            alpha[i] = ref.get("dual_coef").get(i).asDouble();
        }
        assertArrayEquals(support, m.support(), "support indices");
        assertArrayEquals(alpha, m.dualCoef(), 1e-12, "dual coefficients");
        assertEquals(ref.get("dual_coef_sum").asDouble(), sum(m.dualCoef()), 1e-9, "sum of alpha = nu * l");

        double[] dec = m.decisionFunction(x);
        boolean[] flagged = m.predict(x);
        int count = 0;
        for (int i = 0; i < dec.length; i++) {
            double err = Math.abs(dec[i] - refDecision[i]);
            assertTrue(err <= 1e-10 * rho, "row " + i + ": decision " + dec[i] + " vs " + refDecision[i]);
            assertTrue(err <= 1e-4 * Math.abs(refDecision[i]), "row " + i + ": relative error " + err / Math.abs(refDecision[i]));
            assertEquals(refPredict[i] == -1, flagged[i], "row " + i + " flagged differently");
            count += flagged[i] ? 1 : 0;
        }
        assertEquals(ref.get("n_outliers").asInt(), count, "number of outliers");
        assertArrayEquals(dec, negate(m.trainingScores()), 0.0, "training scores are the negated decision values");
    }

    static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    // ------------------------------------------------------------------ parity

    @Test
    void hive17Nu01Gamma005Flags214RowsLikeScikitLearn() {
        Table hive = dataset("beehives/Hive17", CsvOptions.separator(';'));
        OneClassSvmModel svm = OneClassSvm.with().nu(0.1).gamma(0.05).fit(hive, "T17", "RH17");
        assertEquals(214, svm.labels(hive).countTrue());
        double[][] g = goldenColumns("hive17");
        assertMatchesScikitLearn(svm, golden("hive17").get("a"), Inputs.matrix(hive, "T17", "RH17"), g[0], g[1]);
    }

    @Test
    void hive17DefaultsMatchScikitLearn() {
        Table hive = dataset("beehives/Hive17", CsvOptions.separator(';'));
        OneClassSvmModel svm = OneClassSvm.with().fit(hive, "T17", "RH17");
        assertEquals(List.of("nu", "gamma", "tol", "shrinking", "cacheSize", "maxIter", "kernel", "degree", "coef0"), List.copyOf(svm.parameters().keySet()));
        assertEquals("scale", svm.parameters().get("gamma"));
        double[][] g = goldenColumns("hive17");
        assertMatchesScikitLearn(svm, golden("hive17").get("b"), Inputs.matrix(hive, "T17", "RH17"), g[2], g[3]);
    }

    @Test
    void thyroidDefaultsMatchScikitLearn() {
        double[][] x = thyroid();
        double[][] g = goldenColumns("thyroid");
        assertMatchesScikitLearn(OneClassSvm.with().fit(x), golden("thyroid").get("defaults"), x, g[0], g[1]);
    }

    static double[][] thyroid() {
        return Inputs.matrix(dataset("adbench/38_thyroid", CsvOptions.defaults()), "x0", "x1", "x2", "x3", "x4", "x5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"scale, 2", "auto, 4", "noshrink, 6"})
    void syntheticGaussianMatchesScikitLearn(String variant, int column) {
        double[][] g = goldenColumns("synthetic");
        double[][] x = new double[g[0].length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {g[0][i], g[1][i]};
        }
        OneClassSvm detector = switch (variant) {
            case "auto" -> OneClassSvm.with().gamma("auto");
            case "noshrink" -> OneClassSvm.with().shrinking(false);
            default -> OneClassSvm.with();
        };
        JsonNode ref = golden("synthetic");
        OneClassSvmModel m = detector.fit(x);
        assertMatchesScikitLearn(m, ref.get(variant), x, g[column], g[column + 1]);
        // new points: a 7 x 7 grid over [-3, 3]²
        double[][] grid = new double[ref.get("grid").size()][];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = new double[] {ref.get("grid").get(i).get(0).asDouble(), ref.get("grid").get(i).get(1).asDouble()};
        }
        double[] dec = m.decisionFunction(grid);
        for (int i = 0; i < grid.length; i++) {
            assertEquals(ref.get(variant).get("grid_decision").get(i).asDouble(), dec[i], 1e-10 * m.rho(), "grid point " + i);
        }
    }

    // ------------------------------------------------------------------ hand-worked case

    /**
     * Two points at distance 1, γ = 1, ν = 0.5 (ν·l = 1). By symmetry and the KKT conditions α = (½, ½), both
     * free, so ρ = ½ + ½·K₁₂ with K₁₂ = e⁻¹ (libsvm's float kernel: to 1e-7), f = 0 at both training
     * points, f(midpoint) = e^(−1/4) − ρ > 0 (inside), and a far point scores −f = ρ. SMO gets there in one step:
     * from α = (1, 0) the step is (G₂ − G₁)/(2 − 2K₁₂) = −½.
     */
    @Test
    void twoPointsByHand() {
        double[][] x = {{0, 0}, {1, 0}};
        OneClassSvmModel m = OneClassSvm.with().gamma(1.0).fit(x);
        double rho = 0.5 + 0.5 * Math.exp(-1);
        assertArrayEquals(new int[] {0, 1}, m.support());
        assertArrayEquals(new double[] {0.5, 0.5}, m.dualCoef(), 0.0);
        assertEquals(1, m.iterations());
        assertEquals(rho, m.rho(), 1e-7);
        double[] f = m.decisionFunction(new double[][] {{0, 0}, {1, 0}, {0.5, 0}, {10, 0}});
        assertEquals(0, f[0], 1e-7);
        assertEquals(0, f[1], 1e-7);
        assertEquals(Math.exp(-0.25) - rho, f[2], 1e-7);
        assertEquals(-m.rho(), f[3], 0.0);
        assertArrayEquals(new boolean[] {false, true}, m.predict(new double[][] {{0.5, 0}, {10, 0}}));
    }

    // ------------------------------------------------------------------ invariants

    @Test
    void cacheSizeChangesNothing() {
        double[][] x = thyroid();
        OneClassSvmModel big = OneClassSvm.with().fit(x);
        // 0.01 MB leaves two columns of 3,772 floats: evictions and swap replays on almost every request
        for (double mb : new double[] {0.01, 1}) {
            OneClassSvmModel small = OneClassSvm.with().cacheSize(mb).fit(x);
            assertEquals(big.iterations(), small.iterations());
            assertEquals(big.rho(), small.rho(), 0.0);
            assertArrayEquals(big.dualCoef(), small.dualCoef(), 0.0);
            assertArrayEquals(big.trainingScores(), small.trainingScores(), 0.0);
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount() throws Exception {
        // 12,000 x 10 rows: large enough that columns, the starting gradient and scoring are split into tasks
        Random r = new Random(5);
        double[][] x = new double[12000][10];
        for (double[] row : x) {
            for (int k = 0; k < 10; k++) {
                row[k] = r.nextGaussian();
            }
        }
        OneClassSvm d = OneClassSvm.with().nu(0.05);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            OneClassSvmModel a = one.submit(() -> d.fit(x)).get();
            OneClassSvmModel b = three.submit(() -> d.fit(x)).get();
            assertEquals(a.iterations(), b.iterations());
            assertArrayEquals(a.dualCoef(), b.dualCoef(), 0.0);
            assertArrayEquals(a.trainingScores(), b.trainingScores(), 0.0);
            assertArrayEquals(a.trainingScores(), d.fit(x).trainingScores(), 0.0);
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }

    @Test
    void naturalThresholdFlagsDecisionZeroAsLibsvmDoes() {
        OneClassSvmModel m = OneClassSvm.with().fit(new double[][] {{0, 0}, {1, 0}, {0, 1}});
        assertEquals(-Double.MIN_VALUE, m.threshold(), 0.0);
        assertTrue(0.0 > m.threshold() && -0.0 > m.threshold(), "score 0 (decision 0) is an outlier, as libsvm's sign");
        assertFalse(-Double.MIN_VALUE > m.threshold());
    }

    @Test
    void constantDataUsesGammaOneLikeScikitLearn() {
        double[][] x = {{2, 2}, {2, 2}, {2, 2}, {2, 2}};
        OneClassSvmModel m = OneClassSvm.with().fit(x);
        assertEquals(1.0, m.gamma(), 0.0);
        assertTrue(Double.isFinite(m.rho()));
        assertEquals(2.0, sum(m.dualCoef()), 1e-15, "sum of alpha = nu * l");
    }

    @Test
    void numpyPairwiseSummation() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        assertEquals(500500.0, org.anomaly4j.stats.PairwiseSum.of(v, 0, v.length), 0.0);
        // 0.1 summed ten times: sequentially 0.9999999999999999, pairwise (8 accumulators) 1.0 as numpy's sum
        double[] tenths = new double[10];
        java.util.Arrays.fill(tenths, 0.1);
        assertEquals(1.0, org.anomaly4j.stats.PairwiseSum.of(tenths, 0, 10), 0.0);
        assertEquals(0.0, OneClassSvm.numpyVariance(new double[][] {{3, 3}, {3, 3}}), 0.0);
    }

    @Test
    void maxIterStopsEarlyAndSaysSo(@TempDir Path dir) {
        OneClassSvmModel m = OneClassSvm.with().maxIter(3).fit(thyroid());
        assertEquals(3, m.iterations());
        assertFalse(m.converged());
        assertTrue(m.toString().contains("not converged"), m.toString());
        Path f = dir.resolve("m.json");
        m.save(f);
        assertFalse(((OneClassSvmModel) Detectors.load(f)).converged());
    }

    // ------------------------------------------------------------------ options and files

    @Test
    void optionsAreValidatedWithActionableMessages() {
        assertEquals("nu must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> OneClassSvm.with().nu(1.5)).getMessage());
        assertEquals("nu must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> OneClassSvm.with().nu(0)).getMessage());
        assertEquals("gamma must be a finite number > 0, \"scale\" or \"auto\", got -1.0",
                assertThrows(IllegalArgumentException.class, () -> OneClassSvm.with().gamma(-1)).getMessage());
        assertEquals("gamma must be a finite number > 0, \"scale\" (1/(d Var X)) or \"auto\" (1/d), got \"median\"",
                assertThrows(IllegalArgumentException.class, () -> OneClassSvm.with().gamma("median")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> OneClassSvm.with().gamma(Double.POSITIVE_INFINITY));
        assertEquals("tol must be a finite number > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> OneClassSvm.with().tol(0)).getMessage());
        assertEquals("cacheSize must be in (0, 1048576], got -5.0",
                assertThrows(IllegalArgumentException.class, () -> OneClassSvm.with().cacheSize(-5)).getMessage());
        assertEquals("maxIter must be -1 (no limit) or an integer >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> OneClassSvm.with().maxIter(0)).getMessage());
        OneClassSvm d = OneClassSvm.with().nu(0.2);
        d.gamma(3.0);
        assertTrue(d.toString().contains("nu=0.2") && d.toString().contains("gamma=scale"), d.toString());
    }

    @Test
    void modelPrintsItsOptionsShapeAndSolution() {
        Table hive = dataset("beehives/Hive17", CsvOptions.separator(';'));
        String s = OneClassSvm.with().nu(0.1).gamma(0.05).fit(hive, "T17", "RH17").toString();
        assertTrue(s.contains("nu=0.1") && s.contains("gamma=0.05") && s.contains("1847 rows")
                && s.contains("[T17, RH17]") && s.contains("274 support vectors") && s.contains("3786 SMO iterations"), s);
    }

    @Test
    void saveLoadKeepsGammaRuleSupportAndScores(@TempDir Path dir) {
        double[][] x = thyroid();
        for (OneClassSvm d : List.of(OneClassSvm.with().gamma("auto").nu(0.2), OneClassSvm.with().gamma(2.5).tol(1e-4))) {
            OneClassSvmModel m = d.fit(x);
            Path f = dir.resolve("ocsvm.json");
            m.save(f);
            OneClassSvmModel back = assertInstanceOf(OneClassSvmModel.class, Detectors.load(f));
            assertEquals(m.parameters(), back.parameters());
            assertEquals(m.gamma(), back.gamma(), 0.0);
            assertEquals(m.rho(), back.rho(), 0.0);
            assertArrayEquals(m.support(), back.support());
            assertArrayEquals(m.dualCoef(), back.dualCoef(), 0.0);
            assertArrayEquals(m.supportVectors()[7], back.supportVectors()[7], 0.0);
            assertArrayEquals(m.decisionFunction(x), back.decisionFunction(x), 0.0);
            assertEquals(m.iterations(), back.iterations());
        }
    }

    @Test
    void tamperedModelFilesNameTheField(@TempDir Path dir) throws IOException {
        OneClassSvmModel m = OneClassSvm.with().fit(new double[][] {{0, 0}, {1, 0}, {0, 1}, {5, 5}});
        Path f = dir.resolve("m.json");
        m.save(f);
        String json = Files.readString(f);
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"\"gamma\" : \"scale\"", "\"gamma\" : \"median\"", "parameters: gamma"});
        cases.add(new String[] {"\"nu\" : 0.5", "\"nu\" : 7", "parameters: nu must be in (0, 1]"});
        cases.add(new String[] {"\"nSupport\" : 4", "\"nSupport\" : 3", "state.support must have 3 values"});
        cases.add(new String[] {"\"support\" : [ 0, 1, 2, 3 ]", "\"support\" : [ 0, 1, 2, 9 ]", "state.support[3]"});
        cases.add(new String[] {"\"support\" : [ 0, 1, 2, 3 ]", "\"support\" : [ 0, 2, 1, 3 ]", "state.support[2]"});
        cases.add(new String[] {"\"dualCoef\" : [ ", "\"dualCoef\" : [ 2.5, ", "state.dualCoef must have 4 values"});
        cases.add(new String[] {"\"dualCoef\" : [ 0.", "\"dualCoef\" : [ 1.", "state.dualCoef[0] must be in (0, 1]"});
        cases.add(new String[] {"\"iterations\" : ", "\"iterations\" : -", "state.iterations"});
        cases.add(new String[] {"\"rho\" : ", "\"rho\" : \"x\", \"was\" : ", "state.rho must be a finite number"});
        cases.add(new String[] {"\"supportVectors\" : [ ", "\"supportVectors\" : [ 1.0, ", "state.supportVectors must have 8 values"});
        // scikit-learn agrees on this fixture: support [0 1 2 3], alpha [0.0970 0.4792 0.4796 0.9442]
        assertArrayEquals(new int[] {0, 1, 2, 3}, m.support());
        for (String[] c : cases) {
            assertTrue(json.contains(c[0]), "fixture lacks " + c[0]);
            Path bad = dir.resolve("bad.json");
            Files.writeString(bad, json.replace(c[0], c[1]));
            String msg = assertThrows(IllegalArgumentException.class, () -> Detectors.load(bad)).getMessage();
            assertTrue(msg.contains(c[2]), c[1] + " -> " + msg);
        }
    }
}
