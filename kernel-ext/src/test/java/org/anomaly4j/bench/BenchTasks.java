package org.anomaly4j.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.data.Describe;
import org.anomaly4j.features.Rolling;
import org.anomaly4j.detect.IsolationForest;
import org.anomaly4j.detect.OneClassSvm;
import org.anomaly4j.detect.density.Hbos;
import org.anomaly4j.detect.density.Loda;
import org.anomaly4j.detect.density.MinCovDet;
import org.anomaly4j.timeseries.Ets;
import org.anomaly4j.timeseries.EwmaChart;
import org.anomaly4j.timeseries.OnlineDetector;
import org.anomaly4j.timeseries.RollingZScore;
import org.anomaly4j.timeseries.Stl;
import org.anomaly4j.detect.neighbors.KnnDistance;
import org.anomaly4j.detect.neighbors.LocalOutlierFactor;
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
            // args: a CSV file with numeric and text columns (the general reader's common case)
            case "read_csv_mixed" -> () -> Csv.read(Path.of(args[0]), CsvOptions.defaults());
            case "describe" -> {
                Table t = Csv.read(Path.of(args[0]), CsvOptions.defaults());
                yield () -> Describe.describe(t);
            }
            // args: file of big-endian doubles (row-major), rows, columns
            case "iforest_1e5", "iforest_1e6" -> isolationForest(matrix(Path.of(args[0]),
                    Integer.parseInt(args[1]), Integer.parseInt(args[2])));
            // args: rows, columns: generated in this JVM (seeded standard normal), no data file (1e7 x 10 would
            // be an 800 MB file); Java only, a scale test: run it with the heap stated in the README
            case "iforest_1e7" -> isolationForest(gaussian(Integer.parseInt(args[0]), Integer.parseInt(args[1])));
            // args: file of big-endian doubles (row-major), columns; every row of the file is used
            case "ocsvm_1e4", "ocsvm_3e4" -> ocsvm(Path.of(args[0]), Integer.parseInt(args[1]));
            // args: file of big-endian doubles, count; STL period 24, statsmodels defaults (not robust)
            case "stl_1e5" -> {
                double[] x = java.util.Arrays.copyOf(bigEndianDoubles(Path.of(args[0])), Integer.parseInt(args[1]));
                yield () -> Stl.with().period(24).fit(x).resid();
            }
            // args: file of big-endian doubles, window: every value through the streaming rolling z-score
            case "zscore_stream" -> {
                double[] x = bigEndianDoubles(Path.of(args[0]));
                RollingZScore z = RollingZScore.with().window(Integer.parseInt(args[1]));
                yield () -> OnlineDetector.scores(z.online(), x);
            }
            // args: file of big-endian doubles: every value through the streaming EWMA chart (target from all)
            case "ewma_stream" -> {
                double[] x = bigEndianDoubles(Path.of(args[0]));
                double[] target = EwmaChart.with().estimate(x);
                EwmaChart chart = EwmaChart.with().target(target[0], target[1]);
                yield () -> OnlineDetector.scores(chart.online(), x);
            }
            // args: file of big-endian doubles, count: ETS(A,A,A) period 24, heuristic initial states
            case "ets_1e5" -> {
                double[] x = java.util.Arrays.copyOf(bigEndianDoubles(Path.of(args[0])), Integer.parseInt(args[1]));
                Ets ets = Ets.with().alpha(0.5).trend(0.05).season(24, 0.1);
                yield () -> ets.fit(x).fitted();
            }
            // args: file of big-endian doubles (row-major), rows, columns; fit + training scores
            case "hbos_1e5" -> {
                double[][] x = matrix(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                yield () -> new Hbos().fit(x).trainingScores();
            }
            case "loda_1e5" -> {
                double[][] x = matrix(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                yield () -> new Loda().fit(x).trainingScores();
            }
            case "kmeans_1e5" -> {
                double[][] x = matrix(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                yield () -> org.anomaly4j.detect.KMeans.with().fit(x).trainingScores();
            }
            case "mcd_1e5" -> {
                double[][] x = matrix(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                yield () -> new MinCovDet().fit(x).trainingScores();
            }
            // args: file of big-endian doubles (row-major), columns; every row of the file is used
            case "lof_1e4", "lof_1e5" -> {
                double[][] x = allRows(Path.of(args[0]), Integer.parseInt(args[1]));
                yield () -> LocalOutlierFactor.fit(x, 20).trainingScores();
            }
            case "knn_1e4", "knn_1e5" -> {
                double[][] x = allRows(Path.of(args[0]), Integer.parseInt(args[1]));
                yield () -> KnnDistance.fit(x, 5, KnnDistance.Method.LARGEST).trainingScores();
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

    /**
     * Fit + score of all rows, like scikit-learn's {@code IsolationForest(n_estimators=100).fit(x)
     * .score_samples(x)}: our fit already scores the training rows (trainingScores), so no second pass.
     */
    private static Supplier<Object> isolationForest(double[][] x) {
        return () -> IsolationForest.with().trees(100).seed(0).fit(x).trainingScores();
    }

    /**
     * ocsvm_1e4 / ocsvm_3e4: fit a one-class SVM (nu 0.5, gamma "scale") on n × d Gaussian rows and score
     * them; the peer runs {@code OneClassSVM(nu=0.5, gamma='scale').fit(X).decision_function(X)}. The fitted
     * model already holds the scores of its training rows (negated decision values), so those are returned.
     */
    private static Supplier<Object> ocsvm(Path file, int d) {
        double[][] x = allRows(file, d);
        return () -> OneClassSvm.with().nu(0.5).gamma("scale").fit(x).trainingScores();
    }

    /** Every row of a row-major file of big-endian doubles with {@code cols} columns. */
    static double[][] allRows(Path file, int cols) {
        try {
            return matrix(file, (int) (Files.size(file) / Double.BYTES / cols), cols);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** rows × cols standard normal values from a fixed seed. */
    static double[][] gaussian(int rows, int cols) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(2);
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return x;
    }

    /** The first {@code rows} rows of a row-major file of big-endian doubles with {@code cols} columns. */
    static double[][] matrix(Path file, int rows, int cols) {
        double[][] x = new double[rows][cols];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (double[] row : x) {
                for (int j = 0; j < cols; j++) {
                    row[j] = in.readDouble();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return x;
    }
}
