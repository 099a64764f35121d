package org.anomaly4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** The hand-written training step: nothing piles up on the learner's manager, batches are cut as the loop says. */
class TrainingTest {

    @Test
    void stepsLeaveNoArraysBehindOnTheLearnersManager() {
        Training.Config c = new Training.Config(1, 16, 1e-3, 1e-5, 0, 10, 5, 0.5, 0);
        SplittableRandom rnd = new SplittableRandom(2);
        float[] batch = new float[16 * 5];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) rnd.nextGaussian();
        }
        int[][] counts = new int[2][];
        for (int dropout = 0; dropout < 2; dropout++) {
            Training.LearnerFactory f = dropout == 0
                    ? Training.single(DenseStack.block(new int[] {4, 2, 4, 5}, 0.2), Autoencoder::mse, Training.linear())
                    : Ganomaly.learner(new int[] {4}, 2, 5, 0.2, 1, 50, 1);
            try (Training.Learner l = f.open(u -> 1e-3f, c, Training.batchShape(1, new long[] {5}), rnd)) {
                int[] seen = new int[3];
                for (int s = 0; s < 40; s++) {
                    try (NDManager sub = l.manager().newSubManager()) {
                        NDArray xb = sub.create(batch, Training.batchShape(16, new long[] {5}));
                        l.step(xb);
                        if (s % 10 == 0) {
                            l.evaluate(xb);
                        }
                    }
                    // the optimiser's moment estimates appear at the first step; from then on the count is fixed
                    if (s == 0 || s == 20 || s == 39) {
                        seen[s == 0 ? 0 : s == 20 ? 1 : 2] = l.manager().getManagedArrays().size();
                    }
                }
                counts[dropout] = seen;
                assertEquals(seen[0], seen[2], "arrays on the learner's manager after steps 1, 21, 40: "
                        + java.util.Arrays.toString(seen));
            }
        }
        assertEquals(counts[0][0], counts[0][1]);
        assertEquals(counts[1][0], counts[1][1]);
    }

    @Test
    void batchStartsCutTheEpochIntoBatchesOfTheConfiguredSize() {
        assertArrayEquals(new long[] {32, 64}, Training.batchStarts(70, 32));
        assertArrayEquals(new long[] {32}, Training.batchStarts(64, 32));
        assertArrayEquals(new long[0], Training.batchStarts(32, 32));
        assertArrayEquals(new long[0], Training.batchStarts(5, 32));
    }
}
