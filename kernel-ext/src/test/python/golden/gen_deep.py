#!/usr/bin/env python3
"""Goldens of the deep detectors (org.anomaly4j.deep), computed in pip PyTorch with the same architectures and
training rules as the Java side (see those classes and Training.java):

  every model: standardise each feature (training mean, population std; constant -> scale 1); PyTorch's default
  Linear init; Adam(lr=1e-3, weight_decay=1e-5); batch 32; up to 50 epochs; validation = a random 10% of the
  rows, early stopping (patience 10, best weights kept); learning rate x0.5 after more than 5 epochs without a
  relative improvement of 1e-4; dropout 0.2 after every hidden Linear+ReLU
  autoencoder: 64, 32, 16 mirrored (32, 64), Linear(d); loss = MSE; score = mean squared error of the row
  vae: encoder 128, 64, 32 -> Linear(2 * latent) = (mu, log var), latent 2; u = mu + eps * exp(log var / 2)
       in training, u = mu otherwise; decoder 32, 64, 128 -> Linear(d); loss = mean over the batch of
       1/2 sum (x_hat - x)^2 + beta KL, beta 1; score = the same at u = mu
  ganomaly: generator encoder 64, 32 -> Linear(16), decoder 32, 64 -> Linear(d), second encoder like the first;
       discriminator 64, 32 (+ ReLU) -> features f, Linear(1) -> logit; per batch a generator step on
       w_adv mean (f(x) - f(x_hat))^2 + w_con mean |x - x_hat| + w_enc mean (z - z_hat)^2 (1, 50, 1), then a
       discriminator step on mean softplus(-D(x)) + mean softplus(D(x_hat)); monitored loss = the w_con and
       w_enc terms; score = mean |x - x_hat| of the standardised row

Unsupervised, as PyOD is used: trained on ALL rows (labels unused), ROC-AUC of the training scores. Three
seeds (0, 1, 2): the random streams differ from the Java side's, so only means are comparable.

usage (ANOMALY4J_DATA=/path/to/shared/data, pip torch on CPU, one thread):
  gen_deep.py [autoencoder] [vae] [ganomaly]   credit-card goldens creditcard_<model>.json (default: all three)
  gen_deep.py --parity                         parity.json: initial weights, a batch, forward outputs, losses
                                               and weights after two Adam steps of small instances of the four
                                               networks (dropout 0), for the equality tests
  gen_deep.py --adbench MODEL... [--tables=A,B] ADBench ROC-AUC per seed 0, 1, 2 -> adbench_pytorch_<models>.json
"""
import json
import math
import sys
import time

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from sklearn.metrics import roc_auc_score

import golden_io

FEATURES = [f"V{i}" for i in range(1, 29)] + ["Amount"]
SEEDS = [0, 1, 2]
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
AE_HIDDEN = [64, 32, 16]
VAE_HIDDEN, VAE_LATENT, VAE_BETA = [128, 64, 32], 2, 1.0
GAN_HIDDEN, GAN_LATENT, GAN_W = [64, 32], 16, (1.0, 50.0, 1.0)
# the old name of the autoencoder's sizes (creditcard_autoencoder.json records it as "hidden")
HIDDEN = AE_HIDDEN


def dense(sizes, d_in, dropout=DROPOUT):
    """Linear -> ReLU -> Dropout per size but the last (DenseStack.block)."""
    layers, prev = [], d_in
    for k, s in enumerate(sizes):
        layers.append(torch.nn.Linear(prev, s))
        if k < len(sizes) - 1:
            layers.append(torch.nn.ReLU())
            if dropout > 0:
                layers.append(torch.nn.Dropout(dropout))
        prev = s
    return torch.nn.Sequential(*layers)


def decoder_sizes(hidden, d):
    return list(reversed(hidden)) + [d]


def network(d: int, hidden=AE_HIDDEN, dropout=DROPOUT) -> torch.nn.Sequential:
    """The autoencoder: encoder sizes, the decoder mirrored without the bottleneck, then d."""
    return dense(hidden + hidden[-2::-1] + [d], d, dropout)


