package org.anomaly4j.io;

import java.math.BigInteger;

/**
 * Correctly rounded conversion of a decimal {@code ±w × 10^q} (w up to 18 digits) to the nearest double,
 * without going through a {@code String}: the Eisel–Lemire algorithm (Lemire 2021, "Number Parsing at a
 * Gigabyte per Second", Software: Practice and Experience 51(8), section 5). The 128-bit truncated
 * mantissas of 10<sup>q</sup> are computed once with {@link BigInteger}. Where the algorithm cannot decide
 * (a result within rounding distance of a halfway point, subnormals, overflow) it answers "unknown" and the
 * caller falls back to {@link Double#parseDouble}, so every result equals Java's own parse.
 */
final class DecimalParser {

    static final int MIN_EXP10 = -342;
    static final int MAX_EXP10 = 308;
    /** Returned when the fast algorithm cannot decide; compare with {@link #isUnknown}. */
    static final long UNKNOWN_BITS = 0x7ff8beef00000000L;

    private static final long[] HI = new long[MAX_EXP10 - MIN_EXP10 + 1];
    private static final long[] LO = new long[MAX_EXP10 - MIN_EXP10 + 1];

    static {
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
            BigInteger m;
            if (q >= 0) {
                BigInteger v = BigInteger.TEN.pow(q);
                int bl = v.bitLength();
                m = bl > 128 ? v.shiftRight(bl - 128) : v.shiftLeft(128 - bl);
            } else {
                BigInteger d = BigInteger.TEN.pow(-q);
                int k = d.bitLength() + 127;
                m = BigInteger.ONE.shiftLeft(k).divide(d);
                if (m.bitLength() < 128) {
                    m = BigInteger.ONE.shiftLeft(k + 1).divide(d);
                }
            }
            HI[q - MIN_EXP10] = m.shiftRight(64).longValue();
            LO[q - MIN_EXP10] = m.and(mask64).longValue();
        }
    }

    private DecimalParser() {
    }

    static boolean isUnknown(double v) {
        return Double.doubleToRawLongBits(v) == UNKNOWN_BITS;
    }

    /** The double nearest to {@code ±w × 10^q}, or the {@link #UNKNOWN_BITS} NaN when undecided. */
    static double toDouble(long w, int q, boolean negative) {
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (w < 0 || q < MIN_EXP10 || q > MAX_EXP10) {
            return Double.longBitsToDouble(UNKNOWN_BITS);
        }
        int clz = Long.numberOfLeadingZeros(w);
        long man = w << clz;
        long exp2 = ((217706L * q) >> 16) + 64 + 1023 - clz;
        int idx = q - MIN_EXP10;
        long xHi = Math.unsignedMultiplyHigh(man, HI[idx]);
        long xLo = man * HI[idx];
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            long yHi = Math.unsignedMultiplyHigh(man, LO[idx]);
            long yLo = man * LO[idx];
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return Double.longBitsToDouble(UNKNOWN_BITS);
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        exp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return Double.longBitsToDouble(UNKNOWN_BITS); // exactly halfway as far as we can tell
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            exp2++;
        }
        if (exp2 <= 0 || exp2 >= 0x7FF) {
            return Double.longBitsToDouble(UNKNOWN_BITS); // subnormal or overflow: let Java decide
        }
        long bits = exp2 << 52 | (mantissa & 0x000FFFFFFFFFFFFFL);
        return Double.longBitsToDouble(negative ? bits | 0x8000000000000000L : bits);
    }
}
