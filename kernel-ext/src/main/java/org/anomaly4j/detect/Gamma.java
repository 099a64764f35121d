package org.anomaly4j.detect;

/**
 * The RBF kernel coefficient γ of {@link OneClassSvm}, in scikit-learn's three forms ({@code gamma}):
 * {@link Value} (a number > 0), {@link Scale} = 1 / (d · Var(X)) (the default), {@link Auto} = 1 / d.
 */
public sealed interface Gamma {

    /** A fixed γ > 0. */
    record Value(double gamma) implements Gamma {
        public Value {
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("gamma must be a finite number > 0, \"scale\" or \"auto\", got " + gamma);
            }
        }

        @Override
        public String toString() {
            return Param.plain(gamma);
        }
    }

    /** 1 / (d · Var(X)) over all values of the training matrix (1 if the variance is 0). */
    record Scale() implements Gamma {
        @Override
        public String toString() {
            return "scale";
        }
    }

    /** 1 / d. */
    record Auto() implements Gamma {
        @Override
        public String toString() {
            return "auto";
        }
    }

    static Gamma of(double gamma) {
        return new Value(gamma);
    }

    static Gamma scale() {
        return new Scale();
    }

    static Gamma auto() {
        return new Auto();
    }

    /** Text form: "scale", "auto" or a number. */
    static Gamma parse(String text) {
        return switch (text.trim()) {
            case "scale" -> scale();
            case "auto" -> auto();
            default -> of(Double.parseDouble(text.trim()));
        };
    }

    Param<Gamma> PARAM = Param.of("gamma", "number|scale|auto", scale(),
            "a finite number > 0, \"scale\" (1/(d Var X)) or \"auto\" (1/d)", "RBF kernel width",
            Gamma::parse,
            v -> switch (v) {
                case String s -> parse(s);
                case Number n -> of(n.doubleValue());
                default -> null;
            },
            v -> switch (v) {
                case Value g -> g.gamma();
                case Scale s -> "scale";
                case Auto a -> "auto";
            });
}
