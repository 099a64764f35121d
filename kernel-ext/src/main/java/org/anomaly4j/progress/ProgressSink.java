package org.anomaly4j.progress;

/**
 * Where progress text goes. The environment supplies one through {@link java.util.ServiceLoader}: a jar
 * that lists an implementation in {@code META-INF/services/org.anomaly4j.progress.ProgressSink} switches
 * progress on for every {@link Progress#start(String)} in that JVM. The anomaly4j kernel launcher's jar
 * does (progress appears in notebook cells); the library jar does not (a library must not print, so a
 * program, JShell or the command line stays silent). Implementations need a public no-argument
 * constructor and must be thread-safe: parallel fits report from several threads.
 */
@FunctionalInterface
public interface ProgressSink {

    /**
     * Writes one progress text: it starts with {@code \r} (notebook front ends and terminals rewrite the
     * current line in place) and the final text of a task ends with a line separator.
     */
    void write(String text);
}
