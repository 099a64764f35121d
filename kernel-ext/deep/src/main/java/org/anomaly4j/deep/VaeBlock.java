package org.anomaly4j.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The variational autoencoder's network: encoder → (μ, log σ²) → z → decoder. In training z = μ + ε·σ with
 * ε ~ N(0, I) drawn by libtorch (seeded per fit); in evaluation z = μ. Outputs: reconstruction, μ, log σ².
 */
final class VaeBlock extends AbstractBlock {

    private final SequentialBlock encoder;
    private final SequentialBlock decoder;
    private final int latent;

    VaeBlock(SequentialBlock encoder, SequentialBlock decoder, int latent) {
        this.encoder = addChildBlock("encoder", encoder);
        this.decoder = addChildBlock("decoder", decoder);
        this.latent = latent;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = encoder.forward(ps, inputs, training, params).singletonOrThrow();
        NDList parts = h.split(new long[] {latent}, 1);
        NDArray mu = parts.get(0);
        NDArray logVar = parts.get(1);
        NDArray z = training
                ? mu.add(h.getManager().randomNormal(mu.getShape()).mul(logVar.mul(0.5).exp()))
                : mu;
        NDArray out = decoder.forward(ps, new NDList(z), training, params).singletonOrThrow();
        return new NDList(out, mu, logVar);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {inputShapes[0], new Shape(b, latent), new Shape(b, latent)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        decoder.initialize(manager, dataType, new Shape(inputShapes[0].get(0), latent));
    }
}
