"""Check blind set H's truth files against their own documents (not a parser check).

    python tests/blind/h/verify.py OUT_DIR

For every X.truth.json: the cycle is printed; 20..60 assessed cities, canonical and with their state; each city
(canonical or alias) and every truth number occurs in the document's text; totals equal the sum of the
pillars; ranks follow the totals (competition ranking); trap rows are all-null. For PDFs it also looks for
words that overlap one another on a line (pdftotext -bbox), i.e. a cell running into its neighbour.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from html import unescape
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import h_common as C  # noqa: E402

BY_CITY = {c["city"]: c for c in C.CITIES}
CYCLES = ["Cycle 2", "Cycle 2.0", "DMAF 2.0", "Cycle-II", "Second Cycle", "CYCLE 2", "CYCLE-II", "SECOND CYCLE",
          "DMAF 2.0".upper()]


def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    if path.suffix == ".docx":
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        out = []
        for para in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
            bits = re.findall(r"<w:t(?: [^>]*)?>(.*?)</w:t>|<w:(tab)/>", para, flags=re.S)
            out.append("".join(unescape(t) if t else "\t" for t, tab in bits))
        return "\n".join(out)
    return path.read_bytes().decode("utf-8-sig")


def overlaps(path: Path) -> list[str]:
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    bad = []
    for page_no, page in enumerate(html.split("<page ")[1:], 1):
        words = [(float(a), float(b), float(c), float(d), unescape(w)) for a, b, c, d, w in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                            page)]
        for i, (x0, y0, x1, y1, w) in enumerate(words):
            for (a0, b0, a1, b1, v) in words[i + 1:]:
                vert = min(y1, b1) - max(y0, b0)
                horiz = min(x1, a1) - max(x0, a0)
                if vert > 0.5 * min(y1 - y0, b1 - b0) and horiz > 0.5:
                    bad.append(f"p{page_no}: '{w}' overlaps '{v}'")
    return bad


def nums_in(text: str) -> set[float]:
    return {float(m) for m in re.findall(r"(?<![\d.])\d{1,3}(?:\.\d{1,2})?(?![\d])", text)}


def check(truth_path: Path) -> list[str]:
    errs = []
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    stem = truth_path.name[: -len(".truth.json")]
    docs = [p for p in truth_path.parent.glob(stem + ".*") if p.suffix in (".pdf", ".docx", ".txt")]
    if len(docs) != 1:
        return [f"{stem}: {len(docs)} documents"]
    doc = docs[0]
    text = text_of(doc)
    low = text.lower()
    if not any(c.lower() in low for c in CYCLES):
        errs.append("no cycle label in the text")
    rows = truth["rows"]
    assessed = [r for r in rows if not (r["total"] is None and r["rank"] is None and
                                        all(v is None for v in r["pillars"].values()))]
    if not 20 <= len([r for r in rows if r["rank"] is not None or r["total"] is not None
                      or any(v is not None for v in r["pillars"].values())]) <= 60:
        errs.append(f"{len(assessed)} assessed rows")
    seen = set()
    numbers = nums_in(text)
    for r in rows:
        c = BY_CITY.get(r["city"])
        if c is None:
            errs.append(f"{r['city']}: not canonical")
            continue
        if r["city"] in seen:
            errs.append(f"{r['city']}: twice")
        seen.add(r["city"])
        if c["state"] != r["state"]:
            errs.append(f"{r['city']}: state {r['state']}")
        if not any(n.lower() in low for n in [c["city"]] + c["aliases"]):
            errs.append(f"{r['city']}: name not in text")
        for k, v in list(r["pillars"].items()) + [("total", r["total"])]:
            if v is not None and v not in numbers:
                errs.append(f"{r['city']} {k}: {v} not in text")
            if v is not None and (round(v * 10) != v * 10 or not 0 <= v <= (500 if k == "total" else 100)):
                errs.append(f"{r['city']} {k}: {v} bad value")
        p = r["pillars"]
        if len(p) == 5 and all(v is not None for v in p.values()) and r["total"] is not None:
            if abs(sum(p.values()) - r["total"]) > 1e-6:
                errs.append(f"{r['city']}: total {r['total']} != sum {sum(p.values())}")
        if r["city"] in truth.get("trap_cities", []):
            if r["total"] is not None or any(v is not None for v in p.values()):
                errs.append(f"{r['city']}: trap row not null")
    # ranks vs totals (rows with both)
    tr = [(r["total"], r["rank"]) for r in rows if r["total"] is not None and r["rank"] is not None]
    for t1, k1 in tr:
        for t2, k2 in tr:
            if (t1 > t2 and not k1 < k2) or (t1 == t2 and k1 != k2):
                errs.append(f"ranks inconsistent: {t1}/{k1} vs {t2}/{k2}")
                break
    ranks = sorted(r["rank"] for r in rows if r["rank"] is not None)
    for i, k in enumerate(ranks):
        if k != 1 + sum(1 for x in ranks if x < k):
            errs.append(f"rank {k} is not a competition rank")
            break
    if doc.suffix == ".pdf":
        errs += overlaps(doc)[:5]
    return [f"{doc.name}: {e}" for e in errs]


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    bad = 0
    n = 0
    for tp in sorted(folder.glob("*.truth.json")):
        n += 1
        errs = check(tp)
        bad += bool(errs)
        for e in errs[:12]:
            print(e)
    print(f"{n} documents, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
