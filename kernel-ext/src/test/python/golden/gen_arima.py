"""Golden reference results for ARIMA/SARIMA one-step bands (anomaly4j timeseries, part "arima").

statsmodels' ARIMA(order, seasonal_order, trend) (a SARIMAX state-space model: Harvey representation,
differencing in the state, approximate diffuse initial states of variance 1e6 for the differencing states and the
stationary distribution for the ARMA states, log-likelihood burn = number of differencing states):
  * "filter" cases: model.smooth(params) with given parameters: one-step predictions (fittedvalues), their
    variances (forecasts_error_cov), get_prediction().conf_int(alpha=0.05) and the log-likelihood llf;
  * "fit" cases: model.fit() (L-BFGS on the transformed parameters, statsmodels' defaults, at most 50
    iterations): params, llf and its time; and the same fit run to convergence (maxiter 2000, pgtol 1e-10,
    factr 10): converged_params, converged_llf and the bands of that model.
What org.anomaly4j.timeseries.Arima must reproduce. Writes kernel-ext/src/test/resources/golden/arima/.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_arima.py

Predictions, variances and intervals are stored at the first 60 rows and every 3rd row after (files < 300 KB).

Series (read from the data folder by both sides):
  machine: NAB realKnownCause machine_temperature_system_failure.csv value, first 300 rows (5-minute samples);
  taxi_hourly: NAB realKnownCause nyc_taxi.csv value, first 600 rows averaged in consecutive pairs (300 hourly
  means: half-hours 2i and 2i + 1);
  machine_nan: machine with rows 40 and 41 set missing (statsmodels skips the update there).
"""
import time
import warnings

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.arima.model import ARIMA

import golden_io
from golden_io import data_root, floats

ROOT = data_root()
ALPHA = 0.05
# rows stored: the first 60 (the start-up, where the diffuse and stationary initial states matter) and every 3rd
ROWS = sorted(set(range(60)) | set(range(0, 300, 3)))


def nab(file, rows):
    return pd.read_csv(ROOT / "nab" / "data" / "realKnownCause" / f"{file}.csv")["value"].to_numpy(float)[:rows]


def series(name):
    if name == "machine":
        return nab("machine_temperature_system_failure", 300)
    if name == "machine_nan":
        y = nab("machine_temperature_system_failure", 300)
        y[40:42] = np.nan
        return y
    if name == "machine_1000":
        return nab("machine_temperature_system_failure", 1000)
    if name == "taxi_hourly":
        return nab("nyc_taxi", 600).reshape(-1, 2).mean(axis=1)
    raise ValueError(name)


# series, order, seasonal order, params in statsmodels' order (const, ar, ma, seasonal ar, seasonal ma, sigma2)
FILTER = [
    ("machine", (1, 0, 0), (0, 0, 0, 0), [80.0, 0.9, 0.5]),
    ("machine", (2, 1, 1), (0, 0, 0, 0), [0.5, -0.2, -0.3, 0.4]),
    ("machine_nan", (1, 1, 1), (0, 0, 0, 0), [0.4, -0.6, 0.4]),
    ("machine", (2, 0, 1), (0, 0, 0, 0), [85.0, 1.3, -0.35, -0.2, 0.3]),
    ("taxi_hourly", (1, 1, 1), (1, 0, 0, 24), [0.3, 0.2, 0.8, 1.0e6]),
    ("taxi_hourly", (0, 1, 1), (0, 1, 1, 24), [0.2, -0.6, 1.0e6]),
    ("taxi_hourly", (1, 0, 0), (1, 0, 0, 24), [15000.0, 0.8, 0.7, 2.0e6]),
]

FIT = [
    ("machine", (1, 0, 0), (0, 0, 0, 0)),
    ("machine", (2, 1, 1), (0, 0, 0, 0)),
    ("machine", (1, 0, 1), (0, 0, 0, 0)),
    ("taxi_hourly", (1, 1, 1), (1, 0, 0, 24)),
    ("taxi_hourly", (0, 1, 1), (0, 1, 1, 24)),
    ("machine_1000", (2, 1, 1), (0, 0, 0, 0)),
]


def bands(res):
    """One-step predictions, their variances and the 95 % intervals at ROWS (the budget for golden files)."""
    n = len(res.fittedvalues)
    rows = [i for i in ROWS if i < n]
    ci = np.asarray(res.get_prediction().conf_int(alpha=ALPHA))
    return {"rows": rows, "fitted": floats(np.asarray(res.fittedvalues)[rows]),
            "variance": floats(np.asarray(res.forecasts_error_cov[0, 0])[rows]),
            "lower": floats(ci[rows, 0]), "upper": floats(ci[rows, 1])}


def main():
    filters = []
    for name, order, sorder, params in FILTER:
        y = series(name)
        model = ARIMA(y, order=order, seasonal_order=sorder)
        res = model.smooth(np.asarray(params, float))
        filters.append({"series": name, "order": order, "seasonal_order": sorder, "trend": model.trend,
                        "param_names": model.param_names, "params": params, "llf": float(res.llf),
                        "burn": int(model.loglikelihood_burn), **bands(res)})
    fits = []
    for name, order, sorder in FIT:
        y = series(name)
        model = ARIMA(y, order=order, seasonal_order=sorder)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence warnings are part of statsmodels' default fit
            t0 = time.perf_counter()
            res = model.fit()
            seconds = time.perf_counter() - t0
        # statsmodels' default stops L-BFGS after 50 iterations; the same fit run to convergence is the optimum
        # our parameters are compared with (its start values and transforms are the same)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            full = model.fit(method_kwargs={"maxiter": 2000, "pgtol": 1e-10, "factr": 10.0})
        case = {"series": name, "order": order, "seasonal_order": sorder, "trend": model.trend,
                "param_names": model.param_names, "params": floats(res.params), "llf": float(res.llf),
                "seconds": seconds, "converged_params": floats(full.params), "converged_llf": float(full.llf)}
        if name != "machine_1000":
            case.update(bands(full))
        fits.append(case)
    golden_io.write("arima", "gen_arima.py", "arima.json",
                    {"statsmodels": statsmodels.__version__, "alpha": ALPHA, "filter": filters, "fit": fits})


if __name__ == "__main__":
    main()
