package org.anomaly4j.cli;

import static org.anomaly4j.cli.CliArgs.value;

import org.anomaly4j.cli.CliArgs.Usage;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.eval.Evaluation;
import tech.tablesaw.api.Table;

/**
 * {@code anomaly4j eval --labels COL --scores COL [--sep ';'] [--threshold T] IN.csv}
 * <p>Reads IN.csv, takes the label column (0/1 or true/false, 1 = anomaly) and the score column (higher = more
 * anomalous) and prints one JSON object: roc_auc, average_precision, pr_auc, precision, recall, f1, mcc,
 * confusion {tn, fp, fn, tp} and threshold ({@link Evaluation#toJson()}). Rows with {@code score >= T} count as
 * predicted anomalies; without {@code --threshold} the threshold of maximum F1 is used. Exit status 0 ok, 1 bad
 * data or file, 2 bad usage; errors are one line on standard error.
 */
public final class EvalCommand {

    private EvalCommand() {
    }

    /** Runs {@code eval} with the arguments that follow the word "eval"; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String labels = null;
        String scores = null;
        String sep = ",";
        Double threshold = null;
        String input = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(help());
                        return 0;
                    }
                    case "--labels" -> labels = value(args, ++i, a);
                    case "--scores" -> scores = value(args, ++i, a);
                    case "--sep" -> sep = value(args, ++i, a);
                    case "--threshold" -> threshold = number(value(args, ++i, a));
                    default -> input = CliArgs.input(input, a, true, "; try eval --help");
                }
            }
            if (labels == null || scores == null) {
                throw new Usage("--labels COL and --scores COL are required; try eval --help");
            }
            if (input == null) {
                throw new Usage("an input CSV file is required");
            }
            CliArgs.separator(sep);
        } catch (Usage u) {
            err.println("anomaly4j eval: " + u.getMessage());
            return 2;
        }
        try {
            Table t = Csv.read(Path.of(input), CsvOptions.separator(sep.charAt(0)));
            out.println(Evaluation.of(t, labels, scores, threshold).toJson());
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("anomaly4j eval: " + oneLine(e.getMessage()));
            return 1;
        }
    }

    /** The {@code eval --help} text. */
    static String help() {
        return """
                usage: java -jar anomaly4j.jar eval --labels COL --scores COL [--sep ';'] [--threshold T] IN.csv

                Prints the metrics of the scores in COL against the labels (0/1 or true/false, 1 = anomaly) as
                JSON: roc_auc, average_precision, pr_auc, precision, recall, f1, mcc, confusion {tn, fp, fn, tp},
                threshold. Rows with score >= T are predicted anomalies; without --threshold the threshold of
                maximum F1 is used. Metrics equal scikit-learn's (roc_auc_score, average_precision_score, ...).
                """;
    }


    private static Double number(String text) {
        if (!isNumber(text)) {
            throw new Usage("--threshold takes a number, got \"" + text + "\"");
        }
        return Double.parseDouble(text.trim());
    }

    private static boolean isNumber(String text) {
        try {
            return !Double.isNaN(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "error" : message.replaceAll("\\s*\\R\\s*", " ");
    }

}
