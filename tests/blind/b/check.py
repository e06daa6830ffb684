#!/usr/bin/env python
"""Validate the truth invariants of a built blind set.

usage: python check.py OUT_DIR
"""
import csv
import glob
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))

C2 = [("1.a", "Approval of City Data Policy", 30), ("1.b", "City Data Policy Components", 30),
      ("1.c&1.d", "Budget for data-related initiatives", 40), ("2.a", "City Data Officer (CDO)", 30),
      ("2.b", "Appointment of Data Coordinators", 20), ("2.c", "Data Team", 20),
      ("2.d", "Capacity Building – Ministry Initiative", 15), ("2.e", "Capacity Building – City Initiative", 15),
      ("3.a", "City Data Alliances", 30), ("3.b", "Data Hackathons/ Data Challenges", 20),
      ("3.c", "Solving urban challenges using data", 30), ("3.d", "Analytics capability", 20),
      ("4.a", "Sensors for data collection", 10), ("4.b", "Number of datasets on SCODP", 30),
      ("4.c", "Schedule for Updating Datasets on SCODP", 30), ("4.d", "Number of APIs on SCODP", 10),
      ("4.e", "Spatial Readiness", 20), ("5.a", "Data stories/blogs", 30), ("5.b", "Data-related use cases", 30),
      ("5.c", "Development of applications", 20), ("5.d", "Alerts & Notifications", 20)]
KEYS = {"source", "framework", "cycle", "cycle_label", "city", "state", "indicators", "family"}
LABELS = {1: {"Cycle 1", "Cycle 1.0", "DMAF 1.0", "Cycle-I", "First Cycle", "2019"},
          2: {"Cycle 2", "Cycle 2.0", "DMAF 2.0", "Cycle-II", "Second Cycle", "2020-21", "2020–21"},
          3: {"Cycle 3", "Cycle 3.0", "DMAF 3.0", "Cycle-III", "Third Cycle"}}


def code_key(c):
    p, rest = c.split(".", 1)
    return (int(p), rest)


def check_one(t, cities, errs, fname):
    def e(msg):
        errs.append(f"{fname}: {msg}")
    if set(t) != KEYS:
        e(f"keys {sorted(set(t) ^ KEYS)}")
    if t.get("framework") != "Data Maturity Assessment Framework":
        e("framework")
    cyc = t.get("cycle")
    if cyc not in (1, 2, 3):
        e("cycle")
        return
    if t.get("cycle_label") is not None and t["cycle_label"] not in LABELS[cyc]:
        e(f"cycle_label {t['cycle_label']!r} for cycle {cyc}")
    if (t["city"], t["state"]) not in cities:
        e(f"city/state {t['city']}/{t['state']}")
    src = t.get("source", "")
    if not os.path.exists(os.path.join(os.path.dirname(fname), src)):
        e(f"source file {src} missing")
    inds = t["indicators"]
    codes = [i["code"] for i in inds]
    if codes != sorted(codes, key=code_key):
        e("indicators not sorted by pillar then code")
    if len(set(codes)) != len(codes):
        e("duplicate codes")
    per = {}
    for i in inds:
        if set(i) != {"code", "title", "score", "max_score"}:
            e(f"indicator keys {i}")
        if not re.fullmatch(r"[1-5]\.[a-z](&[1-5]\.[a-z])?", i["code"]):
            e(f"code {i['code']}")
        p = int(i["code"][0])
        if "&" in i["code"] and i["code"].split("&")[1][0] != str(p):
            e(f"combined code spans pillars {i['code']}")
        per.setdefault(p, []).append(i)
        mx, s = i["max_score"], i["score"]
        if not isinstance(mx, (int, float)) or mx <= 0:
            e(f"max {i}")
        if s is not None:
            if not (0 <= s <= mx):
                e(f"score out of range {i}")
            if abs(s * 2 - round(s * 2)) > 1e-9:
                e(f"score not multiple of 0.5 {i}")
        if not i["title"].strip():
            e("empty title")
    if sorted(per) != [1, 2, 3, 4, 5]:
        e(f"pillars {sorted(per)}")
    for p, lst in per.items():
        if abs(sum(i["max_score"] for i in lst) - 100) > 1e-9:
            e(f"pillar {p} maxima sum {sum(i['max_score'] for i in lst)}")
        if sum(1 for i in lst if i["score"] is None) > 1:
            e(f"pillar {p} has >1 not assessed")
        letters = []
        for i in lst:
            for part in i["code"].split("&"):
                letters.append(part.split(".")[1])
        if letters != [chr(ord("a") + k) for k in range(len(letters))]:
            e(f"pillar {p} codes not contiguous {letters}")
    if cyc == 2:
        got = [(i["code"], i["title"], i["max_score"]) for i in inds]
        if got != [(c, tt, float(m)) for c, tt, m in C2]:
            e("cycle 2 catalog mismatch")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "out")
    cities = set()
    with open(os.path.join(HERE, "cities.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            cities.add((r["city"], r["state"]))
    errs = []
    files = sorted(glob.glob(os.path.join(out, "*.expected.json")))
    fam, fmt, cyc = Counter(), Counter(), Counter()
    catalogs = {}
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            t = json.load(f)
        check_one(t, cities, errs, fn)
        fam[t["family"]] += 1
        fmt[t["source"].rsplit(".", 1)[-1]] += 1
        cyc[t["cycle"]] += 1
        sig = [(i["code"], i["title"], i["max_score"]) for i in t["indicators"]]
        catalogs.setdefault(t["cycle"], set()).add(tuple(sig))
    for c, sigs in catalogs.items():
        if len(sigs) != 1:
            errs.append(f"cycle {c}: {len(sigs)} different catalogs")
    docs = [p for p in glob.glob(os.path.join(out, "doc_*")) if not p.endswith(".expected.json")]
    if len(docs) != len(files):
        errs.append(f"{len(docs)} documents vs {len(files)} truth files")
    print(f"{len(files)} truth files; formats {dict(fmt)}; cycles {dict(cyc)}; {len(fam)} families")
    for k, v in sorted(fam.items()):
        print(f"  {k}: {v}")
    if errs:
        print(f"{len(errs)} ERRORS")
        for x in errs[:50]:
            print("  " + x)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
