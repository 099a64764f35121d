#!/usr/bin/env python3
"""Golden references for org.anomaly4j.detect.density.Loda (LODA, Pevny 2016, as PyOD's LODA).

PyOD is not installable here, so its formula is re-implemented in numpy below from pyod/models/loda.py
(github.com/yzhao062/pyod at commit 34f7996effac700a5166d882d5e94c6e6078fae3, version 3.x: fit lines 118-160,
decision_function 182-206) and pyod/utils/utility.py get_optimal_n_bins (lines 552-588). The projection matrix
is drawn here the way PyOD draws it (randn, then d - floor(sqrt(d)) positions of each row zeroed through a
permutation) from numpy.random.RandomState(seed) and written to the golden, so the Java side uses the SAME
projections (its own generator cannot reproduce numpy's stream).

Two lookups are computed for every case:
  pyod       -- PyOD verbatim: bin = np.searchsorted(limits[:b-1], z, side='left'), scores = sum_i(-w_i log p) / k
                with w_i = 1/k (PyOD's decision_scores_ / decision_function)
  histogram  -- the bin np.histogram counted z in (z below the range -> first bin, above -> last), scores =
                sum_i(-w_i log p) (the paper's mean over the cuts): anomaly4j's default
Each projection is summed over the features in order (the Java order); the script asserts that PyOD's own
w.dot(X.T) gives the same bins and scores within 1e-12 on every case, so the ordered sum is not a deviation.

Outputs under kernel-ext/src/test/resources/golden/loda/:
  synthetic.json -- 300 x 5 training rows + 30 test rows, 20 cuts; bins 10 and 'auto'; edges, probabilities,
                    bins per cut, training and test scores for both lookups
  breastw.json   -- ADBench 4_breastw (683 x 9 integers: ties, values on edges; the data is read from
                    $ANOMALY4J_DATA by the Java test, not stored here), 50 cuts; bins 10 and 'auto'; scores

Run:  ANOMALY4J_DATA=/work/shared/data /work/main/.venv/bin/python kernel-ext/src/test/python/golden/gen_loda.py
"""
from __future__ import annotations

import numpy as np
import pandas as pd

import golden_io

PART = "loda"
GEN = "gen_loda.py"


def pyod_projections(k: int, d: int, seed: int) -> np.ndarray:
    """loda.py 118-131: randn(k, d), then per cut rng.permutation(d)[:d - int(sqrt(d))] set to 0."""
    rng = np.random.RandomState(seed)
    w = rng.randn(k, d)
    n_zero = d - int(np.sqrt(d))
    for i in range(k):
        w[i, rng.permutation(d)[:n_zero]] = 0.0
    return w


def project(w_i: np.ndarray, x: np.ndarray) -> np.ndarray:
    """w_i . x for every row, summed over the features in order (anomaly4j's order; 0 * x adds nothing)."""
    z = np.zeros(x.shape[0])
    for j in np.flatnonzero(w_i):
        z = z + w_i[j] * x[:, j]
    return z


def optimal_n_bins(z: np.ndarray) -> int:
    """utility.py 552-588 get_optimal_n_bins (upper_bound = int(sqrt(n)), epsilon = 1), verbatim formula."""
    n = z.shape[0]
    upper = int(np.sqrt(n))
    ml = np.zeros((upper - 1, 1))
    for i, b in enumerate(range(1, upper)):
        h, _ = np.histogram(z, bins=b)
        ml[i] = np.sum(h * np.log(b * h / n + 1) - (b - 1 + np.power(np.log(b), 2.5)))
    return int(np.argmax(ml) + 1)


def lookup(limits: np.ndarray, z: np.ndarray, how: str) -> np.ndarray:
    b = len(limits) - 1
    if how == "pyod":  # loda.py 157 / 199
        return np.searchsorted(limits[:b - 1], z, side="left")
    # the np.histogram bin: limits[j] <= z < limits[j+1], the last bin closed; outside -> the end bins
    return np.clip(np.searchsorted(limits, z, side="right") - 1, 0, b - 1)


