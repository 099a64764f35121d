package org.anomaly4j.detect;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Column-wise helpers shared by the statistical detectors ({@link ModifiedZScore}, {@link IqrFences},
 * {@link Grubbs}, {@link GeneralizedEsd}): the checks of {@code explain(row)} and the writing and reading of
 * per-feature state arrays. The statistics themselves (columns, medians, moments) are in {@code stats}.
 */
final class ColumnStatistics {

    private ColumnStatistics() {
    }

    /** Checks that there is one name per column. */
    static void checkFeatures(List<String> features, int d) {
        if (features.size() != d) {
            throw new IllegalArgumentException(features.size() + " feature names for " + d + " columns");
        }
    }

    /** Checks one row given to {@code explain}: d finite values. */
    static void checkRow(double[] row, int d) {
        if (row == null || row.length != d) {
            throw new IllegalArgumentException("the row has " + (row == null ? 0 : row.length)
                    + " values but the model was fitted on " + d + " features");
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException("value " + j + " of the row is " + row[j]
                        + "; drop or fill missing and infinite values before scoring");
            }
        }
    }

    /** Writes a per-feature array into the model state. */
    static void put(ObjectNode state, String field, double[] values) {
        var a = state.putArray(field);
        for (double v : values) {
            a.add(v);
        }
    }

    /** Writes a per-feature count array into the model state. */
    static void put(ObjectNode state, String field, int[] values) {
        var a = state.putArray(field);
        for (int v : values) {
            a.add(v);
        }
    }

    /** Reads a per-feature count array (non-negative integers up to max) from a model file. */
    static int[] counts(ModelFile f, String field, int d, int max) {
        double[] v = f.numbers(field, d);
        int[] out = new int[d];
        for (int j = 0; j < d; j++) {
            if (v[j] != Math.rint(v[j]) || v[j] < 0 || v[j] > max) {
                throw f.bad("state." + field + "[" + j + "] must be an integer in [0, " + max + "], got " + v[j]);
            }
            out[j] = (int) v[j];
        }
        return out;
    }
}
