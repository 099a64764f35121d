package org.anomaly4j.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reading delimited text into a Tablesaw {@link Table}, the counterpart of {@code pandas.read_csv}.
 * <p>Input: plain text, gzip (detected from its magic bytes, whatever the file name) or a zip archive holding
 * exactly one file (pandas' rule too). The bytes are decoded strictly with {@link CsvOptions#encoding()}.
 * Options and their pandas names are listed in {@link CsvOptions}; how each column's type is chosen (integers,
 * numbers with the decimal mark, booleans, date-times, text, or a {@code dtype} override) is in the class
 * comment of the package-private {@code CsvColumns}. Missing cells (the {@code missing} tokens) are Tablesaw's
 * missing values: NaN in double columns.
 * <p>Two readers: all-numeric files with default quoting, decimal point, encoding and no {@code dtype} or
 * {@code skipRows} go through a parallel numeric parser; everything else through a general tokenizer. Both give
 * the same columns and values. Cost O(file size) time; memory about twice the text plus the table.
 * <p>Bad input is an {@link IllegalArgumentException} naming the file and, where there is one, the line: an
 * empty file, bytes that are not valid in the encoding or NUL bytes (binary files), a row with more or fewer
 * fields than the header (pandas pads short rows; here they are errors), an unclosed quote, a cell a
 * {@code dtype} cannot read, a zip with several files.
 */
public final class Csv {

    /*
     * Tablesaw 0.44's column-type "singletons" depend on class initialisation order: when DateTimeColumnType is
     * initialised before ColumnType, ColumnType.LOCAL_DATE_TIME and DateTimeColumnType.instance() end up two
     * different (equal, but not identical) objects. Initialising ColumnType first, here, keeps them one object
     * for code that compares types with ==.
     */
    static {
        tech.tablesaw.api.ColumnType.values();
    }

    private Csv() {
    }

    /**
     * Reads a CSV file with the given options.
     *
     * @throws IllegalArgumentException if the file is missing, empty, binary, ragged or cannot be parsed, naming
     *                                  the file and the line
     */
    public static Table read(Path file, CsvOptions options) {
        return readWithReport(file, options).table();
    }

    /**
     * Reads a CSV file and reports what was inferred: per column the type, missing count and a note; print
     * {@code report()} for a readable summary.
     *
     * @throws IllegalArgumentException as {@link #read}
     */
    public static ReadResult readWithReport(Path file, CsvOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null; use CsvOptions.defaults()");
        }
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CSV file " + (file == null ? "null" : file.toAbsolutePath())
                    + " does not exist or is not a file");
        }
        Input input = readInput(file);
        String name = file.getFileName().toString().replaceFirst("(?i)\\.(gz|zip)$", "")
                .replaceFirst("(?i)\\.(csv|tsv|txt)$", "");
        if (fastPathApplies(options)) {
            Table fast = FastCsv.tryRead(input.bytes(), name, options.separatorChar(), options.header(),
                    Set.copyOf(options.missingTokens()));
            if (fast != null && fast.rowCount() > 0) {
                List<ReadReport.ColumnReport> cols = new ArrayList<>();
                for (Column<?> c : fast.columns()) {
                    cols.add(new ReadReport.ColumnReport(c.name(), c.type(), c.countMissing(), ""));
                }
                return new ReadResult(fast, new ReadReport(input.name(), "fast numeric", fast.rowCount(), cols,
                        List.of(), options));
            }
        }
        return readGeneral(input, name, options);
    }

    private static ReadResult readGeneral(Input input, String tableName, CsvOptions options) {
        CsvText text = CsvText.parse(input.bytes(), input.name(), options);
        for (String typed : options.dtypes().keySet()) {
            if (!List.of(text.names).contains(typed)) {
                throw new IllegalArgumentException("dtype names column \"" + typed + "\", which is not in CSV file "
                        + input.name() + "; its columns are " + List.of(text.names));
            }
        }
        CsvColumns typer = new CsvColumns(options, input.name());
        List<Column<?>> columns = new ArrayList<>();
        List<ReadReport.ColumnReport> report = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int j = 0; j < text.names.length; j++) {
            CsvColumns.Typed t = typer.build(text.names[j], text.cells[j], text.lines);
            text.cells[j] = null; // let the text go as soon as the column is built
            if (t.column() == null) {
                skipped.add(text.names[j]);
                continue;
            }
            String note = t.note();
            if (text.renamedWhy[j] != null) {
                String rename = "renamed from \"" + text.renamedFrom[j] + "\" (" + text.renamedWhy[j] + ")";
                note = note.isEmpty() ? rename : rename + "; " + note;
            }
            String hint = text.names.length == 1 ? CsvText.separatorHint(text.names[0], options.separatorChar()) : null;
            if (hint != null) {
                note = note.isEmpty() ? hint : note + "; " + hint;
            }
            columns.add(t.column());
            report.add(new ReadReport.ColumnReport(t.column().name(), t.column().type(), t.column().countMissing(),
                    note));
        }
        Table table = ColumnNames.table(tableName, columns);
        return new ReadResult(table, new ReadReport(input.name(), "general", text.rowCount(), report, skipped,
                options));
    }

    private static boolean fastPathApplies(CsvOptions o) {
        return o.decimal() == '.' && o.skipRows() == 0 && o.dtypes().isEmpty()
                && (o.encoding().equals(StandardCharsets.UTF_8) || o.encoding().equals(StandardCharsets.US_ASCII));
    }

    /** The bytes to parse and the name errors should use. */
    private record Input(byte[] bytes, String name) {
    }

    private static Input readInput(Path file) {
        String shown = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                try (InputStream gz = new GZIPInputStream(in, 1 << 16)) {
                    return new Input(gz.readAllBytes(), shown);
                } catch (ZipException | java.io.EOFException e) {
                    throw new IllegalArgumentException("CSV file " + shown + " starts like gzip but is not a valid "
                            + "gzip stream (" + e.getMessage() + "); the file is truncated or corrupt", e);
                }
            }
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5)) {
                return readZip(file);
            }
            return new Input(in.readAllBytes(), shown);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + shown, e);
        }
    }

    private static Input readZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<ZipEntry> files = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    files.add(entry);
                }
            }
            if (files.size() != 1) {
                List<String> names = files.stream().map(ZipEntry::getName).toList();
                throw new IllegalArgumentException("Zip archive " + file + " holds " + files.size() + " files"
                        + (names.isEmpty() ? "" : " " + names) + ", not exactly one; unzip it and read the file you "
                        + "want (pandas needs one file per zip too)");
            }
            try (InputStream in = zip.getInputStream(files.get(0))) {
                return new Input(in.readAllBytes(), file + "!/" + files.get(0).getName());
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException("CSV file " + file + " starts like a zip archive but cannot be opened ("
                    + e.getMessage() + "); the file is truncated or corrupt", e);
        }
    }
}
