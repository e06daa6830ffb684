"""DOCX families (python-docx)."""
import datetime

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from common import (PILLAR_NAMES, code_fmt, fnum, pct, paragraph, pick_title, spv_name, date_str, num_words,
                    cap_first, OBSERVATIONS, grade)


def _save(doc, path):
    """Save, then rewrite the zip with fixed timestamps so that output bytes depend on the seed only."""
    import io
    import zipfile
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2021, 7, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))


def _props(doc, ctx, title):
    cp = doc.core_properties
    cp.title = title
    cp.subject = "DMAF %s – %s, %s" % (ctx.label, ctx.city, ctx.state)
    cp.author = "Smart Cities Mission cell"
    t = datetime.datetime(2021, 7, 1, 10, 0, 0)
    cp.created = t
    cp.modified = t
    cp.last_printed = t
    cp.revision = 1


def _page_field(par):
    run = par.add_run()
    for tag, txt in (("begin", None), (None, " PAGE "), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = txt
        run._r.append(el)


def _hdr_ftr(section, header_text, footer_text):
    hp = section.header.paragraphs[0]
    hp.text = header_text
    for r in hp.runs:
        r.font.size = Pt(8)
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run(footer_text)
    r.font.size = Pt(8)
    _page_field(fp)


def _repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def _cell(cell, text, bold=False, size=9, breaks=None):
    """Write text into a cell; `breaks` = list of lines joined with manual line breaks."""
    p = cell.paragraphs[0]
    parts = breaks if breaks else [text]
    for i, part in enumerate(parts):
        r = p.add_run(part)
        r.bold = bold
        r.font.size = Pt(size)
        if i < len(parts) - 1:
            r.add_break(WD_BREAK.LINE)


def _widths(table, cms):
    table.autofit = False
    for i, w in enumerate(cms):
        table.columns[i].width = Cm(w)
    for row in table.rows:
        for i, w in enumerate(cms):
            row.cells[i].width = Cm(w)


def _split_title(rng, t, width=24):
    """Manual line break(s) at spaces, as an office would type a title into a narrow cell."""
    if len(t) <= width or rng.random() < 0.25:
        return [t]
    words, lines, cur = t.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    lines.append(cur)
    return lines


# ---------------------------------------------------------------- D1 numbered sections
def docx_numbered_sections(ctx, stem):
    rng = ctx.rng
    path = stem + ".docx"
    titles = {d["code"]: pick_title(rng, d, rng.choice(["asis", "asis", "title"]), p_variant=0.3) for d in ctx.inds}
    cstyle = rng.choice(["dot", "paren", "dot_tight"])
    spv = spv_name(rng, ctx.city)
    doc = Document()
    _props(doc, ctx, "DMAF %s City Performance & Recommendations – %s" % (ctx.label, ctx.city))
    _hdr_ftr(doc.sections[0], "%s | DMAF %s | City Performance & Recommendations" % (ctx.city, ctx.label),
             "%s, %s — Page " % (spv, ctx.state))
    p = doc.add_paragraph()
    r = p.add_run("Urban Development Department, Government of %s" % ctx.state)
    r.font.size = Pt(10)
    doc.add_heading("Data Maturity Assessment Framework – %s" % ctx.label, 0)
    doc.add_paragraph("City Performance & Recommendations for %s" % spv)
    d1, _ = date_str(rng)
    doc.add_paragraph("Date of issue: %s" % d1)
    offset = rng.choice([0, 1])
    if offset:
        doc.add_heading("1 Introduction", 1)
        doc.add_paragraph(paragraph(rng, 3, 4))
    prev_on = ctx.cycle > 1 and rng.random() < 0.7
    for p in sorted({d["pillar"] for d in ctx.inds}):
        doc.add_heading("%d %s" % (p + offset, PILLAR_NAMES.get(p, "Pillar %d" % p)), 1)
        for k, d in enumerate([x for x in ctx.inds if x["pillar"] == p], 1):
            doc.add_heading("%d.%d %s" % (p + offset, k, titles[d["code"]]), 2)
            q = doc.add_paragraph()
            rr = q.add_run("Framework reference: Indicator %s" % code_fmt(d["code"], cstyle))
            rr.italic = True
            rr.font.size = Pt(8.5)
            s = ctx.scores[d["code"]]
            hdr = ["Score obtained", "Maximum marks", "Percentage"] + (["Cycle %d score" % (ctx.cycle - 1)] if prev_on else [])
            vals = ["Not assessed" if s is None else fnum(s, "one"), fnum(d["max"]),
                    "–" if s is None else pct(s, d["max"]) + " %"]
            if prev_on:
                pv = ctx.prev[d["code"]]
                vals.append("–" if pv is None else fnum(pv, "one"))
            t = doc.add_table(rows=2, cols=len(hdr))
            t.style = "Table Grid"
            for i, h in enumerate(hdr):
                _cell(t.cell(0, i), h, bold=True, size=8.5)
                _cell(t.cell(1, i), vals[i], bold=(i == 0), size=10)
            doc.add_paragraph()
            doc.add_paragraph(paragraph(rng, 2, 5))
    _save(doc, path)
    return path, titles


# ---------------------------------------------------------------- D2 rubric matrix with merged pillar cells
def docx_rubric_matrix(ctx, stem):
    rng = ctx.rng
    path = stem + ".docx"
    titles = {d["code"]: pick_title(rng, d, "asis", p_variant=0.55) for d in ctx.inds}
    printed = {c: _split_title(rng, t, rng.choice([20, 24, 28])) for c, t in titles.items()}
    cstyle = rng.choice(["dot", "upper", "slash"])
    prev_on = ctx.cycle > 1
    total_max = sum(d["max"] for d in ctx.inds)
    doc = Document()
    _props(doc, ctx, "DMAF rubric – %s" % ctx.city)
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(1.8)
    _hdr_ftr(sec, "DMAF %s – Evaluation matrix – %s (%s)" % (ctx.label, ctx.city, ctx.state), "Page ")
    doc.add_heading("Data Maturity Assessment Framework", 1)
    doc.add_paragraph("Evaluation matrix: City Performance & Recommendations (%s)" % ctx.label)
    info = doc.add_table(rows=3, cols=2)
    info.style = "Table Grid"
    for i, (k, v) in enumerate([("Name of the Smart City", ctx.city), ("State", ctx.state),
                                ("Assessment cycle", ctx.label)]):
        _cell(info.cell(i, 0), k, bold=True)
        _cell(info.cell(i, 1), v)
    doc.add_paragraph()
    hdr = ["S.No", "Pillar", "Code", "Indicator", "Max. Marks", "Weightage (%)"]
    if prev_on:
        hdr.append("Marks in Cycle %d" % (ctx.cycle - 1))
    hdr += ["Marks Obtained", "Grade"]
    n = len(ctx.inds)
    t = doc.add_table(rows=n + 2, cols=len(hdr))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(hdr):
        _cell(t.cell(0, i), h, bold=True, size=8)
    _repeat_header(t.rows[0])
    r = 1
    sl = 0
    for p in sorted({d["pillar"] for d in ctx.inds}):
        items = [d for d in ctx.inds if d["pillar"] == p]
        first = r
        for d in items:
            sl += 1
            s = ctx.scores[d["code"]]
            vals = [str(sl), None, code_fmt(d["code"], cstyle), None, fnum(d["max"]),
                    "%g" % round(d["max"] / total_max * 100, 1)]
            if prev_on:
                pv = ctx.prev[d["code"]]
                vals.append("—" if pv is None else fnum(pv, "one"))
            vals += ["NA" if s is None else fnum(s, "one"), grade(s, d["max"])]
            for i, v in enumerate(vals):
                if i == 3:
                    _cell(t.cell(r, i), "", breaks=printed[d["code"]], size=8.5)
                elif v is not None:
                    _cell(t.cell(r, i), v, size=8.5, bold=(i == len(vals) - 2))
            r += 1
        m = t.cell(first, 1).merge(t.cell(r - 1, 1))
        _cell(m, "%d – %s" % (p, PILLAR_NAMES.get(p, "")), bold=True, size=8.5)
    _cell(t.cell(r, 3), "Total", bold=True, size=8.5)
    _cell(t.cell(r, 4), fnum(total_max), size=8.5)
    _cell(t.cell(r, len(hdr) - 2), fnum(sum((v or 0) for v in ctx.scores.values()), "one"), bold=True, size=8.5)
    widths = [1.0, 1.7, 1.4, 3.6, 1.4, 1.7] + ([1.6] if prev_on else []) + [1.6, 1.2]
    _widths(t, widths)
    doc.add_paragraph("NA – indicator not assessed for the city. Grades: A ≥ 80 %, B ≥ 60 %, C ≥ 40 %, D ≥ 20 %, E below 20 %.")
    doc.add_heading("Recommendations", 2)
    for d in ctx.inds:
        if rng.random() < 0.5:
            doc.add_paragraph("%s: %s" % (code_fmt(d["code"], cstyle), paragraph(rng, 1, 2)), style="List Bullet")
    _save(doc, path)
    return path, {c: " ".join(v) for c, v in printed.items()}


# ---------------------------------------------------------------- D3 landscape, upper-case, score column first
def docx_landscape_upper(ctx, stem):
    rng = ctx.rng
    path = stem + ".docx"
    titles = {d["code"]: pick_title(rng, d, "upper", p_variant=0.3) for d in ctx.inds}
    cstyle = rng.choice(["upper", "dot"])
    spv = spv_name(rng, ctx.city).upper()
    doc = Document()
    _props(doc, ctx, "%s DMAF %s" % (ctx.city, ctx.label))
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Cm(1.5)
    _hdr_ftr(sec, "%s — DMAF %s — %s" % (spv, ctx.label.upper(), ctx.state.upper()), "CITY PERFORMANCE & RECOMMENDATIONS — PAGE ")
    h = doc.add_paragraph()
    rr = h.add_run("DATA MATURITY ASSESSMENT FRAMEWORK %s" % ctx.label.upper())
    rr.bold = True
    rr.font.size = Pt(16)
    doc.add_paragraph("CITY PERFORMANCE & RECOMMENDATIONS — %s, %s" % (ctx.city.upper(), ctx.state.upper()))
    na = rng.choice(["NOT ASSESSED", "N/A"])
    for p in sorted({d["pillar"] for d in ctx.inds}):
        items = [d for d in ctx.inds if d["pillar"] == p]
        hh = doc.add_paragraph()
        rr = hh.add_run("PILLAR %d: %s" % (p, PILLAR_NAMES.get(p, "").upper()))
        rr.bold = True
        rr.font.size = Pt(12)
        rr.font.color.rgb = RGBColor(0x1F, 0x3B, 0x6E)
        hdr = ["MARKS SECURED", "OUT OF", "%", "CODE", "INDICATOR", "KEY OBSERVATIONS", "RECOMMENDED ACTION"]
        t = doc.add_table(rows=len(items) + 2, cols=len(hdr))
        t.style = "Table Grid"
        for i, x in enumerate(hdr):
            _cell(t.cell(0, i), x, bold=True, size=8)
        _repeat_header(t.rows[0])
        tot = 0.0
        for r, d in enumerate(items, 1):
            s = ctx.scores[d["code"]]
            tot += s or 0
            vals = [na if s is None else fnum(s, "one"), fnum(d["max"]), "" if s is None else pct(s, d["max"], 0),
                    code_fmt(d["code"], cstyle), titles[d["code"]], rng.choice(OBSERVATIONS), paragraph(rng, 1, 2)]
            for i, v in enumerate(vals):
                _cell(t.cell(r, i), v, bold=(i in (0, 4)), size=8.5)
        last = len(items) + 1
        _cell(t.cell(last, 0), fnum(tot, "one"), bold=True, size=8.5)
        _cell(t.cell(last, 1), fnum(sum(d["max"] for d in items)), size=8.5)
        _cell(t.cell(last, 4), "PILLAR %d TOTAL" % p, bold=True, size=8.5)
        _widths(t, [1.9, 1.4, 1.1, 1.5, 4.6, 6.0, 8.0])
        doc.add_paragraph()
    _save(doc, path)
    return path, titles


# ---------------------------------------------------------------- D4 two text columns, scores in words and percent
def _set_cols(section, num, space_twips=567):
    sectPr = section._sectPr
    cols = sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sectPr.append(cols)
    cols.set(qn("w:num"), str(num))
    cols.set(qn("w:space"), str(space_twips))


def docx_two_column_words(ctx, stem):
    rng = ctx.rng
    path = stem + ".docx"
    titles = {d["code"]: pick_title(rng, d, rng.choice(["title", "asis"]), p_variant=0.4) for d in ctx.inds}
    cstyle = rng.choice(["paren", "dot"])
    half = rng.choice(["and a half", "point five"])
    doc = Document()
    _props(doc, ctx, "DMAF %s – %s" % (ctx.label, ctx.city))
    s0 = doc.sections[0]
    _hdr_ftr(s0, "%s (%s) · DMAF %s" % (ctx.city, ctx.state, ctx.label), "Page ")
    doc.add_heading("DMAF %s: City Performance & Recommendations" % ctx.label, 1)
    doc.add_paragraph("City: %s (%s)" % (ctx.city, ctx.state))
    doc.add_paragraph("Marks are stated in words, with the share of the maximum marks in brackets.")
    s1 = doc.add_section(WD_SECTION.CONTINUOUS)
    _set_cols(s1, 2)
    for p in sorted({d["pillar"] for d in ctx.inds}):
        hp = doc.add_paragraph()
        rr = hp.add_run("Pillar %d – %s" % (p, PILLAR_NAMES.get(p, "")))
        rr.bold = True
        rr.font.size = Pt(12)
        for d in [x for x in ctx.inds if x["pillar"] == p]:
            s = ctx.scores[d["code"]]
            tp = doc.add_paragraph()
            tr = tp.add_run("Indicator %s: %s" % (code_fmt(d["code"], cstyle), titles[d["code"]]))
            tr.bold = True
            sp = doc.add_paragraph()
            if s is None:
                txt = "Marks awarded: not assessed (maximum %s)." % num_words(d["max"])
            else:
                txt = "Marks awarded: %s out of %s (%s%%)." % (num_words(s, half), num_words(d["max"]), pct(s, d["max"], 2))
            sr = sp.add_run(txt)
            sr.italic = True
            doc.add_paragraph(paragraph(rng, 2, 4))
    s2 = doc.add_section(WD_SECTION.CONTINUOUS)
    _set_cols(s2, 1)
    tot = sum((v or 0) for v in ctx.scores.values())
    doc.add_paragraph("Aggregate: %s marks out of %s." % (num_words(tot, half), num_words(sum(d["max"] for d in ctx.inds))))
    _save(doc, path)
    return path, titles
