package org.anomaly4j.timeseries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tuning and leave-one-category-out (LOCO) report for {@link NabSurprise} (a program, not a test; its numbers are in
 * the README and the class Javadoc). Two grids, each selected by the normalised standard score:
 * <ul>
 *   <li>the likelihood and suppression settings with the default novelty channel: shortWindow ∈ {1, 3, 5, 10} ×
 *   suppress ∈ {0, 0.25, 0.5, 1, 2} (rise stays 0: it failed LOCO before the novelty channel existed);</li>
 *   <li>the novelty channel: off, or noveltyLength ∈ {4, 8, 16} × noveltyPatterns ∈ {6, 13, 26} around ARTime's
 *   (8, 13), which the default takes from ARTime unchanged — the grid shows how much that choice matters here;</li>
 *   <li>two design choices of the novelty likelihood made while its score on these series was visible: its
 *   statistics from the first distance or from the end of the probationary period P on, and a warm-up of 0
 *   (at least m distances), P/2 or P rows of statistics before the first novelty score (default: after P, P).</li>
 * </ul>
 * LOCO: for each category, the setting with the best standard score on the other categories is applied to it;
 * the corpus score of those choices is reported with the threshold re-optimised, and each category with the
 * corpus threshold. Run (about a minute): java -cp kernel-ext/target/classes:kernel-ext/target/test-classes:DEPS
 * org.anomaly4j.timeseries.NabTuning $ANOMALY4J_DATA/nab
 */
final class NabTuning {

    private static final int[] SHORT = {1, 3, 5, 10};
    private static final double[] SUPPRESS = {0, 0.25, 0.5, 1, 2};
    private static final int[] NOVELTY_LENGTH = {4, 8, 16};
    private static final int[] NOVELTY_PATTERNS = {6, 13, 26};
    private static final double[] WARM_UP = {0, 0.5, 1};

    public static void main(String[] args) {
        NabCorpus c = NabCorpus.read(Path.of(args[0]));
        List<String> labels = new ArrayList<>();
        List<List<NabScorer.Input>> runs = new ArrayList<>();
        for (int k : SHORT) {
            for (double s : SUPPRESS) {
                labels.add(String.format(Locale.ROOT, "shortWindow=%d suppress=%.2f", k, s));
                runs.add(NabRunner.run(c, new NabSurprise(k, s, 0)));
            }
        }
        int likelihoodGrid = runs.size();
        labels.add("novelty off");
        runs.add(NabRunner.run(c, new NabSurprise(NabSurprise.DEFAULT_SHORT_WINDOW, NabSurprise.DEFAULT_SUPPRESS,
                NabSurprise.DEFAULT_RISE, 0, NabSurprise.DEFAULT_NOVELTY_PATTERNS)));
        for (int m : NOVELTY_LENGTH) {
            for (int q : NOVELTY_PATTERNS) {
                labels.add(String.format(Locale.ROOT, "noveltyLength=%d noveltyPatterns=%d", m, q));
                runs.add(NabRunner.run(c, new NabSurprise(NabSurprise.DEFAULT_SHORT_WINDOW,
                        NabSurprise.DEFAULT_SUPPRESS, NabSurprise.DEFAULT_RISE, m, q)));
            }
        }
        int noveltyGrid = runs.size();
        for (boolean after : new boolean[] {false, true}) {
            for (double warm : WARM_UP) {
                labels.add(String.format(Locale.ROOT, "novelty statistics %s, warm-up %.2f P",
                        after ? "after P" : "from the start", warm));
                runs.add(NabRunner.run(c, new NabSurprise(NabSurprise.DEFAULT_SHORT_WINDOW,
                        NabSurprise.DEFAULT_SUPPRESS, NabSurprise.DEFAULT_RISE, NabSurprise.DEFAULT_NOVELTY_LENGTH,
                        NabSurprise.DEFAULT_NOVELTY_PATTERNS, after, warm)));
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            System.out.println(labels.get(i) + "  all: " + scores(runs.get(i), c.profiles()));
        }
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        List<Integer> third = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            (i < likelihoodGrid ? first : i < noveltyGrid ? second : third).add(i);
        }
        loco(c, runs, labels, first, "shortWindow x suppress (novelty default)");
        loco(c, runs, labels, second, "novelty off / noveltyLength x noveltyPatterns");
        loco(c, runs, labels, third, "novelty statistics start x warm-up");
        List<NabScorer.Input> def = NabRunner.run(c, new NabSurprise());
        System.out.println("default corpus: " + scores(def, c.profiles()));
        for (String cat : c.categories()) {
            System.out.println("default " + cat + " (corpus threshold): " + perCategory(c, def, cat));
        }
    }

    /** Leave one category out: choose among the candidates on the other categories, apply to the held-out one. */
    private static void loco(NabCorpus c, List<List<NabScorer.Input>> runs, List<String> labels,
                             List<Integer> candidates, String what) {
        System.out.println("LOCO over " + what);
        List<NabScorer.Input> loco = new ArrayList<>(runs.get(candidates.get(0)));
        for (String held : c.categories()) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i : candidates) {
                double v = NabScorer.optimise(subset(c, runs.get(i), held, false), NabProfile.STANDARD).normalised();
                if (v > bestScore) {
                    bestScore = v;
                    best = i;
                }
            }
            for (int j = 0; j < c.series().size(); j++) {
                if (c.series().get(j).category().equals(held)) {
                    loco.set(j, runs.get(best).get(j));
                }
            }
            System.out.printf(Locale.ROOT, "  held out %s: chose %s (train standard %.1f)%n", held, labels.get(best),
                    bestScore);
        }
        System.out.println("  LOCO corpus: " + scores(loco, c.profiles()));
        for (String cat : c.categories()) {
            System.out.println("  LOCO " + cat + " (corpus threshold): " + perCategory(c, loco, cat));
        }
    }

    private static List<NabScorer.Input> subset(NabCorpus c, List<NabScorer.Input> in, String cat, boolean keep) {
        List<NabScorer.Input> out = new ArrayList<>();
        for (int j = 0; j < in.size(); j++) {
            if (c.series().get(j).category().equals(cat) == keep) {
                out.add(in.get(j));
            }
        }
        return out;
    }

    private static String scores(List<NabScorer.Input> in, List<NabProfile> profiles) {
        StringBuilder sb = new StringBuilder();
        for (NabProfile p : profiles) {
            NabScorer.Result r = NabScorer.optimise(in, p);
            sb.append(String.format(Locale.ROOT, "%s=%.1f ", p.name(), r.normalised()));
        }
        return sb.toString();
    }

    /** Each profile's corpus-optimised threshold applied to one category; normalised within the category. */
    private static String perCategory(NabCorpus c, List<NabScorer.Input> in, String cat) {
        StringBuilder sb = new StringBuilder();
        for (NabProfile p : c.profiles()) {
            double t = NabScorer.optimise(in, p).threshold();
            NabScorer.Result r = NabScorer.scoreAt(subset(c, in, cat, true), p, t);
            sb.append(String.format(Locale.ROOT, "%s=%.1f (raw %.2f, %d/%d windows, %d FP rows) ", p.name(),
                    r.normalised(), r.score(), r.windowsDetected(), r.windows(), r.falsePositives()));
        }
        return sb.toString();
    }
}
