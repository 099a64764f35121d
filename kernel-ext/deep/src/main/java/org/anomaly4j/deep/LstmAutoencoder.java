package org.anomaly4j.deep;

import java.util.ArrayList;
import java.util.List;

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
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * LSTM autoencoder over sliding windows of a time series: windows whose shape the sequence model cannot
 * reproduce contain anomalies.
 * <p><b>Method.</b> The rows are time steps in order (one or more feature columns), standardised with the
 * training mean and standard deviation. Windows of {@code window} rows start every {@code stride} rows, plus
 * one ending at the last row when the stride does not reach it, so every row is covered. An LSTM encoder
 * ({@code hidden} sizes, default 32) reads a window; its last hidden state, repeated over the window, feeds a
 * mirrored LSTM decoder and a Linear layer that reconstructs the window. Loss: mean squared error, trained
 * with Adam and the options of {@link TrainingParams} (dropout is not used: recurrent dropout is not applied).
 * <p><b>Score.</b> Each window is reconstructed; e(k, t) is the squared reconstruction error at position t of
 * window k, averaged over the features. {@code pointScore} maps these errors to one score per time point
 * ({@link PointScore}): by default ({@code point-error}) a point's score is its <em>own</em> error averaged
 * over the windows that cover it, as Malhotra et al. (2016) score each time step by its own error, so a
 * single-reading spike is not diluted by the rest of its windows; {@code window-mean} gives every point the
 * mean of the window scores (window score = mean error over window × features), which was the only mapping
 * before the option existed; {@code causal} takes a point's error as the last step of the window ending at it
 * (rows up to the point only, for streaming and the Numenta Anomaly Benchmark). Scoring a new series needs at
 * least {@code window} rows. No natural threshold (contamination 0.1). Scoring runs the network on the DJL
 * engine (one thread; deterministic).
 * <p><b>Parameters:</b> {@code window} = 50, {@code stride} = 1, {@code hidden} = 32, {@code pointScore} =
 * point-error (model files written before it existed load with window-mean, what they were fitted with), and
 * the training options (here {@code batchSize} counts windows).
 * <p><b>Complexity.</b> O(epochs · windows · window · h²) training, O(windows · window · h²) scoring with
 * windows ≈ n / stride; memory O(windows · window · d) floats for the windows.
 * <p><b>References.</b> P. Malhotra, A. Ramakrishnan, G. Anand, L. Vig, P. Agarwal, G. Shroff (2016),
 * "LSTM-based Encoder-Decoder for Multi-sensor Anomaly Detection", ICML Anomaly Detection Workshop,
 * arXiv:1607.00148. S. Hochreiter, J. Schmidhuber (1997), "Long Short-Term Memory", Neural Computation 9(8).
 */
public final class LstmAutoencoder extends DeepDetector<LstmAutoencoder, LstmAutoencoder.LstmAutoencoderModel> {

    public static final String NAME = "lstm-autoencoder";

    public static final Param<Integer> WINDOW = Param.integer("window", 50, 2, 100_000, "rows per window");
    public static final Param<Integer> STRIDE = Param.integer("stride", 1, 1, 100_000, "rows between window starts");
    public static final Param<Layers> HIDDEN = Layers.param("hidden", Layers.of(32), "LSTM encoder state sizes, mirrored by the decoder");
    public static final Param<PointScore> POINT_SCORE = PointScore.PARAM;

    public static final DetectorType<LstmAutoencoder, LstmAutoencoderModel> TYPE = DetectorType.of(NAME,
            "LSTM autoencoder over sliding windows (DJL/PyTorch); point score = the point's own reconstruction error "
                    + "over the windows covering it (pointScore)",
            LstmAutoencoder::new, LstmAutoencoderModel.class, new Codec(),
            TrainingParams.withTraining(false, WINDOW, STRIDE, HIDDEN, POINT_SCORE));

    private LstmAutoencoder(Options options) {
        super(TYPE, options);
    }

    /** The defaults listed above. */
    public static LstmAutoencoder with() {
        return TYPE.defaults();
    }

    /** Rows per window (default 50). */
    public LstmAutoencoder window(int rows) {
        return set(WINDOW, rows);
    }

    /** Rows between window starts (default 1). */
    public LstmAutoencoder stride(int rows) {
        return set(STRIDE, rows);
    }

    /** LSTM state sizes of the encoder (default 32); the decoder mirrors them. */
    public LstmAutoencoder hidden(int... sizes) {
        return set(HIDDEN, Layers.of(sizes));
    }

