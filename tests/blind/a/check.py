#!/usr/bin/env python
"""Validate the invariants of blind_*.expected.json truth files.

usage: python check.py OUT_DIR [OUT_DIR ...]
"""
import csv
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "shared"))
from content import CAT  # noqa: E402

KEYS = {"source", "framework", "cycle", "cycle_label", "city", "state", "indicators", "style"}
CODE_RE = re.compile(r"^([1-5])\.([a-z])(?:&([1-5])\.([a-z]))?$")


def load_cities():
    with open(os.path.join(os.path.dirname(HERE), "shared", "cities.csv"), newline="", encoding="utf-8") as f:
        return {r["city"]: r["state"] for r in csv.DictReader(f)}


def check_file(path, cities):
    errs = []
    t = json.load(open(path, encoding="utf-8"))
    stem = os.path.basename(path)[: -len(".expected.json")]
    if set(t) != KEYS:
        errs.append(f"keys {sorted(set(t) ^ KEYS)}")
    src = t.get("source", "")
    if os.path.splitext(src)[0] != stem:
        errs.append(f"source {src} does not match {stem}")
    if not os.path.exists(os.path.join(os.path.dirname(path), src)):
        errs.append(f"document {src} missing")
    if os.path.splitext(src)[1] not in (".pdf", ".docx", ".txt"):
        errs.append("bad extension")
    if t.get("framework") != "Data Maturity Assessment Framework":
        errs.append("framework")
    cyc = t.get("cycle")
    if cyc not in (1, 2, 3):
        errs.append(f"cycle {cyc}")
    lab = t.get("cycle_label")
    if lab is not None and not isinstance(lab, str):
        errs.append("cycle_label type")
    if isinstance(lab, str) and lab[:1].isdigit():
        if cyc == 3:
            errs.append("cycle 3 labelled by years alone")
        elif {"2019": 1, "2020-21": 2, "2020–21": 2}.get(lab) != cyc:
            errs.append(f"year label {lab} vs cycle {cyc}")
    if t.get("city") not in cities:
        errs.append(f"city {t.get('city')} not canonical")
    elif cities[t["city"]] != t.get("state"):
        errs.append(f"state {t.get('state')} != {cities[t['city']]}")
    inds = t.get("indicators") or []
    codes = [i["code"] for i in inds]

    def key(c):
        m = CODE_RE.match(c)
        return (int(m.group(1)), m.group(2)) if m else (9, c)
    if codes != sorted(codes, key=key):
        errs.append("indicators not sorted by pillar then code")
    if len(set(codes)) != len(codes):
        errs.append("duplicate codes")
    per = {p: [] for p in range(1, 6)}
    for i in inds:
        if set(i) != {"code", "title", "score", "max_score"}:
            errs.append(f"indicator keys {i}")
            continue
        m = CODE_RE.match(i["code"])
        if not m:
            errs.append(f"code {i['code']}")
            continue
        if m.group(3) and (m.group(3) != m.group(1) or ord(m.group(4)) != ord(m.group(2)) + 1):
            errs.append(f"combined code {i['code']}")
        per[int(m.group(1))].append(i)
        if not isinstance(i["title"], str) or not i["title"].strip():
            errs.append(f"title {i}")
        mx = i["max_score"]
        if not isinstance(mx, (int, float)) or mx <= 0:
            errs.append(f"max {i}")
        sc = i["score"]
        if sc is not None:
            if not isinstance(sc, (int, float)) or sc < 0 or sc > mx or (sc * 2) != int(sc * 2):
                errs.append(f"score {i['code']}={sc}")
    for p, grp in per.items():
        if not grp:
            errs.append(f"pillar {p} empty")
            continue
        if abs(sum(i["max_score"] for i in grp) - 100) > 1e-9:
            errs.append(f"pillar {p} maxima sum {sum(i['max_score'] for i in grp)}")
        if sum(1 for i in grp if i["score"] is None) > 1:
            errs.append(f"pillar {p} has >1 not-assessed")
        letters = []
        for i in grp:
            for part in i["code"].split("&"):
                letters.append(part.split(".")[1])
        exp = [chr(ord("a") + k) for k in range(len(letters))]
        if letters != exp:
            errs.append(f"pillar {p} codes not contiguous {letters}")
    if cyc in CAT:
        cat = [(c, t_, float(m)) for c, t_, m in CAT[cyc]]
        got = [(i["code"], i["title"], float(i["max_score"])) for i in inds]
        if cyc == 2 and got != cat:
            errs.append("cycle-2 catalog mismatch")
        if cyc != 2 and [(c, m) for c, _, m in got] != [(c, m) for c, _, m in cat]:
            errs.append(f"cycle-{cyc} list differs from the invented catalog")
    if not isinstance(t.get("style"), str):
        errs.append("style")
    return errs


def main():
    dirs = sys.argv[1:] or [os.path.join(HERE, "out_a")]
    cities = load_cities()
    files = sorted(f for d in dirs for f in glob.glob(os.path.join(d, "*.expected.json")))
    bad = 0
    fmts, cycles, styles = {}, {}, {}
    for f in files:
        e = check_file(f, cities)
        t = json.load(open(f, encoding="utf-8"))
        ext = os.path.splitext(t["source"])[1]
        fmts[ext] = fmts.get(ext, 0) + 1
        cycles[t["cycle"]] = cycles.get(t["cycle"], 0) + 1
        styles[t["style"]] = styles.get(t["style"], 0) + 1
        if e:
            bad += 1
            print(os.path.basename(f), "; ".join(e))
    docs = [f for d in dirs for f in glob.glob(os.path.join(d, "blind_*")) if not f.endswith(".expected.json")]
    if len(docs) != len(files):
        print(f"{len(docs)} documents but {len(files)} truth files")
        bad += 1
    print(f"{len(files)} truth files, {bad} with problems")
    print("formats", dict(sorted(fmts.items())), "cycles", dict(sorted(cycles.items())), "styles", len(styles))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
