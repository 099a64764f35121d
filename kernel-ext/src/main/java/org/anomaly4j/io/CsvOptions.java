package org.anomaly4j.io;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import tech.tablesaw.api.ColumnType;

/**
 * Immutable options for {@link Csv#read}: how the text is split, decoded and typed. Every setter returns a new
 * value, so a shared options value can be refined per file:
 * <pre>{@code
 * readCsv(dataset("beehives/Hive17"), CsvOptions.separator(';').dateTimeFormat("d.MM.yyyy HH:mm"))
 * readCsv(path, CsvOptions.separator(';').decimal(',').encoding("ISO-8859-1").skipRows(2))
 * }</pre>
 * Defaults follow {@code pandas.read_csv}, and each option is named after its pandas parameter:
 * <ul>
 *   <li>{@code separator} ({@code sep}) {@code ','}; {@code decimal} {@code '.'}; {@code quoteChar}
 *       ({@code quotechar}) {@code '"'}, a doubled quote inside a quoted field being one quote;</li>
 *   <li>{@code header} {@code true} (first line holds the names; without it columns are {@code C0, C1, ...});</li>
 *   <li>{@code skipRows} ({@code skiprows=N}) 0 leading lines skipped before the header;</li>
 *   <li>{@code encoding} UTF-8 (a UTF-8 byte-order mark is dropped);</li>
 *   <li>{@code missing} ({@code na_values} with {@code keep_default_na}) pandas' default tokens:
 *       {@code "", #N/A, #N/A N/A, #NA, -1.#IND, -1.#QNAN, -NaN, -nan, 1.#IND, 1.#QNAN, <NA>, N/A, NA, NULL,
 *       NaN, None, n/a, nan, null};</li>
 *   <li>{@code dtype}: per-column Tablesaw types that replace inference ({@link ColumnType#SKIP} leaves the
 *       column out, like pandas {@code usecols});</li>
 *   <li>{@code dateTimeFormat} / {@code dateFormat} ({@code date_format}): {@link DateTimeFormatter} patterns;
 *       {@code null} lets Tablesaw detect ISO-like date-times;</li>
 *   <li>{@code maxBytes} (no pandas counterpart): the most bytes of text read, after decompression; a larger
 *       input is an {@link IllegalArgumentException} stating the size, instead of an {@link OutOfMemoryError}
 *       (a 3 MB gzip can expand to gigabytes). Default {@link #defaultMaxBytes()}: a quarter of the JVM's
 *       maximum heap ({@code -Xmx}; the JVM's default heap is a quarter of the RAM, so 1 GB on a 16 GB
 *       machine), at most 2 GB (a Java array). Why a quarter: the text is held once while the table is built,
 *       and a numeric table takes about half its text for typical cells (the 160 MB credit-card-like file
 *       gives a 70 MB table), so text and table fit with room to spare. Files of very short cells need more
 *       (one-digit cells: 8-byte doubles, four times the text), and for UTF-16 text the general reader holds
 *       every cell as a string until its column is typed (up to ~15 times the text for short text cells): such
 *       files can still exhaust the heap below the limit; raise {@code -Xmx} then.</li>
 * </ul>
 *
 * @param separatorChar  field separator
 * @param header         whether the first line (after {@code skipRows}) holds column names
 * @param missingTokens  cell texts read as missing values
 * @param dateTimeFormat pattern for date-time columns ({@link DateTimeFormatter} syntax), or {@code null}
 *                       to let Tablesaw detect ISO-like formats
 * @param decimal        decimal mark of numbers, {@code '.'} or {@code ','}
 * @param quoteChar      character that quotes a field holding separators, quotes or line breaks
 * @param skipRows       number of leading lines of the file skipped before the header (or first row)
 * @param encoding       character set of the file's bytes
 * @param dtypes         column name → type, replacing inference for those columns (insertion order kept)
 * @param dateFormat     pattern for date columns ({@link DateTimeFormatter} syntax), or {@code null}
 * @param maxBytes       the most bytes read (after decompression) before the read is refused, at least 1
 */
