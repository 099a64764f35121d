"""Golden reference results for the NAB scorer (org.anomaly4j.timeseries.NabScorer), from NAB's own code and
NAB's published results.

Reads, from a local clone of github.com/numenta/NAB (a bare git directory is enough; --nab-repo, default
/work/.mirror/numenta+NAB/repo):
  * nab/sweeper.py, NAB's scorer, loaded as a module straight from git (not copied into this project);
  * results/<detector>/<category>/<detector>_<series>.csv, the published anomaly scores;
  * results/<detector>/<detector>_<profile>_scores.csv, the published per-file NAB scores;
  * config/thresholds.json, the published thresholds (optimised by NAB over all 58 series).
and, from the shared data folder ($ANOMALY4J_DATA/nab), the 18 bundled series and labels/combined_windows.json.

Writes into kernel-ext/src/test/resources/golden/nab/:
  * published.json: for detectors numenta, windowedGaussian, knncad and ARTime, each profile and each bundled
    series, the rows whose published score is >= the published threshold (the detections) and NAB's published
    per-file score. The Java test scores those detections and must match NAB's number.
  * optimised.json: the numenta scores above 0.5 (sparse; other rows 0), and what NAB's sweeper makes of them
    on the 18 series: the optimised threshold and raw score per profile, the null baseline and the normalised
    score (NAB's runner.normalize formula, perfect = windows of the 18 series).
  * subset_scoreboard.json (not asserted, used in the README): every published detector re-scored by NAB's
    code on the 18 bundled series with the threshold re-optimised on them.

Run:  ANOMALY4J_DATA=/work/shared/data .venv/bin/python kernel-ext/src/test/python/golden/gen_nab.py \
          [--nab-repo /path/to/NAB/.git]
"""
import argparse
import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden_io import data_root, write  # noqa: E402

PROFILES = ["reward_low_FP_rate", "reward_low_FN_rate", "standard"]
PUBLISHED = ["numenta", "windowedGaussian", "knncad", "ARTime"]


