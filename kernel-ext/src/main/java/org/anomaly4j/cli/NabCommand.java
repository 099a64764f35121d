package org.anomaly4j.cli;

import static org.anomaly4j.cli.CliArgs.value;

import org.anomaly4j.cli.CliArgs.Usage;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.anomaly4j.timeseries.NabCorpus;
import org.anomaly4j.timeseries.NabDetector;
import org.anomaly4j.timeseries.NabNull;
import org.anomaly4j.timeseries.NabRunner;
import org.anomaly4j.timeseries.NabScorer;
import org.anomaly4j.timeseries.NabSurprise;
import org.anomaly4j.timeseries.NabWindowedDetector;

/**
 * {@code anomaly4j nab [--detector NAME] CORPUS_DIR -o RESULTS_DIR} runs a streaming detector over a corpus in
 * the Numenta Anomaly Benchmark layout and writes NAB's results files
 * ({@code RESULTS_DIR/<detector>/<category>/<detector>_<series>.csv}); without {@code --detector} it runs the
 * recommended one ({@value NabSurprise#NAME}). {@code anomaly4j nab-score RESULTS_DIR CORPUS_DIR} prints, for every
 * detector folder in RESULTS_DIR, the normalised NAB score of each profile, standard last. Exit status: 0 ok,
 * 1 bad data or file, 2 bad usage; errors are one line on standard error.
 */
public final class NabCommand {

    /** Detectors the {@code nab} command knows, by name. */
    static final Map<String, Supplier<NabDetector>> DETECTORS = detectors();

    private NabCommand() {
    }

    private static Map<String, Supplier<NabDetector>> detectors() {
        Map<String, Supplier<NabDetector>> m = new TreeMap<>();
        m.put(NabSurprise.NAME, NabSurprise::new);
        m.put(NabNull.NAME, NabNull::new);
        return m;
    }

    /** Runs {@code nab ...} or {@code nab-score ...} (args[0] is the command); returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new Usage("expected nab or nab-score");
            }
            for (String a : args) {
                if (a.equals("--help") || a.equals("-h")) {
                    out.print(help());
                    return 0;
                }
            }
            return switch (args[0]) {
                case "nab" -> nab(args, out);
                case "nab-score" -> score(args, out);
                default -> throw new Usage("unknown command \"" + args[0] + "\"; expected nab or nab-score");
            };
        } catch (Usage u) {
            err.println("anomaly4j: " + u.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("anomaly4j: " + e.getMessage());
            return 1;
        }
    }

    private static int nab(String[] args, PrintStream out) {
        String detector = NabSurprise.NAME;
        String corpus = null;
        String results = null;
        int window = 5;
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--detector" -> detector = value(args, ++i, a);
                case "-o", "--output" -> results = value(args, ++i, a);
                case "--window" -> {
                    String w = value(args, ++i, a);
                    try {
                        window = Integer.parseInt(w.trim());
                    } catch (NumberFormatException e) {
                        throw new Usage("--window takes an integer, got \"" + w + "\"");
                    }
                }
                case "--set" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new Usage("--set takes key=value, got \"" + kv + "\"");
                    }
                    settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new Usage("unknown option " + a);
                    }
                    if (corpus != null) {
                        throw new Usage("one corpus folder expected, got " + corpus + " and " + a);
                    }
                    corpus = a;
                }
            }
        }
        if (corpus == null) {
            throw new Usage("nab needs a CORPUS_DIR (with data/ and labels/combined_windows.json)");
        }
        if (results == null) {
            throw new Usage("nab needs -o RESULTS_DIR");
        }
        Supplier<NabDetector> d = DETECTORS.get(detector);
        NabDetector chosen;
        if (d != null) {
            chosen = d.get();
        } else if (org.anomaly4j.detect.Detectors.names().contains(detector)) {
            // any registered detector over sliding windows of the last --window values (causal)
            chosen = new NabWindowedDetector(org.anomaly4j.detect.Detectors.create(detector, settings), window);
        } else {
            throw new IllegalArgumentException("unknown NAB detector \"" + detector + "\"; NAB detectors: "
                    + String.join(", ", DETECTORS.keySet()) + "; or any registered detector: "
                    + String.join(", ", org.anomaly4j.detect.Detectors.names()));
        }
        NabCorpus c = NabCorpus.read(Path.of(corpus));
        Path dir = NabRunner.write(c, chosen, Path.of(results));
        out.println("wrote " + c.series().size() + " results files to " + dir);
        if (chosen instanceof NabWindowedDetector w && !w.failures().isEmpty()) {
            out.println("note: " + w.name() + " could not be fitted on " + w.failures().size() + " series (scored 0.5"
                    + " throughout): " + w.failures().get(0));
        }
        return 0;
    }

    private static int score(String[] args, PrintStream out) {
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-")) {
                throw new Usage("unknown option " + args[i]);
            }
            positional.add(args[i]);
        }
        if (positional.size() != 2) {
            throw new Usage("nab-score needs RESULTS_DIR CORPUS_DIR");
        }
        Path results = Path.of(positional.get(0));
        NabCorpus c = NabCorpus.read(Path.of(positional.get(1)));
        List<String> detectors = NabRunner.detectors(results, c);
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("no detector results in " + results
                    + " (expected <detector>/<category>/<detector>_<series>.csv); run nab first");
        }
        for (String det : detectors) {
            StringBuilder line = new StringBuilder(det);
            List<NabScorer.Result> scores = NabRunner.score(results, det, c);
            // standard last, as NAB prints it
            scores = new ArrayList<>(scores);
            scores.sort((a, b) -> Boolean.compare(a.profile().name().equals("standard"),
                    b.profile().name().equals("standard")));
            for (NabScorer.Result r : scores) {
                line.append("  ").append(r.profile().name()).append('=')
                        .append(String.format(Locale.ROOT, "%.2f", r.normalised()));
            }
            out.println(line);
        }
        return 0;
    }


    /** Help lines for the two commands. */
    static String help() {
        return "usage: java -jar anomaly4j.jar nab [--detector NAME] [--set key=value ...] [--window W] CORPUS_DIR -o RESULTS_DIR\n"
                + "       java -jar anomaly4j.jar nab-score RESULTS_DIR CORPUS_DIR\n\n"
                + "nab runs a streaming detector on a Numenta Anomaly Benchmark corpus (data/<category>/<series>.csv,\n"
                + "labels/combined_windows.json) and writes RESULTS_DIR/<detector>/<category>/<detector>_<series>.csv\n"
                + "(timestamp,value,anomaly_score,label). Detectors: " + String.join(", ", DETECTORS.keySet())
                + " (default " + NabSurprise.NAME + "), or any registered detector (e.g. isolation-forest), run on\n"
                + "sliding windows of the last W values (default 5), fitted on the probationary 15 %.\n"
                + "nab-score prints the normalised NAB score of each detector in RESULTS_DIR per profile, standard last.\n";
    }

}
