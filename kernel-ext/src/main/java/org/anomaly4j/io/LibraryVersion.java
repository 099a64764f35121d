package org.anomaly4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The anomaly4j version, written into {@code version.properties} by the Maven build (resource filtering). */
public final class LibraryVersion {

    private static final String VERSION = load();

    private LibraryVersion() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}; "unknown" only when the classes were not built by Maven. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
