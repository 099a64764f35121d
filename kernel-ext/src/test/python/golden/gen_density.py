#!/usr/bin/env python3
"""Golden references for org.anomaly4j.detect.density (HBOS, ECOD, COPOD, MCD / elliptic envelope, PCA, GMM).

PyOD is not installable here, so its formulas are reproduced in numpy below, each function citing the PyOD
source lines it follows (github.com/yzhao062/pyod at commit 34f7996effac700a5166d882d5e94c6e6078fae3,
version 3.6.5). The covariance, PCA and mixture references are scikit-learn itself.

Outputs under kernel-ext/src/test/resources/golden/density/:
  synthetic.json  -- a generated set (train + test rows) with every reference score
  breastw.json    -- the same for ADBench 4_breastw (integer values: ties and values on bin edges);
                     the data is read from $ANOMALY4J_DATA in the Java test, not stored here
  mcd_large.json  -- MinCovDet / EllipticEnvelope on 1,600 rows (the n > 1500 subset path of FastMCD)
  gmm.json        -- GaussianMixture(3) on well-separated blobs, tol 1e-10
  adbench_metrics.csv -- ROC-AUC and average precision of the reference scores on the ten ADBench tables

Run:  ANOMALY4J_DATA=/work/shared/data /work/main/.venv/bin/python kernel-ext/src/test/python/golden/gen_density.py
"""
from __future__ import annotations

import sys
import warnings

import numpy as np
import pandas as pd
import scipy
from scipy.stats import skew as scipy_skew
from sklearn.covariance import EllipticEnvelope, MinCovDet
from sklearn.decomposition import PCA
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.mixture import GaussianMixture

import golden_io

PART = "density"
GEN = "gen_density.py"
ADBENCH = ["2_annthyroid", "4_breastw", "6_cardio", "23_mammography", "28_pendigits", "29_Pima",
           "30_satellite", "32_shuttle", "38_thyroid", "44_Wilt"]


# ---------------------------------------------------------------- HBOS (pyod/models/hbos.py)
def hbos_fit(x, n_bins=10):
    """hbos.py lines 130-135: np.histogram(X[:, i], bins=n_bins, density=True) per feature."""
    hist = np.zeros([n_bins, x.shape[1]])
    edges = np.zeros([n_bins + 1, x.shape[1]])
    for i in range(x.shape[1]):
        hist[:, i], edges[:, i] = np.histogram(x[:, i], bins=n_bins, density=True)
    return hist, edges


def hbos_score(x, hist, edges, alpha=0.1, tol=0.5):
    """hbos.py lines 270-345 (_calculate_outlier_scores) and 145/180 (invert_order of the row sum)."""
    n_bins = hist.shape[0]
    out = np.zeros(x.shape)
    for i in range(x.shape[1]):
        bin_inds = np.digitize(x[:, i], edges[:, i], right=True)
        s = np.log2(hist[:, i] + alpha)
        for j in range(x.shape[0]):
            if bin_inds[j] == 0:
                dist = edges[0, i] - x[j, i]
                width = edges[1, i] - edges[0, i]
                out[j, i] = s[0] if dist <= width * tol else np.min(s)
            elif bin_inds[j] == n_bins + 1:
                dist = x[j, i] - edges[-1, i]
                width = edges[-1, i] - edges[-2, i]
                out[j, i] = s[n_bins - 1] if dist <= width * tol else np.min(s)
            else:
                out[j, i] = s[bin_inds[j] - 1]
    return -np.sum(out, axis=1)


# ---------------------------------------------------------------- ECOD / COPOD (pyod/models/ecod.py, copod.py)
def column_ecdf(m):
    """pyod/utils/stat_models.py lines 188-251: linspace(1/n, 1, n) in sorted order, ties take the value of
    the last equal element (so F(v) = share of values <= v, the point itself included)."""
    n = m.shape[0]
    prob = np.linspace(np.ones(m.shape[1]) / n, np.ones(m.shape[1]), n)
    idx = np.argsort(m, axis=0)
    s = np.take_along_axis(m, idx, axis=0)
    for c in range(prob.shape[1]):
        for r in range(n - 2, -1, -1):
            if s[r, c] == s[r + 1, c]:
                prob[r, c] = prob[r + 1, c]
    out = np.ones_like(prob)
    np.put_along_axis(out, idx, prob, axis=0)
    return out


