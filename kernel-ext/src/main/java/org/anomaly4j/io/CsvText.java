package org.anomaly4j.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The general tokenizer of {@link Csv}: strict decoding, skipped lines, quoted fields, and the cells of each
 * column as text, with the file line where each row starts (for error messages). Follows pandas' C tokenizer
 * where it matters: a field that starts with the quote character runs to the closing quote (separators and line
 * breaks inside are data, a doubled quote is one quote, text after the closing quote is appended); {@code \n},
 * {@code \r\n} and a lone {@code \r} end a line; blank lines are skipped; header names are cleaned up by
 * {@link ColumnNames#clean} ({@code .1}, {@code .2} suffixes for repeats, also for names that differ only in
 * case, {@code Unnamed: k} for blanks). Stricter than pandas: every row must have exactly as
 * many fields as the header (pandas pads short rows with NaN). O(characters).
 */
final class CsvText {

    /** Column names, after de-duplication. */
    final String[] names;
    /** Per column, the header name as written (stripped) and why it was renamed, or null where it was kept. */
    final String[] renamedFrom;
    final String[] renamedWhy;
    /** Cells by column then row: {@code cells[j][i]}. */
    final String[][] cells;
    /** 1-based line of the file where row {@code i} starts. */
    final int[] lines;

    private CsvText(String[] names, String[] renamedFrom, String[] renamedWhy, String[][] cells, int[] lines) {
        this.names = names;
        this.renamedFrom = renamedFrom;
        this.renamedWhy = renamedWhy;
        this.cells = cells;
        this.lines = lines;
    }

    int rowCount() {
        return lines.length;
    }

