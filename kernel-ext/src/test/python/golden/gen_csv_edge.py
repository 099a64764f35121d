"""Golden for the CSV readers' edge cells (CsvEdgeGoldenTest): what pandas.read_csv makes of each case.

Each case is a small CSV "id,<case>" whose <case> column holds the cells below (written as is, so a quoted
cell carries its quotes); the JSON records the cells, pandas' dtype and pandas' values. The Java test builds the
same CSV text from the recorded cells at test time and reads it through both readers (the fast numeric one
and the general one), requiring the same type and the same values as pandas.

Values: int64 as JSON integers; float64 as float.hex() strings ("inf", "-inf", "nan" as such), so -0.0 and
every bit survive; object and bool as JSON strings / booleans, missing as null.

Every float64 value is checked here against Python's correctly rounded float(cell) (float(int(cell)) in a
column of integers with gaps, which pandas converts from int64, so "-0" is +0.0): pandas' default C parser
is not correctly rounded in a few corners (subnormal halfway cases, 20+ digit mantissas), and a case where it
differs would make a bit-for-bit comparison meaningless; such a case fails this script instead.

    .venv/bin/python kernel-ext/src/test/python/golden/gen_csv_edge.py
"""
import io
import math

import pandas as pd

import golden_io

LONG_MIN = "-9223372036854775808"

# name -> cells (raw CSV field text). One column each, next to an "id" column so that empty cells are not
# blank lines.
CASES = {
    "hex_float": ["1", "0x1p3"],
    "hex_alone": ["0x1p3"],
    "hex_int": ["0x10", "2"],
    "exp_overflow": ["1.5", "1e400"],
    "neg_exp_overflow": ["-1e400", "2"],
    "just_over_max": ["1.8e308", "1"],
    "exp_underflow": ["1e-400", "-1e-400", "2.5"],
    "double_limits": ["1.7976931348623157e308", "4.9e-324", "-2.2250738585072014e-308"],
    "two_pow_53_plus_1": ["9007199254740993", "1"],
    "two_pow_53_plus_1_float": ["9007199254740993", "0.5"],
    "long_min": [LONG_MIN, "0"],
    "long_max": ["9223372036854775807", "-1"],
    "int_min": ["-2147483648", "5"],
    "int_max": ["2147483647", "-2147483647"],
    "millis": ["1600000000000", "1600000000001"],
    "beyond_long": ["9223372036854775808", "1"],
    "beyond_uint64": ["18446744073709551616", "1"],
    "overflow_before_float": ["123456789012345678901234567890", "1.5"],
    "float_before_overflow": ["1.5", "123456789012345678901234567890"],
    "long_digits_alone": ["123456789012345678901234567890"],
    "long_fraction": ["0.1000000000000000055511151231257827", "1"],
    "seventeen_digits": ["12345678901234567", "0.25"],
    "negative_zero": ["-0.0", "1.5"],
    "negative_zero_int": ["-0", "3"],
    "negative_zero_int_gap": ["-0", "", "5"],
    "nan_tokens": ["nan", "NaN", "1.5", "-nan", "-NaN"],
    "plus_nan": ["+nan", "1"],
    "infinities": ["inf", "-inf", "+inf", "Infinity", "-Infinity", "INF", "infinity", "1"],
    "leading_plus": ["+5", "+0", "7"],
    "plus_minus_floats": ["+1.5", "-.5", "5.", ".5"],
    "spaces_int": [" 7", "8 ", " 9 "],
    "spaces_float": [" 1.5", "2.5 "],
    "tab_int": ["\t3", "4"],
    "empty_cells": ["1", "", "3"],
    "all_empty": ["", ""],
    "na_in_ints": ["1", "NA", "2"],
    "thousands_quoted": ['"1,234"', "5"],
    "quoted_number": ['"1.5"', "2"],
    "unicode_minus": ["\u22125", "3"],
    "leading_zeros": ["00012", "-007"],
    "java_suffix": ["1d", "2"],
    "underscore": ["1_000", "2"],
    "bare_exponent": ["1e", "2"],
    "exponents": ["1e5", "1E-5", "2.5e+3", "7E0"],
    "double_sign": ["--5", "1"],
    "booleans": ["True", "False", "true", "FALSE"],
    "text": ["abc", "1"],
}


def encode(series: pd.Series, dtype: str):
    if dtype == "int64" or dtype == "uint64":
        return [int(v) for v in series]
    if dtype == "float64":
        return ["nan" if math.isnan(v) else "inf" if v == math.inf else "-inf" if v == -math.inf else float(v).hex()
                for v in series]
    if dtype == "bool":
        return [bool(v) for v in series]
    return [None if (isinstance(v, float) and math.isnan(v)) else str(v) for v in series]


def is_int(cell: str) -> bool:
    t = cell.strip().lstrip("+-")
    return t.isdigit() and t.isascii()


def check_rounding(name: str, cells: list[str], series: pd.Series) -> None:
    # integers with gaps go int64 -> float64 in pandas: "-0" is +0.0 there (float(int(cell)))
    present = [c for c, v in zip(cells, series) if not math.isnan(v)]
    integers = all(is_int(c) for c in present)
    for cell, v in zip(cells, series):
        if math.isnan(v):
            continue
        expected = float(int(cell.strip())) if integers else float(cell.strip().strip('"'))
        if math.copysign(1, v) != math.copysign(1, expected) or (v != expected):
            raise SystemExit(f"case {name}: pandas reads {cell!r} as {v!r}, not the correctly rounded "
                             f"{expected!r}; drop the case or compare with a tolerance")


def main() -> None:
    cases = []
    for name, cells in CASES.items():
        text = "id," + name + "\n" + "".join(f"{i},{c}\n" for i, c in enumerate(cells))
        df = pd.read_csv(io.StringIO(text))
        assert len(df) == len(cells), (name, len(df))
        s = df[name]
        dtype = str(s.dtype)
        if dtype == "float64":
            check_rounding(name, cells, s)
        cases.append({"name": name, "cells": cells, "dtype": dtype, "values": encode(s, dtype)})
    golden_io.write("csv_edge", "gen_csv_edge.py", "csv_edge.json", {"cases": cases})


if __name__ == "__main__":
    main()
