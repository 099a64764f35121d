"""Golden reference results for the seasonal hybrid ESD test (anomaly4j timeseries, part "esd").

What org.anomaly4j.timeseries.SeasonalEsd must reproduce, computed from the definitions of Hochenbaum, Vallis &
Kejariwal (2017) and Twitter's AnomalyDetection R package (detect_anoms.R) with reference tools:
    decomposition  statsmodels STL with R's s.window="periodic" settings: seasonal=10n+1, seasonal_deg=0,
                   robust=True, inner_iter=1, outer_iter=15 (R's robust defaults), then each phase's seasonal
                   values replaced by their mean; residual = x - seasonal - median(x)
    test           generalized ESD on the residual with numpy's median and R's mad() (1.4826 * median |r - median|),
                   written here from the paper (no library has it); removal of the first maximum;
                   critical values lambda_i = (n-i) t / sqrt((n-i-1+t^2)(n-i+1)), t = scipy.stats.t.isf(q, n-i-1),
                   q = alpha/(2(n-i+1)) two-sided, alpha/(n-i+1) one-sided
Writes kernel-ext/src/test/resources/golden/esd/.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_esd.py

Series:
    handmade   14 days of hourly values (n=336, period 24) from numpy seed 20261201: level 10 + daily
               3 sin + 1.5 cos(2x) + N(0, 0.3) noise, with spikes +3.0 at 50, -2.5 at 130, +2.0 at 201, -3.0 at 290
               (values stored in the file, since Java cannot replay numpy's generator)
    nyc_taxi   NAB realKnownCause nyc_taxi.csv, first 4000 values, period 48 (read from the data folder)
"""
import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import stats
from statsmodels.tsa.seasonal import STL

import golden_io
from golden_io import data_root, floats

SEED = 20261201
MAD_SCALE = 1.4826  # R's mad() constant
SPIKES = {50: 3.0, 130: -2.5, 201: 2.0, 290: -3.0}


def write(name, payload):
    payload = {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__, **payload}
    golden_io.write("esd", "gen_esd.py", name, payload)


def handmade():
    rng = np.random.default_rng(SEED)
    i = np.arange(24 * 14)
    x = 10 + 3 * np.sin(2 * np.pi * i / 24) + 1.5 * np.cos(4 * np.pi * i / 24) + rng.normal(0, 0.3, i.size)
    for at, size in SPIKES.items():
        x[at] += size
    return x


def residual(x, period):
    n = len(x)
    res = STL(x, period=period, seasonal=10 * n + 1, seasonal_deg=0, robust=True).fit(inner_iter=1, outer_iter=15)
    phase = np.arange(n) % period
    seasonal = pd.Series(np.asarray(res.seasonal)).groupby(phase).mean().to_numpy()[phase]
    return x - seasonal - np.median(x), seasonal


def hybrid_esd(r, k, alpha, direction):
    n = len(r)
    vals = r.copy()
    idx = list(range(n))
    cand, stat, crit = [], [], []
    found = 0
    for i in range(1, k + 1):
        med = np.median(vals)
        mad = MAD_SCALE * np.median(np.abs(vals - med))
        if mad == 0:
            break
        if direction == "both":
            ares = np.abs(vals - med) / mad
        elif direction == "pos":
            ares = (vals - med) / mad
        else:
            ares = (med - vals) / mad
        j = int(np.argmax(ares))  # first maximum, like which(ares == R)[1]
        cand.append(idx[j])
        stat.append(float(ares[j]))
        vals = np.delete(vals, j)
        idx.pop(j)
        q = alpha / (n - i + 1) if direction != "both" else alpha / (2 * (n - i + 1))
        t = stats.t.isf(q, n - i - 1)
        lam = t * (n - i) / np.sqrt((n - i - 1 + t ** 2) * (n - i + 1))
        crit.append(float(lam))
        if ares[j] > lam:
            found = i
    return {"candidates": cand, "statistics": floats(stat), "critical_values": floats(crit),
            "anomalies": sorted(cand[:found])}


def main():
    x = handmade()
    r, seasonal = residual(x, 24)
    cases = []
    for direction in ("both", "pos", "neg"):
        cases.append({"direction": direction, "max_anoms": 0.1, "alpha": 0.05,
                      **hybrid_esd(r, int(len(x) * 0.1), 0.05, direction)})
    write("handmade.json", {"period": 24, "seed": SEED, "spikes": {str(k): v for k, v in SPIKES.items()},
                            "values": floats(x), "seasonal": floats(seasonal), "residual": floats(r),
                            "cases": cases})

    taxi = pd.read_csv(data_root() / "nab" / "data" / "realKnownCause" / "nyc_taxi.csv")["value"].to_numpy(float)[:4000]
    r, _ = residual(taxi, 48)
    cases = [{"direction": d, "max_anoms": m, "alpha": a, **hybrid_esd(r, int(len(taxi) * m), a, d)}
             for d, m, a in (("both", 0.05, 0.05), ("pos", 0.02, 0.01))]
    write("nyc_taxi.json", {"input": "nab/data/realKnownCause/nyc_taxi.csv value, first 4000 rows", "n": 4000,
                            "period": 48, "residual_head": floats(r[:200]), "cases": cases})


if __name__ == "__main__":
    main()
