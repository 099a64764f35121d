#!/usr/bin/env python3
"""Golden references for org.anomaly4j.detect.neighbors (nearest neighbours, LOF, k-NN distance) from
scikit-learn. PyOD is not installed; its KNN scores are reproduced from its formula over scikit-learn's
NearestNeighbors (method 'largest' = distance to the k-th neighbour, 'mean', 'median'; training rows
exclude themselves, new rows are scored against the training rows).

Writes kernel-ext/src/test/resources/golden/neighbors/ (see the README there):
  kneighbors.json  generated rows with duplicates: distances and indices of kneighbors() and of new rows
  lof_synthetic.json  generated 2-D rows with duplicates (one row 25 times): LOF n_neighbors=20 training
                   scores, novelty score_samples of new rows, and n_neighbors=50 on 30 rows (clipped to 29);
                   k-NN scores (k=5, largest/mean/median), training and new rows
  lof_hive17.json  beehives/Hive17 T17, RH17: LOF training scores; novelty (fit on the first 1,200 rows,
                   score the rest); k-NN largest scores
  lof_thyroid.json ADBench 38_thyroid x0..x5: LOF training scores, k-NN (k=5) largest and mean scores
  cof.json         PyOD COF(method='fast') reproduced in numpy/scipy on generated rows (a ring and a line)
  lof_choice.json  silhouette_score of LOF(k, contamination=0.1) labellings, k = 10..50 step 5, on the
                   lof_synthetic rows, and the k with the largest silhouette
  adbench_auc.csv  ROC-AUC of LOF(n_neighbors=20) and k-NN (k=5, largest) on the ten ADBench tables

    ANOMALY4J_DATA=/work/shared/data /work/main/.venv/bin/python kernel-ext/src/test/python/golden/gen_neighbors.py
"""
from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
from scipy.spatial import distance_matrix
from sklearn.metrics import roc_auc_score, silhouette_score
from sklearn.neighbors import LocalOutlierFactor, NearestNeighbors

from golden_io import data_root, floats, write, GOLDEN_ROOT

PART = "neighbors"
GEN = "kernel-ext/src/test/python/golden/gen_neighbors.py"
ADBENCH = ["2_annthyroid", "4_breastw", "6_cardio", "23_mammography", "28_pendigits", "29_Pima",
           "30_satellite", "32_shuttle", "38_thyroid", "44_Wilt"]


def knn_scores(x: np.ndarray, k: int, new: np.ndarray | None = None) -> dict:
    """PyOD KNN(n_neighbors=k, method=...) decision_scores_ (and decision_function of new rows)."""
    nn = NearestNeighbors(n_neighbors=k).fit(x)
    out = {}
    d, _ = nn.kneighbors()  # X=None: each training row's k nearest other rows
    out["largest"], out["mean"], out["median"] = floats(d[:, -1]), floats(d.mean(axis=1)), floats(np.median(d, axis=1))
    if new is not None:
        dn, _ = nn.kneighbors(new, n_neighbors=k)
        out["new_largest"], out["new_mean"], out["new_median"] = (floats(dn[:, -1]), floats(dn.mean(axis=1)),
                                                                  floats(np.median(dn, axis=1)))
    return out


def lof(x: np.ndarray, k: int = 20, new: np.ndarray | None = None) -> dict:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = LocalOutlierFactor(n_neighbors=k, novelty=new is not None).fit(x)
    out = {"n_neighbors": k, "n_neighbors_": int(m.n_neighbors_), "offset": float(m.offset_),
           "warnings": [str(w.message) for w in caught],
           "lof": floats(-m.negative_outlier_factor_), "k_distance": floats(m._distances_fit_X_[:, -1]),
           "lrd": floats(m._lrd)}
    if new is not None:
        out["new_lof"] = floats(-m.score_samples(new))
    return out


def kneighbors_case() -> None:
    rng = np.random.default_rng(11)
    x = np.round(rng.normal(size=(300, 3)), 3)
    x[290:300] = x[0:10]          # ten rows duplicated once
    x[280:284] = x[50]            # one row five times
    new = np.vstack([np.round(rng.normal(size=(40, 3)), 3), x[[0, 50, 100]]])  # three new rows equal to training rows
    nn = NearestNeighbors(n_neighbors=7).fit(x)
    d, i = nn.kneighbors()
    dn, in_ = nn.kneighbors(new)
    wide = np.round(rng.normal(size=(200, 20)), 3)   # d > 15: scikit-learn's 'auto' is brute force; ask for the tree
    dw, iw = NearestNeighbors(n_neighbors=6, algorithm="kd_tree").fit(wide).kneighbors()
    dwb, _ = NearestNeighbors(n_neighbors=6, algorithm="brute").fit(wide).kneighbors()
    write(PART, GEN, "kneighbors.json", {
        "x": [floats(r) for r in x], "new": [floats(r) for r in new], "k": 7, "fit_method": nn._fit_method,
        "distances": [floats(r) for r in d], "indices": i.tolist(),
        "new_distances": [floats(r) for r in dn], "new_indices": in_.tolist(),
        "wide": [floats(r) for r in wide], "wide_k": 6, "wide_distances": [floats(r) for r in dw],
        "wide_indices": iw.tolist(), "wide_brute_max_rel_diff": float(np.max(np.abs(dwb - dw) / dw))})


