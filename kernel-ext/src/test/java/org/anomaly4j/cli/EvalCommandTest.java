package org.anomaly4j.cli;

import static org.anomaly4j.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anomaly4j.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code anomaly4j eval}: JSON equal to scikit-learn's numbers, thresholds, exit codes and one-line errors. */
class EvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void creditCardAmountMatchesScikitLearnAtTheMaxF1Threshold() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/eval/creditcard.json")) {
            golden = JSON.readTree(in);
        }
        JsonNode amount = null;
        for (JsonNode s : golden.get("scores")) {
            if (s.get("name").asText().equals("Amount")) {
                amount = s;
            }
        }
        CliRun r = run("eval", "--labels", "Class", "--scores", "Amount", TestData.file("creditcard").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        // same computation as EvalGoldenTest, tolerance and reason in EvalGolden.TOL
        assertEquals(amount.get("roc_auc").asDouble(), j.get("roc_auc").asDouble(), 1e-12);
        assertEquals(amount.get("average_precision").asDouble(), j.get("average_precision").asDouble(), 1e-12);
        assertEquals(amount.get("pr_auc").asDouble(), j.get("pr_auc").asDouble(), 1e-12);
        JsonNode maxF1 = amount.get("choices").get("max_f1");
        assertEquals(maxF1.get("threshold").asDouble(), j.get("threshold").asDouble(), 0.0);
        assertEquals(maxF1.get("value").asDouble(), j.get("f1").asDouble(), 1e-12);
        JsonNode c = j.get("confusion");
        assertEquals(5412, c.get("tn").asLong() + c.get("fp").asLong() + c.get("fn").asLong() + c.get("tp").asLong());
        assertEquals(1, r.out().strip().lines().count(), "one JSON line");
    }

    @Test
    void givenThresholdAndSeparator(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("scores.csv");
        Files.writeString(csv, "id;truth;score\n1;1;0.9\n2;0;0.8\n3;1;0.4\n4;0;0.4\n5;0;0.1\n");
        CliRun r = run("eval", "--labels", "truth", "--scores", "score", "--sep", ";", "--threshold", "0.4",
                csv.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        // score >= 0.4 flags rows 1-4: tp = rows 1, 3; fp = rows 2, 4; tn = row 5
        JsonNode c = j.get("confusion");
        assertEquals(1, c.get("tn").asInt());
        assertEquals(2, c.get("fp").asInt());
        assertEquals(0, c.get("fn").asInt());
        assertEquals(2, c.get("tp").asInt());
        assertEquals(0.5, j.get("precision").asDouble(), 0.0);
        assertEquals(1.0, j.get("recall").asDouble(), 0.0);
        assertEquals(0.4, j.get("threshold").asDouble(), 0.0);
        // pairs (anomaly, normal): 0.9 beats all 3; 0.4 beats 0.1, ties 0.4 (½), loses to 0.8 → (3 + 1.5) / 6
        assertEquals(0.75, j.get("roc_auc").asDouble(), 1e-15);
    }

    @Test
    void errorsAreOneLineWithStatusOneForDataAndTwoForUsage(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "truth,score,one\n2,0.5,1\n0,0.1,1\n1,0.3,1\n");
        CliRun badLabel = run("eval", "--labels", "truth", "--scores", "score", csv.toString());
        assertEquals(1, badLabel.status());
        assertTrue(badLabel.err().contains("got 2.0 at row 0"), badLabel.err());
        assertEquals(1, badLabel.err().strip().lines().count());

        CliRun missing = run("eval", "--labels", "nope", "--scores", "score", csv.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("\"nope\""), missing.err());

        CliRun oneClass = run("eval", "--labels", "one", "--scores", "score", csv.toString());
        assertEquals(1, oneClass.status());
        assertTrue(oneClass.err().contains("needs both classes"), oneClass.err());

        CliRun noFile = run("eval", "--labels", "truth", "--scores", "score", dir.resolve("none.csv").toString());
        assertEquals(1, noFile.status());

        assertEquals(2, run("eval", "--scores", "score", csv.toString()).status());
        assertEquals(2, run("eval", "--labels", "truth", "--scores", "score").status());
        CliRun badOption = run("eval", "--labels", "truth", "--scores", "score", "--bogus", csv.toString());
        assertEquals(2, badOption.status());
        assertTrue(badOption.err().startsWith("anomaly4j eval: unknown option --bogus"), badOption.err());
        CliRun badThreshold = run("eval", "--labels", "truth", "--scores", "score", "--threshold", "high",
                csv.toString());
        assertEquals(2, badThreshold.status());
        assertTrue(badThreshold.err().contains("--threshold takes a number"), badThreshold.err());
    }

    @Test
    void helpMentionsEval() {
        CliRun top = run("--help");
        assertTrue(top.out().contains("eval --help"), top.out());
        CliRun eval = run("eval", "--help");
        assertEquals(0, eval.status());
        assertTrue(eval.out().contains("--labels COL --scores COL"), eval.out());
    }
}