    /**
     * How a time point's score comes from the windows' errors (default {@link PointScore#POINT_ERROR}: the
     * point's own error; {@link PointScore#WINDOW_MEAN}: the mean error of its windows; {@link PointScore#CAUSAL}:
     * its error as the last step of the window ending at it).
     */
    public LstmAutoencoder pointScore(PointScore mapping) {
        return set(POINT_SCORE, mapping);
    }

    /** {@link #pointScore(PointScore)} by name: "point-error", "window-mean" or "causal". */
    public LstmAutoencoder pointScore(String mapping) {
        return set(POINT_SCORE, POINT_SCORE.parse(mapping));
    }

    @Override
    protected LstmAutoencoderModel fitChecked(double[][] x, ModelInfo info) {
        int window = get(WINDOW);
        checkLength(x.length, window);
        int d = x[0].length;
        int[] hidden = get(HIDDEN).toArray();
        Standardizer st = Standardizer.fit(x, get(TrainingParams.STANDARDIZE));
        float[][] windows = windows(st.floats(x), starts(x.length, window, get(STRIDE)), window);
        Training.Result r = Training.fit(NAME, new LstmAeBlock(hidden, d), windows, new long[] {window, d},
                Autoencoder::mse, LstmAeBlock.init(), trainingConfig());
        Weights w = new Weights(r.names(), r.shapes(), r.weights());
        double[] s = LstmAutoencoderModel.scores(w, hidden, st, window, get(STRIDE), get(POINT_SCORE), x);
        return new LstmAutoencoderModel(info, TrainingScores.fitted(info, s, Double.NaN), st, w, History.of(r));
    }

    static void checkLength(int n, int window) {
        if (n < window) {
            throw new IllegalArgumentException("the series has " + n + " rows, fewer than window=" + window
                    + "; use a longer series or a smaller window");
        }
    }

    /** Window starts: every stride rows, plus n − window when the stride does not reach the end. */
    static int[] starts(int n, int window, int stride) {
        int count = (n - window) / stride + 1;
        boolean extra = (count - 1) * stride != n - window;
        int[] s = new int[count + (extra ? 1 : 0)];
        for (int k = 0; k < count; k++) {
            s[k] = k * stride;
        }
        if (extra) {
            s[count] = n - window;
        }
        return s;
    }

    static float[][] windows(float[][] z, int[] starts, int window) {
        int d = z[0].length;
        float[][] out = new float[starts.length][window * d];
        for (int k = 0; k < starts.length; k++) {
            for (int t = 0; t < window; t++) {
                System.arraycopy(z[starts[k] + t], 0, out[k], t * d, d);
            }
        }
        return out;
    }

    /** The trained parameters, in the block's order, with their names and shapes. */
    record Weights(List<String> names, List<long[]> shapes, List<float[]> values) {
    }

    /** Model files: standardisation, every parameter (name, shape, values) and the loss history. */
    private static final class Codec implements ModelCodec<LstmAutoencoderModel> {
        @Override
        public void write(LstmAutoencoderModel m, StateWriter s) {
            m.standardizer.write(s);
            s.emptyArray("parameters");
            Weights w = m.weights;
            for (int k = 0; k < w.names().size(); k++) {
                long[] shape = w.shapes().get(k);
                int[] dims = new int[shape.length];
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = (int) shape[i];
                }
                s.addObject("parameters").put("name", w.names().get(k)).put("shape", dims)
                        .put("values", DenseStack.toDouble(w.values().get(k)));
            }
            m.historyRecord().write(s);
        }

