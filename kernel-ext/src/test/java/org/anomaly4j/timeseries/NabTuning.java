package org.anomaly4j.timeseries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tuning and leave-one-category-out report for {@link NabSurprise} (a program, not a test; its numbers are in the
 * README). Grid: shortWindow ∈ {1, 3, 5, 10} × suppress ∈ {0, 0.25, 0.5, 1, 2} × rise ∈ {0, 0.05, 0.1, 0.2};
 * selection by the normalised
 * standard score. Run: java -cp kernel-ext/target/classes:kernel-ext/target/test-classes:DEPS
 * org.anomaly4j.timeseries.NabTuning $ANOMALY4J_DATA/nab
 */
final class NabTuning {

    private static final int[] SHORT = {1, 3, 5, 10};
    private static final double[] SUPPRESS = {0, 0.25, 0.5, 1, 2};
    private static final double[] RISE = {0, 0.05, 0.1, 0.2};

    public static void main(String[] args) {
        NabCorpus c = NabCorpus.read(Path.of(args[0]));
        List<String> cats = c.categories();
        int g = SHORT.length * SUPPRESS.length * RISE.length;
        List<List<NabScorer.Input>> runs = new ArrayList<>();
        for (int k : SHORT) {
            for (double s : SUPPRESS) {
                for (double r : RISE) {
                    runs.add(NabRunner.run(c, new NabSurprise(k, s, r)));
                }
            }
        }
        for (int i = 0; i < g; i++) {
            System.out.println(label(i) + "  all: " + scores(runs.get(i), c.profiles()));
        }
        List<Integer> all = new ArrayList<>();
        List<Integer> noRise = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            all.add(i);
            if (RISE[i % RISE.length] == 0) {
                noRise.add(i);
            }
        }
        loco(c, runs, noRise, "grid shortWindow x suppress (rise 0)");
        loco(c, runs, all, "grid shortWindow x suppress x rise");
        List<NabScorer.Input> def = NabRunner.run(c, new NabSurprise());
        System.out.println("default corpus: " + scores(def, c.profiles()));
        for (String cat : cats) {
            System.out.println("default " + cat + " (corpus threshold): " + perCategory(c, def, cat));
        }
    }

    /** Leave one category out: choose among the candidates on the other categories, apply to the held-out one. */
    private static void loco(NabCorpus c, List<List<NabScorer.Input>> runs, List<Integer> candidates, String what) {
        System.out.println("LOCO over " + what);
        List<NabScorer.Input> loco = new ArrayList<>(runs.get(0));
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
            System.out.printf(Locale.ROOT, "  held out %s: chose %s (train standard %.1f)%n", held, label(best),
                    bestScore);
        }
        System.out.println("  LOCO corpus: " + scores(loco, c.profiles()));
        for (String cat : c.categories()) {
            System.out.println("  LOCO " + cat + " (corpus threshold): " + perCategory(c, loco, cat));
        }
    }

    private static String label(int i) {
        int r = i % RISE.length;
        int s = (i / RISE.length) % SUPPRESS.length;
        int k = i / (RISE.length * SUPPRESS.length);
        return String.format(Locale.ROOT, "shortWindow=%d suppress=%.2f rise=%.2f", SHORT[k], SUPPRESS[s], RISE[r]);
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
