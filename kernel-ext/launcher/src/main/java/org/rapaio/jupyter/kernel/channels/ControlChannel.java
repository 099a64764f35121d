package org.rapaio.jupyter.kernel.channels;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * anomaly4j's replacement for the Rapaio kernel 3.0.1 control channel (shipped, like {@link LoopThread}, in
 * {@code anomaly4j-kernel-launcher.jar} ahead of the kernel's jar). It fixes interrupting a running cell,
 * which in 3.0.1 fails in two ways.
 * <p>First, the control thread handles {@code interrupt_request} through the same "current message" and
 * "after actions" that the shell thread is using for the running cell: it overwrites the cell's message id,
 * sends its reply on the shell socket and runs the cell's pending {@code idle} status. The interrupted cell's
 * error and {@code execute_reply} then go out as replies to the interrupt, so a front end waits for the cell
 * forever (measured: no reply within 30 s for a {@code Thread.sleep} loop). Here {@code interrupt_request}
 * touches none of that shared state: the reply goes on the control socket with the request as parent (as the
 * Jupyter protocol asks).
 * <p>Second, the kernel's {@code JavaEngine.interrupt()} cancels the running cell and then also stops the
 * JShell execution control (its executor is shut down for good), so every later cell answers "ok" with no
 * output at all. Here only the cancel is done, through the execution control's {@code interrupt()}: the
 * running cell's future is cancelled and its thread interrupted, the shell thread reports the interruption
 * for the right cell, and the next cell runs normally. The execution control is reached through two private
 * fields of {@code JavaEngine} (the kernel offers no accessor); the kernel version is pinned (3.0.1) and
 * {@code ControlChannelTest} fails if the fields change.
 * <p>Every other control message ({@code shutdown_request}) is handled exactly as before.
 * <p>Known limit: code that never blocks nor checks {@link Thread#interrupted()} keeps running in the
 * background after the interrupt, though the kernel answers the next cell at once.
 */
public final class ControlChannel extends AbstractChannel {

    /** Marker the launcher checks to prove this class, not the kernel's, was loaded. */
    public static final boolean ANOMALY4J_INTERRUPT_FIXED = true;

    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    private static final long LOOP_SLEEP_MILLIS = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels channels;
    private volatile LoopThread loopThread;

    public ControlChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmac) {
        super(channels, "ControlChannel", ctx, SocketType.ROUTER, hmac);
        this.channels = channels;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String address = connProps.formatAddress(connProps.controlPort());
        LOGGER.info(logPrefix + "binding to " + address);
        socket.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread("Control-" + ID.getAndIncrement(), LOOP_SLEEP_MILLIS, () -> {
            if (poller.poll(0) > 0) {
                handle(readMessage());
            }
        });
        loopThread.start();
    }

    private void handle(Message<?> message) {
        MessageType<?> type = message.header().type();
        if (MessageType.CONTROL_INTERRUPT_REQUEST.equals(type)) {
            interrupt(message);
            return;
        }
        MessageHandler handler = channels.getHandler(type);
        if (handler == null) {
            LOGGER.severe(logPrefix + "unhandled message: " + type.name());
            return;
        }
        try {
            channels.setMsgId(message.getId());
            handle(handler, message);
        } catch (RuntimeException e) {
            LOGGER.severe(logPrefix + "handler of " + type.name() + " failed: " + e);
        } finally {
            channels.runAfterActions();
        }
        if (channels.isMarkedForShutdown()) {
            LOGGER.info(logPrefix + "shutdown requested");
            channels.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void handle(MessageHandler handler, Message message) {
        handler.handle(message);
    }

    private void interrupt(Message<?> request) {
        sendMessage(new Message<>(request.getId(), MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
        try {
            executionControl(MainApp.kernel.javaEngine()).interrupt();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // still stop the cell, at the price of the kernel's own path (later cells go silent)
            LOGGER.warning(logPrefix + "cannot cancel the cell alone (" + e + "); using the kernel's interrupt");
            MainApp.kernel.interrupt();
        }
    }

    /** The engine's JShell execution control, whose {@code interrupt()} cancels the running cell only. */
    static RapaioExecutionControl executionControl(JavaEngine engine) throws ReflectiveOperationException {
        Field executionId = JavaEngine.class.getDeclaredField("executionId");
        Field controlProvider = JavaEngine.class.getDeclaredField("controlProvider");
        executionId.setAccessible(true);
        controlProvider.setAccessible(true);
        RapaioExecutionControlProvider provider = (RapaioExecutionControlProvider) controlProvider.get(engine);
        return provider.getRegisteredControl((String) executionId.get(engine));
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
