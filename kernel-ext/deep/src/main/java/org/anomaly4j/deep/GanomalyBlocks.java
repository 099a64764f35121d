package org.anomaly4j.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The two networks of {@link Ganomaly}: the encoder–decoder–encoder generator and the discriminator. */
final class GanomalyBlocks {

    private GanomalyBlocks() {
    }

    /** x → z = G_E(x) → x̂ = G_D(z) → ẑ = E(x̂); outputs x̂, z, ẑ. */
    static final class Generator extends AbstractBlock {
        private final SequentialBlock encoder;
        private final SequentialBlock decoder;
        private final SequentialBlock encoder2;
        private final int latent;

        Generator(int[] enc, int[] dec, double dropout) {
            this.encoder = addChildBlock("encoder", DenseStack.block(enc, dropout));
            this.decoder = addChildBlock("decoder", DenseStack.block(dec, dropout));
            this.encoder2 = addChildBlock("encoder2", DenseStack.block(enc, dropout));
            this.latent = enc[enc.length - 1];
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray z = encoder.forward(ps, inputs, training, params).singletonOrThrow();
            NDArray xh = decoder.forward(ps, new NDList(z), training, params).singletonOrThrow();
            NDArray zh = encoder2.forward(ps, new NDList(xh), training, params).singletonOrThrow();
            return new NDList(xh, z, zh);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            Shape z = new Shape(in[0].get(0), latent);
            return new Shape[] {in[0], z, z};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
            encoder.initialize(manager, dataType, in);
            decoder.initialize(manager, dataType, new Shape(in[0].get(0), latent));
            encoder2.initialize(manager, dataType, in);
        }
    }

    /** x → features f(x) (dense layers, ReLU) → one logit; outputs f(x), logit. */
    static final class Discriminator extends AbstractBlock {
        private final SequentialBlock features;
        private final Linear head;
        private final int width;

        Discriminator(int[] hidden, double dropout) {
            SequentialBlock f = DenseStack.block(hidden, dropout);
            f.add(Activation.reluBlock());
            this.features = addChildBlock("features", f);
            this.head = addChildBlock("head", Linear.builder().setUnits(1).build());
            this.width = hidden[hidden.length - 1];
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray f = features.forward(ps, inputs, training, params).singletonOrThrow();
            NDArray logit = head.forward(ps, new NDList(f), training, params).singletonOrThrow();
            return new NDList(f, logit);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            long b = in[0].get(0);
            return new Shape[] {new Shape(b, width), new Shape(b, 1)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
            features.initialize(manager, dataType, in);
            head.initialize(manager, dataType, new Shape(in[0].get(0), width));
        }
    }
}
