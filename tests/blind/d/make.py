#!/usr/bin/env python
"""Build the blind4 DMAF evaluation set.

usage: python make.py OUT_DIR --seeds A-B
Writes OUT_DIR/blind4_<seed>.<pdf|docx|txt> and OUT_DIR/blind4_<seed>.expected.json for every seed in A..B.
Format rotates pdf/docx/txt by seed; the layout family rotates within families4.BY_FORMAT[format].
Indicators not assessed are not printed and are absent from the truth.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "shared"))

from content import build_spec, truth, make_rng  # noqa: E402
from families4 import FAMILIES, BY_FORMAT, snap_for_percent  # noqa: E402
from render4 import render_pdf, render_docx  # noqa: E402

FORMATS = ("pdf", "docx", "txt")


def pick(seed):
    fmt = FORMATS[(seed - 1) % 3]
    cands = BY_FORMAT[fmt]
    return fmt, cands[((seed - 1) // 3) % len(cands)]


def make_truth(s, source, fam):
    t = truth(s, source, fam)
    t["indicators"] = [i for i in t["indicators"] if i["score"] is not None]
    return t


def make_one(seed, out, tmp, pending):
    fmt, fam = pick(seed)
    s = build_spec(seed)
    if fam == "percent_legend":
        snap_for_percent(s)
    rng = make_rng(seed, "blind4:" + fam)
    res = FAMILIES[fam](s, rng, fmt)
    name = f"blind4_{seed}.{fmt}"
    path = os.path.join(out, name)
    if fmt == "txt":
        with open(path, "w", encoding="utf-8") as f:
            f.write(res["txt"].rstrip() + "\n")
    elif "writer" in res:
        res["writer"](path)
    elif fmt == "docx":
        render_docx(res["doc"], path, post=res.get("post"))
    elif res.get("via_docx"):
        dpath = os.path.join(tmp, f"blind4_{seed}.docx")
        render_docx(res["doc"], dpath, post=res.get("post"))
        pending.append((dpath, path))
    else:
        render_pdf(res["doc"], path)
    with open(os.path.join(out, f"blind4_{seed}.expected.json"), "w", encoding="utf-8") as f:
        json.dump(make_truth(s, name, fam), f, indent=1, ensure_ascii=False)
    return name, fam


def convert(pending, tmp):
    if not pending:
        return
    prof = tempfile.mkdtemp(prefix="lo_prof_")
    outdir = os.path.join(tmp, "pdf")
    os.makedirs(outdir, exist_ok=True)
    cmd = ["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf", "--outdir", outdir] + [d for d, _ in pending]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
    for d, p in pending:
        src = os.path.join(outdir, os.path.basename(d)[:-5] + ".pdf")
        shutil.move(src, p)
    shutil.rmtree(prof, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seeds", default="1-24")
    a = ap.parse_args()
    lo, _, hi = a.seeds.partition("-")
    lo, hi = int(lo), int(hi or lo)
    os.makedirs(a.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="blind4_")
    pending = []
    for seed in range(lo, hi + 1):
        name, fam = make_one(seed, a.out, tmp, pending)
        print(f"{name}\t{fam}")
    convert(pending, tmp)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
