#!/usr/bin/env python3
"""`make bench`: anomaly4j against its Python peers, side by side, on the same generated data, in one run.

For each task both sides run in their own fresh process (so peak memory is per task): a few unmeasured
warm-up runs, then REPEATS timed runs; the table reports the best time of each side, the ratio
peer time / anomaly4j time (> 1 means anomaly4j is faster) and the peak resident memory of each process.
Writes build/bench/results.md and build/bench/results.json. Timings are never asserted by tests.

    bench.py [--repeats 5] [--only TASK ...]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[4]
OUT = ROOT / "build" / "bench"
DATA = OUT / "data"


# ---------------------------------------------------------------- data (generated once, seeded)

def creditcard_like_csv() -> pathlib.Path:
    """284,807 x 31 numeric CSV shaped like the Kaggle credit-card table (Time, V1..V28, Amount, Class)."""
    import numpy as np
    p = DATA / "creditcard_like_284807x31.csv"
    if p.exists():
        return p
    cols = creditcard_columns(np.random.default_rng(0), 284_807, 28)
    import pandas as pd
    DATA.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(cols).to_csv(p, index=False)
    return p


def creditcard_columns(rng, n: int, features: int) -> dict:
    """Time, V1..V{features}, Amount, Class columns of n rows, drawn from rng in that order."""
    import numpy as np
    cols = {"Time": np.sort(rng.uniform(0, 172_792, n)).round(0)}
    for i in range(1, features + 1):
        cols[f"V{i}"] = rng.normal(0, 1.5, n)
    cols["Amount"] = rng.lognormal(3, 1.5, n).round(2)
    cols["Class"] = (rng.random(n) < 0.00173).astype(int)
    return cols


def mixed_csv() -> pathlib.Path:
    """284,807 x 31 mixed CSV: 29 numeric columns of the credit-card shape plus 2 text columns of 20 values."""
    import numpy as np
    import pandas as pd
    p = DATA / "mixed_284807x31.csv"
    if p.exists():
        return p
    rng = np.random.default_rng(3)
    n = 284_807
    cols = creditcard_columns(rng, n, 26)
    cols["merchant"] = np.array([f"merchant_{k:02d}" for k in range(20)])[rng.integers(0, 20, n)]
    cols["country"] = np.array(["DE", "FR", "US", "GB", "IT", "ES", "NL", "BE", "CH", "AT", "PL", "SE", "NO",
                                "DK", "FI", "IE", "PT", "CZ", "JP", "CA"])[rng.integers(0, 20, n)]
    DATA.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(cols).to_csv(p, index=False)
    return p


def series_1e6() -> pathlib.Path:
    import numpy as np
    p = DATA / "series_1e6.bin"
    if p.exists():
        return p
    rng = np.random.default_rng(1)
    x = np.cumsum(rng.normal(0, 1, 1_000_000))
    DATA.mkdir(parents=True, exist_ok=True)
    x.astype(">f8").tofile(p)  # big-endian doubles: what java.io.DataInputStream reads
    return p


def gaussian_1e6x10() -> pathlib.Path:
    """1e6 x 10 standard normal values, row-major big-endian doubles (the iforest tasks read the first n rows)."""
    import numpy as np
    p = DATA / "gaussian_1e6x10.bin"
    if p.exists():
        return p
    rng = np.random.default_rng(2)
    DATA.mkdir(parents=True, exist_ok=True)
    rng.normal(0, 1, (1_000_000, 10)).astype(">f8").tofile(p)
    return p


# ---------------------------------------------------------------- one-class SVM (self-contained block)

OCSVM_D = 10
OCSVM_TASKS = [("ocsvm_1e4", 10_000), ("ocsvm_3e4", 30_000)]


def gaussian_matrix(n: int, d: int = OCSVM_D) -> pathlib.Path:
    """n x d standard Gaussian rows (seeded), big-endian doubles row-major."""
    import numpy as np
    p = DATA / f"gauss_{n}x{d}.bin"
    if p.exists():
        return p
    x = np.random.default_rng(7).normal(size=(n, d))
    DATA.mkdir(parents=True, exist_ok=True)
    x.astype(">f8").tofile(p)
    return p


OCSVM_PEER = ("import numpy as np\nfrom sklearn.svm import OneClassSVM\n"
              "def setup(a): return np.fromfile(a[0], dtype='>f8').astype('f8').reshape(-1, int(a[1]))\n"
              "def run(x): return OneClassSVM(nu=0.5, gamma='scale').fit(x).decision_function(x)\n")


def ocsvm_tasks(only: list[str] | None) -> list[tuple[str, str, str, list[str]]]:
    out = []
    for key, n in OCSVM_TASKS:
        if only and key not in only:
            continue
        out.append((key, f"one-class SVM fit + score, {n:,} x {OCSVM_D} Gaussian, nu 0.5, gamma 'scale'",
                    "OneClassSVM.fit + decision_function", [str(gaussian_matrix(n)), str(OCSVM_D)]))
    return out


# ---------------------------------------------------------------- density cores (self-contained block)

# fit + training scores on the first 1e5 rows of gaussian_1e6x10; args: file, rows, columns
DENSITY_TASKS = [
    ("hbos_1e5", "HBOS fit + score, 1e5 x 10 Gaussian, 10 bins", "numpy HBOS (vectorised histogram + digitize)"),
    ("mcd_1e5", "MinCovDet (FastMCD) fit, 1e5 x 10 Gaussian", "MinCovDet(random_state=0).fit.dist_"),
    ("loda_1e5", "LODA fit + score, 1e5 x 10 Gaussian, 100 cuts, 10 bins", "numpy LODA (gen_loda.py, PyOD's loop)"),
]
DENSITY_LOAD = ("import numpy as np\n"
                "def setup(a):\n    n, d = int(a[1]), int(a[2])\n"
                "    return np.fromfile(a[0], dtype='>f8', count=n * d).astype('f8').reshape(n, d)\n")
# PyOD's HBOS formula for training rows, vectorised (PyOD loops with numba): every training value is inside the
# edges, the minimum goes to bin 0 by digitize(right=True), hence the clip
HBOS_PEER = DENSITY_LOAD + (
    "def run(x):\n    out = np.zeros(x.shape[0])\n"
    "    for i in range(x.shape[1]):\n"
    "        h, e = np.histogram(x[:, i], bins=10, density=True)\n"
    "        b = np.clip(np.digitize(x[:, i], e, right=True) - 1, 0, 9)\n"
    "        out -= np.log2(h + 0.1)[b]\n"
    "    return out\n")
MCD_PEER = ("from sklearn.covariance import MinCovDet\n" + DENSITY_LOAD
            + "def run(x): return MinCovDet(random_state=0).fit(x).dist_\n")


def density_tasks(only: list[str] | None) -> list[tuple[str, str, str, list[str]]]:
    out = []
    for key, what, peer in DENSITY_TASKS:
        if only and key not in only:
            continue
        out.append((key, what, peer, [str(gaussian_1e6x10()), "100000", "10"]))
    return out


# ---------------------------------------------------------------- Python peers (run in a child process)

PEERS = {
    "read_csv": "import pandas as pd\ndef setup(a): return a[0]\ndef run(p): return pd.read_csv(p)\n",
    "read_csv_mixed": "import pandas as pd\ndef setup(a): return a[0]\ndef run(p): return pd.read_csv(p)\n",
    "describe": ("import pandas as pd\ndef setup(a): return pd.read_csv(a[0])\n"
                 "def run(df): return df.describe()\n"),
    "rolling_mean": ("import numpy as np, pandas as pd\n"
                     "def setup(a): return pd.Series(np.fromfile(a[0], dtype='>f8').astype('f8'))\n"
                     "def run(s): return s.rolling(int(a_w)).mean()\n"),
    "stl_1e5": ("import numpy as np\nfrom statsmodels.tsa.seasonal import STL\n"
                "def setup(a): return np.fromfile(a[0], dtype='>f8', count=int(a[1])).astype('f8')\n"
                "def run(x): return STL(x, period=24).fit().resid\n"),
    "ets_1e5": ("import numpy as np\nfrom statsmodels.tsa.exponential_smoothing.ets import ETSModel\n"
                "def setup(a): return np.fromfile(a[0], dtype='>f8', count=int(a[1])).astype('f8')\n"
                "def run(x): return ETSModel(x, error='add', trend='add', seasonal='add', seasonal_periods=24,\n"
                "    initialization_method='heuristic').smooth(np.array([0.5, 0.05, 0.1])).fittedvalues\n"),
    # pandas has no streaming form: the peer is the vectorised batch computation of the same scores
    "zscore_stream": ("import numpy as np, pandas as pd\n"
                      "def setup(a): return pd.Series(np.fromfile(a[0], dtype='>f8').astype('f8'))\n"
                      "def run(s):\n    r = s.rolling(int(a_w))\n"
                      "    return ((s - r.mean().shift(1)).abs() / r.std().shift(1)).to_numpy()\n"),
    "ewma_stream": ("import numpy as np, pandas as pd\n"
                    "def setup(a): return np.fromfile(a[0], dtype='>f8').astype('f8')\n"
                    "def run(x):\n    mu, sd = x.mean(), x.std(ddof=1)\n"
                    "    z = pd.Series(np.r_[mu, x]).ewm(alpha=0.2, adjust=False).mean().to_numpy()[1:]\n"
                    "    t = np.arange(1, len(x) + 1)\n"
                    "    return np.abs(z - mu) / (sd * np.sqrt(0.2 / 1.8 * (1 - 0.8 ** (2 * t))))\n"),
}
# fit + score_samples of all rows; args: file, rows, columns (the file holds 1e6 rows, the task reads the first n)
IFOREST = ("import numpy as np\nfrom sklearn.ensemble import IsolationForest\n"
           "def setup(a):\n    n, d = int(a[1]), int(a[2])\n"
           "    return np.fromfile(a[0], dtype='>f8', count=n * d).astype('f8').reshape(n, d)\n"
           "def run(x): return IsolationForest(n_estimators=100, random_state=0).fit(x).score_samples(x)\n")
PEERS["iforest_1e5"] = PEERS["iforest_1e6"] = IFOREST
PEERS.update({key: OCSVM_PEER for key, _ in OCSVM_TASKS})
PEERS.update({"hbos_1e5": HBOS_PEER, "mcd_1e5": MCD_PEER})
# LODA: the golden script's numpy re-implementation of PyOD's fit loop (projections drawn as PyOD, w.dot(X.T),
# np.histogram, lookup, -log), with the paper's lookup as anomaly4j's default
LODA_PEER = DENSITY_LOAD + (
    f"import sys\nsys.path.insert(0, {str(ROOT / 'kernel-ext' / 'src' / 'test' / 'python' / 'golden')!r})\n"
    "from gen_loda import loda, pyod_dot, pyod_projections\n"
    "def run(x): return loda(x, [], pyod_projections(100, x.shape[1], 0), 10, 'histogram', proj=pyod_dot)['train']\n")
PEERS["loda_1e5"] = LODA_PEER
# k-means distance (fit with 8 clusters, one k-means++ seeding, + distance to the nearest centre): the seedings draw
# other random numbers (numpy's stream vs ours), so the two sides may run a different number of Lloyd iterations
DENSITY_TASKS.append(("kmeans_1e5", "k-means distance fit + score, 1e5 x 10 Gaussian, 8 clusters",
                      "KMeans(8, random_state=0).fit + transform.min"))
PEERS["kmeans_1e5"] = ("from sklearn.cluster import KMeans\n" + DENSITY_LOAD
                       + "def run(x): return KMeans(8, random_state=0).fit(x).transform(x).min(axis=1)\n")

# ---------------------------------------------------------------- deep module (kernel-ext/deep, optional)

# One epoch of the default autoencoder on 1e5 x 30 Gaussian rows (batch 32, no validation split) plus scoring
# every row, with one intra-op thread on both sides (the deep module's setting; its scores are then reproducible).
AE_ROWS, AE_D = 100_000, 30
AUTOENCODER = ("import numpy as np, torch\n"
               "torch.set_num_threads(1)\n"
               "def setup(a):\n    n, d = int(a[1]), int(a[2])\n"
               "    return torch.tensor(np.fromfile(a[0], dtype='>f8', count=n * d).astype('f4').reshape(n, d))\n"
               "def run(x):\n"
               "    torch.manual_seed(0)\n"
               "    z = (x - x.mean(0)) / x.std(0, unbiased=False)\n"
               "    d = z.shape[1]\n"
               "    sizes, layers, prev = [64, 32, 16, 32, 64, d], [], d\n"
               "    for k, s in enumerate(sizes):\n"
               "        layers.append(torch.nn.Linear(prev, s)); prev = s\n"
               "        if k < len(sizes) - 1: layers += [torch.nn.ReLU(), torch.nn.Dropout(0.2)]\n"
               "    net = torch.nn.Sequential(*layers)\n"
               "    opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-5)\n"
               "    perm = torch.randperm(len(z))\n"
               "    net.train()\n"
               "    for i in range(0, len(z), 32):\n"
               "        b = z[perm[i:i + 32]]\n"
               "        loss = ((net(b) - b) ** 2).mean(); opt.zero_grad(); loss.backward(); opt.step()\n"
               "    net.eval()\n"
               "    with torch.no_grad():\n"
               "        return ((net(z) - z) ** 2).mean(1).numpy()\n")
PEERS["autoencoder_epoch_1e5"] = AUTOENCODER
# the same, PyTorch with its default intra-op threads (both cores), as a PyTorch user would run it; anomaly4j keeps
# its one thread (reproducible scores; two DJL threads cost far more CPU than they save on this machine)
PEERS["autoencoder_epoch_1e5_torch_threads"] = AUTOENCODER.replace("torch.set_num_threads(1)\n", "")
DEEP_TASKS = {"autoencoder_epoch_1e5", "autoencoder_epoch_1e5_torch_threads"}


def deep_tasks(only: list[str] | None) -> list[tuple[str, str, str, list[str]]]:
    """The deep module's tasks, when it was built and pip torch is installed; otherwise none (said once)."""
    if only and not DEEP_TASKS & set(only):
        return []
    if not (ROOT / "kernel-ext" / "deep" / "target" / "test-classes").is_dir():
        print("autoencoder_epoch_1e5: the deep module is not built (make MVN_ARGS= bench), skipped")
        return []
    try:
        import torch  # noqa: F401
    except ImportError:
        print("autoencoder_epoch_1e5: pip torch is not installed in this Python, skipped")
        return []
    args = [str(gaussian_matrix(AE_ROWS, AE_D)), str(AE_ROWS), str(AE_D)]
    tasks = [("autoencoder_epoch_1e5", f"autoencoder one epoch + scoring, {AE_ROWS:,} x {AE_D}, batch 32 (1 thread)",
              "PyTorch same network, 1 thread", args),
             ("autoencoder_epoch_1e5_torch_threads",
              f"autoencoder one epoch + scoring, {AE_ROWS:,} x {AE_D}, batch 32 (anomaly4j 1 thread)",
              "PyTorch same network, default threads (2 cores)", args)]
    return [t for t in tasks if not only or t[0] in only]


