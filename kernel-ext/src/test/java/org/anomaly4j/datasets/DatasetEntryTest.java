package org.anomaly4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class DatasetEntryTest {

    private static DatasetEntry ofKind(String kind) {
        return new DatasetEntry("n", "f.csv", "https://example.org/f", "00", "", kind, "1", "1", "MIT", "c");
    }

    @Test
    void onlyConvertedEntriesAreNotDownloadable() {
        assertTrue(ofKind("file").downloadable());
        assertTrue(ofKind("gzip-of-download").downloadable());
        assertFalse(ofKind("converted-from-npz").downloadable());
    }

    @Test
    void manifestUsesOnlyKnownKinds() {
        Set<String> kinds = Set.of("file", "gzip-of-download", "converted-from-npz");
        for (String name : Datasets.names()) {
            DatasetEntry e = Datasets.entry(name);
            assertTrue(kinds.contains(e.kind()), name + " has kind " + e.kind());
            assertEquals(64, e.sha256().length(), name);
            assertTrue(e.sha256().matches("[0-9a-f]{64}"), name);
            assertEquals("gzip-of-download".equals(e.kind()), !e.downloadSha256().isEmpty(),
                    name + ": a download sha256 exactly when the stored file differs from the download");
            assertTrue(e.url().startsWith("https://"), name);
            assertFalse(e.file().startsWith("/") || e.file().contains(".."), name + ": file stays under the root");
            assertEquals(name.startsWith("adbench/"), !e.downloadable(), name);
        }
    }
}
