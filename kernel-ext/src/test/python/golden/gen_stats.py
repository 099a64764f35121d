"""Golden reference results for the internal statistics core (org.anomaly4j.stats.Quantiles).

numpy's quantile, percentile and median (method 'linear', numpy's defaults) on seeded samples chosen so
that the interpolation fraction takes every kind of value: exact ranks, 0.5, below and above 0.5, and the
quantiles PyOD thresholds use (percentile 100 * (1 - contamination)). The Java test asserts equality to the
last bit: Quantiles repeats numpy's operations in numpy's order (q = p / 100 first, h = (n - 1) * q, numpy's
_lerp from the upper end when the fraction is >= 0.5).

Run from anywhere:
    .venv/bin/python kernel-ext/src/test/python/golden/gen_stats.py
Writes kernel-ext/src/test/resources/golden/stats/quantiles.json. No data files are read.
"""
import numpy as np

from golden_io import floats, write

SEED = 20261201
QS = [0.0, 0.01, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.7, 0.75, 0.9, 0.95, 0.99, 1.0]
# percentiles as PyOD computes them from contamination: 100 * (1 - c)
CONTAMINATIONS = [0.001, 0.01, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45]
PS = [5.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 12.5, 33.3] + [100 * (1 - c) for c in CONTAMINATIONS]


def samples(rng):
    """name -> 1-d float array: sizes 1..1001, normal, heavy-tailed, many ties, wide magnitudes."""
    return {
        "one": np.array([3.25]),
        "two": np.array([-1.0, 2.0]),
        "normal_7": rng.normal(size=7),
        "normal_10": rng.normal(loc=20, scale=3, size=10),
        "normal_101": rng.normal(size=101),
        "cauchy_257": rng.standard_cauchy(size=257),
        "ties_200": rng.integers(0, 6, size=200).astype(float),
        "wide_1001": rng.normal(size=1001) * 10.0 ** rng.integers(-8, 9, size=1001),
    }


def main():
    rng = np.random.default_rng(SEED)
    cases = []
    for name, x in samples(rng).items():
        cases.append({
            "name": name,
            "values": floats(x),
            "q": QS,
            "quantile": floats(np.quantile(x, QS)),
            "p": PS,
            "percentile": floats(np.percentile(x, PS)),
            "median": float(np.median(x)),
        })
    write("stats", "gen_stats.py", "quantiles.json", {"seed": SEED, "cases": cases})


if __name__ == "__main__":
    main()
