#!/usr/bin/env python3
"""ROC-AUC and average precision of scikit-learn's unsupervised detectors on the ten ADBench tables, the
reference column of the README's detector table (and of the auto() goal: beat every single one on the mean).

For each table in $ANOMALY4J_DATA/adbench (features x*, label 1 = anomaly), on the raw features (no scaling,
as the Java side runs every detector with its defaults), training scores of:
  isolation-forest   IsolationForest(n_estimators=100, random_state=0..4): mean AUC and AP over the 5 seeds
  one-class-svm      OneClassSVM() (nu=0.5, gamma='scale'), score = -decision_function
  lof                LocalOutlierFactor(n_neighbors=20), score = -negative_outlier_factor_
  elliptic-envelope  EllipticEnvelope(random_state=0), score = -score_samples (MinCovDet with reweighting)
  gmm                GaussianMixture(n_components=1, random_state=0), score = -score_samples
  kmeans             KMeans(n_clusters=8, random_state=0), score = transform(x).min(axis=1), distance to the
                     nearest centre (our seeding draws other random numbers, so this is a reference, not parity)
  dbscan             DBSCAN(eps=0.5, min_samples=5), score = distance to the nearest core sample (no row when a
                     table has no core sample at that eps: every row is noise and the score is undefined)
Writes kernel-ext/src/test/resources/golden/adbench/sklearn.csv (dataset, detector, auc, ap) and the means.

    ANOMALY4J_DATA=/work/shared/data /work/main/.venv/bin/python kernel-ext/src/test/python/golden/gen_adbench.py [NAME ...]

With detector names, only those are run and their rows replace the ones in the existing sklearn.csv.
"""
from __future__ import annotations

import os
import pathlib
import sys
import time
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import DBSCAN, KMeans
from sklearn.covariance import EllipticEnvelope
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import KDTree, LocalOutlierFactor
from sklearn.svm import OneClassSVM

HERE = pathlib.Path(__file__).resolve()
OUT = HERE.parents[2] / "resources" / "golden" / "adbench" / "sklearn.csv"
DATA = pathlib.Path(os.environ.get("ANOMALY4J_DATA", HERE.parents[5] / "shared" / "data")) / "adbench"


def detectors():
    yield "isolation-forest", lambda x: [-IsolationForest(n_estimators=100, random_state=s).fit(x).score_samples(x)
                                          for s in range(5)]
    yield "one-class-svm", lambda x: [-OneClassSVM().fit(x).decision_function(x)]
    yield "lof", lambda x: [-LocalOutlierFactor(n_neighbors=20).fit(x).negative_outlier_factor_]
    yield "elliptic-envelope", lambda x: [-EllipticEnvelope(random_state=0).fit(x).score_samples(x)]
    yield "gmm", lambda x: [-GaussianMixture(n_components=1, random_state=0).fit(x).score_samples(x)]
    yield "kmeans", lambda x: [KMeans(n_clusters=8, random_state=0).fit(x).transform(x).min(axis=1)]
    yield "dbscan", dbscan_scores


def dbscan_scores(x):
    cores = x[DBSCAN(eps=0.5, min_samples=5).fit(x).core_sample_indices_]
    return [KDTree(cores).query(x, k=1)[0][:, 0]] if len(cores) else []


def main() -> None:
    only = set(sys.argv[1:])
    rows = []
    for f in sorted(DATA.glob("*.csv")):
        df = pd.read_csv(f, float_precision="round_trip")
        x = df[[c for c in df.columns if c.startswith("x")]].to_numpy(dtype=np.float64)
        y = df[[c for c in df.columns if not c.startswith("x")][0]].to_numpy()
        for name, run in detectors():
            if only and name not in only:
                continue
            t = time.time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                scores = run(x)
            if not scores:
                print(f"{f.stem:16s} {name:18s} no score", file=sys.stderr)
                continue
            auc = float(np.mean([roc_auc_score(y, s) for s in scores]))
            ap = float(np.mean([average_precision_score(y, s) for s in scores]))
            rows.append({"dataset": f.stem, "detector": name, "auc": round(auc, 6), "ap": round(ap, 6)})
            print(f"{f.stem:16s} {name:18s} auc {auc:.4f} ap {ap:.4f} ({time.time() - t:.1f} s)", file=sys.stderr)
    out = pd.DataFrame(rows)
    if only and OUT.exists():
        old = pd.read_csv(OUT)
        out = pd.concat([old[~old["detector"].isin(only)], out], ignore_index=True)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(OUT, index=False)
    print(out.groupby("detector")[["auc", "ap"]].mean().round(4), file=sys.stderr)
    print(f"sklearn {sklearn.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