def tails(x):
    """ecod.py lines 133-138 / copod.py lines 131-136: -log left and right ECDF, skewness-corrected tail."""
    u_l = -1 * np.log(column_ecdf(x))
    u_r = -1 * np.log(column_ecdf(-x))
    skewness = np.sign(np.nan_to_num(scipy_skew(x, axis=0)))
    u_skew = u_l * -1 * np.sign(skewness - 1) + u_r * np.sign(skewness + 1)
    return u_l, u_r, u_skew


def ecod_scores(x):
    """ecod.py lines 140-146: per-feature max of the three tails, summed over features."""
    u_l, u_r, u_skew = tails(x)
    return np.maximum(u_skew, np.maximum(u_l, u_r)).sum(axis=1)


def copod_scores(x):
    """copod.py lines 137-141: per-feature max(skew-corrected tail, mean of both tails), summed."""
    u_l, u_r, u_skew = tails(x)
    return np.maximum(u_skew, np.add(u_l, u_r) / 2).sum(axis=1)


def one_row_scores(fn, train, test):
    """ecod.py lines 129-131: decision_function(X) scores X appended to X_train; we score one row at a time
    (the Java score(x) of a row does not depend on the other rows of its batch)."""
    return np.array([fn(np.vstack([train, row[None, :]]))[-1] for row in test])


# ---------------------------------------------------------------- PCA (pyod/models/pca.py)
def pca_scores(train, test):
    """pca.py lines 225-268 and 296-299 with defaults: standardise (StandardScaler), sklearn PCA with all
    components, score = sum_j ||x - v_j|| / explained_variance_ratio_j (scipy cdist to the component vectors).
    Also the Shyu et al. (2003) projection score sum_j y_j^2 / lambda_j on the same standardised data."""
    mu = train.mean(axis=0)
    sd = train.std(axis=0)
    z, zt = (train - mu) / sd, (test - mu) / sd
    p = PCA().fit(z)
    pyod = lambda a: pyod_pca(p, a)
    proj = lambda a: projection(p, a)
    return {"explained_variance": golden_io.floats(p.explained_variance_),
            "explained_variance_ratio": golden_io.floats(p.explained_variance_ratio_),
            "components": [golden_io.floats(r) for r in p.components_],
            "pyod_train": golden_io.floats(pyod(z)), "pyod_test": golden_io.floats(pyod(zt)),
            "projection_train": golden_io.floats(proj(z)), "projection_test": golden_io.floats(proj(zt))}


def pyod_pca(p, a):
    """pca.py lines 265-268: sum_j cdist(X, components_)_j / explained_variance_ratio_j; components without
    variance (see projection) are left out instead of dividing by ~0."""
    from scipy.spatial.distance import cdist
    keep = no_variance_cut(p)
    return np.sum(cdist(a, p.components_[keep]) / p.explained_variance_ratio_[keep], axis=1)


def no_variance_cut(p):
    lam = p.explained_variance_
    return lam > lam.shape[0] * np.finfo(float).eps * lam.max()


def projection(p, a):
    """Shyu et al. (2003): sum_j y_j^2 / lambda_j over the components; like scipy's pinvh, components with
    lambda_j <= d * eps * max(lambda) are left out (a rank-deficient table has no variance to divide by)."""
    keep = no_variance_cut(p)
    y = (a - p.mean_) @ p.components_[keep].T
    return np.sum(y ** 2 / p.explained_variance_[keep], axis=1)


