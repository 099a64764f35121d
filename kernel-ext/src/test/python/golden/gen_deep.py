#!/usr/bin/env python3
"""Golden ROC-AUC of the dense autoencoder on the credit-card subset, trained in pip PyTorch with the same
architecture and training rules as org.anomaly4j.deep.Autoencoder (see that class and Training.java):

  standardise every feature (training mean, population std; constant -> scale 1)
  encoder Linear(64) ReLU Dropout(0.2) Linear(32) ReLU Dropout Linear(16) ReLU Dropout,
  decoder Linear(32) ReLU Dropout Linear(64) ReLU Dropout Linear(d)
  PyTorch's default Linear init, Adam(lr=1e-3, weight_decay=1e-5), batch 32, up to 50 epochs,
  validation = a random 10% of the rows, early stopping (patience 10, best weights kept),
  learning rate x0.5 after more than 5 epochs without improvement (relative threshold 1e-4)
  score = mean squared reconstruction error of the standardised row

Unsupervised, as PyOD is used: trained on ALL rows (frauds included, labels unused), ROC-AUC of the training
scores against Class. Three seeds (0, 1, 2): the random streams differ from the Java side's, so only the
mean ROC-AUC is comparable (the Java test allows +-0.02).

usage: ANOMALY4J_DATA=/path/to/shared/data .venv/bin/python gen_deep.py   (needs pip torch, CPU)
"""
import math
import time

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import roc_auc_score

import golden_io

FEATURES = [f"V{i}" for i in range(1, 29)] + ["Amount"]
SEEDS = [0, 1, 2]
HIDDEN = [64, 32, 16]
DROPOUT = 0.2
LR = 1e-3
WEIGHT_DECAY = 1e-5
BATCH = 32
EPOCHS = 50
PATIENCE = 10
VALIDATION = 0.1
LR_PATIENCE = 5
LR_FACTOR = 0.5
IMPROVEMENT = 1e-4


def network(d: int) -> torch.nn.Sequential:
    sizes = HIDDEN + HIDDEN[-2::-1] + [d]
    layers, prev = [], d
    for k, s in enumerate(sizes):
        layers.append(torch.nn.Linear(prev, s))
        if k < len(sizes) - 1:
            layers += [torch.nn.ReLU(), torch.nn.Dropout(DROPOUT)]
        prev = s
    return torch.nn.Sequential(*layers)


def fit_score(z: np.ndarray, seed: int):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    n, d = z.shape
    perm = rng.permutation(n)
    n_val = round(n * VALIDATION)
    val, train = perm[:n_val], perm[n_val:].copy()
    x = torch.tensor(z, dtype=torch.float32)
    net = network(d)
    opt = torch.optim.Adam(net.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    best, best_state, wait, plateau, history = math.inf, None, 0, 0, []
    for epoch in range(1, EPOCHS + 1):
        rng.shuffle(train)
        net.train()
        total = 0.0
        for start in range(0, len(train), BATCH):
            xb = x[train[start:start + BATCH]]
            loss = ((net(xb) - xb) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        net.eval()
        with torch.no_grad():
            xv = x[val]
            val_loss = ((net(xv) - xv) ** 2).mean().item()
        history.append((total / len(train), val_loss))
        if epoch == 1 or val_loss < best - IMPROVEMENT * abs(best):
            best, wait, plateau = val_loss, 0, 0
            best_state = {k: v.clone() for k, v in net.state_dict().items()}
        else:
            wait += 1
            plateau += 1
            if plateau > LR_PATIENCE:
                for g in opt.param_groups:
                    g["lr"] *= LR_FACTOR
                plateau = 0
            if wait >= PATIENCE:
                break
    net.load_state_dict(best_state)
    net.eval()
    with torch.no_grad():
        scores = ((net(x) - x) ** 2).mean(dim=1).numpy().astype(float)
    return scores, history


def main() -> None:
    torch.set_num_threads(1)
    frame = pd.read_csv(golden_io.data_root() / "creditcard" / "creditcard_subset.csv.gz")
    raw = frame[FEATURES].to_numpy(dtype=float)
    y = frame["Class"].to_numpy(dtype=int)
    mean = raw.mean(axis=0)
    std = raw.std(axis=0)
    std[std == 0] = 1
    z = (raw - mean) / std
    runs = []
    for seed in SEEDS:
        t0 = time.perf_counter()
        scores, history = fit_score(z, seed)
        auc = roc_auc_score(y, scores)
        runs.append({"seed": seed, "rocAuc": float(auc), "epochs": len(history),
                     "seconds": round(time.perf_counter() - t0, 2),
                     "loss": golden_io.floats([h[0] for h in history]),
                     "valLoss": golden_io.floats([h[1] for h in history])})
        print(f"seed {seed}: ROC-AUC {auc:.4f} after {len(history)} epochs, {runs[-1]['seconds']} s")
    golden_io.GOLDEN_ROOT = golden_io.SCRIPT_DIR.parents[3] / "deep" / "src" / "test" / "resources" / "golden"
    golden_io.write("deep", "gen_deep.py", "creditcard_autoencoder.json", {
        "torch": torch.__version__, "features": FEATURES, "rows": int(len(y)), "positives": int(y.sum()),
        "trainedOn": "all rows (unsupervised)", "hidden": HIDDEN, "dropout": DROPOUT, "learningRate": LR,
        "weightDecay": WEIGHT_DECAY, "batchSize": BATCH, "epochs": EPOCHS, "patience": PATIENCE,
        "validation": VALIDATION, "lrPatience": LR_PATIENCE, "lrFactor": LR_FACTOR,
        "meanRocAuc": float(np.mean([r["rocAuc"] for r in runs])), "runs": runs})


if __name__ == "__main__":
    main()
