package org.anomaly4j.deep;

import org.anomaly4j.detect.DetectorType;
import org.anomaly4j.detect.Explainable;
import org.anomaly4j.detect.ModelCodec;
import org.anomaly4j.detect.ModelInfo;
import org.anomaly4j.detect.Options;
import org.anomaly4j.detect.Param;
import org.anomaly4j.detect.TrainingScores;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

import ai.djl.ndarray.NDArray;


/**
 * Dense autoencoder: a network trained to reproduce normal rows through a narrow bottleneck reconstructs
 * anomalies badly, so the reconstruction error is the anomaly score.
 * <p><b>Method.</b> Features are standardised with the training mean and standard deviation (recorded in the
 * model). The encoder is Linear → ReLU → Dropout per size of {@code hidden} (default 64, 32, 16); the decoder
 * mirrors it (32, 64, Linear → ReLU → Dropout) and ends in a Linear layer back to the d features, without
 * activation. Training minimises the mean squared error with Adam (L2 {@code weightDecay} added to the
 * gradient, as {@code torch.optim.Adam(weight_decay)}), in mini-batches, with early stopping on a validation
 * split and learning-rate reduction on plateau (see {@code Training}). The score of a row x with
 * standardised value z and reconstruction ẑ is
 * <pre>  s(x) = (1/d) Σ_j (z_j − ẑ_j)²</pre>
 * (PyOD's {@code AutoEncoder} decision function up to the mean instead of the Euclidean distance).
 * <p><b>Threshold.</b> No natural cut: the default rule is contamination 0.1 of the training scores (PyOD's
 * default {@code contamination=0.1}).
 * <p><b>Parameters</b> (PyOD {@code AutoEncoder} names in brackets): {@code hidden} = 64,32,16
 * ({@code hidden_neuron_list}, mirrored), {@code dropout} = 0.2 ({@code dropout_rate}), {@code weightDecay} =
 * 1e-5, {@code learningRate} = 1e-3 ({@code lr}), {@code batchSize} = 32, {@code epochs} = 50
 * ({@code epoch_num}), {@code patience} = 10, {@code validation} = 0.1, {@code lrPatience} = 5,
 * {@code lrFactor} = 0.5, {@code standardize} = true ({@code preprocessing}), {@code seed} = 0
 * ({@code random_state}).
 * <p><b>Determinism.</b> Same data, options and seed → identical weights and scores (see {@link DjlEngine}).
 * <p><b>Complexity.</b> Training O(epochs · n · P) with P = Σ (layer inputs · outputs) weights; scoring
 * O(n · P) in plain Java; memory O(P) for the model.
 * <p><b>References.</b> G. E. Hinton, R. R. Salakhutdinov (2006), "Reducing the dimensionality of data with
 * neural networks", Science 313(5786), pp. 504–507. M. Sakurada, T. Yairi (2014), "Anomaly detection using
 * autoencoders with nonlinear dimensionality reduction", MLSDA workshop, ACM, pp. 4–11. C. C. Aggarwal
 * (2017), Outlier Analysis, 2nd ed., Springer, §3.5.
 * <pre>{@code
 * var m = Autoencoder.with().hidden(64, 32, 16).epochs(30).seed(0).fit(cards, features);
 * m.history();      // epoch, loss, val_loss
 * }</pre>
 */
public final class Autoencoder extends DeepDetector<Autoencoder, Autoencoder.AutoencoderModel> {

    public static final String NAME = "autoencoder";
    public static final Param<Layers> HIDDEN = Layers.param("hidden", Layers.of(64, 32, 16),
            "encoder layer sizes, mirrored by the decoder (hidden_neuron_list)");

    public static final DetectorType<Autoencoder, AutoencoderModel> TYPE = DetectorType.of(NAME,
            "dense autoencoder (DJL/PyTorch); score = mean squared reconstruction error of the standardised row",
            Autoencoder::new, AutoencoderModel.class, new Codec(), TrainingParams.withTraining(true, HIDDEN));

    private Autoencoder(Options options) {
        super(TYPE, options);
    }

    /** The defaults listed above. */
    public static Autoencoder with() {
        return TYPE.defaults();
    }

    /** Encoder layer sizes (default 64, 32, 16); the decoder mirrors them. */
    public Autoencoder hidden(int... sizes) {
        return set(HIDDEN, Layers.of(sizes));
    }

