package org.anomaly4j.deep;

import org.anomaly4j.detect.DetectorType;
import org.anomaly4j.detect.ModelCodec;
import org.anomaly4j.detect.ModelInfo;
import org.anomaly4j.detect.Options;
import org.anomaly4j.detect.Param;
import org.anomaly4j.detect.TrainingScores;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Variational autoencoder: rows that the learned latent model explains poorly — a large negative evidence
 * lower bound (ELBO) — are anomalies.
 * <p><b>Method.</b> Standardised rows z (training mean and standard deviation, recorded) go through an encoder
 * (Linear → ReLU → Dropout per size of {@code hidden}, default 128, 64, 32) to μ(z) and log σ²(z) of a
 * {@code latent}-dimensional Gaussian q(u | z); a decoder mirroring the encoder maps u back to ẑ(u). With a
 * unit-variance Gaussian decoder the loss per row is
 * <pre>  L(z) = ½ Σ_j (z_j − ẑ_j(u))² + β · KL(q(u|z) ‖ N(0, I)),
 *   KL = −½ Σ_k (1 + log σ_k² − μ_k² − σ_k²),   u = μ + σ·ε, ε ~ N(0, I)</pre>
 * (the negative ELBO up to the constant (d/2)·log 2π; β-VAE weighting of Higgins et al.), minimised with Adam
 * as for the {@link Autoencoder}.
 * <p><b>Score.</b> The negative ELBO with the posterior mean in place of a sample, u = μ(z): deterministic,
 * s(x) = ½ Σ_j (z_j − ẑ_j(μ))² + β · KL. Higher = more anomalous. No natural threshold (contamination 0.1).
 * <p><b>Parameters</b> (PyOD {@code VAE} names): {@code hidden} = 128,64,32 ({@code encoder_neuron_list},
 * mirrored as {@code decoder_neuron_list}), {@code latent} = 2 ({@code latent_dim}), {@code beta} = 1
 * ({@code beta}), and the training options of {@link TrainingParams}.
 * <p><b>Complexity.</b> As the autoencoder: training O(epochs · n · P), scoring O(n · P) in plain Java.
 * <p><b>References.</b> D. P. Kingma, M. Welling (2014), "Auto-Encoding Variational Bayes", ICLR. J. An,
 * S. Cho (2015), "Variational autoencoder based anomaly detection using reconstruction probability", SNU
 * Data Mining Center, Special Lecture on IE 2(1). I. Higgins et al. (2017), "β-VAE", ICLR.
 */
public final class Vae extends DeepDetector<Vae, Vae.VaeModel> {

    public static final String NAME = "vae";

    public static final Param<Layers> HIDDEN = Layers.param("hidden", Layers.of(128, 64, 32),
            "encoder layer sizes, mirrored by the decoder (encoder_neuron_list)");
    public static final Param<Integer> LATENT = Param.integer("latent", 2, 1, Layers.MAX_SIZE, "latent dimensions (latent_dim)");
    public static final Param<Double> BETA = Param.number("beta", 1, 0, false, Double.POSITIVE_INFINITY, false,
            "weight of the KL term (beta)");

    public static final DetectorType<Vae, VaeModel> TYPE = DetectorType.of(NAME,
            "variational autoencoder (DJL/PyTorch); score = negative ELBO at the posterior mean",
            Vae::new, VaeModel.class, new Codec(), TrainingParams.withTraining(true, HIDDEN, LATENT, BETA));

    private Vae(Options options) {
        super(TYPE, options);
    }

    /** The defaults listed above. */
    public static Vae with() {
        return TYPE.defaults();
    }

    /** Encoder layer sizes (default 128, 64, 32); the decoder mirrors them. */
    public Vae hidden(int... sizes) {
        return set(HIDDEN, Layers.of(sizes));
    }

    /** Latent dimensions (default 2). */
    public Vae latent(int dimensions) {
        return set(LATENT, dimensions);
    }

    /** Weight of the KL term, ≥ 0 (default 1; 0 gives a plain autoencoder with a Gaussian bottleneck). */
    public Vae beta(double weight) {
        return set(BETA, weight);
    }

