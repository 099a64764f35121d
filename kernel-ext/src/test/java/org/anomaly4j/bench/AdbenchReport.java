package org.anomaly4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.anomaly4j.detect.Detector;
import org.anomaly4j.detect.DetectorType;
import org.anomaly4j.detect.Detectors;
import org.anomaly4j.detect.Model;
import org.anomaly4j.eval.Metrics;
import org.anomaly4j.io.Csv;
import org.anomaly4j.io.CsvOptions;
import tech.tablesaw.api.Table;

/**
 * ROC-AUC and average precision of detectors on the ten ADBench tables, next to scikit-learn's (golden
 * adbench/sklearn.csv): the README's detector table and the evidence for {@code auto()}. A program, not a test:
 * <pre>
 * java -cp kernel-ext/target/test-classes:kernel-ext/target/classes:$(cat kernel-ext/target/test-classpath.txt) \
 *     org.anomaly4j.bench.AdbenchReport [SPEC ...]      # SPEC: auto, name or name:key=value,... ; none = every registered detector
 * </pre>
 * Every detector runs with its defaults on the raw features (like the scikit-learn side), seed 0 where it has one.
 */
public final class AdbenchReport {

    private AdbenchReport() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getenv().getOrDefault("ANOMALY4J_DATA", "../shared/data")).resolve("adbench");
        List<Path> tables;
        try (var s = Files.list(root)) {
            tables = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        List<String> specs = new ArrayList<>(List.of(args));
        if (specs.isEmpty()) {
            for (DetectorType<?, ?> t : Detectors.types()) {
                specs.add(t.name());
            }
        }
        Map<String, Map<String, double[]>> sk = sklearn();
        Map<String, double[]> sums = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder("| dataset | detector | ROC-AUC | AP | scikit-learn ROC-AUC | scikit-learn AP | s |\n|---|---|---|---|---|---|---|\n");
        for (Path f : tables) {
            Table t = Csv.read(f, CsvOptions.defaults());
            List<String> features = new ArrayList<>();
            String label = null;
            for (String c : t.columnNames()) {
                if (c.startsWith("x")) {
                    features.add(c);
                } else {
                    label = c;
                }
            }
            double[][] x = org.anomaly4j.features.Matrices.toArray(t, features.toArray(String[]::new));
            boolean[] y = org.anomaly4j.eval.EvalInputs.labels(t, label);
            String name = f.getFileName().toString().replace(".csv", "");
            for (String spec : specs) {
                long start = System.nanoTime();
                double auc;
                double ap;
                try {
                    Detector<?> d = parse(spec);
                    Model m = d.fit(x, features);
                    double[] s = m.trainingScores();
                    auc = Metrics.rocAuc(y, s);
                    ap = Metrics.averagePrecision(y, s);
                } catch (RuntimeException e) {
                    System.err.println(name + " " + spec + ": " + e.getMessage());
                    auc = Double.NaN;
                    ap = Double.NaN;
                }
                double secs = (System.nanoTime() - start) / 1e9;
                double[] ref = sk.getOrDefault(name, Map.of()).get(spec);
                md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s | %s | %.1f |%n", name, spec, auc, ap,
                        ref == null ? "" : String.format(Locale.ROOT, "%.3f", ref[0]),
                        ref == null ? "" : String.format(Locale.ROOT, "%.3f", ref[1]), secs));
                double[] acc = sums.computeIfAbsent(spec, k -> new double[3]);
                acc[0] += auc;
                acc[1] += ap;
                acc[2]++;
                System.err.printf(Locale.ROOT, "%-16s %-40s auc %.4f ap %.4f %.1f s%n", name, spec, auc, ap, secs);
            }
        }
        StringBuilder means = new StringBuilder("| detector | mean ROC-AUC | mean AP | scikit-learn mean ROC-AUC | scikit-learn mean AP |\n|---|---|---|---|---|\n");
        for (var e : sums.entrySet()) {
            double[] r = skMean(sk, e.getKey());
            means.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s | %s |%n", e.getKey(), e.getValue()[0] / e.getValue()[2],
                    e.getValue()[1] / e.getValue()[2], r == null ? "" : String.format(Locale.ROOT, "%.3f", r[0]),
                    r == null ? "" : String.format(Locale.ROOT, "%.3f", r[1])));
        }
        System.out.println(means);
        System.out.println(md);
    }

    /** A detector from a spec: "auto" ({@code Ensemble.auto()}), a name, or name:key=value,key=value. */
    static Detector<?> parse(String spec) {
        if (spec.equals("auto")) {
            return org.anomaly4j.detect.Ensemble.auto();
        }
        int colon = spec.indexOf(':');
        Map<String, String> settings = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String kv : spec.substring(colon + 1).split(",")) {
                int eq = kv.indexOf('=');
                settings.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return Detectors.create(colon < 0 ? spec : spec.substring(0, colon), settings);
    }

    /** dataset → detector → {auc, ap} from golden/adbench/sklearn.csv. */
    static Map<String, Map<String, double[]>> sklearn() throws IOException {
        Map<String, Map<String, double[]>> out = new TreeMap<>();
        try (InputStream in = AdbenchReport.class.getResourceAsStream("/golden/adbench/sklearn.csv")) {
            if (in == null) {
                return out;
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] p = lines[i].trim().split(",");
                if (p.length == 4) {
                    out.computeIfAbsent(p[0], k -> new LinkedHashMap<>()).put(p[1],
                            new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3])});
                }
            }
        }
        return out;
    }

    private static double[] skMean(Map<String, Map<String, double[]>> sk, String detector) {
        double a = 0;
        double p = 0;
        int n = 0;
        for (Map<String, double[]> m : sk.values()) {
            double[] r = m.get(detector);
            if (r != null) {
                a += r[0];
                p += r[1];
                n++;
            }
        }
        return n == 0 ? null : new double[] {a / n, p / n};
    }
}
