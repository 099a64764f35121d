"""Golden reference results for the control charts (anomaly4j timeseries, part "charts").

What org.anomaly4j.timeseries.{RollingZScore, EwmaChart} must reproduce, computed with pandas where the
definitions coincide:
    rolling z-score, trailing   m = x.rolling(w, min_periods=p).mean().shift(1), s = ....std().shift(1) (ddof 1),
                                score = |x - m| / s
    rolling z-score, centred    the same with rolling(w, min_periods=p, center=True) and no shift
    (both: where s == 0 the score is 0 if x == m, else +inf -- the documented rule; pandas gives NaN / inf)
    EWMA chart                  z = pd.Series([mu0, *x]).ewm(alpha=lam, adjust=False).mean()[1:], mu0 / sigma the
                                mean / std (ddof 1) of the first m values (pandas), sigma_t = sigma *
                                sqrt(lam/(2-lam) * (1-(1-lam)**(2t))), limits mu0 +- L sigma_t, score |z-mu0|/sigma_t
Flag counts leave out the points whose score is within 1e-8 of the cut (listed as `ties`).
Writes kernel-ext/src/test/resources/golden/charts/. Values are stored at a subset of rows (`rows`: the first
60 and every 5th); +inf as the string "Infinity".

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_charts.py

Series (read from the data folder by both sides): beehives/Hive17.csv T17 (1847 values);
nab/data/realKnownCause/nyc_taxi.csv value, first 2000 values.
"""
import math

import numpy as np
import pandas as pd

import golden_io
from golden_io import clean, data_root

ROOT = data_root()
ROLLING = [  # window, min_periods (None = window), center, k
    (48, None, False, 3.0),
    (24, 5, False, 3.0),
    (25, None, True, 2.5),
    (6, 2, True, 3.0),
    (3, None, False, 3.0),
]
EWMA = [  # lambda, L, training (None = all)
    (0.2, 3.0, None),
    (0.1, 2.7, 500),
    (1.0, 3.0, 100),
]


def inf_safe(values):
    out = []
    for v in np.asarray(values, dtype=float).tolist():
        out.append(("Infinity" if v > 0 else "-Infinity") if math.isinf(v) else clean(v))
    return out


def zscore(x, m, s):
    d = np.abs(x - m)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(s == 0, np.where(d == 0, 0.0, np.inf), d / s)
    return np.where(np.isnan(m) | np.isnan(s), np.nan, z)


def flag_summary(score, k):
    """Flags away from the cut: points within 1e-8 relative of k (exact ties like 3.0 on one-decimal data, where
    pandas' incremental std is 1e-11 off) are listed and left out of the count."""
    ties = np.flatnonzero(np.abs(score - k) <= 1e-8 * k)
    keep = np.ones(len(score), bool)
    keep[ties] = False
    return {"ties": [int(i) for i in ties], "flag_count": int(np.sum((score > k) & keep))}


def charts(x):
    n = len(x)
    rows = sorted(set(range(min(60, n))) | set(range(0, n, 5)))
    s = pd.Series(x)
    rolling = []
    for w, p, center, k in ROLLING:
        r = s.rolling(w, min_periods=p, center=center)
        m, sd = r.mean(), r.std()
        if not center:
            m, sd = m.shift(1), sd.shift(1)
        m, sd = m.to_numpy(), sd.to_numpy()
        score = zscore(x, m, sd)
        rolling.append({"window": w, "min_periods": p, "center": center, "k": k,
                        "centre": inf_safe(m[rows]), "upper": inf_safe((m + k * sd)[rows]),
                        "score": inf_safe(score[rows]), **flag_summary(score, k)})
    ewma = []
    for lam, L, m_train in EWMA:
        prefix = s.iloc[: (m_train or n)]
        mu0, sigma = float(prefix.mean()), float(prefix.std())
        z = pd.Series(np.r_[mu0, x]).ewm(alpha=lam, adjust=False).mean().to_numpy()[1:]
        t = np.arange(1, n + 1)
        sd_t = sigma * np.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * t)))
        score = np.abs(z - mu0) / sd_t
        ewma.append({"lambda": lam, "L": L, "training": m_train, "mu0": mu0, "sigma": sigma,
                     "z": inf_safe(z[rows]), "lower": inf_safe((mu0 - L * sd_t)[rows]),
                     "upper": inf_safe((mu0 + L * sd_t)[rows]), "score": inf_safe(score[rows]),
                     **flag_summary(score, L)})
    return {"n": n, "rows": rows, "rolling": rolling, "ewma": ewma}


def main():
    t17 = pd.read_csv(ROOT / "beehives" / "Hive17.csv", sep=";")["T17"].to_numpy(float)
    golden_io.write("charts", "gen_charts.py", "hive17.json",
                    {"input": "beehives/Hive17.csv column T17", **charts(t17)})
    taxi = pd.read_csv(ROOT / "nab" / "data" / "realKnownCause" / "nyc_taxi.csv")["value"].to_numpy(float)[:2000]
    golden_io.write("charts", "gen_charts.py", "nyc_taxi.json",
                    {"input": "nab/data/realKnownCause/nyc_taxi.csv value, first 2000 rows", **charts(taxi)})


if __name__ == "__main__":
    main()
