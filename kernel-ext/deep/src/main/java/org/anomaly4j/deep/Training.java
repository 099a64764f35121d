package org.anomaly4j.deep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;

import org.anomaly4j.progress.Progress;

/**
 * The one training loop of the deep detectors: seeded validation split and shuffling, mini-batch Adam with
 * L2 weight decay, learning-rate reduction on plateau, early stopping that keeps the best epoch's weights,
 * and a per-epoch progress line. The network and its loss are the caller's; the loop sees rows as flat
 * float arrays of one sample shape.
 * <p>Rules, matching the PyTorch reference script {@code gen_deep.py} line for line:
 * <ul>
 *   <li>validation: the first round(n · validation) rows of a seeded permutation (none when validation = 0;
 *   then the training loss is monitored);</li>
 *   <li>an epoch improves when the monitored loss is below best · (1 − 1e-4) (PyTorch's
 *   {@code ReduceLROnPlateau} default relative threshold);</li>
 *   <li>after more than {@code lrPatience} epochs without improvement the learning rate is multiplied by
 *   {@code lrFactor} (PyTorch's {@code ReduceLROnPlateau(patience, factor)});</li>
 *   <li>after {@code patience} epochs without improvement training stops (Keras {@code EarlyStopping}) and
 *   the weights of the best epoch are kept ({@code restore_best_weights=True}).</li>
 * </ul>
 */
final class Training {

    /** Relative improvement an epoch needs (torch.optim.lr_scheduler.ReduceLROnPlateau threshold=1e-4, mode "rel"). */
    static final double IMPROVEMENT = 1e-4;
    /** Rows per forward pass when evaluating (memory bound only; results do not depend on it). */
    static final int EVAL_CHUNK = 1024;

    private Training() {
    }

    /** The optimisation settings. */
    record Config(int epochs, int batchSize, double learningRate, double weightDecay, double validation,
                  int patience, int lrPatience, double lrFactor, long seed) {
    }

    /** A batch loss: network outputs and the input batch → a scalar (mean over the batch). */
    @FunctionalInterface
    interface LossFn {
        NDArray loss(NDList out, NDArray batch);
    }

    /** Initial weight bound for one parameter: values are drawn from U(−bound, bound). */
    @FunctionalInterface
    interface Init {
        double bound(String name, Shape shape);
    }

    /**
     * PyTorch's default for nn.Linear (kaiming_uniform with a = √5, and its bias rule): U(±1/√fan_in), the bias
     * taking the fan-in of the weight before it. A new instance per fit (it remembers that fan-in).
     */
    static Init linear() {
        return new Init() {
            private double last = 1;

            @Override
            public double bound(String name, Shape shape) {
                if (shape.dimension() >= 2) {
                    last = 1 / Math.sqrt(shape.get(1));
                }
                return last;
            }
        };
    }

    /** The trained weights (best epoch) in the block's parameter order, and the loss history. */
    record Result(List<String> names, List<long[]> shapes, List<float[]> weights, double[] loss, double[] valLoss,
                  int bestEpoch) {
    }

    /**
     * What the loop trains: one network and its optimiser ({@link #single}), or several (the GAN). The loop
     * owns the data, the order, the learning rate and the stopping; the learner owns the networks.
     */
    interface Learner extends AutoCloseable {
        /** The manager the loop's arrays live under (batches use sub-managers of it, closed per batch). */
        NDManager manager();

        /** One optimisation step on a batch; returns the batch's training loss. */
        double step(NDArray batch);

        /** The monitored loss of a batch, in evaluation mode (no dropout, no update). */
        double evaluate(NDArray batch);

        /** Names, shapes and a copy of the current values of the weights that make the model, in a fixed order. */
        List<String> names();

        List<long[]> shapes();

        List<float[]> snapshot();

        /**
         * Replaces the initial weights of every network (in order, each network's parameters concatenated)
         * before the first step: the parity tests start from the weights of a PyTorch run.
         */
        void load(float[] weights);

