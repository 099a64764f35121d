package org.anomaly4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.Column;

/**
 * The general reader of {@link Csv} for its common case, column by column into primitive arrays: files with
 * text columns next to numbers (the beehive tables, transactions with a category) are read from their bytes
 * without a {@code String} per cell. The result is the general reader's ({@link CsvText} then
 * {@link CsvColumns}) to the bit: the same names, renames, types, values, notes, report and errors.
 * <p>How: one pass checks the bytes and counts the records; a second splits each record into fields (as {@link
 * CsvText} does, quoted ones included) and hands every cell to its column, which keeps the state of pandas' type
 * inference in row order: all missing so far, integers (a {@code long[]}), numbers (a {@code double[]}, parsed by
 * {@link NumberText#parse(byte[], int, int)}, correctly rounded), or text. A column whose first present cell is not a
 * number collects its cells as ids into a dictionary of the distinct byte sequences, each decoded once (strictly, in
 * the file's encoding); a column that turns out not to be numeric after some numbers (rare) collects its cells the
 * same way in a third pass. Text columns, and columns with a {@code dtype}, are then typed by {@link CsvColumns#build}
 * over cells that share one {@code String} per distinct value (so booleans, date-times, conversions and notes follow
 * the same rules); numeric columns by the same rules here. The columns are split over the cores: each thread tokenizes
 * every record and parses its own columns, so no state is merged. Memory: the table, one 2 MiB block of a plain file
 * (the whole text for other input), the file line of each row, and per text column an {@code int} per row plus its
 * distinct values.
 * <p>Declines ({@code null}: the caller runs the general reader, which gives the table or the error) where that
 * reader must decide: an encoding other than UTF-8 or {@linkplain #singleByteAscii one byte per character over
 * ASCII} (UTF-16, ...), a quote never closed, a NUL byte, a row with the wrong number of fields, bytes not valid
 * in the encoding, an empty file, a {@code dtype} naming no column, a missing token the encoding cannot spell.
 * A streamed file whose quoted line break falls on a block boundary is declined too; {@link Csv} then reads the
 * text into memory and runs this reader on it as one block. O(file size) time.
 */
final class ColumnarCsv {

    /**
     * Bytes per block when a plain file is streamed (grown for a longer line): 2 MiB, allocated once per read
     * (with the kernel's 4 MiB G1 regions one region of its own, reclaimed with the read's other garbage).
     */
    static final int BLOCK = 1 << 21;

    private ColumnarCsv() {
    }

    /**
     * Reads a plain (uncompressed) file in blocks, the text never whole in memory; {@code null} for a compressed
     * file, a file over {@link CsvOptions#maxBytes()} (the general reader then says so) and where the class
     * comment says it declines.
     */
    static ReadResult readFile(Path file, String tableName, CsvOptions options) {
        return readFile(file, tableName, options, BLOCK);
    }

    /** As {@link #readFile(Path, String, CsvOptions)} in blocks of {@code blockSize} bytes (tests use tiny ones). */
    static ReadResult readFile(Path file, String tableName, CsvOptions options, int blockSize) {
        if (!applies(options)) {
            return null;
        }
        try {
            if (Files.size(file) > options.maxBytes()) {
                return null;
            }
            byte[] magic;
            try (InputStream in = Files.newInputStream(file)) {
                magic = in.readNBytes(4);
            }
            boolean gzip = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            boolean zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
            if (gzip || zip) {
                return null;
            }
            return read(TextBlocks.file(file, blockSize), file.toString(), tableName, options, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + file, e);
        }
    }

    /** Reads text already in memory (decompressed); {@code null} where the class comment says it declines. */
    static ReadResult read(byte[] bytes, String shownName, String tableName, CsvOptions options) {
        return read(bytes, shownName, tableName, options, 0);
    }

