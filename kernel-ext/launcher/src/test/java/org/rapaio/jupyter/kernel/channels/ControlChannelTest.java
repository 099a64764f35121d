package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;

/**
 * The patched control channel reaches the kernel's JShell execution control through private fields of
 * {@code JavaEngine} (see {@link ControlChannel}); a kernel upgrade that renames them must fail here, not
 * silently fall back to the interrupt that leaves later cells without output. The interrupt itself is tested
 * on the real kernel (test_kernel_behaviour.py).
 */
class ControlChannelTest {

    @Test
    void kernelStillHasTheFieldsAndMethodsTheInterruptUses() throws Exception {
        Field executionId = JavaEngine.class.getDeclaredField("executionId");
        Field controlProvider = JavaEngine.class.getDeclaredField("controlProvider");
        assertEquals(String.class, executionId.getType());
        assertEquals(RapaioExecutionControlProvider.class, controlProvider.getType());
        Method lookUp = RapaioExecutionControlProvider.class.getMethod("getRegisteredControl", String.class);
        assertEquals(RapaioExecutionControl.class, lookUp.getReturnType());
        // interrupt() cancels the running cell only; stop() is what shuts the executor down for good
        RapaioExecutionControl.class.getMethod("interrupt");
    }
}
