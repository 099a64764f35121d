package org.anomaly4j.detect;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.anomaly4j.io.LibraryVersion;

/**
 * Where a model came from (after Tribuo's provenance): the training table's name when it was fitted on a
 * table ("" otherwise), its rows and columns, the anomaly4j version and the time of the fit (UTC, ISO-8601,
 * "" when unknown — model files of format 1 did not record it).
 */
public record Provenance(String source, int rows, int columns, String libraryVersion, String fittedAt) {

    public Provenance {
        source = source == null ? "" : source;
        libraryVersion = libraryVersion == null ? "unknown" : libraryVersion;
        fittedAt = fittedAt == null ? "" : fittedAt;
    }

    /** A fit happening now with this library. */
    static Provenance now(String source, int rows, int columns) {
        return new Provenance(source, rows, columns, LibraryVersion.get(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Override
    public String toString() {
        // the time is in fittedAt() and in model files, not here: a notebook's printed model stays reproducible
        return "fitted on " + (source.isEmpty() ? "" : "\"" + source + "\", ") + rows + " rows × " + columns
                + " columns, anomaly4j " + libraryVersion;
    }
}
