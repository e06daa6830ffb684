"""Self-check of blind set I's truth files (never runs the project's parser).

    .venv/bin/python tests/blind/i/check.py OUT_DIR

Checks per file: exact key set; score within [0, max] and a multiple of 2.5; pillar maxima add up to 100
per pillar per report, and Cycle 2 reports match reference/indicators.csv (codes, titles, maxima);
PDF page ranges inside the page count, ordered and not overlapping; pdftotext shows the city (or one of
its aliases) on each report's first page, an indicator title or a body of text on its last page, and no
indicator title on any page outside the reports; DOCX/TXT: ranges null and every city name appears in the text.
"""
import csv
import glob
import json
import os
import re
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, "..", "..", "..", "reference")


def load_ref():
    cat = {}
    with open(os.path.join(REF, "indicators.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cat.setdefault(int(r["cycle"]), []).append((r["code"], r["title"], float(r["max_score"])))
    names = {}
    states = {}
    with open(os.path.join(REF, "cities.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            names[r["city"]] = [r["city"]] + [a for a in (r["aliases"] or "").split("|") if a]
            states[r["city"]] = r["state"]
    return cat, names, states


def page_text(path, p):
    return subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-layout", path, "-"],
                          capture_output=True, text=True).stdout


def norm(t):
    return re.sub(r"\s+", " ", t).lower()


def doc_text(path):
    if path.endswith(".txt"):
        return open(path, encoding="utf-8").read()
    z = zipfile.ZipFile(path)
    xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
    return re.sub(r"<[^>]+>", " ", xml).replace("&amp;", "&")


def main(out_dir):
    import pypdfium2 as pdfium
    cat, names, states = load_ref()
    errors = []
    files = sorted(glob.glob(os.path.join(out_dir, "*.truth.json")))
    nrep = 0
    for tf in files:
        t = json.load(open(tf, encoding="utf-8"))
        src = os.path.join(out_dir, t["source"])
        tag = t["source"]
        if set(t) != {"source", "family", "state", "reports"}:
            errors.append("%s: top keys %s" % (tag, sorted(t)))
        if not os.path.exists(src):
            errors.append("%s: document missing" % tag)
            continue
        reps = t["reports"]
        if not 2 <= len(reps) <= 6:
            errors.append("%s: %d reports" % (tag, len(reps)))
        is_pdf = src.endswith(".pdf")
        npages = len(pdfium.PdfDocument(src)) if is_pdf else None
        prev_last = 0
        claimed = set()
        text = None if is_pdf else norm(doc_text(src))
        for r in reps:
            nrep += 1
            rt = "%s/%s c%s" % (tag, r["city"], r["cycle"])
            if set(r) != {"city", "state", "cycle", "first_page", "last_page", "indicators"}:
                errors.append("%s: report keys" % rt)
            if r["city"] not in names or states[r["city"]] != r["state"]:
                errors.append("%s: city/state not in cities.csv" % rt)
            if t["state"] is not None and r["state"] != t["state"]:
                errors.append("%s: report state differs from compendium state" % rt)
            pil = {}
            for ind in r["indicators"]:
                if set(ind) != {"code", "title", "score", "max_score"}:
                    errors.append("%s: indicator keys" % rt)
                s, m = ind["score"], ind["max_score"]
                if s is not None and not (0 <= s <= m and abs(s / 2.5 - round(s / 2.5)) < 1e-9):
                    errors.append("%s %s: score %s/%s" % (rt, ind["code"], s, m))
                pil[ind["code"][0]] = pil.get(ind["code"][0], 0) + m
            if pil != {str(p): 100.0 for p in range(1, 6)}:
                errors.append("%s: pillar maxima %s" % (rt, pil))
            if r["cycle"] in cat:
                got = [(i["code"], i["title"], i["max_score"]) for i in r["indicators"]]
                if got != cat[r["cycle"]]:
                    errors.append("%s: catalogue mismatch" % rt)
            a, b = r["first_page"], r["last_page"]
            if is_pdf:
                if not (isinstance(a, int) and isinstance(b, int) and prev_last < a <= b <= npages):
                    errors.append("%s: pages %s-%s (prev %s, n %s)" % (rt, a, b, prev_last, npages))
                    continue
                prev_last = b
                first = norm(page_text(src, a))
                if not any(norm(n) in first for n in names[r["city"]]):
                    errors.append("%s: city not on first page %d" % (rt, a))
                titles = [norm(i["title"]) for i in r["indicators"]]
                last = norm(page_text(src, b))
                scoreish = re.search(r"\d+(\.\d+)?\s*(/|out of|\(maximum)\s*\d+", last)
                if not any(tt in last for tt in titles) and len(re.sub(r"\W", "", last)) < 30 and not scoreish:
                    errors.append("%s: last page %d holds little of the report" % (rt, b))
                claimed.update(range(a, b + 1))
            else:
                if a is not None or b is not None:
                    errors.append("%s: pages should be null" % rt)
                if not any(norm(n) in text for n in names[r["city"]]):
                    errors.append("%s: city not in text" % rt)
        if is_pdf:
            alltitles = set(norm(i["title"]) for r in reps for i in r["indicators"])
            for p in range(1, npages + 1):
                if p in claimed:
                    continue
                pt = norm(page_text(src, p))
                hit = [tt for tt in alltitles if tt in pt and len(tt) > 12]
                if hit:
                    errors.append("%s: unclaimed page %d shows indicator titles %s" % (tag, p, hit[:2]))
    for e in errors:
        print("ERROR", e)
    print("%d files, %d reports, %d errors" % (len(files), nrep, len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/blind_i_check"))
