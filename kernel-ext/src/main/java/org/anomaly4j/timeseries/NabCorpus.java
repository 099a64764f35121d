package org.anomaly4j.timeseries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A corpus in the Numenta Anomaly Benchmark layout: {@code data/<category>/<series>.csv} files with the
 * columns {@code timestamp,value}, the anomaly windows in {@code labels/combined_windows.json} (a map from
 * {@code "<category>/<series>.csv"} to a list of {@code [start, end]} timestamp pairs, both ends inclusive)
 * and, optionally, the scoring profiles in {@code config/profiles.json}.
 * <p>As in NAB, window ends must be timestamps of the series exactly (NAB's {@code CorpusLabel} refuses the
 * labels otherwise), and every data file must have an entry in the windows file (an empty list when the
 * series has no anomaly). Entries of the windows file without a data file are ignored, so a subset of NAB's
 * 58 series is a valid corpus. Timestamps are read as UTC local date-times ({@code 2014-04-10 07:15:00},
 * fractional seconds allowed) and kept in file order even where they repeat or go back (NAB's own files do:
 * ec2_request_latency_system_failure repeats a daylight-saving hour, machine_temperature_system_failure steps
 * back); a window end must occur exactly once, as NAB's {@code CorpusLabel} checks.
 */
public final class NabCorpus {

    /**
     * One series.
     *
     * @param path        {@code <category>/<series>.csv}, with '/' separators, as in NAB's label files
     * @param timestamps  the timestamp column as written in the file
     * @param epochMillis the timestamps as milliseconds since 1970-01-01T00:00Z
     * @param values      the value column
     * @param windows     anomaly windows as inclusive row ranges {@code {first, last}}, in time order
     */
    public record Series(String path, String[] timestamps, long[] epochMillis, double[] values, int[][] windows) {

        /** The folder under {@code data/}, e.g. {@code realKnownCause}. */
        public String category() {
            return path.substring(0, path.indexOf('/'));
        }

        /** The file name without {@code .csv}, e.g. {@code nyc_taxi}. */
        public String name() {
            String file = path.substring(path.indexOf('/') + 1);
            return file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        }

        public int length() {
            return values.length;
        }

        /** NAB's label column: 1 for rows inside a window, else 0. */
        public int[] labels() {
            int[] out = new int[values.length];
            for (int[] w : windows) {
                Arrays.fill(out, w[0], w[1] + 1, 1);
            }
            return out;
        }
    }

    private final Path root;
    private final List<Series> series;
    private final List<NabProfile> profiles;

    private NabCorpus(Path root, List<Series> series, List<NabProfile> profiles) {
        this.root = root;
        this.series = series;
        this.profiles = profiles;
    }

    /** Reads {@code root/data/**.csv}, {@code root/labels/combined_windows.json} and {@code root/config/profiles.json}. */
    public static NabCorpus read(Path root) {
        return read(root, root.resolve("labels").resolve("combined_windows.json"));
    }