def git(repo, path):
    return subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def load_sweeper(repo):
    module = types.ModuleType("nab_sweeper")
    exec(compile(git(repo, "nab/sweeper.py"), "nab/sweeper.py", "exec"), module.__dict__)
    return module


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nab-repo", default="/work/.mirror/numenta+NAB/repo")
    repo = Path(ap.parse_args().nab_repo)
    commit = subprocess.run(["git", "--git-dir", str(repo), "rev-parse", "HEAD"], check=True,
                            capture_output=True, text=True).stdout.strip()
    sweeper = load_sweeper(repo)
    nab = data_root() / "nab"
    windows_all = json.loads((nab / "labels" / "combined_windows.json").read_text())
    profiles = json.loads((nab / "config" / "profiles.json").read_text())
    paths = sorted(str(p.relative_to(nab / "data")) for p in (nab / "data").glob("*/*.csv"))
    data = {p: pd.read_csv(nab / "data" / p, parse_dates=["timestamp"]) for p in paths}
    windows = {p: [[pd.Timestamp(a), pd.Timestamp(b)] for a, b in windows_all[p]] for p in paths}
    thresholds = json.loads(git(repo, "config/thresholds.json"))

    def results(det, p):
        cat, name = p.split("/")
        df = pd.read_csv(io.StringIO(git(repo, f"results/{det}/{cat}/{det}_{name}")), parse_dates=["timestamp"])
        assert len(df) == len(data[p]) and (df["timestamp"].values == data[p]["timestamp"].values).all(), p
        return df["anomaly_score"].to_numpy(dtype=float)

    def sweep(scores_by_path, profile):
        s = sweeper.Sweeper(probationPercent=0.15, costMatrix=profiles[profile]["CostMatrix"])
        rows = []
        for p in paths:
            rows.extend(s.calcSweepScore(data[p]["timestamp"], scores_by_path[p], windows[p], p))
        best = sorted(s.calcScoreByThreshold(rows), key=lambda x: x.score, reverse=True)[0]
        return best.threshold, best.score

    tp_count = sum(len(windows[p]) for p in paths)

    def category_normalised(scores_by_path, profile, threshold, category):
        # the corpus threshold applied to one category, normalised with that category's windows and null score
        subset = [p for p in paths if p.startswith(category + "/")]
        s = sweeper.Sweeper(probationPercent=0.15, costMatrix=profiles[profile]["CostMatrix"])
        raw = sum(s.scoreDataSet(data[p]["timestamp"], scores_by_path[p], windows[p], p, threshold)[1].score
                  for p in subset)
        rows = []
        for p in subset:
            rows.extend(s.calcSweepScore(data[p]["timestamp"], [0.5] * len(data[p]), windows[p], p))
        null = max(x.score for x in s.calcScoreByThreshold(rows))
        perfect = sum(len(windows[p]) for p in subset) * profiles[profile]["CostMatrix"]["tpWeight"]
        return 100 * (raw - null) / (perfect - null)

    def normalised(scores_by_path, profile):
        threshold, raw = sweep(scores_by_path, profile)
        null, _ = None, None
        _, null = sweep({p: [0.5] * len(data[p]) for p in paths}, profile)
        perfect = tp_count * profiles[profile]["CostMatrix"]["tpWeight"]
        return threshold, raw, null, 100 * (raw - null) / (perfect - null)

    # 1. published per-file scores at the published thresholds
    dets = []
    for det in PUBLISHED:
        scores = {p: results(det, p) for p in paths}
        profs = []
        for prof in PROFILES:
            t = thresholds[det][prof]["threshold"]
            table = pd.read_csv(io.StringIO(git(repo, f"results/{det}/{det}_{prof}_scores.csv")))
            series = []
            for p in paths:
                published = float(table.loc[table["File"] == p, "Score"].iloc[0])
                s = sweeper.Sweeper(probationPercent=0.15, costMatrix=profiles[prof]["CostMatrix"])
                _, row = s.scoreDataSet(data[p]["timestamp"], scores[p], windows[p], p, t)
                assert abs(row.score - published) < 1e-9, (det, prof, p, row.score, published)
                series.append({"path": p, "rows": len(data[p]),
                               "detections": [int(i) for i in (scores[p] >= t).nonzero()[0]],
                               "score": published})
            profs.append({"profile": prof, "threshold": t, "series": series})
        dets.append({"detector": det, "profiles": profs})
    write("nab", "gen_nab.py", "published.json", {"nab_commit": commit, "detectors": dets})

    # 2. threshold optimisation and normalisation on sparse numenta scores
    sparse = {}
    for p in paths:
        s = results("numenta", p)
        s[s < 0.5] = 0.0
        sparse[p] = s
    expected = []
    for prof in PROFILES:
        t, raw, null, norm = normalised(sparse, prof)
        expected.append({"profile": prof, "threshold": t, "score": raw, "null": null, "normalised": norm})
    write("nab", "gen_nab.py", "optimised.json", {
        "nab_commit": commit,
        "series": [{"path": p, "rows": len(data[p]), "index": [int(i) for i in sparse[p].nonzero()[0]],
                    "score": [float(v) for v in sparse[p][sparse[p].nonzero()[0]]]} for p in paths],
        "expected": expected})

    # 3. every published detector on the 18 bundled series (threshold re-optimised on them)
    board = {}
    for det in sorted(thresholds):
        try:
            scores = {p: results(det, p) for p in paths}
        except AssertionError as e:  # a published result file whose rows do not match the data file
            print(det, "skipped: rows of", e, "differ from the data file")
            continue
        board[det] = {}
        for prof in PROFILES:
            threshold, _, _, norm = normalised(scores, prof)
            board[det][prof] = norm
            for cat in ("artificialWithAnomaly", "realKnownCause"):
                board[det][cat + "/" + prof] = category_normalised(scores, prof, threshold, cat)
        print(det, {k: round(v, 1) for k, v in board[det].items()})
    write("nab", "gen_nab.py", "subset_scoreboard.json", {"nab_commit": commit, "series": len(paths),
                                                         "windows": tp_count, "normalised": board})


if __name__ == "__main__":
    main()
