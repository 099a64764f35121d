package org.anomaly4j.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.anomaly4j.detect.OneClassSvm;

/** Benchmark tasks beyond CSV reading; each returns a value that {@link BenchMain} checks. */
final class BenchTasks {

    private BenchTasks() {
    }

    static Supplier<Object> task(String name, String[] args) {
        if (name.startsWith("ocsvm_")) {
            return ocsvm(args);
        }
        throw new IllegalArgumentException("unknown bench task " + name);
    }

    // ------------------------------------------------------------------ one-class SVM

    /**
     * ocsvm_1e4 / ocsvm_3e4: fit a one-class SVM (nu 0.5, gamma "scale") on n × 10 Gaussian rows and score
     * them; the peer runs {@code OneClassSVM(nu=0.5, gamma='scale').fit(X).decision_function(X)}. The fitted
     * model already holds the scores of its training rows (negated decision values), so those are returned.
     */
    private static Supplier<Object> ocsvm(String[] args) {
        double[][] x = readBigEndianMatrix(Path.of(args[0]), Integer.parseInt(args[1]));
        return () -> OneClassSvm.with().nu(0.5).gamma("scale").fit(x).trainingScores();
    }

    /** A row-major matrix of big-endian doubles (numpy {@code astype('>f8').tofile}) with {@code d} columns. */
    private static double[][] readBigEndianMatrix(Path file, int d) {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            long n = Files.size(file) / Double.BYTES / d;
            double[][] x = new double[(int) n][d];
            for (double[] row : x) {
                for (int k = 0; k < d; k++) {
                    row[k] = in.readDouble();
                }
            }
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
