package org.anomaly4j.timeseries;

import java.util.Arrays;

/** NAB's null detector: the constant {@link NabScorer#NULL_SCORE} 0.5 on every row; normalises to 0. */
public final class NabNull implements NabDetector {

    public static final String NAME = "null";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] scores(long[] epochMillis, double[] values) {
        double[] out = new double[values.length];
        Arrays.fill(out, NabScorer.NULL_SCORE);
        return out;
    }
}
