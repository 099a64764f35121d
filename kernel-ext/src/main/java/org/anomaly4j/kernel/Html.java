package org.anomaly4j.kernel;

/** Escaping for text placed in HTML and for JSON placed inside a {@code <script>} element. */
public final class Html {

    private Html() {
    }

    /** Escapes {@code & < > " '} so that any text shows as text, in element content or attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Makes JSON text safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} become
     * {@code \u003c}-style escapes (so no {@code </script>} or {@code <!--} can appear), and the line
     * separators U+2028/U+2029, legal in JSON but not in older JavaScript, are escaped too. The result is
     * still the same JSON value.
     */
    public static String scriptSafeJson(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