        @Override
        void close();
    }

    /** Opens a learner whose optimisers read the learning rate from {@code lr}, with initial weights drawn from {@code rnd}. */
    @FunctionalInterface
    interface LearnerFactory {
        Learner open(Tracker lr, Config c, Shape inputShape, SplittableRandom rnd);
    }

    /**
     * Adam with the configured L2 weight decay (added to the gradient, as {@code torch.optim.Adam(weight_decay)})
     * and a learning rate read from {@code lr}.
     */
    static TorchAdam adam(Tracker lr, Config c) {
        return new TorchAdam(lr, (float) c.weightDecay());
    }

    /**
     * One network {@code block} minimising {@code lossFn} with Adam: a hand-written step (forward, loss,
     * backward, one Adam update of all weights, see {@link FlatParameters}) instead of DJL's {@code Trainer},
     * whose per-parameter update and bookkeeping cost more than the arithmetic on small networks.
     */
    static LearnerFactory single(Block block, LossFn lossFn, Init init) {
        return (lr, c, inputShape, rnd) -> {
            NDManager manager = DjlEngine.get().newBaseManager(Device.cpu());
            FlatParameters net;
            try {
                net = new FlatParameters(block, manager, inputShape, init, rnd);
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
            TorchAdam adam = adam(lr, c);
            return new Learner() {
                @Override
                public NDManager manager() {
                    return manager;
                }

                @Override
                public double step(NDArray xb) {
                    double loss;
                    try (GradientCollector gc = DjlEngine.get().newGradientCollector()) {
                        NDList out = block.forward(net.bind(xb.getManager(), false), new NDList(xb), true);
                        NDArray l = lossFn.loss(out, xb);
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    net.update(adam);
                    return loss;
                }

                @Override
                public double evaluate(NDArray xb) {
                    NDList out = block.forward(net.bind(xb.getManager(), false), new NDList(xb), false);
                    return lossFn.loss(out, xb).getFloat();
                }

                @Override
                public List<String> names() {
                    return net.names();
                }

                @Override
                public List<long[]> shapes() {
                    return net.shapes();
                }

                @Override
                public List<float[]> snapshot() {
                    return net.snapshot();
                }

                @Override
                public void load(float[] weights) {
                    net.load(weights);
                }

                @Override
                public void close() {
                    manager.close();
                }
            };
        };
    }

    /** Trains {@code block} on the rows of {@code data} (each of the sample shape's size) to minimise {@code lossFn}. */
    static Result fit(String what, Block block, float[][] data, long[] sampleShape, LossFn lossFn, Init init,
                      Config c) {
        return fit(what, data, sampleShape, c, single(block, lossFn, init));
    }

    /** The loop: split, epochs of shuffled mini-batches, validation, plateau and early stopping, progress. */
    static Result fit(String what, float[][] data, long[] sampleShape, Config c, LearnerFactory factory) {
        int n = data.length;
        DjlEngine.get();
        DjlEngine.seed(c.seed());
        SplittableRandom rnd = new SplittableRandom(c.seed());
        int[] perm = permutation(n, rnd);
        int nVal = c.validation() > 0 ? (int) Math.round(n * c.validation()) : 0;
        if (c.validation() > 0 && (nVal < 1 || n - nVal < 1)) {
            throw new IllegalArgumentException("validation=" + c.validation() + " leaves " + nVal + " validation and "
                    + (n - nVal) + " training rows of " + n + "; use more rows or validation=0");
        }
        int[] val = Arrays.copyOfRange(perm, 0, nVal);
        int[] train = Arrays.copyOfRange(perm, nVal, n);
        float[] lr = {(float) c.learningRate()};
        Tracker tracker = update -> lr[0];
        List<Double> losses = new ArrayList<>();
        List<Double> valLosses = new ArrayList<>();
        Progress progress = Progress.start(what);
        try (Learner learner = factory.open(tracker, c, batchShape(1, sampleShape), rnd)) {
            List<float[]> best = learner.snapshot();
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            int wait = 0;
            int plateau = 0;
            int rowLen = data[0].length;
            for (int epoch = 1; epoch <= c.epochs(); epoch++) {
                shuffle(train, rnd);
                double sum = 0;
                // the epoch's rows in their shuffled order as one array, cut into batch views by one native split
                try (NDManager ep = learner.manager().newSubManager()) {
                    NDArray rows = DjlEngine.owned(ep, gather(data, train, 0, train.length, rowLen),
                            batchShape(train.length, sampleShape));
                    NDList batches = rows.split(batchStarts(train.length, c.batchSize()), 0);
                    for (int k = 0; k < batches.size(); k++) {
                        try (NDManager sub = ep.newSubManager()) {
                            NDArray xb = batches.get(k);
                            xb.attach(sub);
                            sum += learner.step(xb) * xb.getShape().get(0);
                        }
                    }
                }
                double loss = sum / train.length;
                double valLoss = nVal > 0 ? evaluate(learner, data, val, rowLen, sampleShape) : Double.NaN;
                if (!Double.isFinite(loss)) {
                    throw new IllegalArgumentException(what + ": the training loss became " + loss + " in epoch "
                            + epoch + "; lower learningRate (now " + c.learningRate() + ") or scale the features");
                }
                losses.add(loss);
                valLosses.add(valLoss);
                double monitored = nVal > 0 ? valLoss : loss;
                progress.update(String.format(Locale.ROOT, "epoch %d/%d, loss %.5f, val_loss %.5f, lr %.2g",
                        epoch, c.epochs(), loss, valLoss, lr[0]));
                if (monitored < bestLoss - IMPROVEMENT * Math.abs(bestLoss) || epoch == 1) {
                    bestLoss = monitored;
                    bestEpoch = epoch;
                    best = learner.snapshot();
                    wait = 0;
                    plateau = 0;
                } else {
                    wait++;
                    plateau++;
                    if (plateau > c.lrPatience()) {
                        lr[0] *= (float) c.lrFactor();
                        plateau = 0;
                    }
                    if (wait >= c.patience()) {
                        break;
                    }
                }
            }
            progress.done(losses.size() + " epochs, best " + bestEpoch);
            return new Result(List.copyOf(learner.names()), List.copyOf(learner.shapes()), best, unbox(losses),
                    unbox(valLosses), bestEpoch);
        }
    }

    private static double evaluate(Learner learner, float[][] data, int[] rows, int rowLen, long[] sampleShape) {
        double sum = 0;
        for (int from = 0; from < rows.length; from += EVAL_CHUNK) {
            int b = Math.min(EVAL_CHUNK, rows.length - from);
            try (NDManager sub = learner.manager().newSubManager()) {
                NDArray xb = DjlEngine.owned(sub, gather(data, rows, from, b, rowLen), batchShape(b, sampleShape));
                sum += learner.evaluate(xb) * b;
            }
        }
        return sum / rows.length;
    }

    static Shape batchShape(long b, long[] sampleShape) {
        long[] s = new long[sampleShape.length + 1];
        s[0] = b;
        System.arraycopy(sampleShape, 0, s, 1, sampleShape.length);
        return new Shape(s);
    }

    /** Where batches of {@code size} rows start after the first, as {@link NDArray#split(long[], int)} wants them. */
    static long[] batchStarts(int n, int size) {
        long[] starts = new long[(n - 1) / size];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = (long) (k + 1) * size;
        }
        return starts;
    }

    private static float[] gather(float[][] data, int[] rows, int from, int b, int rowLen) {
        float[] buf = new float[b * rowLen];
        for (int i = 0; i < b; i++) {
            System.arraycopy(data[rows[from + i]], 0, buf, i * rowLen, rowLen);
        }
        return buf;
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rnd);
        return p;
    }

    /** Fisher–Yates shuffle in place. */
    static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double[] unbox(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }
}
