package org.anomaly4j.bench;

import java.util.function.Supplier;

/** Benchmark tasks beyond CSV reading; each returns a value that {@link BenchMain} checks. */
final class BenchTasks {

    private BenchTasks() {
    }

    static Supplier<Object> task(String name, String[] args) {
        throw new IllegalArgumentException("unknown bench task " + name);
    }
}
