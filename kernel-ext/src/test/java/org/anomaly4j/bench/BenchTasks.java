package org.anomaly4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.anomaly4j.data.Csv;
import org.anomaly4j.data.CsvOptions;
import org.anomaly4j.data.Describe;
import org.anomaly4j.data.Rolling;
import tech.tablesaw.api.Table;

/** Benchmark tasks beyond CSV reading; each returns a value that {@link BenchMain} checks. */
final class BenchTasks {

    private BenchTasks() {
    }

    static Supplier<Object> task(String name, String[] args) {
        return switch (name) {
            case "rolling_mean" -> {
                double[] x = bigEndianDoubles(Path.of(args[0]));
                int w = Integer.parseInt(args[1]);
                yield () -> Rolling.mean(x, w, w, false);
            }
            case "describe" -> {
                Table t = Csv.read(Path.of(args[0]), CsvOptions.defaults());
                yield () -> Describe.describe(t);
            }
            default -> throw new IllegalArgumentException("unknown bench task " + name);
        };
    }

    /** A file of big-endian doubles (numpy {@code astype(">f8").tofile}), read once before timing. */
    private static double[] bigEndianDoubles(Path file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            double[] x = new double[b.remaining() / Double.BYTES];
            b.asDoubleBuffer().get(x);
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
