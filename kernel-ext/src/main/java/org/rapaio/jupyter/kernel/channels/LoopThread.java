package org.rapaio.jupyter.kernel.channels;

/**
 * anomaly4j's replacement for the Rapaio kernel 3.0.1 class of the same name, placed before the kernel's
 * jar on the class path by {@link org.anomaly4j.kernel.KernelLauncher}.
 * <p>Why: in 3.0.1 {@code start()} starts the thread first and sets its running flag afterwards, so the new
 * thread can read the flag while it is still unset, leave its loop at once and never serve the shell,
 * control or heartbeat socket; the kernel then never answers (measured: about one start in five hangs).
 * Here the flag is set before the thread starts, and the loop also ends on interruption or shutdown.
 * The public shape (constructor, {@code start}, {@code shutdown}) is the one the kernel's channels call.
 */
public final class LoopThread extends Thread {

    /** Marker the launcher checks to prove this class, not the kernel's, was loaded. */
    public static final boolean ANOMALY4J_START_RACE_FIXED = true;

    private volatile boolean running;
    private final long sleepMillis;
    private final Runnable body;

    public LoopThread(String name, long sleepMillis, Runnable body) {
        super(name);
        this.sleepMillis = sleepMillis;
        this.body = body;
    }

    @Override
    public synchronized void start() {
        running = true; // before the thread exists, so run() always sees it
        super.start();
    }

    @Override
    public void run() {
        while (running) {
            body.run();
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    public void shutdown() {
        running = false;
    }
}
