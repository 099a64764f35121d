package org.anomaly4j.progress;

import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.LongSupplier;

/**
 * The progress of one long task (a fit, a download). The task calls {@link #start(String)} once, then
 * {@link #update(String)} as often as it likes (it is cheap: a clock read and a comparison) and
 * {@link #done(String)} at the end. Nothing is shown for tasks shorter than {@value #QUIET_MILLIS} ms;
 * after that at most one line every {@value #EVERY_MILLIS} ms, rewritten in place with {@code \r}, then a
 * final line with the elapsed time.
 * <pre>{@code
 * Progress progress = Progress.start("isolation-forest");
 * for (...) { ...; progress.update(t + "/" + trees + " trees"); }
 * progress.done(trees + " trees");
 * }</pre>
 * <p>Where the lines go is decided by the environment, not by a setting in this class: the first
 * {@link ProgressSink} found on the class path by {@link ServiceLoader} (the kernel launcher's jar lists
 * one; the library jar does not), or nowhere. The look-up happens once and is kept in a constant, so there
 * is no global switch to flip and no test or notebook can leave progress on for the next one. Code that
 * wants lines somewhere else passes its own sink to {@link #start(String, ProgressSink)}.
 * <p>Thread-safe: {@link #update(String)} may be called from the threads of a parallel fit.
 */
public final class Progress {

    /** Tasks shorter than this show nothing. */
    public static final long QUIET_MILLIS = 2000;
    /** At most one line per this interval. */
    public static final long EVERY_MILLIS = 1000;

    private static final long QUIET_NANOS = QUIET_MILLIS * 1_000_000L;
    private static final long EVERY_NANOS = EVERY_MILLIS * 1_000_000L;

    private final String what;
    private final ProgressSink sink;
    private final LongSupplier nanoClock;
    private final long start;
    /** When the last line was shown; written under {@code this}, read without the lock as a fast path. */
    private volatile long lastShown;
    private volatile boolean shown;

    Progress(String what, ProgressSink sink, LongSupplier nanoClock) {
        this.what = what;
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** Starts reporting a task, e.g. {@code start("one-class-svm on 1,000 rows")}, to the environment's sink. */
    public static Progress start(String what) {
        return new Progress(what, EnvironmentSink.SINK, System::nanoTime);
    }

    /** Starts reporting a task to the given sink ({@code null}: report nothing). */
    public static Progress start(String what, ProgressSink sink) {
        return new Progress(what, sink, System::nanoTime);
    }

    /** A download's state, e.g. {@code 12.3 MB}, for {@link #update(String)}. */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Reports the current state, e.g. "3,000 SMO iterations" or "40/100 trees". */
    public void update(String status) {
        if (sink == null) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - start < QUIET_NANOS || (shown && now - lastShown < EVERY_NANOS)) {
            return;
        }
        synchronized (this) {
            // checked again: another thread may have shown a line since the unlocked check
            if (shown && now - lastShown < EVERY_NANOS) {
                return;
            }
            lastShown = now;
            shown = true;
            sink.write(String.format(Locale.ROOT, "\r%s: %s, %.1f s", what, status, (now - start) / 1e9));
        }
    }

    /** Ends the task: a final line with the elapsed time if anything was shown, else nothing. */
    public void done(String status) {
        if (sink != null && shown) {
            synchronized (this) {
                sink.write(String.format(Locale.ROOT, "\r%s: %s, done in %.1f s%n", what, status,
                        (nanoClock.getAsLong() - start) / 1e9));
            }
        }
    }

    /** The environment's sink, looked up on first use (lazy holder: no look-up for code that never reports). */
    private static final class EnvironmentSink {
        static final ProgressSink SINK = find();

        private static ProgressSink find() {
            try {
                return ServiceLoader.load(ProgressSink.class, Progress.class.getClassLoader()).findFirst().orElse(null);
            } catch (ServiceConfigurationError e) {
                // a broken provider must not break fits and downloads: they run without progress
                System.err.println("anomaly4j: progress is off, its provider failed to load: " + e);
                return null;
            }
        }
    }
}
