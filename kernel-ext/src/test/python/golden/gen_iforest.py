#!/usr/bin/env python3
"""Golden references for org.anomaly4j.detect.IsolationForest, computed with scikit-learn.

scikit-learn's random number stream cannot be reproduced in Java, so parity is checked in two ways:

1. trees.json -- exact scoring semantics. Fits sklearn.ensemble.IsolationForest on small float32-exact
   data sets, exports every fitted tree (tree_.feature, threshold, children_left/right, n_node_samples)
   with estimators_features_ and max_samples_, and the score_samples of training and test points. The
   Java test rebuilds a model from these arrays and must give the same score_samples within 1e-12
   (path length = depth + c(leaf size), c(n) = sklearn's _average_path_length, normalisation by
   c(max_samples_)). All values are multiples of 1/64 with small magnitude, so sklearn's cast to float32
   changes nothing and both sides compare the same numbers with the thresholds.
   Also c(n) for a few n, straight from sklearn.ensemble._iforest._average_path_length.

2. adbench_auc.csv -- statistical parity. For each ADBench table in $ANOMALY4J_DATA/adbench
   (features x*, label 1 = anomaly) the ROC-AUC of -score_samples of the training data for
   IsolationForest(n_estimators=100, other parameters default) with random_state 0..4, and their mean.

Run:  ANOMALY4J_DATA=/work/shared/data /work/main/.venv/bin/python kernel-ext/src/test/python/golden/gen_iforest.py
"""
from __future__ import annotations

import json
import os
import pathlib
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.ensemble._iforest import _average_path_length
from sklearn.metrics import roc_auc_score

OUT = pathlib.Path(__file__).resolve().parents[2] / "resources" / "golden" / "iforest"
DATA = pathlib.Path(os.environ.get("ANOMALY4J_DATA", "/work/shared/data"))
ADBENCH = ["2_annthyroid", "4_breastw", "6_cardio", "23_mammography", "28_pendigits", "29_Pima",
           "30_satellite", "32_shuttle", "38_thyroid", "44_Wilt"]


def exact(a: np.ndarray) -> np.ndarray:
    """Rounds to multiples of 1/64: exactly representable in float32 (|x| < 2^17)."""
    return np.round(a * 64) / 64


def export(model: IsolationForest, train: np.ndarray, test: np.ndarray, params: dict) -> dict:
    trees = []
    for est in model.estimators_:
        t = est.tree_
        trees.append({"feature": t.feature.tolist(), "threshold": t.threshold.tolist(),
                      "left": t.children_left.tolist(), "right": t.children_right.tolist(),
                      "size": t.n_node_samples.tolist()})
    return {
        "params": params,
        "n_features": int(train.shape[1]),
        "max_samples_": int(model.max_samples_),
        # sklearn indexes the tree's columns through estimators_features_ only when it subsamples features
        "subsample_features": bool(model._max_features != train.shape[1]),
        "estimators_features": [f.tolist() for f in model.estimators_features_],
        "trees": trees,
        "offset": float(model.offset_),
        "train": train.tolist(),
        "test": test.tolist(),
        "score_samples_train": model.score_samples(train).tolist(),
        "score_samples_test": model.score_samples(test).tolist(),
    }


def tree_goldens() -> dict:
    rng = np.random.default_rng(2024)
    train = exact(rng.normal(0, 1, (80, 3)))
    train[0] = [6, -5.5, 4.25]
    train[1] = [0.5, 7, -0.25]
    test = exact(np.vstack([rng.normal(0, 1.5, (30, 3)), [[10, 0, 0], [0, 0, 0], [-3, 3, -3]]]))
    configs = []
    p1 = {"n_estimators": 12, "random_state": 0}
    configs.append(export(IsolationForest(**p1).fit(train), train, test, p1))
    p2 = {"n_estimators": 12, "random_state": 1, "max_samples": 32, "max_features": 2, "contamination": 0.1}
    configs.append(export(IsolationForest(**p2).fit(train), train, test, p2))
    ns = [0, 1, 2, 3, 4, 5, 10, 32, 80, 255, 256, 1000, 100000]
    return {"sklearn": sklearn.__version__, "numpy": np.__version__, "configs": configs,
            "average_path_length": {"n": ns, "c": _average_path_length(np.array(ns)).tolist()}}


def adbench() -> pd.DataFrame:
    rows = []
    for name in ADBENCH:
        df = pd.read_csv(DATA / "adbench" / f"{name}.csv")
        x = df[[c for c in df.columns if c.startswith("x")]].to_numpy(dtype=float)
        y = df["label"].to_numpy()
        aucs = []
        for rs in range(5):
            m = IsolationForest(n_estimators=100, random_state=rs).fit(x)
            aucs.append(roc_auc_score(y, -m.score_samples(x)))
        rows.append({"dataset": name, "rows": x.shape[0], "features": x.shape[1], "anomalies": int(y.sum()),
                     **{f"auc_rs{rs}": round(a, 6) for rs, a in enumerate(aucs)},
                     "mean_auc": round(float(np.mean(aucs)), 6)})
        print(f"{name}: {np.mean(aucs):.4f}", file=sys.stderr)
    return pd.DataFrame(rows)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "trees.json").write_text(json.dumps(tree_goldens()))
    adbench().to_csv(OUT / "adbench_auc.csv", index=False)
    print(f"written: {OUT}")


if __name__ == "__main__":
    main()