    /**
     * Decodes and tokenizes a whole file.
     *
     * @param bytes the file's (decompressed) bytes
     * @param file  the file name used in error messages
     * @throws IllegalArgumentException for undecodable or binary content, an empty file, a quote that is never
     *                                  closed, or a row whose field count differs from the header's — naming the
     *                                  file and the line
     */
    static CsvText parse(byte[] bytes, String file, CsvOptions o) {
        String text = decode(bytes, file, o.encoding());
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int pos = start;
        for (int k = 0; k < o.skipRows() && pos < text.length(); k++) {
            pos = nextLine(text, pos);
        }
        List<String[]> records = new ArrayList<>();
        Lines recordLines = new Lines();
        new Tokenizer(text, pos, o.skipRows() + 1, o.separatorChar(), o.quoteChar(), file)
                .run(records, recordLines);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("CSV file " + file + " is empty: no header and no rows"
                    + (o.skipRows() > 0 ? " after skipping " + o.skipRows() + " lines (check skipRows)" : ""));
        }
        String[] first = records.get(0);
        int width = first.length;
        String[] names;
        String[] renamedFrom = new String[width];
        String[] renamedWhy = new String[width];
        int firstRow;
        if (o.header()) {
            ColumnNames.Header h = ColumnNames.clean(first);
            names = h.names();
            renamedWhy = h.renamed();
            for (int j = 0; j < width; j++) {
                renamedFrom[j] = renamedWhy[j] == null ? null : first[j].strip();
            }
            firstRow = 1;
        } else {
            names = new String[width];
            for (int j = 0; j < width; j++) {
                names[j] = "C" + j;
            }
            firstRow = 0;
        }
        int n = records.size() - firstRow;
        String[][] cells = new String[width][n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            String[] r = records.get(firstRow + i);
            records.set(firstRow + i, null); // the row's array can go once its cells are in the columns
            int line = recordLines.get(firstRow + i);
            if (r.length != width) {
                throw ragged(file, o, line, r.length, recordLines.get(0), width, o.header(), first[0]);
            }
            for (int j = 0; j < width; j++) {
                cells[j][i] = r[j];
            }
            lines[i] = line;
        }
        return new CsvText(names, renamedFrom, renamedWhy, cells, lines);
    }

    /** Strict decoding: malformed or unmappable bytes and NUL characters are errors naming the line. */
    static String decode(byte[] bytes, String file, Charset charset) {
        CharsetDecoder dec = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 64,
                (long) Math.ceil(bytes.length * (double) dec.maxCharsPerByte()) + 16));
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int line = 1 + countLineBreaks(out, out.position());
            throw new IllegalArgumentException("CSV file " + file + ", line " + line + ": bytes that are not valid "
                    + charset.name() + " (byte offset " + in.position() + "); the file is binary, or in another "
                    + "encoding: set it with CsvOptions.encoding(\"ISO-8859-1\") (or \"windows-1252\", \"UTF-16\")");
        }
        out.flip();
        String s = out.toString();
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            int line = 1 + countLineBreaks(CharBuffer.wrap(s), nul);
            throw new IllegalArgumentException("CSV file " + file + ", line " + line + ": holds a NUL character, so "
                    + "it looks binary, not delimited text; if it is UTF-16 text, set CsvOptions.encoding(\"UTF-16\")");
        }
        return s;
    }

    private static int countLineBreaks(CharBuffer chars, int end) {
        int lines = 0;
        for (int i = 0; i < end; i++) {
            char c = chars.get(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= end || chars.get(i + 1) != '\n'))) {
                lines++;
            }
        }
        return lines;
    }

    /** Index just past the end of the line containing {@code pos}. */
    private static int nextLine(String s, int pos) {
        int i = pos;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\r') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException ragged(String file, CsvOptions o, int line, int fields, int firstLine,
                                                   int width, boolean header, String firstCell) {
        String what = header ? "the header (line " + firstLine + ")" : "the first row (line " + firstLine + ")";
        String hint = width == 1 ? separatorHint(firstCell, o.separatorChar()) : null;
        if (hint == null) {
            hint = "check the separator (" + CsvOptions.printable(o.separatorChar()) + ") and quoting ("
                    + CsvOptions.printable(o.quoteChar()) + "), or fix or remove that line";
        }
        return new IllegalArgumentException("CSV file " + file + ", line " + line + ": " + fields
                + (fields == 1 ? " field" : " fields") + ", but " + what + " has " + width + "; " + hint);
    }

    /**
     * When a one-column header holds another common separator instead of {@code separator}: a hint naming it
     * ({@code try CsvOptions.separator(';')}); else {@code null}.
     */
    static String separatorHint(String header, char separator) {
        for (char c : new char[] {';', ',', '\t', '|'}) {
            if (c != separator && header.indexOf(c) >= 0) {
                return "the first line has no " + CsvOptions.printable(separator) + " but has "
                        + CsvOptions.printable(c) + ": try CsvOptions.separator(" + CsvOptions.printable(c) + ")";
            }
        }
        return null;
    }

    /** The file line of each record, as primitive ints (a {@code List<Integer>} would box every row). */
    private static final class Lines {
        private int[] lines = new int[64];
        private int size;

        void add(int line) {
            if (size == lines.length) {
                lines = java.util.Arrays.copyOf(lines, size * 2);
            }
            lines[size++] = line;
        }

        int get(int i) {
            return lines[i];
        }
    }

    /** A single pass over the characters, collecting records and the line each starts on. */
    private static final class Tokenizer {
        private final String s;
        private final char sep;
        private final char quote;
        private final String file;
        private int i;
        private int line;

        Tokenizer(String s, int from, int firstLine, char sep, char quote, String file) {
            this.s = s;
            this.i = from;
            this.line = firstLine;
            this.sep = sep;
            this.quote = quote;
            this.file = file;
        }

        void run(List<String[]> records, Lines recordLines) {
            int n = s.length();
            List<String> fields = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    endOfLine();
                    continue;
                }
                int recordLine = line;
                fields.clear();
                while (true) {
                    if (i < n && s.charAt(i) == quote) {
                        fields.add(quoted(sb, recordLine));
                    } else {
                        int from = i;
                        while (i < n && !ends(s.charAt(i))) {
                            i++;
                        }
                        fields.add(s.substring(from, i));
                    }
                    if (i < n && s.charAt(i) == sep) {
                        i++;
                        continue;
                    }
                    break;
                }
                if (i < n) {
                    endOfLine();
                }
                records.add(fields.toArray(String[]::new));
                recordLines.add(recordLine);
            }
        }

        private boolean ends(char c) {
            return c == sep || c == '\n' || c == '\r';
        }

        private String quoted(StringBuilder sb, int recordLine) {
            int n = s.length();
            int opened = line;
            sb.setLength(0);
            i++;
            while (true) {
                if (i >= n) {
                    throw new IllegalArgumentException("CSV file " + file + ", line " + opened + ": a field opened "
                            + "with the quote " + CsvOptions.printable(quote) + " is never closed (the row starts at "
                            + "line " + recordLine + "); close the quote, or set another CsvOptions.quoteChar(...)");
                }
                char c = s.charAt(i);
                if (c == quote) {
                    if (i + 1 < n && s.charAt(i + 1) == quote) {
                        sb.append(quote);
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (c == '\n' || (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n'))) {
                    line++;
                }
                sb.append(c);
                i++;
            }
            while (i < n && !ends(s.charAt(i))) {
                sb.append(s.charAt(i++));
            }
            return sb.toString();
        }

        private void endOfLine() {
            if (s.charAt(i) == '\r') {
                i++;
                if (i < s.length() && s.charAt(i) == '\n') {
                    i++;
                }
            } else {
                i++;
            }
            line++;
        }
    }
}
