package org.anomaly4j.launcher;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.ControlChannel;
import org.rapaio.jupyter.kernel.channels.LoopThread;

/**
 * Main class of the {@code anomaly4j} kernelspec: starts the Rapaio Java kernel
 * ({@code io.github.padreati:rapaio-jupyter-kernel:3.0.1}) with its start-up race and its interrupt fixed.
 * <p>The fixes are this module's own {@link LoopThread} and {@link ControlChannel}, which must come before the
 * kernel's jar on the class path: the kernelspec puts {@code anomaly4j-kernel-launcher.jar} first, then the library's class path
 * ({@code kernel-ext/target/classpath.txt}). The launcher refuses to start with the kernel's original classes
 * rather than hang one start in five. The library jar never carries the patched class, so a notebook or
 * program that only uses the library is not affected by it.
 * <p>This jar also switches on progress lines in cells ({@link CellProgressSink}, found by the library's
 * {@code org.anomaly4j.progress.Progress} through {@code META-INF/services}) and replaces the kernel's
 * {@code logging.properties} (warnings only; the kernel's own logs the connection key at INFO).
 */
public final class KernelLauncher {

    private KernelLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (!patchedKernelClassesLoaded()) {
            System.err.println("anomaly4j: the kernel's original LoopThread or ControlChannel was loaded (start-up "
                    + "race and interrupt not fixed). "
                    + "Put anomaly4j-kernel-launcher.jar before rapaio-jupyter-kernel on the class path; reinstall "
                    + "the kernel with 'make kernel'.");
            System.exit(2);
        }
        if (args.length != 1) {
            System.err.println("usage: KernelLauncher CONNECTION_FILE (Jupyter passes {connection_file})");
            System.exit(2);
        }
        MainApp.main(args);
    }

    /** Whether the class path resolved {@link LoopThread} and {@link ControlChannel} to the launcher's copies. */
    static boolean patchedKernelClassesLoaded() {
        try {
            LoopThread.class.getField("ANOMALY4J_START_RACE_FIXED");
            ControlChannel.class.getField("ANOMALY4J_INTERRUPT_FIXED");
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
