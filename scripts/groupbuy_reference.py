#!/usr/bin/env python3
"""Reference figures for the group-buy deal-fill model: scikit-learn's RandomForestClassifier (the
reference script's settings: 200 trees, min_samples_leaf=20) and LogisticRegression on exactly the
features and rows `npm run train` built. Needs Debian's python3-sklearn. Writes the JSON that
training attaches to the deal artifact as comparisons (only while the features' SHA-256 matches):

  npm run train -- --only group-buy --export-features /tmp/gb-features --out /tmp/gb-artifacts
  /usr/bin/python3 scripts/groupbuy_reference.py /tmp/gb-features > scripts/train/reference/group-buy-deal-sklearn.json
  npm run train -- --only group-buy
"""
import hashlib
import json
import sys

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gb-features"
paths = [f"{folder}/deal_train.csv", f"{folder}/deal_test.csv"]
digest = hashlib.sha256()
for path in paths:
    with open(path, "rb") as f:
        digest.update(f.read())
with open(paths[0]) as f:
    names = f.readline().strip().split(",")[:-1]
train = np.genfromtxt(paths[0], delimiter=",", skip_header=1)
test = np.genfromtxt(paths[1], delimiter=",", skip_header=1)
Xtr, ytr, Xte, yte = train[:, :-1], train[:, -1].astype(int), test[:, :-1], test[:, -1].astype(int)
counts = [j for j, n in enumerate(names) if n in ("itemLaunches", "organiserLaunches", "organiserJoins")]


def logged(X):
    X = X.copy()
    X[:, counts] = np.log1p(X[:, counts])
    return X


def metrics(p):
    eps = np.finfo(float).eps
    q = np.clip(p, eps, 1 - eps)
    bins = []
    edges = np.linspace(0, 1, 11)
    which = np.clip(np.searchsorted(edges, p, side="left") - 1, 0, 9)
    for b in range(10):
        m = which == b
        bins.append({
            "low": float(edges[b]), "high": float(edges[b + 1]), "n": int(m.sum()),
            "meanPredicted": float(p[m].mean()) if m.any() else None,
            "observedRate": float(yte[m].mean()) if m.any() else None,
        })
    return {
        "n": int(len(yte)),
        "positives": int(yte.sum()),
        "rocAuc": float(roc_auc_score(yte, p)),
        "prAuc": float(average_precision_score(yte, p)),
        "atK": [],
        "brier": float(np.mean((p - yte) ** 2)),
        "logLoss": float(-np.mean(yte * np.log(q) + (1 - yte) * np.log(1 - q))),
        "reliability": bins,
    }


forest = RandomForestClassifier(200, min_samples_leaf=20, n_jobs=2, random_state=0).fit(Xtr, ytr)
logistic = make_pipeline(StandardScaler(), LogisticRegression(C=1e6, max_iter=1000)).fit(logged(Xtr), ytr)
models = [
    {
        "name": "scikit-learn forest, 200 trees (reference)",
        "description": "RandomForestClassifier(200, min_samples_leaf=20, random_state=0), the reference script's settings, on the same features, fitted on all training launches (fit + validation)",
        "metrics": metrics(forest.predict_proba(Xte)[:, 1]),
    },
    {
        "name": "scikit-learn logistic regression (reference)",
        "description": "StandardScaler + LogisticRegression(C=1e6) on the same features (launch counts as log1p), fitted on all training launches",
        "metrics": metrics(logistic.predict_proba(logged(Xte))[:, 1]),
    },
]
print(json.dumps({
    "tool": "group-buy-deal",
    "featuresHash": digest.hexdigest(),
    "library": f"scikit-learn {sklearn.__version__}",
    "command": "/usr/bin/python3 scripts/groupbuy_reference.py /tmp/gb-features > scripts/train/reference/group-buy-deal-sklearn.json",
    "models": models,
}, indent=1))