# ---------------------------------------------------------------- MCD (scikit-learn)
def mcd_block(train, test, support_fraction=None):
    mcd = MinCovDet(random_state=0, support_fraction=support_fraction).fit(train)
    env = EllipticEnvelope(random_state=0, support_fraction=support_fraction).fit(train)
    return {"support_fraction": support_fraction,
            "raw_location": golden_io.floats(mcd.raw_location_),
            "raw_covariance": [golden_io.floats(r) for r in mcd.raw_covariance_],
            "raw_support_size": int(mcd.raw_support_.sum()),
            "location": golden_io.floats(mcd.location_),
            "covariance": [golden_io.floats(r) for r in mcd.covariance_],
            "support_size": int(mcd.support_.sum()),
            "train_scores": golden_io.floats(mcd.dist_),
            "envelope_test_scores": golden_io.floats(env.mahalanobis(test)),
            "envelope_offset": float(env.offset_)}


def references(train, test):
    hist, edges = hbos_fit(train)
    return {
        "hbos": {"hist": [golden_io.floats(r) for r in hist.T], "edges": [golden_io.floats(r) for r in edges.T],
                 "train_scores": golden_io.floats(hbos_score(train, hist, edges)),
                 "test_scores": golden_io.floats(hbos_score(test, hist, edges))},
        "ecod": {"train_scores": golden_io.floats(ecod_scores(train)),
                 "test_scores": golden_io.floats(one_row_scores(ecod_scores, train, test))},
        "copod": {"train_scores": golden_io.floats(copod_scores(train)),
                  "test_scores": golden_io.floats(one_row_scores(copod_scores, train, test))},
        "pca": pca_scores(train, test),
    }


def read_adbench(name):
    """An ADBench table parsed with correct rounding, as Java's Double.parseDouble: pandas' default fast parser
    can be one ulp off, which moves cardio's values that sit on HBOS bin edges (ROC-AUC 0.853 vs 0.838)."""
    return pd.read_csv(golden_io.data_root() / "adbench" / f"{name}.csv", float_precision="round_trip")


def synthetic():
    rng = np.random.default_rng(7)
    cov = np.array([[1.0, 0.6, 0.0, 0.2], [0.6, 2.0, 0.3, 0.0], [0.0, 0.3, 0.5, 0.1], [0.2, 0.0, 0.1, 1.5]])
    inliers = rng.multivariate_normal([1.0, -2.0, 0.5, 3.0], cov, size=240)
    outliers = rng.uniform(-1, 1, size=(20, 4)) * 2 + np.array([9.0, 8.0, -7.0, 12.0])
    train = np.round(np.vstack([inliers, outliers]), 4)
    test = np.round(np.vstack([rng.multivariate_normal([1.0, -2.0, 0.5, 3.0], cov, size=20),
                               [[20.0, 0.0, 0.0, 0.0], [-9.0, -2.0, 0.5, 3.0]]]), 4)
    # a row on the training minimum and maximum of every feature, and rows just outside the range
    test = np.vstack([test, train.min(axis=0), train.max(axis=0), train.max(axis=0) + 0.01,
                      train.min(axis=0) - 0.01])
    payload = {"train": [golden_io.floats(r) for r in train], "test": [golden_io.floats(r) for r in test],
               **references(train, test), "mcd": mcd_block(train, test),
               "mcd_support_075": mcd_block(train, test, 0.75)}
    golden_io.write(PART, GEN, "synthetic.json", {"scipy": scipy.__version__, **payload})


def breastw():
    df = read_adbench("4_breastw")
    x = df[[c for c in df.columns if c.startswith("x")]].to_numpy(dtype=float)
    test = np.array([[1.0] * 9, [10.0] * 9, [0.0] * 9, [11.0] * 9, [5.5] * 9, [1.9] * 9])
    payload = {"rows": int(x.shape[0]), "test": [golden_io.floats(r) for r in test], **references(x, test)}
    golden_io.write(PART, GEN, "breastw.json", {"scipy": scipy.__version__, **payload})


