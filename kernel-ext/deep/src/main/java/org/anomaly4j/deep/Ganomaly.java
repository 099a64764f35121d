package org.anomaly4j.deep;

import java.util.List;
import java.util.SplittableRandom;

import org.anomaly4j.detect.DetectorType;
import org.anomaly4j.detect.ModelCodec;
import org.anomaly4j.detect.ModelInfo;
import org.anomaly4j.detect.Options;
import org.anomaly4j.detect.Param;
import org.anomaly4j.detect.TrainingScores;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.tracker.Tracker;

/**
 * GANomaly (dense): an adversarially trained encoder–decoder–encoder whose two codes of a normal row agree;
 * for an anomaly the re-encoded reconstruction lands far from the first code.
 * <p><b>Method.</b> Rows are standardised (training mean and standard deviation, recorded). The generator
 * maps x to z = G_E(x), reconstructs x̂ = G_D(z) and re-encodes ẑ = E(x̂) (encoders: Linear → ReLU →
 * Dropout per size of {@code hidden}, then Linear to {@code latent}; the decoder mirrors them). A
 * discriminator D (same hidden sizes, ReLU, then one logit) tells rows from reconstructions. Each step first
 * updates the generator on
 * <pre>  L_G = w_adv · mean (f(x) − f(x̂))² + w_con · mean |x − x̂| + w_enc · mean (z − ẑ)²</pre>
 * (f = D's last hidden layer: feature matching), then D on the logistic loss
 * log(1 + e^(−D(x))) + log(1 + e^(D(x̂))), both with Adam. Early stopping and the learning-rate plateau
 * monitor the validation value of w_con · L_con + w_enc · L_enc (the adversarial term is not a measure of
 * fit). The paper re-initialises D when its loss collapses; this implementation does not.
 * <p><b>Score</b> ({@code score}), in plain Java, no natural threshold (contamination 0.1):
 * <ul>
 *   <li>{@code "reconstruction"} (default): s(x) = (1/d) Σ_j |z_j − ẑ_j| of the standardised row and its
 *   reconstruction x̂ — the generator trained against the discriminator, scored like an autoencoder;</li>
 *   <li>{@code "latent"}: the paper's A(x) = (1/latent) Σ_k |z_k − ẑ_k| of the two codes. On tabular rows whose
 *   code size matches their intrinsic dimension it is weak (an off-manifold row is projected by G_E and its
 *   reconstruction re-encodes to the same code): ROC-AUC 0.36 with latent 2 and 0.80 with latent 4 on the
 *   unit test's rows, against above 0.9 for the reconstruction score.</li>
 * </ul>
 * <p><b>Parameters:</b> {@code hidden} = 64,32, {@code latent} = 16, {@code wAdv} = 1, {@code wCon} = 50,
 * {@code wEnc} = 1 (the paper's weights), {@code score} = reconstruction, and the training options of {@link TrainingParams}.
 * <p><b>Complexity.</b> Training about 3× an autoencoder of the same sizes per epoch; scoring O(n · P).
 * <p><b>Reference.</b> S. Akçay, A. Atapour-Abarghouei, T. P. Breckon (2018), "GANomaly: Semi-Supervised
 * Anomaly Detection via Adversarial Training", ACCV 2018, LNCS 11363, pp. 622–637 (images; here dense layers
 * for tabular rows).
 */
public final class Ganomaly extends DeepDetector<Ganomaly, Ganomaly.GanomalyModel> {

    public static final String NAME = "ganomaly";

    public static final Param<Layers> HIDDEN = Layers.param("hidden", Layers.of(64, 32),
            "encoder (and discriminator) hidden sizes; the decoder mirrors them");
    public static final Param<Integer> LATENT = Param.integer("latent", 16, 1, Layers.MAX_SIZE, "code size");
    public static final Param<Double> W_ADV = Param.number("wAdv", 1, 0, false, Double.POSITIVE_INFINITY, false,
            "weight of the feature-matching adversarial loss (w_adv)");
    public static final Param<Double> W_CON = Param.number("wCon", 50, 0, false, Double.POSITIVE_INFINITY, false,
            "weight of the L1 reconstruction loss (w_con)");
    public static final Param<Double> W_ENC = Param.number("wEnc", 1, 0, false, Double.POSITIVE_INFINITY, false,
            "weight of the latent (encoder) loss (w_enc)");

    /** Score of the reconstruction (default) or of the two codes (the paper's A(x)). */
    public static final Param<String> SCORE = Param.of("score", "text", "reconstruction", "reconstruction or latent",
            "what the score measures: mean |x - x_hat| (reconstruction) or mean |z - z_hat| (latent, the paper's A(x))",
            t -> t.equals("reconstruction") || t.equals("latent") ? t : null,
            v -> v instanceof String t && (t.equals("reconstruction") || t.equals("latent")) ? t : null, v -> v);

