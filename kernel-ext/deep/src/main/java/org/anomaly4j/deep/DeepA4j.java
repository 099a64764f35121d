package org.anomaly4j.deep;

/**
 * The deep detectors' factories for notebooks, next to the core facade {@code org.anomaly4j.A4j} (which cannot
 * name them: this module is optional). {@code import static org.anomaly4j.deep.DeepA4j.*;} then
 * <pre>{@code
 * var m = autoencoder().epochs(30).seed(0).fit(cards, features);
 * Table t = detect(machine, lstmAutoencoder().window(50).stride(10), "value");   // A4j.detect
 * }</pre>
 */
public final class DeepA4j {

    private DeepA4j() {
    }

    /** Dense autoencoder, score = mean squared reconstruction error ({@link Autoencoder}). */
    public static Autoencoder autoencoder() {
        return Autoencoder.with();
    }

    /** Variational autoencoder, score = negative ELBO at the posterior mean ({@link Vae}). */
    public static Vae vae() {
        return Vae.with();
    }

    /** LSTM autoencoder over sliding windows of a series ({@link LstmAutoencoder}). */
    public static LstmAutoencoder lstmAutoencoder() {
        return LstmAutoencoder.with();
    }

    /** GANomaly encoder–decoder–encoder GAN ({@link Ganomaly}). */
    public static Ganomaly ganomaly() {
        return Ganomaly.with();
    }
}
