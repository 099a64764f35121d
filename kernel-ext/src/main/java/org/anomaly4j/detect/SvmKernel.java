package org.anomaly4j.detect;

/**
 * The kernels of {@link OneClassSvm}, as libsvm (and so scikit-learn's {@code kernel}) defines them, with
 * γ = {@code gamma}, r = {@code coef0}, p = {@code degree}:
 * <ul>
 *   <li>{@code rbf}: exp(−γ‖x − y‖²) (the default);</li>
 *   <li>{@code linear}: x·y;</li>
 *   <li>{@code poly}: (γ x·y + r)^p, the power taken by repeated squaring as libsvm's {@code powi};</li>
 *   <li>{@code sigmoid}: tanh(γ x·y + r) (not positive semi-definite for every γ, r — as in libsvm).</li>
 * </ul>
 */
public enum SvmKernel {
    RBF, LINEAR, POLY, SIGMOID;

    /** libsvm's {@code powi}: base^times by repeated squaring (times ≥ 0), the same products in the same order. */
    static double powi(double base, int times) {
        double tmp = base;
        double ret = 1.0;
        for (int t = times; t > 0; t /= 2) {
            if (t % 2 == 1) {
                ret *= tmp;
            }
            tmp = tmp * tmp;
        }
        return ret;
    }

    /**
     * The kernel value from the dot product x·y and the squared norms ‖x‖², ‖y‖² (RBF uses
     * ‖x‖² + ‖y‖² − 2x·y for ‖x − y‖², as libsvm's training kernel does).
     */
    double value(double dot, double xx, double yy, double gamma, double coef0, int degree) {
        return switch (this) {
            case RBF -> Math.exp(-gamma * ((xx + yy) - 2 * dot));
            case LINEAR -> dot;
            case POLY -> powi(gamma * dot + coef0, degree);
            case SIGMOID -> Math.tanh(gamma * dot + coef0);
        };
    }

    /** scikit-learn's name: "rbf", "linear", "poly", "sigmoid". */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SvmKernel parse(String text) {
        return switch (text.trim()) {
            case "rbf" -> RBF;
            case "linear" -> LINEAR;
            case "poly" -> POLY;
            case "sigmoid" -> SIGMOID;
            default -> null;
        };
    }

    /** The parameter: its text and model-file forms are the scikit-learn names. */
    static final Param<SvmKernel> PARAM = Param.of("kernel", "rbf|linear|poly|sigmoid", RBF,
            "\"rbf\", \"linear\", \"poly\" or \"sigmoid\"", "kernel (scikit-learn's kernel)", SvmKernel::parse,
            v -> v instanceof String s ? parse(s) : null, SvmKernel::toString).sinceVersion();
}
