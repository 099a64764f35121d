package org.anomaly4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Delimited text as runs of whole lines, which can be read more than once: the readers that make several
 * passes over a plain file stream it in blocks instead of holding the text (the peak is one block, grown only
 * for a line longer than a block).
 */
interface TextBlocks {

    /** The most bytes asked of the file at once. */
    int PIECE = 1 << 18;

    /** Calls {@code sink} for each run in order; false when the sink stopped early. */
    boolean each(Sink sink) throws IOException;

    /** Takes the runs of a pass. */
    interface Sink {
        /** Takes {@code b[from, to)}, which ends just after a line feed or at the end of the text; false stops. */
        boolean accept(byte[] b, int from, int to);
    }

    /** Text already in memory, as one run. */
    static TextBlocks of(byte[] bytes) {
        return sink -> sink.accept(bytes, 0, bytes.length);
    }

    /**
     * A plain file read in blocks of {@code blockSize} bytes, cut after the last line feed of each block; one
     * buffer serves every pass.
     */
    static TextBlocks file(Path file, int blockSize) {
        byte[][] buffer = {null};
        return sink -> {
            try (InputStream in = Files.newInputStream(file)) {
                if (buffer[0] == null) {
                    buffer[0] = new byte[blockSize];
                }
                byte[] buf = buffer[0];
                int carry = 0;
                while (true) {
                    int end = carry;
                    int got = 0;
                    while (end < buf.length && got >= 0) {
                        // in pieces: a read of n bytes from a file channel caches an n-byte native buffer per thread
                        got = in.read(buf, end, Math.min(buf.length - end, PIECE));
                        end += Math.max(got, 0);
                    }
                    boolean eof = got < 0;
                    if (end == 0) {
                        return true;
                    }
                    int cut = end;
                    while (!eof && cut > 0 && buf[cut - 1] != '\n') {
                        cut--;
                    }
                    if (cut == 0) { // one line longer than the block: grow it
                        buf = Arrays.copyOf(buf, buf.length * 2);
                        buffer[0] = buf;
                        carry = end;
                        continue;
                    }
                    if (!sink.accept(buf, 0, cut)) {
                        return false;
                    }
                    if (eof) {
                        return true;
                    }
                    System.arraycopy(buf, cut, buf, 0, end - cut);
                    carry = end - cut;
                }
            }
        };
    }
}
