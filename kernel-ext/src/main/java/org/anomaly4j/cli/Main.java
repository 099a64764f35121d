package org.anomaly4j.cli;

import static org.anomaly4j.cli.CliArgs.value;

import org.anomaly4j.cli.CliArgs.Usage;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.detect.Detector;
import org.anomaly4j.detect.Detectors;
import org.anomaly4j.detect.Model;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * {@code anomaly4j detect --detector NAME [--set key=value ...] --columns a,b [--sep ';'] IN.csv [-o OUT.csv]}
 * <p>Fits the detector on the named columns of IN.csv ({@code -} reads standard input; plain, gzip or a one-file
 * zip) and writes IN's columns plus {@code score} and {@code anomaly} (true/false) as CSV to OUT.csv or standard
 * output. {@code --help} lists detectors and their settings. Errors print one line on standard error and exit
 * with status 2 (usage) or 1 (data), running out of memory or stack included (the line names the JVM option to
 * raise).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command with standard input as {@code -}; returns the exit status (0 ok, 1 bad data, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs the command; {@code in} is what the input {@code -} reads. Returns the exit status (0 ok, 1 bad data or
     * file, or the JVM out of memory or stack, 2 bad usage); never throws those errors.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            return runCommand(args, in, out, err);
        } catch (OutOfMemoryError e) {
            // one line, not a stack trace: the heap is the usual cause and -Xmx the fix
            err.println("anomaly4j: not enough memory (the JVM's maximum heap is "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); give the JVM more heap with -Xmx: "
                    + "java -Xmx8g -jar anomaly4j.jar ..., or ANOMALY4J_JAVA_OPTS=-Xmx8g with scripts/anomaly4j; "
                    + "or use fewer rows");
            return 1;
        } catch (StackOverflowError e) {
            err.println("anomaly4j: the JVM ran out of stack; give it a larger stack with -Xss: "
                    + "java -Xss64m -jar anomaly4j.jar ..., or ANOMALY4J_JAVA_OPTS=-Xss64m with scripts/anomaly4j");
            return 1;
        }
    }

    private static int runCommand(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(help());
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("eval")) {
            return EvalCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args[0].equals("nab") || args[0].equals("nab-score")) {
            return NabCommand.run(args, out, err);
        }
        if (args[0].equals("stl")) {
            return StlCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (!args[0].equals("detect")) {
            err.println("anomaly4j: unknown command \"" + args[0] + "\"; try --help");
            return 2;
        }
        String detector = null;
        String columns = null;
        String sep = ",";
        String dateFormat = null;
        String input = null;
        String output = null;
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(help());
                        return 0;
                    }
                    case "--detector" -> detector = value(args, ++i, a);
                    case "--columns" -> columns = value(args, ++i, a);
                    case "--sep" -> sep = value(args, ++i, a);
                    case "--date-format" -> dateFormat = value(args, ++i, a);
                    case "-o", "--output" -> output = value(args, ++i, a);
                    case "--set" -> {
                        String kv = value(args, ++i, a);
                        int eq = kv.indexOf('=');
                        if (eq <= 0) {
                            throw new Usage("--set takes key=value, got \"" + kv + "\"");
                        }
                        settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                    }
                    default -> input = CliArgs.input(input, a, true, "");
                }
            }
            if (detector == null) {
                throw new Usage("--detector NAME is required; detectors: " + String.join(", ", Detectors.names()));
            }
            if (columns == null) {
                throw new Usage("--columns a,b,... is required");
            }
            if (input == null) {
                throw new Usage("an input CSV file is required (or - for standard input)");
            }
            CliArgs.separator(sep);
            if (!Detectors.names().contains(detector)) {
                throw new Usage("unknown detector \"" + detector + "\"; detectors: " + String.join(", ", Detectors.names()));
            }
            CliArgs.notTheInput(input, output, "the scores");
        } catch (Usage u) {
            err.println("anomaly4j: " + u.getMessage());
            return 2;
        }
        try {
            Detector<?> d = Detectors.create(detector, settings);
            CliArgs.outputFolderExists(output);
            CsvOptions options = CsvOptions.separator(sep.charAt(0));
            if (dateFormat != null) {
                options = options.dateTimeFormat(dateFormat);
            }
            Table t = input.equals(STDIN) ? Csv.readWithReport(in, "<stdin>", options).table()
                    : Csv.read(Path.of(input), options);
            String[] cols = splitColumns(columns);
            Model m = d.fit(t, cols);
            double[] s = m.trainingScores();
            boolean[] a = m.flags(s);
            for (String reserved : new String[] {"score", "anomaly"}) {
                if (t.containsColumn(reserved)) {
                    throw new IllegalArgumentException("the input already has a column \"" + reserved
                            + "\"; rename it before scoring");
                }
            }
            Table result = t.copy().addColumns(DoubleColumn.create("score", s), BooleanColumn.create("anomaly", a));
            if (output == null) {
                result.write().csv(CsvWriteOptions.builder(out).separator(sep.charAt(0)).build());
                out.flush();
            } else {
                try (OutputStream file = Files.newOutputStream(Path.of(output))) {
                    result.write().csv(CsvWriteOptions.builder(file).separator(sep.charAt(0)).build());
                }
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("anomaly4j: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException | java.io.IOException e) {
            err.println("anomaly4j: " + e.getMessage());
            return 1;
        }
    }

    private static String[] splitColumns(String columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns.split(",")) {
            if (!c.isBlank()) {
                out.add(c.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--columns names no column");
        }
        return out.toArray(String[]::new);
    }


    /** The --help text: usage, then each detector with its settings. */
    static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: java -jar anomaly4j.jar detect --detector NAME [--set key=value ...] --columns a,b\n")
                .append("                  [--sep ';'] [--date-format PATTERN] IN.csv [-o OUT.csv]\n\n")
                .append("Fits the detector on the columns of IN.csv (- reads standard input; .gz and .zip too) and\n")
                .append("writes IN plus 'score' (higher = more anomalous) and 'anomaly' (true/false) to OUT.csv or\n")
                .append("standard output.\n\n")
                .append("metrics of labelled scores as JSON: java -jar anomaly4j.jar eval --help\n")
                .append("Numenta Anomaly Benchmark runs and scores: java -jar anomaly4j.jar nab --help\n")
                .append("STL decomposition of a column: java -jar anomaly4j.jar stl --help\n\n")
                .append("Detectors and their settings:\n");
        sb.append(Detectors.help());
        return sb.toString();
    }

    /** The input name that reads standard input. */
    private static final String STDIN = CliArgs.STDIN;

}
