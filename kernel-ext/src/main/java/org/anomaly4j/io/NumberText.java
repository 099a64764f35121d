package org.anomaly4j.io;

/**
 * The number grammar pandas {@code to_numeric} accepts, checked by hand before {@link Double#parseDouble}
 * (which alone would also take {@code 1d}, {@code 0x1p3}, {@code NaN} and Unicode white space):
 * <pre>
 *   ws* sign? ( digits ('.' digits?)? | '.' digits ) ( [eE] sign? digits )? ws*
 *   ws* sign? ( "inf" | "infinity" )  ws*            (any case)
 * </pre>
 * where ws is ASCII white space (space, tab, LF, VT, FF, CR). Finite text that overflows the double range
 * is rejected, as pandas does. Public because both the CSV reader and {@code data.Clean.toNumeric} use it.
 */
public final class NumberText {

    private NumberText() {
    }

    /** The number, or NaN when the text is not a number in the grammar above. */
    public static double parse(String cell) {
        String text = trim(cell);
        int end = text.length();
        if (end == 0) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(i) == '+' || text.charAt(i) == '-') {
            negative = text.charAt(i) == '-';
            i++;
        }
        String rest = text.substring(i, end);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int intDigits = digits(text, i, end);
        i += intDigits;
        int fracDigits = 0;
        if (i < end && text.charAt(i) == '.') {
            i++;
            fracDigits = digits(text, i, end);
            i += fracDigits;
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int expDigits = digits(text, i, end);
            if (expDigits == 0) {
                return Double.NaN;
            }
            i += expDigits;
        }
        if (i != end) {
            return Double.NaN;
        }
        double v = Double.parseDouble(text);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    private static int digits(String s, int from, int end) {
        int i = from;
        while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** ASCII white space, which pandas ignores around numbers (Unicode spaces make a cell text). */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code text} without leading and trailing {@linkplain #isSpace ASCII white space}. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }
}
