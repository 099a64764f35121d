"""Golden reference results for the statistical detectors (anomaly4j detect, part "statistical").

Computes with scipy / numpy what org.anomaly4j.stats.{StudentT, DixonTable} and
org.anomaly4j.detect.{ModifiedZScore, IqrFences, Grubbs, GeneralizedEsd, DixonQ} must reproduce, and writes
small JSON files into kernel-ext/src/test/resources/golden/statistical/.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_statistical.py
Without ANOMALY4J_DATA the script looks for a folder shared/data in the script's ancestors.

Inputs: beehives/Hive17.csv columns T17 and RH17 (1847 rows, read from the data folder, never copied here) and a
seeded synthetic sample with planted outliers (written into synthetic.json, since Java cannot replay numpy's
generator). The Grubbs / generalized ESD iterations are plain numpy written from the papers' definitions
(scipy has no Grubbs or ESD); their critical values use scipy.stats.t.ppf.
"""
import json
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
from scipy import stats

SCRIPT_DIR = Path(__file__).resolve().parent
OUT = SCRIPT_DIR.parents[1] / "resources" / "golden" / "statistical"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden_io import data_root  # noqa: E402  (shared with the other generators)

SEED = 20240917
ALPHAS = [0.01, 0.05, 0.10]


def versions():
    return {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
            "pandas": pd.__version__}


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def write(name, payload):
    payload = {"versions": versions(), **payload}
    path = OUT / name
    path.write_text(json.dumps(payload, indent=1, allow_nan=False) + "\n")
    print(f"{path.name}: {path.stat().st_size} bytes")


# ---------------------------------------------------------------- Student t and critical values

def grubbs_critical(n, alpha):
    """G_crit = ((n-1)/sqrt(n)) * sqrt(t^2 / (n-2+t^2)), t = t.ppf(1 - alpha/(2n), n-2) (Grubbs 1969)."""
    t = stats.t.ppf(1 - alpha / (2 * n), n - 2)
    return (n - 1) / np.sqrt(n) * np.sqrt(t * t / (n - 2 + t * t))


def esd_lambda(n, i, alpha):
    """Rosner (1983) lambda_i as written in the NIST e-Handbook 1.3.5.17.3."""
    p = 1 - alpha / (2 * (n - i + 1))
    t = stats.t.ppf(p, n - i - 1)
    return (n - i) * t / np.sqrt((n - i - 1 + t * t) * (n - i + 1))


def t_tables():
    dfs = [1, 2, 3, 4, 5, 7, 10, 17, 28, 52, 100, 183, 1000, 1845]
    probs = [0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 1 - 1e-4, 1 - 0.05 / (2 * 54), 1 - 0.05 / (2 * 1847),
             1 - 0.01 / (2 * 1847), 1 - 1e-9]
    grid = [{"df": df, "p": p, "ppf": float(stats.t.ppf(p, df)), "sf_at_ppf": float(stats.t.sf(stats.t.ppf(p, df), df))}
            for df in dfs for p in probs]
    # Closed forms (exact to rounding), to show where scipy's ppf itself is off: df = 1 (Cauchy,
    # t = tan(pi (1/2 - q)) = 1 / tan(pi q), the latter well conditioned for small q) and df = 2.
    exact = []
    for q in [0.4, 0.25, 0.1, 0.05, 0.025, 0.01, 1e-4, 1e-8]:
        exact.append({"df": 1, "q": q, "t": float(1 / np.tan(np.pi * q)), "scipy_isf": float(stats.t.isf(q, 1))})
        exact.append({"df": 2, "q": q, "t": float((1 - 2 * q) / np.sqrt(2 * q * (1 - q))),
                      "scipy_isf": float(stats.t.isf(q, 2))})
    ns = list(range(3, 31)) + [40, 50, 54, 100, 200, 500, 1000, 1847]
    crit = [{"n": n, "alpha": a, "g_crit": float(grubbs_critical(n, a))} for n in ns for a in ALPHAS]
    write("t_quantiles.json", {"grid": grid, "exact": exact, "grubbs_critical": crit})


