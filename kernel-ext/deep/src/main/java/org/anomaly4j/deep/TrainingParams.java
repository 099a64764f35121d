package org.anomaly4j.deep;

import org.anomaly4j.detect.Options;
import org.anomaly4j.detect.Param;

/**
 * The training options every deep detector takes, described once. Defaults follow PyOD's {@code AutoEncoder}
 * (torch version 2.x: {@code lr=1e-3}, {@code batch_size=32}, {@code weight_decay=1e-5}, {@code dropout_rate=0.2},
 * Adam) with more epochs and early stopping, as Keras users write it
 * ({@code EarlyStopping(patience=10, restore_best_weights=True)}, {@code ReduceLROnPlateau(factor=0.5, patience=5)}).
 */
final class TrainingParams {

    static final Param<Integer> EPOCHS = Param.integer("epochs", 50, 1, 100_000, "maximum passes over the training rows (epoch_num)");
    static final Param<Integer> BATCH_SIZE = Param.integer("batchSize", 32, 1, 1_000_000, "rows per Adam step (batch_size)");
    static final Param<Double> LEARNING_RATE = Param.number("learningRate", 1e-3, 0, true, 10, false, "Adam learning rate (lr)");
    static final Param<Double> WEIGHT_DECAY = Param.number("weightDecay", 1e-5, 0, false, 1, false,
            "L2 penalty added to the gradient, torch.optim.Adam(weight_decay)");
    static final Param<Double> DROPOUT = Param.number("dropout", 0.2, 0, false, 1, true, "dropout rate after each hidden layer (dropout_rate)");
    static final Param<Double> VALIDATION = Param.number("validation", 0.1, 0, false, 0.5, false,
            "fraction of rows held out to monitor early stopping and the learning rate (0 = monitor the training loss)");
    static final Param<Integer> PATIENCE = Param.integer("patience", 10, 1, 100_000, "epochs without improvement before stopping (EarlyStopping patience)");
    static final Param<Integer> LR_PATIENCE = Param.integer("lrPatience", 5, 0, 100_000, "epochs without improvement before the learning rate is reduced (ReduceLROnPlateau patience)");
    static final Param<Double> LR_FACTOR = Param.number("lrFactor", 0.5, 0, true, 1, false, "learning-rate multiplier on a plateau (ReduceLROnPlateau factor)");
    static final Param<Boolean> STANDARDIZE = Param.flag("standardize", true, "standardise each feature with the training mean and standard deviation (preprocessing)");
    static final Param<Long> SEED = Param.seed("seed", 0L, "seed of the initial weights, the split, the shuffles and dropout (random_state)");

    private TrainingParams() {
    }

    /**
     * A detector's own parameters followed by the training ones, in the order they are listed and saved
     * ({@code dropout} only for networks that use it).
     */
    static Param<?>[] withTraining(boolean dropout, Param<?>... own) {
        java.util.List<Param<?>> all = new java.util.ArrayList<>(java.util.List.of(own));
        if (dropout) {
            all.add(DROPOUT);
        }
        all.addAll(java.util.List.of(WEIGHT_DECAY, LEARNING_RATE, BATCH_SIZE, EPOCHS, PATIENCE, VALIDATION, LR_PATIENCE,
                LR_FACTOR, STANDARDIZE, SEED));
        return all.toArray(Param<?>[]::new);
    }

    static Training.Config config(Options o) {
        return new Training.Config(o.get(EPOCHS), o.get(BATCH_SIZE), o.get(LEARNING_RATE), o.get(WEIGHT_DECAY),
                o.get(VALIDATION), o.get(PATIENCE), o.get(LR_PATIENCE), o.get(LR_FACTOR), o.get(SEED));
    }
}
