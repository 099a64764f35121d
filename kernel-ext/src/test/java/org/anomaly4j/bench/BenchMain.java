package org.anomaly4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import tech.tablesaw.api.Table;

/**
 * The Java side of {@code make bench}: runs one task several times in this JVM and prints one JSON line
 * with the wall times. {@code kernel-ext/src/bench/python/bench.py} starts one JVM per task (so peak memory
 * is per task), runs the Python peer on the same generated data, and writes the table of ratios.
 *
 * <pre>java -cp ... org.anomaly4j.bench.BenchMain TASK REPEATS ARG...</pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        String task = args[0];
        int repeats = Integer.parseInt(args[1]);
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        Supplier<Object> work = switch (task) {
            case "read_csv" -> () -> Csv.read(Path.of(rest[0]), CsvOptions.defaults());
            default -> BenchTasks.task(task, rest);
        };
        measure(task, repeats, work);
    }

    /**
     * Warm-up runs, then {@code repeats} timed runs of {@code work}; prints the JSON line bench.py reads. Also
     * used by optional modules' bench mains (anomaly4j-deep's DeepBench).
     */
    public static void measure(String task, int repeats, Supplier<Object> work) {
        // warm-up: the JIT compiles the hot loops; the Python peer gets the same number of unmeasured runs
        int warmup = Math.max(1, repeats / 2);
        Object check = null;
        for (int i = 0; i < warmup; i++) {
            check = work.get();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            check = work.get();
            times.add((System.nanoTime() - t0) / 1e9);
        }
        long peak = peakMb();
        long live = liveHeapMb(check);
        System.out.println(String.format(Locale.ROOT, "{\"task\":\"%s\",\"times\":%s,\"check\":\"%s\",\"peak_mb\":%d,"
                + "\"live_mb\":%d,\"heap_max_mb\":%d}", task, times, describe(check).replace("\"", "'"), peak, live,
                Runtime.getRuntime().maxMemory() >> 20));
    }

    /**
     * Heap in use after a full collection while {@code result} is still referenced: what the task's result
     * and the JVM's own data really hold, as opposed to the resident set, which a lazy collector lets grow
     * towards {@code -Xmx}.
     */
    static long liveHeapMb(Object result) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        java.lang.ref.Reference.reachabilityFence(result);
        return used >> 20;
    }

    /** This process's peak resident memory (Linux VmHWM, which starts afresh at exec), or -1 elsewhere. */
    static long peakMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the harness falls back to rusage
        }
        return -1;
    }

    private static String describe(Object o) {
        if (o instanceof Table t) {
            return t.rowCount() + "x" + t.columnCount();
        }
        if (o instanceof double[] d) {
            double s = 0;
            int n = 0;
            for (double v : d) {
                if (!Double.isNaN(v)) {
                    s += v;
                    n++;
                }
            }
            return d.length + " values, " + n + " non-NaN, sum " + s;
        }
        return String.valueOf(o);
    }
}