def mcd_large():
    rng = np.random.default_rng(11)
    cov = np.array([[2.0, 0.8, -0.3], [0.8, 1.0, 0.1], [-0.3, 0.1, 0.7]])
    inliers = rng.multivariate_normal([0.0, 5.0, -1.0], cov, size=1440)
    outliers = rng.normal(0, 0.5, size=(160, 3)) + np.array([15.0, -10.0, 12.0])
    train = np.round(np.vstack([inliers, outliers]), 3)
    test = np.round(rng.normal(0, 3, size=(10, 3)), 3)
    payload = {"train": [golden_io.floats(r) for r in train], "test": [golden_io.floats(r) for r in test],
               "mcd": mcd_block(train, test)}
    golden_io.write(PART, GEN, "mcd_large.json", payload)


def gmm():
    rng = np.random.default_rng(5)
    blobs = [rng.normal(0, 1, (150, 2)) + c for c in ([0, 0], [12, 0], [0, 12])]
    train = np.round(np.vstack(blobs), 4)
    test = np.round(rng.uniform(-5, 17, (15, 2)), 4)
    g = GaussianMixture(n_components=3, tol=1e-10, max_iter=1000, random_state=0).fit(train)
    order = np.argsort(g.means_[:, 0] + 100 * g.means_[:, 1])
    one = GaussianMixture(n_components=1).fit(train)
    payload = {"train": [golden_io.floats(r) for r in train], "test": [golden_io.floats(r) for r in test],
               "weights": golden_io.floats(g.weights_[order]),
               "means": [golden_io.floats(r) for r in g.means_[order]],
               "covariances": [[golden_io.floats(r) for r in c] for c in g.covariances_[order]],
               "train_logpdf": golden_io.floats(g.score_samples(train)),
               "test_logpdf": golden_io.floats(g.score_samples(test)),
               "mean_loglik": float(g.score(train)),
               "one_component_train_logpdf": golden_io.floats(one.score_samples(train))}
    golden_io.write(PART, GEN, "gmm.json", payload)


def adbench_metrics():
    # scikit-learn's MCD warns on the rank-deficient and tie-heavy tables (cardio, mammography: "not full rank",
    # "Determinant has increased"); the estimates are still what it returns, so we record them quietly
    warnings.filterwarnings("ignore", module="sklearn.covariance")
    rows = []
    for name in ADBENCH:
        df = read_adbench(name)
        x = df[[c for c in df.columns if c.startswith("x")]].to_numpy(dtype=float)
        y = (df["label"].to_numpy() == 1).astype(int)
        hist, edges = hbos_fit(x)
        mu, sd = x.mean(axis=0), x.std(axis=0)
        sd[sd == 0] = 1.0
        scores = {"hbos": hbos_score(x, hist, edges), "ecod": ecod_scores(x), "copod": copod_scores(x),
                  "elliptic_envelope": EllipticEnvelope(random_state=0).fit(x).dist_,
                  "gmm": -GaussianMixture(n_components=1).fit(x).score_samples(x)}
        try:
            z = (x - mu) / sd
            p = PCA().fit(z)
            scores["pca_projection"] = projection(p, z)
            scores["pca_pyod"] = pyod_pca(p, z)
        except Exception as e:  # noqa: BLE001 -- reported in the CSV, not hidden
            print(name, "pca", e, file=sys.stderr)
        for det, s in scores.items():
            rows.append({"dataset": name, "rows": x.shape[0], "features": x.shape[1], "anomalies": int(y.sum()),
                         "detector": det, "auc": round(roc_auc_score(y, s), 6),
                         "ap": round(average_precision_score(y, s), 6)})
        print(name, "done", file=sys.stderr)
    out = golden_io.GOLDEN_ROOT / PART / "adbench_metrics.csv"
    pd.DataFrame(rows).to_csv(out, index=False)
    print(out)


if __name__ == "__main__":
    synthetic()
    breastw()
    mcd_large()
    gmm()
    if "--no-adbench" not in sys.argv:  # about 4 minutes, mostly MinCovDet on satellite
        adbench_metrics()