    /** As {@link #read(byte[], String, String, CsvOptions)} on {@code threads} threads (0: by the text's size). */
    static ReadResult read(byte[] bytes, String shownName, String tableName, CsvOptions options, int threads) {
        if (!applies(options)) {
            return null;
        }
        try {
            return read(TextBlocks.of(bytes), shownName, tableName, options, threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // never: the bytes are in memory
        }
    }

    private static boolean applies(CsvOptions o) {
        Charset cs = o.encoding();
        if (!(cs.equals(StandardCharsets.UTF_8) || singleByteAscii(cs)) || o.separatorChar() > 127
                || o.quoteChar() > 127) {
            return false;
        }
        for (String token : o.missingTokens()) {
            if (!new String(token.getBytes(cs), cs).equals(token)) {
                return false; // not in the encoding (or a lone surrogate): no bytes spell it
            }
        }
        return true;
    }

    /**
     * An encoding of one byte per character that reads bytes 0-127 as ASCII and no other byte as an ASCII
     * character (ISO-8859-1, windows-1252, US-ASCII, ...): the separator, quote, line breaks and numbers are then
     * the same bytes as in UTF-8, and every cell can be decoded on its own.
     */
    static boolean singleByteAscii(Charset cs) {
        if (!cs.canEncode() || cs.newEncoder().maxBytesPerChar() != 1.0f || cs.newDecoder().maxCharsPerByte() != 1.0f) {
            return false;
        }
        byte[] all = new byte[256];
        for (int k = 0; k < 256; k++) {
            all[k] = (byte) k;
        }
        String decoded = new String(all, cs);
        if (decoded.length() != 256) {
            return false;
        }
        for (int k = 0; k < 256; k++) {
            char c = decoded.charAt(k);
            if (k < 128 ? c != k : c < 128) {
                return false;
            }
        }
        return true;
    }

    private static ReadResult read(TextBlocks blocks, String shownName, String tableName, CsvOptions o, int threads)
            throws IOException {
        // pass 1: no NUL byte, and the number of records (quoted line breaks included)
        long[] records = {0};
        int[] skipped = {-1}; // lines skipped so far; -1 before the first block
        byte sep = (byte) o.separatorChar();
        byte quote = (byte) o.quoteChar();
        boolean plain = blocks.each((b, from, to) -> {
            int i = skipped[0] < 0 ? from + bom(b, from, to, o.encoding()) : from;
            skipped[0] = Math.max(skipped[0], 0);
            for (; skipped[0] < o.skipRows() && i < to; skipped[0]++) { // raw lines, as the general reader skips them
                int end = lineEnd(b, i, to);
                for (int k = i; k < end; k++) {
                    if (b[k] == 0) {
                        return false;
                    }
                }
                i = afterLineBreak(b, end, to);
            }
            long n = countRecords(b, i, to, sep, quote);
            records[0] += Math.max(n, 0);
            return n >= 0;
        });
        int rows = (int) Math.min(Integer.MAX_VALUE, records[0] - (o.header() ? 1 : 0));
        if (!plain || records[0] == 0 || rows < 0 || records[0] > Integer.MAX_VALUE - 16) {
            return null;
        }
        Parse p = new Parse(o, rows, threads);
        if (!blocks.each(p::block) || p.declined || p.main.row != rows) {
            return null;
        }
        boolean[] rereading = new boolean[p.cols.length];
        boolean any = false;
        for (int j = 0; j < p.cols.length; j++) {
            if (p.cols[j].state == DEFERRED) {
                p.cols[j].startText(rows, 0, null);
                rereading[j] = true;
                any = true;
            }
        }
        if (any) {
            p.rereading = rereading;
            p.restart();
            if (!blocks.each(p::block) || p.declined || p.main.row != rows) {
                return null;
            }
        }
        return p.result(shownName, tableName);
    }

    /** The first line break ({@code \n} or {@code \r}) at or after {@code from}, or {@code to}. */
    private static int lineEnd(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }

    /** Past the line break at {@code k}: {@code \n}, {@code \r\n} or a lone {@code \r} ({@code to} stays). */
    private static int afterLineBreak(byte[] b, int k, int to) {
        return k == to ? to : b[k] == '\r' && k + 1 < to && b[k + 1] == '\n' ? k + 2 : k + 1;
    }

    /**
     * The records in {@code b[from, to)} as {@link CsvText}'s tokenizer splits them: a line break ends a record
     * unless it is inside a quoted field (a field that starts with the quote character, up to its closing quote;
     * a doubled quote is data); {@code \n}, {@code \r\n} and a lone {@code \r} are line breaks; blank lines are no
     * records. -1 for a NUL byte, or a quoted field still open at {@code to} (a record that runs on into the next
     * block, or a quote never closed).
     */
    static long countRecords(byte[] b, int from, int to, byte sep, byte quote) {
        long records = 0;
        int i = from;
        while (i < to) {
            byte x = b[i];
            if (x == '\n' || x == '\r') { // a blank line
                i = afterLineBreak(b, i, to);
                continue;
            }
            records++;
            while (true) { // the fields of one record
                if (i < to && b[i] == quote) {
                    for (i++; ; i++) {
                        if (i == to) {
                            return -1;
                        }
                        x = b[i];
                        if (x == quote) {
                            if (i + 1 < to && b[i + 1] == quote) {
                                i++;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (x == 0) {
                            return -1;
                        }
                    }
                }
                while (i < to) { // unquoted, or after the closing quote: up to a separator or line break
                    x = b[i];
                    if (x > '\r' && x != sep) {
                        i++;
                        continue;
                    }
                    if (x == sep || x == '\n' || x == '\r') {
                        break;
                    }
                    if (x == 0) {
                        return -1;
                    }
                    i++;
                }
                if (i == to) {
                    return records;
                }
                if (x == sep) {
                    i++;
                    continue;
                }
                i = afterLineBreak(b, i, to);
                break;
            }
        }
        return records;
    }

    /** 3 for a UTF-8 byte-order mark at {@code from}, which is not part of the text, else 0. */
    private static int bom(byte[] b, int from, int to, Charset cs) {
        return cs.equals(StandardCharsets.UTF_8) && to - from >= 3 && b[from] == (byte) 0xEF
                && b[from + 1] == (byte) 0xBB && b[from + 2] == (byte) 0xBF ? 3 : 0;
    }

    /** The most threads a read splits its columns over. */
    private static final int MAX_THREADS = 8;

    /** Column states, in the order pandas' inference moves through them. */
    private static final byte ALL_MISSING = 0;
    private static final byte INTEGERS = 1;
    private static final byte NUMBERS = 2;
    private static final byte TEXT = 3;
    /** Not numeric after all, with numbers before: its text is collected in another pass. */
    private static final byte DEFERRED = 4;
    /** Left out ({@code dtype SKIP}): its cells are not read. */
    private static final byte SKIPPED = 5;

    /** The second (and third) pass: lines split into cells, each cell to its column. */
    private static final class Parse {
        private final CsvOptions options;
        private final int rows;
        private final byte sep;
        private final byte quote;
        /** Missing tokens in the file's encoding, by length (a cell longer than every token is never missing). */
        private final byte[][][] missingByLength;
        private final int[] lines;
        private final boolean utf8;
        /** Threads for the rows after the header (0: by the size of the text). */
        private final int threads;
        String[] header;
        /** The column names, and the header's clean-up (null without a header). */
        String[] names;
        ColumnNames.Header cleaned;
        Col[] cols;
        /** Null in the second pass (every column); in the third, the deferred columns, whose text is read. */
        boolean[] rereading;
        int width = -1;
        /** At the start of the text (a pass begins). */
        boolean starting = true;
        boolean declined;
        /** Reads the lines up to the header, and every column where one thread reads the rows. */
        final Cursor main = new Cursor(0, Integer.MAX_VALUE);
        /** The threads' cursors, each over its own columns, once the header is known. */
        Cursor[] split;

        Parse(CsvOptions o, int rows, int threads) {
            this.options = o;
            this.rows = rows;
            this.threads = threads;
            this.sep = (byte) o.separatorChar();
            this.quote = (byte) o.quoteChar();
            this.lines = new int[rows];
            this.utf8 = o.encoding().equals(StandardCharsets.UTF_8);
            int longest = 0;
            List<byte[]> tokens = new ArrayList<>();
            for (String t : o.missingTokens()) {
                tokens.add(t.getBytes(o.encoding()));
                longest = Math.max(longest, tokens.get(tokens.size() - 1).length);
            }
            missingByLength = new byte[longest + 1][][];
            for (int len = 0; len <= longest; len++) {
                final int l = len;
                missingByLength[len] = tokens.stream().filter(t -> t.length == l).toArray(byte[][]::new);
            }
        }

        /** A new pass over the text. */
        void restart() {
            main.row = 0;
            main.line = 1;
            width = -1;
            starting = true;
        }

        /**
         * One run of whole lines: the lines up to the header one by one, then the rows, split by columns over the
         * threads when there are several (each thread tokenizes every record but reads only its columns, so each
         * column's state still moves in row order and nothing is merged).
         */
        boolean block(byte[] b, int from, int to) {
            int i = starting ? from + bom(b, from, to, options.encoding()) : from;
            starting = false;
            while (i < to && width < 0) {
                i = main.step(b, i, to);
                if (i < 0 || main.declined) {
                    declined = true;
                    return false;
                }
            }
            if (i >= to) {
                return true;
            }
            if (split == null) {
                // one thread per MiB of the first run, at most one per core and MAX_THREADS (every thread
                // tokenizes every record, so more threads repeat more of that work)
                int t = threads > 0 ? threads : Math.min(Math.min(ForkJoinPool.getCommonPoolParallelism() + 1,
                        MAX_THREADS), (to - i) / (1 << 20) + 1);
                t = Math.max(1, Math.min(t, width));
                split = new Cursor[t];
                for (int k = 0; k < t; k++) {
                    split[k] = t == 1 ? main
                            : new Cursor((int) ((long) width * k / t), (int) ((long) width * (k + 1) / t));
                }
            }
            final int start = i;
            if (split.length == 1) {
                declined = !main.lines(b, start, to) || main.declined;
                return !declined;
            }
            boolean[] ok = new boolean[split.length];
            for (Cursor c : split) {
                c.row = main.row;
                c.line = main.line;
            }
            IntStream.range(0, split.length).parallel().forEach(k -> ok[k] = split[k].lines(b, start, to));
            main.row = split[0].row;
            main.line = split[0].line;
            for (int k = 0; k < split.length; k++) {
                declined |= !ok[k] || split[k].declined;
            }
            return !declined;
        }

        /**
         * The header record at {@code from} (or, without one, the names C0, C1, ... and the first row, read by
         * {@code main}); where the next record starts, or -1 to decline.
         */
        private int first(byte[] b, int from, int to) {
            List<String> fields = new ArrayList<>();
            int line = main.line;
            int k = from;
            while (true) {
                k = main.field(b, k, to);
                String f = k < 0 ? null : decode(main.cellBytes, main.cellStart, main.cellEnd, options.encoding());
                if (f == null) {
                    return -1;
                }
                fields.add(f);
                if (k == to || b[k] != sep) {
                    break;
                }
                k++;
            }
            width = fields.size();
            if (cols == null) {
                header = fields.toArray(String[]::new);
                names = new String[width];
                for (int j = 0; j < width; j++) {
                    names[j] = "C" + j;
                }
                cleaned = options.header() ? ColumnNames.clean(header) : null;
                if (cleaned != null) {
                    names = cleaned.names();
                }
                if (!List.of(names).containsAll(options.dtypes().keySet())) {
                    return -1; // the general reader names the column that is not in the file
                }
                cols = new Col[width];
                for (int j = 0; j < width; j++) {
                    cols[j] = new Col();
                    ColumnType forced = options.dtypes().get(names[j]);
                    if (forced != null && forced.equals(ColumnType.SKIP)) {
                        cols[j].state = SKIPPED;
                    } else if (forced != null) {
                        cols[j].startText(rows, 0, null); // CsvColumns reads the text as the dtype says
                    }
                }
            }
            if (options.header()) {
                return main.next(b, k, to);
            }
            main.line = line; // the first row, read again as a row
            return main.row(b, from, to);
        }

        private boolean isMissing(byte[] b, int s, int e) {
            int len = e - s;
            if (len >= missingByLength.length) {
                return false;
            }
            for (byte[] m : missingByLength[len]) {
                if (Arrays.equals(b, s, e, m, 0, len)) {
                    return true;
                }
            }
            return false;
        }

        /** Where one thread is: its line and row, its current cell, and the columns {@code [c0, c1)} it reads. */
        private final class Cursor {
            final int c0;
            final int c1;
            int row;
            int line = 1;
            /** A skipped column has a cell that is not valid in the encoding. */
            boolean declined;
            /** The current cell {@code cellBytes[cellStart, cellEnd)}: in the text, or unquoted in {@link #scratch}. */
            byte[] cellBytes;
            int cellStart;
            int cellEnd;
            byte[] scratch = new byte[256];
            /** A cell with its decimal commas made points. */
            byte[] commas = new byte[64];

            Cursor(int c0, int c1) {
                this.c0 = c0;
                this.c1 = c1;
            }

            /** The lines and records of {@code b[from, to)}; false to decline. */
            boolean lines(byte[] b, int from, int to) {
                int i = from;
                while (i < to) {
                    i = step(b, i, to);
                    if (i < 0) {
                        return false;
                    }
                }
                return true;
            }

            /**
             * What starts at {@code i}: a skipped line, a blank line, the header or a row; where the next starts,
             * or -1 to decline.
             */
            int step(byte[] b, int i, int to) {
                if (line <= options.skipRows()) {
                    int end = lineEnd(b, i, to);
                    line++; // skipped, but the general reader decodes it too
                    return decode(b, i, end, options.encoding()) == null ? -1 : afterLineBreak(b, end, to);
                }
                if (b[i] == '\n' || b[i] == '\r') { // a blank line
                    return next(b, i, to);
                }
                return width < 0 ? first(b, i, to) : row(b, i, to);
            }

            /** Past the line break at {@code k} (or {@code to}), counting the line. */
            int next(byte[] b, int k, int to) {
                if (k < to) {
                    line++;
                }
                return afterLineBreak(b, k, to);
            }

            /**
             * The row that starts at {@code from}, its cells in columns {@code [c0, c1)}; where the next record
             * starts, or -1 to decline.
             */
            int row(byte[] b, int from, int to) {
                if (row >= rows) {
                    return -1; // the file grew between the passes
                }
                int start = line;
                int j = 0;
                int k = from;
                while (true) {
                    k = field(b, k, to);
                    if (k < 0 || j == width) {
                        return -1;
                    }
                    if (j >= c0 && j < c1) {
                        if (rereading == null) {
                            cell(cols[j], cellBytes, cellStart, cellEnd);
                        } else if (rereading[j]) {
                            cols[j].ids[row] = cols[j].dict.add(cellBytes, cellStart, cellEnd);
                        }
                    }
                    j++;
                    if (k == to || b[k] != sep) {
                        break;
                    }
                    k++;
                }
                if (j != width) {
                    return -1;
                }
                if (c0 == 0) {
                    lines[row] = start;
                }
                row++;
                return next(b, k, to);
            }

            /**
             * The field that starts at {@code k}, as {@link CsvText} reads it: up to a separator or line break, or,
             * when it starts with the quote character, to the closing quote (separators and line breaks inside are
             * data, a doubled quote is one quote, text after the closing quote up to the separator is appended).
             * Sets {@link #cellBytes}, {@link #cellStart}, {@link #cellEnd} and counts the lines inside; returns
             * where it stops (a separator, a line break or {@code to}), or -1 for a quote not closed before
             * {@code to}.
             */
            private int field(byte[] b, int k, int to) {
                if (k == to || b[k] != quote) {
                    int e = k;
                    byte x;
                    while (e < to && (x = b[e]) != sep && x != '\n' && x != '\r') {
                        e++;
                    }
                    cellBytes = b;
                    cellStart = k;
                    cellEnd = e;
                    return e;
                }
                int q = k + 1;
                boolean doubled = false;
                while (true) {
                    if (q == to) {
                        return -1;
                    }
                    if (b[q] == quote) {
                        if (q + 1 < to && b[q + 1] == quote) {
                            doubled = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    if (b[q] == '\n' || (b[q] == '\r' && (q + 1 == to || b[q + 1] != '\n'))) {
                        line++;
                    }
                    q++;
                }
                int after = q + 1;
                int e = after;
                byte x;
                while (e < to && (x = b[e]) != sep && x != '\n' && x != '\r') {
                    e++;
                }
                if (!doubled && e == after) {
                    cellBytes = b;
                    cellStart = k + 1;
                    cellEnd = q;
                    return e;
                }
                if (scratch.length < e - k) {
                    scratch = new byte[Math.max(e - k, 2 * scratch.length)];
                }
                int n = 0;
                for (int i = k + 1; i < q; i++) {
                    scratch[n++] = b[i];
                    if (b[i] == quote) {
                        i++; // the second quote of a doubled one
                    }
                }
                for (int i = after; i < e; i++) {
                    scratch[n++] = b[i];
                }
                cellBytes = scratch;
                cellStart = 0;
                cellEnd = n;
                return e;
            }

            /**
             * The cell as a number, NaN when it is not one ({@link CsvColumns#number}): with a decimal comma a cell
             * holding {@code '.'} is text, and commas are read as decimal points.
             */
            private double number(byte[] b, int s, int e) {
                if (!utf8 && !ascii(b, s, e)) { // rare: NumberText.parse(byte[], ...) reads other bytes as UTF-8
                    return CsvColumns.number(new String(b, s, e - s, options.encoding()), options.decimal());
                }
                if (options.decimal() == '.') {
                    return NumberText.parse(b, s, e);
                }
                if (commas.length < e - s) {
                    commas = new byte[Math.max(e - s, 2 * commas.length)];
                }
                for (int k = s; k < e; k++) {
                    if (b[k] == '.') {
                        return Double.NaN;
                    }
                    commas[k - s] = b[k] == ',' ? (byte) '.' : b[k];
                }
                return NumberText.parse(commas, 0, e - s);
            }

            /** Cell {@code b[s, e)} of the current row into column {@code c}, moving its state on as pandas would. */
            private void cell(Col c, byte[] b, int s, int e) {
                int i = row;
                switch (c.state) {
                    case NUMBERS -> {
                        if (isMissing(b, s, e)) {
                            c.doubles[i] = Double.NaN;
                            return;
                        }
                        double v = number(b, s, e);
                        if (Double.isNaN(v)) {
                            c.defer();
                        } else {
                            c.doubles[i] = v;
                        }
                    }
                    case INTEGERS -> {
                        if (isMissing(b, s, e)) {
                            c.markMissing(i);
                            return;
                        }
                        int kind = integer(b, s, e, c);
                        double v = kind == NOT_INTEGER ? number(b, s, e) : Double.NaN;
                        if (kind == INTEGER) {
                            c.longs[i] = c.scratch;
                        } else if (!Double.isNaN(v)) {
                            c.toNumbers();
                            if (c.state == NUMBERS) {
                                c.doubles[i] = v;
                            }
                        } else {
                            c.defer(); // not a number, or an integer beyond 64 bits before any other number
                        }
                    }
                    case ALL_MISSING -> {
                        if (isMissing(b, s, e)) {
                            return;
                        }
                        int kind = integer(b, s, e, c);
                        if (kind == INTEGER) {
                            c.startIntegers(rows, i);
                            c.longs[i] = c.scratch;
                            return;
                        }
                        double v = kind == NOT_INTEGER ? number(b, s, e) : Double.NaN;
                        if (Double.isNaN(v)) {
                            c.startText(rows, i, i == 0 ? null
                                    : options.missingTokens().get(0).getBytes(options.encoding()));
                            c.ids[i] = c.dict.add(b, s, e);
                        } else {
                            c.startNumbers(rows, i);
                            c.doubles[i] = v;
                        }
                    }
                    case TEXT -> c.ids[i] = c.dict.add(b, s, e);
                    case SKIPPED -> {
                        if (!ascii(b, s, e) && decode(b, s, e, options.encoding()) == null) {
                            declined = true; // not read, but the general reader decodes it too
                        }
                    }
                    default -> {
                        // DEFERRED: read again in the third pass
                    }
                }
            }

        }

        ReadResult result(String shownName, String tableName) {
            for (Col c : cols) {
                if (c.dict != null && !c.decode(options.encoding())) {
                    return null; // bytes that are not UTF-8: the general reader names the line (before any dtype error)
                }
            }
            ColumnNames.Header h = cleaned;
            CsvColumns typer = new CsvColumns(options, shownName);
            List<Column<?>> columns = new ArrayList<>();
            List<ReadReport.ColumnReport> report = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (int j = 0; j < cols.length; j++) {
                String name = names[j];
                CsvColumns.Typed t = cols[j].typed(name, typer, lines, options.decimal() == ',');
                cols[j] = null; // let the column's parse state go as soon as the column is built
                if (t.column() == null) {
                    skipped.add(name);
                    continue;
                }
                String note = t.note();
                if (h != null && h.renamed()[j] != null) {
                    String rename = "renamed from \"" + header[j].strip() + "\" (" + h.renamed()[j] + ")";
                    note = note.isEmpty() ? rename : rename + "; " + note;
                }
                String hint = header.length == 1 ? CsvText.separatorHint(name, options.separatorChar()) : null;
                if (hint != null) {
                    note = note.isEmpty() ? hint : note + "; " + hint;
                }
                columns.add(t.column());
                report.add(new ReadReport.ColumnReport(name, t.column().type(), t.column().countMissing(), note));
            }
            return new ReadResult(ColumnNames.table(tableName, columns),
                    new ReadReport(shownName, "general", rows, report, skipped, options));
        }
    }

    private static final int NOT_INTEGER = 0;
    private static final int INTEGER = 1;
    private static final int BEYOND_LONG = 2;

    /**
     * Whether {@code b[s, e)} is an integer literal {@code ws* [+-]? digits ws*} ({@link CsvColumns}' rule): its
     * value goes to {@code c.scratch} (and {@code -0} is noted, a double column keeps its sign); an integer beyond
     * the long range is {@link #BEYOND_LONG}.
     */
    private static int integer(byte[] b, int s, int e, Col c) {
        while (s < e && NumberText.isSpace(b[s])) {
            s++;
        }
        while (e > s && NumberText.isSpace(b[e - 1])) {
            e--;
        }
        int i = s;
        boolean negative = i < e && b[i] == '-';
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i == e) {
            return NOT_INTEGER;
        }
        long v = 0;
        int significant = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_INTEGER;
            }
            if (significant > 0 || d != 0) {
                significant++;
            }
            v = v * 10 + d; // exact while significant <= 18
        }
        if (significant > 18) {
            try {
                v = Long.parseLong(new String(b, s, e - s, StandardCharsets.ISO_8859_1)); // ASCII digits only
            } catch (NumberFormatException overflow) {
                return BEYOND_LONG;
            }
        } else if (negative) {
            if (v == 0) {
                c.negativeZero = true;
            }
            v = -v;
        }
        c.scratch = v;
        return INTEGER;
    }

    /** One column's parse state. */
    private static final class Col {
        byte state = ALL_MISSING;
        long[] longs;
        /** Missing rows of an {@link #INTEGERS} column, one bit per row, or null while there are none. */
        long[] missingBits;
        int missingCount;
        /** Whether an {@link #INTEGERS} column holds a {@code -0}, which becomes -0.0 if the column turns double. */
        boolean negativeZero;
        long scratch;
        double[] doubles;
        int[] ids;
        ByteDictionary dict;
        /** The dictionary's values, decoded. */
        String[] values;

        /** Decodes the dictionary; false when a value is not valid UTF-8. */
        boolean decode(Charset cs) {
            values = dict.decoded(cs);
            dict = null;
            return values != null;
        }

        void startIntegers(int rows, int row) {
            state = INTEGERS;
            longs = new long[rows];
            for (int i = 0; i < row; i++) {
                markMissing(i);
            }
        }

        void startNumbers(int rows, int row) {
            state = NUMBERS;
            doubles = new double[rows];
            Arrays.fill(doubles, 0, row, Double.NaN);
        }

        /** Text from {@code row} on; the rows before are missing, spelled {@code missingToken}. */
        void startText(int rows, int row, byte[] missingToken) {
            state = TEXT;
            ids = new int[rows];
            dict = new ByteDictionary();
            if (row > 0) {
                int id = dict.add(missingToken, 0, missingToken.length);
                Arrays.fill(ids, 0, row, id);
            }
        }

        void markMissing(int i) {
            if (missingBits == null) {
                missingBits = new long[(longs.length >> 6) + 1];
            }
            missingBits[i >> 6] |= 1L << i;
            missingCount++;
        }

        boolean missing(int i) {
            return missingBits != null && (missingBits[i >> 6] & (1L << i)) != 0;
        }

        /**
         * The integers so far as doubles, and numbers from now on. Every long is converted correctly rounded, as
         * {@link Double#parseDouble} of its digits would be; {@code -0} cells are found again in the text.
         */
        void toNumbers() {
            if (negativeZero) {
                defer(); // rare: where the -0 cells were is not kept, so read the column's text again
                return;
            }
            state = NUMBERS;
            doubles = new double[longs.length];
            for (int i = 0; i < longs.length; i++) {
                doubles[i] = missing(i) ? Double.NaN : longs[i];
            }
            longs = null;
            missingBits = null;
        }

        void defer() {
            state = DEFERRED;
            longs = null;
            missingBits = null;
            doubles = null;
        }

        /** The typed column (a null column for a skipped one); text columns are {@link #decode decoded} first. */
        CsvColumns.Typed typed(String name, CsvColumns typer, int[] lines, boolean decimalComma) {
            int rows = lines.length;
            if (rows == 0 && state != SKIPPED) {
                return typer.build(name, new String[0], lines); // a header and no rows: its rules for that
            }
            switch (state) {
                case ALL_MISSING:
                    return CsvColumns.allMissing(name, rows);
                case INTEGERS:
                    return CsvColumns.integerColumn(name, longs, this::missing, missingCount);
                case NUMBERS:
                    return new CsvColumns.Typed(new Doubles(name, doubles), decimalComma ? "decimal comma" : "");
                case SKIPPED:
                    return new CsvColumns.Typed(null, "skipped (dtype SKIP)");
                default:
                    String[] cells = new String[rows];
                    for (int i = 0; i < rows; i++) {
                        cells[i] = values[ids[i]];
                    }
                    ids = null;
                    values = null;
                    return typer.build(name, cells, lines);
            }
        }
    }

    /**
     * A double column over the parsed array itself ({@code DoubleColumn.create} would copy it); behaves as a
     * {@link DoubleColumn} in every way.
     */
    private static final class Doubles extends DoubleColumn {
        Doubles(String name, double[] values) {
            super(name, DoubleArrayList.wrap(values));
        }
    }

    /** The distinct byte sequences of a text column, each with an id, in an open-addressing hash table. */
    static final class ByteDictionary {
        private byte[] bytes = new byte[256];
        private int used;
        /** Value {@code id} is {@code bytes[starts[id], starts[id + 1])}. */
        private int[] starts = new int[17];
        private int[] hashes = new int[16];
        private int size;
        /** id + 1 per slot, 0 for an empty slot; the length is a power of two, at most half full. */
        private int[] slots = new int[32];

        /** The id of {@code b[s, e)}, added if new. */
        int add(byte[] b, int s, int e) {
            int h = 1;
            for (int k = s; k < e; k++) {
                h = 31 * h + b[k];
            }
            h ^= h >>> 16;
            int mask = slots.length - 1;
            for (int slot = h & mask; ; slot = (slot + 1) & mask) {
                int id = slots[slot] - 1;
                if (id < 0) {
                    return insert(slot, h, b, s, e);
                }
                if (hashes[id] == h && Arrays.equals(bytes, starts[id], starts[id + 1], b, s, e)) {
                    return id;
                }
            }
        }

        private int insert(int slot, int h, byte[] b, int s, int e) {
            int len = e - s;
            if (used + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(used + len, bytes.length * 2));
            }
            System.arraycopy(b, s, bytes, used, len);
            if (size + 1 == hashes.length) {
                hashes = Arrays.copyOf(hashes, hashes.length * 2);
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            int id = size++;
            starts[id] = used;
            used += len;
            starts[id + 1] = used;
            hashes[id] = h;
            slots[slot] = id + 1;
            if (size * 2 > slots.length) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int id = 0; id < size; id++) {
                int slot = hashes[id] & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = id + 1;
            }
        }

        /** Each value decoded strictly as UTF-8, by id; null if one is not valid UTF-8. */
        String[] decoded(Charset cs) {
            CharsetDecoder strict = strict(cs);
            String[] out = new String[size];
            for (int id = 0; id < size; id++) {
                String v = decode(bytes, starts[id], starts[id + 1], strict);
                if (v == null) {
                    return null;
                }
                out[id] = v;
            }
            return out;
        }
    }

    /** {@code b[s, e)} decoded strictly, or null when it is not valid in the encoding. */
    private static String decode(byte[] b, int s, int e, Charset cs) {
        return ascii(b, s, e) ? new String(b, s, e - s, StandardCharsets.ISO_8859_1) : decode(b, s, e, strict(cs));
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean ascii(byte[] b, int s, int e) {
        for (int k = s; k < e; k++) {
            if (b[k] < 0) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #decode(byte[], int, int, Charset)} with a strict decoder to reuse. */
    private static String decode(byte[] b, int s, int e, CharsetDecoder strict) {
        if (ascii(b, s, e)) {
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }
        try {
            return strict.reset().decode(ByteBuffer.wrap(b, s, e - s)).toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }
}