public record CsvOptions(char separatorChar, boolean header, List<String> missingTokens, String dateTimeFormat,
                         char decimal, char quoteChar, int skipRows, Charset encoding,
                         Map<String, ColumnType> dtypes, String dateFormat, long maxBytes) {

    /** The largest Java byte array, hence the largest text one read can hold. */
    public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 16;

    /** pandas' default {@code na_values} ({@code pandas._libs.parsers.STR_NA_VALUES}, pandas 2.3). */
    private static final List<String> DEFAULT_MISSING = List.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND",
            "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a",
            "nan", "null");

    public CsvOptions {
        if (isLineBreak(separatorChar)) {
            throw new IllegalArgumentException("separator must not be a line break, got " + printable(separatorChar));
        }
        if (isLineBreak(quoteChar) || quoteChar == separatorChar) {
            throw new IllegalArgumentException("quoteChar must differ from the separator and from line breaks, got "
                    + printable(quoteChar) + " with separator " + printable(separatorChar));
        }
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("decimal must be '.' or ',', got " + printable(decimal));
        }
        if (decimal == separatorChar) {
            throw new IllegalArgumentException("decimal " + printable(decimal) + " equals the separator; files "
                    + "with a decimal comma are usually ';'-separated: CsvOptions.separator(';').decimal(',')");
        }
        if (skipRows < 0) {
            throw new IllegalArgumentException("skipRows must be >= 0, got " + skipRows);
        }
        if (encoding == null) {
            throw new IllegalArgumentException("encoding must not be null; use StandardCharsets.UTF_8 for pandas' default");
        }
        if (missingTokens == null) {
            throw new IllegalArgumentException("missing tokens must not be null (use \"\" for empty cells)");
        }
        for (String token : missingTokens) {
            if (token == null) {
                throw new IllegalArgumentException("missing tokens must not be null (use \"\" for empty cells)");
            }
        }
        missingTokens = List.copyOf(missingTokens);
        if (dtypes == null) {
            throw new IllegalArgumentException("dtypes must not be null (use an empty map)");
        }
        Map<String, ColumnType> copy = new LinkedHashMap<>();
        dtypes.forEach((name, type) -> {
            if (name == null || type == null) {
                throw new IllegalArgumentException("dtype needs a column name and a type, got " + name + " → " + type);
            }
            copy.put(name, type);
        });
        dtypes = java.util.Collections.unmodifiableMap(copy);
        checkPattern("dateTimeFormat", dateTimeFormat, "d.MM.yyyy HH:mm");
        checkPattern("dateFormat", dateFormat, "d.MM.yyyy");
        if (maxBytes < 1 || maxBytes > MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException("maxBytes must be in [1, " + MAX_ARRAY_BYTES + "] (a Java array), got "
                    + maxBytes);
        }
    }

    /** All options but {@code maxBytes}, which gets {@link #defaultMaxBytes()}; kept for code written before it. */
    public CsvOptions(char separatorChar, boolean header, List<String> missingTokens, String dateTimeFormat,
                      char decimal, char quoteChar, int skipRows, Charset encoding, Map<String, ColumnType> dtypes,
                      String dateFormat) {
        this(separatorChar, header, missingTokens, dateTimeFormat, decimal, quoteChar, skipRows, encoding, dtypes,
                dateFormat, defaultMaxBytes());
    }

    /**
     * The default {@code maxBytes}: {@code Runtime.maxMemory() / 4}, at most {@link #MAX_ARRAY_BYTES} (see the class
     * comment for why).
     */
    public static long defaultMaxBytes() {
        return Math.max(1, Math.min(MAX_ARRAY_BYTES, Runtime.getRuntime().maxMemory() / 4));
    }

    /**
     * The first four options, the others at their defaults (decimal point, {@code '"'} quotes, no skipped lines,
     * UTF-8, inferred types, detected dates); kept for code written before the other options existed.
     */
    public CsvOptions(char separatorChar, boolean header, List<String> missingTokens, String dateTimeFormat) {
        this(separatorChar, header, missingTokens, dateTimeFormat, '.', '"', 0, StandardCharsets.UTF_8, Map.of(), null);
    }

    /**
     * pandas defaults: {@code ','} separator, {@code '.'} decimal, {@code '"'} quotes, header row, no skipped
     * lines, UTF-8, pandas' NA tokens, inferred types, detected date-times.
     */
    public static CsvOptions defaults() {
        return new CsvOptions(',', true, DEFAULT_MISSING, null);
    }

    /** Defaults with another separator, e.g. {@code CsvOptions.separator(';')}. */
    public static CsvOptions separator(char separator) {
        return defaults().withSeparator(separator);
    }

    /** This value with another separator. */
    public CsvOptions withSeparator(char separator) {
        return with(f -> f.separatorChar = separator);
    }

    /** This value with or without a header row (without: columns are named C0, C1, ...). */
    public CsvOptions header(boolean hasHeader) {
        return with(f -> f.header = hasHeader);
    }

    /** This value with these cell texts read as missing (replacing the defaults). */
    public CsvOptions missing(String... tokens) {
        return with(f -> f.missingTokens = tokens == null ? null : Arrays.asList(tokens));
    }

    /** This value parsing date-time columns with a {@link DateTimeFormatter} pattern. */
    public CsvOptions dateTimeFormat(String pattern) {
        return with(f -> f.dateTimeFormat = pattern);
    }

    /** This value parsing date columns with a {@link DateTimeFormatter} pattern, e.g. {@code "d.MM.yyyy"}. */
    public CsvOptions dateFormat(String pattern) {
        return with(f -> f.dateFormat = pattern);
    }

    /**
     * This value with another decimal mark (pandas {@code decimal}): with {@code ','} a cell {@code "1,5"} is
     * read as 1.5 and a cell {@code "1.5"} is not a number (the column stays text), exactly as pandas does.
     */
    public CsvOptions decimal(char mark) {
        return with(f -> f.decimal = mark);
    }

    /**
     * This value refusing inputs of more than {@code bytes} bytes after decompression (default
     * {@link #defaultMaxBytes()}); raise it together with the heap ({@code -Xmx}).
     */
    public CsvOptions maxBytes(long bytes) {
        return with(f -> f.maxBytes = bytes);
    }

    /** This value with another quote character (pandas {@code quotechar}). */
    public CsvOptions quoteChar(char quote) {
        return with(f -> f.quoteChar = quote);
    }

    /** This value skipping the first {@code lines} lines of the file (pandas {@code skiprows=N}). */
    public CsvOptions skipRows(int lines) {
        return with(f -> f.skipRows = lines);
    }

    /** This value decoding the file with another character set (pandas {@code encoding}). */
    public CsvOptions encoding(Charset charset) {
        return with(f -> f.encoding = charset);
    }

    /** This value decoding the file with the named character set, e.g. {@code "ISO-8859-1"} or {@code "cp1252"}. */
    public CsvOptions encoding(String charsetName) {
        try {
            return encoding(Charset.forName(charsetName));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException | NullPointerException e) {
            throw new IllegalArgumentException("encoding \"" + charsetName + "\" is not a character set this JVM "
                    + "knows; try \"UTF-8\", \"ISO-8859-1\", \"windows-1252\" or \"UTF-16\"", e);
        }
    }

    /**
     * This value reading {@code column} as {@code type} instead of inferring it (pandas {@code dtype={...}});
     * {@link ColumnType#SKIP} leaves the column out. A cell that does not parse is an error naming its line.
     */
    public CsvOptions dtype(String column, ColumnType type) {
        Map<String, ColumnType> m = new LinkedHashMap<>(dtypes);
        m.put(column, type);
        return with(f -> f.dtypes = m);
    }

    /** A copy with one field changed; the canonical constructor validates the result. */
    private CsvOptions with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new CsvOptions(f.separatorChar, f.header, f.missingTokens, f.dateTimeFormat, f.decimal, f.quoteChar,
                f.skipRows, f.encoding, f.dtypes, f.dateFormat, f.maxBytes);
    }

    /** The components as mutable fields, only inside {@link #with}. */
    private static final class Fields {
        char separatorChar;
        boolean header;
        List<String> missingTokens;
        String dateTimeFormat;
        char decimal;
        char quoteChar;
        int skipRows;
        Charset encoding;
        Map<String, ColumnType> dtypes;
        String dateFormat;
        long maxBytes;

        Fields(CsvOptions o) {
            separatorChar = o.separatorChar;
            header = o.header;
            missingTokens = o.missingTokens;
            dateTimeFormat = o.dateTimeFormat;
            decimal = o.decimal;
            quoteChar = o.quoteChar;
            skipRows = o.skipRows;
            encoding = o.encoding;
            dtypes = o.dtypes;
            dateFormat = o.dateFormat;
            maxBytes = o.maxBytes;
        }
    }

    /** One line per option, for {@link ReadReport}. */
    @Override
    public String toString() {
        String types = dtypes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().name())
                .collect(Collectors.joining(", ", "{", "}"));
        return "separator " + printable(separatorChar) + ", decimal " + printable(decimal) + ", quoteChar "
                + printable(quoteChar) + ", header " + header + ", skipRows " + skipRows + ", encoding "
                + encoding.name() + ", missing " + missingTokens.stream().map(t -> "\"" + t + "\"")
                .collect(Collectors.joining(", ", "[", "]"))
                + ", dateTimeFormat " + (dateTimeFormat == null ? "detected" : "\"" + dateTimeFormat + "\"")
                + ", dateFormat " + (dateFormat == null ? "detected" : "\"" + dateFormat + "\"")
                + ", dtypes " + types + ", maxBytes " + maxBytes;
    }

    private static void checkPattern(String option, String pattern, String example) {
        if (pattern == null) {
            return;
        }
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " \"" + pattern + "\" is not a valid java.time pattern (e.g. \""
                    + example + "\"): " + e.getMessage(), e);
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    static String printable(char c) {
        return c == '\n' ? "'\\n'" : c == '\r' ? "'\\r'" : c == '\t' ? "'\\t'" : "'" + c + "'";
    }
}