class AE:
    def __init__(self, d, dropout=DROPOUT, hidden=AE_HIDDEN):
        self.net = network(d, hidden, dropout)
        self.modules = [self.net]
        self.opts = [adam(self.net)]

    def loss(self, x):
        return ((self.net(x) - x) ** 2).mean()

    def step(self, x):
        loss = self.loss(x)
        self.opts[0].zero_grad()
        loss.backward()
        self.opts[0].step()
        return loss.item()

    def monitored(self, x):
        return self.loss(x).item()

    def scores(self, x):
        return ((self.net(x) - x) ** 2).mean(dim=1)


class VAE:
    def __init__(self, d, dropout=DROPOUT, hidden=VAE_HIDDEN, latent=VAE_LATENT, beta=VAE_BETA):
        self.latent, self.beta = latent, beta
        self.enc = dense(hidden + [2 * latent], d, dropout)
        self.dec = dense(decoder_sizes(hidden, d), latent, dropout)
        self.modules = [self.enc, self.dec]
        self.opts = [torch.optim.Adam(list(self.enc.parameters()) + list(self.dec.parameters()), lr=LR,
                                      weight_decay=WEIGHT_DECAY)]

    def forward(self, x):
        h = self.enc(x)
        mu, log_var = h[:, :self.latent], h[:, self.latent:]
        u = mu + torch.randn(mu.shape) * torch.exp(0.5 * log_var) if self.enc.training else mu
        return self.dec(u), mu, log_var

    def per_row(self, x):
        out, mu, log_var = self.forward(x)
        rec = 0.5 * ((out - x) ** 2).sum(dim=1)
        kl = -0.5 * (1 + log_var - mu ** 2 - torch.exp(log_var)).sum(dim=1)
        return rec + self.beta * kl

    def loss(self, x):
        return self.per_row(x).mean()

    step = AE.step
    monitored = AE.monitored

    def scores(self, x):
        return self.per_row(x)


class GANomaly:
    def __init__(self, d, dropout=DROPOUT, hidden=GAN_HIDDEN, latent=GAN_LATENT, weights=GAN_W):
        self.w_adv, self.w_con, self.w_enc = weights
        self.ge = dense(hidden + [latent], d, dropout)
        self.gd = dense(decoder_sizes(hidden, d), latent, dropout)
        self.e2 = dense(hidden + [latent], d, dropout)
        self.df = dense(hidden, d, dropout)
        self.df.append(torch.nn.ReLU())
        self.dh = torch.nn.Linear(hidden[-1], 1)
        self.modules = [self.ge, self.gd, self.e2, self.df, self.dh]
        self.g_params = [p for m in (self.ge, self.gd, self.e2) for p in m.parameters()]
        self.d_params = [p for m in (self.df, self.dh) for p in m.parameters()]
        self.opts = [torch.optim.Adam(self.g_params, lr=LR, weight_decay=WEIGHT_DECAY),
                     torch.optim.Adam(self.d_params, lr=LR, weight_decay=WEIGHT_DECAY)]

    def generate(self, x):
        z = self.ge(x)
        xh = self.gd(z)
        return xh, z, self.e2(xh)

    def fit_loss(self, x, xh, z, zh):
        return self.w_con * (xh - x).abs().mean() + self.w_enc * ((z - zh) ** 2).mean()

    def step(self, x):
        g, d = self.opts
        xh, z, zh = self.generate(x)
        fx, fxh = self.df(x), self.df(xh)
        loss = self.fit_loss(x, xh, z, zh) + self.w_adv * ((fx - fxh) ** 2).mean()
        g.zero_grad()
        loss.backward()
        g.step()
        d.zero_grad()  # the generator's backward pass also reached D's weights
        real, fake = self.dh(self.df(x)), self.dh(self.df(xh.detach()))
        d_loss = F.softplus(-real).mean() + F.softplus(fake).mean()
        d_loss.backward()
        d.step()
        return loss.item()

    def monitored(self, x):
        return self.fit_loss(x, *self.generate(x)).item()

    def scores(self, x):
        return (self.generate(x)[0] - x).abs().mean(dim=1)


