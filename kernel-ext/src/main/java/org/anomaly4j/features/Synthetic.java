package org.anomaly4j.features;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Seeded synthetic data with known anomalies, for examples, guides and tests: Gaussian blobs with injected
 * outliers, and a seasonal time series with injected spikes, level shifts and noise bursts. Every table has an
 * int column {@code label}: 1 at injected anomalies, 0 elsewhere.
 * <p><b>Determinism.</b> All draws come from one {@code new java.util.SplittableRandom(seed)} in a fixed order
 * (documented per generator); normal deviates are drawn by the Box–Muller transform from
 * {@link SplittableRandom#nextDouble()}, so the same seed gives the same table on every JVM and platform
 * (SplittableRandom's algorithm is specified by its Javadoc; sines, cosines and logarithms use
 * {@link StrictMath}, whose results are fixed, not {@link Math}, which may differ by an ulp between JVMs).
 * <p><b>Blobs</b> ({@link #blobs(int, int, int, long)}, {@link Blobs}), like scikit-learn's
 * {@code make_blobs} plus PyOD's {@code generate_data}-style outliers:
 * <ol>
 *   <li>{@code centres} centres uniform in [−10, 10]^d ({@code make_blobs}' default {@code center_box});</li>
 *   <li>{@code normal} rows, row i around centre i mod centres: centre + spread·N(0, I) ({@code cluster_std});</li>
 *   <li>{@code anomalies} rows: {@link Injection#UNIFORM_BOX} uniform in the bounding box of the normal rows
 *   widened by a quarter of its width on each side (some fall inside clusters, as in real data), or
 *   {@link Injection#FAR_POINTS} at a random centre + r·u with u a uniform random direction and
 *   r = spread·(√d + 3 + 3·U(0, 1)): beyond the radius spread·√d around which normal rows concentrate;</li>
 *   <li>rows shuffled (Fisher–Yates), so anomalies are spread through the table.</li>
 * </ol>
 * Columns {@code x0 … x(d−1)} (double) and {@code label}. Cost O((normal + anomalies)·d).
 * <p><b>Time series</b> ({@link #timeSeries(int, long)}, {@link Series}): {@code timestamp} from 2024-01-01T00:00
 * at a fixed {@code step} (default 1 hour), {@code value} = 10 + amplitude·sin(2π·t/period) + noise·N(0, 1),
 * then the injections, placed without overlapping (one free row between events):
 * <ul>
 *   <li>spike: one row, ± (amplitude + (4 + 4·U)·noise) — outside the seasonal range;</li>
 *   <li>level shift: {@code period} rows shifted by ± (4 + 2·U)·noise;</li>
 *   <li>noise burst: max(2, period / 2) rows with extra noise 4·noise·N(0, 1) (standard deviation about 4×).</li>
 * </ul>
 * Columns {@code timestamp}, {@code value}, {@code label} and {@code kind} ("spike", "level shift",
 * "noise burst", or "" for normal rows). Defaults: period 24, amplitude 3, noise 0.5, max(1, length/200) spikes,
 * and from 200 rows on max(1, length/1000) level shifts and noise bursts. Cost O(length).
 */
public final class Synthetic {

    /** Where {@link Blobs} puts the anomalies. */
    public enum Injection {
        /** Uniform in the normal rows' bounding box widened by 25 % of its width on each side. */
        UNIFORM_BOX,
        /** Far from a random centre, at 3 to 6 spreads beyond the typical radius spread·√d. */
        FAR_POINTS
    }

    /** The start of every synthetic time series. */
    public static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

    private Synthetic() {
    }

    /**
     * {@code normal} rows in {@code dimensions} dimensions around 3 centres (spread 1) and {@code anomalies}
     * uniform in the widened bounding box; e.g. {@code blobs(10_000, 10, 500, 42)}.
     */
    public static Table blobs(int normal, int dimensions, int anomalies, long seed) {
        return Blobs.of(normal, dimensions, anomalies, seed).table();
    }

    /** A seasonal series of {@code length} hourly rows with the default injections. */
    public static Table timeSeries(int length, long seed) {
        return Series.of(length, seed).table();
    }

    /**
     * Options of the blob generator (see the class notes); build with {@link #of} and the {@code with…}
     * methods, then call {@link #table()}.
     *
     * @param normal     normal rows, ≥ 1
     * @param dimensions features, ≥ 1
     * @param anomalies  injected anomalies, ≥ 0
     * @param centres    cluster centres, in [1, normal] (default 3)
     * @param spread     standard deviation around each centre, &gt; 0 (default 1.0, {@code cluster_std})
     * @param injection  where anomalies go (default {@link Injection#UNIFORM_BOX})
     * @param seed       the seed of every draw
     */
    public record Blobs(int normal, int dimensions, int anomalies, int centres, double spread, Injection injection,
                        long seed) {

        public Blobs {
            if (normal < 1 || dimensions < 1 || anomalies < 0) {
                throw new IllegalArgumentException("blobs need normal >= 1, dimensions >= 1 and anomalies >= 0, got "
                        + normal + ", " + dimensions + ", " + anomalies);
            }
            if (centres < 1 || centres > normal) {
                throw new IllegalArgumentException("centres must be in [1, normal = " + normal + "], got " + centres);
            }
            if (!(spread > 0 && spread < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("spread must be finite and > 0, got " + spread);
            }
            if (injection == null) {
                throw new IllegalArgumentException("injection must be UNIFORM_BOX or FAR_POINTS, got null");
            }
        }

        /** Defaults: 3 centres, spread 1, uniform-box anomalies. */
        public static Blobs of(int normal, int dimensions, int anomalies, long seed) {
            return new Blobs(normal, dimensions, anomalies, Math.min(3, Math.max(1, normal)), 1.0,
                    Injection.UNIFORM_BOX, seed);
        }

        public Blobs withCentres(int k) {
            return new Blobs(normal, dimensions, anomalies, k, spread, injection, seed);
        }

        public Blobs withSpread(double s) {
            return new Blobs(normal, dimensions, anomalies, centres, s, injection, seed);
        }

        public Blobs withInjection(Injection i) {
            return new Blobs(normal, dimensions, anomalies, centres, spread, i, seed);
        }

        /**
         * The table. Draw order: centres (row-major), normal rows (row-major), anomalies (row-major; for
         * FAR_POINTS per row the centre, d direction deviates, then U), then the shuffle.
         */
        public Table table() {
            SplittableRandom rng = new SplittableRandom(seed);
            int d = dimensions;
            int n = normal + anomalies;
            double[][] centre = new double[centres][d];
            for (double[] c : centre) {
                for (int j = 0; j < d; j++) {
                    c[j] = -10 + 20 * rng.nextDouble();
                }
            }
            double[][] x = new double[n][d];
            int[] label = new int[n];
            for (int i = 0; i < normal; i++) {
                double[] c = centre[i % centres];
                for (int j = 0; j < d; j++) {
                    x[i][j] = c[j] + spread * gaussian(rng);
                }
            }
            if (injection == Injection.UNIFORM_BOX) {
                double[] lo = new double[d];
                double[] hi = new double[d];
                Arrays.fill(lo, Double.POSITIVE_INFINITY);
                Arrays.fill(hi, Double.NEGATIVE_INFINITY);
                for (int i = 0; i < normal; i++) {
                    for (int j = 0; j < d; j++) {
                        lo[j] = Math.min(lo[j], x[i][j]);
                        hi[j] = Math.max(hi[j], x[i][j]);
                    }
                }
                for (int i = normal; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        double margin = 0.25 * (hi[j] - lo[j]);
                        x[i][j] = lo[j] - margin + (hi[j] - lo[j] + 2 * margin) * rng.nextDouble();
                    }
                    label[i] = 1;
                }
            } else {
                double[] u = new double[d];
                for (int i = normal; i < n; i++) {
                    double[] c = centre[rng.nextInt(centres)];
                    double norm = 0;
                    while (norm == 0) { // a zero vector has no direction; draw again (probability ~0)
                        for (int j = 0; j < d; j++) {
                            u[j] = gaussian(rng);
                            norm += u[j] * u[j];
                        }
                    }
                    norm = Math.sqrt(norm);
                    double r = spread * (Math.sqrt(d) + 3 + 3 * rng.nextDouble());
                    for (int j = 0; j < d; j++) {
                        x[i][j] = c[j] + r * u[j] / norm;
                    }
                    label[i] = 1;
                }
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                double[] tx = x[i];
                x[i] = x[k];
                x[k] = tx;
                int tl = label[i];
                label[i] = label[k];
                label[k] = tl;
            }
            Table t = Table.create("blobs");
            for (int j = 0; j < d; j++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = x[i][j];
                }
                t.addColumns(DoubleColumn.create("x" + j, col));
            }
            return t.addColumns(IntColumn.create("label", label));
        }
    }

    /**
     * Options of the time-series generator (see the class notes); build with {@link #of} and the {@code with…}
     * methods, then call {@link #table()}.
     *
     * @param length      rows, ≥ 2
     * @param step        time between rows, &gt; 0 (default 1 hour)
     * @param period      rows per season, ≥ 2 (default 24)
     * @param amplitude   seasonal amplitude, ≥ 0 (default 3)
     * @param noise       noise standard deviation, &gt; 0 (default 0.5)
     * @param spikes      single-row spikes, ≥ 0
     * @param levelShifts level shifts of {@code period} rows, ≥ 0
     * @param bursts      noise bursts of max(2, period/2) rows, ≥ 0
     * @param seed        the seed of every draw
     */
    public record Series(int length, Duration step, int period, double amplitude, double noise, int spikes,
                         int levelShifts, int bursts, long seed) {

        public Series {
            if (length < 2 || period < 2) {
                throw new IllegalArgumentException("a series needs length >= 2 and period >= 2, got length " + length
                        + ", period " + period);
            }
            if (step == null || step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("step must be a positive duration, got " + step);
            }
            if (!(amplitude >= 0 && amplitude < Double.POSITIVE_INFINITY)
                    || !(noise > 0 && noise < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("amplitude must be finite and >= 0 and noise finite and > 0, got "
                        + amplitude + " and " + noise);
            }
            if (spikes < 0 || levelShifts < 0 || bursts < 0) {
                throw new IllegalArgumentException("spikes, levelShifts and bursts must be >= 0, got " + spikes + ", "
                        + levelShifts + ", " + bursts);
            }
            long busy = spikes * 2L + levelShifts * (period + 1L) + bursts * (burstLength(period) + 1L);
            if (busy > length / 2) {
                throw new IllegalArgumentException("the injections need " + busy + " rows but a series of " + length
                        + " rows can hold at most " + length / 2 + "; inject fewer events or make the series longer");
            }
        }

        /**
         * Defaults: hourly, period 24, amplitude 3, noise 0.5, max(1, length/200) spikes, and from 200 rows on
         * max(1, length/1000) level shifts and noise bursts (shorter series get spikes only).
         */
        public static Series of(int length, long seed) {
            int segments = length >= 200 ? Math.max(1, length / 1000) : 0;
            int spikes = length >= 4 ? Math.max(1, length / 200) : 0;
            return new Series(length, Duration.ofHours(1), 24, 3.0, 0.5, spikes, segments,
                    segments, seed);
        }

        public Series withStep(Duration s) {
            return new Series(length, s, period, amplitude, noise, spikes, levelShifts, bursts, seed);
        }

        public Series withSeason(int rows, double amp) {
            return new Series(length, step, rows, amp, noise, spikes, levelShifts, bursts, seed);
        }

        public Series withNoise(double sd) {
            return new Series(length, step, period, amplitude, sd, spikes, levelShifts, bursts, seed);
        }

        public Series withInjections(int spikeCount, int shiftCount, int burstCount) {
            return new Series(length, step, period, amplitude, noise, spikeCount, shiftCount, burstCount, seed);
        }

        /**
         * The table. Draw order: the noise of every row, then per event (level shifts, then bursts, then spikes:
         * long events first, so short ones cannot fragment the free rows) its start (drawn again while it overlaps
         * an earlier event), its sign and size, and for bursts the extra
         * noise of each row.
         */
        public Table table() {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] value = new double[length];
            for (int t = 0; t < length; t++) {
                value[t] = 10 + amplitude * StrictMath.sin(2 * Math.PI * t / period) + noise * gaussian(rng);
            }
            int[] label = new int[length];
            String[] kind = new String[length];
            Arrays.fill(kind, "");
            boolean[] busy = new boolean[length];
            for (int e = 0; e < levelShifts; e++) {
                int at = place(rng, busy, period);
                double shift = sign(rng) * (4 + 2 * rng.nextDouble()) * noise;
                for (int t = at; t < at + period; t++) {
                    value[t] += shift;
                }
                mark(label, kind, at, period, "level shift");
            }
            int burst = burstLength(period);
            for (int e = 0; e < bursts; e++) {
                int at = place(rng, busy, burst);
                for (int t = at; t < at + burst; t++) {
                    value[t] += 4 * noise * gaussian(rng);
                }
                mark(label, kind, at, burst, "noise burst");
            }
            for (int e = 0; e < spikes; e++) {
                int at = place(rng, busy, 1);
                value[at] += sign(rng) * (amplitude + (4 + 4 * rng.nextDouble()) * noise);
                mark(label, kind, at, 1, "spike");
            }
            DateTimeColumn time = DateTimeColumn.create("timestamp");
            for (int t = 0; t < length; t++) {
                time.append(START.plus(step.multipliedBy(t)));
            }
            return Table.create("series", time, DoubleColumn.create("value", value), IntColumn.create("label", label),
                    StringColumn.create("kind", kind));
        }

        /**
         * A random start for {@code len} rows not touching an earlier event (one free row on each side): up to
         * 1000 random draws (the constructor keeps events within half the series, so one is usually found at
         * once), then the first free start after a last random one, wrapping around.
         */
        private int place(SplittableRandom rng, boolean[] busy, int len) {
            int starts = length - len + 1;
            for (int attempt = 0; attempt < 1000; attempt++) {
                int at = rng.nextInt(starts);
                if (free(busy, at, len)) {
                    return take(busy, at, len);
                }
            }
            int from = rng.nextInt(starts);
            for (int k = 0; k < starts; k++) {
                int at = (from + k) % starts;
                if (free(busy, at, len)) {
                    return take(busy, at, len);
                }
            }
            throw new IllegalArgumentException("no room left for an event of " + len + " rows in a series of " + length
                    + " rows; inject fewer events or make the series longer");
        }

        private boolean free(boolean[] busy, int at, int len) {
            for (int t = Math.max(0, at - 1); t < Math.min(length, at + len + 1); t++) {
                if (busy[t]) {
                    return false;
                }
            }
            return true;
        }

        private static int take(boolean[] busy, int at, int len) {
            for (int t = at; t < at + len; t++) {
                busy[t] = true;
            }
            return at;
        }

        private static void mark(int[] label, String[] kind, int at, int len, String name) {
            for (int t = at; t < at + len; t++) {
                label[t] = 1;
                kind[t] = name;
            }
        }

        private static int burstLength(int period) {
            return Math.max(2, period / 2);
        }
    }

    private static double sign(SplittableRandom rng) {
        return rng.nextBoolean() ? 1 : -1;
    }

    /**
     * A standard normal deviate by the Box–Muller transform, √(−2 ln u₁)·cos(2π u₂), from two uniforms (u₁ in
     * (0, 1] so the log is finite). G. E. P. Box, M. E. Muller (1958), "A note on the generation of random normal
     * deviates", Annals of Mathematical Statistics 29(2), pp. 610–611.
     */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