    public static final DetectorType<Ganomaly, GanomalyModel> TYPE = DetectorType.of(NAME,
            "GANomaly encoder-decoder-encoder GAN (DJL/PyTorch); score = mean |x - x_hat| (or |z - z_hat|)",
            Ganomaly::new, GanomalyModel.class, new Codec(), TrainingParams.withTraining(true, HIDDEN, LATENT, W_ADV, W_CON, W_ENC, SCORE));

    private Ganomaly(Options options) {
        super(TYPE, options);
    }

    /** The defaults listed above. */
    public static Ganomaly with() {
        return TYPE.defaults();
    }

    /** Encoder and discriminator hidden sizes (default 64, 32). */
    public Ganomaly hidden(int... sizes) {
        return set(HIDDEN, Layers.of(sizes));
    }

    /** Code size (default 16). */
    public Ganomaly latent(int size) {
        return set(LATENT, size);
    }

    /** Weights of the adversarial, reconstruction and latent losses (defaults 1, 50, 1). */
    public Ganomaly weights(double adversarial, double reconstruction, double latentLoss) {
        return set(W_ADV, adversarial).set(W_CON, reconstruction).set(W_ENC, latentLoss);
    }

    /** What the score measures: {@code "reconstruction"} (default) or {@code "latent"} (the paper's A(x)). */
    public Ganomaly score(String kind) {
        return set(SCORE, SCORE.parse(kind));
    }

    @Override
    protected GanomalyModel fitChecked(double[][] x, ModelInfo info) {
        int d = x[0].length;
        int[] hidden = get(HIDDEN).toArray();
        int latent = get(LATENT);
        int[] enc = DenseStack.append(hidden, latent);
        int[] dec = DenseStack.decoder(hidden, d);
        Standardizer st = Standardizer.fit(x, get(TrainingParams.STANDARDIZE));
        double dropout = get(TrainingParams.DROPOUT);
        float wAdv = get(W_ADV).floatValue();
        float wCon = get(W_CON).floatValue();
        float wEnc = get(W_ENC).floatValue();
        Training.Result r = Training.fit(NAME, st.floats(x), new long[] {d}, trainingConfig(),
                learner(hidden, latent, d, dropout, wAdv, wCon, wEnc));
        // generator parameters come first (encoder, decoder, encoder2); the discriminator is not kept
        int layers = enc.length;
        DenseStack ge = DenseStack.of(r, 0, layers);
        DenseStack gd = DenseStack.of(r, layers, layers + dec.length);
        DenseStack e2 = DenseStack.of(r, layers + dec.length, 2 * layers + dec.length);
        double[] s = GanomalyModel.scores(ge, gd, e2, st, get(SCORE).equals("latent"), x);
        return new GanomalyModel(info, TrainingScores.fitted(info, s, Double.NaN), st, ge, gd, e2, History.of(r));
    }

    /** The learner of a GANomaly with these sizes and loss weights (encoder sizes = hidden, then latent). */
    static Training.LearnerFactory learner(int[] hidden, int latent, int d, double dropout, float wAdv, float wCon,
                                           float wEnc) {
        int[] enc = DenseStack.append(hidden, latent);
        int[] dec = DenseStack.decoder(hidden, d);
        return (lr, c, inputShape, rnd) -> new Gan(new GanomalyBlocks.Generator(enc, dec, dropout),
                new GanomalyBlocks.Discriminator(hidden, dropout), lr, c, inputShape, rnd, wAdv, wCon, wEnc);
    }

    /**
     * The two-player learner: a generator step, then a discriminator step, per batch, each with its own Adam
     * over its own {@link FlatParameters}.
     */
    static final class Gan implements Training.Learner {
        private final NDManager manager;
        private final GanomalyBlocks.Generator generator;
        private final GanomalyBlocks.Discriminator discriminator;
        private final FlatParameters gNet;
        private final FlatParameters dNet;
        private final TorchAdam gAdam;
        private final TorchAdam dAdam;
        private final float wAdv;
        private final float wCon;
        private final float wEnc;