MODELS = {"autoencoder": AE, "vae": VAE, "ganomaly": GANomaly}


def adam(net):
    return torch.optim.Adam(net.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)


def mode(model, training):
    for m in model.modules:
        m.train(training)


def state(model):
    return [{k: v.clone() for k, v in m.state_dict().items()} for m in model.modules]


def fit_model(kind: str, z: np.ndarray, seed: int):
    """Trains a model of that kind on the standardised rows z by the loop's rules; (scores, history)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    n, d = z.shape
    perm = rng.permutation(n)
    n_val = round(n * VALIDATION)
    val, train = perm[:n_val], perm[n_val:].copy()
    x = torch.tensor(z, dtype=torch.float32)
    model = MODELS[kind](d)
    best, best_state, wait, plateau, history = math.inf, None, 0, 0, []
    for epoch in range(1, EPOCHS + 1):
        rng.shuffle(train)
        mode(model, True)
        total = 0.0
        for start in range(0, len(train), BATCH):
            xb = x[train[start:start + BATCH]]
            total += model.step(xb) * len(xb)
        mode(model, False)
        with torch.no_grad():
            val_loss = model.monitored(x[val])
        history.append((total / len(train), val_loss))
        if epoch == 1 or val_loss < best - IMPROVEMENT * abs(best):
            best, wait, plateau = val_loss, 0, 0
            best_state = state(model)
        else:
            wait += 1
            plateau += 1
            if plateau > LR_PATIENCE:
                for opt in model.opts:
                    for g in opt.param_groups:
                        g["lr"] *= LR_FACTOR
                plateau = 0
            if wait >= PATIENCE:
                break
    for m, s in zip(model.modules, best_state):
        m.load_state_dict(s)
    mode(model, False)
    with torch.no_grad():
        scores = model.scores(x).numpy().astype(float)
    return scores, history


def fit_score(z: np.ndarray, seed: int):
    """The autoencoder (kept for callers of the first version of this script)."""
    return fit_model("autoencoder", z, seed)


def standardise(raw: np.ndarray) -> np.ndarray:
    mean = raw.mean(axis=0)
    std = raw.std(axis=0)
    std[std == 0] = 1
    return (raw - mean) / std


def deep_golden_root():
    golden_io.GOLDEN_ROOT = golden_io.SCRIPT_DIR.parents[3] / "deep" / "src" / "test" / "resources" / "golden"


def creditcard(kinds) -> None:
    frame = pd.read_csv(golden_io.data_root() / "creditcard" / "creditcard_subset.csv.gz")
    raw = frame[FEATURES].to_numpy(dtype=float)
    y = frame["Class"].to_numpy(dtype=int)
    z = standardise(raw)
    deep_golden_root()
    for kind in kinds:
        runs = []
        for seed in SEEDS:
            t0 = time.perf_counter()
            scores, history = fit_model(kind, z, seed)
            auc = roc_auc_score(y, scores)
            runs.append({"seed": seed, "rocAuc": float(auc), "epochs": len(history),
                         "seconds": round(time.perf_counter() - t0, 2),
                         "loss": golden_io.floats([h[0] for h in history]),
                         "valLoss": golden_io.floats([h[1] for h in history])})
            print(f"{kind} seed {seed}: ROC-AUC {auc:.4f} after {len(history)} epochs, {runs[-1]['seconds']} s",
                  flush=True)
        payload = {"torch": torch.__version__, "model": kind, "features": FEATURES, "rows": int(len(y)),
                   "positives": int(y.sum()), "trainedOn": "all rows (unsupervised)"}
        if kind == "autoencoder":
            payload["hidden"] = AE_HIDDEN
        elif kind == "vae":
            payload.update({"hidden": VAE_HIDDEN, "latent": VAE_LATENT, "beta": VAE_BETA})
        else:
            payload.update({"hidden": GAN_HIDDEN, "latent": GAN_LATENT, "weights": list(GAN_W)})
        payload.update({"dropout": DROPOUT, "learningRate": LR, "weightDecay": WEIGHT_DECAY, "batchSize": BATCH,
                        "epochs": EPOCHS, "patience": PATIENCE, "validation": VALIDATION,
                        "lrPatience": LR_PATIENCE, "lrFactor": LR_FACTOR,
                        "meanRocAuc": float(np.mean([r["rocAuc"] for r in runs])), "runs": runs})
        golden_io.write("deep", "gen_deep.py", f"creditcard_{kind}.json", payload)


def adbench(kinds, tables=None) -> None:
    """ROC-AUC per seed of each model on the ADBench tables (all, or the named ones in that order); the JSON is
    rewritten after every table, so a run stopped early keeps the tables it finished, and a new run skips them."""
    root = golden_io.data_root() / "adbench"
    deep_golden_root()
    files = [root / f"{t}.csv" for t in tables] if tables else sorted(root.glob("*.csv"))
    path = golden_io.GOLDEN_ROOT / "deep" / f"adbench_pytorch_{'_'.join(kinds)}.json"
    out = {"torch": torch.__version__, "seeds": SEEDS, "tables": {}}
    if path.exists():  # resume: keep the tables an earlier (stopped) run finished
        out["tables"] = json.loads(path.read_text())["tables"]
    for f in files:
        if f.stem in out["tables"]:
            continue
        df = pd.read_csv(f, float_precision="round_trip")
        raw = df[[c for c in df.columns if c.startswith("x")]].to_numpy(dtype=np.float64)
        y = df[[c for c in df.columns if not c.startswith("x")][0]].to_numpy()
        z = standardise(raw)
        row = {"rows": int(len(y)), "d": int(raw.shape[1])}
        for kind in kinds:
            aucs = []
            for seed in SEEDS:
                t0 = time.perf_counter()
                scores, history = fit_model(kind, z, seed)
                aucs.append(float(roc_auc_score(y, scores)))
                print(f"{f.stem} {kind} seed {seed}: {aucs[-1]:.4f} ({len(history)} epochs, "
                      f"{time.perf_counter() - t0:.1f} s)", flush=True)
            row[kind] = aucs
        out["tables"][f.stem] = row
        out["meanRocAuc"] = {k: float(np.mean([np.mean(t[k]) for t in out["tables"].values()])) for k in kinds}
        golden_io.write("deep", "gen_deep.py", f"adbench_pytorch_{'_'.join(kinds)}.json", out)
    print(out["meanRocAuc"])


# ---------------------------------------------------------------- parity (same weights, dropout 0)

PARITY_ROWS, PARITY_D, PARITY_STEPS = 8, 5, 2
# seeds the generator right before the training steps (the VAE's noise; the Java side calls torch.manual_seed
# with the same value through DjlEngine.seed)
PARITY_STEP_SEED = 5


def tensors(module_list):
    """Every parameter in the modules' order, as PyTorch lists them (weight before bias, layer by layer)."""
    return [p for m in module_list for p in m.parameters()]


