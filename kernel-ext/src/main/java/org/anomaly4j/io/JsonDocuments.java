package org.anomaly4j.io;

import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Reading and writing the versioned JSON documents anomaly4j stores (model files): one JSON object with a
 * {@code format} name and an integer {@code formatVersion}. Reading is strict — size capped before parsing,
 * nesting, number and text lengths bounded, text after the closing brace refused, the format name and the
 * version checked (the version must be a JSON integer, not "1", 1.9 or true) — and never instantiates
 * anything named in the file. Parsing streams into a compact tree ({@link JsonTree}: numeric arrays as
 * {@code double[]}), so loading needs about the memory of the numbers the file holds, not a multiple of the
 * file. Writing is atomic (a sibling temporary file renamed into place).
 */
public final class JsonDocuments {

    private JsonDocuments() {
    }

    /** A checked document: its root object and its format version. */
    public record Document(StateReader root, int formatVersion) {
    }

    /**
     * Reads a document of the given format, versions 1..maxVersion, refusing files over {@code maxBytes}.
     *
     * @param what how the message names such a file, e.g. "model file"
     */
    public static Document read(Path file, String what, String format, int maxVersion, long maxBytes) {
        if (file == null) {
            throw new IllegalArgumentException(what + " path is null");
        }
        String src = file.toString();
        JsonTree root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidModelFileException(capitalised(what) + " " + file + " does not exist");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InvalidModelFileException(capitalised(what) + " " + file + " has " + size + " bytes, more than the "
                        + (maxBytes >> 20) + " MB this version reads");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                root = JsonTree.parse(in);
            }
        } catch (JsonProcessingException e) {
            throw new InvalidModelFileException(capitalised(what) + " " + file + " is not valid JSON (truncated or damaged?): "
                    + e.getOriginalMessage(), e);
        } catch (JsonTree.Malformed e) {
            throw new InvalidModelFileException(capitalised(what) + " " + file + " is not a valid " + what + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + what + " " + file, e);
        }
        if (!(root instanceof JsonTree.Obj obj)) {
            throw new InvalidModelFileException(capitalised(what) + " " + file + " is not a JSON object");
        }
        JsonTree f = obj.fields.get("format");
        if (!(f instanceof JsonTree.Text t) || !format.equals(t.value)) {
            throw new InvalidModelFileException("File " + file + " is not an anomaly4j " + what + " (format "
                    + (f == null ? "missing" : f.toString()) + ", expected \"" + format + "\")");
        }
        JsonTree v = obj.fields.get("formatVersion");
        boolean integral = v instanceof JsonTree.Num n && n.exactLong;
        long version = integral ? ((JsonTree.Num) v).longValue : -1;
        if (!integral || version < 1 || version > maxVersion) {
            throw new InvalidModelFileException(capitalised(what) + " " + file + " has format version "
                    + (v == null ? "(missing)" : v.toString()) + "; this anomaly4j reads versions 1.." + maxVersion
                    + (integral && version > maxVersion
                            ? " (the file was written by a newer anomaly4j: upgrade to load it)" : ""));
        }
        return new Document(new StateReader(src, "", obj), (int) version);
    }

    /** Writes a document atomically, pretty-printed, with default file permissions. */
    public static void write(Path file, StateWriter root, String what) {
        if (file == null) {
            throw new IllegalArgumentException(what + " path is null");
        }
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            // a sibling with the default permissions (createTempFile would make the final file owner-only)
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    JsonTree.write(root.node, out);
                }
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
