"""Golden reference results for the charts (anomaly4j plot, part "plot").

Computes with numpy / pandas what org.anomaly4j.plot must reproduce and writes small JSON files into
kernel-ext/src/test/resources/golden/plot/:

  hist.json   np.histogram_bin_edges(x, bins='auto') and np.histogram(x, bins=edges) counts for real columns
              (read from $ANOMALY4J_DATA by both sides) and seeded synthetic samples stored in the file;
              one split-by-label case (creditcard V14 by Class: edges from all rows, counts per class).
  box.json    pandas quantile(0.25 / 0.5 / 0.75) (numpy's linear interpolation), the whisker ends (most
              extreme values within 1.5 IQR of the quartiles, as matplotlib's boxplot and plotly.js) and the
              number of values outside them, per column.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_plot.py
"""
import numpy as np
import pandas as pd

import golden_io
from golden_io import data_root, floats


def write(name, payload):
    golden_io.write("plot", "gen_plot.py", name, payload)


def hist(x):
    x = np.asarray(x, dtype=float)
    x = x[~np.isnan(x)]
    edges = np.histogram_bin_edges(x, bins="auto")
    counts, _ = np.histogram(x, bins=edges)
    return {"edges": floats(edges), "counts": [int(c) for c in counts]}


def synthetic():
    rng = np.random.default_rng(20260101)
    return {
        "normal_1000": rng.normal(10.0, 2.0, 1000),
        "exponential_500": rng.exponential(3.0, 500),
        "lognormal_3000": rng.lognormal(0.0, 1.5, 3000),
        "ties_int_200": rng.integers(0, 7, 200).astype(float),
        "pow2_16": rng.normal(0.0, 1.0, 16),
        "pow2_64_uniform": rng.uniform(-1.0, 1.0, 64),
        "n1": np.array([3.25]),
        "n2": np.array([1.0, 2.0]),
        "constant_5": np.full(5, 7.5),
        "iqr_zero": np.array([0.0] * 40 + [1.0, 5.0, 9.0]),
        "negative_small": rng.normal(-1e-3, 1e-4, 37),
    }


def box_stats(x):
    s = pd.Series(x, dtype=float).dropna()
    q1, med, q3 = (float(v) for v in s.quantile([0.25, 0.5, 0.75]))
    iqr = q3 - q1
    lo_fence, hi_fence = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    inside = s[(s >= lo_fence) & (s <= hi_fence)]
    return {"q1": q1, "median": med, "q3": q3, "mean": float(s.mean()),
            "lowerWhisker": float(inside.min()), "upperWhisker": float(inside.max()),
            "outliers": int(((s < lo_fence) | (s > hi_fence)).sum()), "count": int(s.size)}


def main():
    root = data_root()
    hive = pd.read_csv(root / "beehives" / "Hive17.csv", sep=";")
    card = pd.read_csv(root / "creditcard" / "creditcard_subset.csv.gz")
    real = {"hive17_T17": hive["T17"], "hive17_RH17": hive["RH17"], "creditcard_Amount": card["Amount"],
            "creditcard_V14": card["V14"]}
    cases = {name: hist(x) for name, x in real.items()}
    synth = synthetic()
    synth_cases = {name: {"values": floats(x), **hist(x)} for name, x in synth.items()}
    edges = np.histogram_bin_edges(card["V14"].to_numpy(float), bins="auto")
    split = {"edges": floats(edges),
             "counts": {str(c): [int(v) for v in np.histogram(card.loc[card["Class"] == c, "V14"], edges)[0]]
                        for c in sorted(card["Class"].unique())}}
    write("hist.json", {"real": cases, "synthetic": synth_cases, "split_creditcard_V14_by_Class": split})
    box = {"hive17": {c: box_stats(hive[c]) for c in ["T17", "RH17"]},
           "creditcard": {c: box_stats(card[c]) for c in ["Amount", "V14"]},
           "synthetic": {n: {"values": floats(synth[n]), **box_stats(synth[n])}
                         for n in ["normal_1000", "ties_int_200", "n2", "iqr_zero"]}}
    write("box.json", box)


if __name__ == "__main__":
    main()
