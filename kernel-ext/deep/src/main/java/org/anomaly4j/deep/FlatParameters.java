package org.anomaly4j.deep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * All trainable weights of a DJL block in one flat float32 tensor, the only one that records a gradient.
 * <p><b>Why.</b> DJL's {@code Trainer.step} updates each parameter on its own: per parameter and batch it
 * fetches the gradient, copies it, runs Adam as about ten small tensor operations and zeroes the gradient,
 * each a native call — on the default autoencoder (12 parameters, batch 32) about 30 % of the time spent in
 * native code (JFR profile of the {@code make bench} task). Here each forward pass reads the parameters as views of the flat tensor (one split, one reshape per
 * parameter, no copy), the backward pass accumulates every gradient into the flat tensor's one gradient, and
 * one Adam update ({@link TorchAdam}) covers every weight. Adam is elementwise, so one update of the
 * concatenation equals the per-parameter updates.
 * <p>The block's own parameter arrays keep the values DJL's initialiser gave them and are never read: the
 * blocks read their weights through the {@link ParameterStore} returned by {@link #bind}.
 */
final class FlatParameters {

    private final List<Parameter> params = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<long[]> shapes = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] offsets;
    private final long[] splits;
    private final NDManager manager;
    private NDArray flat;

    /**
     * Initialises {@code block} for {@code inputShape} on {@code manager}, draws the initial weights from
     * {@code rnd} with {@code init} (parameters in the block's order, values in row-major order) and copies them
     * into the flat tensor.
     */
    FlatParameters(Block block, NDManager manager, Shape inputShape, Training.Init init, SplittableRandom rnd) {
        block.initialize(manager, DataType.FLOAT32, inputShape);
        for (Pair<String, Parameter> p : block.getParameters()) {
            index.put(p.getValue().getId(), params.size());
            params.add(p.getValue());
            names.add(p.getKey());
            shapes.add(p.getValue().getArray().getShape().getShape());
        }
        offsets = new int[params.size() + 1];
        for (int k = 0; k < params.size(); k++) {
            offsets[k + 1] = offsets[k] + (int) new Shape(shapes.get(k)).size();
        }
        splits = new long[Math.max(0, params.size() - 1)];
        for (int k = 0; k < splits.length; k++) {
            splits[k] = offsets[k + 1];
        }
        float[] values = new float[offsets[params.size()]];
        for (int k = 0; k < params.size(); k++) {
            double bound = init.bound(names.get(k), new Shape(shapes.get(k)));
            for (int i = offsets[k]; i < offsets[k + 1]; i++) {
                values[i] = (float) ((2 * rnd.nextDouble() - 1) * bound);
            }
        }
        this.manager = manager;
        load(values);
    }

    /** Number of weights. */
    int size() {
        return offsets[params.size()];
    }

    /**
     * Replaces the weights (before the first update: the optimiser's state is not reset) with {@code values},
     * the parameters' values concatenated in the block's order; the parity tests start from PyTorch's weights.
     */
    void load(float[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException("expected " + size() + " weights, got " + values.length);
        }
        if (flat != null) {
            flat.close();
        }
        flat = DjlEngine.owned(manager, values, new Shape(values.length));
        flat.setRequiresGradient(true);
    }

    List<String> names() {
        return names;
    }

    List<long[]> shapes() {
        return shapes;
    }

    /** The current weights, one array per parameter, in the block's order. */
    List<float[]> snapshot() {
        float[] all = flat.toFloatArray();
        List<float[]> out = new ArrayList<>(params.size());
        for (int k = 0; k < params.size(); k++) {
            out.add(java.util.Arrays.copyOfRange(all, offsets[k], offsets[k + 1]));
        }
        return out;
    }

    /**
     * A parameter store for one forward pass whose parameters are views of the flat tensor, attached to
     * {@code batch} (closed with it). With {@code frozen} the views are cut from a detached copy of the handle,
     * so gradients flow through the network to its input but never into these weights (GANomaly's generator
     * step through the discriminator).
     */
    ParameterStore bind(NDManager batch, boolean frozen) {
        NDArray source = frozen ? flat.stopGradient() : flat;
        NDList pieces = splits.length > 0 ? source.split(splits, 0) : new NDList(source.reshape(source.getShape()));
        pieces.attach(batch);
        if (frozen) {
            source.attach(batch);
        }
        NDArray[] views = new NDArray[params.size()];
        for (int k = 0; k < views.length; k++) {
            // a piece of the split is already the right vector for a bias; matrices need their shape back
            views[k] = shapes.get(k).length == 1 ? pieces.get(k) : pieces.get(k).reshape(new Shape(shapes.get(k)));
        }
        return new Views(batch, index, views);
    }

    /** One Adam step on every weight from the accumulated gradient, which the step then zeroes. */
    void update(TorchAdam adam) {
        try (NDArray grad = flat.getGradient()) {
            adam.step(flat, grad);
        }
    }

    /** A store that hands out the views of one pass (never copies, never updates). */
    private static final class Views extends ParameterStore {
        private final Map<String, Integer> index;
        private final NDArray[] views;

        Views(NDManager manager, Map<String, Integer> index, NDArray[] views) {
            super(manager, false);
            this.index = index;
            this.views = views;
        }

        @Override
        public NDArray getValue(Parameter parameter, Device device, boolean training) {
            return parameter == null ? null : views[index.get(parameter.getId())];
        }
    }
}
