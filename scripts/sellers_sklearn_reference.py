#!/usr/bin/env python3
"""Reference figures for the seller finder: scikit-learn's RandomForestClassifier on exactly the
features and months `npm run train` used (training months, calibration month, test month). Needs
Debian's python3-sklearn. Writes the JSON that training attaches to the model card as comparisons
(only while the features' SHA-256 matches):

  npm run train -- --only sellers --export-features /tmp/sellers-features --out /tmp/sellers-artifacts
  /usr/bin/python3 scripts/sellers_sklearn_reference.py /tmp/sellers-features > scripts/train/reference/sellers-sklearn.json
  npm run train -- --only sellers
"""
import hashlib
import json
import sys

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/sellers-features"
paths = [f"{folder}/sellers_train.csv", f"{folder}/sellers_calibration.csv", f"{folder}/sellers_test.csv"]
digest = hashlib.sha256()
for path in paths:
    with open(path, "rb") as f:
        digest.update(f.read())
train, cal, test = (np.genfromtxt(p, delimiter=",", skip_header=1) for p in paths)
Xtr, ytr = train[:, :-1], train[:, -1].astype(int)
Xca, yca = cal[:, :-1], cal[:, -1].astype(int)
Xte, yte = test[:, :-1], test[:, -1].astype(int)


def at_k(y, s, k):
    """Precision and recall among the k highest scores; a tie group across the cut counts pro rata."""
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    hits, g, n = 0.0, 0, len(s)
    while g < min(k, n):
        end = g
        while end < n and s_sorted[end] == s_sorted[g]:
            end += 1
        inside = min(end, k) - g
        hits += y_sorted[g:end].sum() * inside / (end - g)
        g = end
    return {"k": k, "precision": float(hits / min(k, n)), "recall": float(hits / y.sum())}


def metrics(y, p):
    eps = np.finfo(float).eps
    return {
        "n": int(len(y)),
        "positives": int(y.sum()),
        "rocAuc": float(roc_auc_score(y, p)),
        "prAuc": float(average_precision_score(y, p)),
        "atK": [at_k(y, p, 100)],
        "brier": float(brier_score_loss(y, p)),
        "logLoss": float(log_loss(y, np.clip(p, eps, 1 - eps))),
    }


# 100 trees (scikit-learn's default): 300 trees on 630,000 rows did not finish in a session on the
# shared 2-core machine.
TREES = 100
models = []
for name, kwargs in [
    ("balanced_subsample, min_samples_leaf=100", dict(class_weight="balanced_subsample", min_samples_leaf=100)),
    ("balanced_subsample, min_samples_leaf=20", dict(class_weight="balanced_subsample", min_samples_leaf=20)),
]:
    model = RandomForestClassifier(n_estimators=TREES, random_state=0, n_jobs=2, **kwargs).fit(Xtr, ytr)
    iso = IsotonicRegression(out_of_bounds="clip").fit(model.predict_proba(Xca)[:, 1], yca)
    p = iso.predict(model.predict_proba(Xte)[:, 1])
    raw = model.predict_proba(Xte)[:, 1]
    m = metrics(yte, p)
    # Ranking figures from the raw scores (isotonic steps would tie users the forest tells apart).
    m["rocAuc"], m["prAuc"], m["atK"] = float(roc_auc_score(yte, raw)), float(average_precision_score(yte, raw)), [at_k(yte, raw, 100)]
    models.append({
        "name": f"scikit-learn forest, {name} (reference)",
        "description": f"RandomForestClassifier(n_estimators={TREES}, {name}, random_state=0) on the same features and months; ranking figures from its scores, Brier and log loss after isotonic calibration on the calibration month",
        "metrics": m,
    })
print(json.dumps({
    "tool": "sellers",
    "featuresHash": digest.hexdigest(),
    "library": f"scikit-learn {sklearn.__version__}",
    "command": "/usr/bin/python3 scripts/sellers_sklearn_reference.py /tmp/sellers-features > scripts/train/reference/sellers-sklearn.json",
    "models": models,
}, indent=1))
