#!/usr/bin/env python3
"""Dealer tool, checked in Python: recomputes the held-out metrics of the shipped model and of the
two naive baselines from the predictions training exported, and fits scikit-learn reference models
(gradient boosting and a GLM, both with a Poisson loss) on exactly the same features and split.
Needs Debian's python3-sklearn. Not part of npm test.

  npm run train -- --only dealers --export-features /tmp/dealers-features --out /tmp/dealers-artifacts
  /usr/bin/python3 scripts/dealers_sklearn_reference.py /tmp/dealers-features > scripts/train/reference/dealers-sklearn.json
  npm run train -- --only dealers

The recomputed metrics go to stderr (compare them with the training table); stdout is the JSON that
training attaches to the artifact as comparisons while the features' SHA-256 matches.
"""
import hashlib
import json
import sys

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import PoissonRegressor
from sklearn.preprocessing import StandardScaler

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dealers-features"
paths = [f"{folder}/dealers_train.csv", f"{folder}/dealers_test.csv"]
digest = hashlib.sha256()
for path in paths:
    with open(path, "rb") as f:
        digest.update(f.read())
train = np.genfromtxt(paths[0], delimiter=",", skip_header=1)
test = np.genfromtxt(paths[1], delimiter=",", skip_header=1)
Xtr, ytr, Xte, yte = train[:, :-1], train[:, -1], test[:, :-1], test[:, -1]


def metrics(y, p):
    err = np.abs(y - p)
    nz = y != 0
    return {
        "n": int(len(y)),
        "wape": float(err.sum() / np.abs(y).sum()),
        "mae": float(err.mean()),
        "mape": float((err[nz] / np.abs(y[nz])).mean()),
        "r2": float(1 - ((y - p) ** 2).sum() / ((y - y.mean()) ** 2).sum()),
    }


exported = np.genfromtxt(f"{folder}/dealers_test_predictions.csv", delimiter=",", names=True)
for name in exported.dtype.names:
    m = metrics(yte, exported[name])
    print(f"recomputed {name}: " + ", ".join(f"{k} {v:.4f}" for k, v in m.items() if k != "n"), file=sys.stderr)

models = []
gbm = HistGradientBoostingRegressor(loss="poisson", max_iter=300, learning_rate=0.05, random_state=0).fit(Xtr, ytr)
models.append({
    "name": "scikit-learn gradient boosting, Poisson loss (reference)",
    "description": "HistGradientBoostingRegressor(loss='poisson', max_iter=300, learning_rate=0.05) on the same features and held-out dealer-months",
    "metrics": metrics(yte, gbm.predict(Xte)),
})
scaler = StandardScaler().fit(Xtr)
glm = PoissonRegressor(alpha=1e-6, max_iter=1000).fit(scaler.transform(Xtr), ytr)
models.append({
    "name": "scikit-learn Poisson GLM (reference)",
    "description": "PoissonRegressor (log link, standardised features) on the same features and held-out dealer-months",
    "metrics": metrics(yte, glm.predict(scaler.transform(Xte))),
})
for m in models:
    print(f"{m['name']}: WAPE {m['metrics']['wape']:.4f}", file=sys.stderr)
print(json.dumps({
    "tool": "dealers",
    "featuresHash": digest.hexdigest(),
    "library": f"scikit-learn {sklearn.__version__}",
    "command": "/usr/bin/python3 scripts/dealers_sklearn_reference.py /tmp/dealers-features > scripts/train/reference/dealers-sklearn.json",
    "models": models,
}, indent=1))
