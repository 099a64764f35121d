"""Golden reference results for the evaluation metrics (anomaly4j eval, part "eval").

Computes with scikit-learn what org.anomaly4j.eval.{ConfusionMatrix, Metrics, RocCurve, PrecisionRecallCurve,
ClassificationReport, CostAnalysis, ThresholdSearch, Evaluation} must reproduce, and writes small JSON files into
kernel-ext/src/test/resources/golden/eval/.

Run from anywhere:
    ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_eval.py
Without ANOMALY4J_DATA the script looks for a folder shared/data in the script's ancestors.

Files:
    random.json      20 seeded cases with many ties (integer scores 0..5, n from 2 to 200, imbalanced), labels
                     and scores stored, with every metric, the full curves, cost tables and threshold choices
    degenerate.json  prediction metrics where a class is absent from the truth or the predictions
                     (scikit-learn's zero_division="warn" values, kappa NaN stored as null)
    creditcard.json  the credit-card subset (read from the data folder, never copied) with four real score
                     vectors with ties: -V14, -V17, -V10, Amount; curves stored at a deterministic subset of
                     points to stay under 300 KB

Conventions shared with the Java side: a row is flagged when score >= t; roc_curve's first threshold (+inf) is
not stored (JSON has no infinity; the Java test asserts it); thresholds chosen by a search are the highest among
equal best values; top-k takes ties at the k-th score in row order.
"""
import numpy as np
import pandas as pd
from sklearn.metrics import (accuracy_score, auc, average_precision_score, balanced_accuracy_score,
                             classification_report, cohen_kappa_score, confusion_matrix,
                             confusion_matrix_at_thresholds, f1_score, fbeta_score, matthews_corrcoef,
                             precision_recall_curve, precision_score, recall_score, roc_auc_score, roc_curve)

import golden_io
from golden_io import clean, data_root, floats

SEED = 20261201
COSTS = [(1.0, 10.0), (5.0, 1.0), (0.5, 3.25)]
PRECISION_TARGETS = [0.3, 0.5, 0.8]
RECALL_TARGETS = [0.25, 0.5, 0.9, 1.0]


def write(name, payload):
    golden_io.write("eval", "gen_eval.py", name, payload)


def ints(values):
    return [int(v) for v in np.asarray(values).tolist()]


def prediction_metrics(y, pred):
    """Every metric of a prediction, each from its scikit-learn function (default zero_division)."""
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    report = classification_report(y, pred, labels=[0, 1], output_dict=True, zero_division="warn")
    return {
        "confusion": ints([tn, fp, fn, tp]),
        "precision": clean(precision_score(y, pred, zero_division="warn")),
        "recall": clean(recall_score(y, pred, zero_division="warn")),
        "f1": clean(f1_score(y, pred, zero_division="warn")),
        "f05": clean(fbeta_score(y, pred, beta=0.5, zero_division="warn")),
        "f2": clean(fbeta_score(y, pred, beta=2.0, zero_division="warn")),
        "accuracy": clean(accuracy_score(y, pred)),
        "balanced_accuracy": clean(balanced_accuracy_score(y, pred)),
        "specificity": clean(recall_score(y, pred, pos_label=0, zero_division="warn")),
        "mcc": clean(matthews_corrcoef(y, pred)),
        "kappa": clean(cohen_kappa_score(y, pred)),
        "report": {k: ({kk: clean(vv) for kk, vv in v.items()} if isinstance(v, dict) else clean(v))
                   for k, v in report.items()},
    }


def top_k(y, s, k):
    order = np.lexsort((np.arange(len(s)), -s))  # score descending, ties in row order
    found = int(y[order[:k]].sum())
    return found / k, found / int(y.sum())


