package org.rapaio.jupyter.kernel.channels;

/**
 * anomaly4j's replacement for the Rapaio kernel 3.0.1 class of the same name, shipped in
 * {@code anomaly4j-kernel-launcher.jar} (never in the library jar), which the kernelspec puts before the
 * kernel's jar on the class path; {@link org.anomaly4j.launcher.KernelLauncher} checks it was loaded.
 * <p>It fixes two start-up races of 3.0.1 that leave the kernel silent forever (measured: 5 hangs in 60
 * starts without the fix):
 * <ol>
 *   <li>{@code start()} started the thread first and set its running flag afterwards, so the new thread
 *   could read the flag while still unset and leave its loop at once. Here the flag is set before the
 *   thread starts.</li>
 *   <li>The shell channel starts polling when its socket binds, but {@code Channels.connect} installs the
 *   message handlers only after every channel is bound; a {@code kernel_info_request} arriving in between
 *   made the handler look-up throw a {@code NullPointerException}, which killed the shell thread. Here an
 *   exception thrown by one turn of the loop is reported on stderr and the loop goes on; the client
 *   repeats {@code kernel_info_request} until it gets a reply, so the lost request costs nothing.</li>
 * </ol>
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
            try {
                body.run();
            } catch (RuntimeException e) {
                // one failed turn must not end the channel (see the class comment, race 2)
                System.err.println("anomaly4j kernel: " + getName() + " recovered from " + e);
            }
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
