package org.anomaly4j.deep;

import java.util.ArrayList;
import java.util.List;

import org.anomaly4j.detect.Param;

/**
 * Hidden layer sizes of a network, e.g. {@code [64, 32, 16]} (the encoder; decoders mirror it). Text and
 * model-file form: {@code "64,32,16"}.
 *
 * @param sizes one or more sizes, each in [1, 100000]
 */
public record Layers(List<Integer> sizes) {

    /** Largest size of one layer (a guard against typos that would allocate gigabytes). */
    public static final int MAX_SIZE = 100_000;

    public Layers {
        if (sizes == null || sizes.isEmpty()) {
            throw new IllegalArgumentException("layer sizes must list at least one size, e.g. 64,32,16");
        }
        sizes = List.copyOf(sizes);
        for (int s : sizes) {
            if (s < 1 || s > MAX_SIZE) {
                throw new IllegalArgumentException("layer sizes must be in [1, " + MAX_SIZE + "], got " + s);
            }
        }
    }

    /** {@code Layers.of(64, 32, 16)}. */
    public static Layers of(int... sizes) {
        List<Integer> l = new ArrayList<>(sizes.length);
        for (int s : sizes) {
            l.add(s);
        }
        return new Layers(l);
    }

    /** From {@code "64,32,16"} (spaces allowed). */
    public static Layers parse(String text) {
        List<Integer> l = new ArrayList<>();
        for (String part : text.split(",")) {
            l.add(Integer.valueOf(part.trim()));
        }
        return new Layers(l);
    }

    /** The sizes as an array. */
    public int[] toArray() {
        int[] a = new int[sizes.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = sizes.get(i);
        }
        return a;
    }

    /** A parameter of this type. */
    static Param<Layers> param(String name, Layers defaultValue, String help) {
        return Param.of(name, "layers", defaultValue, "comma-separated sizes in [1, " + MAX_SIZE + "], e.g. 64,32,16",
                help, Layers::parse, v -> v instanceof String s ? parse(s) : null, Layers::toString);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int s : sizes) {
            b.append(b.isEmpty() ? "" : ",").append(s);
        }
        return b.toString();
    }
}
