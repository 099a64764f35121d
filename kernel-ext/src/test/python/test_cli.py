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
    (["detect", "--detector", "nope", "--columns", "T17", "--sep", ";"], 1, 'unknown detector "nope"'),
    (["detect", "--detector", "iqr", "--set", "k=abc", "--columns", "T17", "--sep", ";"], 1, 'k must be a number'),
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
