package org.anomaly4j.detect;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of long fits. A fit calls {@link #start} and then {@link Ticker#update} as often as it likes;
 * nothing is shown for fits shorter than {@value #QUIET_MILLIS} ms, after that one line at most every
 * {@value #EVERY_MILLIS} ms, rewritten in place ({@code \r}, which notebook front ends honour), and a final
 * line with the elapsed time. Off by default (a library must not print); the anomaly4j kernel launcher
 * switches it on with {@link #toStandardOutput()}.
 */
public final class FitProgress {

    /** Fits shorter than this show nothing. */
    public static final long QUIET_MILLIS = 2000;
    /** At most one line per this interval. */
    public static final long EVERY_MILLIS = 1000;

    private static volatile Consumer<String> sink;

    private FitProgress() {
    }

    /** Shows progress lines on {@code System.out} (as the notebook kernel does). */
    public static void toStandardOutput() {
        PrintStream out = System.out;
        sink = line -> {
            // System.out is replaced per cell by the kernel: look it up at each line, not once
            PrintStream now = System.out != null ? System.out : out;
            now.print(line);
            now.flush();
        };
    }

    /** Sends progress lines to a consumer ({@code null}: off). */
    public static void to(Consumer<String> consumer) {
        sink = consumer;
    }

    /** Starts reporting one fit, e.g. {@code start("one-class-svm")}. */
    public static Ticker start(String what) {
        return new Ticker(what, sink);
    }

    /** One fit's reporter; cheap to call from a hot loop's outer level. */
    public static final class Ticker {
        private final String what;
        private final Consumer<String> sink;
        private final long start = System.nanoTime();
        private long lastShown;
        private boolean shown;

        Ticker(String what, Consumer<String> sink) {
            this.what = what;
            this.sink = sink;
        }

        /** Reports the current state, e.g. "3,000 SMO iterations" or "40/100 trees". */
        public void update(String status) {
            if (sink == null) {
                return;
            }
            long now = System.nanoTime();
            long ms = (now - start) / 1_000_000;
            if (ms < QUIET_MILLIS || (shown && (now - lastShown) / 1_000_000 < EVERY_MILLIS)) {
                return;
            }
            synchronized (this) {
                lastShown = now;
                shown = true;
                sink.accept(String.format(Locale.ROOT, "\r%s: %s, %.1f s", what, status, ms / 1000.0));
            }
        }

        /** Ends the line if anything was shown. */
        public void done(String status) {
            if (sink != null && shown) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                sink.accept(String.format(Locale.ROOT, "\r%s: %s, done in %.1f s%n", what, status, ms / 1000.0));
            }
        }
    }
}