    @Override
    protected VaeModel fitChecked(double[][] x, ModelInfo info) {
        int d = x[0].length;
        int[] hidden = get(HIDDEN).toArray();
        int latent = get(LATENT);
        double beta = get(BETA);
        int[] enc = DenseStack.append(hidden, 2 * latent);
        int[] dec = DenseStack.decoder(hidden, d);
        double dropout = get(TrainingParams.DROPOUT);
        VaeBlock block = new VaeBlock(DenseStack.block(enc, dropout), DenseStack.block(dec, dropout), latent);
        Standardizer st = Standardizer.fit(x, get(TrainingParams.STANDARDIZE));
        float b = (float) beta;
        Training.Result r = Training.fit(NAME, block, st.floats(x), new long[] {d},
                (NDList out, NDArray batch) -> negativeElbo(out, batch, b), Training.linear(), trainingConfig());
        DenseStack encoder = DenseStack.of(r, 0, enc.length);
        DenseStack decoder = DenseStack.of(r, enc.length, enc.length + dec.length);
        double[] s = VaeModel.scores(encoder, decoder, st, latent, beta, x);
        return new VaeModel(info, TrainingScores.fitted(info, s, Double.NaN), st, encoder, decoder, History.of(r));
    }

    /** Mean over the batch of ½ Σ (ẑ − z)² + β · KL. */
    static NDArray negativeElbo(NDList out, NDArray batch, float beta) {
        NDArray recon = out.get(0).sub(batch).square().sum(new int[] {1}).mul(0.5f);
        NDArray mu = out.get(1);
        NDArray logVar = out.get(2);
        NDArray kl = logVar.add(1).sub(mu.square()).sub(logVar.exp()).sum(new int[] {1}).mul(-0.5f);
        return recon.add(kl.mul(beta)).mean();
    }

    /** Model files: standardisation, encoder and decoder layers, loss history. */
    private static final class Codec implements ModelCodec<VaeModel> {
        @Override
        public void write(VaeModel m, StateWriter s) {
            m.standardizer.write(s);
            m.encoder.write(s, "encoder");
            m.decoder.write(s, "decoder");
            m.historyRecord().write(s);
        }

        @Override
        public VaeModel read(ModelInfo info, TrainingScores scores, StateReader s) {
            int d = info.features().size();
            int layers = info.options().get(HIDDEN).sizes().size() + 1;
            int latent = info.options().get(LATENT);
            return new VaeModel(info, scores, Standardizer.read(s, d), DenseStack.read(s, "encoder", layers, d, 2 * latent),
                    DenseStack.read(s, "decoder", layers, latent, d), History.read(s));
        }
    }

    /** A fitted VAE; {@link #score} is the negative ELBO at the posterior mean (see the class comment). */
    public static final class VaeModel extends DeepModel {
        private final Standardizer standardizer;
        private final DenseStack encoder;
        private final DenseStack decoder;

        private VaeModel(ModelInfo info, TrainingScores scores, Standardizer standardizer, DenseStack encoder,
                         DenseStack decoder, History history) {
            super(info, scores, history);
            this.standardizer = standardizer;
            this.encoder = encoder;
            this.decoder = decoder;
        }

        static double[] scores(DenseStack encoder, DenseStack decoder, Standardizer st, int latent, double beta,
                               double[][] x) {
            double[] s = new double[x.length];
            for (int from = 0; from < x.length; from += DenseStack.BLOCK) {
                double[][] z = st.apply(x, from, Math.min(DenseStack.BLOCK, x.length - from));
                double[][] h = encoder.forward(z);
                double[][] mu = new double[z.length][];
                for (int i = 0; i < z.length; i++) {
                    mu[i] = java.util.Arrays.copyOf(h[i], latent);
                }
                double[][] r = decoder.forward(mu);
                for (int i = 0; i < z.length; i++) {
                    double kl = 0;
                    for (int k = 0; k < latent; k++) {
                        double lv = h[i][latent + k];
                        kl += 1 + lv - mu[i][k] * mu[i][k] - Math.exp(lv);
                    }
                    double rec = 0;
                    for (int j = 0; j < z[i].length; j++) {
                        double u = z[i][j] - r[i][j];
                        rec += u * u;
                    }
                    s[from + i] = 0.5 * rec - 0.5 * beta * kl;
                }
            }
            return s;
        }

        @Override
        protected double[] scores(double[][] x) {
            return scores(encoder, decoder, standardizer, options().get(LATENT), options().get(BETA), x);
        }

        /** The posterior mean μ(z) of each row: the latent coordinates (for plots of the latent space). */
        public double[][] encode(double[][] x) {
            checkWidth(x);
            int latent = options().get(LATENT);
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                out[i] = java.util.Arrays.copyOf(encoder.forward(standardizer.apply(x[i])), latent);
            }
            return out;
        }
    }
}
