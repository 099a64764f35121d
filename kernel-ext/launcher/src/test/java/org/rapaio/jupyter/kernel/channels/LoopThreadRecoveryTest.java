package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Race 2 of the Rapaio 3.0.1 start-up: a turn that throws (handlers not installed yet) must not end the loop. */
class LoopThreadRecoveryTest {

    @Test
    void loopSurvivesAThrowingTurnAndKeepsServing() throws Exception {
        AtomicInteger turns = new AtomicInteger();
        CountDownLatch served = new CountDownLatch(3);
        LoopThread t = new LoopThread("test-loop", 1, () -> {
            if (turns.getAndIncrement() == 0) {
                throw new NullPointerException("handlers is null (simulated start-up window)");
            }
            served.countDown();
        });
        t.start();
        assertTrue(served.await(5, TimeUnit.SECONDS), "the loop went on after the exception");
        t.shutdown();
        t.join(5000);
        assertFalse(t.isAlive(), "shutdown ends the loop");
    }
}
