"""Golden reference results for the cleaning, scaling and encoding layer (anomaly4j data, part "clean").

Computes with pandas / scikit-learn what org.anomaly4j.data.{Clean, FillStrategy} and
org.anomaly4j.features.{StandardScaler, MinMaxScaler, RobustScaler, OneHotEncoder, OrdinalEncoder} must
reproduce, and writes small JSON files into kernel-ext/src/test/resources/golden/clean/. NaN is written as JSON null.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_clean.py
Without ANOMALY4J_DATA the script looks for a folder shared/data in the script's ancestors.

Missing-value injection (the Java tests apply the same rule, see TableFixtures.injectMissing):
rows are numbered from 0 in file order, n = 1847 rows in Hive17;
    T17  is set missing where  i % 37 == 0  or  500 <= i <= 504   (a leading gap and a 5-row gap)
    RH17 is set missing where  i % 53 == 0  or  i >= n - 3          (a leading gap and a trailing gap)
"""
import json
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, OrdinalEncoder, RobustScaler, StandardScaler

import golden_io
from golden_io import clean, data_root, floats

BANDS = ["cold", "mild", "warm", "hot"]
BAND_EDGES = [-np.inf, 20.0, 26.0, 32.0, np.inf]  # pd.cut intervals are right-closed: (a, b]


def write(name, payload):
    golden_io.write("clean", "gen_clean.py", name, payload)


