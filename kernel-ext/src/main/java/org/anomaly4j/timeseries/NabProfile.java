package org.anomaly4j.timeseries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A NAB application profile: the weights of a true positive, a false positive and a false negative in the
 * NAB score (Lavin &amp; Ahmad 2015, section "Application profiles"; NAB's {@code config/profiles.json}).
 * The true-negative weight of that file is not used by the scorer, so it is not kept here.
 *
 * @param name     profile name as NAB writes it ({@code standard}, {@code reward_low_FP_rate}, ...)
 * @param tpWeight A_TP: reward of a detection at the very start of a window
 * @param fpWeight A_FP: cost of a false positive far from any window
 * @param fnWeight A_FN: cost of a window with no detection
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    /** NAB's standard profile: A_TP = 1, A_FP = 0.11, A_FN = 1. */
    public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);
    /** NAB's reward_low_FP_rate profile: false positives cost twice as much (A_FP = 0.22). */
    public static final NabProfile REWARD_LOW_FP_RATE = new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    /** NAB's reward_low_FN_rate profile: a missed window costs twice as much (A_FN = 2). */
    public static final NabProfile REWARD_LOW_FN_RATE = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    public NabProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank");
        }
        check(name, "tpWeight", tpWeight);
        check(name, "fpWeight", fpWeight);
        check(name, "fnWeight", fnWeight);
        if (tpWeight == 0) {
            throw new IllegalArgumentException("profile " + name + ": tpWeight must be > 0, got 0");
        }
    }

    private static void check(String profile, String key, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("profile " + profile + ": " + key + " must be a finite number >= 0, got "
                    + w);
        }
    }

    /** The three NAB profiles in the order NAB reports them, standard last: low FP, low FN, standard. */
    public static List<NabProfile> defaults() {
        return List.of(REWARD_LOW_FP_RATE, REWARD_LOW_FN_RATE, STANDARD);
    }

    /**
     * Reads a NAB {@code profiles.json}: {@code {"name": {"CostMatrix": {"tpWeight": .., "fpWeight": ..,
     * "fnWeight": ..}}, ...}}, in file order.
     */
    public static List<NabProfile> read(Path profilesJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(profilesJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAB profiles " + profilesJson + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException(profilesJson + ": expected a JSON object of profiles");
        }
        List<NabProfile> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue().path("CostMatrix");
            out.add(new NabProfile(e.getKey(), weight(profilesJson, e.getKey(), m, "tpWeight"),
                    weight(profilesJson, e.getKey(), m, "fpWeight"), weight(profilesJson, e.getKey(), m, "fnWeight")));
        }
        return List.copyOf(out);
    }

    private static double weight(Path file, String profile, JsonNode matrix, String key) {
        JsonNode v = matrix.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(file + ": profile " + profile + " has no numeric CostMatrix." + key);
        }
        return v.doubleValue();
    }
}