def flat(ts):
    return golden_io.floats(torch.cat([t.detach().reshape(-1) for t in ts]).numpy())


def parity_case(name, model, params, x, forward, extra=None):
    """Initial weights, forward outputs (evaluation mode), then PARITY_STEPS training steps on the same batch."""
    case = {"name": name, "shapes": [list(p.shape) for p in params], "initial": flat(params),
            "batch": golden_io.floats(x.reshape(-1).numpy())}
    if extra:
        case.update(extra)
    mode(model, False)
    with torch.no_grad():
        case["outputs"] = [golden_io.floats(o.reshape(-1).numpy()) for o in forward(x)]
        case["scores"] = golden_io.floats(model.scores(x).numpy())
        case["monitored"] = model.monitored(x)
    mode(model, True)
    torch.manual_seed(PARITY_STEP_SEED)
    losses, weights = [], []
    for _ in range(PARITY_STEPS):
        losses.append(model.step(x))
        weights.append(flat(params))
    case["losses"] = losses
    case["weights"] = weights
    return case


class LstmAE:
    """LstmAeBlock: LSTM encoder(s) -> last hidden state repeated over the window -> LSTM decoder(s) -> Linear(d)."""

    def __init__(self, d, hidden):
        self.enc = torch.nn.ModuleList()
        prev = d
        for h in hidden:
            self.enc.append(torch.nn.LSTM(prev, h, batch_first=True))
            prev = h
        self.dec = torch.nn.ModuleList()
        for h in reversed(hidden):
            self.dec.append(torch.nn.LSTM(prev, h, batch_first=True))
            prev = h
        self.out = torch.nn.Linear(prev, d)
        self.modules = [self.enc, self.dec, self.out]
        self.opts = [torch.optim.Adam([p for m in self.modules for p in m.parameters()], lr=LR,
                                      weight_decay=WEIGHT_DECAY)]

    def forward(self, x):
        h = x
        for lstm in self.enc:
            h = lstm(h)[0]
        h = h[:, -1:, :].repeat(1, x.shape[1], 1)
        for lstm in self.dec:
            h = lstm(h)[0]
        return (self.out(h),)

    def loss(self, x):
        return ((self.forward(x)[0] - x) ** 2).mean()

    step = AE.step
    monitored = AE.monitored

    def scores(self, x):
        return ((self.forward(x)[0] - x) ** 2).mean(dim=(1, 2))


