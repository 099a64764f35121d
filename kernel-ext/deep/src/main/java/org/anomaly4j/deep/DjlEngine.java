package org.anomaly4j.deep;

import java.nio.file.Path;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Starts DJL's PyTorch CPU engine once per JVM, offline and reproducibly, before any deep detector trains.
 * <p><b>Where the native library comes from.</b> The PyTorch shared library is the Maven Central artifact
 * {@code ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64} on the class path; DJL unpacks it once into
 * its cache folder. With {@code ai.djl.offline=true} DJL never goes to the network (a pip-installed torch is
 * not usable by DJL: it needs the JNI bridge built for its exact libtorch).
 * <p><b>Settings applied when the caller has not set them</b> (system properties, read by DJL at engine start):
 * <ul>
 *   <li>{@code ai.djl.offline=true};</li>
 *   <li>{@code DJL_CACHE_DIR}: the environment variable of that name if set, otherwise
 *   {@code $ANOMALY4J_CACHE/djl} or {@code ~/.cache/anomaly4j/djl} (the library's user cache), never DJL's
 *   {@code ~/.djl.ai}; {@code make run}/{@code make test} point it inside {@code build/};</li>
 *   <li>{@code ai.djl.pytorch.num_threads=1} and {@code ai.djl.pytorch.num_interop_threads=1}.</li>
 * </ul>
 * <p><b>Determinism.</b> On CPU, a fit is a pure function of (data, options) — identical losses, weights and
 * scores run after run — because: (1) weights are initialised in Java from {@code SplittableRandom(seed)},
 * (2) batches are shuffled and the validation split drawn from the same Java generator, (3) the only random
 * draws made by libtorch (dropout masks, the VAE's noise) follow {@link #seed}, which calls
 * {@code torch.manual_seed} through {@link Engine#setRandomSeed} at the start of every fit, and (4) one
 * intra-op thread makes every reduction run in the same order (with several threads libtorch may split sums
 * differently, which changes the last bits of float sums), and (5) the arrays a fit computes on sit in
 * libtorch's 64-byte aligned memory ({@link #owned}). Two intra-op threads gave the same bits on a
 * default autoencoder fit (20,000 × 30 Gaussian rows, 2 epochs, 3 runs, 2026-12-01) but took 12–25× the CPU
 * time and 8–12× the wall time on a shared 2-core machine: batches of 32 rows make every operation too small
 * to split, and libtorch's OpenMP workers spin between operations. One thread is the reproducible and the fast
 * setting. Models score in plain Java from their weights, so
 * scoring never depends on the engine at all. Different machines (other CPU instruction sets picked by
 * libtorch's dispatcher) may differ in the last float bits.
 */
public final class DjlEngine {

    /** The DJL engine name used by every deep detector. */
    public static final String ENGINE = "PyTorch";

    private static volatile Engine engine;

    private DjlEngine() {
    }

    /** The PyTorch engine, started once with the settings above; an error with the fix if it cannot start. */
    public static Engine get() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (DjlEngine.class) {
            if (engine == null) {
                configure();
                try {
                    engine = Engine.getEngine(ENGINE);
                } catch (RuntimeException | LinkageError ex) {
                    throw new IllegalStateException("the DJL PyTorch engine did not start (" + ex
                            + "); the deep detectors need ai.djl.pytorch:pytorch-native-cpu (classifier linux-x86_64)"
                            + " and pytorch-jni on the class path, and a writable DJL_CACHE_DIR ("
                            + System.getProperty("DJL_CACHE_DIR") + ")", ex);
                }
            }
            return engine;
        }
    }

    /** Seeds libtorch's generator (dropout masks, sampled noise) for the fit about to run. */
    public static void seed(long seed) {
        get().setRandomSeed(Long.hashCode(seed));
    }

    /**
     * An array with these values in libtorch's own memory. DJL's {@code create} wraps the Java direct buffer it
     * copies the values into, and that buffer's address is only 16-byte aligned, differently from run to run;
     * libtorch's CPU matrix kernels (MKL/oneDNN) may take other code paths, and round differently, by the
     * alignment of their operands, so a fit could differ in the last bits from one run to the next and drift
     * apart over thousands of steps. A copy made by libtorch is 64-byte aligned, always. Every array a fit
     * computes on (the weights, the epoch's rows, the validation rows) is made here.
     */
    static NDArray owned(NDManager manager, float[] values, Shape shape) {
        try (NDArray wrapped = manager.create(values, shape)) {
            return wrapped.duplicate();
        }
    }

    /** The DJL cache folder in effect (where the native library is unpacked). */
    public static Path cacheDir() {
        configure();
        return Path.of(System.getProperty("DJL_CACHE_DIR"));
    }

    private static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            String env = System.getenv("DJL_CACHE_DIR");
            String cache = System.getenv("ANOMALY4J_CACHE");
            Path dir = env != null && !env.isBlank() ? Path.of(env)
                    : cache != null && !cache.isBlank() ? Path.of(cache, "djl")
                    : Path.of(System.getProperty("user.home"), ".cache", "anomaly4j", "djl");
            System.setProperty("DJL_CACHE_DIR", dir.toAbsolutePath().toString());
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
