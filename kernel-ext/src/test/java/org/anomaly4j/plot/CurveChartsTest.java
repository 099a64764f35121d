package org.anomaly4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** RocChart, PrecisionRecallChart and their input record Curve. */
class CurveChartsTest {

    private static final Curve IF = new Curve("isolation forest", new double[] {0, 0.1, 0.4, 1},
            new double[] {0, 0.6, 0.9, 1}, 0.9123, new double[] {0.9, 0.7, 0.5, 0.1});
    private static final Curve LOF = new Curve("LOF", new double[] {0, 0.5, 1}, new double[] {0, 0.7, 1}, 0.6);

    @Test
    void rocHasOneLinePerCurveNamedWithAucAndADashedChanceDiagonal() {
        Figure f = RocChart.create("ROC", IF, LOF);
        assertEquals(3, f.traceCount());
        assertEquals("isolation forest (AUC 0.912)", f.trace(0).get("name").asText());
        assertEquals("LOF (AUC 0.600)", f.trace(1).get("name").asText());
        ObjectNode chance = f.trace(2);
        assertEquals("chance (AUC 0.5)", chance.get("name").asText());
        assertEquals("dash", chance.get("line").get("dash").asText());
        assertEquals(1.0, chance.get("x").get(1).asDouble());
        assertEquals(1.0, chance.get("y").get(1).asDouble());
        assertEquals("false-positive rate", f.axisTitle("x"));
        assertEquals("true-positive rate", f.axisTitle("y"));
        assertEquals("linear", f.trace(0).get("line").get("shape").asText());
        assertEquals(0.6, f.trace(0).get("y").get(1).asDouble());
        assertNotEquals(f.trace(0).get("line").get("color"), f.trace(1).get("line").get("color"));
        assertTrue(f.trace(0).get("hovertemplate").asText().contains("threshold"), "thresholds in the hover");
        assertEquals(0.7, f.trace(0).get("customdata").get(1).asDouble());
        assertTrue(!f.trace(1).has("customdata"), "no thresholds given");
    }

    @Test
    void precisionRecallStepsAndPrevalenceLine() {
        Curve pr = new Curve("IF", new double[] {1, 0.5, 0}, new double[] {0.1, 0.8, 1}, 0.85);
        Figure f = PrecisionRecallChart.create("PR", 0.1, pr);
        assertEquals(2, f.traceCount());
        assertEquals("IF (AP 0.850)", f.trace(0).get("name").asText());
        assertEquals("hv", f.trace(0).get("line").get("shape").asText(), "steps-post like scikit-learn");
        ObjectNode chance = f.trace(1);
        assertEquals("chance (prevalence 0.100)", chance.get("name").asText());
        assertEquals(0.1, chance.get("y").get(0).asDouble());
        assertEquals(0.1, chance.get("y").get(1).asDouble());
        assertEquals("recall", f.axisTitle("x"));
        assertEquals("precision", f.axisTitle("y"));
        assertThrows(IllegalArgumentException.class, () -> PrecisionRecallChart.create("PR", 0, pr));
        assertThrows(IllegalArgumentException.class, () -> PrecisionRecallChart.create("PR", 1.2, pr));
    }

    @Test
    void scikitLearnThresholdConventionsAreAccepted() {
        // roc_curve: thresholds[0] = +inf; precision_recall_curve: one threshold fewer than points
        Curve roc = new Curve("r", new double[] {0, 0.5, 1}, new double[] {0, 0.8, 1}, 0.7,
                new double[] {Double.POSITIVE_INFINITY, 0.4, 0.1});
        assertTrue(RocChart.create("t", roc).trace(0).get("customdata").get(0).isNull(), "+inf shows no value");
        Curve pr = new Curve("p", new double[] {1, 0.5, 0}, new double[] {0.2, 0.7, 1}, 0.6, new double[] {0.1, 0.5});
        assertEquals(3, pr.thresholds().length);
        assertTrue(Double.isNaN(pr.thresholds()[2]), "the last point (recall 0) has no threshold");
        assertEquals(0.5, PrecisionRecallChart.create("t", 0.2, pr).trace(0).get("customdata").get(1).asDouble());
    }

    @Test
    void nanSummaryIsLeftOutOfTheName() {
        Figure f = RocChart.create("ROC", new Curve("m", new double[] {0, 1}, new double[] {0, 1}, Double.NaN));
        assertEquals("m", f.trace(0).get("name").asText());
    }

    @Test
    void curveValidatesAndCopies() {
        double[] x = {0, 1};
        double[] y = {0, 1};
        Curve c = new Curve("a", x, y, 0.5);
        x[1] = 7;
        assertEquals(1.0, c.x()[1], "copied in");
        c.y()[1] = 9;
        assertEquals(1.0, c.y()[1], "copied out");
        assertEquals(new Curve("a", new double[] {0, 1}, new double[] {0, 1}, 0.5), c);
        assertThrows(IllegalArgumentException.class, () -> new Curve("", x, y, 0.5));
        String m = assertThrows(IllegalArgumentException.class,
                () -> new Curve("a", new double[] {0, 1, 2}, y, 0.5)).getMessage();
        assertTrue(m.contains("3") && m.contains("2"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> new Curve("a", new double[] {0, Double.NaN}, y, 0.5)).getMessage();
        assertTrue(m.contains("index 1"), m);
        assertThrows(IllegalArgumentException.class, () -> new Curve("a", new double[] {0}, new double[] {0}, 0));
        assertThrows(IllegalArgumentException.class, () -> new Curve("a", x, y, 0.5, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> RocChart.create("t"));
        assertArrayEquals(new double[] {0.9, 0.7, 0.5, 0.1}, IF.thresholds());
    }
}
