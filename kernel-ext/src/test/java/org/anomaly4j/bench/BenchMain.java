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
        PeakLive peakLive = new PeakLive();
        // warm-up: the JIT compiles the hot loops; the Python peer gets the same number of unmeasured runs
        int warmup = Math.max(1, repeats / 2);
        Object check = null;
        for (int i = 0; i < warmup; i++) {
            check = null; // the previous result is released first (as on the Python side): one run's peak
            releaseGarbage();
            check = work.get();
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < repeats; i++) {
            check = null;
            releaseGarbage();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            check = work.get();
            times.add((System.nanoTime() - t0) / 1e9);
            cpu.add((os.getProcessCpuTime() - c0) / 1e9);
        }
        // live heap with the input data and the last result still referenced (check is read below)
        long live = liveHeapMb();
        System.out.println(String.format(Locale.ROOT, "{\"task\":\"%s\",\"times\":%s,\"cpu\":%s,\"check\":\"%s\",\"peak_mb\":%d,"
                        + "\"live_mb\":%d,\"peak_live_mb\":%d,\"xmx_mb\":%d}",
                task, times, cpu, describe(check).replace("\"", "'"), peakMb(), live, Math.max(live, peakLive.mb()),
                Runtime.getRuntime().maxMemory() >> 20));
    }

    /**
     * Returns the released result's memory before the next run, outside the timed interval: CPython frees a
     * result the moment its last reference goes ({@code r = None} on the Python side, then {@code gc.collect()}),
     * the JVM only when a collection runs, and G1 finds a dead old-generation table only in a marking cycle that
     * tends to start in the middle of the next run. Without this, the peak counted the previous run's table next
     * to the current one (read_csv back to back: about 270 MB against 170 MB for one read in a fresh JVM). In a
     * notebook the kernel's periodic collection ({@code G1PeriodicGCInterval}) does the same between cells.
     */
    static void releaseGarbage() {
        System.gc();
    }

    /**
     * Heap in use after a full collection, in MB: what the task's data and result really hold, as opposed to
     * the resident set, which also counts garbage the collector had no reason to return yet.
     */
    static long liveHeapMb() {
        System.gc();
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /**
     * The largest heap in use just after any collection since construction, in MB: the most the task held
     * live at once (as sampled by the collections that ran), garbage excluded.
     */
    static final class PeakLive {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();

        PeakLive() {
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter e) {
                    e.addNotificationListener((n, h) -> {
                        if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(n.getType())) {
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (javax.management.openmbean.CompositeData) n.getUserData());
                            long used = 0;
                            for (var u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                                used += u.getUsed();
                            }
                            max.accumulateAndGet(used, Math::max);
                        }
                    }, null, null);
                }
            }
        }

        long mb() {
            return max.get() >> 20;
        }
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
