package org.anomaly4j.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.anomaly4j.TestData;
import org.junit.jupiter.api.Test;

/**
 * Parity with NAB's own scorer and its published results (goldens by gen_nab.py, see golden/nab/README.md).
 * Windows come from the shared data folder; the goldens hold only detections and expected numbers.
 */
class NabScorerGoldenTest {

    private static final NabCorpus CORPUS = NabCorpus.read(TestData.root().resolve("nab"));

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = NabScorerGoldenTest.class.getResourceAsStream("/golden/nab/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Map<String, NabCorpus.Series> byPath() {
        Map<String, NabCorpus.Series> m = new HashMap<>();
        for (NabCorpus.Series s : CORPUS.series()) {
            m.put(s.path(), s);
        }
        return m;
    }

    private static NabProfile profile(String name) {
        return CORPUS.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Each published detector's detections (rows with score ≥ NAB's published threshold) on each bundled
     * series give NAB's published per-file score. NAB prints 12 significant digits; sums differ in order only:
     * tolerance 1e-9.
     */
    @Test
    void perFileScoresEqualNabsPublishedScores() throws IOException {
        Map<String, NabCorpus.Series> series = byPath();
        int checked = 0;
        for (JsonNode det : golden("published.json").get("detectors")) {
            for (JsonNode prof : det.get("profiles")) {
                NabProfile p = profile(prof.get("profile").asText());
                for (JsonNode s : prof.get("series")) {
                    NabCorpus.Series ser = series.get(s.get("path").asText());
                    assertEquals(s.get("rows").asInt(), ser.length());
                    double[] scores = new double[ser.length()];
                    for (JsonNode i : s.get("detections")) {
                        scores[i.asInt()] = 1.0;
                    }
                    double score = NabScorer.scoreAt(List.of(NabScorer.Input.of(ser, scores)), p, 0.5).score();
                    assertEquals(s.get("score").asDouble(), score, 1e-9,
                            det.get("detector").asText() + " " + p.name() + " " + ser.path());
                    checked++;
                }
            }
        }
        assertEquals(4 * 3 * 18, checked);
    }

    /**
     * NAB's sweeper on the 18 series with sparse numenta scores: same optimised threshold (exact: it is one of
     * the scores), raw score, null baseline and normalised score (1e-9: summation order).
     */
    @Test
    void optimisedThresholdAndNormalisationEqualNabs() throws IOException {
        JsonNode g = golden("optimised.json");
        Map<String, NabCorpus.Series> series = byPath();
        List<NabScorer.Input> inputs = new ArrayList<>();
        for (JsonNode s : g.get("series")) {
            NabCorpus.Series ser = series.get(s.get("path").asText());
            double[] scores = new double[ser.length()];
            for (int k = 0; k < s.get("index").size(); k++) {
                scores[s.get("index").get(k).asInt()] = s.get("score").get(k).asDouble();
            }
            inputs.add(NabScorer.Input.of(ser, scores));
        }
        assertEquals(18, inputs.size());
        for (JsonNode e : g.get("expected")) {
            NabScorer.Result r = NabScorer.optimise(inputs, profile(e.get("profile").asText()));
            String what = e.get("profile").asText();
            assertEquals(e.get("threshold").asDouble(), r.threshold(), 0.0, what);
            assertEquals(e.get("score").asDouble(), r.score(), 1e-9, what);
            assertEquals(e.get("null").asDouble(), r.nullScore(), 1e-9, what);
            assertEquals(e.get("normalised").asDouble(), r.normalised(), 1e-9, what);
        }
    }

    /** A detector that flags exactly the first scored row of every window scores 100 on the bundled corpus. */
    @Test
    void perfectDetectorOnTheBundledCorpusScoresHundred() {
        List<NabScorer.Input> inputs = new ArrayList<>();
        for (NabCorpus.Series s : CORPUS.series()) {
            double[] scores = new double[s.length()];
            int probation = NabScorer.probationaryLength(s.length());
            for (int[] w : s.windows()) {
                scores[Math.max(w[0], probation)] = 1.0;
            }
            inputs.add(NabScorer.Input.of(s, scores));
        }
        for (NabProfile p : CORPUS.profiles()) {
            assertEquals(100.0, NabScorer.optimise(inputs, p).normalised(), 1e-9, p.name());
        }
    }
}
