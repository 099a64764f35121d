"""Golden reference results for ETS with additive errors (anomaly4j timeseries, part "ets").

statsmodels' ETSModel(error="add", ...).smooth(params) with given smoothing parameters: what
org.anomaly4j.timeseries.Ets must reproduce (fitted values, residuals, mse, heuristic initial states, in-sample
prediction bands and forecasts with their exact variances). Writes kernel-ext/src/test/resources/golden/ets/.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_ets.py

Series (read from the data folder by both sides): beehives/Hive17.csv T17 (1847 values);
nab realKnownCause nyc_taxi.csv value (first 1500) and machine_temperature_system_failure.csv value (first 1500).
Values are stored at `rows` (the first 60 and every 7th) and all forecast steps.
"""
import numpy as np
import pandas as pd
import statsmodels
from scipy import stats
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

import golden_io
from golden_io import data_root, floats

ROOT = data_root()
ALPHA_PI = 0.05
H = 60


def series(name):
    if name == "hive17":
        return pd.read_csv(ROOT / "beehives" / "Hive17.csv", sep=";")["T17"].to_numpy(float)
    file = {"nyc_taxi": "nyc_taxi", "machine": "machine_temperature_system_failure"}[name]
    return pd.read_csv(ROOT / "nab" / "data" / "realKnownCause" / f"{file}.csv")["value"].to_numpy(float)[:1500]


CASES = [  # series, trend, damped, period, params (alpha, beta, gamma, phi as statsmodels orders them), known
    ("machine", None, False, None, [0.6], None),
    ("machine", "add", False, None, [0.5, 0.05], None),
    ("machine", "add", True, None, [0.5, 0.05, 0.9], None),
    ("hive17", None, False, 24, [0.4, 0.2], None),
    ("hive17", "add", False, 24, [0.5, 0.05, 0.1], None),
    ("nyc_taxi", "add", True, 48, [0.3, 0.02, 0.3, 0.95], None),
    ("nyc_taxi", "add", False, 48, [0.3, 0.02, 0.3], "known"),
    ("hive17", "add", True, 23, [0.45, 0.1, 0.2, 0.85], None),
]


def main():
    q = float(stats.norm.ppf(1 - ALPHA_PI / 2))
    out = []
    for name, trend, damped, period, params, init in CASES:
        y = series(name)
        n = len(y)
        kw = dict(error="add", trend=trend, damped_trend=damped, seasonal="add" if period else None,
                  seasonal_periods=period)
        if init == "known":
            # known initial states: level 15000, trend 10, a sine season
            seasonal = 3000 * np.sin(2 * np.pi * np.arange(period) / period)
            model = ETSModel(pd.Series(y), initialization_method="known", initial_level=15000.0, initial_trend=10.0,
                             initial_seasonal=seasonal, **kw)
        else:
            model = ETSModel(pd.Series(y), initialization_method="heuristic", **kw)
        res = model.smooth(np.asarray(params, float))
        rows = sorted(set(range(60)) | set(range(0, n, 7)))
        frame = res.get_prediction(start=0, end=n - 1 + H).summary_frame(alpha=ALPHA_PI)
        case = {"series": name, "n": n, "trend": trend, "damped": damped, "period": period, "params": params,
                "init": init, "rows": rows, "k": q,
                "initial_level": float(res.initial_level),
                "initial_trend": float(res.initial_trend) if trend else None,
                "initial_seasonal": floats(res.initial_seasonal) if period else None,
                "mse": float(res.mse),
                "fitted": floats(np.asarray(res.fittedvalues)[rows]), "resid": floats(np.asarray(res.resid)[rows]),
                "pi_lower": floats(frame["pi_lower"].to_numpy()[rows]),
                "pi_upper": floats(frame["pi_upper"].to_numpy()[rows]),
                "forecast": floats(frame["mean"].to_numpy()[n:]),
                "forecast_lower": floats(frame["pi_lower"].to_numpy()[n:]),
                "forecast_upper": floats(frame["pi_upper"].to_numpy()[n:])}
        if init != "known":
            # statsmodels' maximum likelihood fit with the same heuristic initial states (L-BFGS-B)
            fitted = ETSModel(pd.Series(y), initialization_method="heuristic", **kw).fit(disp=False)
            case["fit"] = {"params": floats(fitted.params), "llf": float(fitted.llf), "mse": float(fitted.mse)}
        out.append(case)
    golden_io.write("ets", "gen_ets.py", "ets.json", {"statsmodels": statsmodels.__version__,
                                                       "alpha_pi": ALPHA_PI, "horizon": H, "cases": out})


if __name__ == "__main__":
    main()