        @Override
        public LstmAutoencoderModel read(ModelInfo info, TrainingScores scores, StateReader s) {
            int d = info.features().size();
            int[] hidden = info.options().get(HIDDEN).toArray();
            // the expected parameter list comes from the network the options describe, never from the file
            Weights expected = LstmAutoencoderModel.layout(hidden, d, info.options().get(WINDOW));
            List<StateReader> list = s.objects("parameters", expected.names().size());
            List<float[]> values = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                StateReader p = list.get(k);
                if (!p.text("name").equals(expected.names().get(k))) {
                    throw p.bad("name", "is \"" + p.text("name") + "\", expected \"" + expected.names().get(k) + "\"");
                }
                long[] shape = expected.shapes().get(k);
                int[] dims = p.ints("shape", shape.length, 1, Integer.MAX_VALUE);
                long size = 1;
                for (int i = 0; i < dims.length; i++) {
                    if (dims[i] != shape[i]) {
                        throw p.bad("shape", "is " + java.util.Arrays.toString(dims) + ", expected "
                                + java.util.Arrays.toString(shape));
                    }
                    size *= dims[i];
                }
                double[] v = p.numbers("values", (int) size);
                float[] f = new float[v.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) v[i];
                }
                values.add(f);
            }
            return new LstmAutoencoderModel(info, scores, Standardizer.read(s, d),
                    new Weights(expected.names(), expected.shapes(), values), History.read(s));
        }
    }

    /** A fitted LSTM autoencoder; {@link #score} gives one score per time point (row) of a series. */
    public static final class LstmAutoencoderModel extends DeepModel {
        private final Standardizer standardizer;
        private final Weights weights;

        private LstmAutoencoderModel(ModelInfo info, TrainingScores scores, Standardizer standardizer, Weights weights,
                                     History history) {
            super(info, scores, history);
            this.standardizer = standardizer;
            this.weights = weights;
        }

        /** Names and shapes of the parameters of the network for these options (values empty). */
        static Weights layout(int[] hidden, int d, int window) {
            LstmAeBlock block = new LstmAeBlock(hidden, d);
            try (NDManager m = DjlEngine.get().newBaseManager(Device.cpu())) {
                block.initialize(m, DataType.FLOAT32, Training.batchShape(1, new long[] {window, d}));
                List<String> names = new ArrayList<>();
                List<long[]> shapes = new ArrayList<>();
                for (Pair<String, Parameter> p : block.getParameters()) {
                    names.add(p.getKey());
                    shapes.add(p.getValue().getArray().getShape().getShape());
                }
                return new Weights(List.copyOf(names), List.copyOf(shapes), List.of());
            }
        }

        /**
         * Window reconstruction errors through the engine, mapped onto the points by {@code mapping} (windows
         * every {@code stride} rows, or every row for {@link PointScore#CAUSAL}).
         */
        static double[] scores(Weights w, int[] hidden, Standardizer st, int window, int stride, PointScore mapping,
                               double[][] x) {
            checkLength(x.length, window);
            int d = x[0].length;
            int[] starts = starts(x.length, window, mapping.scoringStride(stride));
            float[][] windows = windows(st.floats(x), starts, window);
            double[] windowScores = new double[starts.length];
            double[][] pointErrors = new double[starts.length][window];
            LstmAeBlock block = new LstmAeBlock(hidden, d);
            try (NDManager m = DjlEngine.get().newBaseManager(Device.cpu())) {
                block.initialize(m, DataType.FLOAT32, Training.batchShape(1, new long[] {window, d}));
                int k = 0;
                for (Pair<String, Parameter> p : block.getParameters()) {
                    p.getValue().getArray().set(w.values().get(k++));
                }
                ParameterStore ps = new ParameterStore(m, false);
                for (int from = 0; from < starts.length; from += Training.EVAL_CHUNK) {
                    int b = Math.min(Training.EVAL_CHUNK, starts.length - from);
                    try (NDManager sub = m.newSubManager()) {
                        float[] buf = new float[b * window * d];
                        for (int i = 0; i < b; i++) {
                            System.arraycopy(windows[from + i], 0, buf, i * window * d, window * d);
                        }
                        NDArray xb = DjlEngine.owned(sub, buf, Training.batchShape(b, new long[] {window, d}));
                        NDArray out = block.forward(ps, new NDList(xb), false).singletonOrThrow();
                        float[] rec = out.toFloatArray();
                        int len = window * d;
                        for (int i = 0; i < b; i++) {
                            double e = 0;
                            double[] pe = pointErrors[from + i];
                            // positions t, features j in memory order: e sums in the order it always had, so
                            // window-mean scores are unchanged to the last bit
                            for (int t = 0, at = i * len; t < window; t++) {
                                double p = 0;
                                for (int j = 0; j < d; j++, at++) {
                                    double u = (double) rec[at] - buf[at];
                                    e += u * u;
                                    p += u * u;
                                }
                                pe[t] = p / d;
                            }
                            windowScores[from + i] = e / len;
                        }
                    }
                }
            }
            return mapping.map(pointErrors, windowScores, starts, x.length);
        }

        @Override
        protected double[] scores(double[][] x) {
            return scores(weights, options().get(HIDDEN).toArray(), standardizer, options().get(WINDOW),
                    options().get(STRIDE), options().get(POINT_SCORE), x);
        }
    }
}
