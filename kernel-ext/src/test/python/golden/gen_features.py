"""Golden reference results for the feature layer (anomaly4j data, part "features").

Computes with pandas / scikit-learn what org.anomaly4j.features.{Rolling, Ewm, Shifts, Resample, TimeFeatures,
TrainTestSplit} must reproduce, and writes small JSON files into
kernel-ext/src/test/resources/golden/features/. NaN is written as JSON null, infinities as the strings
"Infinity" / "-Infinity".

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_features.py
Without ANOMALY4J_DATA the script looks for a folder shared/data in the script's ancestors.

Series (rows numbered from 0 in file order):
    hive_T17_gaps  Hive17 T17 with gen_clean.py's gaps: missing where i % 37 == 0 or 500 <= i <= 504
                   (the Java tests use TableFixtures.hiveWithGaps)
    hive_RH17      Hive17 RH17 as read (integers with many runs of equal values)
    taxi_value     nab nyc_taxi value as read (10320 half-hourly counts)
    edge           a short synthetic series stored in the file (runs of equal values, signs, zeros, NaN)
To keep each file under 300 KB, long outputs are stored at a deterministic subset of rows (`rows`): the
first and last 40 rows and every k-th row (k given per file).
"""
import math

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

import golden_io
from golden_io import clean, data_root, floats

EDGE = [0.1, 0.1, 0.1, 0.1, 0.1, -0.3, -0.3, -0.3, 0.0, 0.0, 2.5, None, 2.5, 2.5, 1e10, 1.0, 1.0,
        -1e-3, None, None, None, 7.0, 7.0, 7.0, 7.0, 0.7, 0.1, 0.2, 0.3, 0.4]


def write(name, payload):
    golden_io.write("features", "gen_features.py", name, payload)


def inf_safe(values):
    """Like floats(), but infinities become the strings "Infinity" / "-Infinity"."""
    out = []
    for v in np.asarray(values, dtype=float).tolist():
        if math.isinf(v):
            out.append("Infinity" if v > 0 else "-Infinity")
        else:
            out.append(clean(v))
    return out


def sample_rows(n, every):
    rows = set(range(min(40, n))) | set(range(max(0, n - 40), n)) | set(range(0, n, every))
    return sorted(rows)


def series(hive, taxi):
    t17 = hive["T17"].astype(float).copy()
    i = np.arange(len(t17))
    t17[(i % 37 == 0) | ((i >= 500) & (i <= 504))] = np.nan
    return {
        "hive_T17_gaps": (t17, 9),
        "hive_RH17": (hive["RH17"].astype(float), 9),
        "taxi_value": (taxi["value"].astype(float), 61),
        "edge": (pd.Series(EDGE, dtype=float), 1),
    }


def rolling_golden(all_series):
    stats = ["mean", "sum", "std", "var", "min", "max", "median"]
    for key, (s, every) in all_series.items():
        rows = sample_rows(len(s), every)
        cases = []
        for w in (3, 24):
            if w > len(s):
                continue
            for minp in (None, 1):
                for center in (False, True):
                    r = s.rolling(w, min_periods=minp, center=center)
                    out = {"window": w, "min_periods": minp, "center": center}
                    for stat in stats:
                        out[stat] = floats(getattr(r, stat)().to_numpy()[rows])
                    cases.append(out)
        payload = {"series": key, "n": len(s), "rows": rows, "cases": cases}
        if key == "edge":
            payload["values"] = floats(s.to_numpy())
        write(f"rolling_{key}.json", payload)


def ewm_golden(all_series):
    specs = [
        {"span": 12}, {"span": 12, "adjust": False},
        {"alpha": 0.3}, {"alpha": 0.3, "adjust": False},
        {"span": 12, "ignore_na": True}, {"alpha": 0.3, "adjust": False, "ignore_na": True},
        {"com": 4.5, "min_periods": 5},
    ]
    for key in ("hive_T17_gaps", "taxi_value", "edge"):
        s = all_series[key][0]
        every = {"hive_T17_gaps": 7, "taxi_value": 43, "edge": 1}[key]
        rows = sample_rows(len(s), every)
        cases = []
        for spec in specs:
            e = s.ewm(**spec)
            cases.append({"spec": spec, "mean": floats(e.mean().to_numpy()[rows]),
                          "var": floats(e.var().to_numpy()[rows]), "std": floats(e.std().to_numpy()[rows])})
        payload = {"series": key, "n": len(s), "rows": rows, "cases": cases}
        if key == "edge":
            payload["values"] = floats(s.to_numpy())
        write(f"ewm_{key}.json", payload)


def shifts_golden(all_series):
    zeros = pd.Series([0.0, 1.0, 0.0, None, 2.0, -3.0, 0.0, 0.0, -0.0, 5.0], dtype=float)
    inputs = {"hive_T17_gaps": all_series["hive_T17_gaps"][0], "taxi_value": all_series["taxi_value"][0],
              "zeros": zeros}
    out = {}
    for key, s in inputs.items():
        rows = sample_rows(len(s), {"hive_T17_gaps": 4, "taxi_value": 31, "zeros": 1}[key])
        cases = []
        for p in (1, 24, -1):
            if abs(p) >= len(s):
                continue
            cases.append({"periods": p,
                          "diff": inf_safe(s.diff(p).to_numpy()[rows]),
                          "pct_change": inf_safe(s.pct_change(p, fill_method=None).to_numpy()[rows]),
                          "shift": inf_safe(s.shift(p).to_numpy()[rows])})
        out[key] = {"n": len(s), "rows": rows, "cases": cases}
    write("shifts.json", {"zeros_values": floats(zeros.to_numpy()), "series": out})


