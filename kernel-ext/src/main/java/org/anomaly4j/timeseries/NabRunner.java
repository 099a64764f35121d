package org.anomaly4j.timeseries;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a {@link NabDetector} over a {@link NabCorpus} and reads and writes NAB's results layout:
 * {@code <results>/<detector>/<category>/<detector>_<series>.csv} with the columns
 * {@code timestamp,value,anomaly_score,label} (label 1 inside an anomaly window, as NAB writes it). Scoring
 * such a folder with {@link #score(Path, String, NabCorpus)} gives the numbers NAB's {@code run.py --score
 * --normalize} gives for the same files.
 */
public final class NabRunner {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

    private NabRunner() {
    }

    /** The detector's scores for every series of the corpus, checked (length, finite, in [0, 1]). */
    public static List<NabScorer.Input> run(NabCorpus corpus, NabDetector detector) {
        List<NabScorer.Input> out = new ArrayList<>();
        for (NabCorpus.Series s : corpus.series()) {
            double[] scores = detector.scores(s.epochMillis().clone(), s.values().clone());
            if (scores == null || scores.length != s.length()) {
                throw new IllegalStateException("detector " + detector.name() + " returned "
                        + (scores == null ? "null" : scores.length + " scores") + " for " + s.path() + " ("
                        + s.length() + " rows)");
            }
            out.add(NabScorer.Input.of(s, scores));
        }
        return out;
    }

    /** Runs the detector and scores it with every profile of the corpus (standard last for NAB's files). */
    public static List<NabScorer.Result> score(NabCorpus corpus, NabDetector detector) {
        return NabScorer.score(run(corpus, detector), corpus.profiles());
    }

    /**
     * Runs the detector and writes its results files under {@code resultsDir/<name>/}; returns that folder.
     */
    public static Path write(NabCorpus corpus, NabDetector detector, Path resultsDir) {
        String name = checkName(detector.name());
        List<NabScorer.Input> inputs = run(corpus, detector);
        Path dir = resultsDir.resolve(name);
        for (int k = 0; k < inputs.size(); k++) {
            NabCorpus.Series s = corpus.series().get(k);
            Path file = dir.resolve(s.category()).resolve(name + "_" + s.name() + ".csv");
            write(file, s, inputs.get(k).scores());
        }
        return dir;
    }

    private static void write(Path file, NabCorpus.Series s, double[] scores) {
        int[] labels = s.labels();
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write("timestamp,value,anomaly_score,label\n");
                StringBuilder line = new StringBuilder(64);
                for (int i = 0; i < scores.length; i++) {
                    line.setLength(0);
                    line.append(s.timestamps()[i]).append(',').append(number(s.values()[i])).append(',')
                            .append(scores[i]).append(',').append(labels[i]).append('\n');
                    w.write(line.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whole numbers without ".0", as NAB's data files write them. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The detectors that have a folder under {@code resultsDir} with a results file for the corpus' first
     * series, in name order.
     */
    public static List<String> detectors(Path resultsDir, NabCorpus corpus) {
        if (!Files.isDirectory(resultsDir)) {
            throw new IllegalArgumentException("results folder " + resultsDir + " does not exist");
        }
        NabCorpus.Series first = corpus.series().get(0);
        try (Stream<Path> dirs = Files.list(resultsDir)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> Files.isRegularFile(resultsDir.resolve(n).resolve(first.category())
                            .resolve(n + "_" + first.name() + ".csv")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resultsDir + ": " + e.getMessage(), e);
        }
    }

    /** Reads the {@code anomaly_score} column of a detector's results for every series of the corpus. */
    public static List<NabScorer.Input> read(Path resultsDir, String detector, NabCorpus corpus) {
        List<NabScorer.Input> out = new ArrayList<>();
        for (NabCorpus.Series s : corpus.series()) {
            Path file = resultsDir.resolve(detector).resolve(s.category()).resolve(detector + "_" + s.name() + ".csv");
            out.add(NabScorer.Input.of(s, readScores(file, s.length())));
        }
        return out;
    }

    /** Scores a detector's results folder with every profile of the corpus. */
    public static List<NabScorer.Result> score(Path resultsDir, String detector, NabCorpus corpus) {
        return NabScorer.score(read(resultsDir, detector, corpus), corpus.profiles());
    }

    private static double[] readScores(Path file, int rows) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("results file " + file + " is missing; run the detector on the "
                    + "whole corpus first");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        String[] header = lines.get(0).split(",", -1);
        int col = -1;
        for (int j = 0; j < header.length; j++) {
            if (header[j].strip().equals("anomaly_score")) {
                col = j;
            }
        }
        if (col < 0) {
            throw new IllegalArgumentException(file + " has no anomaly_score column");
        }
        double[] out = new double[rows];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (n == rows) {
                throw new IllegalArgumentException(file + " has more rows than the data file (" + rows + ")");
            }
            String[] f = lines.get(i).split(",", -1);
            try {
                out[n++] = Double.parseDouble(f[col].strip());
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(file + " row " + i + ": anomaly_score is not a number");
            }
        }
        if (n != rows) {
            throw new IllegalArgumentException(file + " has " + n + " rows but the data file has " + rows);
        }
        return out;
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("detector name \"" + name + "\" must be letters, digits and '-' only "
                    + "(NAB splits result file names at '_')");
        }
        return name;
    }
}
