package org.anomaly4j.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

import org.anomaly4j.progress.Progress;

/**
 * Resolves dataset names to local files.
 * <p>Resolution order for {@code resolve("beehives/Hive17")}:
 * <ol>
 *   <li>{@code $ANOMALY4J_DATA/<file>} (the Makefile and CI point the variable at {@code ../shared/data});</li>
 *   <li>the user cache, {@code $ANOMALY4J_CACHE} or {@code ~/.cache/anomaly4j}, if a verified copy is there;</li>
 *   <li>a download from the manifest's public URL into the cache, verified against its sha256.</li>
 * </ol>
 * A download that fails (offline, HTTP error) or does not match the checksum raises an
 * {@link IllegalStateException} naming the URL and the variable to set; a mismatching file is never kept.
 * A download longer than two seconds shows its progress where the environment shows progress (in a notebook
 * cell under the anomaly4j kernel; see {@link Progress}).
 */
public final class Datasets {

    /** Environment variable naming a folder that holds the data files laid out as in the manifest. */
    public static final String DATA_ENV = "ANOMALY4J_DATA";
    /** Environment variable overriding the user cache folder. */
    public static final String CACHE_ENV = "ANOMALY4J_CACHE";

    private static final String MANIFEST = "/org/anomaly4j/datasets/datasets.csv";
    private static final Map<String, DatasetEntry> ENTRIES = loadManifest();

    private final Path dataRoot;
    private final Path cacheRoot;
    private final LongConsumer progress;

    /**
     * A registry over explicit folders.
     *
     * @param dataRoot  folder laid out as the manifest's {@code file} column, or {@code null}
     * @param cacheRoot folder for verified downloads
     * @param progress  receives downloaded byte counts during a download (may be a no-op)
     */
    public Datasets(Path dataRoot, Path cacheRoot, LongConsumer progress) {
        this.dataRoot = dataRoot;
        this.cacheRoot = cacheRoot;
        this.progress = progress;
    }

    /** The registry configured from the environment ({@value #DATA_ENV}, {@value #CACHE_ENV}, {@code ~/.cache}). */
    public static Datasets fromEnvironment() {
        return fromEnvironment(bytes -> { });
    }

    /** As {@link #fromEnvironment()}, reporting downloaded byte counts to {@code progress}. */
    public static Datasets fromEnvironment(LongConsumer progress) {
        String data = System.getenv(DATA_ENV);
        String cache = System.getenv(CACHE_ENV);
        Path cacheRoot = cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "anomaly4j");
        return new Datasets(data == null || data.isBlank() ? null : Path.of(data), cacheRoot, progress);
    }

    /** All known dataset names, in manifest order. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** The manifest entry for a name; unknown names raise an error listing close matches. */
    public static DatasetEntry entry(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset name is empty; known datasets: " + String.join(", ", ENTRIES.keySet()));
        }
        DatasetEntry e = ENTRIES.get(name);
        if (e == null) {
            List<String> close = new ArrayList<>();
            String prefix = name.contains("/") ? name.substring(0, name.indexOf('/') + 1) : name;
            for (String n : ENTRIES.keySet()) {
                if (n.startsWith(prefix) || n.toLowerCase().contains(name.toLowerCase())) {
                    close.add(n);
                }
            }
            throw new IllegalArgumentException("Unknown dataset \"" + name + "\"; "
                    + (close.isEmpty() ? "known datasets: " + String.join(", ", ENTRIES.keySet())
                    : "did you mean one of: " + String.join(", ", close)));
        }
        return e;
    }

    /** Local path of the dataset's file, downloading and verifying it if needed. */
    public Path resolve(String name) {
        DatasetEntry e = entry(name);
        if (dataRoot != null) {
            Path p = dataRoot.resolve(e.file());
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        Path cached = cacheRoot.resolve(e.file());
        if (Files.isRegularFile(cached) && sha256(cached).equals(e.sha256())) {
            return cached;
        }
        String where = dataRoot == null ? DATA_ENV + " is not set"
                : DATA_ENV + "=" + dataRoot + " has no " + e.file();
        if (!e.downloadable()) {
            throw new IllegalStateException("Dataset \"" + name + "\" is not available locally (" + where
                    + ") and cannot be downloaded as is: it was converted from " + e.url()
                    + ". Set " + DATA_ENV + " to a folder holding " + e.file() + " (sha256 " + e.sha256() + ").");
        }
        download(e, cached, where);
        return cached;
    }

    private void download(DatasetEntry e, Path target, String where) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), ".download-", ".part");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(URI.create(e.url())).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            String expectedDownload = e.downloadSha256().isEmpty() ? e.sha256() : e.downloadSha256();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(response.body(), md)) {
                copyWithProgress(in, tmp, "gzip-of-download".equals(e.kind()),
                        Progress.start("Downloading " + e.name()));
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equals(expectedDownload)) {
                throw new IllegalStateException("Download of dataset \"" + e.name() + "\" from " + e.url()
                        + " has sha256 " + got + " but the manifest expects " + expectedDownload
                        + "; the file was not kept. The source may have changed: set " + DATA_ENV
                        + " to a folder holding a verified copy of " + e.file() + ".");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new IllegalStateException("Dataset \"" + e.name() + "\" is not available locally (" + where
                    + ") and downloading it from " + e.url() + " failed (" + ex + "). Connect to the internet "
                    + "or set " + DATA_ENV + " to a folder holding " + e.file() + ".", ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Download of " + e.url() + " was interrupted", ex);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stale .part file is harmless and never read
                }
            }
        }
    }

    private void copyWithProgress(InputStream in, Path tmp, boolean gzip, Progress shown) throws IOException {
        try (var raw = Files.newOutputStream(tmp);
             var out = gzip ? new GZIPOutputStream(raw) : raw) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                total += n;
                progress.accept(total);
                shown.update(Progress.megabytes(total));
            }
            shown.done(Progress.megabytes(total));
        }
    }

    /** Hex sha256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, DatasetEntry> loadManifest() {
        try (InputStream in = Datasets.class.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException("Dataset manifest " + MANIFEST + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, DatasetEntry> m = new LinkedHashMap<>();
            String header = r.readLine();
            if (!"name,file,url,sha256,download_sha256,kind,rows,columns,licence,citation".equals(header)) {
                throw new IllegalStateException("Unexpected dataset manifest header: " + header);
            }
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = splitCsvLine(line);
                if (f.size() != 10) {
                    throw new IllegalStateException("Bad dataset manifest line (" + f.size() + " fields): " + line);
                }
                m.put(f.get(0), new DatasetEntry(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                        f.get(6), f.get(7), f.get(8), f.get(9)));
            }
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 split of one line (quotes, doubled quotes); enough for the manifest. */
    static List<String> splitCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