    @Override
    protected AutoencoderModel fitChecked(double[][] x, ModelInfo info) {
        int d = x[0].length;
        int[] enc = get(HIDDEN).toArray();
        int[] sizes = mirrored(enc, d);
        Standardizer st = Standardizer.fit(x, get(TrainingParams.STANDARDIZE));
        Training.Result r = Training.fit(NAME, DenseStack.block(sizes, get(TrainingParams.DROPOUT)), st.floats(x),
                new long[] {d}, Autoencoder::mse, Training.linear(), trainingConfig());
        DenseStack net = DenseStack.of(r, 0, sizes.length);
        double[] s = AutoencoderModel.scores(net, st, x);
        return new AutoencoderModel(info, TrainingScores.fitted(info, s, Double.NaN), st, net, History.of(r));
    }

    /** Encoder sizes, then the decoder's (mirrored, without the bottleneck), then d. */
    static int[] mirrored(int[] enc, int d) {
        int[] dec = DenseStack.decoder(java.util.Arrays.copyOf(enc, enc.length - 1), d);
        int[] sizes = java.util.Arrays.copyOf(enc, enc.length + dec.length);
        System.arraycopy(dec, 0, sizes, enc.length, dec.length);
        return sizes;
    }

    static NDArray mse(ai.djl.ndarray.NDList out, NDArray batch) {
        return out.singletonOrThrow().sub(batch).square().mean();
    }

    /** Model files: the standardisation, the layers (shape, weight, bias) and the loss history. */
    private static final class Codec implements ModelCodec<AutoencoderModel> {
        @Override
        public void write(AutoencoderModel m, StateWriter s) {
            m.standardizer.write(s);
            m.net.write(s, "layers");
            m.historyRecord().write(s);
        }

        @Override
        public AutoencoderModel read(ModelInfo info, TrainingScores scores, StateReader s) {
            int d = info.features().size();
            int layers = 2 * info.options().get(HIDDEN).sizes().size();
            return new AutoencoderModel(info, scores, Standardizer.read(s, d), DenseStack.read(s, "layers", layers, d, d),
                    History.read(s));
        }
    }

    /**
     * A fitted autoencoder: standardisation, weights and training history. {@link #score} is the mean squared
     * reconstruction error of the standardised row.
     */
    public static final class AutoencoderModel extends DeepModel implements Explainable {
        private final Standardizer standardizer;
        private final DenseStack net;

        private AutoencoderModel(ModelInfo info, TrainingScores scores, Standardizer standardizer, DenseStack net,
                                 History history) {
            super(info, scores, history);
            this.standardizer = standardizer;
            this.net = net;
        }

        static double[] scores(DenseStack net, Standardizer st, double[][] x) {
            double[] s = new double[x.length];
            for (int from = 0; from < x.length; from += DenseStack.BLOCK) {
                double[][] z = st.apply(x, from, Math.min(DenseStack.BLOCK, x.length - from));
                double[][] r = net.forward(z);
                for (int i = 0; i < z.length; i++) {
                    double sum = 0;
                    for (int j = 0; j < z[i].length; j++) {
                        double u = z[i][j] - r[i][j];
                        sum += u * u;
                    }
                    s[from + i] = sum / z[i].length;
                }
            }
            return s;
        }

        private static double[] errors(DenseStack net, Standardizer st, double[] row) {
            double[] z = st.apply(row);
            double[] r = net.forward(z);
            for (int j = 0; j < z.length; j++) {
                double u = z[j] - r[j];
                z[j] = u * u;
            }
            return z;
        }

        @Override
        protected double[] scores(double[][] x) {
            return scores(net, standardizer, x);
        }

        /** The reconstruction of each row, in the original units (standardisation undone). */
        public double[][] reconstruct(double[][] x) {
            checkWidth(x);
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                double[] r = net.forward(standardizer.apply(x[i]));
                for (int j = 0; j < r.length; j++) {
                    r[j] = r[j] * standardizer.scale()[j] + standardizer.mean()[j];
                }
                out[i] = r;
            }
            return out;
        }

        /**
         * Each feature's share of the row's squared reconstruction error (standardised units): non-negative,
         * summing to 1 (all zero for a perfect reconstruction).
         */
        @Override
        public double[] explain(double[] row) {
            if (row == null || row.length != features().size()) {
                throw new IllegalArgumentException("row has " + (row == null ? 0 : row.length) + " values, the model "
                        + features().size() + " features " + features());
            }
            checkWidth(new double[][] {row});
            double[] e = errors(net, standardizer, row);
            double total = 0;
            for (double v : e) {
                total += v;
            }
            for (int j = 0; j < e.length && total > 0; j++) {
                e[j] /= total;
            }
            return e;
        }
    }
}
