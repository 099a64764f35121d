package org.anomaly4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Reading delimited text into a Tablesaw {@link Table}, plain or gzip-compressed. */
public final class Csv {

    private Csv() {
    }

    /**
     * Reads a CSV file (gzip detected from its magic bytes) with the given options.
     *
     * @throws IllegalArgumentException if the file is missing, empty or cannot be parsed, naming the file
     */
    public static Table read(Path file, CsvOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CSV file " + file.toAbsolutePath() + " does not exist or is not a file");
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.gz$", "").replaceFirst("(?i)\\.csv$", "");
        if (options.dateTimeFormat() == null) {
            try (InputStream in = open(file)) {
                Table fast = FastCsv.tryRead(in.readAllBytes(), name, options.separatorChar(), options.header(),
                        java.util.Set.copyOf(options.missingTokens()));
                if (fast != null) {
                    return fast;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read CSV file " + file, e);
            }
        }
        try (InputStream in = open(file)) {
            CsvReadOptions.Builder b = CsvReadOptions.builder(in)
                    .tableName(name)
                    .separator(options.separatorChar())
                    .header(options.header())
                    .missingValueIndicator(options.missingTokens().toArray(String[]::new));
            if (options.dateTimeFormat() != null) {
                b.dateTimeFormat(DateTimeFormatter.ofPattern(options.dateTimeFormat(), Locale.ROOT));
            }
            Table t = Table.read().usingOptions(b.build());
            if (t.columnCount() == 0) {
                throw new IllegalArgumentException("CSV file " + file + " is empty: no header and no rows");
            }
            return t;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("CSV file " + file.toAbsolutePath() + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("CSV file")) {
                throw iae;
            }
            throw new IllegalArgumentException("Cannot parse CSV file " + file + " with separator '"
                    + options.separatorChar() + "': " + e.getMessage()
                    + " (check the separator and dateTimeFormat in CsvOptions)", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }
}
