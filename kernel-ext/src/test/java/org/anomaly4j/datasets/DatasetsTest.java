package org.anomaly4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.anomaly4j.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    private static final String HIVE = "beehives/Hive17";

    @TempDir
    Path tmp;

    private Path dir(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void entryFieldsOfHive17() {
        DatasetEntry e = Datasets.entry(HIVE);
        assertEquals(HIVE, e.name());
        assertEquals("beehives/Hive17.csv", e.file());
        assertEquals("https://raw.githubusercontent.com/Cheukting/anomaly-detection/main/data/Hive17.csv", e.url());
        assertEquals("7d6bf939fef14c5114aa1bc9a99d46bb41512e583417cd33cf73992d280dec96", e.sha256());
        assertEquals("", e.downloadSha256());
        assertEquals("file", e.kind());
        assertEquals("1847", e.rows());
        assertEquals("10", e.columns());
        assertEquals("MIT", e.licence());
        assertTrue(e.citation().startsWith("Cheuk Ting Ho, anomaly-detection tutorial data"), e.citation());
        assertTrue(e.downloadable());
    }

    @Test
    void quotedCitationWithCommasIsOneField() {
        DatasetEntry e = Datasets.entry("creditcard");
        assertEquals("gzip-of-download", e.kind());
        assertEquals("creditcard/creditcard_subset.csv.gz", e.file());
        assertEquals(64, e.downloadSha256().length());
        assertEquals("ODbL 1.0 (Kaggle page)", e.licence());
        assertTrue(e.citation().startsWith("Dal Pozzolo et al., Calibrating"), e.citation());
        assertTrue(e.citation().endsWith("(ULB credit-card fraud data)"), e.citation());
    }

    @Test
    void namesMatchTheManifestInTheRepository() throws IOException {
        // the jar's copy of the manifest is data/datasets.csv (kernel-ext/../data)
        Path manifest = Path.of("../data/datasets.csv");
        assertTrue(Files.isRegularFile(manifest), manifest.toAbsolutePath().toString());
        List<String> lines = Files.readAllLines(manifest).stream().skip(1).filter(l -> !l.isBlank()).toList();
        List<String> expected = lines.stream().map(l -> Datasets.splitCsvLine(l).get(0)).toList();
        assertEquals(expected, Datasets.names());
        assertEquals(Datasets.names().size(), Datasets.names().stream().distinct().count(), "names are unique");
        assertThrows(UnsupportedOperationException.class, () -> Datasets.names().add("x"));
    }

    @Test
    void unknownNameListsCloseMatches() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.entry("beehives/Hive99"));
        String m = e.getMessage();
        assertTrue(m.contains("\"beehives/Hive99\""), m);
        assertTrue(m.contains("did you mean"), m);
        assertTrue(m.contains("beehives/Hive17") && m.contains("beehives/Hive36") && m.contains("beehives/Hive85"), m);
        assertFalse(m.contains("creditcard"), "only close matches: " + m);

        String hive = assertThrows(IllegalArgumentException.class, () -> Datasets.entry("HIVE")).getMessage();
        assertTrue(hive.contains("beehives/Hive17"), "case-insensitive substring match: " + hive);
        assertFalse(hive.contains("adbench"), hive);

        String none = assertThrows(IllegalArgumentException.class, () -> Datasets.entry("zzz")).getMessage();
        assertTrue(none.contains("known datasets"), none);
        for (String n : Datasets.names()) {
            assertTrue(none.contains(n), "lists " + n);
        }
    }

    /** Proves the manifest: every entry resolves under the data root and matches its sha256 (and shape). */
    @Test
    void everyManifestEntryResolvesToAFileWithTheManifestSha256() throws IOException {
        Path root = TestData.root();
        Path cache = dir("cache");
        AtomicLong progress = new AtomicLong();
        Datasets ds = new Datasets(root, cache, progress::addAndGet);
        List<String> problems = new ArrayList<>();
        for (String name : Datasets.names()) {
            DatasetEntry e = Datasets.entry(name);
            Path p = ds.resolve(name);
            assertEquals(root.resolve(e.file()), p, name);
            assertTrue(Files.isRegularFile(p), name + " -> " + p);
            String sha = Datasets.sha256(p);
            if (!sha.equals(e.sha256())) {
                problems.add(name + ": sha256 " + sha + " != manifest " + e.sha256());
            }
            if (e.file().endsWith(".csv") || e.file().endsWith(".csv.gz")) {
                int[] shape = csvShape(p);
                if (!e.rows().equals(Integer.toString(shape[0]))) {
                    problems.add(name + ": " + shape[0] + " data rows, manifest says " + e.rows());
                }
                if (!e.columns().equals(Integer.toString(shape[1]))) {
                    problems.add(name + ": " + shape[1] + " columns, manifest says " + e.columns());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(List.of(), fileNames(cache), "nothing copied or downloaded into the cache");
        assertEquals(0, progress.get(), "no download progress");
    }

    /** Data rows (non-blank lines after the header) and header fields (';' or ',' separated). */
    private static int[] csvShape(Path p) throws IOException {
        InputStream raw = Files.newInputStream(p);
        InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            char sep = header.indexOf(';') >= 0 ? ';' : ',';
            int cols = header.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1).length;
            int rows = 0;
            for (String l; (l = r.readLine()) != null; ) {
                if (!l.isBlank()) {
                    rows++;
                }
            }
            return new int[] {rows, cols};
        }
    }

    @Test
    void convertedEntryWithNoLocalCopyNamesTheVariableAndTheUrl() throws IOException {
        DatasetEntry e = Datasets.entry("adbench/29_Pima");
        assertFalse(e.downloadable());
        Path emptyRoot = dir("data");
        Datasets ds = new Datasets(emptyRoot, dir("cache"), b -> { });
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> ds.resolve("adbench/29_Pima"));
        String m = ex.getMessage();
        assertTrue(m.contains("ANOMALY4J_DATA"), m);
        assertTrue(m.contains(e.url()), m);
        assertTrue(m.contains(e.file()), m);
        assertTrue(m.contains(e.sha256()), m);
        assertTrue(m.contains(emptyRoot.toString()), "says where it looked: " + m);

        Datasets unset = new Datasets(null, dir("cache2"), b -> { });
        String m2 = assertThrows(IllegalStateException.class, () -> unset.resolve("adbench/29_Pima")).getMessage();
        assertTrue(m2.contains("ANOMALY4J_DATA is not set"), m2);
    }

    @Test
    void verifiedCacheCopyIsUsedWhenTheDataRootLacksTheFile() throws IOException {
        Path cache = dir("cache");
        Path cached = cache.resolve("beehives/Hive17.csv");
        Files.createDirectories(cached.getParent());
        Files.copy(TestData.file(HIVE), cached);
        assertEquals(cached, new Datasets(dir("data"), cache, b -> { }).resolve(HIVE));
        assertEquals(cached, new Datasets(null, cache, b -> { }).resolve(HIVE));
    }

    @Test
    void tamperedCacheFileIsNotAccepted() throws IOException {
        Path cache = dir("cache");
        Path cached = cache.resolve("beehives/Hive17.csv");
        Files.createDirectories(cached.getParent());
        byte[] real = Files.readAllBytes(TestData.file(HIVE));
        byte[] bad = real.clone();
        bad[bad.length / 2] ^= 1; // one flipped bit
        Files.write(cached, bad);
        DatasetEntry e = Datasets.entry(HIVE);
        Datasets ds = new Datasets(dir("data"), cache, b -> { });
        Path got;
        try {
            got = ds.resolve(HIVE);
        } catch (IllegalStateException ex) {
            // offline (the normal case here): the download was tried and failed
            String m = ex.getMessage();
            assertTrue(m.contains(e.url()), m);
            assertTrue(m.contains("ANOMALY4J_DATA"), m);
            assertTrue(m.contains(e.file()), m);
            assertEquals(List.of("beehives/Hive17.csv"), fileNames(cache), "no partial download left behind");
            return;
        }
        // online: the tampered file was replaced by a verified download
        assertEquals(e.sha256(), Datasets.sha256(got));
    }

    @Test
    void sha256OfKnownContent() throws IOException {
        Path f = tmp.resolve("abc.txt");
        Files.writeString(f, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Datasets.sha256(f));
        Files.write(f, new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Datasets.sha256(f));
        assertThrows(java.io.UncheckedIOException.class, () -> Datasets.sha256(tmp.resolve("missing")));
    }

    @Test
    void splitCsvLineHandlesQuotedCommasAndDoubledQuotes() {
        assertEquals(List.of("a", "b,c", "d"), Datasets.splitCsvLine("a,\"b,c\",d"));
        assertEquals(List.of("he said \"hi\"", "x"), Datasets.splitCsvLine("\"he said \"\"hi\"\"\",x"));
        assertEquals(List.of("", "", ""), Datasets.splitCsvLine(",,"));
        assertEquals(List.of("a", ""), Datasets.splitCsvLine("a,"));
        assertEquals(List.of(""), Datasets.splitCsvLine(""));
        assertEquals(List.of("\"", "y"), Datasets.splitCsvLine("\"\"\"\",y"));
        assertEquals(List.of("x,y,z"), Datasets.splitCsvLine("\"x,y,z\""));
    }
}
