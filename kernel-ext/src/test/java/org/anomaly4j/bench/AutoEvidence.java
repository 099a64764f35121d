package org.anomaly4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.anomaly4j.detect.Detector;
import org.anomaly4j.eval.Metrics;

/**
 * The generated-data check behind {@code auto()}: the mean ROC-AUC of single detectors and of candidate
 * ensembles on eight kinds of anomaly, each at two dimensions (3 and 12), three seeds, and two feature scalings —
 * global (uniform in an expanded box), local (just outside one of several clusters of different spreads),
 * dependency (inside every marginal range but breaking a correlation), clustered (a small tight group away from
 * the data), sparse-feature (extreme in one of many features), skewed (log-normal features, heavy right tails,
 * anomalies extreme in the log of one or two features), discrete (integer and binary features with many ties
 * and duplicate rows, anomalies off in two features) and irrelevant (anomalies far out in two features, every
 * other feature pure noise). "Unscaled" multiplies feature j by 10^((j mod 5) − 2), i.e. units from 0.01 to
 * 100, as raw tables mix units; detectors that depend on distances feel it, rank- and affine-invariant ones do
 * not. A program, not a test:
 * <pre>
 * java -cp kernel-ext/target/test-classes:kernel-ext/target/classes:$(cat kernel-ext/target/test-classpath.txt) \
 *     org.anomaly4j.bench.AutoEvidence [SPEC ...]
 * </pre>
 */
public final class AutoEvidence {

    private AutoEvidence() {
    }

    record Data(double[][] x, boolean[] y) {
    }