def loda(train: np.ndarray, tests: list[np.ndarray], w: np.ndarray, n_bins, how: str, proj=project):
    """loda.py fit (128-165) and decision_function (182-206) over a given projection matrix."""
    k = w.shape[0]
    weight = np.ones(k, dtype=float) / k
    edges, probs, bins = [], [], []
    train_scores = np.zeros(train.shape[0])
    test_scores = [np.zeros(t.shape[0]) for t in tests]
    for i in range(k):
        z = proj(w[i], train)
        b = optimal_n_bins(z) if n_bins == "auto" else n_bins
        h, limits = np.histogram(z, bins=b, density=False)
        h = h.astype(np.float64) + 1e-12
        h /= np.sum(h)
        edges.append(limits)
        probs.append(h)
        bins.append(b)
        train_scores += -weight[i] * np.log(h[lookup(limits, z, how)])
        for t, s in zip(tests, test_scores):
            s += -weight[i] * np.log(h[lookup(limits, proj(w[i], t), how)])
    if how == "pyod":  # loda.py 164 / 205: the mean divided by k once more
        train_scores /= k
        test_scores = [s / k for s in test_scores]
    return {"bins": bins, "edges": edges, "probs": probs, "train": train_scores, "tests": test_scores}


def pyod_dot(w_i, x):
    return w_i.dot(x.T)  # loda.py 131: PyOD's own projection (BLAS order)


def case(name, train, tests, w, n_bins, with_state: bool) -> dict:
    """Both lookups; with PyOD's own w.dot(X.T) in place of the ordered sum, the bins per cut must be the same
    and the scores within 1e-12, except for rows that lie exactly on an edge (integer data), which an ulp in the
    projection can move; those are counted and printed (see the README)."""
    out = {}
    for how in ("pyod", "histogram"):
        r = loda(train, tests, w, n_bins, how)
        check = loda(train, tests, w, n_bins, how, proj=pyod_dot)
        assert check["bins"] == r["bins"], "w.dot(X.T) changed a bin count choice"
        moved = sum(int(np.sum(np.abs(a - b) > 1e-12 * np.maximum(1, np.abs(a))))
                    for a, b in zip([r["train"], *r["tests"]], [check["train"], *check["tests"]]))
        print(f"  {name} bins={n_bins} lookup={how}: rows whose score changes with w.dot(X.T): {moved}")
        entry = {"train_scores": golden_io.floats(r["train"]),
                 "test_scores": [golden_io.floats(s) for s in r["tests"]]}
        if how == "histogram":
            entry["bins"] = [int(b) for b in r["bins"]]
            if with_state:
                entry["edges"] = [golden_io.floats(e) for e in r["edges"]]
                entry["probability"] = [golden_io.floats(p) for p in r["probs"]]
        out[how] = entry
    return out


def synthetic() -> None:
    rng = np.random.default_rng(3)
    normal = rng.multivariate_normal([0, 1, 2, -1, 0], np.diag([1, 2, 0.5, 1, 3]) + 0.3, size=285)
    far = rng.uniform(-9, 9, size=(15, 5))
    train = np.round(np.vstack([normal, far]), 4)
    test = np.vstack([rng.multivariate_normal([0, 1, 2, -1, 0], np.eye(5), size=20),
                      [[30, 0, 0, 0, 0], [-30, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
                      train.min(axis=0), train.max(axis=0),  # the training range's corners
                      train.min(axis=0) - 0.01, train.max(axis=0) + 0.01,
                      train[0], train[299], train[150], [100, -100, 100, -100, 100]])
    w = pyod_projections(20, 5, 42)
    golden_io.write(PART, GEN, "synthetic.json", {
        "seed": 42, "cuts": 20, "train": [golden_io.floats(r) for r in train],
        "test": [golden_io.floats(r) for r in test], "projections": [golden_io.floats(r) for r in w],
        "bins10": case("synthetic", train, [test], w, 10, True),
        "auto": case("synthetic", train, [test], w, "auto", True)})


def breastw() -> None:
    df = pd.read_csv(golden_io.data_root() / "adbench" / "4_breastw.csv", float_precision="round_trip")
    x = df[[c for c in df.columns if c.startswith("x")]].to_numpy(dtype=np.float64)
    test = np.array([np.full(9, v) for v in (1, 10, 0, 11, 5.5, 1.9)])
    w = pyod_projections(50, x.shape[1], 7)
    golden_io.write(PART, GEN, "breastw.json", {
        "seed": 7, "cuts": 50, "rows": int(x.shape[0]), "test": [golden_io.floats(r) for r in test],
        "projections": [golden_io.floats(r) for r in w],
        "bins10": case("breastw", x, [test], w, 10, False), "auto": case("breastw", x, [test], w, "auto", False)})


if __name__ == "__main__":
    synthetic()
    breastw()