def write_json(out_dir: Path, name, payload):
    """One golden file: compact JSON without NaN (null instead), under the 300 KB budget; prints its size."""
    path = out_dir / name
    text = json.dumps(payload, allow_nan=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    size = path.stat().st_size
    assert size < 300_000, f"{path} is {size} bytes, over the 300 KB budget"
    print(f"{path.relative_to(golden_io.SCRIPT_DIR.parents[3])}: {size} bytes")


def read_inputs():
    """Hive17 (';'-separated) and the credit-card subset, read with pandas defaults and checked for shape."""
    root = data_root()
    hive = pd.read_csv(root / "beehives" / "Hive17.csv", sep=";")
    card = pd.read_csv(root / "creditcard" / "creditcard_subset.csv.gz")
    assert len(hive) == 1847 and card.shape == (5412, 31)
    return hive, card


def inject(hive: pd.DataFrame) -> pd.DataFrame:
    out = hive.copy()
    i = np.arange(len(out))
    out["T17"] = out["T17"].astype(float)
    out["RH17"] = out["RH17"].astype(float)
    out.loc[(i % 37 == 0) | ((i >= 500) & (i <= 504)), "T17"] = np.nan
    out.loc[(i % 53 == 0) | (i >= len(out) - 3), "RH17"] = np.nan
    return out


def dropped(before: pd.DataFrame, after: pd.DataFrame):
    """0-based positions of the rows of `before` that are not in `after` (pandas keeps the index)."""
    kept = set(after.index.tolist())
    return [int(p) for p, label in enumerate(before.index) if label not in kept]


def missing_golden(hive, inj):
    na_t, na_rh = inj["T17"].isna(), inj["RH17"].isna()
    drop = {
        "any": dropped(inj, inj.dropna()),
        "all": dropped(inj, inj.dropna(how="all")),
        "any_RH17": dropped(inj, inj.dropna(subset=["RH17"])),
        "all_T17_RH17": dropped(inj, inj.dropna(how="all", subset=["T17", "RH17"])),
        "any_T17_RH17": dropped(inj, inj.dropna(how="any", subset=["T17", "RH17"])),
    }
    fills = {}
    cols = ["T17", "RH17"]
    strategies = {
        "constant": lambda s: s.fillna(0.0 if s.name == "T17" else 50.0),
        "mean": lambda s: s.fillna(s.mean()),
        "median": lambda s: s.fillna(s.median()),
        "mode": lambda s: s.fillna(s.mode().iloc[0]),
        "ffill": lambda s: s.ffill(),
        "bfill": lambda s: s.bfill(),
        "interpolate": lambda s: s.interpolate(method="linear"),
    }
    for name, fn in strategies.items():
        per_col = {}
        for col in cols:
            before = inj[col]
            after = fn(before)
            rows = np.flatnonzero(before.isna().to_numpy())
            # Every non-missing cell is left as it was; only the missing cells are stored.
            assert after[before.notna()].equals(before[before.notna()])
            per_col[col] = {"rows": rows.tolist(), "values": floats(after.to_numpy()[rows])}
        fills[name] = per_col
    stats = {col: {"mean": clean(inj[col].mean()), "median": clean(inj[col].median()),
                   "mode": clean(inj[col].mode().iloc[0])} for col in cols}
    # a whole-frame fillna(df.mean()) touches every numeric column; here only T17 and RH17 have gaps
    assert inj.fillna(inj.mean(numeric_only=True)).isna().sum().sum() == 0
    write("missing.json", {
        "input": "beehives/Hive17.csv with the injected missing values",
        "missing_rows": {"T17": np.flatnonzero(na_t).tolist(), "RH17": np.flatnonzero(na_rh).tolist()},
        "dropna": drop, "fill": fills, "stats": stats})


def duplicates_golden(hive, card):
    out = {}
    for label, frame, subset in [("hive17_RH17", hive, ["RH17"]), ("hive17_RH17_RHamb", hive, ["RH17", "RHamb"]),
                                 ("creditcard", card, None)]:
        entry = {"rows": len(frame), "subset": subset}
        for keep_name, keep in [("first", "first"), ("last", "last"), ("none", False)]:
            entry[keep_name] = dropped(frame, frame.drop_duplicates(subset=subset, keep=keep))
        entry["duplicated_first"] = np.flatnonzero(frame.duplicated(subset=subset).to_numpy()).tolist()
        out[label] = entry
    write("duplicates.json", {"cases": out})


def numeric_golden():
    cells = ["1", "2.5", " 3 ", "-4e2", "+7", "abc", "1,000", None, "nan", "inf", "-Infinity", "0x1A",
             "1_000", "12abc", "1.5.2", ".5", "5.", "1e", "  ", "TRUE", "1d", "1f", "+inf", "1E+3", "\t4\n",
             "-.5e-3", "00012", "1 2", "\u22125", "1e400", "1e-400", "\u00a04", "42", "-0", "7.25"]
    s = pd.Series(cells, dtype=object)
    values = pd.to_numeric(s, errors="coerce")
    bad = [i for i in range(len(cells)) if s.notna()[i] and pd.isna(values[i])]
    vals = []
    for v in values.tolist():
        if isinstance(v, float) and math.isinf(v):
            vals.append("Infinity" if v > 0 else "-Infinity")
        else:
            vals.append(clean(v))
    write("to_numeric.json", {"cells": cells, "values": vals, "unparseable_rows": bad,
                              "note": "values: null = NaN; infinities as strings"})


def transforms_golden(card):
    amount = card["Amount"]
    q1, q99 = amount.quantile(0.01), amount.quantile(0.99)
    every = 4  # elementwise formulas: every 4th row is enough to compare (keeps the file small)
    rows = list(range(0, len(card), every))
    v1 = card["V1"].to_numpy()
    write("transforms.json", {
        "clip": {"column": "Amount", "lower": 1.0, "upper": 500.0, "rows": rows,
                 "values": floats(amount.clip(lower=1.0, upper=500.0).to_numpy()[rows])},
        "winsorize": {"column": "Amount", "lower_q": 0.01, "upper_q": 0.99, "lower": clean(q1),
                      "upper": clean(q99), "rows": rows,
                      "values": floats(amount.clip(lower=q1, upper=q99).to_numpy()[rows])},
        "log1p": {"column": "Amount", "rows": rows, "values": floats(np.log1p(amount.to_numpy())[rows])},
        "signed_log1p": {"column": "V1", "rows": rows,
                         "values": floats((np.sign(v1) * np.log1p(np.abs(v1)))[rows])},
    })


def scaler_entry(scaler, fit_frame, cols, transform_frame, every):
    fitted = scaler.fit(fit_frame[cols].to_numpy(dtype=float))
    x = transform_frame[cols].to_numpy(dtype=float)
    z = fitted.transform(x)
    back = fitted.inverse_transform(z)
    ok = np.isnan(x) | np.isclose(back, x, rtol=1e-12, atol=0)
    assert ok.all(), "sklearn round trip"
    rows = list(range(0, len(transform_frame), every))
    params = {}
    for attr in ["mean_", "var_", "scale_", "center_", "min_", "data_min_", "data_max_", "data_range_"]:
        value = getattr(fitted, attr, None)
        if value is not None:
            params[attr.rstrip("_")] = floats(value)
    return {"columns": cols, "params": params, "rows": rows,
            "transformed": [floats(z[r]) for r in rows]}


def scalers_golden(inj, card):
    cols = ["T17", "RH17", "Tamb"]
    cc = ["Amount", "Time"]
    fit_card = card.iloc[:3000]
    cases = {
        "standard_hive": scaler_entry(StandardScaler(), inj, cols, inj, 5),
        "standard_nomean_hive": scaler_entry(StandardScaler(with_mean=False), inj, cols, inj, 5),
        "minmax_hive": scaler_entry(MinMaxScaler(), inj, cols, inj, 5),
        "minmax_pm1_hive": scaler_entry(MinMaxScaler(feature_range=(-1, 1)), inj, cols, inj, 5),
        "robust_hive": scaler_entry(RobustScaler(), inj, cols, inj, 5),
        "robust_10_90_hive": scaler_entry(RobustScaler(quantile_range=(10.0, 90.0)), inj, cols, inj, 5),
        "standard_card": scaler_entry(StandardScaler(), fit_card, cc, card, 10),
        "minmax_card": scaler_entry(MinMaxScaler(), fit_card, cc, card, 10),
        "robust_card": scaler_entry(RobustScaler(), fit_card, cc, card, 10),
    }
    cases["standard_card"]["fit_rows"] = cases["minmax_card"]["fit_rows"] = cases["robust_card"]["fit_rows"] = 3000
    write("scalers.json", {"cases": cases})


def band(t17: pd.Series) -> pd.Series:
    """Temperature band of T17 as plain text (object dtype, so sorting is alphabetical, not bin order)."""
    return pd.cut(t17, BAND_EDGES, labels=BANDS, right=True).astype(object).where(t17.notna(), np.nan)


def ones(matrix, names):
    return {name: np.flatnonzero(matrix[:, j] == 1).tolist() for j, name in enumerate(names)}


def encoders_golden(inj, card):
    cat = band(inj["T17"])
    frame = pd.DataFrame({"band": cat})
    dummies = pd.get_dummies(frame, columns=["band"], dtype=float)
    dummies_first = pd.get_dummies(frame, columns=["band"], dtype=float, drop_first=True)
    card_dummies = pd.get_dummies(card[["Class"]], columns=["Class"], dtype=float)

    seen = frame[(frame["band"].notna()) & (frame["band"] != "hot")]
    # "hot" and missing cells are unknown on purpose below; sklearn warns about it.
    warnings.filterwarnings("ignore", message="Found unknown categories", category=UserWarning)
    enc_ignore = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(seen)
    enc_drop = OneHotEncoder(handle_unknown="ignore", drop="first", sparse_output=False).fit(seen)
    x_ignore = enc_ignore.transform(frame)
    x_drop = enc_drop.transform(frame)
    enc_full = OneHotEncoder(sparse_output=False).fit(frame[frame["band"].notna()])

    ordinal = OrdinalEncoder().fit(frame)  # NaN passes through as NaN (encoded_missing_value=nan)
    ordinal_unknown = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(seen)
    ordinal_codes = ordinal.transform(frame)[:, 0]
    unknown_codes = ordinal_unknown.transform(frame)[:, 0]
    write("encoders.json", {
        "band_rule": "pd.cut(T17 with injected gaps, [-inf, 20, 26, 32, inf], labels cold/mild/warm/hot), right-closed",
        "band_missing_rows": np.flatnonzero(cat.isna().to_numpy()).tolist(),
        "get_dummies": {"columns": list(dummies.columns), "ones": ones(dummies.to_numpy(), dummies.columns)},
        "get_dummies_drop_first": {"columns": list(dummies_first.columns),
                                   "ones": ones(dummies_first.to_numpy(), dummies_first.columns)},
        "get_dummies_class": {"columns": list(card_dummies.columns),
                              "ones": ones(card_dummies.to_numpy(), card_dummies.columns)},
        "onehot_full": {"categories": [str(c) for c in enc_full.categories_[0]],
                        "feature_names": enc_full.get_feature_names_out().tolist()},
        "onehot_ignore": {"fit": "rows with band present and != hot",
                          "categories": [str(c) for c in enc_ignore.categories_[0]],
                          "feature_names": enc_ignore.get_feature_names_out().tolist(),
                          "ones": ones(x_ignore, enc_ignore.get_feature_names_out())},
        "onehot_drop_first_ignore": {"fit": "rows with band present and != hot",
                                     "feature_names": enc_drop.get_feature_names_out().tolist(),
                                     "ones": ones(x_drop, enc_drop.get_feature_names_out())},
        "ordinal": {"categories": [str(c) for c in ordinal.categories_[0] if isinstance(c, str)],
                    "codes": floats(ordinal_codes)},
        "ordinal_unknown": {"fit": "rows with band present and != hot", "unknown_value": -1,
                            "categories": [str(c) for c in ordinal_unknown.categories_[0]],
                            "codes": floats(unknown_codes)},
    })


def main():
    hive, card = read_inputs()
    inj = inject(hive)
    missing_golden(hive, inj)
    duplicates_golden(hive, card)
    numeric_golden()
    transforms_golden(card)
    scalers_golden(inj, card)
    encoders_golden(inj, card)


if __name__ == "__main__":
    main()
