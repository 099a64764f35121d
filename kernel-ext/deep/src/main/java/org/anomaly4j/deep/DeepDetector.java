package org.anomaly4j.deep;

import org.anomaly4j.detect.AbstractDetector;
import org.anomaly4j.detect.DetectorType;
import org.anomaly4j.detect.Model;
import org.anomaly4j.detect.Options;

/**
 * The training setters every deep detector shares (see {@link TrainingParams} for the meaning and defaults);
 * a detector lists the parameters it takes in its {@link DetectorType}, and a setter of a parameter the
 * detector does not take is an error naming the detector's parameters.
 *
 * @param <D> the detector's own type
 * @param <M> its model type
 */
public abstract class DeepDetector<D extends DeepDetector<D, M>, M extends Model> extends AbstractDetector<D, M> {

    protected DeepDetector(DetectorType<D, M> type, Options options) {
        super(type, options);
    }

    /** Dropout rate after each hidden layer, in [0, 1) (default 0.2). */
    public final D dropout(double rate) {
        return set(TrainingParams.DROPOUT, rate);
    }

    /** L2 penalty on the weights, added to the gradient (default 1e-5). */
    public final D weightDecay(double lambda) {
        return set(TrainingParams.WEIGHT_DECAY, lambda);
    }

    /** Adam learning rate (default 1e-3). */
    public final D learningRate(double rate) {
        return set(TrainingParams.LEARNING_RATE, rate);
    }

    /** Rows (or windows) per step (default 32). */
    public final D batchSize(int rows) {
        return set(TrainingParams.BATCH_SIZE, rows);
    }

    /** Maximum epochs (default 50). */
    public final D epochs(int count) {
        return set(TrainingParams.EPOCHS, count);
    }

    /** Epochs without improvement before stopping (default 10). */
    public final D patience(int epochs) {
        return set(TrainingParams.PATIENCE, epochs);
    }

    /** Fraction held out for early stopping, in [0, 0.5] (default 0.1; 0 = monitor the training loss). */
    public final D validation(double fraction) {
        return set(TrainingParams.VALIDATION, fraction);
    }

    /** Epochs without improvement before the learning rate is multiplied by {@code lrFactor} (default 5). */
    public final D lrPatience(int epochs) {
        return set(TrainingParams.LR_PATIENCE, epochs);
    }

    /** Learning-rate multiplier on a plateau, in (0, 1] (default 0.5). */
    public final D lrFactor(double factor) {
        return set(TrainingParams.LR_FACTOR, factor);
    }

    /** Standardise the features with the training mean and standard deviation (default true). */
    public final D standardize(boolean on) {
        return set(TrainingParams.STANDARDIZE, on);
    }

    /** Seed of weights, split, shuffles and the engine's draws (default 0). */
    public final D seed(long value) {
        return set(TrainingParams.SEED, value);
    }

    /** The training settings of these options. */
    final Training.Config trainingConfig() {
        return TrainingParams.config(options());
    }
}
