package org.anomaly4j.deep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.anomaly4j.bench.BenchMain;

/**
 * {@code make bench} tasks of the deep module, run by bench.py as
 * {@code java ... org.anomaly4j.deep.DeepBench TASK REPEATS FILE ROWS COLUMNS}.
 * <ul>
 *   <li>{@code autoencoder_epoch_1e5}: one epoch of the default autoencoder (64, 32, 16 mirrored, dropout 0.2,
 *   batch 32, Adam) on 1e5 × 30 Gaussian rows, no validation split, plus the training-score pass — the
 *   same work as the PyTorch peer (one intra-op thread on both sides).</li>
 * </ul>
 */
public final class DeepBench {

    private DeepBench() {
    }

    public static void main(String[] args) {
        String task = args[0];
        int repeats = Integer.parseInt(args[1]);
        // the same work for both tasks: they differ only in the PyTorch peer's threads
        if (!task.equals("autoencoder_epoch_1e5") && !task.equals("autoencoder_epoch_1e5_torch_threads")) {
            throw new IllegalArgumentException("unknown bench task " + task);
        }
        double[][] x = matrix(Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        Autoencoder ae = Autoencoder.with().epochs(1).validation(0).seed(0);
        BenchMain.measure(task, repeats, () -> ae.fit(x).trainingScores());
    }

    /** The first n rows of a file of row-major big-endian doubles (numpy {@code astype(">f8").tofile}). */
    static double[][] matrix(Path file, int n, int d) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            double[][] x = new double[n][d];
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    row[j] = b.getDouble();
                }
            }
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
