package org.anomaly4j.launcher;

import java.io.PrintStream;

import org.anomaly4j.progress.ProgressSink;

/**
 * Progress lines into the running notebook cell: the kernel's {@link ProgressSink}, registered in this jar's
 * {@code META-INF/services}, so fits and downloads report in the kernel and nowhere else.
 * <p>The Rapaio kernel points {@code System.out} at the running cell's stream for each execution, so the
 * stream is looked up at every write rather than kept.
 */
public final class CellProgressSink implements ProgressSink {

    /** Called by {@link java.util.ServiceLoader}. */
    public CellProgressSink() {
    }

    @Override
    public void write(String text) {
        PrintStream out = System.out;
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }
}
