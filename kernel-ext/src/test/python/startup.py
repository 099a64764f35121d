"""Start the anomaly4j kernel N times through jupyter_client and time each start until it evaluates 1+1.

Used by test_kernel_startup.py and, with --unpatched, to measure the Rapaio kernel 3.0.1 start-up race
without anomaly4j's fix (the kernel's own jar first on the class path, its own MainApp):

    .venv/bin/python kernel-ext/src/test/python/startup.py --runs 50 [--unpatched]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import tempfile
import time

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager


def start_once(kernel_name: str, timeout: float, kernel_spec_manager=None) -> tuple[bool, float, str]:
    """One start: ready and 1+1 evaluated within `timeout` seconds. Returns (ok, seconds, detail)."""
    kw = {"kernel_spec_manager": kernel_spec_manager} if kernel_spec_manager is not None else {}
    km = KernelManager(kernel_name=kernel_name, **kw)
    t0 = time.perf_counter()
    detail = ""
    ok = False
    try:
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=timeout)
            left = max(0.1, timeout - (time.perf_counter() - t0))
            reply = kc.execute_interactive("1+1", timeout=left, output_hook=lambda m: _capture(m, box))
            ok = reply["content"]["status"] == "ok" and box.get("result") == "2"
            detail = f"result={box.get('result')!r}"
        finally:
            kc.stop_channels()
    except Exception as e:  # a hang shows up as a timeout here
        detail = f"{type(e).__name__}: {e}"
    finally:
        secs = time.perf_counter() - t0
        try:
            km.shutdown_kernel(now=True)
        except Exception:
            pass
    return ok and secs <= timeout, secs, detail


box: dict = {}


def _capture(msg, into):
    if msg["msg_type"] == "execute_result":
        data = msg["content"]["data"]
        into["result"] = (data.get("text/plain") or data.get("text/html") or "").strip()


def unpatched_spec_dir(tmp: pathlib.Path) -> pathlib.Path:
    """A copy of the anomaly4j kernelspec that runs Rapaio's own MainApp with its jar first and without the
    launcher jar (so the kernel's original LoopThread is loaded)."""
    spec_dir = pathlib.Path(KernelSpecManager().find_kernel_specs()["anomaly4j"])
    spec = json.loads((spec_dir / "kernel.json").read_text())
    argv = spec["argv"]
    cp = [p for p in argv[argv.index("-cp") + 1].split(os.pathsep) if "anomaly4j-kernel-launcher" not in p]
    rapaio = [p for p in cp if "rapaio-jupyter-kernel" in p]
    argv[argv.index("-cp") + 1] = os.pathsep.join(rapaio + [p for p in cp if p not in rapaio])
    argv[argv.index("org.anomaly4j.launcher.KernelLauncher")] = "org.rapaio.jupyter.kernel.MainApp"
    spec["display_name"] = "Java (rapaio 3.0.1 unpatched)"
    out = tmp / "kernels" / "a4j-unpatched"
    out.mkdir(parents=True)
    (out / "kernel.json").write_text(json.dumps(spec))
    return tmp / "kernels"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--unpatched", action="store_true")
    a = ap.parse_args()
    name, ksm = "anomaly4j", None
    tmp = pathlib.Path(tempfile.mkdtemp())
    if a.unpatched:
        ksm = KernelSpecManager(kernel_dirs=[str(unpatched_spec_dir(tmp))])
        name = "a4j-unpatched"
    results = []
    for i in range(a.runs):
        box.clear()
        ok, secs, detail = start_once(name, a.timeout, ksm)
        results.append((ok, secs))
        print(f"start {i + 1:3d}: {'ok  ' if ok else 'HANG'} {secs:5.2f} s {'' if ok else detail}", flush=True)
    good = [s for ok, s in results if ok]
    print(f"\n{name}: {len(good)}/{a.runs} starts reached an idle kernel that evaluated 1+1 within {a.timeout:.0f} s")
    if good:
        print(f"start-to-result time: median {statistics.median(good):.2f} s, max {max(good):.2f} s")
    return 0 if len(good) == a.runs else 1


if __name__ == "__main__":
    sys.exit(main())
