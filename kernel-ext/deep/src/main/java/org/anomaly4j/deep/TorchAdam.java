package org.anomaly4j.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;

/**
 * Adam exactly as {@code torch.optim.Adam} (single-tensor form, {@code amsgrad=False}) on one flat weight
 * tensor ({@link FlatParameters}):
 * <pre>  g ← ∇ + λ·w;  m ← m + (1−β₁)(g − m);  v ← β₂·v + (1−β₂)·g²
 *   w ← w − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)</pre>
 * with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (PyTorch's defaults) and λ the L2 weight decay added to the gradient.
 * DJL's own {@code Adam} adds ε to √v·√(1−β₂ᵗ)/… in another place (ε effectively 3e-7 at the first step), which
 * moves weights with gradients below about 1e-4 differently from PyTorch; with this form a training step
 * equals PyTorch's within float rounding ({@code DeepParityTest}). The work is a dozen elementwise operations
 * on the flat tensor per step, whatever the number of layers.
 * <p>Reference: D. P. Kingma, J. Ba (2015), "Adam: A Method for Stochastic Optimization", ICLR, Algorithm 1.
 */
final class TorchAdam {

    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final Tracker learningRate;
    private final float weightDecay;
    private NDArray mean;
    private NDArray variance;
    private int t;

    TorchAdam(Tracker learningRate, float weightDecay) {
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /**
     * One step on {@code weights} (updated in place through a detached alias, so autograd never sees it) from
     * {@code grad}, which is then zeroed. The moment estimates live on the weights' manager; every temporary
     * array is closed here (they would otherwise pile up on that long-lived manager, one set per batch).
     */
    void step(NDArray weights, NDArray grad) {
        t++;
        if (mean == null) {
            mean = weights.zerosLike();
            variance = weights.zerosLike();
        }
        double lr = learningRate.getNewValue(t);
        double bias1 = 1 - Math.pow(BETA1, t);
        double bias2Sqrt = Math.sqrt(1 - Math.pow(BETA2, t));
        try (NDArray w = weights.stopGradient();
             NDArray decay = w.mul(weightDecay);
             NDArray g = grad.add(decay)) {
            try (NDArray gm = g.sub(mean)) {
                mean.addi(gm.muli(1 - BETA1));
            }
            try (NDArray g2 = g.square()) {
                variance.muli(BETA2).addi(g2.muli(1 - BETA2));
            }
            try (NDArray denom = variance.sqrt().divi((float) bias2Sqrt).addi(EPSILON);
                 NDArray step = mean.div(denom).muli((float) (lr / bias1))) {
                w.subi(step);
            }
        }
        grad.subi(grad);
    }
}