def resample_entry(frame, on, rule, aggs, columns, every=1, head=0):
    r = frame.resample(rule, on=on)
    labels = None
    out = {"rule": rule, "time_column": on, "columns": columns, "aggs": {}}
    for agg in aggs:
        res = getattr(r, agg)()[columns]
        if labels is None:
            labels = res.index
            rows = sorted(set(range(min(head, len(res)))) | set(range(0, len(res), every)) | {len(res) - 1})
            out["bins"] = len(res)
            out["rows"] = rows
            out["labels"] = [labels[i].strftime("%Y-%m-%dT%H:%M:%S") for i in rows]
        out["aggs"][agg] = {c: floats(res[c].to_numpy()[rows]) for c in columns}
    return out


def taxi_gappy(taxi):
    """nyc_taxi without rows 200..259 (30 empty hours) and with value missing where i % 101 == 0."""
    t = taxi.copy()
    t["value"] = t["value"].astype(float)
    i = np.arange(len(t))
    t.loc[i % 101 == 0, "value"] = np.nan
    return t[(i < 200) | (i > 259)].reset_index(drop=True)


def resample_golden(hive, taxi):
    hive_cols = [c for c in hive.columns if c not in ("DateTime",)]
    cases = {
        "taxi_1h": resample_entry(taxi, "timestamp", "1h", ["mean", "sum", "count", "max", "min"], ["value"],
                                  every=9, head=50),
        "taxi_1D": resample_entry(taxi, "timestamp", "1D", ["mean"], ["value"]),
        "taxi_90min": resample_entry(taxi, "timestamp", "90min", ["mean"], ["value"], every=11, head=20),
        "taxi_gappy_1h": resample_entry(taxi_gappy(taxi), "timestamp", "1h",
                                        ["mean", "sum", "count", "max", "min"], ["value"], every=7, head=120),
        "hive_1D": resample_entry(hive, "DateTime", "1D", ["mean"], hive_cols),
        "hive_7h": resample_entry(hive, "DateTime", "7h", ["mean", "count"], ["T17", "RH17"]),
    }
    write("resample.json", {"taxi_gappy_rule": "rows 200..259 dropped, value missing where i % 101 == 0 "
                                               "(i = row in the original file)", "cases": cases})


def time_features_golden(hive, taxi):
    out = {}
    for key, frame, col, every in (("hive", hive, "DateTime", 5), ("taxi", taxi, "timestamp", 23)):
        t = frame[col]
        rows = sample_rows(len(t), every)
        hour = t.dt.hour.to_numpy()
        dow = t.dt.dayofweek.to_numpy()
        out[key] = {"time_column": col, "rows": rows,
                    "hour": hour[rows].tolist(), "dayOfWeek": dow[rows].tolist(),
                    "month": t.dt.month.to_numpy()[rows].tolist(),
                    "isWeekend": (dow >= 5).astype(int)[rows].tolist(),
                    "hour_sin": floats(np.sin(2 * np.pi * hour / 24)[rows]),
                    "hour_cos": floats(np.cos(2 * np.pi * hour / 24)[rows]),
                    "dow_sin": floats(np.sin(2 * np.pi * dow / 7)[rows]),
                    "dow_cos": floats(np.cos(2 * np.pi * dow / 7)[rows])}
    write("time_features.json", out)


def splits_golden(card):
    sizes = []
    for n in (2, 3, 4, 5, 7, 10, 11, 100, 1847, 5412, 10320):
        for ts in (0.1, 0.2, 0.25, 0.3, 0.33, 0.5):
            x = np.arange(n)
            try:
                train, test = train_test_split(x, test_size=ts, random_state=0)
                sizes.append({"n": n, "test_size": ts, "train": len(train), "test": len(test)})
            except ValueError as e:
                sizes.append({"n": n, "test_size": ts, "error": str(e)})
    # shuffle=False: the first n_train rows train, the rest test, in order
    train, test = train_test_split(np.arange(1847), test_size=0.25, shuffle=False)
    assert (train == np.arange(len(train))).all() and (test == np.arange(len(train), 1847)).all()

    y = card["Class"].to_numpy()
    strat = []
    for ts in (0.25, 0.3, 0.1, 0.5):
        per_seed = []
        for seed in range(20):
            tr, te = train_test_split(y, test_size=ts, random_state=seed, stratify=y)
            per_seed.append((np.bincount(tr, minlength=2).tolist(), np.bincount(te, minlength=2).tolist()))
        first = per_seed[0]
        strat.append({"test_size": ts, "classes": [0, 1], "train": first[0], "test": first[1],
                      # the counts depend on the seed only when fractional parts tie (sklearn breaks ties at random)
                      "same_for_20_seeds": all(p == first for p in per_seed)})
    write("splits.json", {"sizes": sizes, "no_shuffle_n": 1847,
                          "stratified_creditcard": {"n": len(y), "class_counts": np.bincount(y).tolist(),
                                                    "cases": strat}})


def main():
    root = data_root()
    hive = pd.read_csv(root / "beehives" / "Hive17.csv", sep=";")
    hive["DateTime"] = pd.to_datetime(hive["DateTime"], format="%d.%m.%Y %H:%M")
    taxi = pd.read_csv(root / "nab" / "data" / "realKnownCause" / "nyc_taxi.csv", parse_dates=["timestamp"])
    card = pd.read_csv(root / "creditcard" / "creditcard_subset.csv.gz")
    assert len(hive) == 1847 and len(taxi) == 10320 and card.shape == (5412, 31)
    all_series = series(hive, taxi)
    rolling_golden(all_series)
    ewm_golden(all_series)
    shifts_golden(all_series)
    resample_golden(hive, taxi)
    time_features_golden(hive, taxi)
    splits_golden(card)


if __name__ == "__main__":
    main()
