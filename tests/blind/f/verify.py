"""Sanity check of set F truth files against the text of each generated document.

    .venv/bin/python tests/blind/f/verify.py OUT_DIR

For every fNNNN.expected.json: extract the document's text (pdftotext / python-docx / plain read) and
check that the city, state, every title, every maximum and every score (or an N.A. marker) appear.
"""
import glob
import json
import os
import re
import subprocess
import sys

NUM = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def text_of(path):
    if path.endswith(".pdf"):
        a = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout
        b = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], capture_output=True,
                           text=True).stdout
        return a + "\n" + b
    if path.endswith(".docx"):
        import docx
        d = docx.Document(path)
        out = []
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        for el in d.element.body.iterchildren():
            tag = el.tag.split("}")[1]
            if tag == "p":
                out.append(Paragraph(el, d).text)
            elif tag == "tbl":
                for row in Table(el, d).rows:
                    out.append(" | ".join(c.text for c in row.cells))
        for s in d.sections:
            out += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
        return "\n".join(out)
    with open(path, encoding="utf-8-sig") as fh:
        return fh.read()


def check(truth_path):
    t = json.load(open(truth_path, encoding="utf-8"))
    doc = os.path.join(os.path.dirname(truth_path), t["source"])
    errs = []
    if not os.path.exists(doc):
        return ["missing document %s" % doc]
    raw = text_of(doc)
    txt = norm(raw)
    low = txt.lower()
    nums = {float(x) for x in NUM.findall(raw)}
    for key in ("city", "state"):
        if t[key] not in txt:
            errs.append("%s %r not found" % (key, t[key]))
    if len(t["indicators"]) == 0:
        errs.append("no indicators")
    for ind in t["indicators"]:
        title = ind["title"]
        if title not in txt and title.lower() not in low:
            words = [w for w in re.findall(r"\w+", title.lower())]
            if not all(w in low for w in words):
                errs.append("title %r not found" % title)
        if ind["max_score"] not in nums:
            errs.append("max %s of %s not found" % (ind["max_score"], ind["code"]))
        s = ind["score"]
        if s is None:
            if not re.search(r"\bN\.?A\.?\b|not assessed", txt, re.I):
                errs.append("no N.A. marker for %s" % ind["code"])
        elif t["style"] == "percent_attainment":
            pc = "%.2f%%" % (s / ind["max_score"] * 100)
            if pc not in txt:
                errs.append("percentage %s of %s not found" % (pc, ind["code"]))
        elif s not in nums:
            errs.append("score %s of %s not found" % (s, ind["code"]))
        if not (s is None or 0 <= s <= ind["max_score"]) or (s is not None and (s * 2) != int(s * 2)):
            errs.append("score %s of %s out of range" % (s, ind["code"]))
    return errs


def main():
    out_dir = sys.argv[1]
    files = sorted(glob.glob(os.path.join(out_dir, "f*.expected.json")))
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
