package org.anomaly4j.detect.neighbors;

/**
 * The k nearest neighbours of each of {@code rows} query rows, flat and row-major: the neighbours of query
 * row i are {@code indices[i·k .. i·k + k)} with their Euclidean distances at the same positions, sorted by
 * ascending distance, ties broken by the lower training index.
 *
 * @param rows      number of query rows
 * @param k         neighbours per row
 * @param indices   training-row index of each neighbour, {@code rows · k} values
 * @param distances distance to each neighbour, {@code rows · k} values
 */
public record Neighbors(int rows, int k, int[] indices, double[] distances) {

    public Neighbors {
        if (indices.length != (long) rows * k || distances.length != (long) rows * k) {
            throw new IllegalArgumentException("indices and distances must hold rows · k = " + (long) rows * k
                    + " values, got " + indices.length + " and " + distances.length);
        }
    }

    /** Training index of the j-th nearest neighbour (0-based) of query row i. */
    public int index(int i, int j) {
        return indices[i * k + j];
    }

    /** Distance to the j-th nearest neighbour (0-based) of query row i. */
    public double distance(int i, int j) {
        return distances[i * k + j];
    }

    /** The k-distance of query row i: the distance to its k-th nearest neighbour. */
    public double kDistance(int i) {
        return distances[i * k + k - 1];
    }
}
