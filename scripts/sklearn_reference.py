#!/usr/bin/env python3
"""Reference figures: scikit-learn's RandomForestRegressor on exactly the features `npm run train`
built (export them first: npm run train -- --only gmv --export-features /tmp/gmv-features).
Needs Debian's python3-sklearn. Prints held-out WAPE, MAE, MAPE and R2 as JSON.
Usage: python3 scripts/sklearn_reference.py /tmp/gmv-features"""
import json
import sys

import numpy as np
from sklearn.ensemble import RandomForestRegressor

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gmv-features"
train = np.genfromtxt(f"{folder}/gmv_train.csv", delimiter=",", skip_header=1)
test = np.genfromtxt(f"{folder}/gmv_test.csv", delimiter=",", skip_header=1)
Xtr, ytr, Xte, yte = train[:, :-1], train[:, -1], test[:, :-1], test[:, -1]
out = {}
for trees in (100, 300):
    model = RandomForestRegressor(n_estimators=trees, random_state=0, n_jobs=-1).fit(Xtr, ytr)
    p = model.predict(Xte)
    err = np.abs(yte - p)
    out[f"sklearn RandomForestRegressor ({trees} trees)"] = {
        "n": int(len(yte)),
        "wape": float(err.sum() / np.abs(yte).sum()),
        "mae": float(err.mean()),
        "mape": float((err / np.abs(yte)).mean()),
        "r2": float(1 - ((yte - p) ** 2).sum() / ((yte - yte.mean()) ** 2).sum()),
    }
print(json.dumps(out, indent=1))
