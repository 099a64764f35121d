package org.anomaly4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The argument checks every sub-command shares, with one wording: option values, the single input file, the
 * separator, an output that must not overwrite the input and must go to an existing folder. A {@link Usage}
 * error is a mistake in the command line (exit status 2).
 */
final class CliArgs {

    /** Standard input as the input file. */
    static final String STDIN = "-";

    private CliArgs() {
    }

    /** A usage error: exit status 2. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }

    /** The value after an option; an error naming the option when it is missing. */
    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new Usage(option + " needs a value");
        }
        return args[i];
    }

    /**
     * A positional argument taken as the input file: an unknown option or a second input is a usage error.
     *
     * @param hint appended to the unknown-option message (e.g. "; try eval --help"), may be empty
     */
    static String input(String current, String arg, boolean stdinAllowed, String hint) {
        if (arg.startsWith("-") && !(stdinAllowed && arg.equals(STDIN))) {
            throw new Usage("unknown option " + arg + hint);
        }
        if (current != null) {
            throw new Usage("one input file expected, got " + current + " and " + arg);
        }
        return arg;
    }

    /** The one-character separator. */
    static char separator(String sep) {
        if (sep.length() != 1) {
            throw new Usage("--sep takes one character, got \"" + sep + "\"");
        }
        return sep.charAt(0);
    }

    /** Refuses {@code -o} naming the input file ({@code what}: what would be written, e.g. "the scores"). */
    static void notTheInput(String input, String output, String what) {
        if (output != null && !input.equals(STDIN) && Path.of(output).toAbsolutePath().normalize()
                .equals(Path.of(input).toAbsolutePath().normalize())) {
            throw new Usage("-o names the input file " + input + "; write " + what + " to another file");
        }
    }

    /** The output file's folder must exist (a data error, exit status 1). */
    static void outputFolderExists(String output) {
        if (output == null) {
            return;
        }
        Path parent = Path.of(output).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write " + output + ": the folder " + parent
                    + " does not exist; create it first");
        }
    }
}
