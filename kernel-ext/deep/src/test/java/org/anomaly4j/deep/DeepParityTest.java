package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Equality with pip PyTorch from the same starting weights ({@code golden/deep/parity.json}, written by
 * {@code gen_deep.py --parity}): for small instances of the four networks (dropout 0), PyTorch's initial
 * weights are loaded into our learner, then on the same batch
 * <ul>
 *   <li>the plain-Java scoring of the dense models (autoencoder, VAE, GANomaly) equals PyTorch's evaluation
 *   scores, and the engine's evaluation loss equals PyTorch's (all four);</li>
 *   <li>two training steps (forward, loss, backward, Adam with weight decay) give the same losses and the same
 *   weights after each step — for GANomaly both networks, for the VAE with the same noise (both sides seed the
 *   same libtorch generator right before the steps).</li>
 * </ul>
 * Tolerance 1e-5 (absolute, or relative for values above 1): float32 sums in other orders (libtorch 2.7.1 in
 * DJL against pip torch's kernels) differ by about 1e-7 relative; DJL's Adam adds ε to √v̂·√(1−β₂ᵗ) rather
 * than to √v̂, which moves a weight by lr·ε/|g|-ish amounts, below 1e-6 for gradients above 1e-2.
 */
class DeepParityTest {

    static final double TOLERANCE = 1e-5;
    private static JsonNode golden;

    @BeforeAll
    static void read() throws Exception {
        golden = new ObjectMapper().readTree(Files.readString(Path.of("src/test/resources/golden/deep/parity.json")));
        DjlEngine.get();
    }

    private static JsonNode parityCase(String name) {
        for (JsonNode c : golden.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no case " + name + " in parity.json");
    }

    static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) a.get(i).asDouble();
        }
        return f;
    }

    static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    /** The batch as rows of d values (dense cases). */
    static double[][] rows(JsonNode c, int d) {
        float[] b = floats(c.get("batch"));
        double[][] x = new double[b.length / d][d];
        for (int i = 0; i < b.length; i++) {
            x[i / d][i % d] = b[i];
        }
        return x;
    }

    /** The PyTorch weights as a Training.Result (the form the detectors build their scoring networks from). */
    static Training.Result weights(JsonNode c, int count) {
        float[] all = floats(c.get("initial"));
        List<long[]> shapes = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int at = 0;
        for (int k = 0; k < count; k++) {
            JsonNode s = c.get("shapes").get(k);
            long[] shape = new long[s.size()];
            long size = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).asLong();
                size *= shape[i];
            }
            shapes.add(shape);
            names.add("p" + k);
            values.add(java.util.Arrays.copyOfRange(all, at, at + (int) size));
            at += (int) size;
        }
        return new Training.Result(names, shapes, values, new double[0], new double[0], 1);
    }

    /** The largest deviation seen per case (printed: the margin under the tolerance). */
    private static final java.util.Map<String, Double> WORST = new java.util.TreeMap<>();

    static void close(double expected, double actual, String what) {
        WORST.merge(what.split(" ")[0], Math.abs(expected - actual), Math::max);
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    static void close(JsonNode expected, double[] actual, String what) {
        assertEquals(expected.size(), actual.length, what + " length");
        for (int i = 0; i < actual.length; i++) {
            close(expected.get(i).asDouble(), actual[i], what + "[" + i + "]");
        }
    }

    /**
     * Opens the learner, loads PyTorch's initial weights, checks the evaluation loss, then runs the steps and
     * checks each loss and the weights after it ({@code all} gives every network's weights, in order).
     */
    static void checkTraining(JsonNode c, Training.LearnerFactory factory, long[] sampleShape,
                              java.util.function.Function<Training.Learner, List<float[]>> all) {
        Training.Config config = new Training.Config(1, 8, golden.get("learningRate").asDouble(),
                golden.get("weightDecay").asDouble(), 0, 10, 5, 0.5, 0);
        float lr = (float) config.learningRate();
        try (Training.Learner learner = factory.open(update -> lr, config, Training.batchShape(1, sampleShape),
                new SplittableRandom(0));
             NDManager sub = learner.manager().newSubManager()) {
            learner.load(floats(c.get("initial")));
            float[] batch = floats(c.get("batch"));
            long rowsInBatch = batch.length / new Shape(sampleShape).size();
            NDArray xb = sub.create(batch, Training.batchShape(rowsInBatch, sampleShape));
            String name = c.get("name").asText();
            close(c.get("monitored").asDouble(), learner.evaluate(xb), name + " evaluation loss");
            DjlEngine.seed(golden.get("stepSeed").asLong());
            for (int s = 0; s < golden.get("steps").asInt(); s++) {
                close(c.get("losses").get(s).asDouble(), learner.step(xb), name + " loss of step " + (s + 1));
                List<float[]> w = all.apply(learner);
                int n = 0;
                for (float[] p : w) {
                    n += p.length;
                }
                double[] flat = new double[n];
                int at = 0;
                for (float[] p : w) {
                    for (float v : p) {
                        flat[at++] = v;
                    }
                }
                close(c.get("weights").get(s), flat, name + " weights after step " + (s + 1));
            }
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.println("parity with PyTorch, largest absolute deviation per network: " + WORST);
    }

    @Test
    void autoencoderScoresAndTwoAdamStepsEqualPyTorch() {
        JsonNode c = parityCase("autoencoder");
        int d = golden.get("d").asInt();
        int[] sizes = Autoencoder.mirrored(ints(c.get("hidden")), d);
        DenseStack net = DenseStack.of(weights(c, 2 * sizes.length), 0, sizes.length);
        double[][] x = rows(c, d);
        Standardizer identity = Standardizer.fit(x, false);
        close(c.get("scores"), Autoencoder.AutoencoderModel.scores(net, identity, x), "autoencoder scores");
        checkTraining(c, Training.single(DenseStack.block(sizes, 0), Autoencoder::mse, Training.linear()),
                new long[] {d}, Training.Learner::snapshot);
    }

    @Test
    void vaeScoresAndTwoAdamStepsWithTheSameNoiseEqualPyTorch() {
        JsonNode c = parityCase("vae");
        int d = golden.get("d").asInt();
        int[] hidden = ints(c.get("hidden"));
        int latent = c.get("latent").asInt();
        float beta = (float) c.get("beta").asDouble();
        int[] enc = DenseStack.append(hidden, 2 * latent);
        int[] dec = DenseStack.decoder(hidden, d);
        Training.Result w = weights(c, 2 * (enc.length + dec.length));
        double[][] x = rows(c, d);
        close(c.get("scores"), Vae.VaeModel.scores(DenseStack.of(w, 0, enc.length),
                DenseStack.of(w, enc.length, enc.length + dec.length), Standardizer.fit(x, false), latent, beta, x),
                "vae scores");
        VaeBlock block = new VaeBlock(DenseStack.block(enc, 0), DenseStack.block(dec, 0), latent);
        checkTraining(c, Training.single(block, (out, b) -> Vae.negativeElbo(out, b, beta), Training.linear()),
                new long[] {d}, Training.Learner::snapshot);
    }

    @Test
    void ganomalyScoresAndTwoStepsOfBothNetworksEqualPyTorch() {
        JsonNode c = parityCase("ganomaly");
        int d = golden.get("d").asInt();
        int[] hidden = ints(c.get("hidden"));
        int latent = c.get("latent").asInt();
        int layers = hidden.length + 1;
        Training.Result w = weights(c, c.get("generatorParameters").asInt());
        double[][] x = rows(c, d);
        double[] s = Ganomaly.GanomalyModel.scores(DenseStack.of(w, 0, layers), DenseStack.of(w, layers, 2 * layers),
                DenseStack.of(w, 2 * layers, 3 * layers), Standardizer.fit(x, false), false, x);
        close(c.get("scores"), s, "ganomaly scores");
        checkTraining(c, Ganomaly.learner(hidden, latent, d, 0, 1, 50, 1), new long[] {d}, learner -> {
            List<float[]> all = new ArrayList<>(learner.snapshot());
            all.addAll(((Ganomaly.Gan) learner).discriminator());
            return all;
        });
    }

    @Test
    void lstmAutoencoderLossAndTwoAdamStepsEqualPyTorch() {
        JsonNode c = parityCase("lstm-autoencoder");
        int d = c.get("d").asInt();
        checkTraining(c, Training.single(new LstmAeBlock(ints(c.get("hidden")), d),
                Autoencoder::mse, LstmAeBlock.init()), new long[] {c.get("window").asInt(), d}, Training.Learner::snapshot);
    }
}
