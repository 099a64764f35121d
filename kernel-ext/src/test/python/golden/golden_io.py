"""Helpers shared by the golden generators (gen_clean.py, gen_features.py): where the data is, JSON-safe
numbers, and writing a small deterministic JSON file that records the tool versions."""
import json
import math
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn

SCRIPT_DIR = Path(__file__).resolve().parent
GOLDEN_ROOT = SCRIPT_DIR.parents[1] / "resources" / "golden"
MAX_BYTES = 300_000


def data_root() -> Path:
    """$ANOMALY4J_DATA, else the first shared/data folder above this script (the checkout's sibling)."""
    env = os.environ.get("ANOMALY4J_DATA")
    if env:
        root = Path(env)
        if not root.is_dir():
            sys.exit(f"ANOMALY4J_DATA={env} is not a folder")
        return root
    for parent in SCRIPT_DIR.parents:
        candidate = parent / "shared" / "data"
        if (candidate / "beehives" / "Hive17.csv").is_file():
            return candidate
    sys.exit("Data folder not found: set ANOMALY4J_DATA to the folder that holds beehives/Hive17.csv")


def clean(value):
    """JSON-safe scalar: NaN -> None, numpy scalars -> Python."""
    if value is None:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if math.isnan(value):
            return None
        if math.isinf(value):
            raise ValueError("infinite value in golden output")
        return value
    return value


def floats(values):
    return [clean(v) for v in np.asarray(values, dtype=float).tolist()]


def write(part: str, generator: str, name: str, payload: dict) -> None:
    """Writes golden/<part>/<name> with the generator and tool versions first; fails over MAX_BYTES."""
    payload = {"generator": generator, "pandas": pd.__version__, "numpy": np.__version__,
               "sklearn": sklearn.__version__, **payload}
    out = GOLDEN_ROOT / part
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    text = json.dumps(payload, allow_nan=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    size = path.stat().st_size
    assert size < MAX_BYTES, f"{path} is {size} bytes, over the {MAX_BYTES // 1000} KB budget"
    print(f"{path.relative_to(SCRIPT_DIR.parents[3])}: {size} bytes")
