package org.anomaly4j.cli;

import static org.anomaly4j.cli.CliArgs.value;

import org.anomaly4j.cli.CliArgs.Usage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import org.anomaly4j.timeseries.Stl;
import org.anomaly4j.timeseries.StlResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * {@code anomaly4j stl --column C --period P [--robust] [--seasonal S] [--sep ';'] IN.csv [-o OUT.csv]}: the STL
 * decomposition of one column (statsmodels' {@code STL} defaults), written as CSV with columns
 * {@code trend,seasonal,resid} (one row per input row) to OUT.csv or standard output.
 */
final class StlCommand {

    private StlCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String column = null;
        Integer period = null;
        Integer seasonal = null;
        boolean robust = false;
        String sep = ",";
        String input = null;
        String output = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(help());
                        return 0;
                    }
                    case "--column" -> column = value(args, ++i, a);
                    case "--period" -> period = integer(value(args, ++i, a), "--period");
                    case "--seasonal" -> seasonal = integer(value(args, ++i, a), "--seasonal");
                    case "--robust" -> robust = true;
                    case "--sep" -> sep = value(args, ++i, a);
                    case "-o", "--output" -> output = value(args, ++i, a);
                    default -> input = CliArgs.input(input, a, false, "; try stl --help");
                }
            }
            if (column == null || period == null || input == null) {
                throw new Usage("--column C, --period P and an input CSV file are required; try stl --help");
            }
            CliArgs.separator(sep);
            CliArgs.notTheInput(input, output, "the decomposition");
        } catch (Usage u) {
            err.println("anomaly4j stl: " + u.getMessage());
            return 2;
        }
        try {
            Table t = Csv.read(Path.of(input), CsvOptions.separator(sep.charAt(0)));
            Stl stl = Stl.with().period(period).robust(robust);
            if (seasonal != null) {
                stl = stl.seasonal(seasonal);
            }
            StlResult r = stl.fit(t, column);
            Table result = Table.create("stl", DoubleColumn.create("trend", r.trend()),
                    DoubleColumn.create("seasonal", r.seasonal()), DoubleColumn.create("resid", r.resid()));
            CliArgs.outputFolderExists(output);
            CsvWriteOptions.Builder w = output == null ? CsvWriteOptions.builder(out)
                    : CsvWriteOptions.builder(Files.newOutputStream(Path.of(output)));
            result.write().csv(w.separator(sep.charAt(0)).build());
            out.flush();
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException | IOException e) {
            err.println("anomaly4j stl: " + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        }
    }


    private static int integer(String v, String option) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new Usage(option + " takes an integer, got \"" + v + "\"");
        }
    }

    static String help() {
        return """
                usage: java -jar anomaly4j.jar stl --column C --period P [--robust] [--seasonal S] [--sep ';'] IN.csv [-o OUT.csv]

                STL decomposition (Cleveland et al. 1990) of column C with statsmodels' STL defaults: seasonal 7,
                trend and low-pass spans from the period; --robust uses robustness weights (15 outer iterations).
                Writes trend,seasonal,resid (one row per input row) to OUT.csv or standard output.
                """;
    }
}
