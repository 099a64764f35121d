package org.anomaly4j;

import java.nio.file.Files;
import java.nio.file.Path;

import org.anomaly4j.datasets.Datasets;

/** The shared data folder the tests read: {@code $ANOMALY4J_DATA}, else {@code ../../shared/data} from kernel-ext. */
public final class TestData {

    private TestData() {
    }

    /** Absolute data root; fails loudly (never skips) when the folder is not there. */
    public static Path root() {
        String env = System.getenv(Datasets.DATA_ENV);
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/data");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Test data folder " + root + " does not exist; set "
                    + Datasets.DATA_ENV + " to the shared data folder");
        }
        return root;
    }

    /** Local file of a named dataset under {@link #root()} (no cache, no download). */
    public static Path file(String name) {
        return root().resolve(Datasets.entry(name).file());
    }
}