def choices(y, s):
    """Threshold searches by brute force over the distinct scores, highest first, first best kept."""
    distinct = np.unique(s)[::-1]
    best_f1, best_t = -1.0, None
    for t in distinct:
        f = f1_score(y, s >= t, zero_division="warn")
        if f > best_f1:
            best_f1, best_t = f, t
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    j = tpr[1:] - fpr[1:]
    jbest = int(np.argmax(j))  # first maximum = highest threshold
    p, r, pthr = precision_recall_curve(y, s)
    out = {"max_f1": {"threshold": clean(best_t), "value": clean(best_f1)},
           "max_youden": {"threshold": clean(thr[1:][jbest]), "value": clean(j[jbest])},
           "for_precision": [], "for_recall": []}
    for target in PRECISION_TARGETS:
        hits = [i for i in range(len(pthr)) if p[i] >= target]  # ascending thresholds: first = lowest
        out["for_precision"].append({"target": target, "threshold": clean(pthr[hits[0]]) if hits else None,
                                     "value": clean(p[hits[0]]) if hits else None})
    for target in RECALL_TARGETS:
        hits = [i for i in range(len(pthr)) if r[i] >= target]  # recall falls as t rises: last = highest
        out["for_recall"].append({"target": target, "threshold": clean(pthr[hits[-1]]),
                                  "value": clean(r[hits[-1]])})
    return out


def costs(y, s, subset=None):
    tns, fps, fns, tps, thr = confusion_matrix_at_thresholds(y, s)
    fps = np.concatenate([[0.0], fps])
    fns = np.concatenate([[float(y.sum())], fns])
    out = []
    for cfp, cfn in COSTS:
        cost = cfp * fps + cfn * fns
        best = int(np.argmin(cost))  # first minimum; index 0 is +inf (flag nothing)
        entry = {"cost_fp": cfp, "cost_fn": cfn, "size": len(cost),
                 "cheapest_index": best, "cheapest_threshold": None if best == 0 else clean(thr[best - 1]),
                 "cheapest_cost": clean(cost[best])}
        rows = np.arange(len(cost)) if subset is None else subset(len(cost))
        entry["rows"] = ints(rows)
        entry["thresholds"] = [None if i == 0 else clean(thr[i - 1]) for i in rows]
        entry["fp"] = ints(fps[rows])
        entry["fn"] = ints(fns[rows])
        entry["cost"] = floats(cost[rows])
        out.append(entry)
    return out


def curves(y, s, subset=None):
    fpr, tpr, thr = roc_curve(y, s)
    fpr_all, tpr_all, thr_all = roc_curve(y, s, drop_intermediate=False)
    p, r, pthr = precision_recall_curve(y, s)
    pd_, rd, pdthr = precision_recall_curve(y, s, drop_intermediate=True)
    assert np.isinf(thr[0]) and np.isinf(thr_all[0])

    def pick(n):
        return np.arange(n) if subset is None else subset(n)

    ri, ai, pi, ti = pick(len(fpr)), pick(len(fpr_all)), pick(len(p)), pick(len(pthr))
    di, dti = pick(len(pd_)), pick(len(pdthr))
    return {
        "roc_auc": clean(roc_auc_score(y, s)),
        "average_precision": clean(average_precision_score(y, s)),
        "pr_auc": clean(auc(r, p)),
        "roc": {"size": len(fpr), "rows": ints(ri), "fpr": floats(fpr[ri]), "tpr": floats(tpr[ri]),
                "thresholds": [None if i == 0 else clean(thr[i]) for i in ri]},
        "roc_all": {"size": len(fpr_all), "rows": ints(ai), "fpr": floats(fpr_all[ai]), "tpr": floats(tpr_all[ai]),
                    "thresholds": [None if i == 0 else clean(thr_all[i]) for i in ai]},
        "pr": {"size": len(p), "rows": ints(pi), "precision": floats(p[pi]), "recall": floats(r[pi]),
               "threshold_rows": ints(ti), "thresholds": floats(pthr[ti])},
        "pr_drop": {"size": len(pd_), "rows": ints(di), "precision": floats(pd_[di]), "recall": floats(rd[di]),
                    "threshold_rows": ints(dti), "thresholds": floats(pdthr[dti]),
                    "pr_auc": clean(auc(rd, pd_))},
    }


