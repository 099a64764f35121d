"""Shared fixtures for the integration tests: paths, the installed kernel, notebook execution, browser checks.

These tests drive the real parts: Jupyter's nbclient/jupyter_client, the "anomaly4j" kernelspec that
`make kernel` installs into .venv, nbconvert, and Debian's Chromium through playwright-core.
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[4]
SCRIPTS = ROOT / "kernel-ext" / "scripts"
BROWSER = ROOT / "kernel-ext" / "src" / "test" / "browser"
BUILD = ROOT / "build" / "test"
sys.path.insert(0, str(SCRIPTS))

import run_notebooks  # noqa: E402  (the same code `make run` uses)


@pytest.fixture(scope="session")
def kernel_spec() -> dict:
    from jupyter_client.kernelspec import KernelSpecManager
    specs = KernelSpecManager().find_kernel_specs()
    assert "anomaly4j" in specs, "kernelspec anomaly4j is not installed: run `make kernel` (make test does)"
    spec = json.loads((pathlib.Path(specs["anomaly4j"]) / "kernel.json").read_text())
    assert spec["display_name"] == "Java (anomaly4j)"
    return spec


@pytest.fixture(scope="session")
def build_dir() -> pathlib.Path:
    BUILD.mkdir(parents=True, exist_ok=True)
    return BUILD


def check_pages(pages: list[pathlib.Path], out: pathlib.Path) -> list[dict]:
    """Runs check_pages.mjs in headless Chromium; returns its per-page report."""
    node = shutil.which("node")
    assert node, "node is not on PATH (the browser checks need Node.js)"
    assert (BROWSER / "node_modules" / "playwright-core").is_dir(), \
        "playwright-core is not installed: run `npm ci` in kernel-ext/src/test/browser (make test does)"
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([node, str(BROWSER / "check_pages.mjs"), str(out), *map(str, pages)],
                          capture_output=True, text=True, timeout=600)
    print(proc.stdout, proc.stderr)
    report_file = out / "report.json"
    assert report_file.is_file(), f"browser check wrote no report: {proc.stderr}"
    return json.loads(report_file.read_text())


def outputs(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def error_outputs(nb) -> list[str]:
    errs = []
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        for o in c.get("outputs", []):
            if o.output_type == "error":
                errs.append(f"cell {c.source[:60]!r}: {o.ename}: {o.evalue}")
            if o.output_type == "stream" and o.name == "stderr" and ("Exception" in o.text or "Error" in o.text):
                errs.append(f"cell {c.source[:60]!r} wrote to stderr: {o.text[:300]}")
    return errs
