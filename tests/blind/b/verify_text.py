#!/usr/bin/env python
"""Rough visibility check: extract each document's text and confirm titles, city and scores are printed."""
import glob
import json
import os
import re
import sys

import pdfplumber
import docx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dm_model import C2_VARIANTS, CITIES, HINDI_CITY  # noqa: E402


def text_of(path):
    if path.endswith(".txt"):
        return open(path, encoding="utf-8").read()
    if path.endswith(".pdf"):
        with pdfplumber.open(path) as p:
            return "\n".join((pg.extract_text() or "") for pg in p.pages)
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            parts.append(" | ".join(c.text for c in r.cells))
    return "\n".join(parts)


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def fmtnums(x):
    out = {f"{x:g}", f"{x:.1f}", f"{x:.2f}"}
    if float(x).is_integer():
        out.add(str(int(x)))
    return out


def main():
    out = sys.argv[1]
    bad = 0
    for fn in sorted(glob.glob(os.path.join(out, "*.expected.json"))):
        t = json.load(open(fn))
        txt = text_of(os.path.join(out, t["source"]))
        nt = norm(txt)
        probs = []
        row = [r for r in CITIES if r["city"] == t["city"]][0]
        names = [t["city"]] + row["aliases"]
        if not any(norm(n) in nt for n in names):
            probs.append("city")
        for i in t["indicators"]:
            vs = [i["title"]] + C2_VARIANTS.get(i["code"], []) if t["cycle"] == 2 else [i["title"]]
            if not any(norm(v) in nt for v in vs):
                probs.append(f"title {i['code']}")
            if i["score"] is not None:
                nums = set(re.findall(r"\d+(?:\.\d+)?", txt))
                if not (fmtnums(i["score"]) & nums) and not re.search(r"\bnil\b", txt):
                    probs.append(f"score {i['code']}")
        if t["cycle_label"] and t["cycle_label"] not in txt and t["cycle_label"].upper() not in txt:
            probs.append("label")
        if probs:
            bad += 1
            print(t["source"], t["family"], probs[:6])
    print("docs with problems:", bad)


if __name__ == "__main__":
    main()
