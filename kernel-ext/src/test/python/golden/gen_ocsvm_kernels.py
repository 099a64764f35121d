#!/usr/bin/env python3
"""Golden references for OneClassSvm's linear, poly and sigmoid kernels, from scikit-learn's OneClassSVM.

Writes kernel-ext/src/test/resources/golden/ocsvm/kernels.json: a seeded numpy data set (120 x 3, standard
normal with 4 planted far rows, values rounded to 1/1024 so text round trips exactly), 10 probe rows, and for
each configuration the resolved gamma, rho (= offset_), n_support, the dual coefficient sum, decision_function
of the training and probe rows, and the number of predicted outliers.

    /work/main/.venv/bin/python kernel-ext/src/test/python/golden/gen_ocsvm_kernels.py
"""
from __future__ import annotations

import json
import pathlib

import numpy as np
import sklearn
from sklearn.svm import OneClassSVM

OUT = pathlib.Path(__file__).resolve().parents[2] / "resources" / "golden" / "ocsvm" / "kernels.json"

CONFIGS = [
    {"kernel": "linear", "nu": 0.1},
    {"kernel": "linear", "nu": 0.5},
    {"kernel": "poly", "nu": 0.1, "degree": 3, "gamma": "scale", "coef0": 1.0},
    {"kernel": "poly", "nu": 0.3, "degree": 2, "gamma": 0.5, "coef0": 0.0},
    {"kernel": "sigmoid", "nu": 0.1, "gamma": 0.1, "coef0": 0.0},
    {"kernel": "sigmoid", "nu": 0.5, "gamma": "auto", "coef0": -1.0},
    {"kernel": "rbf", "nu": 0.1, "gamma": "scale"},
]


def main() -> None:
    rng = np.random.default_rng(20261201)
    x = np.round(rng.normal(size=(120, 3)) * 1024) / 1024
    x[:4] = [[6, -5, 4], [-7, 6, 0.5], [5, 5, 5], [0, -8, 3]]
    probes = np.round(rng.normal(scale=2.0, size=(10, 3)) * 1024) / 1024
    cases = []
    for cfg in CONFIGS:
        m = OneClassSVM(**cfg).fit(x)
        cases.append({
            "params": cfg,
            "gamma": float(m._gamma),
            "rho": float(m.offset_[0]),
            "n_support": int(m.support_.size),
            "dual_coef_sum": float(m.dual_coef_.sum()),
            "decision": [float(v) for v in m.decision_function(x)],
            "probe_decision": [float(v) for v in m.decision_function(probes)],
            "n_outliers": int((m.predict(x) == -1).sum()),
        })
    OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__, "x": x.tolist(),
                               "probes": probes.tolist(), "cases": cases}, indent=1) + "\n")


if __name__ == "__main__":
    main()
