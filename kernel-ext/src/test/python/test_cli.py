"""The command-line contract, run as users run it: java -jar kernel-ext/target/anomaly4j.jar detect ..."""
from __future__ import annotations

import csv
import os
import pathlib
import subprocess

import pytest

from conftest import ROOT

JAR = ROOT / "kernel-ext" / "target" / "anomaly4j.jar"
NAMES = ["zscore", "mad", "iqr", "grubbs", "esd", "isolation-forest", "one-class-svm"]


def java(kernel_spec) -> str:
    # the JDK the kernel was installed with (make kernel found it with find-jdk.sh)
    return kernel_spec["argv"][0]


def hive17() -> pathlib.Path:
    root = pathlib.Path(os.environ.get("ANOMALY4J_DATA", ROOT.parent / "shared" / "data"))
    return root / "beehives" / "Hive17.csv"


def run(kernel_spec, *args):
    return subprocess.run([java(kernel_spec), "-jar", str(JAR), *args], capture_output=True, text=True, timeout=300)


def test_help_lists_every_detector(kernel_spec):
    r = run(kernel_spec, "--help")
    assert r.returncode == 0
    for name in NAMES:
        assert f"  {name}: " in r.stdout


def test_one_class_svm_flags_scikit_learns_214_rows(kernel_spec, build_dir):
    out = build_dir / "cli-ocsvm.csv"
    r = run(kernel_spec, "detect", "--detector", "one-class-svm", "--set", "nu=0.1", "--set", "gamma=0.05",
            "--columns", "T17,RH17", "--sep", ";", str(hive17()), "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(out.open(), delimiter=";"))
    assert len(rows) == 1847
    assert list(rows[0])[-2:] == ["score", "anomaly"]
    assert sum(row["anomaly"] == "true" for row in rows) == 214


@pytest.mark.parametrize("args, status, message", [
    (["detect", "--detector", "nope", "--columns", "T17", "--sep", ";"], 2, 'unknown detector "nope"'),
    (["detect", "--detector", "iqr", "--set", "k=abc", "--columns", "T17", "--sep", ";"], 1, 'k must be a finite number >= 0'),
    (["detect", "--detector", "iqr", "--columns", "T99", "--sep", ";"], 1, '"T99"'),
    (["detect", "--columns", "T17", "--sep", ";"], 2, "--detector NAME is required"),
])
def test_errors_exit_non_zero_with_a_one_line_message(kernel_spec, args, status, message):
    r = run(kernel_spec, *args, str(hive17()))
    assert r.returncode == status
    ours = [line for line in r.stderr.splitlines() if line.startswith("anomaly4j: ")]
    assert len(ours) == 1 and message in ours[0], r.stderr
    assert r.stdout == ""


def test_eval_prints_scikit_learns_metrics(kernel_spec):
    # the credit-card subset's Amount column as a score (many ties), against sklearn on the same file
    import json

    import pandas as pd
    from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

    card_file = hive17().parents[1] / "creditcard" / "creditcard_subset.csv.gz"
    card = pd.read_csv(card_file, float_precision="round_trip")
    r = run(kernel_spec, "eval", "--labels", "Class", "--scores", "Amount", "--threshold", "100", str(card_file))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert list(out) == ["roc_auc", "average_precision", "pr_auc", "precision", "recall", "f1", "mcc", "confusion",
                         "threshold"]
    # same operations in the same order as scikit-learn: equal to the last bit (see golden/eval/README.md)
    assert abs(out["roc_auc"] - roc_auc_score(card["Class"], card["Amount"])) <= 1e-12
    assert abs(out["average_precision"] - average_precision_score(card["Class"], card["Amount"])) <= 1e-12
    flagged = card["Amount"] >= 100
    assert abs(out["f1"] - f1_score(card["Class"], flagged)) <= 1e-12
    assert out["confusion"]["tp"] == int((flagged & (card["Class"] == 1)).sum())
    assert out["threshold"] == 100


def test_eval_errors_are_one_line(kernel_spec):
    r = run(kernel_spec, "eval", "--labels", "T17", "--scores", "RH17", "--sep", ";", str(hive17()))
    assert r.returncode == 1
    ours = [line for line in r.stderr.splitlines() if line.startswith("anomaly4j eval: ")]
    assert len(ours) == 1 and "must hold 0 (normal) or 1 (anomaly)" in ours[0], r.stderr
    assert run(kernel_spec, "eval", "--scores", "RH17", str(hive17())).returncode == 2


# ---------------------------------------------------------------- the launcher script and standard input

LAUNCHER = ROOT / "kernel-ext" / "scripts" / "anomaly4j"


def launch(kernel_spec, *args, stdin=None, java_opts=""):
    """Runs kernel-ext/scripts/anomaly4j on the kernel's JDK (find-jdk.sh takes JAVA_HOME when it qualifies)."""
    env = dict(os.environ, JAVA_HOME=str(pathlib.Path(java(kernel_spec)).parents[1]), ANOMALY4J_JAVA_OPTS=java_opts)
    return subprocess.run([str(LAUNCHER), *args], capture_output=True, text=True, timeout=300, input=stdin, env=env)


def test_launcher_errors_are_exactly_one_line(kernel_spec):
    # `java -jar` on JDK 24+ prints four sun.misc.Unsafe warning lines first; the launcher allows that access
    r = launch(kernel_spec, "detect", "--detector", "iqr", "--columns", "T99", "--sep", ";", str(hive17()))
    assert r.returncode == 1
    assert r.stderr.splitlines() == [r.stderr.strip()] and r.stderr.startswith("anomaly4j: "), r.stderr
    assert '"T99"' in r.stderr and r.stdout == ""


def test_dash_reads_standard_input_like_the_file(kernel_spec):
    args = ["detect", "--detector", "iqr", "--columns", "T17", "--sep", ";"]
    from_file = launch(kernel_spec, *args, str(hive17()))
    from_stdin = launch(kernel_spec, *args, "-", stdin=hive17().read_text(encoding="utf-8"))
    assert from_file.returncode == 0 and from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout
    assert len(from_stdin.stdout.splitlines()) == 1848  # header + 1847 rows
    assert from_stdin.stderr == ""


def test_out_of_memory_is_one_line_naming_xmx(kernel_spec, build_dir):
    # 700,000 rows of short text cells need far more than a 32 MB heap (each cell is a String while typed);
    # the file (2.8 MB) is under the 8 MB read limit of that heap, so the reader starts and runs out
    big = build_dir / "cli-short-cells.csv"
    big.write_text("t,a\n" + "x,1\n" * 700_000)
    r = launch(kernel_spec, "detect", "--detector", "iqr", "--columns", "a", str(big), java_opts="-Xmx32m")
    assert r.returncode == 1
    assert r.stderr.splitlines() == [r.stderr.strip()], r.stderr
    assert r.stderr.startswith("anomaly4j: not enough memory") and "-Xmx" in r.stderr, r.stderr
