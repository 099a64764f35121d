"""Golden reference results for loading and inspecting tables (anomaly4j data, part "inspect").

Computes with pandas what org.anomaly4j.io.Csv and org.anomaly4j.data.Describe must reproduce and writes small
JSON files, plus one derived CSV fixture, into kernel-ext/src/test/resources/golden/inspect/. NaN is written as JSON null;
floats are written with Python's repr (shortest text that reads back to the same double), so the Java tests
can compare to the bit where the arithmetic is the same.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_inspect.py
Without ANOMALY4J_DATA the script looks for a folder shared/data in the script's ancestors (gen_clean.py's
rule, imported from it together with the missing-value injection that TableFixtures.hiveWithGaps mirrors).
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SCRIPT_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPT_DIR))
from gen_clean import clean, floats, inject, read_inputs, write_json  # noqa: E402  (shared helpers)

OUT = SCRIPT_DIR.parents[1] / "resources" / "golden" / "inspect"
FIXTURE = "hive17_head50_decimal_comma.csv"
CARD_CORR = ["V1", "V2", "V3", "V4", "V5", "Amount"]
LOADER_FIXTURE = "loader_cases.csv"
# Hand-written cells for read_csv's type inference: quoting (separator, doubled quote, line break inside quotes),
# NA tokens, booleans, integers with leading zeros / a gap / beyond int32, "inf", percentages, ISO dates.
LOADER_TEXT = (
    "id,name,score,flag,code,share,maybe_int,big,when\n"
    '1,"Smith, J",1.5,True,007,5%,1,3000000000,2021-08-21\n'
    '2,"He said ""hi""",NA,False,010,6%,,3000000001,2021-08-22\n'
    "\n"
    "3,None,-2e3,true,011,7%,3,-3000000002,2021-08-23\n"
    '4,"multi\nline",inf,FALSE,012,8%,4,4,2021-08-24\n'
    "5,#N/A,0.1,False,013,9%,5,5,2021-08-25\n"
)


def write(name, payload):
    write_json(OUT, name, {"generator": "gen_inspect.py", "pandas": pd.__version__, "numpy": np.__version__,
                           **payload})


def describe_entry(frame):
    d = frame.describe()
    assert list(d.index) == ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
    return {"stats": list(d.index), "columns": {c: floats(d[c].to_numpy()) for c in d.columns}}


def describe_golden(hive, card, inj):
    text = pd.DataFrame({"DateTime": hive["DateTime"], "RH17_text": hive["RH17"].astype(str)})
    dt = text.describe()
    assert list(dt.index) == ["count", "unique", "top", "freq"]
    write("describe.json", {
        "hive17": describe_entry(hive),
        "hive17_gaps": describe_entry(inj),
        "creditcard": describe_entry(card),
        "text": {"input": "Hive17 DateTime (text) and RH17.astype(str)",
                 "columns": {c: [int(dt[c]["count"]), int(dt[c]["unique"]), str(dt[c]["top"]), int(dt[c]["freq"])]
                             for c in dt.columns}},
    })


def value_counts_entry(series):
    """pandas' own order plus the deterministic order anomaly4j uses (first appearance among equal counts)."""
    vc = series.value_counts()
    stable = series.value_counts(sort=False).sort_values(ascending=False, kind="stable")
    # same counts in the same sequence, and the same values for each count: only the order of ties may differ
    assert vc.to_numpy().tolist() == stable.to_numpy().tolist()
    for count in set(vc.tolist()):
        assert set(vc[vc == count].index) == set(stable[stable == count].index)
    first_seen = {v: i for i, v in reversed(list(enumerate(series.dropna().tolist())))}
    order = [first_seen[v] for v in stable.index]
    for a, b, ca, cb in zip(order, order[1:], stable.tolist(), stable.tolist()[1:]):
        assert ca > cb or a < b, "value_counts(sort=False) is in order of first appearance"
    ties_differ = list(vc.index) != list(stable.index)
    return {"values": [clean(v) for v in vc.index.tolist()], "counts": vc.tolist(),
            "stable_values": [clean(v) for v in stable.index.tolist()], "stable_counts": stable.tolist(),
            "proportions": floats(series.value_counts(normalize=True).sort_values(
                ascending=False, kind="stable").reindex(stable.index).to_numpy()),
            "pandas_tie_order_differs": ties_differ}


