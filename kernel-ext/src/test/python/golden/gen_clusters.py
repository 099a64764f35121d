#!/usr/bin/env python3
"""Goldens for the clustering detectors (k-means distance, CBLOF, DBSCAN) from scikit-learn.

Cases (JSON files under kernel-ext/src/test/resources/golden/clusters/; <case>_dbscan.json holds DBSCAN):
  hive17.json   beehives/Hive17 T17, RH17, standardised by StandardScaler (mean and scale stored, so the Java
                side builds the same bits as (x - mean) / scale)
  thyroid.json  adbench/38_thyroid x0..x5, raw
  relocation.json  12 hand-made rows, KMeans(3, init with two equal centres): the empty-cluster relocation
For each:
  kmeans        initial centres = sklearn.cluster.kmeans_plusplus(X, 8, random_state=0); then
                KMeans(n_clusters=8, init=<those centres>, n_init=1) (Lloyd, tol 1e-4, max_iter 300):
                labels_, cluster_centers_, inertia_, n_iter_
  best_inertia  KMeans(n_clusters=8, n_init=10, random_state=0).inertia_ (k-means++ best of 10 seedings)
  cblof         PyOD's CBLOF (pyod/models/cblof.py, 2.x) re-implemented below in numpy from the k-means result
                above (alpha 0.9, beta 5): large cluster labels, scores with use_weights False and True
  dbscan        DBSCAN(eps, min_samples=5) for two eps: labels_, core_sample_indices_, and the detector's score
                (distance to the nearest core sample, exact Euclidean through a KDTree on the core samples)

    ANOMALY4J_DATA=/work/shared/data /work/main/.venv/bin/python kernel-ext/src/test/python/golden/gen_clusters.py
"""
import numpy as np
import pandas as pd
from sklearn.cluster import DBSCAN, KMeans, kmeans_plusplus
from sklearn.neighbors import KDTree
from sklearn.preprocessing import StandardScaler

from golden_io import data_root, floats, write

PART = "clusters"
GEN = "gen_clusters.py"
K = 8


def cblof(x, labels, centres, alpha=0.9, beta=5, use_weights=False):
    """PyOD's CBLOF from a fitted clustering: _set_small_large_clusters and _decision_function."""
    sizes = np.bincount(labels)
    n_clusters = sizes.shape[0]
    order = np.argsort(sizes * -1, kind="stable")  # PyOD's argsort is quicksort; stable = ours on equal sizes
    alpha_list, beta_list = [], []
    for i in range(1, n_clusters):
        if np.sum(sizes[order[:i]]) >= len(x) * alpha:
            alpha_list.append(i)
        if sizes[order[i - 1]] / sizes[order[i]] >= beta:
            beta_list.append(i)
    both = np.intersect1d(alpha_list, beta_list)
    cut = both[0] if len(both) else alpha_list[0] if alpha_list else beta_list[0]
    small, large = order[cut:], order[:cut]
    scores = np.zeros(len(x))
    s_idx = np.where(np.isin(labels, small))[0]
    l_idx = np.where(np.isin(labels, large))[0]
    if len(s_idx):
        diff = x[s_idx, None, :] - centres[None, large, :]
        scores[s_idx] = np.sqrt((diff ** 2).sum(axis=2)).min(axis=1)
    if len(l_idx):
        scores[l_idx] = np.sqrt(((x[l_idx] - centres[labels[l_idx]]) ** 2).sum(axis=1))
    if use_weights:
        scores = scores * sizes[labels]
    return sorted(int(c) for c in large), scores


def dbscan(x, eps):
    db = DBSCAN(eps=eps, min_samples=5).fit(x)
    cores = x[db.core_sample_indices_]
    dist, _ = KDTree(cores).query(x, k=1)
    return {"eps": eps, "min_samples": 5, "labels": [int(v) for v in db.labels_],
            "core_sample_indices": [int(v) for v in db.core_sample_indices_],
            "noise": int((db.labels_ == -1).sum()), "score": floats(dist[:, 0])}


def case(name, source, x, extra, eps_list):
    init, init_idx = kmeans_plusplus(x, K, random_state=0)
    km = KMeans(n_clusters=K, init=init, n_init=1).fit(x)
    best = KMeans(n_clusters=K, n_init=10, random_state=0).fit(x)
    large, plain = cblof(x, km.labels_, km.cluster_centers_)
    _, weighted = cblof(x, km.labels_, km.cluster_centers_, use_weights=True)
    write(PART, GEN, name, {
        "input": source, "rows": len(x), **extra,
        "kmeans": {"n_clusters": K, "init_indices": [int(i) for i in init_idx],
                   "init": [floats(r) for r in init], "labels": [int(v) for v in km.labels_],
                   "centres": [floats(r) for r in km.cluster_centers_], "inertia": float(km.inertia_),
                   "n_iter": int(km.n_iter_), "best_of_10_inertia": float(best.inertia_)},
        "cblof": {"alpha": 0.9, "beta": 5, "large": large, "score": floats(plain), "score_weighted": floats(weighted)}})
    write(PART, GEN, name.replace(".json", "_dbscan.json"), {
        "input": source, "rows": len(x), **extra, "dbscan": [dbscan(x, e) for e in eps_list]})


def relocation_case():
    """Two equal initial centres: the second starts empty and is moved to the row farthest from its centre."""
    x = np.array([[0.0, 0.0], [0.5, 0.2], [0.1, 0.9], [1.0, 1.0], [4.0, 4.5], [5.0, 5.0], [5.5, 4.0],
                  [9.0, 0.0], [9.5, 0.5], [0.2, 8.0], [3.0, 3.0], [7.0, 7.5]])
    init = np.array([[0.0, 0.0], [0.0, 0.0], [5.0, 5.0]])
    km = KMeans(n_clusters=3, init=init, n_init=1).fit(x)
    write(PART, GEN, "relocation.json", {
        "input": "12 hand-made 2-d rows; init has two equal centres", "x": [floats(r) for r in x],
        "init": [floats(r) for r in init], "labels": [int(v) for v in km.labels_],
        "centres": [floats(r) for r in km.cluster_centers_], "inertia": float(km.inertia_), "n_iter": int(km.n_iter_)})


def main():
    relocation_case()
    root = data_root()
    df = pd.read_csv(root / "beehives" / "Hive17.csv", sep=";")
    raw = df[["T17", "RH17"]].to_numpy(dtype=np.float64)
    scaler = StandardScaler().fit(raw)
    x = scaler.transform(raw)
    case("hive17.json", "beehives/Hive17.csv (';'), columns T17, RH17, standardised: (x - mean) / scale", x,
         {"mean": floats(scaler.mean_), "scale": floats(scaler.scale_)}, [0.1, 0.15])
    t = pd.read_csv(root / "adbench" / "38_thyroid.csv", float_precision="round_trip")
    xt = t[[c for c in t.columns if c.startswith("x")]].to_numpy(dtype=np.float64)
    case("thyroid.json", "adbench/38_thyroid.csv, columns x0..x5, raw", xt, {}, [0.03, 0.05])


if __name__ == "__main__":
    main()