CHILD = r"""
import gc, json, resource, sys, time
task, repeats, args = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
a_w = args[1] if len(args) > 1 else None
exec(PEER)
x = setup(args)
r = None
for _ in range(max(1, repeats // 2)):
    r = None
    gc.collect()
    r = run(x)
times, cpu = [], []
for _ in range(repeats):
    r = None  # the previous result is released first: the peak is one run's, as in a user's session
    gc.collect()  # as the Java side collects (outside the timed interval); CPython freed r already
    c0 = time.process_time(); t0 = time.perf_counter(); r = run(x)
    times.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
def peak_mb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return -1
print(json.dumps({"task": task, "times": times, "cpu": cpu, "check": str(getattr(r, "shape", "")), "peak_mb": peak_mb()}))
"""


MIN_REPEATS = {"rolling_mean": 25}
# scikit-learn's MinCovDet takes about a minute per run on 1e5 x 10 (2 shared cores): 1 warm-up + 2 timed runs
MAX_REPEATS = {"mcd_1e5": 2}


def run_child(cmd: list[str]) -> tuple[dict, int]:
    """Runs one benchmark process; returns its JSON line and its own peak resident memory in MB
    (VmHWM reported by the child itself on Linux, else wait4's rusage of that child)."""
    import tempfile
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd[:6])} ...\n{stderr[-3000:]}")
    line = [l for l in stdout.splitlines() if l.startswith("{")][-1]
    result = json.loads(line)
    # Linux: the child's own VmHWM (ru_maxrss would include the size of this parent at fork time)
    if result.get("peak_mb", -1) >= 0:
        return result, result["peak_mb"]
    kb = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return result, kb // 1024


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages (a shared machine makes every timing slower), or "n/a"."""
    try:
        return ", ".join(f"{v:.1f}" for v in os.getloadavg())
    except OSError:
        return "n/a"


def python_side(task: str, repeats: int, args: list[str]) -> tuple[dict, int]:
    code = CHILD.replace("exec(PEER)", f"exec({PEERS[task]!r})")
    return run_child([sys.executable, "-c", code, task, str(repeats), *args])


# The JVM runs with the kernel's own heap and collector settings (kernel-ext/scripts/install_kernel.py,
# MEMORY_OPTIONS: -Xmx, initial heap, G1 periodic collection), so peak memory is what a notebook user gets.
sys.path.insert(0, str(ROOT / "kernel-ext" / "scripts"))
from install_kernel import MEMORY_OPTIONS  # noqa: E402
from install_kernel import VECTOR_OPTIONS  # noqa: E402  (the kernel's Vector API flag: Isolation Forest's SIMD walk)


def xmx() -> str:
    """The -Xmx value of the JVM options (the last one wins, as in the JVM)."""
    return [o for o in MEMORY_OPTIONS if o.startswith("-Xmx")][-1][len("-Xmx"):]


def java_side(task: str, repeats: int, args: list[str]) -> tuple[dict, int]:
    java = pathlib.Path(os.environ["JAVA_HOME"]) / "bin" / "java"
    tgt = ROOT / "kernel-ext" / "target"
    cp = os.pathsep.join([str(tgt / "test-classes"), str(tgt / "classes"), (tgt / "classpath.txt").read_text().strip()])
    if task in DEEP_TASKS:
        deep = ROOT / "kernel-ext" / "deep" / "target"
        cp = os.pathsep.join([str(deep / "test-classes"), cp])
        return run_child([str(java), *MEMORY_OPTIONS, *VECTOR_OPTIONS, "--enable-native-access=ALL-UNNAMED",
                          "-Dai.djl.offline=true", f"-DDJL_CACHE_DIR={ROOT / 'build' / 'djl-cache'}", "-cp", cp,
                          "org.anomaly4j.deep.DeepBench", task, str(repeats), *args])
    return run_child([str(java), *MEMORY_OPTIONS, *VECTOR_OPTIONS, "-cp", cp,
                      "org.anomaly4j.bench.BenchMain", task, str(repeats), *args])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    load_at_start = load_average()
    csv = creditcard_like_csv()
    series = series_1e6()
    tasks = [
        ("read_csv", "readCsv 284,807 x 31 numeric CSV", "pandas.read_csv", [str(csv)]),
        ("describe", "describe() of that table (31 columns)", "DataFrame.describe", [str(csv)]),
        ("rolling_mean", "rolling mean, window 100, 1e6 values", "Series.rolling(100).mean", [str(series), "100"]),
        ("stl_1e5", "STL period 24, 1e5 values (not robust)", "statsmodels STL.fit", [str(series), "100000"]),
        ("ets_1e5", "ETS(A,A,A) period 24 smoothing, 1e5 values", "statsmodels ETSModel.smooth",
         [str(series), "100000"]),
        ("zscore_stream", "streaming rolling z-score, window 100, 1e6 values", "pandas rolling mean/std (batch)",
         [str(series), "100"]),
        ("ewma_stream", "streaming EWMA chart, 1e6 values", "pandas ewm + limits (batch)", [str(series)]),
    ]
    if not a.only or {"iforest_1e5", "iforest_1e6"} & set(a.only):
        gauss = gaussian_1e6x10()
        tasks += [
            ("iforest_1e5", "IsolationForest fit + score, 1e5 x 10 Gaussian, 100 trees",
             "IsolationForest(100).fit.score_samples", [str(gauss), "100000", "10"]),
            ("iforest_1e6", "IsolationForest fit + score, 1e6 x 10 Gaussian, 100 trees",
             "IsolationForest(100).fit.score_samples", [str(gauss), "1000000", "10"]),
        ]
    if a.only and "iforest_1e7" in a.only:
        # scale test, only on request: 1e7 x 10 rows generated inside the JVM, so no 800 MB data file and no peer
        tasks.append(("iforest_1e7", "IsolationForest fit + score, 1e7 x 10 Gaussian, 100 trees (Java only)",
                      "", ["10000000", "10"]))
    if not a.only or "read_csv_mixed" in a.only:
        tasks.append(("read_csv_mixed", "readCsv 284,807 x 31 mixed CSV (29 numeric, 2 text columns)",
                      "pandas.read_csv", [str(mixed_csv())]))
    tasks += ocsvm_tasks(a.only)
    tasks += density_tasks(a.only)
    tasks += deep_tasks(a.only)
    rows = []
    for key, what, peer, args in tasks:
        if a.only and key not in a.only:
            continue
        try:
            # tasks of a few milliseconds get more runs, so that the best time is not timer noise
            repeats = min(max(a.repeats, MIN_REPEATS.get(key, 0)), MAX_REPEATS.get(key, 10**9))
            j, jmem = java_side(key, repeats, args)
        except SystemExit as e:
            if "unknown bench task" in str(e):
                print(f"{key}: no anomaly4j implementation yet, skipped")
                continue
            raise
        p, pmem = (python_side(key, repeats, args) if key in PEERS
                   else ({"times": [float("nan")], "cpu": [float("nan")], "check": ""}, -1))
        jt, pt = min(j["times"]), min(p["times"])
        # CPU seconds (all threads) of the fastest run: the work done, which a loaded machine changes less
        jc, pc = j["cpu"][j["times"].index(jt)], p["cpu"][p["times"].index(pt)]
        rows.append({"task": key, "what": what, "peer": peer, "anomaly4j_s": jt, "peer_s": pt,
                     "ratio": pt / jt, "anomaly4j_cpu_s": jc, "peer_cpu_s": pc, "anomaly4j_peak_mb": jmem, "peer_peak_mb": pmem,
                     "anomaly4j_live_mb": j.get("live_mb", -1), "anomaly4j_peak_live_mb": j.get("peak_live_mb", -1),
                     "anomaly4j_xmx": xmx(),
                     "anomaly4j_check": j["check"], "peer_check": p["check"]})
        print(f"{what}: anomaly4j {jt:.3f} s, {peer} {pt:.3f} s, ratio {pt / jt:.2f}", flush=True)
    env = {"load": load_at_start, "python": platform.python_version(), "machine": platform.machine(),
           "cpus": os.cpu_count(),
           "java_home": os.environ.get("JAVA_HOME"), "date": time.strftime("%Y-%m-%d %H:%M:%S"),
           "jvm_options": " ".join(MEMORY_OPTIONS + VECTOR_OPTIONS)}
    import pandas, numpy
    env.update(pandas=pandas.__version__, numpy=numpy.__version__)
    (OUT / "results.json").write_text(json.dumps({"env": env, "results": rows}, indent=2))
    lines = ["# anomaly4j benchmarks", "",
             f"{env['date']}, {env['cpus']} CPUs, Python {env['python']}, pandas {env['pandas']}, "
             f"numpy {env['numpy']}, JDK {env['java_home']}. Best of {a.repeats} runs (25 for the millisecond "
             "rolling task) after warm-up; "
             "ratio = peer time / anomaly4j time (> 1: anomaly4j faster); CPU s: processor time of all threads "
             "in the fastest run (the work done, less sensitive to other load than the wall time). Peak memory: maximum resident set "
             "of each side's benchmark process (data loading included); anomaly4j live MB: heap in use after a "
             "full GC at the end of the task (input data and last result still referenced) / the largest heap in use "
             "just after any collection during the runs (garbage excluded), with the JVM's -Xmx. "
             f"Load average at the start: {env['load']}. JVM options (the kernel's, kernel-ext/scripts/install_kernel.py): "
             f"`{env['jvm_options']}`.", "",
             "| task | anomaly4j (s) | peer | peer (s) | ratio | CPU s anomaly4j / peer | anomaly4j peak MB | anomaly4j live / peak live MB (-Xmx) "
             "| peer peak MB |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        peer_cols = (f"{r['peer']} | {r['peer_s']:.3f} | **{r['ratio']:.2f}** | "
                     f"{r['anomaly4j_cpu_s']:.2f} / {r['peer_cpu_s']:.2f}" if r["peer"]
                     else f"— | — | — | {r['anomaly4j_cpu_s']:.2f} / —")
        lines.append(f"| {r['what']} | {r['anomaly4j_s']:.3f} | {peer_cols} | {r['anomaly4j_peak_mb']} | "
                     f"{r['anomaly4j_live_mb']} / {r['anomaly4j_peak_live_mb']} (-Xmx{r['anomaly4j_xmx']}) | "
                     f"{r['peer_peak_mb'] if r['peer'] else '—'} |")
    (OUT / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"\nwritten: {OUT / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
