package org.anomaly4j.detect;

import org.anomaly4j.detect.density.Loda.Fitted;
import org.anomaly4j.io.StateReader;
import org.anomaly4j.io.StateWriter;

/**
 * LODA, lightweight on-line detector of anomalies: {@code cuts} sparse random projections (⌊√d⌋ non-zero
 * N(0, 1) components each), one equal-width histogram of the projected training data per projection, and the
 * score
 * <pre>  f(x) = (1/k) Σ_i −log p_i(bin of w_iᵀx)</pre>
 * with p the bin's share of the training rows (each count + 1e-12, so an empty bin is finite; a value outside
 * the training range takes the edge bin) — rows whose projections land in rarely filled bins score high.
 * Catches global outliers and outliers in combinations of a few features; cheap in time and memory. No natural
 * threshold: the default rule flags the top 10 % (PyOD's contamination 0.1).
 * <p>Parameters (PyOD's {@code LODA(n_bins=10, n_random_cuts=100)}): {@code bins} = 10, or "auto" for the
 * Birgé–Rozenholc choice per cut ({@code n_bins}); {@code cuts} = 100 ({@code n_random_cuts}); {@code seed} = 0
 * ({@code random_state}; our generator, not numpy's); {@code pyodExact} = false. PyOD 3.x looks values up one bin
 * too high and divides by k twice; {@code pyodExact = true} reproduces its {@code decision_scores_} exactly, the
 * default uses the bin that counted the value, as the paper (mean ADBench ROC-AUC 0.80 against 0.67). See the
 * core {@link org.anomaly4j.detect.density.Loda} for the details and the golden parity.
 * <p>Fit O(k·n·(√d + log b)), scoring O(k·(√d + log b)) per row, state O(k·(d + b)).
 * <p>Reference: T. Pevný (2016), "Loda: Lightweight on-line detector of anomalies", Machine Learning 102(2),
 * 275–304.
 */
public final class Loda extends AbstractDetector<Loda, CoreModel<Fitted>> {

    public static final String NAME = "loda";

    /** Bins per histogram, in PyOD's two forms ({@code n_bins}): a count, or "auto" (Birgé–Rozenholc per cut). */
    public sealed interface Bins {

        /** Each cut chooses its own count (PyOD's {@code get_optimal_n_bins}, Birgé &amp; Rozenholc 2006). */
        record Auto() implements Bins {
            @Override
            public String toString() {
                return "auto";
            }
        }

        /** The same count ≥ 2 for every cut. */
        record Count(int bins) implements Bins {
            public Count {
                if (bins < 2 || bins > MAX_BINS) {
                    throw new IllegalArgumentException("bins must be an integer in [2, " + MAX_BINS
                            + "] or \"auto\", got " + bins);
                }
            }

            @Override
            public String toString() {
                return Integer.toString(bins);
            }
        }

        static Bins auto() {
            return new Auto();
        }

        static Bins count(int bins) {
            return new Count(bins);
        }

        /** Text form: "auto" or an integer. */
        static Bins parse(String text) {
            String s = text.trim();
            return s.equals("auto") ? auto() : count(Integer.parseInt(s));
        }

        /** The core's encoding: the count, or {@link org.anomaly4j.detect.density.Loda#AUTO}. */
        private int core() {
            return this instanceof Count c ? c.bins() : org.anomaly4j.detect.density.Loda.AUTO;
        }
    }

    static final int MAX_BINS = 100_000;

    public static final Param<Bins> BINS = Param.of("bins", "integer|auto", Bins.count(10),
            "an integer in [2, " + MAX_BINS + "] or \"auto\"", "histogram bins per cut (n_bins)", Bins::parse,
            v -> switch (v) {
                case String s when s.equals("auto") -> Bins.auto();
                case Long l when l >= 2 && l <= MAX_BINS -> Bins.count(l.intValue());
                default -> null;
            },
            v -> switch (v) {
                case Bins.Auto a -> "auto";
                case Bins.Count c -> c.bins();
            });
    public static final Param<Integer> CUTS = Param.integer("cuts", 100, 1, 100_000,
            "random projections, one histogram each (n_random_cuts)");
    public static final Param<Long> SEED = Param.seed("seed", 0L, "random seed of the projections (random_state)");
    public static final Param<Boolean> PYOD_EXACT = Param.flag("pyodExact", false,
            "PyOD 3.x's scores exactly: its bin lookup (one bin too high) and its extra 1/cuts factor");

    public static final DetectorType<Loda, CoreModel<Fitted>> TYPE = DetectorType.of(NAME,
            "LODA (Pevny 2016): mean -log bin probability over sparse random projections' histograms (PyOD LODA)",
            Loda::new, CoreModel.type(), new Codec(), BINS, CUTS, SEED, PYOD_EXACT);

    private Loda(Options options) {
        super(TYPE, options);
    }

    /** PyOD's defaults: 10 bins, 100 cuts; seed 0; threshold at contamination 0.1. */
    public static Loda with() {
        return TYPE.defaults();
    }

    /** Bins per histogram, ≥ 2 ({@code n_bins}). */
    public Loda bins(int bins) {
        return set(BINS, Bins.count(bins));
    }

    /** {@code "auto"} (Birgé–Rozenholc per cut) or an integer, as on the command line. */
    public Loda bins(String bins) {
        return set(BINS, BINS.parse(bins));
    }

    /** Random projections k ≥ 1 ({@code n_random_cuts}). */
    public Loda cuts(int cuts) {
        return set(CUTS, cuts);
    }

    public Loda seed(long seed) {
        return set(SEED, seed);
    }

    /** true: PyOD 3.x's {@code decision_scores_} exactly (its bin lookup and scale); false: the paper's lookup. */
    public Loda pyodExact(boolean exact) {
        return set(PYOD_EXACT, exact);
    }

    @Override
    protected CoreModel<Fitted> fitChecked(double[][] x, ModelInfo info) {
        Fitted f = new org.anomaly4j.detect.density.Loda(get(BINS).core(), get(CUTS), get(SEED), get(PYOD_EXACT)).fit(x);
        return model(info, TrainingScores.fitted(info, f.trainingScores(), Double.NaN), f);
    }

    private static CoreModel<Fitted> model(ModelInfo info, TrainingScores scores, Fitted f) {
        return new CoreModel<>(info, scores, f, Fitted::score, null, Loda::describe);
    }

    /** "100 cuts × 10 bins", or with automatic bins their range over the cuts. */
    private static String describe(Fitted f) {
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (int b : f.bins()) {
            lo = Math.min(lo, b);
            hi = Math.max(hi, b);
        }
        return f.cuts() + " cuts × " + (lo == hi ? lo : lo + "–" + hi) + " bins";
    }

    private static final class Codec implements ModelCodec<CoreModel<Fitted>> {
        @Override
        public void write(CoreModel<Fitted> m, StateWriter out) {
            out.put("projections", m.core().projections()).put("edges", m.core().edges())
                    .put("probability", m.core().probability());
        }

        @Override
        public CoreModel<Fitted> read(ModelInfo info, TrainingScores scores, StateReader in) {
            int d = info.features().size();
            int k = info.options().get(CUTS);
            // a fixed count fixes every row's length; automatic counts differ per cut (the core checks they match)
            int bins = info.options().get(BINS) instanceof Bins.Count c ? c.bins() : -1;
            Fitted f = new Fitted(in.matrix("projections", k, d), in.matrix("edges", k, bins < 0 ? -1 : bins + 1),
                    in.matrix("probability", k, bins), info.options().get(PYOD_EXACT), scores.values());
            return model(info, scores, f);
        }
    }
}
