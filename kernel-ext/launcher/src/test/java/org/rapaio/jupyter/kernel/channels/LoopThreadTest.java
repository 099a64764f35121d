package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Race 1 of the Rapaio 3.0.1 start-up: the running flag must be set before the thread can read it. */
class LoopThreadTest {

    @Test
    void bodyRunsPromptlyAfterStartAndShutdownEndsTheLoop() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger turns = new AtomicInteger();
        LoopThread t = new LoopThread("loop-once", 1, () -> {
            turns.incrementAndGet();
            ran.countDown();
        });
        t.start();
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the body ran after start()");
        t.shutdown();
        t.join(5000);
        assertFalse(t.isAlive(), "shutdown() ends the loop");
        int after = turns.get();
        Thread.sleep(20);
        assertEquals(after, turns.get(), "no turns after the thread ended");
    }

    @Test
    void loopKeepsTurningUntilShutdown() throws Exception {
        CountDownLatch tenTurns = new CountDownLatch(10);
        LoopThread t = new LoopThread("loop-ten", 1, tenTurns::countDown);
        t.start();
        assertTrue(tenTurns.await(5, TimeUnit.SECONDS), "the loop repeats the body");
        assertTrue(t.isAlive(), "still running before shutdown");
        t.shutdown();
        t.join(5000);
        assertFalse(t.isAlive());
    }

    @Test
    void interruptEndsTheLoop() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        LoopThread t = new LoopThread("loop-interrupt", 10_000, ran::countDown);
        t.start();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        t.interrupt();
        t.join(5000);
        assertFalse(t.isAlive(), "an interrupted sleep stops the loop even with a long sleep");
    }

    @Test
    void twoHundredStartsAlwaysRunTheBody() throws Exception {
        int n = 200;
        CountDownLatch all = new CountDownLatch(n);
        List<LoopThread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CountDownLatch once = new CountDownLatch(1);
            LoopThread t = new LoopThread("loop-" + i, 5, () -> {
                if (once.getCount() > 0) {
                    once.countDown();
                    all.countDown();
                }
            });
            threads.add(t);
            t.start();
        }
        try {
            assertTrue(all.await(5, TimeUnit.SECONDS), (n - all.getCount()) + " of " + n + " loops ran their body");
        } finally {
            threads.forEach(LoopThread::shutdown);
            for (LoopThread t : threads) {
                t.join(5000);
                assertFalse(t.isAlive(), t.getName() + " ended");
            }
        }
    }
}
