#!/usr/bin/env python
"""Build the blind DMAF evaluation set.

usage: python make.py OUT_DIR --seeds A-B
Writes OUT_DIR/doc_<seed>.<ext> and OUT_DIR/doc_<seed>.expected.json for every seed in A..B (inclusive).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from dm_model import make_model, truth  # noqa: E402
import fam_a, fam_b, fam_c  # noqa: E402

# name -> (function, formats, uses_office_queue)
FAMILIES = {
    "mohua_recs": (fam_a.fam_mohua, ("pdf", "docx", "txt"), False),
    "brochure_scorecard": (fam_a.fam_brochure, ("pdf", "docx"), False),
    "excel_sheet": (fam_a.fam_excel, ("pdf", "txt"), False),
    "email_txt": (fam_a.fam_email, ("txt", "docx"), False),
    "ocr_dump": (fam_a.fam_ocr, ("txt",), False),
    "letter_annexure": (fam_b.fam_letter, ("docx", "pdf", "txt"), True),
    "slide_deck": (fam_b.fam_slides, ("pdf", "txt"), False),
    "bilingual": (fam_b.fam_bilingual, ("docx", "txt", "pdf"), False),
    "consultant_word": (fam_b.fam_consultant, ("docx", "pdf"), True),
    "dashboard": (fam_b.fam_dashboard, ("pdf",), False),
    "markdown_portal": (fam_c.fam_markdown, ("txt",), False),
    "minutes_narrative": (fam_c.fam_minutes, ("docx", "txt", "pdf"), False),
    "fixed_width_printout": (fam_c.fam_fixed, ("txt", "pdf"), False),
    "matrix_grid": (fam_c.fam_matrix, ("pdf", "docx", "txt"), False),
    "questionnaire_form": (fam_c.fam_form, ("docx", "pdf"), False),
}
FORMATS = ("pdf", "docx", "txt")


def pick(seed):
    fmt = FORMATS[seed % 3]
    fams = [n for n, v in FAMILIES.items() if fmt in v[1]]
    k = seed // 3
    return fmt, fams[(k * 7 + 3) % len(fams)]


def soffice_convert(jobs, outdir):
    """jobs: list of (src_path, target_ext). Batch convert with LibreOffice."""
    if not jobs:
        return
    prof = tempfile.mkdtemp(prefix="dmaf_lo_")
    conf = os.path.join(prof, "fonts.conf")
    with open(conf, "w") as f:
        f.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                f'<dir>{os.path.join(HERE, "fonts")}</dir><cachedir>{os.path.join(prof, "fc")}</cachedir></fontconfig>')
    env = dict(os.environ, FONTCONFIG_FILE=conf)
    try:
        by_ext = {}
        for src, ext in jobs:
            by_ext.setdefault(ext, []).append(src)
        for ext, srcs in by_ext.items():
            for k in range(0, len(srcs), 40):
                chunk = srcs[k:k + 40]
                cmd = ["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", ext,
                       "--outdir", outdir] + chunk
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900, env=env)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    for src, ext in jobs:
        out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + ext)
        if os.path.exists(out):
            _pin_pdf(out)


def _pin_pdf(path):
    """Make office-exported PDFs reproducible: fixed dates and IDs (same byte length, xref stays valid)."""
    import re
    with open(path, "rb") as f:
        b = f.read()
    b = re.sub(rb"D:\d{14}([+\-Z][0-9']*)?", lambda mo: b"D:20210701100000" + b"Z" * 0 + mo.group(0)[16:], b)
    b = re.sub(rb"<[0-9A-Fa-f]{32}>", lambda mo: b"<" + b"0" * 32 + b">", b)
    b = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?", lambda mo: (b"2021-07-01T10:00:00" + (b"." + b"0" * (len(mo.group(1)) - 1) if mo.group(1) else b"")), b)
    b = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + b"0" * 32, b)
    b = re.sub(rb"uuid:[0-9a-f\-]{36}", b"uuid:00000000-0000-0000-0000-000000000000", b)
    with open(path, "wb") as f:
        f.write(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seeds", required=True, help="A-B inclusive")
    a = ap.parse_args()
    lo, hi = [int(x) for x in a.seeds.split("-")]
    os.makedirs(a.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="dmaf_src_")
    queue_all = []
    pending = []
    try:
        for seed in range(lo, hi + 1):
            fmt, fam = pick(seed)
            fn, fmts, uses_q = FAMILIES[fam]
            rng = random.Random(f"dmaf-blind2-{seed}")
            m = make_model(seed, rng)
            base = os.path.join(a.out, f"doc_{seed}")
            q = []
            if uses_q:
                path = fn(m, rng, fmt, base, queue=q)
            else:
                path = fn(m, rng, fmt, base)
            for src, ext in q:
                dst = os.path.join(tmp, os.path.basename(src))
                shutil.move(src, dst)
                queue_all.append((dst, ext))
            name = os.path.basename(path)
            assert name == f"doc_{seed}.{fmt}", (name, fmt, fam)
            t = truth(m, name, fam)
            with open(base + ".expected.json", "w", encoding="utf-8") as f:
                json.dump(t, f, ensure_ascii=False, indent=1)
            pending.append(path)
        soffice_convert(queue_all, a.out)
        missing = [p for p in pending if not os.path.exists(p)]
        if missing:
            raise SystemExit(f"missing outputs: {missing[:5]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