# ---------------------------------------------------------------- iterations (numpy, from the definitions)

def sweep(x, max_steps, alpha, grubbs):
    """Removal steps: most extreme value (first on ties, np.argmax), R = |x-mean|/s (ddof=1), critical value."""
    values = np.asarray(x, dtype=float).copy()
    index = np.arange(len(values))
    n = len(values)
    cand, stat, crit = [], [], []
    accepted = None
    while len(stat) < max_steps and len(values) >= 3:
        s = values.std(ddof=1)
        if not s > 0:
            break
        dev = np.abs(values - values.mean())
        k = int(np.argmax(dev))
        m = len(values)
        cand.append(int(index[k]))
        stat.append(float(dev[k] / s))
        crit.append(float(grubbs_critical(m, alpha) if grubbs else esd_lambda(n, n - m + 1, alpha)))
        if grubbs and not stat[-1] > crit[-1]:
            accepted = len(stat) - 1
            break
        values = np.delete(values, k)
        index = np.delete(index, k)
    if grubbs:
        count = accepted if accepted is not None else len(stat)
    else:
        above = [i + 1 for i in range(len(stat)) if stat[i] > crit[i]]
        count = max(above) if above else 0
    return {"candidates": cand, "statistics": stat, "critical": crit, "outliers": cand[:count]}


def deviates_model(columns, alpha, test):
    """Detector form: per column, inliers' mean / std(ddof=1) and G_crit(n_inliers); score = max G-ratio."""
    n = len(columns[0])
    per = []
    ratios = []
    for c in columns:
        r = test(c)
        keep = np.ones(n, dtype=bool)
        keep[r["outliers"]] = False
        inl = c[keep]
        mean, std = inl.mean(), inl.std(ddof=1)
        crit = grubbs_critical(int(keep.sum()), alpha)
        per.append({"test": r, "mean": float(mean), "std": float(std), "critical": float(crit)})
        ratios.append(np.abs(c - mean) / std / crit)
    scores = np.max(np.vstack(ratios), axis=0)
    union = sorted(set(i for p in per for i in p["test"]["outliers"]))
    flagged = [int(i) for i in np.flatnonzero(scores > 1)]
    return {"columns": per, "scores": floats(scores), "flagged": flagged, "test_union": union,
            "flagged_equals_test_union": flagged == union}


# ---------------------------------------------------------------- data

def hive():
    d = pd.read_csv(data_root() / "beehives" / "Hive17.csv", sep=";")
    return d["T17"].to_numpy(float), d["RH17"].to_numpy(float)


def synthetic():
    """300 rows: a ~ N(10, 2) with 4 planted outliers, b ~ N(0, 1) with 2; c has a MAD of 0 (62 % zeros)."""
    rng = np.random.default_rng(SEED)
    n = 300
    a = np.round(rng.normal(10, 2, n), 3)
    b = np.round(rng.normal(0, 1, n), 3)
    a[[7, 50, 123, 250]] = [25.0, -5.0, 22.5, 21.0]
    b[[3, 77]] = [6.5, -5.8]
    c = np.where(rng.random(n) < 0.62, 0.0, np.round(rng.exponential(3, n), 3))
    return a, b, c


# ---------------------------------------------------------------- detectors

def modified_z(columns):
    med = np.array([np.median(c) for c in columns])
    mad = np.array([stats.median_abs_deviation(c) for c in columns])
    mean_ad = np.array([np.mean(np.abs(c - m)) for c, m in zip(columns, med)])
    ms = []
    for c, m, s, a in zip(columns, med, mad, mean_ad):
        ms.append(0.6745 * (c - m) / s if s > 0 else (c - m) / (1.253314 * a))
    ms = np.vstack(ms)
    scores = np.max(np.abs(ms), axis=0)
    return {"median": floats(med), "mad": floats(mad), "mean_abs_deviation": floats(mean_ad),
            "scores": floats(scores), "flagged": ints(np.flatnonzero(scores > 3.5)),
            "explain_rows": [0, 7, 50], "explain": [floats(ms[:, i]) for i in [0, 7, 50]]}


