"""Sanity check of set G truth files against the text of each generated document.

    .venv/bin/python tests/blind/g/verify.py OUT_DIR

For every gNNNN.expected.json: extract the document's text (pdfplumber / python-docx incl. text boxes,
headers and footers / plain read) and check that the city, state, cycle, every title, every maximum and every
score (or an N.A. marker) appear. A few families get a row-level check as well (the awarded column of
claimed_vs_awarded, the CSV cells of semicolon_csv, the per-page footer of footer_score_table).
It is a check on the truth files, not on any parser.
"""
import csv
import glob
import io
import json
import os
import re
import sys

NUM = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d])")
NA = re.compile(r"\bN\.?A\.?(?![A-Za-z])|\bn\.a\.|not assessed|\{na\}", re.I)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def read_txt(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def pdf_pages(path):
    import pdfplumber
    pages = []
    with pdfplumber.open(path) as pdf:
        for pg in pdf.pages:
            parts = [pg.extract_text() or ""]
            for tb in pg.extract_tables():
                for row in tb:
                    parts.append(" | ".join(norm(c or "") for c in row))
            pages.append("\n".join(parts))
    return pages


def docx_text(path):
    import docx
    from docx.oxml.ns import qn
    d = docx.Document(path)
    tags = {qn("w:t"): None, qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t"}

    def ptext(p):       # every w:p, text boxes (w:txbxContent) included; breaks and tabs kept
        return "".join((el.text or "") if tags[el.tag] is None else tags[el.tag]
                       for el in p.iter(*tags))

    out = [ptext(p) for p in d.element.body.iter(qn("w:p"))]
    for s in d.sections:
        for part in (s.header, s.footer):
            out += [ptext(p) for p in part._element.iter(qn("w:p"))]
    return "\n".join(out)


def text_of(path):
    if path.endswith(".pdf"):
        return "\n".join(pdf_pages(path))
    if path.endswith(".docx"):
        return docx_text(path)
    return read_txt(path)


def fnum(x):
    return ("%d" % x) if float(x).is_integer() else ("%.1f" % x)


def check_claimed(doc, t):
    """The awarded column of the table holds the truth's score (or an N.A. marker)."""
    import docx
    d = docx.Document(doc)
    errs = []
    tb = d.tables[0]
    hdr = [c.text for c in tb.rows[0].cells]
    aw = [i for i, h in enumerate(hdr) if re.search(r"award|scorecard", h, re.I)]
    ti = hdr.index("Indicator")
    if len(aw) != 1:
        return ["awarded column not identified in %r" % hdr]
    rows = {norm(r.cells[ti].text): r.cells[aw[0]].text for r in tb.rows[1:]}
    for ind in t["indicators"]:
        v = rows.get(ind["title"])
        if v is None:
            errs.append("no row for %s" % ind["code"])
        elif ind["score"] is None:
            if not NA.search(v):
                errs.append("awarded %r for N.A. %s" % (v, ind["code"]))
        elif v != fnum(ind["score"]):
            errs.append("awarded %r != %s for %s" % (v, ind["score"], ind["code"]))
    return errs


def check_csv(doc, t):
    """Parse the CSV (';', decimal comma) and compare Max Marks / Marks Obtained per indicator."""
    text = read_txt(doc)
    lines = text.replace("\r\n", "\n")
    rdr = list(csv.reader(io.StringIO(lines), delimiter=";"))
    hi = [i for i, r in enumerate(rdr) if "Indicator" in r and "Max Marks" in r]
    if len(hi) != 1:
        return ["CSV header row not found"]
    hdr = rdr[hi[0]]
    rows = {r[hdr.index("Indicator")]: r for r in rdr[hi[0] + 1:] if len(r) == len(hdr)}
    errs = []
    for ind in t["indicators"]:
        r = rows.get(ind["title"])
        if r is None:
            errs.append("no CSV row for %s" % ind["code"])
            continue
        mx = float(r[hdr.index("Max Marks")].replace(",", "."))
        sc = r[hdr.index("Marks Obtained")]
        st = r[hdr.index("Status")]
        if mx != ind["max_score"]:
            errs.append("CSV max %s != %s" % (mx, ind["max_score"]))
        if ind["score"] is None:
            if "not assessed" not in st.lower():
                errs.append("CSV status %r for N.A. %s" % (st, ind["code"]))
        elif float(sc.replace(",", ".")) != ind["score"]:
            errs.append("CSV score %r != %s for %s" % (sc, ind["score"], ind["code"]))
    return errs


def check_footer(doc, t):
    """Every indicator's footer entry (max then score) is on the page that carries its heading."""
    pages = pdf_pages(doc)
    errs = []
    for ind in t["indicators"]:
        hits = [i for i, p in enumerate(pages) if ind["title"] in norm(p)]
        if not hits:
            errs.append("heading of %s on no page" % ind["code"])
            continue
        s = ind["score"]
        sc = r"(?:N\.A\.|NA|n\.a\.|Not [Aa]ssessed)" if s is None else re.escape(fnum(s))
        pat = re.compile(r"\|\s*%s\s*\|\s*%s\s*$" % (re.escape(fnum(ind["max_score"])), sc), re.M)
        page = pages[hits[0]]
        if not pat.search(page):
            errs.append("footer entry of %s not on its page" % ind["code"])
    return errs


def check(truth_path):
    t = json.load(open(truth_path, encoding="utf-8"))
    doc = os.path.join(os.path.dirname(truth_path), t["source"])
    errs = []
    if not os.path.exists(doc):
        return ["missing document %s" % doc]
    raw = text_of(doc)
    if t["style"] == "semicolon_csv":
        raw = re.sub(r"(?<=\d),(?=\d)", ".", raw)
    txt = norm(raw)
    nums = {float(x) for x in NUM.findall(raw)}
    for key in ("city", "state"):
        if t[key] not in txt:
            errs.append("%s %r not found" % (key, t[key]))
    c = t["cycle"]
    if not re.search(r"Cycle[ -]?(%d(\.0)?|%s)\b|DMAF %d\.0" % (c, ROMAN[c], c), txt):
        errs.append("cycle %s not stated" % c)
    if len(t["indicators"]) == 0:
        errs.append("no indicators")
    for ind in t["indicators"]:
        if ind["title"] not in txt:
            errs.append("title %r not found" % ind["title"])
        if ind["max_score"] not in nums:
            errs.append("max %s of %s not found" % (ind["max_score"], ind["code"]))
        s = ind["score"]
        if s is None:
            if not NA.search(txt):
                errs.append("no N.A. marker for %s" % ind["code"])
        elif s not in nums:
            errs.append("score %s of %s not found" % (s, ind["code"]))
        if not (s is None or 0 <= s <= ind["max_score"]) or (s is not None and (s * 2) != int(s * 2)):
            errs.append("score %s of %s out of range" % (s, ind["code"]))
    if t["style"] == "claimed_vs_awarded":
        errs += check_claimed(doc, t)
    elif t["style"] == "semicolon_csv":
        errs += check_csv(doc, t)
    elif t["style"] == "footer_score_table":
        errs += check_footer(doc, t)
    return errs


def main():
    out_dir = sys.argv[1]
    files = sorted(glob.glob(os.path.join(out_dir, "g*.expected.json")))
    bad, styles = 0, {}
    for f in files:
        e = check(f)
        t = json.load(open(f, encoding="utf-8"))
        styles.setdefault(t["style"], set()).add(os.path.splitext(t["source"])[1])
        if e:
            bad += 1
            print("FAIL", os.path.basename(f), "; ".join(e[:6]))
    print("%d documents, %d failed, %d families: %s" % (len(files), bad, len(styles),
                                                      ", ".join("%s%s" % (k, sorted(v)) for k, v in
                                                                sorted(styles.items()))))
    sys.exit(1 if bad or not files else 0)


if __name__ == "__main__":
    main()