    /** As {@link #read(Path)} with another windows file (e.g. NAB's {@code combined_windows_tiny.json}). */
    public static NabCorpus read(Path root, Path windowsJson) {
        Path data = root.resolve("data");
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("not a NAB corpus: " + root + " has no data/ folder; expected "
                    + "data/<category>/<series>.csv and labels/combined_windows.json");
        }
        if (!Files.isRegularFile(windowsJson)) {
            throw new IllegalArgumentException("NAB windows file " + windowsJson + " not found");
        }
        JsonNode windows;
        try {
            windows = new ObjectMapper().readTree(Files.readString(windowsJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read NAB windows " + windowsJson + ": " + e.getMessage(), e);
        }
        if (windows == null || !windows.isObject()) {
            throw new IllegalArgumentException(windowsJson + ": expected a JSON object from series path to windows");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("NAB corpus " + root + " has no data/<category>/<series>.csv file");
        }
        List<Series> out = new ArrayList<>(files.size());
        for (Path f : files) {
            Path rel = data.relativize(f);
            if (rel.getNameCount() != 2) {
                throw new IllegalArgumentException("NAB data file " + f + " must sit at data/<category>/<series>.csv");
            }
            String key = rel.getName(0) + "/" + rel.getName(1);
            JsonNode w = windows.get(key);
            if (w == null) {
                throw new IllegalArgumentException(windowsJson + " has no entry for " + key
                        + "; add \"" + key + "\": [] if the series has no anomaly");
            }
            out.add(readSeries(f, key, w));
        }
        Path profilesJson = root.resolve("config").resolve("profiles.json");
        List<NabProfile> profiles = Files.isRegularFile(profilesJson) ? NabProfile.read(profilesJson)
                : NabProfile.defaults();
        return new NabCorpus(root, List.copyOf(out), profiles);
    }

    private static Series readSeries(Path file, String key, JsonNode windows) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().startsWith("timestamp,value")) {
            throw new IllegalArgumentException(file + ": expected the header timestamp,value");
        }
        int n = 0;
        String[] ts = new String[lines.size() - 1];
        long[] ms = new long[ts.length];
        double[] v = new double[ts.length];
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(file + " row " + i + ": expected timestamp,value, got \"" + line + "\"");
            }
            ts[n] = line.substring(0, comma);
            ms[n] = epochMillis(ts[n], file + " row " + i);
            String value = line.substring(comma + 1);
            int more = value.indexOf(',');
            try {
                v[n] = Double.parseDouble(more < 0 ? value : value.substring(0, more));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " row " + i + ": value \"" + value + "\" is not a number");
            }
            if (!Double.isFinite(v[n])) {
                throw new IllegalArgumentException(file + " row " + i + ": value must be finite, got " + value);
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(file + " has no rows");
        }
        ts = Arrays.copyOf(ts, n);
        ms = Arrays.copyOf(ms, n);
        v = Arrays.copyOf(v, n);
        return new Series(key, ts, ms, v, windows(key, windows, ms));
    }

    private static int[][] windows(String key, JsonNode list, long[] ms) {
        if (!list.isArray()) {
            throw new IllegalArgumentException("windows of " + key + " must be a list of [start, end] pairs");
        }
        int[][] out = new int[list.size()][];
        for (int k = 0; k < list.size(); k++) {
            JsonNode pair = list.get(k);
            if (!pair.isArray() || pair.size() != 2) {
                throw new IllegalArgumentException("window " + k + " of " + key + " must be a [start, end] pair");
            }
            int a = row(key, pair.get(0).asText(), ms);
            int b = row(key, pair.get(1).asText(), ms);
            if (b < a || (k > 0 && a <= out[k - 1][1])) {
                throw new IllegalArgumentException("window " + k + " of " + key
                        + " must end after it starts and start after the previous window");
            }
            out[k] = new int[] {a, b};
        }
        return out;
    }

    private static int row(String key, String timestamp, long[] ms) {
        long t = epochMillis(timestamp, "window of " + key);
        int first = -1;
        for (int i = 0; i < ms.length; i++) {
            if (ms[i] == t) {
                if (first >= 0) {
                    first = -2;
                    break;
                }
                first = i;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException("window timestamp " + timestamp + " of " + key
                    + " must be the timestamp of exactly one row; NAB windows must match data timestamps exactly");
        }
        return first;
    }

    /** Parses {@code 2014-04-10 07:15:00[.ffffff]} (or ISO with 'T') as UTC. */
    static long epochMillis(String timestamp, String where) {
        try {
            return LocalDateTime.parse(timestamp.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": timestamp \"" + timestamp
                    + "\" is not like 2014-04-10 07:15:00");
        }
    }

    public Path root() {
        return root;
    }

    /** The series, sorted by path. */
    public List<Series> series() {
        return series;
    }

    /** The profiles of {@code config/profiles.json}, else NAB's three defaults. */
    public List<NabProfile> profiles() {
        return profiles;
    }

    /** The series of one category, in path order. */
    public List<Series> category(String category) {
        return series.stream().filter(s -> s.category().equals(category)).toList();
    }

    /** The categories in path order. */
    public List<String> categories() {
        return series.stream().map(Series::category).distinct().toList();
    }
}
