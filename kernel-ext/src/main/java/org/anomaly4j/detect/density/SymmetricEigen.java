package org.anomaly4j.detect.density;

/**
 * Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method, and what the density
 * cores build on it: log-determinant, scipy's {@code pinvh} pseudo-inverse and quadratic forms.
 * <p>Jacobi rotations zero one off-diagonal element at a time (Rutishauser's stable form: t = sign(θ) /
 * (|θ| + √(θ² + 1)), θ = (a_qq − a_pp) / (2 a_pq)); sweeps repeat until the off-diagonal mass is below
 * ε² times the squared Frobenius norm. Eigenvalues come out with a small relative error even when tiny, at
 * O(d³) per sweep and usually 6–10 sweeps: fine for d ≤ 100, which is all the covariance detectors need (pure
 * Java: Smile's matrix classes call native LAPACK, excluded from this build).
 * <p>Matrices are row-major {@code double[d * d]}.
 */
final class SymmetricEigen {

    /** Eigenvalues, descending. */
    final double[] values;
    /** Eigenvectors as rows: {@code vectors[k * d + i]} is component i of the k-th vector (unit length). */
    final double[] vectors;
    final int d;

    private static final int MAX_SWEEPS = 100;

    SymmetricEigen(double[] symmetric, int d) {
        this.d = d;
        double[] a = symmetric.clone();
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) {
            v[i * d + i] = 1;
        }
        double norm2 = 0;
        for (double e : a) {
            norm2 += e * e;
        }
        double eps2 = Math.ulp(1.0) * Math.ulp(1.0) * norm2;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += a[p * d + q] * a[p * d + q];
                }
            }
            if (off <= eps2 || off == 0) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    rotate(a, v, d, p, q);
                }
            }
        }
        // sort descending by eigenvalue; vectors are the columns of v
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y * d + y], a[x * d + x]));
        values = new double[d];
        vectors = new double[d * d];
        for (int k = 0; k < d; k++) {
            int c = order[k];
            values[k] = a[c * d + c];
            for (int i = 0; i < d; i++) {
                vectors[k * d + i] = v[i * d + c];
            }
        }
    }

    private static void rotate(double[] a, double[] v, int d, int p, int q) {
        double apq = a[p * d + q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (Double.isInfinite(theta * theta)) { // θ so large that t ≈ 1/(2θ)
            t = 1 / (2 * theta);
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        double tau = s / (1 + c);
        a[p * d + p] -= t * apq;
        a[q * d + q] += t * apq;
        a[p * d + q] = 0;
        a[q * d + p] = 0;
        for (int r = 0; r < d; r++) {
            if (r != p && r != q) {
                double g = a[r * d + p];
                double h = a[r * d + q];
                double gp = g - s * (h + g * tau);
                double hq = h + s * (g - h * tau);
                a[r * d + p] = gp;
                a[p * d + r] = gp;
                a[r * d + q] = hq;
                a[q * d + r] = hq;
            }
            double g = v[r * d + p];
            double h = v[r * d + q];
            v[r * d + p] = g - s * (h + g * tau);
            v[r * d + q] = h + s * (g - h * tau);
        }
    }

    /** log det, or −∞ when an eigenvalue is ≤ 0 (scikit-learn's {@code fast_logdet}: sign ≤ 0 → −∞). */
    double logDet() {
        double sum = 0;
        for (double l : values) {
            if (!(l > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += Math.log(l);
        }
        return sum;
    }

    /**
     * scipy's {@code pinvh}: Σ v vᵀ / λ over eigenvalues λ &gt; d·ε·max|λ| (smaller ones, including all
     * negative ones, are treated as zero), row-major d × d.
     */
    double[] pseudoInverse() {
        double max = 0;
        for (double l : values) {
            max = Math.max(max, Math.abs(l));
        }
        double cut = d * Math.ulp(1.0) * max;
        double[] p = new double[d * d];
        for (int k = 0; k < d; k++) {
            if (values[k] > cut) {
                double inv = 1 / values[k];
                int o = k * d;
                for (int i = 0; i < d; i++) {
                    double vi = vectors[o + i] * inv;
                    for (int j = 0; j < d; j++) {
                        p[i * d + j] += vi * vectors[o + j];
                    }
                }
            }
        }
        return p;
    }

    /** (x − μ)ᵀ P (x − μ) for a symmetric row-major P; {@code e} is scratch of length d. */
    static double quadratic(double[] x, double[] mu, double[] p, double[] e) {
        int d = mu.length;
        for (int i = 0; i < d; i++) {
            e[i] = x[i] - mu[i];
        }
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double ei = e[i];
            int o = i * d;
            double row = p[o + i] * ei;
            for (int j = i + 1; j < d; j++) {
                row += 2 * p[o + j] * e[j];
            }
            sum += ei * row;
        }
        return sum;
    }
}