    static Data generate(String kind, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1000;
        int a = 50;
        double[][] x = new double[n + a][d];
        boolean[] y = new boolean[n + a];
        switch (kind) {
            case "global" -> {
                for (int i = 0; i < n; i++) {
                    gauss(r, x[i], 0, 1);
                }
                for (int i = n; i < n + a; i++) {
                    for (int j = 0; j < d; j++) {
                        x[i][j] = -6 + 12 * r.nextDouble();
                    }
                }
            }
            case "local" -> {
                double[][] centres = {fill(d, -6), fill(d, 0), fill(d, 6)};
                double[] spread = {0.3, 1.0, 2.0};
                for (int i = 0; i < n; i++) {
                    int c = i % 3;
                    gauss(r, x[i], 0, spread[c]);
                    add(x[i], centres[c]);
                }
                for (int i = n; i < n + a; i++) {
                    // near the tight cluster, 4-6 of its standard deviations out: inside the others' scale
                    double[] dir = new double[d];
                    gauss(r, dir, 0, 1);
                    double norm = Math.sqrt(dot(dir, dir));
                    double radius = spread[0] * (4 + 2 * r.nextDouble());
                    for (int j = 0; j < d; j++) {
                        x[i][j] = centres[0][j] + dir[j] / norm * radius;
                    }
                }
            }
            case "dependency" -> {
                for (int i = 0; i < n + a; i++) {
                    double z = r.nextGaussian();
                    for (int j = 0; j < d; j++) {
                        // normal rows: every feature follows one factor; anomalies: features independent
                        x[i][j] = i < n ? z + 0.2 * r.nextGaussian() : r.nextGaussian() * Math.sqrt(1.04);
                    }
                }
            }
            case "clustered" -> {
                for (int i = 0; i < n; i++) {
                    gauss(r, x[i], 0, 1);
                }
                for (int i = n; i < n + a; i++) {
                    gauss(r, x[i], 0, 0.1);
                    add(x[i], fill(d, 2.5));
                }
            }
            case "sparse" -> {
                for (int i = 0; i < n + a; i++) {
                    gauss(r, x[i], 0, 1);
                    if (i >= n) {
                        x[i][r.nextInt(d)] += (r.nextBoolean() ? 1 : -1) * (4 + 2 * r.nextDouble());
                    }
                }
            }
            case "skewed" -> {
                for (int i = 0; i < n + a; i++) {
                    gauss(r, x[i], 0, 1);
                    if (i >= n) {
                        int shifted = 1 + r.nextInt(Math.min(2, d));
                        for (int s = 0; s < shifted; s++) {
                            x[i][r.nextInt(d)] += (r.nextBoolean() ? 1 : -1) * (3 + r.nextDouble());
                        }
                    }
                    for (int j = 0; j < d; j++) {
                        x[i][j] = Math.exp(x[i][j]);
                    }
                }
            }
            case "discrete" -> {
                for (int i = 0; i < n + a; i++) {
                    for (int j = 0; j < d; j++) {
                        // every third feature a rare flag, the others small counts: ties and duplicate rows
                        x[i][j] = j % 3 == 2 ? (r.nextDouble() < 0.1 ? 1 : 0) : Math.rint(2 + r.nextGaussian());
                    }
                    if (i >= n) {
                        for (int s = 0; s < 2; s++) {
                            int j = r.nextInt(d);
                            x[i][j] = j % 3 == 2 ? x[i][j] + 2 : x[i][j] + (r.nextBoolean() ? 1 : -1) * (4 + r.nextInt(3));
                        }
                    }
                }
            }
            case "irrelevant" -> {
                for (int i = 0; i < n + a; i++) {
                    gauss(r, x[i], 0, 1);
                    if (i >= n) {
                        double angle = 2 * Math.PI * r.nextDouble();
                        double radius = 4 + r.nextDouble();
                        x[i][0] = radius * Math.cos(angle);
                        x[i][Math.min(1, d - 1)] = radius * Math.sin(angle);
                    }
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
        for (int i = n; i < n + a; i++) {
            y[i] = true;
        }
        return new Data(x, y);
    }

    /** Feature j in units 10^((j mod 5) − 2): the same data as a raw table with mixed units would hold it. */
    static double[][] unscaled(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= Math.pow(10, j % 5 - 2);
            }
        }
        return out;
    }

    private static double[] fill(int d, double v) {
        double[] c = new double[d];
        java.util.Arrays.fill(c, v);
        return c;
    }

    private static void gauss(SplittableRandom r, double[] row, double mean, double sd) {
        for (int j = 0; j < row.length; j++) {
            row[j] = mean + sd * r.nextGaussian();
        }
    }

    private static void add(double[] row, double[] c) {
        for (int j = 0; j < row.length; j++) {
            row[j] += c[j];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    public static void main(String[] args) {
        List<String> specs = new ArrayList<>(List.of(args));
        if (specs.isEmpty()) {
            specs.addAll(List.of("isolation-forest", "elliptic-envelope", "knn", "ecod", "lof", "one-class-svm", "hbos",
                    "pca", "copod"));
        }
        String[] kinds = {"global", "local", "dependency", "clustered", "sparse", "skewed", "discrete", "irrelevant"};
        int[] dims = {3, 12};
        StringBuilder rows = new StringBuilder("| detector |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String k : kinds) {
            rows.append(' ').append(k).append(" |");
            rule.append("---|");
        }
        rows.append(" mean | scaled | unscaled |\n").append(rule).append("---|---|---|\n");
        for (String spec : specs) {
            double[] perKind = new double[kinds.length];
            double[] perScaling = new double[2];
            for (int k = 0; k < kinds.length; k++) {
                for (int scaling = 0; scaling < 2; scaling++) {
                    double s = 0;
                    int c = 0;
                    for (int d : dims) {
                        for (long seed = 1; seed <= 3; seed++) {
                            Data data = generate(kinds[k], d, seed * 100 + d);
                            double[][] x = scaling == 0 ? data.x() : unscaled(data.x());
                            Detector<?> det = AdbenchReport.parse(spec);
                            s += Metrics.rocAuc(data.y(), det.fit(x).trainingScores());
                            c++;
                        }
                    }
                    perKind[k] += s / c / 2;
                    perScaling[scaling] += s / c / kinds.length;
                }
            }
            double mean = java.util.Arrays.stream(perKind).average().orElse(Double.NaN);
            rows.append("| ").append(spec).append(" |");
            for (double v : perKind) {
                rows.append(String.format(Locale.ROOT, " %.3f |", v));
            }
            rows.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f |%n", mean, perScaling[0], perScaling[1]));
            System.err.printf(Locale.ROOT, "%-70s %.4f (scaled %.4f, unscaled %.4f)%n", spec, mean, perScaling[0],
                    perScaling[1]);
        }
        System.out.println(rows);
    }
}
