#!/usr/bin/env python3
"""Reference figures: scikit-learn's RandomForestRegressor on exactly the features `npm run train`
built, on the same split. Needs Debian's python3-sklearn. Writes the JSON that training attaches to
the GMV artifacts as comparisons (only while the features' SHA-256 matches):

  npm run train -- --only gmv --export-features /tmp/gmv-features --out /tmp/gmv-artifacts
  /usr/bin/python3 scripts/sklearn_reference.py /tmp/gmv-features > scripts/train/reference/gmv-sklearn.json
  npm run train -- --only gmv
"""
import hashlib
import json
import sys

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestRegressor

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gmv-features"
paths = [f"{folder}/gmv_train.csv", f"{folder}/gmv_test.csv"]
digest = hashlib.sha256()
for path in paths:
    with open(path, "rb") as f:
        digest.update(f.read())
train = np.genfromtxt(paths[0], delimiter=",", skip_header=1)
test = np.genfromtxt(paths[1], delimiter=",", skip_header=1)
Xtr, ytr, Xte, yte = train[:, :-1], train[:, -1], test[:, :-1], test[:, -1]
models = []
for trees in (300, 100):
    model = RandomForestRegressor(n_estimators=trees, random_state=0, n_jobs=-1).fit(Xtr, ytr)
    p = model.predict(Xte)
    err = np.abs(yte - p)
    models.append({
        "name": f"scikit-learn forest, {trees} trees (reference)",
        "description": f"RandomForestRegressor(n_estimators={trees}, random_state=0) on the same features and the same held-out weeks",
        "metrics": {
            "n": int(len(yte)),
            "wape": float(err.sum() / np.abs(yte).sum()),
            "mae": float(err.mean()),
            "mape": float((err / np.abs(yte)).mean()),
            "r2": float(1 - ((yte - p) ** 2).sum() / ((yte - yte.mean()) ** 2).sum()),
        },
    })
print(json.dumps({
    "tool": "gmv",
    "featuresHash": digest.hexdigest(),
    "library": f"scikit-learn {sklearn.__version__}",
    "command": "/usr/bin/python3 scripts/sklearn_reference.py /tmp/gmv-features > scripts/train/reference/gmv-sklearn.json",
    "models": models,
}, indent=1))
