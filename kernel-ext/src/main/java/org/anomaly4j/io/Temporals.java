package org.anomaly4j.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * Fast date and time parsing for {@link CsvColumns}: a user pattern through {@link DateTimeFormatter}, or the
 * ISO layouts {@code yyyy-MM-dd}, {@code yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]]} and {@code HH:mm[:ss[.fraction]]}
 * read digit by digit (about ten times faster than a formatter, which matters for a million time stamps).
 * Invalid calendar values (month 13, 31 April) are rejected. O(cells).
 */
final class Temporals {

    private Temporals() {
    }

    /**
     * Every present cell as a value of {@code type} ({@code LOCAL_DATE_TIME}, {@code LOCAL_DATE} or
     * {@code LOCAL_TIME}) with the pattern, or ISO when {@code pattern} is null; missing cells stay null.
     * {@code null} as soon as one present cell does not parse.
     */
    static Object[] parseAll(ColumnType type, String pattern, String[] cells, boolean[] miss) {
        Function<String, Object> parser = parser(type, pattern);
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (miss[i]) {
                continue;
            }
            Object v = parser.apply(cells[i]);
            if (v == null) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /** A Tablesaw column of {@code type} holding the values (null = missing). */
    static Column<?> column(String name, ColumnType type, Object[] values) {
        if (type.equals(ColumnType.LOCAL_DATE_TIME)) {
            DateTimeColumn c = DateTimeColumn.create(name);
            for (Object v : values) {
                c.append((LocalDateTime) v);
            }
            return c;
        }
        if (type.equals(ColumnType.LOCAL_DATE)) {
            DateColumn c = DateColumn.create(name);
            for (Object v : values) {
                c.append((LocalDate) v);
            }
            return c;
        }
        TimeColumn c = TimeColumn.create(name);
        for (Object v : values) {
            c.append((LocalTime) v);
        }
        return c;
    }

    private static Function<String, Object> parser(ColumnType type, String pattern) {
        if (pattern != null) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            return s -> {
                try {
                    return type.equals(ColumnType.LOCAL_DATE_TIME) ? LocalDateTime.parse(s, f)
                            : type.equals(ColumnType.LOCAL_DATE) ? LocalDate.parse(s, f) : LocalTime.parse(s, f);
                } catch (DateTimeException e) {
                    return null;
                }
            };
        }
        if (type.equals(ColumnType.LOCAL_DATE_TIME)) {
            return Temporals::isoDateTime;
        }
        return type.equals(ColumnType.LOCAL_DATE) ? s -> isoDate(s, 0, s.length()) : s -> isoTime(s, 0, s.length());
    }

    /** {@code yyyy-MM-dd} then {@code 'T'} or a space then a time, or null. */
    static LocalDateTime isoDateTime(String s) {
        if (s.length() < 16 || (s.charAt(10) != 'T' && s.charAt(10) != ' ')) {
            return null;
        }
        LocalDate d = isoDate(s, 0, 10);
        LocalTime t = d == null ? null : isoTime(s, 11, s.length());
        return t == null ? null : LocalDateTime.of(d, t);
    }

    /** {@code yyyy-MM-dd} in {@code s[from, to)}, or null. */
    static LocalDate isoDate(String s, int from, int to) {
        if (to - from != 10 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') {
            return null;
        }
        int y = digits(s, from, 4);
        int m = digits(s, from + 5, 2);
        int d = digits(s, from + 8, 2);
        if (y < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code HH:mm[:ss[.f…]]} (1 to 9 fraction digits) in {@code s[from, to)}, or null. */
    static LocalTime isoTime(String s, int from, int to) {
        int len = to - from;
        if (len != 5 && len != 8 && (len < 10 || len > 18)) {
            return null;
        }
        if (s.charAt(from + 2) != ':' || (len > 5 && s.charAt(from + 5) != ':') || (len > 8 && s.charAt(from + 8) != '.')) {
            return null;
        }
        int h = digits(s, from, 2);
        int m = digits(s, from + 3, 2);
        int sec = len > 5 ? digits(s, from + 6, 2) : 0;
        int nano = 0;
        if (len > 8) {
            int f = digits(s, from + 9, len - 9);
            if (f < 0) {
                return null;
            }
            nano = f;
            for (int k = len - 9; k < 9; k++) {
                nano *= 10;
            }
        }
        if (h < 0 || m < 0 || sec < 0) {
            return null;
        }
        try {
            return LocalTime.of(h, m, sec, nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
