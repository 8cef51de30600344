#!/usr/bin/env python3
"""Independent check of the GMV forecast's held-out figures, in Python (numpy; scikit-learn for a
reference forest). Recomputes from the raw weekly data, on the same split (train weeks 1-43,
validation 34-43 inside them, test 44-53):

- the naive forecasts (last week, trailing 4-week mean and median; the weeks before that are
  present, as training does), their WAPE on the validation and the test weeks;
- the shipped forecast from recent GMV: its test WAPE and the coverage of its 80% ranges, from the
  predictions `npm run train` exports, after checking their actuals against the data;
- the paired bootstrap 95% interval of (model - best naive) WAPE;
- a scikit-learn RandomForestRegressor on log(GMV / trailing 4-week median) with lags, chosen on
  the validation weeks, as a reference.

  npm run train -- --only gmv --data ../shared/data --export-features /tmp/gmv-features --out /tmp/gmv-artifacts
  /usr/bin/python3 scripts/gmv_sklearn_reference.py ../shared/data/eleckart/eleckart_weekly.csv /tmp/gmv-features
"""
import csv
import sys

import numpy as np

data_path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/eleckart/eleckart_weekly.csv"
folder = sys.argv[2] if len(sys.argv) > 2 else "/tmp/gmv-features"

rows = list(csv.DictReader(open(data_path)))
gmv = {(r["product_analytic_sub_category"], int(r["week"])): float(r["gmv"]) for r in rows}


def recent(cat, week):
    return [gmv[(cat, w)] for w in range(week - 1, week - 5, -1) if (cat, w) in gmv]


def wape(y, p):
    y, p = np.asarray(y), np.asarray(p)
    return float(np.abs(y - p).sum() / np.abs(y).sum())


naive = {
    "Last week": lambda r: r[0],
    "Trailing 4-week mean": lambda r: float(np.mean(r)),
    "Trailing 4-week median": lambda r: float(np.median(r)),
}
table = {}
for split, (lo, hi) in {"validation": (34, 43), "test": (44, 53)}.items():
    keys = sorted((c, w) for (c, w) in gmv if lo <= w <= hi and recent(c, w))
    y = [gmv[k] for k in keys]
    table[split] = {name: wape(y, [f(recent(*k)) for k in keys]) for name, f in naive.items()}
    print(f"{split} weeks {lo}-{hi} ({len(keys)} rows): " + ", ".join(f"{n} {v:.4f}" for n, v in table[split].items()))
best = min(table["validation"], key=table["validation"].get)
print(f"best naive forecast on validation: {best}")

pred_rows = list(csv.DictReader(open(f"{folder}/gmv_recent_test_predictions.csv")))
y = np.array([float(r["actual"]) for r in pred_rows])
p = np.array([float(r["predicted"]) for r in pred_rows])
lo_, hi_ = np.array([float(r["low"]) for r in pred_rows]), np.array([float(r["high"]) for r in pred_rows])
keys = [(r["sub_category"], int(r["week"])) for r in pred_rows]
assert all(abs(gmv[k] - v) < 1e-6 for k, v in zip(keys, y)), "exported actuals differ from the data"
b = np.array([naive[best](recent(*k)) for k in keys])
print(f"shipped forecast from recent GMV, test WAPE {wape(y, p):.4f} against {wape(y, b):.4f} for {best}")
print(f"80% ranges held {np.mean((y >= lo_) & (y <= hi_)):.4f} of {len(y)} test weeks")
rng = np.random.default_rng(0)
diffs = []
for _ in range(2000):
    i = rng.integers(0, len(y), len(y))
    diffs.append(wape(y[i], p[i]) - wape(y[i], b[i]))
print(f"model - {best} WAPE: {wape(y, p) - wape(y, b):+.4f}, 95% paired bootstrap interval [{np.quantile(diffs, 0.025):+.4f}, {np.quantile(diffs, 0.975):+.4f}]")

try:
    from sklearn.ensemble import RandomForestRegressor
except ImportError:
    sys.exit(0)


def features(c, w):
    r = recent(c, w)
    med = np.median(r) + 1
    rel = lambda v: np.log((v + 1) / med)
    return [rel(r[0]), rel(r[1] if len(r) > 1 else r[0]), rel(np.mean(r)), rel(max(r)), rel(min(r)), np.log(med), len(r)]


def split(lo, hi):
    ks = sorted((c, w) for (c, w) in gmv if lo <= w <= hi and recent(c, w))
    X = np.array([features(*k) for k in ks])
    base = np.array([np.median(recent(*k)) for k in ks])
    yy = np.array([gmv[k] for k in ks])
    return X, np.log((yy + 1) / (base + 1)), base, yy


Xf, tf, _, _ = split(2, 33)
Xv, _, bv, yv = split(34, 43)
scores = {}
for leaf in (5, 20):
    m = RandomForestRegressor(300, min_samples_leaf=leaf, max_features=0.5, random_state=0).fit(Xf, tf)
    f = m.predict(Xv)
    for s in (0, 0.25, 0.5, 0.75, 1):
        scores[(leaf, s)] = wape(yv, (bv + 1) * np.exp(s * f) - 1)
leaf, s = min(scores, key=scores.get)
Xt, tt, _, _ = split(2, 43)
Xte, _, bte, yte = split(44, 53)
m = RandomForestRegressor(300, min_samples_leaf=leaf, max_features=0.5, random_state=0).fit(Xt, tt)
print(f"scikit-learn reference (recent-GMV features only, leaf {leaf}, shrink {s}, chosen on validation {scores[(leaf, s)]:.4f}): test WAPE {wape(yte, (bte + 1) * np.exp(s * m.predict(Xte)) - 1):.4f}")
