package org.anomaly4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Eisel–Lemire must agree bit for bit with {@link Double#parseDouble} wherever it answers. */
class DecimalParserTest {

    private static void check(long w, int q, boolean neg) {
        double fast = DecimalParser.toDouble(w, q, neg);
        if (DecimalParser.isUnknown(fast)) {
            return;
        }
        String text = (neg ? "-" : "") + w + "e" + q;
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(fast), text);
    }

    @Test
    void randomMantissasAndExponentsMatchJava() {
        SplittableRandom r = new SplittableRandom(42);
        int decided = 0;
        for (int i = 0; i < 300_000; i++) {
            int digits = 1 + r.nextInt(18);
            long w = r.nextLong((long) Math.pow(10, digits));
            int q = r.nextInt(-330, 300);
            check(w, q, r.nextBoolean());
            if (!DecimalParser.isUnknown(DecimalParser.toDouble(w, q, false))) {
                decided++;
            }
        }
        assertTrue(decided > 290_000, "the fast path decides almost every case, decided " + decided);
    }

    @Test
    void shortestReprOfRandomDoublesRoundTrips() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL);
            if (d < 1e-300) {
                continue;
            }
            BigDecimal bd = new BigDecimal(Double.toString(d));
            long w = bd.unscaledValue().longValueExact();
            int q = -bd.scale();
            double fast = DecimalParser.toDouble(w, q, false);
            if (!DecimalParser.isUnknown(fast)) {
                assertEquals(d, fast, 0.0, Double.toString(d));
            }
        }
    }

    @Test
    void typicalCsvValuesAndEdges() {
        check(12345678901234567L, -17, true);
        check(1, 0, false);
        check(9007199254740993L, 0, false); // 2^53 + 1, a halfway case
        check(1, 308, false);
        check(17976931348623157L, 292, false);
        check(22250738585072014L, -324, false);
        assertEquals(-0.0, DecimalParser.toDouble(0, 5, true), 0.0);
    }
}
