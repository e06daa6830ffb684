"""Check: text extractable (pdfplumber / python-docx incl. headers, nested tables, text boxes) and truth values present."""
import json, sys, glob, os, re
import pdfplumber, docx

def docx_text(p):
    d = docx.Document(p)
    parts = []
    for sec in d.sections:
        for el in (sec.header, sec.footer):
            parts += [t.text or "" for t in el._element.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")]
    # whole body incl. nested tables and text boxes, paragraph by paragraph
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for p_ in d.element.body.iter(W + "p"):
        parts.append("".join(t.text or "" for t in p_.iter(W + "t")))
    return "\n".join(parts)

def text_of(p):
    if p.endswith(".pdf"):
        with pdfplumber.open(p) as pdf:
            return "\n".join((pg.extract_text() or "") for pg in pdf.pages)
    if p.endswith(".docx"):
        return docx_text(p)
    return open(p, encoding="utf-8").read()

def n(x):
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(1, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "shared"))
from content import CITIES, city_forms
bad = 0
for ej in sorted(glob.glob(os.path.join(sys.argv[1], "*.expected.json")), key=lambda x: int(re.findall(r"_(\d+)\.", x)[0])):
    t = json.load(open(ej))
    doc = os.path.join(os.path.dirname(ej), t["source"])
    txt = text_of(doc)
    flat = re.sub(r"\s+", " ", txt)
    probs = []
    if len(flat) < 500: probs.append("little text")
    row = next(c for c in CITIES if c["city"] == t["city"])
    if not any(f.lower() in flat.lower() for f in city_forms(row)): probs.append("city")
    if t["state"].lower() not in flat.lower() and t["state"].replace(" and ", " & ").lower() not in flat.lower(): probs.append("state")
    if t["cycle_label"].lower() not in flat.lower(): probs.append("cycle_label")
    nums = set(re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])", flat))
    for i in t["indicators"]:
        for v in (i["score"], i["max_score"]):
            if n(v) not in nums: probs.append(f"{i['code']}:{n(v)}")
        if i["code"].split("&")[0] not in flat and i["code"].split("&")[0].replace(".", "(") not in flat and t["style"] not in ("landscape_pillar_columns",):
            probs.append("code " + i["code"])
    print(f"{t['source']:18} {t['style']:26} cyc={t['cycle_label']:12} n={len(t['indicators']):2} chars={len(flat):6} {'OK' if not probs else 'PROBLEM ' + ' '.join(probs[:8])}")
    bad += bool(probs)
print("problems:", bad)
