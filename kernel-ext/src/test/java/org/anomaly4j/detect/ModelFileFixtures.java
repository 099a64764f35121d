package org.anomaly4j.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the model-file fixtures that {@link ModelFileCompatibilityTest} loads: one small model per detector
 * type in the current format version, plus the scores it gives on fixed probe rows. Run once per format
 * version (the files of older versions stay, so a change that cannot read them fails the test):
 * <pre>
 * java -cp kernel-ext/target/test-classes:kernel-ext/target/classes:$(cat kernel-ext/target/classpath.txt) \
 *     org.anomaly4j.detect.ModelFileFixtures kernel-ext/src/test/resources/model-files/v1
 * </pre>
 */
public final class ModelFileFixtures {

    /** Small options per type, so each fixture stays a few kilobytes. */
    static final Map<String, Supplier<Detector<?>>> SMALL = new LinkedHashMap<>();

    static {
        SMALL.put(ZScore.NAME, ZScore::with);
        SMALL.put(ModifiedZScore.NAME, ModifiedZScore::with);
        SMALL.put(IqrFences.NAME, IqrFences::with);
        SMALL.put(Grubbs.NAME, Grubbs::with);
        SMALL.put(GeneralizedEsd.NAME, GeneralizedEsd::with);
        SMALL.put(IsolationForest.NAME, () -> IsolationForest.with().trees(4).maxSamples(16).seed(3));
        SMALL.put(OneClassSvm.NAME, () -> OneClassSvm.with().nu(0.2).gamma(0.5));
        SMALL.put(Lof.NAME, () -> Lof.with().neighbors(10));
        SMALL.put(Knn.NAME, Knn::with);
        SMALL.put(Hbos.NAME, Hbos::with);
        SMALL.put(Ecod.NAME, Ecod::with);
        SMALL.put(Copod.NAME, Copod::with);
        SMALL.put(EllipticEnvelope.NAME, () -> EllipticEnvelope.with().seed(3));
        SMALL.put(Pca.NAME, Pca::with);
        SMALL.put(GaussianMixture.NAME, () -> GaussianMixture.with().components(2).seed(1));
        SMALL.put(KMeans.NAME, () -> KMeans.with().clusters(3).seed(1));
        SMALL.put(Cblof.NAME, () -> Cblof.with().clusters(4).seed(1));
        SMALL.put(Dbscan.NAME, Dbscan::with);
        SMALL.put(Ensemble.NAME, () -> Ensemble.with().members("isolation-forest:trees=4,maxSamples=16,seed=3;zscore"));
        SMALL.put(Loda.NAME, () -> Loda.with().cuts(5).bins(4).seed(2));
    }

    private ModelFileFixtures() {
    }

    /** 60 seeded Gaussian rows in 2 columns with one far point. */
    static double[][] training() {
        Random r = new Random(5);
        double[][] x = new double[60][2];
        for (double[] row : x) {
            row[0] = r.nextGaussian();
            row[1] = 2 + 0.5 * r.nextGaussian();
        }
        x[0] = new double[] {6, -3};
        return x;
    }

    /** Probe rows scored by every fixture. */
    static final double[][] PROBES = {{0, 2}, {1.5, 2.5}, {-2, 0.5}, {6, -3}, {10, 10}};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        for (var e : SMALL.entrySet()) {
            if (args.length > 1 && !List.of(args).subList(1, args.length).contains(e.getKey())) {
                continue; // only the named types (never rewrite an existing version's fixtures)
            }
            Model m = e.getValue().get().fit(training());
            m.save(dir.resolve(e.getKey() + ".json"));
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("probes", PROBES);
            expected.put("scores", m.score(PROBES));
            expected.put("threshold", m.threshold());
            json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(e.getKey() + ".expected.json").toFile(), expected);
        }
    }
}
