#!/usr/bin/env python
"""Check that every blind4 document has extractable text and that each truth value appears in it.

usage: python verify.py DIR
PDF via pdfplumber; DOCX via the raw XML of document, headers, footers and footnotes; TXT as is.
For each indicator: its code (any printed numbering form), its score (or the printed percentage for
percent_legend, Devanagari digits for hindi_first) and its max must occur. City and cycle label must occur.
"""
import glob
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "shared"))
from families4 import n, DEVA, ROMAN  # noqa: E402


def text_of(path):
    if path.endswith(".txt"):
        return open(path, encoding="utf-8").read()
    if path.endswith(".pdf"):
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return "\n".join((p.extract_text() or "") for p in pdf.pages)
    z = zipfile.ZipFile(path)
    out = []
    for nm in z.namelist():
        if re.match(r"word/(document|header\d*|footer\d*|footnotes)\.xml$", nm):
            x = z.read(nm).decode("utf-8")
            x = re.sub(r"</w:p>", "\n", x)
            x = re.sub(r"</w:tc>", " \t ", x)
            out.append(re.sub(r"<[^>]+>", "", x))
    import html
    return html.unescape("\n".join(out))


def code_forms(code):
    parts = code.split("&")
    forms = set()
    if len(parts) == 1:
        p, l = parts[0].split(".")
        forms |= {f"{p}.{l}", f"{p}({l})", f"{p} ({l})", f"{ROMAN[int(p)]} ({l})"}
    else:
        forms |= {" & ".join(parts), "&".join(parts), '"' + '", "'.join(parts) + '"',
                  " & ".join(f"{c.split('.')[0]}({c.split('.')[1]})" for c in parts),
                  " & ".join(f"{c.split('.')[0]} ({c.split('.')[1]})" for c in parts)}
        forms.add(ROMAN[int(parts[0][0])] + " " + " & ".join(f"({c.split('.')[1]})" for c in parts))
    return forms


def num_forms(x, style):
    f = {n(x), f"{x:.1f}"}
    if style == "hindi_first":
        f |= {v.translate(DEVA) for v in list(f)}
    return f


def main(d):
    bad = 0
    files = sorted(glob.glob(os.path.join(d, "blind4_*.expected.json")), key=lambda p: int(re.findall(r"_(\d+)\.", p)[0]))
    for tj in files:
        t = json.load(open(tj, encoding="utf-8"))
        doc = os.path.join(d, t["source"])
        txt = text_of(doc)
        flat = re.sub(r"\s+", " ", txt)
        probs = []
        if len(flat) < 300:
            probs.append("little text")
        import csv
        al = {r["city"]: [a for a in (r["aliases"] or "").split("|") if a] for r in csv.DictReader(open(os.path.join(os.path.dirname(HERE), "shared", "cities.csv")))}
        names = [t["city"], t["city"].split()[0]] + al.get(t["city"], [])
        if t["city"] == "New Delhi":
            names.append("NDMC")
        if not any(a.lower() in flat.lower() for a in names):
            probs.append("city")
        if t["cycle_label"] not in flat:
            probs.append("cycle")
        for i in t["indicators"]:
            if not any(c in flat for c in code_forms(i["code"])):
                probs.append("code " + i["code"])
            if t["style"] == "percent_legend":
                v = i["score"] * 100 / i["max_score"]
                pf = f"{v:.1f}".rstrip("0").rstrip(".") + "%"
                if pf not in flat:
                    probs.append(f"pct {i['code']} {pf}")
                if abs(float(pf[:-1]) * i["max_score"] / 100 - i["score"]) > 1e-9:
                    probs.append(f"pct not exact {i['code']}")
            elif not any(re.search(r"(?<![\d.])" + re.escape(v) + r"(?![\d])", flat) for v in num_forms(i["score"], t["style"])):
                probs.append(f"score {i['code']} {i['score']}")
            if not any(re.search(r"(?<![\d.])" + re.escape(v) + r"(?![\d])", flat) for v in num_forms(i["max_score"], t["style"])):
                probs.append(f"max {i['code']}")
        # pillar maxima: full pillars add up to 100
        print(f"{os.path.basename(doc):18s} {t['style']:22s} n={len(t['indicators']):2d} chars={len(flat):6d} "
              + ("OK" if not probs else "PROBLEMS: " + ", ".join(probs)))
        bad += bool(probs)
    print("files with problems:", bad)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "sample"))
