package org.anomaly4j.detect;

import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * Writes and reads the fitted state of one model type (the {@code state} object of a model file). The header
 * — type, features, parameters, threshold, training scores, provenance — is handled once, by
 * {@link ModelFiles}; a codec reads every state field through {@link StateReader}'s checked accessors and
 * checks what the accessors cannot (array lengths that depend on each other, index ranges).
 *
 * @param <M> the model type
 */
public interface ModelCodec<M extends Model> {

    /** Writes the model's fitted state. */
    void write(M model, StateWriter state);

    /** Rebuilds a model from its checked header and its state. */
    M read(ModelInfo info, TrainingScores scores, StateReader state);
}
