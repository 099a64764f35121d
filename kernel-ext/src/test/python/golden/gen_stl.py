"""Golden reference results for STL (anomaly4j timeseries, part "stl").

Decomposes real series with statsmodels' STL (statsmodels.tsa.seasonal.STL, the Cython port of the NETLIB
Fortran) and writes what org.anomaly4j.timeseries.Stl must reproduce into
kernel-ext/src/test/resources/golden/stl/. The inputs are read from the data folder by both sides, never copied
here: each file names its series, and the Java test reads the same rows.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_stl.py
Without ANOMALY4J_DATA the script looks for a folder shared/data in the script's ancestors.

Files:
    hive17_robust.json   Hive17 T17 (1847 hourly values), period 24, robust=True (defaults otherwise);
                         also the count of |resid| > 5 (the beehive study's rule: 45)
    hive17.json          the same, robust=False
    machine_temperature.json  NAB realKnownCause machine_temperature_system_failure, first 2000 values
                         (5-minute samples), period 288 (one day), robust=True
    nyc_taxi.json        NAB realKnownCause nyc_taxi, first 2000 values (30-minute counts), period 48, robust=False
    options.json         nyc_taxi's first 600 (and 599) values, period 48, with non-default spans, degrees 0,
                         jumps > 1, a seasonal span longer than the cycle-subseries, custom iterations, and R's
                         s.window="periodic" emulated (seasonal=10n+1, seasonal_deg=0, then the phase means)
    fuzz.json            40 random short series (numpy seed 20261202; values stored) with random valid options:
                         n from 2 periods up, period 2..13, odd spans from 3 (trend/low_pass > period), degrees
                         0/1, jumps 1..n, robust or not, random iteration counts -- edge paths of the loess
                         (spans longer than the series, jumps past the end, subseries of 2 values)
"""
import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.seasonal import STL

import golden_io
from golden_io import data_root, floats

ROOT = data_root()


def write(name, payload):
    payload = {"statsmodels": statsmodels.__version__, **payload}
    golden_io.write("stl", "gen_stl.py", name, payload)


def hive_t17():
    df = pd.read_csv(ROOT / "beehives" / "Hive17.csv", sep=";")
    return df["T17"].to_numpy(dtype=float)


def nab(name, rows):
    df = pd.read_csv(ROOT / "nab" / "data" / "realKnownCause" / f"{name}.csv")
    return df["value"].to_numpy(dtype=float)[:rows]


def decompose(y, period, inner=None, outer=None, periodic=False, **kw):
    res = STL(y, period=period, **kw).fit(inner_iter=inner, outer_iter=outer)
    seasonal = np.asarray(res.seasonal)
    resid = np.asarray(res.resid)
    if periodic:
        # R's stl(s.window="periodic"): replace the seasonal values by their mean at each phase.
        phase = np.arange(len(y)) % period
        means = pd.Series(seasonal).groupby(phase).mean().to_numpy()
        seasonal = means[phase]
        resid = y - seasonal - np.asarray(res.trend)
    return res, seasonal, resid


def full_case(y, period, input_desc, **kw):
    res, seasonal, resid = decompose(y, period, **kw)
    return {"input": input_desc, "n": len(y), "period": period, "params": kw,
            "trend": floats(res.trend), "seasonal": floats(seasonal), "resid": floats(resid),
            "weights": floats(res.weights)}


def main():
    t17 = hive_t17()
    robust = full_case(t17, 24, "beehives/Hive17.csv column T17", robust=True)
    robust["count_abs_resid_gt_5"] = int(np.sum(np.abs(np.asarray(robust["resid"])) > 5))
    write("hive17_robust.json", robust)
    write("hive17.json", full_case(t17, 24, "beehives/Hive17.csv column T17", robust=False))
    write("machine_temperature.json",
          full_case(nab("machine_temperature_system_failure", 2000), 288,
                    "nab/data/realKnownCause/machine_temperature_system_failure.csv value, first 2000 rows",
                    robust=True))
    write("nyc_taxi.json", full_case(nab("nyc_taxi", 2000), 48,
                                     "nab/data/realKnownCause/nyc_taxi.csv value, first 2000 rows", robust=False))

    cases = []
    variants = [
        ("jumps", 600, dict(seasonal=9, seasonal_jump=2, trend_jump=5, low_pass_jump=3, robust=True)),
        ("degrees0_jumps", 600, dict(seasonal=11, trend=75, low_pass=51, seasonal_deg=0, trend_deg=0,
                                      low_pass_deg=0, seasonal_jump=3, trend_jump=2, low_pass_jump=4)),
        ("long_seasonal", 599, dict(seasonal=15, seasonal_jump=4, trend_jump=7, robust=True, inner=1, outer=3)),
        ("odd_length_iterations", 599, dict(seasonal=13, trend_deg=0, inner=3, outer=2)),
        ("periodic", 600, dict(seasonal=10 * 600 + 1, seasonal_deg=0, robust=True, periodic=True)),
    ]
    for name, rows, kw in variants:
        y = nab("nyc_taxi", rows)
        res, seasonal, resid = decompose(y, 48, **kw)
        cases.append({"name": name, "n": rows, "period": 48, "params": kw, "trend": floats(res.trend),
                      "seasonal": floats(seasonal), "weights": floats(res.weights)})
    write("options.json", {"input": "nab/data/realKnownCause/nyc_taxi.csv value, first n rows", "cases": cases})
    fuzz()


def odd_at_least(rng, low, high):
    v = int(rng.integers(low, high + 1))
    return v if v % 2 == 1 else v + 1


def fuzz():
    rng = np.random.default_rng(20261202)
    cases = []
    while len(cases) < 40:
        period = int(rng.integers(2, 14))
        n = int(rng.integers(2 * period, 2 * period + 60))
        kw = {"seasonal": odd_at_least(rng, 3, 25), "seasonal_deg": int(rng.integers(0, 2)),
              "trend_deg": int(rng.integers(0, 2)), "low_pass_deg": int(rng.integers(0, 2)),
              "seasonal_jump": int(rng.integers(1, n + 2)) if rng.random() < 0.3 else int(rng.integers(1, 4)),
              "trend_jump": int(rng.integers(1, n + 2)) if rng.random() < 0.3 else int(rng.integers(1, 6)),
              "low_pass_jump": int(rng.integers(1, 6)), "robust": bool(rng.random() < 0.5)}
        if rng.random() < 0.5:
            kw["trend"] = odd_at_least(rng, period + 1, 3 * period + 60)
        if rng.random() < 0.3:
            kw["low_pass"] = odd_at_least(rng, period + 1, 3 * period + 10)
        if rng.random() < 0.4:
            kw["inner"], kw["outer"] = int(rng.integers(1, 4)), int(rng.integers(0, 4))
        i = np.arange(n)
        y = (np.sin(2 * np.pi * i / period) * rng.uniform(0.5, 3) + 0.05 * i + rng.normal(0, 0.5, n)
             + (rng.random(n) < 0.05) * rng.normal(0, 6, n))
        res, seasonal, resid = decompose(y, period, **kw)
        cases.append({"n": n, "period": period, "params": kw, "values": floats(y), "trend": floats(res.trend),
                      "seasonal": floats(seasonal), "weights": floats(res.weights)})
    write("fuzz.json", {"seed": 20261202, "cases": cases})


if __name__ == "__main__":
    main()
