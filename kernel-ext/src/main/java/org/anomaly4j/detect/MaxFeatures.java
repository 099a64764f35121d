package org.anomaly4j.detect;

/**
 * Features per isolation tree, in scikit-learn's two forms ({@code max_features}): {@link Count} (1 ≤ count
 * ≤ d, checked at fit) or {@link Fraction} of d, max(1, ⌊fraction·d⌋).
 */
public sealed interface MaxFeatures {

    /** A feature count ≥ 1. */
    record Count(int features) implements MaxFeatures {
        public Count {
            if (features < 1) {
                throw new IllegalArgumentException("maxFeatures must be >= 1 (a feature count), got " + features);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(features);
        }
    }

    /** A fraction of the features, in (0, 1]. */
    record Fraction(double fraction) implements MaxFeatures {
        public Fraction {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("maxFeatures fraction must be in (0, 1], got " + fraction);
            }
        }

        @Override
        public String toString() {
            return Double.toString(fraction);
        }
    }

    static MaxFeatures count(int features) {
        return new Count(features);
    }

    static MaxFeatures fraction(double fraction) {
        return new Fraction(fraction);
    }

    /** Features per tree for d features. */
    default int features(int d) {
        return switch (this) {
            case Count c -> {
                if (c.features() > d) {
                    throw new IllegalArgumentException("maxFeatures must be <= the number of features (" + d + "), got "
                            + c.features());
                }
                yield c.features();
            }
            case Fraction f -> Math.max(1, (int) (f.fraction() * d));
        };
    }

    /** Text form: an integer count ("3") or a fraction with a decimal point ("0.5", "1.0"). */
    static MaxFeatures parse(String text) {
        String s = text.trim();
        return s.matches("[0-9]+") ? count(Integer.parseInt(s)) : fraction(Double.parseDouble(s));
    }

    Param<MaxFeatures> PARAM = Param.of("maxFeatures", "count|fraction", fraction(1.0),
            "a feature count >= 1 or a fraction in (0, 1]", "features per tree (max_features)",
            MaxFeatures::parse,
            v -> switch (v) {
                case Long l when l >= 1 && l <= Integer.MAX_VALUE -> count(l.intValue());
                case Double d -> fraction(d);
                default -> null;
            },
            v -> switch (v) {
                case Count c -> c.features();
                case Fraction f -> f.fraction();
            });
}
