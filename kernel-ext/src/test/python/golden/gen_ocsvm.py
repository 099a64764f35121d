#!/usr/bin/env python3
"""Golden references for org.anomaly4j.detect.OneClassSvm from scikit-learn's OneClassSVM (libsvm).

Writes kernel-ext/src/test/resources/golden/ocsvm/:
  hive17.csv / hive17.json    Hive17 raw T17, RH17: (a) nu=0.1, gamma=0.05; (b) defaults (gamma='scale', nu=0.5)
  thyroid.csv / thyroid.json  ADBench 38_thyroid x0..x5, defaults (a larger case that shrinks and unshrinks)
  synthetic.csv / synthetic.json
                              seeded Gaussian 300 x 2 (the data itself is in the CSV): gamma 'scale', 'auto',
                              and 'scale' with shrinking=False; decision values on a 7 x 7 grid of new points

For each case the JSON holds the resolved gamma, rho (= -intercept_ = offset_), n_support, the support
indices, the dual coefficients (alpha), their sum and the number of predicted outliers; the CSV holds
decision_function and predict for every training row.

    ANOMALY4J_DATA=/work/shared/data /work/main/.venv/bin/python kernel-ext/src/test/python/golden/gen_ocsvm.py
"""
from __future__ import annotations

import json
import os
import pathlib

import numpy as np
import pandas as pd
import sklearn
from sklearn.svm import OneClassSVM

HERE = pathlib.Path(__file__).resolve()
OUT = HERE.parents[2] / "resources" / "golden" / "ocsvm"
DATA = pathlib.Path(os.environ.get("ANOMALY4J_DATA", HERE.parents[5] / "shared" / "data"))


def fit(x: np.ndarray, **kw) -> tuple[dict, np.ndarray, np.ndarray, OneClassSVM]:
    m = OneClassSVM(**kw).fit(x)
    dec = m.decision_function(x)
    pred = m.predict(x)
    info = {
        "params": {k: v for k, v in kw.items()},
        "gamma": float(m._gamma),
        "rho": float(-m.intercept_[0]),
        "offset": float(m.offset_[0]),
        "n_support": int(m.support_.size),
        "support": [int(i) for i in m.support_],
        "dual_coef": [float(a) for a in m.dual_coef_[0]],
        "dual_coef_sum": float(m.dual_coef_.sum()),
        "n_outliers": int((pred == -1).sum()),
        "n_iter": int(np.ravel(m.n_iter_)[0]),
    }
    return info, dec, pred, m


def write(name: str, meta: dict, table: pd.DataFrame) -> None:
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__, **meta}
    (OUT / f"{name}.json").write_text(json.dumps(meta, indent=1) + "\n")
    table.to_csv(OUT / f"{name}.csv", index=False, float_format="%.17g")


def hive17() -> None:
    df = pd.read_csv(DATA / "beehives" / "Hive17.csv", sep=";")
    x = df[["T17", "RH17"]].to_numpy(dtype=np.float64)
    a, dec_a, pred_a, _ = fit(x, nu=0.1, gamma=0.05)
    b, dec_b, pred_b, _ = fit(x)
    assert a["n_outliers"] == 214, a["n_outliers"]
    write("hive17", {"input": "beehives/Hive17.csv, columns T17, RH17 (raw)", "rows": len(x),
                     "a": a, "b": b},
          pd.DataFrame({"decision_a": dec_a, "predict_a": pred_a, "decision_b": dec_b, "predict_b": pred_b}))


def thyroid() -> None:
    df = pd.read_csv(DATA / "adbench" / "38_thyroid.csv")
    cols = [c for c in df.columns if c != "label"]
    x = df[cols].to_numpy(dtype=np.float64)
    info, dec, pred, _ = fit(x)
    write("thyroid", {"input": "adbench/38_thyroid.csv, columns " + ",".join(cols), "rows": len(x),
                      "defaults": info},
          pd.DataFrame({"decision": dec, "predict": pred}))


def synthetic() -> None:
    rng = np.random.default_rng(20240517)
    x = rng.normal(size=(300, 2))
    grid = np.array([[u, v] for u in np.linspace(-3, 3, 7) for v in np.linspace(-3, 3, 7)])
    cases, cols = {}, {"x0": x[:, 0], "x1": x[:, 1]}
    for key, kw in [("scale", {}), ("auto", {"gamma": "auto"}), ("noshrink", {"shrinking": False})]:
        info, dec, pred, m = fit(x, **kw)
        info["grid_decision"] = [float(v) for v in m.decision_function(grid)]
        cases[key] = info
        cols[f"decision_{key}"] = dec
        cols[f"predict_{key}"] = pred
    write("synthetic", {"input": "numpy default_rng(20240517).normal(size=(300, 2))", "rows": len(x),
                        "grid": grid.tolist(), **cases}, pd.DataFrame(cols))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    hive17()
    thyroid()
    synthetic()
    for p in sorted(OUT.iterdir()):
        print(f"{p.name}: {p.stat().st_size} bytes")
