package org.anomaly4j.deep;

import java.nio.file.Files;
import java.nio.file.Path;

import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;

import tech.tablesaw.api.Table;

/** Shared data under {@code $ANOMALY4J_DATA} (never copied into the repository); fails loudly when missing. */
final class DeepData {

    private DeepData() {
    }

    static Path file(String relative) {
        String env = System.getenv("ANOMALY4J_DATA");
        Path root = (env != null && !env.isBlank() ? Path.of(env) : Path.of("../../../shared/data")).toAbsolutePath();
        Path f = root.resolve(relative).normalize();
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException(f + " does not exist; set ANOMALY4J_DATA to the shared data folder");
        }
        return f;
    }

    static Table creditcard() {
        return Csv.read(file("creditcard/creditcard_subset.csv.gz"), CsvOptions.defaults());
    }
}