def synthetic_case() -> None:
    rng = np.random.default_rng(5)
    inl = np.round(rng.normal(size=(200, 2)), 4)
    outl = np.round(rng.uniform(-6, 6, size=(20, 2)), 4)
    x = np.vstack([inl, outl, np.repeat(inl[:5], 2, axis=0), np.repeat(inl[[7]], 24, axis=0)])  # row 7 25 times
    new = np.vstack([np.round(rng.uniform(-5, 5, size=(60, 2)), 4), x[[0, 7, 210]]])
    small = x[:30]
    write(PART, GEN, "lof_synthetic.json", {
        "x": [floats(r) for r in x], "new": [floats(r) for r in new],
        "lof20": lof(x, 20, new), "lof20_train_only": lof(x, 20)["lof"],
        "small_rows": 30, "lof50_small": lof(small, 50), "knn5": knn_scores(x, 5, new)})


def hive17_case() -> None:
    df = pd.read_csv(data_root() / "beehives" / "Hive17.csv", sep=";")
    x = df[["T17", "RH17"]].to_numpy(dtype=np.float64)
    first = 1200
    nov = lof(x[:first], 20, x[first:])
    write(PART, GEN, "lof_hive17.json", {
        "input": "beehives/Hive17.csv (';'), columns T17, RH17", "rows": len(x), "novelty_fit_rows": first,
        "lof20": {k: v for k, v in lof(x).items() if k in ("n_neighbors_", "lof", "warnings")},
        "novelty_lof": nov["new_lof"], "knn5_largest": knn_scores(x, 5)["largest"]})


def thyroid_case() -> None:
    df = pd.read_csv(data_root() / "adbench" / "38_thyroid.csv")
    x = df[[c for c in df.columns if c.startswith("x")]].to_numpy(dtype=np.float64)
    k = knn_scores(x, 5)
    write(PART, GEN, "lof_thyroid.json", {
        "input": "adbench/38_thyroid.csv, columns x0..x5", "rows": len(x),
        "lof20": lof(x)["lof"], "knn5_largest": k["largest"], "knn5_mean": k["mean"]})


def pyod_cof_fast(x: np.ndarray, k: int) -> np.ndarray:
    """PyOD 2.x COF(n_neighbors=k, method='fast').decision_scores_: set-based nearest path over a full distance
    matrix (scipy's distance_matrix), average chaining distance, ratio to the neighbours' mean."""
    dist = distance_matrix(x, x)
    n = len(x)
    path_nbrs, ac = [], np.zeros(n)
    for i in range(n):
        path = np.argsort(dist[i])
        path_nbrs.append(path[1:k + 1])
        cost = [np.min(dist[path[j + 1]][path][:j + 1]) for j in range(k)]
        ac[i] = np.sum([2.0 * (k + 1 - (h + 1)) / ((k + 1) * k) * c for h, c in enumerate(cost)])
    return np.nan_to_num(np.array([ac[i] * k / np.sum(ac[path_nbrs[i]]) for i in range(n)]))


def cof_case() -> None:
    rng = np.random.default_rng(23)
    angle = rng.uniform(0, 2 * np.pi, 120)
    ring = np.c_[np.cos(angle), np.sin(angle)] * 3 + rng.normal(scale=0.05, size=(120, 2))
    line = np.c_[np.linspace(-2, 2, 60), np.zeros(60)] + rng.normal(scale=0.02, size=(60, 2))
    x = np.vstack([ring, line, [[0.0, 0.6], [0.0, -0.5], [5.0, 5.0]]])
    x3 = rng.normal(size=(150, 9))
    write(PART, GEN, "cof.json", {"x": [floats(r) for r in x], "cof20": floats(pyod_cof_fast(x, 20)),
                                  "cof5": floats(pyod_cof_fast(x, 5)),
                                  "x9": [floats(r) for r in x3], "cof9_10": floats(pyod_cof_fast(x3, 10))})


def lof_choice_case() -> None:
    x = np.array(json.loads((GOLDEN_ROOT / PART / "lof_synthetic.json").read_text())["x"])
    ks = list(range(10, 55, 5))
    sil, outl = [], []
    for k in ks:
        labels = LocalOutlierFactor(n_neighbors=k, contamination=0.1).fit_predict(x)
        outl.append(int((labels == -1).sum()))
        sil.append(float(silhouette_score(x, labels)))
    write(PART, GEN, "lof_choice.json", {"input": "rows of lof_synthetic.json", "contamination": 0.1, "k": ks,
                                         "silhouette": sil, "outliers": outl, "chosen_k": ks[int(np.argmax(sil))]})


def adbench_auc() -> None:
    rows = []
    for name in ADBENCH:
        df = pd.read_csv(data_root() / "adbench" / f"{name}.csv")
        x = df[[c for c in df.columns if c.startswith("x")]].to_numpy(dtype=np.float64)
        y = df["label"].to_numpy()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            auto = LocalOutlierFactor(n_neighbors=20).fit(x)
            tree = LocalOutlierFactor(n_neighbors=20, algorithm="kd_tree").fit(x)
        d, _ = NearestNeighbors(n_neighbors=5).fit(x).kneighbors()
        dt, _ = NearestNeighbors(n_neighbors=5, algorithm="kd_tree").fit(x).kneighbors()
        rows.append({"dataset": f"{name}.csv", "rows": len(x), "columns": x.shape[1], "fit_method": auto._fit_method,
                     "lof_auc": roc_auc_score(y, -auto.negative_outlier_factor_),
                     "lof_auc_kd_tree": roc_auc_score(y, -tree.negative_outlier_factor_),
                     "knn_auc": roc_auc_score(y, d[:, -1]), "knn_auc_kd_tree": roc_auc_score(y, dt[:, -1])})
    out = GOLDEN_ROOT / PART / "adbench_auc.csv"
    pd.DataFrame(rows).to_csv(out, index=False, float_format="%.17g")
    print(out, out.stat().st_size, "bytes")


if __name__ == "__main__":
    kneighbors_case()
    synthetic_case()
    hive17_case()
    thyroid_case()
    cof_case()
    lof_choice_case()
    adbench_auc()
