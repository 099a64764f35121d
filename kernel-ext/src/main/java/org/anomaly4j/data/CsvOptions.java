package org.anomaly4j.data;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Immutable options for {@link Csv#read}: separator, header, missing-value tokens and date-time format.
 * Every setter returns a new value, so a shared options value can be refined per file:
 * <pre>{@code
 * readCsv(dataset("beehives/Hive17"), CsvOptions.separator(';').dateTimeFormat("d.MM.yyyy HH:mm"))
 * }</pre>
 * Defaults follow {@code pandas.read_csv}: comma separator, a header row, and {@code ""}, {@code NA},
 * {@code NaN}, {@code null} read as missing.
 *
 * @param separatorChar  field separator
 * @param header         whether the first line holds column names
 * @param missingTokens  cell texts read as missing values
 * @param dateTimeFormat pattern for date-time columns ({@link DateTimeFormatter} syntax), or {@code null}
 *                       to let Tablesaw detect ISO-like formats
 */
public record CsvOptions(char separatorChar, boolean header, List<String> missingTokens, String dateTimeFormat) {

    private static final List<String> DEFAULT_MISSING = List.of("", "NA", "N/A", "NaN", "nan", "null", "NULL");

    public CsvOptions {
        if (separatorChar == '\n' || separatorChar == '\r' || separatorChar == '"') {
            throw new IllegalArgumentException("separator must not be a line break or a quote, got "
                    + printable(separatorChar));
        }
        missingTokens = List.copyOf(missingTokens);
        if (dateTimeFormat != null) {
            try {
                DateTimeFormatter.ofPattern(dateTimeFormat, Locale.ROOT);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("dateTimeFormat \"" + dateTimeFormat
                        + "\" is not a valid java.time pattern (e.g. \"d.MM.yyyy HH:mm\"): " + e.getMessage(), e);
            }
        }
    }

    /** pandas defaults: {@code ','}, header row, usual NA tokens, detected date-times. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', true, DEFAULT_MISSING, null);
    }

    /** Defaults with another separator, e.g. {@code CsvOptions.separator(';')}. */
    public static CsvOptions separator(char separator) {
        return defaults().withSeparator(separator);
    }

    /** This value with another separator. */
    public CsvOptions withSeparator(char separator) {
        return new CsvOptions(separator, header, missingTokens, dateTimeFormat);
    }

    /** This value with or without a header row (without: columns are named C0, C1, ...). */
    public CsvOptions header(boolean hasHeader) {
        return new CsvOptions(separatorChar, hasHeader, missingTokens, dateTimeFormat);
    }

    /** This value with these cell texts read as missing (replacing the defaults). */
    public CsvOptions missing(String... tokens) {
        return new CsvOptions(separatorChar, header, List.of(tokens), dateTimeFormat);
    }

    /** This value parsing date-time columns with a {@link DateTimeFormatter} pattern. */
    public CsvOptions dateTimeFormat(String pattern) {
        return new CsvOptions(separatorChar, header, missingTokens, pattern);
    }

    private static String printable(char c) {
        return c == '\n' ? "'\\n'" : c == '\r' ? "'\\r'" : "'" + c + "'";
    }
}
