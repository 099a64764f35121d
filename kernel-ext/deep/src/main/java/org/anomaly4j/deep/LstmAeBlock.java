package org.anomaly4j.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The LSTM autoencoder's network (Malhotra et al. 2016): stacked LSTM encoder → its last hidden state,
 * repeated over the window → stacked LSTM decoder (sizes mirrored) → Linear to the d features at every step.
 * Input and output (batch, window, d).
 */
final class LstmAeBlock extends AbstractBlock {

    private final SequentialBlock encoder = new SequentialBlock();
    private final SequentialBlock decoder = new SequentialBlock();
    private final int last;

    LstmAeBlock(int[] hidden, int d) {
        for (int h : hidden) {
            encoder.add(LSTM.builder().setStateSize(h).setNumLayers(1).optBatchFirst(true).build());
        }
        for (int k = hidden.length - 1; k >= 0; k--) {
            decoder.add(LSTM.builder().setStateSize(hidden[k]).setNumLayers(1).optBatchFirst(true).build());
        }
        decoder.add(Linear.builder().setUnits(d).build());
        addChildBlock("encoder", encoder);
        addChildBlock("decoder", decoder);
        this.last = hidden[hidden.length - 1];
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long steps = x.getShape().get(1);
        NDArray h = encoder.forward(ps, inputs, training, params).singletonOrThrow();
        NDArray code = h.get(":, -1, :").expandDims(1).repeat(1, steps);
        return new NDList(decoder.forward(ps, new NDList(code), training, params).singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        encoder.initialize(manager, dataType, in);
        decoder.initialize(manager, dataType, new Shape(in.get(0), in.get(1), last));
    }

    /**
     * PyTorch's default initialisation: LSTM weights and biases U(±1/√hidden) (their first dimension is
     * 4·hidden), Linear layers U(±1/√fan_in).
     */
    static Training.Init init() {
        Training.Init linear = Training.linear();
        return (name, shape) -> name.toLowerCase(java.util.Locale.ROOT).contains("lstm")
                ? 1 / Math.sqrt(shape.get(0) / 4.0)
                : linear.bound(name, shape);
    }
}
