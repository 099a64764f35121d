package org.anomaly4j.kernel;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Progress lines for long work in a notebook cell. Jupyter front ends treat a carriage return in a stream
 * as "rewrite this line", so progress updates in place; updates are printed at most every half second.
 */
public final class Progress {

    private static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private Progress() {
    }

    /** A byte counter that prints {@code label: 1.2 MB} on {@code System.out} as it grows. */
    public static LongConsumer bytes(String label) {
        return bytes(label, System.out);
    }

    /** A byte counter printing on the given stream. */
    public static LongConsumer bytes(String label, PrintStream out) {
        return new LongConsumer() {
            private long last = System.nanoTime() - MIN_INTERVAL_NANOS;

            @Override
            public void accept(long total) {
                long now = System.nanoTime();
                if (now - last >= MIN_INTERVAL_NANOS) {
                    last = now;
                    out.print("\r" + label + ": " + String.format(Locale.ROOT, "%.1f MB", total / 1e6));
                    out.flush();
                }
            }
        };
    }
}
