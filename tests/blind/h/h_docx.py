"""DOCX families of blind set H (python-docx)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from reportlab.pdfbase.pdfmetrics import stringWidth

import h_common as C

FIXED = _dt.datetime(2023, 9, 14, 10, 0, 0)


def _doc(font="Arial", size=9.5, land=False) -> Document:
    d = Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for k in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(k), font)
    sec = d.sections[0]
    if land:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Inches(11.69), Inches(8.27)
    else:
        sec.page_width, sec.page_height = Inches(8.27), Inches(11.69)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Inches(0.7))
    sec.top_margin = sec.bottom_margin = Inches(0.7)
    cp = d.core_properties
    cp.created = cp.modified = FIXED
    cp.author = "Smart Cities Mission"
    return d


def _save(d, path: Path) -> None:
    """Save with fixed zip timestamps so that a seed always gives the same bytes."""
    import io
    import zipfile
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2023, 9, 14, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(zi, src.read(info.filename))


def _para(d, text, *, bold=False, italic=False, size=None, align=None, space_after=4, color=None):
    p = d.add_paragraph()
    r = p.add_run(text)
    r.bold, r.italic = bold, italic
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor(*color)
    if align == "C":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _set(cell, text, *, bold=False, italic=False, align="L", size=None, sup=None):
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold, r.italic = bold, italic
    if size:
        r.font.size = Pt(size)
    if sup:
        s = p.add_run(sup)
        s.font.superscript = True
        if size:
            s.font.size = Pt(size)
    p.alignment = {"L": WD_ALIGN_PARAGRAPH.LEFT, "C": WD_ALIGN_PARAGRAPH.CENTER,
                   "R": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    p.paragraph_format.space_after = Pt(0)


def _shade(cell, fill):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _widths(table, inches):
    table.autofit = False
    for col, w in zip(table.columns, inches):
        col.width = Inches(w)
    for row in table.rows:
        for cell, w in zip(row.cells, inches):
            cell.width = Inches(w)


def _title_block(d, rng, title, issuer, center=True):
    _para(d, issuer, size=9, align="C" if center else None, color=(80, 80, 80))
    _para(d, title, bold=True, size=14, align="C" if center else None, space_after=8)


# ==================================================== F7 pillar-wise ranking tables + overall ranking table

def pillarwise_tables(rng, path: Path) -> dict:
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, unit=unit, alias_p=0.15)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["plain", "eq_pre", "T-"])
    title, issuer, lab = C.titles(rng, dash="\u2013")
    d = _doc()
    _title_block(d, rng, title, issuer)
    _para(d, C.intro(rng, len(rows), lab) + " Table 1 gives the overall ranking; Tables 2 to 6 rank the cities "
          "within each pillar (the pillar rank is not the national rank).")
    overall_first = rng.random() < 0.7
    style = rng.choice(["Light List Accent 1", "Light Grid Accent 5", "Table Grid", "Medium Shading 1 Accent 1"])

    def overall(no):
        _para(d, f"Table {no}: Overall ranking \u2013 total score out of 500", bold=True, space_after=3)
        t = d.add_table(rows=1, cols=4)
        t.style = style
        for c, h in zip(t.rows[0].cells, ["Rank", "City", "State / UT", "Total score (out of 500)"]):
            _set(c, h, bold=True, align="C")
        _repeat_header(t.rows[0])
        for r in C.by_rank(rows):
            cells = t.add_row().cells
            _set(cells[0], C.rank_str(r, tie), align="C")
            _set(cells[1], r.name)
            _set(cells[2], r.state)
            _set(cells[3], C.num(r.printed_total, ns), align="R")
        _widths(t, [0.7, 1.9, 2.6, 1.6])
        _para(d, "", space_after=6)

    def pillar(no, i):
        _para(d, f"Table {no}: Pillar {i + 1} \u2013 {C.PILLARS[i]} (maximum 100 marks)", bold=True, space_after=3)
        t = d.add_table(rows=1, cols=3)
        t.style = style
        for c, h in zip(t.rows[0].cells, ["Pillar rank", "City", f"{C.PILLARS[i]} score"]):
            _set(c, h, bold=True, align="C")
        _repeat_header(t.rows[0])
        ordered = sorted(rows, key=lambda r: (-r.p[i], r.name))
        for r in ordered:
            k = 1 + sum(1 for o in rows if o.p[i] > r.p[i])
            cells = t.add_row().cells
            _set(cells[0], str(k), align="C")
            _set(cells[1], r.name)
            _set(cells[2], C.num(r.p[i], ns), align="R")
        _widths(t, [0.9, 2.2, 1.4])
        _para(d, "", space_after=6)

    no = 1
    if overall_first:
        overall(no)
        no += 1
    for i in range(5):
        pillar(no, i)
        no += 1
    if not overall_first:
        overall(no)
    _para(d, C.TIE_NOTES[tie], italic=True, size=8)
    _para(d, rng.choice(C.NOTES), italic=True, size=8)
    _save(d, path)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# =========================================== F11 merged two-row header, national average row (+ trap)

def merged_header(rng, path: Path) -> dict:
    unit = rng.choice([1, 5])
    rows = C.make_rows(rng, unit=unit, alias_p=0.15)
    C.add_trap(rng, rows)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["plain", "eq_post", "tied"])
    title, issuer, lab = C.titles(rng, dash="\u2013")
    land = rng.random() < 0.5
    d = _doc(land=land)
    _title_block(d, rng, title, issuer)
    _para(d, C.intro(rng, len(rows), lab))
    maxima = rng.random() < 0.5
    t = d.add_table(rows=2, cols=9)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    h0, h1 = t.rows[0].cells, t.rows[1].cells
    for col, name in ((0, "Rank"), (1, "City"), (2, "State"), (8, "Total" + (" (500)" if maxima else ""))):
        m = h0[col].merge(h1[col])
        _set(m, name, bold=True, align="C")
        _shade(m, "D9E2F3")
    m = h0[3].merge(h0[7])
    _set(m, rng.choice(["Pillar scores", "Pillar-wise scores", "Scores by pillar"]), bold=True, align="C")
    _shade(m, "D9E2F3")
    for i, p in enumerate(C.PILLARS):
        c = t.rows[1].cells[3 + i]
        _set(c, p + (" (100)" if maxima else ""), bold=True, align="C", size=8 if land else 7.5)
        _shade(c, "EAF0F9")
    _repeat_header(t.rows[0])
    _repeat_header(t.rows[1])
    marks = {}
    if rng.random() < 0.7:
        for r in rng.sample(rows, rng.choice([1, 2])):
            marks[r.city] = rng.choice(["\u2020", "*", "#"])
    for r in C.by_rank(rows):
        cells = t.add_row().cells
        _set(cells[0], C.rank_str(r, tie), align="C")
        _set(cells[1], r.name, sup=marks.get(r.city))
        _set(cells[2], r.state)
        for i in range(5):
            _set(cells[3 + i], C.num(r.p[i], ns), align="R")
        _set(cells[8], C.num(r.printed_total, ns), align="R", bold=True)
    cells = t.add_row().cells
    m = cells[0].merge(cells[2])
    _set(m, "National average", italic=True, bold=True)
    for i in range(5):
        _set(t.rows[-1].cells[3 + i], C.num(C.average10([r.p[i] for r in rows]), "fixed1"), align="R", italic=True)
    _set(t.rows[-1].cells[8], C.num(C.average10([r.total for r in rows]), "fixed1"), align="R", italic=True)
    _widths(t, [0.6, 1.6, 2.2] + [0.95] * 5 + [0.9] if land else [0.45, 1.2, 1.15] + [0.72] * 5 + [0.5])
    _para(d, "", space_after=2)
    _para(d, "Notes:", bold=True, size=8)
    _para(d, "1. " + C.TIE_NOTES[tie], size=8, space_after=1)
    _para(d, f"2. Total cities: {len(rows)}.", size=8, space_after=1)
    n = 3
    for sym in sorted(set(marks.values())):
        _para(d, f"{n}. {sym} Score provisional, subject to verification of evidence.", size=8, space_after=1)
        n += 1
    _para(d, f"{n}. {rng.choice(C.NOTES)}", size=8, space_after=1)
    _save(d, path)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ============================================== F12 state column vertically merged, abbreviations, rank last

def state_vmerge(rng, path: Path) -> dict:
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, unit=unit, alias_p=0.2)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["plain", "eq_pre", "star"])
    title, issuer, lab = C.titles(rng, dash="\u2013")
    d = _doc(font="Arial", size=9)
    _title_block(d, rng, title, issuer, center=False)
    _para(d, C.intro(rng, len(rows), lab) + " Cities are arranged State/UT-wise.")
    abbr = rng.choice([["Pol.", "Peo.", "Pro.", "Tech.", "Out."], ["Policy", "People", "Process", "Tech.", "Outc."],
                       ["P-1", "P-2", "P-3", "P-4", "P-5"]])
    _para(d, "Abbreviations: " + "; ".join(f"{a} = {p}" for a, p in zip(abbr, C.PILLARS)) +
          " (each out of 100).", italic=True, size=8)
    t = d.add_table(rows=1, cols=9)
    t.style = "Table Grid"
    heads = ["State / UT", "Smart City"] + abbr + ["Total", "All-India rank"]
    for c, h in zip(t.rows[0].cells, heads):
        _set(c, h, bold=True, align="C", size=8.5)
        _shade(c, "E7E6E6")
    _repeat_header(t.rows[0])
    order = C.by_state(rows)
    start = 1
    spans = []
    for i, r in enumerate(order):
        cells = t.add_row().cells
        _set(cells[1], r.name)
        for j in range(5):
            _set(cells[2 + j], C.num(r.p[j], ns), align="R")
        _set(cells[7], C.num(r.printed_total, ns), align="R")
        _set(cells[8], C.rank_str(r, tie), align="C")
        if i == len(order) - 1 or order[i + 1].state != r.state:
            spans.append((start, i + 1, r.state))
            start = i + 2
    for a, b, state in spans:
        cell = t.cell(a, 0)
        if b > a:
            cell = cell.merge(t.cell(b, 0))
        _set(cell, state, bold=True)
    _widths(t, [1.45, 1.35] + [0.55] * 5 + [0.6, 0.7])
    _para(d, "", space_after=2)
    _para(d, C.TIE_NOTES[tie], size=8)
    _para(d, f"States/UTs covered: {len(spans)}; cities: {len(rows)}.", size=8)
    _save(d, path)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ====================================================== F13 one table per performance band, city (state)

def band_tables(rng, path: Path) -> dict:
    unit = rng.choice([1, 5])
    rows = C.make_rows(rng, unit=unit, alias_p=0.2)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["T", "T-", "eq_pre", "plain"])
    title, issuer, lab = C.titles(rng, dash="\u2013")
    totals = sorted((r.total for r in rows), reverse=True)
    cuts = []
    for q in (0.15, 0.45, 0.8):
        v = totals[min(len(totals) - 1, int(q * len(totals)))]
        v = int(round(v / 250.0)) * 250  # multiples of 25 marks, in tenths
        if (not cuts or v < cuts[-1]) and v > 0:
            cuts.append(v)
    names = ["Front-runners", "Achievers", "Performers", "Aspirants"]
    bands = []
    hi = None
    for i, cut in enumerate(cuts + [0]):
        members = [r for r in rows if r.total >= cut and (hi is None or r.total < hi)]
        if cut == 0:
            members = [r for r in rows if hi is None or r.total < hi]
        label = f"{names[i]} (total of {cut // 10} and above)" if cut else f"{names[i]} (below {hi // 10})"
        if cut and hi is not None:
            label = f"{names[i]} ({cut // 10} to below {hi // 10})"
        bands.append((label, C.by_rank(members)))
        hi = cut
    d = _doc(font="Calibri", size=10)
    _title_block(d, rng, title, issuer)
    _para(d, C.intro(rng, len(rows), lab) + " Cities are presented in performance bands by total score; ranks "
          "are national ranks.")
    paren = rng.random() < 0.5
    style = rng.choice(["Light List Accent 1", "Light Shading Accent 1", "Medium List 1 Accent 1"])
    k = -1
    for label, members in bands:
        if not members:
            continue
        k += 1
        h = d.add_paragraph(f"Band {chr(65 + k)}: {label}", style="Heading 2")
        h.paragraph_format.space_after = Pt(3)
        cols = ["Rank", "City"] + ([] if paren else ["State"]) + C.PILLARS + ["Total"]
        t = d.add_table(rows=1, cols=len(cols))
        t.style = style
        for c, hd in zip(t.rows[0].cells, cols):
            _set(c, hd, bold=True, align="C", size=7)
        _repeat_header(t.rows[0])
        for r in members:
            cells = t.add_row().cells
            _set(cells[0], C.rank_str(r, tie), align="C", size=9)
            _set(cells[1], f"{r.name} ({r.state})" if paren else r.name, size=9)
            off = 2 if paren else 3
            if not paren:
                _set(cells[2], r.state, size=9)
            for i in range(5):
                _set(cells[off + i], C.num(r.p[i], ns), align="R", size=9)
            _set(cells[off + 5], C.num(r.printed_total, ns), align="R", bold=True, size=9)
        _widths(t, ([0.45, 1.85] + [0.8] * 5 if paren else [0.45, 1.05, 1.15] + [0.74] * 5) + [0.55])
        _para(d, f"Cities in this band: {len(members)}", italic=True, size=8, space_after=8)
    _para(d, C.TIE_NOTES[tie], size=8)
    _para(d, rng.choice(C.NOTES), size=8)
    _save(d, path)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ================================================== F14 tab-stop pseudo-table in paragraphs (no rank at all)

def tabstop_lines(rng, path: Path) -> dict:
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, unit=unit, alias_p=0.2)
    ns = C.pick_num_style(rng, unit)
    title, issuer, lab = C.titles(rng, dash="\u2013")
    d = _doc(font="Arial", size=9, land=True)
    _title_block(d, rng, title, issuer, center=False)
    alpha = rng.random() < 0.5
    _para(d, C.intro(rng, len(rows), lab, rank=False) + (" Cities are listed alphabetically." if alpha else
                                                         " Cities are listed State/UT-wise."))
    order = C.by_name(rows) if alpha else C.by_state(rows)
    state_first = not alpha
    fs = 9
    w_city = max(stringWidth(x, "Helvetica", fs) for x in [r.name for r in rows] + ["City"]) / 72 + 0.25
    w_state = max(stringWidth(x, "Helvetica", fs) for x in [r.state for r in rows] + ["State / UT"]) / 72 + 0.25
    numw = 0.85
    first_w, second_w = (w_state, w_city) if state_first else (w_city, w_state)
    stops = [first_w, first_w + second_w]
    x = stops[1]
    right_stops = []
    for _ in range(6):
        x += numw
        right_stops.append(x)
    heads = ([("State / UT", "City")] if state_first else [("City", "State / UT")])[0]
    head_text = "\t".join(list(heads) + C.PILLARS + ["Total"])

    def line(text, bold=False, italic=False):
        p = d.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(1)
        pf.tab_stops.add_tab_stop(Inches(stops[0]), WD_TAB_ALIGNMENT.LEFT)
        for rs in right_stops:
            pf.tab_stops.add_tab_stop(Inches(rs), WD_TAB_ALIGNMENT.RIGHT)
        r = p.add_run(text)
        r.bold, r.italic = bold, italic
        return p

    # header: left part then right-aligned numbers; second field starts at stops[0], numbers at right stops
    line(head_text, bold=True)
    for r in order:
        first, second = (r.state, r.name) if state_first else (r.name, r.state)
        line("\t".join([first, second] + [C.num(v, ns) for v in r.p] + [C.num(r.printed_total, ns)]))
    avg = [C.num(C.average10([r.p[i] for r in rows]), "fixed1") for i in range(5)]
    line("\t".join(["All cities (mean)", ""] + avg + [C.num(C.average10([r.total for r in rows]), "fixed1")]),
         italic=True)
    _para(d, "", space_after=2)
    _para(d, "Each pillar carries 100 marks; the total is out of 500. National ranks will be announced at the "
          "awards ceremony.", size=8)
    _para(d, rng.choice(C.NOTES), size=8)
    _save(d, path)
    return {"rows": rows, "pillars": True, "total": True, "rank": False}
