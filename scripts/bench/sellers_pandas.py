#!/usr/bin/env python3
"""The seller finder's aggregation in pandas, for the bench: the same work the page's worker does
with an activity log before its model runs (read, parse dates, name the events, the candidates and
their 24 features as of the last full month, the recent collection by category, the inventory levels
with 6 months of history, the monthly lines). Prints one JSON line of stage timings in milliseconds.

  /usr/bin/python3 scripts/bench/sellers_pandas.py FILE.csv
"""
import json
import sys
import time

import numpy as np
import pandas as pd

SPELLINGS = {
    0: ["collectionadd", "addtocollection", "addedtocollection", "collectionitemadded", "collection", "collected", "collect", "collectionitem"],
    1: ["wishlistadd", "wishadd", "addtowishlist", "addedtowishlist", "wishlistitemadded", "wishlist", "wishlisted", "wish", "want", "wantlistadd"],
    2: ["order", "orders", "purchase", "purchased", "buy", "bought", "orderplaced", "ordered", "checkout"],
    3: ["listing", "list", "listed", "newlisting", "listingcreated", "listitem", "itemlisted", "inventorylisted", "listingadd"],
    4: ["sale", "sold", "itemsold", "salecompleted", "sell"],
    5: ["sellersignup", "sellersignedup", "signupseller", "sellerregistered", "sellerregistration", "selleraccountcreated", "becameseller", "sellerjoined", "sellerstart"],
}
KIND = {name: kind for kind, names in SPELLINGS.items() for name in names}


def main(path):
    t = {}
    t0 = time.perf_counter()
    df = pd.read_csv(path, dtype={"user_id": str, "timestamp": str, "event": str, "category": str, "amount": float})
    t["read_csv"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    # The day as written (the first 10 characters of an ISO timestamp), as the page reads it.
    day = pd.to_datetime(df["timestamp"].str.slice(0, 10), format="%Y-%m-%d")
    names = df["event"].str.lower().str.replace(r"[\s_\-./]", "", regex=True)
    kind = names.map(KIND)
    ok = kind.notna()
    ev = pd.DataFrame({"user": df["user_id"].str.strip(), "day": day, "kind": kind, "category": df["category"], "amount": df["amount"].fillna(0.0)})[ok]
    ev["kind"] = ev["kind"].astype(np.int8)
    ev["month"] = ev["day"].dt.year * 12 + ev["day"].dt.month - 1
    t["parse"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    last = ev["day"].max()
    last_month = last.year * 12 + last.month - 1
    t_month = last_month if (last + pd.Timedelta(days=1)).day == 1 else last_month - 1
    end = pd.Timestamp(year=(t_month + 1) // 12, month=(t_month + 1) % 12 + 1, day=1)
    seller_events = ev[ev["kind"].isin([3, 4])]
    seller_from = seller_events.groupby("user")["day"].min()
    sellers = set(seller_from[seller_from < end].index)
    buyer = ev[(ev["kind"] <= 2) & (ev["day"] < end)]
    window = buyer[buyer["month"] >= t_month - 5]
    candidates = pd.Index(window["user"].unique()).difference(pd.Index(list(sellers)))
    b = buyer[buyer["user"].isin(candidates)]
    k = t_month - b["month"]
    recent = b[k <= 2].assign(k=k[k <= 2])
    counts = recent.groupby(["user", "kind", "k"]).size().unstack(["kind", "k"], fill_value=0)
    amounts = recent[recent["kind"] == 2].groupby(["user", "k"])["amount"].sum().unstack("k", fill_value=0.0)
    feats = pd.DataFrame(index=candidates)
    for kk, name in [(0, "collection_adds"), (2, "orders"), (1, "wishlist_adds")]:
        for m in range(3):
            feats[f"{name}_{m + 1}"] = counts[(kk, m)] if (kk, m) in counts.columns else 0
    for m in range(3):
        feats[f"order_amount_{m + 1}"] = amounts[m] if m in amounts.columns else 0.0
    feats = feats.fillna(0)
    for name in ["collection_adds", "orders", "order_amount", "wishlist_adds"]:
        feats[f"{name}_3m"] = feats[[f"{name}_{m}" for m in (1, 2, 3)]].sum(axis=1)
    g = b.groupby("user")
    feats["tenure_months"] = (end - g["day"].min()).dt.days / 30.4375
    feats["days_since_active"] = (end - pd.Timedelta(days=1) - g["day"].max()).dt.days
    totals = b.groupby(["user", "kind"]).size().unstack("kind", fill_value=0)
    feats["collection_size"] = totals.get(0, 0)
    feats["orders_total"] = totals.get(2, 0)
    feats["wishlist_total"] = totals.get(1, 0)
    feats["active_months"] = b[b["month"] >= t_month - 5].groupby("user")["month"].nunique()
    feats["categories"] = g["category"].nunique()
    adds = b[b["kind"] == 0]
    by_cat = adds.groupby(["user", "category"]).size()
    feats["top_category_share"] = (by_cat.groupby("user").max() / feats["collection_size"]).fillna(0)
    feats = feats.fillna(0)
    t["features"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    recent_adds = adds[adds["day"] >= end - pd.Timedelta(days=90)].groupby(["user", "category"]).size()
    t["recent_by_category"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    lw = ev[ev["kind"].isin([1, 3]) & (ev["month"] >= t_month - 7) & (ev["month"] <= t_month)]
    by_month = lw.groupby(["kind", "category", "month"]).size()
    listings = by_month.loc[3].unstack("month", fill_value=0) if 3 in by_month.index.get_level_values(0) else pd.DataFrame()
    wishes = by_month.loc[1].unstack("month", fill_value=0)
    levels = {}
    for m in range(t_month - 5, t_month + 1):
        inv = sum(listings[mm] for mm in (m - 2, m - 1, m) if mm in listings.columns)
        levels[m] = inv / wishes[m].replace(0, np.nan) if m in wishes.columns else None
    activity = ev.groupby(["month", "kind"]).size().unstack("kind", fill_value=0)
    users_per_month = ev[ev["kind"] <= 2].groupby("month")["user"].nunique()
    sellers_per_month = ev[ev["kind"].isin([3, 4])].groupby("month")["user"].nunique()
    t["market"] = time.perf_counter() - t0

    out = {k: round(v * 1000, 1) for k, v in t.items()}
    out["total"] = round(sum(t.values()) * 1000, 1)
    out["events"] = int(len(ev))
    out["candidates"] = int(len(feats))
    out["recent_pairs"] = int(len(recent_adds))
    out["checks"] = [int(activity.values.sum()), int(users_per_month.sum()), int(sellers_per_month.sum()), len(levels)]
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
