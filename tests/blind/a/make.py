#!/usr/bin/env python
"""Generate blind DMAF report documents with truth files.

usage: python make.py OUT_DIR --seeds A-B
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "shared"))

from content import build_spec, truth, make_rng  # noqa: E402
import styles_a  # noqa: E402
import styles_b  # noqa: E402
import styles_c  # noqa: E402

STYLES = [styles_a.Office01, styles_a.Office02, styles_a.Office03,
          styles_b.Office04, styles_b.Office05, styles_b.Office06, styles_b.Office07,
          styles_c.Office08, styles_c.Office09, styles_c.Office10, styles_c.Office11,
          styles_c.Office12, styles_c.Office13]
FORMATS = ("pdf", "docx", "txt")


def choose(seed):
    fmt = FORMATS[seed % 3]
    rng = make_rng(seed, "style")
    cands = [S for S in STYLES if fmt in S.formats]
    weights = [getattr(S, "weight", 1.0) for S in cands]
    S = rng.choices(cands, weights=weights)[0]
    return fmt, S


def make_one(seed, out_dir, soffice_jobs):
    fmt, S = choose(seed)
    s = build_spec(seed)
    st = S()
    rng = make_rng(seed, "render:" + st.name)
    st.setup(s, rng)
    st.final_fmt = fmt
    fname = f"blind_{seed}.{fmt}"
    path = os.path.join(out_dir, fname)
    if fmt == "pdf" and getattr(st, "via_word", None) and st.via_word(s, rng):
        tmpdir = soffice_jobs["dir"]
        dpath = os.path.join(tmpdir, f"blind_{seed}.docx")
        st.docx(s, rng, dpath)
        soffice_jobs["files"].append((dpath, path))
    else:
        getattr(st, fmt)(s, rng, path)
        if fmt == "txt" and st.name != "office_03":
            post = make_rng(seed, "txtpost")
            raw = open(path, encoding="utf-8").read()
            crlf, bom = post.random() < 0.15, post.random() < 0.08
            if crlf or bom:
                if crlf:
                    raw = raw.replace("\r\n", "\n").replace("\n", "\r\n")
                with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
                    fh.write(raw)
    t = truth(s, fname, st.name)
    with open(os.path.join(out_dir, f"blind_{seed}.expected.json"), "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False, indent=1)
    return fname


def run_soffice(jobs):
    if not jobs["files"]:
        return
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    tmpdir = jobs["dir"]
    outdir = os.path.join(tmpdir, "pdf")
    os.makedirs(outdir, exist_ok=True)
    profile = os.path.join(tmpdir, "profile")
    files = [d for d, _ in jobs["files"]]
    for k in range(0, len(files), 40):
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", outdir] + files[k:k + 40], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for d, final in jobs["files"]:
        produced = os.path.join(outdir, os.path.splitext(os.path.basename(d))[0] + ".pdf")
        normalize_pdf(produced, final)
        os.remove(produced)


def normalize_pdf(src, dst):
    """Pin the timestamps and document id that LibreOffice writes (same-length edits keep the xref valid)."""
    import re
    b = open(src, "rb").read()
    b = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})", lambda m: m.group(1) + b"20210625100000", b)
    b = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)",
               lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5), b)
    b = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), b)
    open(dst, "wb").write(b)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--seeds", required=True, help="A-B inclusive")
    a = ap.parse_args(argv)
    lo, hi = (int(x) for x in a.seeds.split("-")) if "-" in a.seeds else (int(a.seeds), int(a.seeds))
    os.makedirs(a.out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="dmaf_blind_")
    jobs = {"dir": tmp, "files": []}
    try:
        for seed in range(lo, hi + 1):
            make_one(seed, a.out_dir, jobs)
        if jobs["files"]:
            if shutil.which("soffice") or shutil.which("libreoffice"):
                run_soffice(jobs)
            else:  # fall back to the native renderer
                for d, final in jobs["files"]:
                    seed = int(os.path.basename(final).split("_")[1].split(".")[0])
                    s = build_spec(seed)
                    _, S = choose(seed)
                    st = S(); rng = make_rng(seed, "render:" + st.name); st.setup(s, rng)
                    st.via_word(s, rng)
                    st.pdf(s, rng, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {hi - lo + 1} documents to {a.out_dir}")


if __name__ == "__main__":
    main()
