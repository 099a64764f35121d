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

    /** Exact powers of ten up to 10^22, the largest power of ten a double holds exactly. */
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int k = 1; k < POW10.length; k++) {
            POW10[k] = POW10[k - 1] * 10;
        }
    }

    /**
     * {@link #parse(String)} of the UTF-8 text {@code b[from, to)}, without a {@code String} for the common
     * spellings: {@code sign? digits ('.' digits?)? ([eE] sign? digits)?} with at most 18 significant digits is
     * converted here, exactly as {@link Double#parseDouble} would round it (Clinger's fast path when the
     * mantissa and the power of ten are both exact doubles, else {@link DecimalParser}); every other text (white
     * space, infinity, longer mantissas, cases those cannot decide, anything not a number) goes to
     * {@link #parse(String)}, so the grammar stays the one above.
     */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exp10 = 0;
        int mantissaDigits = 0;
        for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
            mantissaDigits++;
            if (mantissa != 0 || b[i] != '0') {
                significant++;
            }
            if (significant <= 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
            } else {
                exp10++;
            }
        }
        if (i < to && b[i] == '.') {
            for (i++; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                mantissaDigits++;
                if (mantissa != 0 || b[i] != '0') {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    exp10--;
                }
            }
        }
        if (mantissaDigits > 0 && i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int start = i;
            int exp = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9' && exp < 100_000; i++) {
                exp = exp * 10 + (b[i] - '0');
            }
            exp10 = i == start ? Integer.MIN_VALUE : exp10 + (expNegative ? -exp : exp);
        }
        if (mantissaDigits > 0 && i == to && exp10 != Integer.MIN_VALUE && significant <= 18) {
            if (significant <= 15 && exp10 >= -22 && exp10 <= 22) {
                double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
                return negative ? -v : v;
            }
            double v = DecimalParser.toDouble(mantissa, exp10, negative);
            if (!DecimalParser.isUnknown(v)) {
                return v;
            }
        }
        return parse(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
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