def iqr(columns, k):
    q = np.array([np.percentile(c, [25, 75]) for c in columns])
    q1, q3 = q[:, 0], q[:, 1]
    width = q3 - q1
    lower, upper = q1 - k * width, q3 + k * width
    s = np.vstack([np.maximum(c - u, lo - c) / w for c, lo, u, w in zip(columns, lower, upper, width)])
    scores = np.max(s, axis=0)
    return {"k": k, "q1": floats(q1), "q3": floats(q3), "lower": floats(lower), "upper": floats(upper),
            "scores": floats(scores), "flagged": ints(np.flatnonzero(scores > 0)),
            "seeds_score_flagged": ints(np.flatnonzero(np.max(np.maximum(s, 0), axis=0) > 0))}


def dixon_monte_carlo(samples=1_000_000):
    """(1 - alpha) quantiles of max(Q_low, Q_high) (r10) for normal samples, n = 3..30, seeded."""
    rng = np.random.default_rng(SEED + 1)
    levels = [0.20, 0.10, 0.05, 0.04, 0.02, 0.01]
    out = []
    for n in range(3, 31):
        stat = np.empty(samples)
        chunk = 200_000
        for start in range(0, samples, chunk):
            x = np.sort(rng.standard_normal((chunk, n)), axis=1)
            r = x[:, -1] - x[:, 0]
            stat[start:start + chunk] = np.maximum(x[:, 1] - x[:, 0], x[:, -1] - x[:, -2]) / r
        out.append({"n": n, "quantiles": floats(np.quantile(stat, [1 - a for a in levels]))})
    write("dixon_monte_carlo.json", {"samples": samples, "seed": SEED + 1, "alphas": levels, "rows": out})


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    t17, rh17 = hive()
    a, b, c = synthetic()
    t_tables()
    write("synthetic.json", {"seed": SEED, "a": floats(a), "b": floats(b), "c": floats(c)})

    write("mad.json", {"hive": modified_z([t17, rh17]), "synthetic": modified_z([a, b, c])})
    write("iqr.json", {"hive": iqr([t17, rh17], 1.5), "hive_k3": iqr([t17, rh17], 3.0),
                       "synthetic": iqr([a, b], 1.5)})

    g = {}
    for name, col in [("T17", t17), ("RH17", rh17), ("a", a), ("b", b)]:
        for alpha in [0.05, 0.01]:
            g[f"{name}@{alpha}"] = sweep(col, len(col), alpha, grubbs=True)
    write("grubbs.json", {"tests": g,
                          "model_hive": deviates_model([t17, rh17], 0.05, lambda x: sweep(x, len(x), 0.05, True)),
                          "model_synthetic": deviates_model([a, b], 0.05, lambda x: sweep(x, len(x), 0.05, True))})

    e = {}
    for name, col in [("T17", t17), ("RH17", rh17), ("a", a), ("b", b)]:
        r = max(1, int(np.floor(0.1 * len(col))))
        e[f"{name}@0.05"] = {"max_outliers": r, **sweep(col, r, 0.05, grubbs=False)}
    e["a@0.01/r=10"] = {"max_outliers": 10, **sweep(a, 10, 0.01, grubbs=False)}

    def esd10(x):
        return sweep(x, max(1, int(np.floor(0.1 * len(x)))), 0.05, False)

    write("esd.json", {"tests": e, "model_hive": deviates_model([t17, rh17], 0.05, esd10),
                       "model_synthetic": deviates_model([a, b], 0.05, esd10)})
    dixon_monte_carlo()


if __name__ == "__main__":
    main()