def case(y, s, thresholds, ks, subset=None):
    out = curves(y, s, subset)
    out["at"] = [{"threshold": float(t), **prediction_metrics(y, (s >= t).astype(int))} for t in thresholds]
    out["top_k"] = [{"k": k, "precision": clean(top_k(y, s, k)[0]), "recall": clean(top_k(y, s, k)[1])}
                    for k in ks]
    out["choices"] = choices(y, s)
    out["costs"] = costs(y, s, subset)
    return out


def random_cases():
    rng = np.random.default_rng(SEED)
    sizes = [2, 3, 4, 5, 6, 8, 10, 13, 17, 20, 25, 33, 40, 50, 64, 80, 100, 128, 160, 200]
    out = []
    for n in sizes:
        rate = float(rng.uniform(0.05, 0.5))
        y = (rng.random(n) < rate).astype(int)
        pos = int(rng.integers(n))
        neg = (pos + 1 + int(rng.integers(n - 1))) % n  # another row: both classes, whatever the draw
        y[pos], y[neg] = 1, 0
        # integer scores 0..5: anomalies tend higher but overlap (many ties across the classes)
        s = np.clip(rng.integers(0, 5, n) + y * rng.integers(0, 3, n), 0, 5).astype(float)
        ks = sorted({1, max(1, n // 4), max(1, n // 2), n})
        out.append({"n": n, "labels": ints(y), "scores": floats(s),
                    **case(y, s, [0.0, 1.0, 2.5, 3.0, 5.0, 6.0], ks)})
    return out


def degenerate_cases():
    """Prediction metrics where scikit-learn divides by zero."""
    cases = [
        ([0, 0, 0, 0], [0, 0, 0, 0]),   # one class everywhere: kappa undefined
        ([0, 0, 0, 0], [0, 1, 0, 1]),   # no positives in the truth
        ([1, 1, 1], [1, 0, 1]),         # no negatives in the truth
        ([1, 1, 1], [1, 1, 1]),
        ([0, 1, 0, 1, 0], [0, 0, 0, 0, 0]),  # nothing predicted anomalous
        ([0, 1, 0, 1, 0], [1, 1, 1, 1, 1]),  # everything predicted anomalous
        ([1, 0], [0, 1]),
    ]
    return [{"labels": y, "predicted": p, **prediction_metrics(np.array(y), np.array(p))} for y, p in cases]


def subset_of(n, keep=150):
    """First and last 10 points and about `keep` evenly spaced ones (deterministic)."""
    if n <= keep + 20:
        return np.arange(n)
    idx = set(range(10)) | set(range(n - 10, n)) | set(np.linspace(0, n - 1, keep).astype(int).tolist())
    return np.array(sorted(idx))


def creditcard():
    path = data_root() / "creditcard" / "creditcard_subset.csv.gz"
    # round_trip = correctly rounded parsing, as Java's Double.parseDouble (pandas' default parser is not)
    card = pd.read_csv(path, float_precision="round_trip")
    y = card["Class"].to_numpy().astype(int)
    vectors = {"-V14": -card["V14"].to_numpy(), "-V17": -card["V17"].to_numpy(),
               "-V10": -card["V10"].to_numpy(), "Amount": card["Amount"].to_numpy()}
    out = {"rows": len(y), "anomalies": int(y.sum()), "scores": []}
    for name, s in vectors.items():
        qs = np.quantile(s, [0.5, 0.9, 0.95, 0.99])
        entry = {"name": name, "distinct": int(len(np.unique(s))), "first": floats(s[:5]),
                 **case(y, s, list(qs) + [float(np.median(s[y == 1]))], [1, 10, 100, 492, 1000, 5412],
                        subset_of)}
        out["scores"].append(entry)
    return out


def main():
    write("random.json", {"seed": SEED, "cases": random_cases()})
    write("degenerate.json", {"cases": degenerate_cases()})
    write("creditcard.json", creditcard())


if __name__ == "__main__":
    main()