def value_counts_golden(hive, card, inj):
    write("value_counts.json", {
        "note": "values/counts: pandas' order (ties in numpy's unstable-sort order); stable_*: counts descending, "
                "ties by first appearance (value_counts(sort=False) + stable sort); proportions follow stable order",
        "creditcard_Class": value_counts_entry(card["Class"]),
        "hive17_RH17": value_counts_entry(hive["RH17"]),
        "hive17_T17": value_counts_entry(hive["T17"]),
        "hive17_gaps_T17": value_counts_entry(inj["T17"]),
    })


def missing_golden(hive, card, inj):
    write("missing.json", {
        "hive17_gaps": {"isna_sum": {c: int(v) for c, v in inj.isna().sum().items()},
                        "count": {c: int(v) for c, v in inj.count().items()}},
        "creditcard": {"isna_sum": {c: int(v) for c, v in card.isna().sum().items()}},
        "duplicated": {"creditcard": int(card.duplicated().sum()),
                       "hive17_T17_RH17": int(hive.duplicated(subset=["T17", "RH17"]).sum()),
                       "hive17_gaps_T17_RH17": int(inj.duplicated(subset=["T17", "RH17"]).sum())},
    })


def corr_entry(frame):
    c = frame.corr()
    return {"columns": list(c.columns), "matrix": [floats(c[col].to_numpy()) for col in c.columns]}


def corr_golden(hive, card, inj):
    write("corr.json", {
        "hive17": corr_entry(hive.select_dtypes("number")),
        "hive17_gaps": corr_entry(inj.select_dtypes("number")),
        "creditcard": corr_entry(card[CARD_CORR]),
    })


def decimal_comma_golden(hive):
    """A ';'-separated, decimal-comma copy of Hive17's first 50 rows, two T17 cells left empty."""
    head = hive.head(50).copy()
    head["T17"] = head["T17"].astype(float)
    head.loc[[3, 10], "T17"] = np.nan
    (OUT / FIXTURE).write_text(head.to_csv(sep=";", decimal=",", index=False, lineterminator="\n"),
                               encoding="utf-8")
    back = pd.read_csv(OUT / FIXTURE, sep=";", decimal=",")
    pd.testing.assert_frame_equal(back, head, check_exact=True)
    columns = {}
    for c in back.columns:
        s = back[c]
        if s.dtype.kind == "f":
            values = floats(s.to_numpy())
        elif s.dtype.kind == "i":
            values = [int(v) for v in s.tolist()]
        else:
            values = [str(v) for v in s.tolist()]
        columns[c] = {"dtype": str(s.dtype), "values": values}
    write("decimal_comma.json", {
        "input": f"{FIXTURE}: Hive17 rows 0-49, T17 empty at rows 3 and 10, written by "
                 "DataFrame.to_csv(sep=';', decimal=',')",
        "read_csv": "pd.read_csv(path, sep=';', decimal=',')",
        "columns": columns,
    })


def json_cell(v):
    if isinstance(v, float) and np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    return clean(v) if not isinstance(v, str) else v


def loader_golden():
    """pandas.read_csv defaults on a small hand-written file of awkward cells."""
    (OUT / LOADER_FIXTURE).write_text(LOADER_TEXT, encoding="utf-8")
    frame = pd.read_csv(OUT / LOADER_FIXTURE)
    write("loader_cases.json", {
        "input": f"{LOADER_FIXTURE} (hand-written, in gen_inspect.py)",
        "read_csv": "pd.read_csv(path) with defaults",
        "columns": {c: {"dtype": str(frame[c].dtype), "values": [json_cell(v) for v in frame[c].tolist()]}
                    for c in frame.columns},
        "note": "null = NaN/None; infinities as strings",
    })


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    hive, card = read_inputs()
    inj = inject(hive)
    describe_golden(hive, card, inj)
    value_counts_golden(hive, card, inj)
    missing_golden(hive, card, inj)
    corr_golden(hive, card, inj)
    decimal_comma_golden(hive)
    loader_golden()


if __name__ == "__main__":
    main()
