"""Self-check of the generator (not of the product).

`check_truth(expected)` verifies the framework invariants of a written truth:
five pillars, maxima per pillar summing to 100, scores in range and multiples
of 0.5, letters contiguous per pillar, at most one NA per pillar, sorted order,
the real catalog for cycle 2, a known city with its canonical state.

`check_printed(doc)` re-plans the seed and verifies that what the composer
meant to print (city, cycle token, headings, score lines, totals, table cells)
can be found in the text extracted from the rendered file.
"""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

from .catalog import CYCLE2
from .data_cities import CITIES
from .model import Table, Text

_CITY_STATE = {c.city: c.state for c in CITIES}
_NORM = str.maketrans({"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "•": "", "·": "", "*": "", "`": ""})


def check_truth(e: dict) -> list[str]:
    out = []
    name = e.get("source", "?")
    keys = {"source", "framework", "cycle", "cycle_label", "city", "state", "indicators", "layout", "seed"}
    if set(e) != keys:
        out.append(f"{name}: keys {sorted(set(e) ^ keys)}")
    if e["cycle"] not in (1, 2, 3) or not e["cycle_label"]:
        out.append(f"{name}: cycle {e['cycle']} label {e['cycle_label']!r}")
    if _CITY_STATE.get(e["city"]) != e["state"]:
        out.append(f"{name}: city/state {e['city']}/{e['state']}")
    inds = e["indicators"]
    keyf = [(int(i["code"].split(".")[0]), i["code"]) for i in inds]
    if keyf != sorted(keyf):
        out.append(f"{name}: indicators not sorted")
    for p in range(1, 6):
        rows = [i for i in inds if i["code"].startswith(f"{p}.")]
        if sum(i["max_score"] for i in rows) != 100:
            out.append(f"{name}: pillar {p} maxima sum {sum(i['max_score'] for i in rows)}")
        letters = [part.split(".")[1] for i in rows for part in i["code"].split("&")]
        if letters != [chr(97 + k) for k in range(len(letters))]:
            out.append(f"{name}: pillar {p} letters {letters}")
        if sum(i["score"] is None for i in rows) > 1:
            out.append(f"{name}: pillar {p} has more than one NA")
    for i in inds:
        s, m = i["score"], i["max_score"]
        if s is not None and not (0 <= s <= m and (2 * s) == int(2 * s)):
            out.append(f"{name}: {i['code']} score {s}/{m}")
    if e["cycle"] == 2:
        cat = [(c.code, c.title, c.max_score) for c in CYCLE2]
        got = [(i["code"], i["title"], i["max_score"]) for i in inds]
        if cat != got:
            out.append(f"{name}: cycle 2 catalog mismatch")
    if not all(isinstance(v, str) for v in e["layout"].values()):
        out.append(f"{name}: layout values must be strings")
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s.translate(_NORM).replace("<br>", "")).lower()


def extract_text(path, engine: str, encoding: str) -> str:
    data = path.read_bytes()
    if path.suffix == ".txt":
        return data.decode("cp1252" if encoding == "cp1252" else "utf-8-sig")
    if path.suffix == ".docx":
        z = zipfile.ZipFile(path)
        parts = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml", n)]
        texts = []
        for n in parts:
            root = ElementTree.fromstring(z.read(n))
            texts += [t.text or "" for t in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")]
        return "".join(texts)
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    return "".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf)))


def _expected_strings(doc) -> list[str]:
    out = []
    for b in doc.blocks:
        if isinstance(b, Text) and b.role in ("ind", "score", "total", "meta", "title"):
            out.append(b.text)
            if b.box:
                out.append(b.box)
        elif isinstance(b, Table):
            out += [c for row in b.rows for c in row if c and len(c) < 80]
    return out


def check_printed(fz) -> list[str]:
    from .build import plan

    p, _ = plan(fz.seed)
    text = _norm(extract_text(fz.path, p.layout.engine, p.layout.as_dict().get("encoding", "")))
    if p.layout.engine == "fpdf2":
        text = text.replace("?", "")
    wanted = [p.facts.city, p.facts.token] + _expected_strings(p.doc)
    # a wrapped table cell or a heading beside a box may interleave with its neighbours:
    # then every word must still be there
    missing = [s for s in wanted if _norm(s) not in text and not all(_norm(x) in text for x in s.split())]
    return [f"{fz.path.name}: not found in rendered text: {s!r}" for s in missing[:5]]


def check_docs(docs) -> list[str]:
    problems = []
    for d in docs:
        problems += check_truth(d.expected)
        problems += check_printed(d)
    return problems
