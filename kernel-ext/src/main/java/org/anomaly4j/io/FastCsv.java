package org.anomaly4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The fast path of {@link Csv#read} for the common case of an all-numeric delimited file (the credit-card
 * and ADBench tables): one pass counts lines, a second parses fields straight into {@code double[]}
 * columns, both split at line boundaries over the available cores. The result does not depend on the
 * number of threads.
 * <p>Numbers are correctly rounded: a decimal with at most 15 significant digits and a power of ten within
 * 10<sup>±22</sup> is exactly {@code mantissa × 10^k} or {@code mantissa / 10^k} of two exact doubles (Clinger
 * 1990, "How to read floating point numbers accurately", fast path); up to 18 digits go through
 * {@link DecimalParser} (Eisel–Lemire); anything else, or anything those cannot decide, goes to
 * {@link NumberText#parse}. Missing cells are NaN in a {@link DoubleColumn} (pandas' float64 semantics).
 * <p>Numbers follow pandas' grammar ({@link NumberText}): no hexadecimal, no Java suffixes, finite text
 * beyond the double range ({@code 1e400}) is not a number (pandas keeps it as text). A column of integer
 * literals is an {@link IntColumn} in int range, else a {@link LongColumn}; an integer literal of more than 15
 * digits anywhere sends the file to the general reader (an exact long, or pandas' rule for overflow).
 * <p>Memory: the columns are the only large allocation (plus one block of text, 1 MiB per thread). A column whose
 * first {@link #GUESS_LINES} data lines hold only int literals is parsed straight into an {@code int[]}, not into a
 * {@code double[]} copied out afterwards (with {@code IntColumn.create}'s own copy, four times the int column's
 * bytes at once; a later decimal makes that column's parse start over as doubles); columns wrap the parsed arrays
 * without copying them; a file is streamed in {@link TextBlocks}, never held whole.
 * <p>Returns {@code null} (the caller then uses the general reader) when a quote character occurs, a
 * cell is not a number or a missing token, a row has the wrong number of fields, or a header name is blank,
 * repeated (ignoring case, see {@link ColumnNames}) or not valid UTF-8.
 */
final class FastCsv {

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FastCsv() {
    }

    static Table tryRead(byte[] b, String tableName, char separator, boolean header, Set<String> missingTokens) {
        return tryRead(b, b.length, tableName, separator, '"', header, missingTokens);
    }

    /**
     * Reads the first {@code len} bytes of {@code b}, or returns {@code null} when the general reader must decide
     * (see the class comment); also {@code null} for a quote character or a lone carriage return (a line break
     * only the general reader knows), and for a column of integer literals with more than 15 digits, which need
     * the exact {@code long} parse of the general reader.
     */
    static Table tryRead(byte[] b, int len, String tableName, char separator, char quote, boolean header,
                         Set<String> missingTokens) {
        try {
            TextBlocks text = sink -> sink.accept(b, 0, len);
            return read(text, tableName, separator, quote, header, missingTokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // never: the bytes are in memory
        }
    }

    /**
     * As {@link #tryRead(byte[], int, String, char, char, boolean, Set)} on a plain (uncompressed) file, read in
     * blocks of {@code blockSize} bytes (grown for a longer line) twice, first to count the rows, then to parse
     * them: the text is never held whole, so the peak is the table plus one block instead of the table plus the
     * file. {@code null} also when the file changes between the passes.
     */
    static Table tryReadFile(Path file, int blockSize, String tableName, char separator, char quote, boolean header,
                             Set<String> missingTokens) throws IOException {
        // one buffer for both passes, no larger than the file needs (a small file does not get a whole block) or
        // than the threads can share: one THREAD_SHARE each (2 MiB on 2 cores: with the kernel's 4 MiB G1 regions
        // one region of its own, allocated once per read; 8 MiB measured no lower peak and took two regions)
        long size = Math.min(Math.min(blockSize, Files.size(file) + 1), (long) THREAD_SHARE * threadsMax());
        return read(TextBlocks.file(file, (int) Math.max(1, size)), tableName, separator, quote, header,
                missingTokens);
    }

    /** What the first pass learns: the header, the data rows, and the bytes the header takes. */
    private static final class Layout {
        List<String> names;
        int headerBytes;
        int rows;
        boolean declined;
        /** Per column: its first {@link #GUESS_LINES} data lines hold only int literals. */
        boolean[] intGuess;
    }

    private static Table read(TextBlocks blocks, String tableName, char separator, char quote, boolean header,
                              Set<String> missingTokens) throws IOException {
        final byte sep = (byte) separator;
        if (separator > 127 || quote > 127) {
            return null;
        }
        byte[][] missing = missingTokens.stream().map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        Layout layout = new Layout();
        boolean complete = blocks.each((b, from, to) -> {
            int pos = from;
            if (layout.names == null) {
                pos = headerEnd(b, from, to, sep, header, layout);
                if (layout.declined || !firstRowIsNumeric(b, pos, to, sep, missing)) {
                    layout.declined = true; // a text file: decline before reading the rest of it
                    return false;
                }
                layout.intGuess = guessInts(b, pos, to, sep, missing, layout.names.size());
            }
            if (!plain(b, from, pos, (byte) quote)) {
                layout.declined = true;
                return false;
            }
            // one parallel scan of the data lines: no quote, no lone carriage return, and their count
            int[] starts = segments(b, pos, to, threadsFor(pos, to));
            int[] lines = new int[starts.length - 1];
            IntStream.range(0, lines.length).parallel().forEach(t -> lines[t] =
                    plain(b, starts[t], starts[t + 1], (byte) quote) ? countLines(b, starts[t], starts[t + 1]) : -1);
            long rows = layout.rows;
            for (int n : lines) {
                if (n < 0) {
                    layout.declined = true;
                    return false;
                }
                rows += n;
            }
            if (rows > Integer.MAX_VALUE - 16) {
                layout.declined = true;
                return false;
            }
            layout.rows = (int) rows;
            return true;
        });
        if (!complete || layout.declined || layout.names == null) {
            return null;
        }
        int nCols = layout.names.size();
        int rows = layout.rows;
        // columns that look integer get an int[] straight away, not a double[] parsed first and copied out (see
        // the class comment); a guess the rest of the file belies costs one more pass, for all columns
        boolean[] intGuess = layout.intGuess;
        double[][] cols = new double[nCols][];
        int[][] ints = new int[nCols][];
        int threadsMax = threadsMax();
        byte[][] kindPart;
        boolean[][] missingPart;
        boolean[][] wrongPart;
        int attempt = 0;
        while (true) {
            for (int c = 0; c < nCols; c++) {
                if (intGuess[c] && ints[c] == null) {
                    ints[c] = new int[rows];
                } else if (!intGuess[c] && cols[c] == null) {
                    ints[c] = null;
                    cols[c] = new double[rows];
                }
            }
            kindPart = new byte[threadsMax][nCols];
            missingPart = new boolean[threadsMax][nCols];
            wrongPart = new boolean[threadsMax][nCols];
            if (!parsePass(blocks, layout.headerBytes, rows, sep, cols, ints, kindPart, missingPart, wrongPart,
                    missing)) {
                return null;
            }
            boolean wrong = false;
            for (int c = 0; c < nCols; c++) {
                for (boolean[] w : wrongPart) {
                    if (w[c]) {
                        intGuess[c] = false; // a decimal (or a long) further down: parse it as doubles
                        wrong = true;
                    }
                }
            }
            if (!wrong) {
                break;
            }
            if (++attempt > 1) {
                return null; // the second pass found other cells than the first: the file changed
            }
        }
        byte[] kind = new byte[nCols];
        boolean[] anyMissing = new boolean[nCols];
        for (int t = 0; t < threadsMax; t++) {
            for (int c = 0; c < nCols; c++) {
                kind[c] = (byte) Math.max(kind[c], kindPart[t][c]);
                anyMissing[c] |= missingPart[t][c];
            }
        }
        List<Column<?>> out = new ArrayList<>(nCols);
        for (int c = 0; c < nCols; c++) {
            String name = layout.names.get(c);
            if (ints[c] != null) {
                out.add(anyMissing[c] ? new ParsedDoubles(name, intsWithGaps(ints[c])) : new ParsedInts(name, ints[c]));
                ints[c] = null;
                continue;
            }
            if (anyMissing[c] && kind[c] != DOUBLE) {
                // integers with gaps: pandas goes int64 → float64, so "-0" is +0.0 there, not the -0.0 parsed
                double[] v = cols[c];
                for (int i = 0; i < v.length; i++) {
                    v[i] = v[i] + 0.0;
                }
                kind[c] = DOUBLE;
            }
            out.add(kind[c] == INT ? new ParsedInts(name, toInt(cols[c])) : kind[c] == LONG ? toLong(name, cols[c])
                    : new ParsedDoubles(name, cols[c]));
            cols[c] = null; // the int and long copies let the doubles go column by column
        }
        return ColumnNames.table(tableName, out);
    }

    /**
     * The second pass: parses every data line into {@code cols} (or {@code ints} where that column's entry is not
     * null) at its row. False when the general reader must decide (see the class comment) or the file changed.
     */
    private static boolean parsePass(TextBlocks blocks, int headerBytes, int rows, byte sep, double[][] cols,
                                     int[][] ints, byte[][] kindPart, boolean[][] missingPart, boolean[][] wrongPart,
                                     byte[][] missing) throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        int[] rowBase = {0};
        boolean[] first = {true};
        boolean complete = blocks.each((b, from, to) -> {
            int pos = first[0] ? from + headerBytes : from;
            first[0] = false;
            int threads = threadsFor(pos, to);
            int[] starts = segments(b, pos, to, threads);
            int[] lines = new int[threads];
            IntStream.range(0, threads).parallel().forEach(t -> lines[t] = countLines(b, starts[t], starts[t + 1]));
            int[] offset = new int[threads + 1];
            offset[0] = rowBase[0];
            for (int t = 0; t < threads; t++) {
                offset[t + 1] = offset[t] + lines[t];
            }
            if (offset[threads] > rows) {
                return false; // the file grew between the passes
            }
            IntStream.range(0, threads).parallel().forEach(t -> {
                if (!parse(b, starts[t], starts[t + 1], sep, cols, ints, offset[t], kindPart[t], missingPart[t],
                        wrongPart[t], missing, failed)) {
                    failed.set(true);
                }
            });
            rowBase[0] = offset[threads];
            return !failed.get();
        });
        return complete && !failed.get() && rowBase[0] == rows;
    }

    /** How many data lines of the first block decide which columns are parsed as ints. */
    static final int GUESS_LINES = 1000;

    /**
     * Per column, whether its cells in the first {@link #GUESS_LINES} data lines of {@code [from, to)} are all int
     * literals (a gap there makes it a float64 column, parsed as doubles from the start).
     */
    private static boolean[] guessInts(byte[] b, int from, int to, byte sep, byte[][] missing, int nCols) {
        boolean[] ints = new boolean[nCols];
        boolean[] other = new boolean[nCols];
        int i = from;
        for (int line = 0; line < GUESS_LINES && i < to; line++) {
            int end = lineEnd(b, i, to);
            int lineEnd = trimCr(b, i, end);
            int c = 0;
            int s = i;
            for (int k = i; k <= lineEnd && lineEnd > i && c < nCols; k++) {
                if (k == lineEnd || b[k] == sep) {
                    if (!isMissing(b, s, k, missing) && intKind(b, s, k) == INT) {
                        ints[c] = true;
                    } else {
                        other[c] = true; // a gap makes the column float64 in the end: parse it as doubles now
                    }
                    c++;
                    s = k + 1;
                }
            }
            i = end + 1;
        }
        for (int c = 0; c < nCols; c++) {
            ints[c] &= !other[c];
        }
        return ints;
    }

    /** An int column with gaps as pandas' float64: NaN where the parse left {@link Integer#MIN_VALUE}. */
    private static double[] intsWithGaps(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i] == Integer.MIN_VALUE ? Double.NaN : v[i];
        }
        return d;
    }

    /** Whether every cell of the first data line in {@code [from, to)} is a number or a missing token. */
    private static boolean firstRowIsNumeric(byte[] b, int from, int to, byte sep, byte[][] missing) {
        int end = trimCr(b, from, lineEnd(b, from, to));
        int s = from;
        for (int k = from; k <= end; k++) {
            if (k == end || b[k] == sep) {
                if (Double.doubleToRawLongBits(field(b, s, k, missing)) == NOT_A_NUMBER_BITS) {
                    return false;
                }
                s = k + 1;
            }
        }
        return true;
    }

    /** Threads for a run of text: one per MiB, at most the common pool's parallelism plus this thread. */
    private static int threadsFor(int from, int to) {
        return Math.max(1, Math.min(threadsMax(), (to - from) / THREAD_SHARE + 1));
    }

    /** Bytes of text worth a thread of its own. */
    private static final int THREAD_SHARE = 1 << 20;

    /** The most threads a run of text is split over: the common pool's and this one. */
    private static int threadsMax() {
        return ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    /** {@code threads + 1} boundaries splitting {@code [from, to)} at line starts, about evenly. */
    private static int[] segments(byte[] b, int from, int to, int threads) {
        int[] starts = new int[threads + 1];
        starts[0] = from;
        for (int t = 1; t < threads; t++) {
            int p = Math.max(starts[t - 1], from + (int) ((long) (to - from) * t / threads));
            while (p < to && b[p - 1] != '\n') {
                p++;
            }
            starts[t] = p;
        }
        starts[threads] = to;
        return starts;
    }

    /**
     * No quote character and no lone carriage return (a line break only the general reader knows) in
     * {@code [from, to)}; a run ends after a line feed or at the end of the text, so {@code \r} at its end is lone.
     */
    private static boolean plain(byte[] b, int from, int to, byte quote) {
        for (int i = from; i < to; i++) {
            byte x = b[i];
            if (x == quote || (x == '\r' && (i + 1 == to || b[i + 1] != '\n'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the names from the first line of the first block into {@code layout} (or C0, C1, ... without a
     * header) and returns where the data starts; sets {@code declined} for a blank first line or names the
     * general reader must rename.
     */
    private static int headerEnd(byte[] b, int from, int to, byte sep, boolean header, Layout layout) {
        int pos = from;
        if (to - from >= 3 && b[from] == (byte) 0xEF && b[from + 1] == (byte) 0xBB && b[from + 2] == (byte) 0xBF) {
            pos += 3; // UTF-8 byte-order mark
        }
        int firstEnd = lineEnd(b, pos, to);
        if (firstEnd == pos || trimCr(b, pos, firstEnd) == pos) {
            layout.declined = true;
            return pos;
        }
        List<String> names = new ArrayList<>();
        if (header) {
            int s = pos;
            for (int i = pos; i <= firstEnd; i++) {
                if (i == firstEnd || b[i] == sep) {
                    names.add(new String(b, s, trimCr(b, s, i) - s, java.nio.charset.StandardCharsets.UTF_8).strip());
                    s = i + 1;
                }
            }
            pos = Math.min(to, firstEnd + 1);
            // blank, repeated (ignoring case) or undecodable names: the general reader renames or reports them
            if (!ColumnNames.distinct(names) || names.stream().anyMatch(n -> n.indexOf('\uFFFD') >= 0)) {
                layout.declined = true;
            }
        } else {
            int nCols = 1;
            for (int i = pos; i < firstEnd; i++) {
                if (b[i] == sep) {
                    nCols++;
                }
            }
            for (int c = 0; c < nCols; c++) {
                names.add("C" + c);
            }
        }
        layout.names = names;
        layout.headerBytes = pos - from;
        return pos;
    }

    /**
     * A double column over the parsed array itself: Tablesaw's {@code DoubleColumn.create(name, double...)}
     * copies it (fastutil's list constructor), which would double the table's allocation while it is built.
     * Behaves as a {@link DoubleColumn} in every way (its copies and subsets are plain DoubleColumns).
     */
    private static final class ParsedDoubles extends DoubleColumn {
        ParsedDoubles(String name, double[] values) {
            super(name, DoubleArrayList.wrap(values));
        }
    }

    /** An int column over the parsed array itself ({@code IntColumn.create} copies it, as for doubles). */
    private static final class ParsedInts extends IntColumn {
        ParsedInts(String name, int[] values) {
            super(name, IntArrayList.wrap(values));
        }
    }

    /** Cell kinds, ordered so that a column's kind is the maximum over its cells. */
    private static final byte INT = 0;
    /** An integer literal beyond the int range with at most 15 significant digits: exact in a double. */
    private static final byte LONG = 1;
    /** An integer literal with 16 or more significant digits: may not be exact in a double. */
    private static final byte WIDE_INT = 2;
    /** Anything else: a decimal, an exponent, infinity (missing cells are tracked on their own). */
    private static final byte DOUBLE = 3;

    private static int[] toInt(double[] v) {
        int[] a = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = (int) v[i];
        }
        return a;
    }

    private static Column<?> toLong(String name, double[] v) {
        long[] a = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = (long) v[i];
        }
        return LongColumn.create(name, a);
    }

    private static int lineEnd(byte[] b, int from, int len) {
        int i = from;
        while (i < len && b[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int trimCr(byte[] b, int s, int e) {
        return e > s && b[e - 1] == '\r' ? e - 1 : e;
    }

    /** Non-empty lines in [from, to). */
    private static int countLines(byte[] b, int from, int to) {
        int n = 0;
        int lineStart = from;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                if (trimCr(b, lineStart, i) > lineStart) {
                    n++;
                }
                lineStart = i + 1;
            }
        }
        if (lineStart < to && trimCr(b, lineStart, to) > lineStart) {
            n++;
        }
        return n;
    }

    private static boolean parse(byte[] b, int from, int to, byte sep, double[][] cols, int[][] ints, int row0,
                                 byte[] kinds, boolean[] missingSeen, boolean[] wrongGuess, byte[][] missing,
                                 AtomicBoolean failed) {
        int nCols = cols.length;
        byte[][] intTokens = Arrays.stream(missing).filter(m -> intCell(m, 0, m.length) != NOT_INT)
                .toArray(byte[][]::new);
        int row = row0;
        int i = from;
        while (i < to) {
            if (failed.get()) {
                return false;
            }
            int end = i;
            while (end < to && b[end] != '\n') {
                end++;
            }
            int lineEnd = trimCr(b, i, end);
            if (lineEnd > i) {
                int c = 0;
                int s = i;
                for (int k = i; k <= lineEnd; k++) {
                    if (k == lineEnd || b[k] == sep) {
                        if (c >= nCols) {
                            return false;
                        }
                        int[] intCol = ints[c];
                        if (intCol != null) {
                            byte got = intInto(b, s, k, intCol, row, intTokens, missing);
                            if (got == DECLINE) {
                                return false;
                            }
                            missingSeen[c] |= got == GAP;
                            wrongGuess[c] |= got == NOT_AN_INT;
                            c++;
                            s = k + 1;
                            continue;
                        }
                        double v = field(b, s, k, missing);
                        if (Double.doubleToRawLongBits(v) == NOT_A_NUMBER_BITS) {
                            return false;
                        }
                        cols[c][row] = v;
                        if (Double.isNaN(v)) {
                            missingSeen[c] = true;
                            c++;
                            s = k + 1;
                            continue;
                        }
                        // (a cell of 15 bytes or fewer cannot hold 16 digits: skip the check in decimal columns)
                        byte kind = kinds[c] != DOUBLE || k - s > 15 ? intKind(b, s, k) : DOUBLE;
                        if (kind == WIDE_INT) {
                            return false; // the general reader: an exact long, or text/double by pandas' row order
                        }
                        if (kind > kinds[c]) {
                            kinds[c] = kind;
                        }
                        c++;
                        s = k + 1;
                    }
                }
                if (c != nCols) {
                    return false;
                }
                row++;
            }
            i = end + 1;
        }
        return true;
    }

    /** What {@link #intInto} did with a cell. */
    private static final byte STORED = 0;
    private static final byte GAP = 1;
    /** A number but not an int: the column needs doubles (the caller parses it again). */
    private static final byte NOT_AN_INT = 2;
    /** Not a number, or an integer of more than 15 digits: the general reader decides the file. */
    private static final byte DECLINE = 3;

    /**
     * Parses the cell {@code [s, e)} of an int column into {@code col[row]}: a plain int literal on the fast path,
     * anything else as {@link #parse} would ({@link Integer#MIN_VALUE} marks a gap). Kept out of the parse loop so
     * that loop stays small enough for the JIT to inline its double path.
     */
    private static byte intInto(byte[] b, int s, int e, int[] col, int row, byte[][] intTokens, byte[][] missing) {
        // (a missing token that is an int literal, such as -999, is a gap, not a number)
        long iv = intTokens.length > 0 && isMissing(b, s, e, intTokens) ? NOT_INT : intCell(b, s, e);
        if (iv != NOT_INT) {
            col[row] = (int) iv;
            return STORED;
        }
        double v = field(b, s, e, missing);
        if (Double.doubleToRawLongBits(v) == NOT_A_NUMBER_BITS) {
            return DECLINE;
        }
        if (Double.isNaN(v)) {
            col[row] = Integer.MIN_VALUE;
            return GAP;
        }
        byte kind = intKind(b, s, e);
        if (kind == WIDE_INT) {
            return DECLINE;
        }
        if (kind != INT) {
            return NOT_AN_INT;
        }
        col[row] = (int) v; // an int literal the fast scan leaves alone (spaces around it)
        return STORED;
    }

    /** A NaN payload no parse produces, marking "this cell is not a number" (compared by bits). */
    private static final long NOT_A_NUMBER_BITS = 0x7ff8dead00000000L;
    private static final double NOT_A_NUMBER_MARK = Double.longBitsToDouble(NOT_A_NUMBER_BITS);

    /**
     * The {@link #INT}, {@link #LONG} or {@link #WIDE_INT} kind of an integer literal
     * {@code ws* [+-]? digits ws*}, or {@link #DOUBLE}. The int range excludes {@link Integer#MIN_VALUE}, Tablesaw's
     * missing mark for int columns (the general reader puts it in a long column too).
     */
    private static byte intKind(byte[] b, int s, int e) {
        while (s < e && NumberText.isSpace(b[s])) {
            s++;
        }
        while (e > s && NumberText.isSpace(b[e - 1])) {
            e--;
        }
        int i = s;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i == e) {
            return DOUBLE;
        }
        long v = 0;
        int significant = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return DOUBLE;
            }
            if (significant > 0 || d != 0) {
                significant++;
            }
            if (significant <= 15) {
                v = v * 10 + d;
            }
        }
        return significant > 15 ? WIDE_INT : v <= Integer.MAX_VALUE ? INT : LONG;
    }

    /** What {@link #intCell} returns for anything but a plain int literal. */
    private static final long NOT_INT = Long.MIN_VALUE;

    /**
     * The value of a plain int literal {@code [+-]?digits} in the int range (not {@link Integer#MIN_VALUE}, the
     * mark for a gap), else {@link #NOT_INT}: the caller then treats the cell as any other (missing tokens, spaces,
     * decimals, longs). Agrees with {@link #intKind} and {@link #field} on every literal it accepts.
     */
    private static long intCell(byte[] b, int s, int e) {
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        if (i == e) {
            return NOT_INT;
        }
        while (i < e - 1 && b[i] == '0') {
            i++; // leading zeros do not count towards the ten digits
        }
        if (e - i > 10) {
            return NOT_INT;
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_INT;
            }
            v = v * 10 + d;
        }
        return v > Integer.MAX_VALUE ? NOT_INT : neg ? -v : v;
    }

    private static boolean isMissing(byte[] b, int s, int e, byte[][] missing) {
        if (s == e) {
            return true;
        }
        for (byte[] m : missing) {
            if (m.length == e - s && Arrays.equals(b, s, e, m, 0, m.length)) {
                return true;
            }
        }
        return false;
    }

    /** The cell's value: NaN for empty/missing tokens, {@link #NOT_A_NUMBER_MARK} when not a number. */
    private static double field(byte[] b, int s, int e, byte[][] missing) {
        if (isMissing(b, s, e, missing)) {
            return Double.NaN;
        }
        int i = s;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;
        int exp10 = 0;
        boolean any = false;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            any = true;
            if (mant != 0 || d != 0) {
                digits++;
            }
            if (digits <= 18) {
                mant = mant * 10 + d;
            } else {
                exp10++;
            }
        }
        if (i < e && b[i] == '.') {
            i++;
            for (; i < e; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                any = true;
                if (mant != 0 || d != 0) {
                    digits++;
                }
                if (digits <= 18) {
                    mant = mant * 10 + d;
                    exp10--;
                }
            }
        }
        if (!any) {
            return slow(b, s, e);
        }
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                eneg = b[i] == '-';
                i++;
            }
            int ex = 0;
            int start = i;
            for (; i < e && ex < 100000; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                ex = ex * 10 + d;
            }
            if (i == start) {
                return slow(b, s, e);
            }
            exp10 += eneg ? -ex : ex;
        }
        if (i != e) {
            return slow(b, s, e);
        }
        if (digits <= 15 && exp10 >= -22 && exp10 <= 22) {
            double v = exp10 >= 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
            return neg ? -v : v;
        }
        if (digits <= 18) {
            double v = DecimalParser.toDouble(mant, exp10, neg);
            if (!DecimalParser.isUnknown(v)) {
                return v;
            }
        }
        return slow(b, s, e);
    }

    /** Anything the fast grammar does not cover (spaces, inf, long mantissas): pandas' grammar, {@link NumberText}. */
    private static double slow(byte[] b, int s, int e) {
        double v = NumberText.parse(new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1));
        return Double.isNaN(v) ? NOT_A_NUMBER_MARK : v;
    }
}