        Gan(GanomalyBlocks.Generator generator, GanomalyBlocks.Discriminator discriminator, Tracker lr,
            Training.Config c, Shape inputShape, SplittableRandom rnd, float wAdv, float wCon, float wEnc) {
            this.manager = DjlEngine.get().newBaseManager(Device.cpu());
            try {
                this.gNet = new FlatParameters(generator, manager, inputShape, Training.linear(), rnd);
                this.dNet = new FlatParameters(discriminator, manager, inputShape, Training.linear(), rnd);
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
            this.generator = generator;
            this.discriminator = discriminator;
            this.gAdam = Training.adam(lr, c);
            this.dAdam = Training.adam(lr, c);
            this.wAdv = wAdv;
            this.wCon = wCon;
            this.wEnc = wEnc;
        }

        @Override
        public NDManager manager() {
            return manager;
        }

        /** w_con · L_con + w_enc · L_enc of a generator output. */
        private NDArray fit(NDList out, NDArray x) {
            NDArray con = out.get(0).sub(x).abs().mean();
            NDArray enc = out.get(1).sub(out.get(2)).square().mean();
            return con.mul(wCon).add(enc.mul(wEnc));
        }

        @Override
        public double step(NDArray x) {
            NDManager batch = x.getManager();
            double loss;
            NDArray xh;
            try (GradientCollector gc = DjlEngine.get().newGradientCollector()) {
                NDList out = generator.forward(gNet.bind(batch, false), new NDList(x), true);
                xh = out.get(0);
                // D's weights frozen in the generator's step: its gradient reaches x̂, never D's own weights
                ParameterStore frozenD = dNet.bind(batch, true);
                NDArray fx = discriminator.forward(frozenD, new NDList(x), true).get(0);
                NDArray fxh = discriminator.forward(frozenD, new NDList(xh), true).get(0);
                NDArray l = fit(out, x).add(fx.sub(fxh).square().mean().mul(wAdv));
                gc.backward(l);
                loss = l.getFloat();
            }
            gNet.update(gAdam);
            try (GradientCollector gc = DjlEngine.get().newGradientCollector()) {
                ParameterStore d = dNet.bind(batch, false);
                NDArray real = discriminator.forward(d, new NDList(x), true).get(1);
                NDArray fake = discriminator.forward(d, new NDList(xh.stopGradient()), true).get(1);
                NDArray l = Activation.softPlus(real.neg()).mean().add(Activation.softPlus(fake).mean());
                gc.backward(l);
            }
            dNet.update(dAdam);
            return loss;
        }

        @Override
        public double evaluate(NDArray x) {
            return fit(generator.forward(gNet.bind(x.getManager(), false), new NDList(x), false), x).getFloat();
        }

        @Override
        public List<String> names() {
            return gNet.names();
        }

        @Override
        public List<long[]> shapes() {
            return gNet.shapes();
        }

        @Override
        public List<float[]> snapshot() {
            return gNet.snapshot();
        }

        /** The generator's weights, then the discriminator's. */
        @Override
        public void load(float[] weights) {
            gNet.load(java.util.Arrays.copyOf(weights, gNet.size()));
            dNet.load(java.util.Arrays.copyOfRange(weights, gNet.size(), weights.length));
        }

        /** The discriminator's current weights (for the parity test; the model keeps only the generator). */
        List<float[]> discriminator() {
            return dNet.snapshot();
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** Model files: standardisation, the generator's three stacks and the loss history. */
    private static final class Codec implements ModelCodec<GanomalyModel> {
        @Override
        public void write(GanomalyModel m, StateWriter s) {
            m.standardizer.write(s);
            m.encoder.write(s, "encoder");
            m.decoder.write(s, "decoder");
            m.encoder2.write(s, "encoder2");
            m.historyRecord().write(s);
        }

        @Override
        public GanomalyModel read(ModelInfo info, TrainingScores scores, StateReader s) {
            int d = info.features().size();
            int layers = info.options().get(HIDDEN).sizes().size() + 1;
            int latent = info.options().get(LATENT);
            return new GanomalyModel(info, scores, Standardizer.read(s, d), DenseStack.read(s, "encoder", layers, d, latent),
                    DenseStack.read(s, "decoder", layers, latent, d), DenseStack.read(s, "encoder2", layers, d, latent),
                    History.read(s));
        }
    }

    /** A fitted GANomaly generator; {@link #score} as chosen by the {@code score} option. */
    public static final class GanomalyModel extends DeepModel {
        private final Standardizer standardizer;
        private final DenseStack encoder;
        private final DenseStack decoder;
        private final DenseStack encoder2;

        private GanomalyModel(ModelInfo info, TrainingScores scores, Standardizer standardizer, DenseStack encoder,
                              DenseStack decoder, DenseStack encoder2, History history) {
            super(info, scores, history);
            this.standardizer = standardizer;
            this.encoder = encoder;
            this.decoder = decoder;
            this.encoder2 = encoder2;
        }

        static double[] scores(DenseStack ge, DenseStack gd, DenseStack e2, Standardizer st, boolean latent,
                               double[][] x) {
            double[] s = new double[x.length];
            for (int from = 0; from < x.length; from += DenseStack.BLOCK) {
                double[][] rows = st.apply(x, from, Math.min(DenseStack.BLOCK, x.length - from));
                double[][] z = ge.forward(rows);
                double[][] xh = gd.forward(z);
                double[][] zh = latent ? e2.forward(xh) : null;
                for (int i = 0; i < rows.length; i++) {
                    s[from + i] = latent ? meanAbsDiff(z[i], zh[i]) : meanAbsDiff(rows[i], xh[i]);
                }
            }
            return s;
        }

        private static double meanAbsDiff(double[] a, double[] b) {
            double sum = 0;
            for (int k = 0; k < a.length; k++) {
                sum += Math.abs(a[k] - b[k]);
            }
            return sum / a.length;
        }

        @Override
        protected double[] scores(double[][] x) {
            return scores(encoder, decoder, encoder2, standardizer, options().get(SCORE).equals("latent"), x);
        }
    }
}
