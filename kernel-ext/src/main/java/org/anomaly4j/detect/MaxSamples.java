package org.anomaly4j.detect;

/**
 * Rows per isolation tree, in scikit-learn's three forms ({@code max_samples}): {@link Auto} = min(256, n),
 * {@link Count} = a row count (clipped to n at fit, where scikit-learn warns), {@link Fraction} = a share of
 * the training rows, ψ = ⌊fraction·n⌋.
 */
public sealed interface MaxSamples {

    /** min(256, n) (Liu et al. 2008 found 256 generally enough; scikit-learn's "auto"). */
    record Auto() implements MaxSamples {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /** A row count ≥ 1. */
    record Count(int rows) implements MaxSamples {
        public Count {
            if (rows < 1) {
                throw new IllegalArgumentException("maxSamples must be >= 1 (a row count), got " + rows);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(rows);
        }
    }

    /** A fraction of the training rows, in (0, 1]. */
    record Fraction(double fraction) implements MaxSamples {
        public Fraction {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("maxSamples fraction must be in (0, 1], got " + fraction);
            }
        }

        @Override
        public String toString() {
            return Double.toString(fraction);
        }
    }

    static MaxSamples auto() {
        return new Auto();
    }

    static MaxSamples count(int rows) {
        return new Count(rows);
    }

    static MaxSamples fraction(double fraction) {
        return new Fraction(fraction);
    }

    /** ψ for n training rows. */
    default int rows(int n) {
        return switch (this) {
            case Auto a -> Math.min(IsolationForest.AUTO_MAX_SAMPLES, n);
            case Count c -> Math.min(c.rows(), n);
            case Fraction f -> {
                int psi = (int) (f.fraction() * n);
                if (psi < 1) {
                    throw new IllegalArgumentException("maxSamples fraction " + f.fraction() + " of " + n
                            + " rows gives no rows per tree; use a larger fraction or a row count");
                }
                yield psi;
            }
        };
    }

    /** Text form: "auto", an integer count ("128") or a fraction with a decimal point ("0.5"). */
    static MaxSamples parse(String text) {
        String s = text.trim();
        if (s.equals("auto")) {
            return auto();
        }
        return s.matches("[0-9]+") ? count(Integer.parseInt(s)) : fraction(Double.parseDouble(s));
    }

    /** The parameter: how it reads and writes itself. */
    Param<MaxSamples> PARAM = Param.of("maxSamples", "auto|count|fraction", auto(),
            "\"auto\" (min(256, n)), a row count >= 1 or a fraction in (0, 1]", "rows per tree (max_samples)",
            MaxSamples::parse,
            v -> switch (v) {
                case String s when s.equals("auto") -> auto();
                case Long l when l >= 1 && l <= Integer.MAX_VALUE -> count(l.intValue());
                case Double d -> fraction(d);
                default -> null;
            },
            v -> switch (v) {
                case Auto a -> "auto";
                case Count c -> c.rows();
                case Fraction f -> f.fraction();
            });
}