def parity() -> None:
    torch.manual_seed(11)
    x = torch.randn(PARITY_ROWS, PARITY_D)
    cases = []
    ae = AE(PARITY_D, dropout=0, hidden=[6, 3])
    cases.append(parity_case("autoencoder", ae, tensors(ae.modules), x, lambda v: (ae.net(v),),
                             {"hidden": [6, 3]}))
    vae = VAE(PARITY_D, dropout=0, hidden=[6], latent=2)
    cases.append(parity_case("vae", vae, tensors(vae.modules), x, vae.forward,
                             {"hidden": [6], "latent": 2, "beta": 1.0}))
    gan = GANomaly(PARITY_D, dropout=0, hidden=[6, 4], latent=2)
    params = tensors([gan.ge, gan.gd, gan.e2]) + tensors([gan.df, gan.dh])
    cases.append(parity_case("ganomaly", gan, params, x, lambda v: gan.generate(v) + (gan.df(v), gan.dh(gan.df(v))),
                             {"hidden": [6, 4], "latent": 2, "generatorParameters": len(tensors([gan.ge, gan.gd, gan.e2]))}))
    window, d = 6, 2
    xs = torch.randn(4, window, d)
    lstm = LstmAE(d, [3])
    cases.append(parity_case("lstm-autoencoder", lstm, tensors(lstm.modules), xs, lstm.forward,
                             {"hidden": [3], "window": window, "d": d, "batchShape": list(xs.shape)}))
    deep_golden_root()
    golden_io.write("deep", "gen_deep.py", "parity.json", {
        "torch": torch.__version__, "learningRate": LR, "weightDecay": WEIGHT_DECAY, "steps": PARITY_STEPS,
        "stepSeed": PARITY_STEP_SEED, "rows": PARITY_ROWS, "d": PARITY_D, "cases": cases})
    print("parity.json:", ", ".join(c["name"] for c in cases))


def main() -> None:
    torch.set_num_threads(1)
    args = sys.argv[1:]
    if args[:1] == ["--parity"]:
        parity()
    elif args[:1] == ["--adbench"]:
        tables = [a.split("=", 1)[1].split(",") for a in args if a.startswith("--tables=")]
        kinds = [a for a in args[1:] if not a.startswith("--")]
        adbench(kinds or list(MODELS), tables[0] if tables else None)
    else:
        creditcard(args or list(MODELS))


if __name__ == "__main__":
    main()
