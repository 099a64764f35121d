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
import java.util.zip.ZipInputStream;

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
 * the same columns and values. Cost O(file size) time. Memory: the fast reader streams a plain file in blocks of
 * 1 MiB per core, at most 8 MiB (read twice: count rows, then parse into the final arrays), so it holds the table
 * and one block; other
 * input is held as text once (twice while a compressed input is joined), plus the table, plus the cells as
 * strings for the general reader. The input is read up to
 * {@link CsvOptions#maxBytes()} (after decompression); more is an {@link IllegalArgumentException} stating the
 * size and the fix, never an {@link OutOfMemoryError}.
 * <p>Between the two: a file the fast reader declines (text columns, quoted fields, a decimal comma, {@code dtype},
 * {@code skipRows}, ISO-8859-1 and other one-byte encodings) goes through a column-wise reader (package-private
 * {@code ColumnarCsv}) that parses numbers straight into primitive arrays and decodes each distinct text once,
 * streaming a plain file in blocks like the fast reader; its result is the general reader's, report included.
 * The general reader, with a string per cell, is left UTF-16 and other multi-byte encodings, and input it
 * refuses (its messages name the line).
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
        checkOptions(options);
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CSV file " + (file == null ? "null" : file.toAbsolutePath())
                    + " does not exist or is not a file");
        }
        String name = tableName(file.getFileName().toString());
        ReadResult streamed = readFastStreaming(file, name, options);
        if (streamed != null) {
            return streamed;
        }
        ReadResult columnar = ColumnarCsv.readFile(file, name, options);
        if (columnar != null) {
            return columnar;
        }
        Input input = readInput(file, options.maxBytes());
        return read(input, name, options);
    }

    /** Bytes per block when the fast reader streams a plain file (it holds one block, not the whole text). */
    static final int STREAM_BLOCK = 1 << 23;

    /**
     * The fast reader straight from a plain file in blocks, without reading the text into memory; {@code null}
     * for compressed files or where the general reader must decide.
     */
    private static ReadResult readFastStreaming(Path file, String name, CsvOptions options) {
        if (!fastPathApplies(options)) {
            return null;
        }
        String shown = file.toString();
        try {
            long size = Files.size(file);
            if (size > options.maxBytes()) {
                throw tooLarge(shown, size + " bytes", options.maxBytes(), "");
            }
            byte[] magic;
            try (InputStream in = Files.newInputStream(file)) {
                magic = in.readNBytes(4);
            }
            if (isGzip(magic) || isZip(magic)) {
                return null;
            }
            Table fast = FastCsv.tryReadFile(file, STREAM_BLOCK, name, options.separatorChar(), options.quoteChar(),
                    options.header(), Set.copyOf(options.missingTokens()));
            return fastResult(fast, shown, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + shown, e);
        }
    }

    private static boolean isGzip(byte[] magic) {
        return magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    }

    private static boolean isZip(byte[] magic) {
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
    }

    /**
     * Reads CSV text from a stream (standard input on the command line), plain, gzip or a one-file zip as for a
     * file; the stream is read to its end but not closed.
     *
     * @param name the name used in messages and for the table, e.g. {@code "<stdin>"}
     * @throws IllegalArgumentException as {@link #read}
     */
    public static ReadResult readWithReport(InputStream in, String name, CsvOptions options) {
        checkOptions(options);
        if (in == null || name == null) {
            throw new IllegalArgumentException("input stream and name must not be null");
        }
        try {
            return read(readStream(in, name, options.maxBytes(), -1), tableName(name), options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV input " + name, e);
        }
    }

    private static void checkOptions(CsvOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null; use CsvOptions.defaults()");
        }
    }

    private static String tableName(String fileName) {
        return fileName.replaceFirst("(?i)\\.(gz|zip)$", "").replaceFirst("(?i)\\.(csv|tsv|txt)$", "");
    }

    private static ReadResult read(Input input, String name, CsvOptions options) {
        ReadResult fast = readFast(input.bytes(), input.name(), name, options);
        ReadResult columnar = fast != null ? fast : ColumnarCsv.read(input.bytes(), input.name(), name, options);
        return columnar != null ? columnar : readGeneral(input, name, options);
    }

    /** The fast numeric reader's result, or {@code null} where the general reader must decide. */
    static ReadResult readFast(byte[] bytes, String shownName, String tableName, CsvOptions options) {
        if (!fastPathApplies(options)) {
            return null;
        }
        Table fast = FastCsv.tryRead(bytes, bytes.length, tableName, options.separatorChar(), options.quoteChar(),
                options.header(), Set.copyOf(options.missingTokens()));
        return fastResult(fast, shownName, options);
    }

    /** The fast reader's table with its report, or {@code null} for none or no rows (the general reader decides). */
    static ReadResult fastResult(Table fast, String shownName, CsvOptions options) {
        if (fast == null || fast.rowCount() == 0) {
            return null;
        }
        List<ReadReport.ColumnReport> cols = new ArrayList<>();
        for (Column<?> c : fast.columns()) {
            cols.add(new ReadReport.ColumnReport(c.name(), c.type(), c.countMissing(), ""));
        }
        return new ReadResult(fast, new ReadReport(shownName, "fast numeric", fast.rowCount(), cols, List.of(),
                options));
    }

    /** The general reader on text already in memory (tests compare it with {@link #readFast}). */
    static ReadResult readGeneral(byte[] bytes, String shownName, String tableName, CsvOptions options) {
        return readGeneral(new Input(bytes, shownName), tableName, options);
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
        // UTF-8 only: the fast reader decodes header names as UTF-8, where US-ASCII would refuse them
        return o.decimal() == '.' && o.skipRows() == 0 && o.dtypes().isEmpty()
                && o.encoding().equals(StandardCharsets.UTF_8);
    }

    /** The bytes to parse and the name errors should use. */
    private record Input(byte[] bytes, String name) {
    }

    private static Input readInput(Path file, long limit) {
        String shown = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            return readStream(in, shown, limit, size, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + shown, e);
        }
    }

    private static Input readStream(InputStream raw, String shown, long limit, long size) throws IOException {
        return readStream(raw, shown, limit, size, null);
    }

    /**
     * Plain text, gzip or zip by the magic bytes, read up to {@code limit} bytes. {@code size} is the plain
     * file's size when known (one exact allocation), else -1; {@code file} is set when a zip can be opened as a
     * file (its directory lists every entry), else a zip is read as a stream.
     */
    private static Input readStream(InputStream raw, String shown, long limit, long size, Path file)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (isGzip(magic)) {
            try {
                return new Input(readBounded(new GZIPInputStream(in, 1 << 16), shown, limit, -1, " after gzip "
                        + "decompression"), shown);
            } catch (java.io.EOFException e) {
                throw new IllegalArgumentException("CSV file " + shown + " is gzip-compressed but the gzip stream "
                        + "ends early (truncated file?); copy or download it again", e);
            } catch (ZipException e) {
                throw new IllegalArgumentException("CSV file " + shown + " starts like gzip but is not a valid gzip "
                        + "stream (" + (e.getMessage() == null ? "corrupt data" : e.getMessage()) + "); the file is "
                        + "truncated or corrupt", e);
            }
        }
        if (isZip(magic)) {
            return file != null ? readZip(file, limit) : readZipStream(in, shown, limit);
        }
        return new Input(readBounded(in, shown, limit, size, ""), shown);
    }

    /**
     * All bytes of {@code in}, refusing more than {@code limit}: with a known {@code size} one array of that size,
     * else 1 MiB blocks joined at the end (twice the text at the peak, never more).
     */
    private static byte[] readBounded(InputStream in, String shown, long limit, long size, String after)
            throws IOException {
        if (size > limit) {
            throw tooLarge(shown, size + " bytes", limit, after);
        }
        if (size >= 0) {
            byte[] all = in.readNBytes((int) size);
            if (all.length == size && in.read() >= 0) {
                throw new IllegalArgumentException("CSV file " + shown + " grew while it was read (a file still "
                        + "being written?); read it again when it is complete");
            }
            return all;
        }
        List<byte[]> blocks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] block = in.readNBytes(1 << 20);
            if (block.length == 0) {
                break;
            }
            total += block.length;
            if (total > limit) {
                throw tooLarge(shown, "more than " + limit + " bytes", limit, after);
            }
            blocks.add(block);
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (int k = 0; k < blocks.size(); k++) {
            byte[] block = blocks.get(k);
            System.arraycopy(block, 0, all, at, block.length);
            at += block.length;
            blocks.set(k, null); // each block can go as soon as it is copied
        }
        return all;
    }

    private static IllegalArgumentException tooLarge(String shown, String read, long limit, String after) {
        return new IllegalArgumentException("CSV file " + shown + " holds " + read + after + ", over the limit of "
                + limit + " bytes (CsvOptions.maxBytes, by default a quarter of the Java heap); read a smaller "
                + "file, or raise both: CsvOptions.defaults().maxBytes(...) and the heap with java -Xmx...");
    }

    private static Input readZipStream(InputStream in, String shown, long limit) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry = zip.getNextEntry();
            while (entry != null && entry.isDirectory()) {
                entry = zip.getNextEntry();
            }
            if (entry == null) {
                throw new IllegalArgumentException("Zip archive " + shown + " holds 0 files, not exactly one");
            }
            byte[] bytes = readBounded(zip, shown, limit, -1, " after unzipping");
            ZipEntry next = zip.getNextEntry();
            while (next != null && next.isDirectory()) {
                next = zip.getNextEntry();
            }
            if (next != null) {
                throw new IllegalArgumentException("Zip archive " + shown + " holds several files (" + entry.getName()
                        + ", " + next.getName() + ", ...), not exactly one; unzip it and read the file you want");
            }
            return new Input(bytes, shown + "!/" + entry.getName());
        } catch (ZipException e) {
            throw new IllegalArgumentException("CSV input " + shown + " starts like a zip archive but cannot be read ("
                    + e.getMessage() + "); it is truncated or corrupt", e);
        }
    }

    private static Input readZip(Path file, long limit) throws IOException {
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
            String shown = file + "!/" + files.get(0).getName();
            try (InputStream in = zip.getInputStream(files.get(0))) {
                return new Input(readBounded(in, shown, limit, -1, " after unzipping"), shown);
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException("CSV file " + file + " starts like a zip archive but cannot be opened ("
                    + e.getMessage() + "); the file is truncated or corrupt", e);
        }
    }
}
