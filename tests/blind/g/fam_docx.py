"""DOCX families for blind set G."""
import datetime
import os
import zipfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, Mm, RGBColor
from xml.sax.saxutils import escape

from common import (PILLAR_NAMES, ROMAN, by_pillar, fnum, code_fmt, paragraph, date_str, spv_name, SENTENCES,
                    titles_for, cycle_phrase, na_word, pillar_sum, officer, ordinal, SUBCRITERIA)

FIXED = datetime.datetime(2021, 7, 1, 10, 0, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
W10_NS = "urn:schemas-microsoft-com:office:word"


def base(rng, font, size, page=None, margins=20):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    doc.core_properties.created = doc.core_properties.modified = FIXED
    doc.core_properties.author = "Smart Cities Mission"
    doc.core_properties.revision = 1
    sec = doc.sections[0]
    w, h = page or rng.choice([(210, 297), (215.9, 279.4), (210, 330)])
    sec.page_width, sec.page_height = Mm(w), Mm(h)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(margins))
    return doc


def save(doc, path):
    """Save, then rewrite the zip with fixed timestamps so that the file bytes are reproducible."""
    tmp = path + ".tmp"
    doc.save(tmp)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zi = zipfile.ZipInfo(item.filename, date_time=(2021, 7, 1, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = item.external_attr
            zout.writestr(zi, zin.read(item.filename))
    os.remove(tmp)


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcolor)
    tcPr.append(shd)


def cell_text(cell, text, bold=False, size=None, align=None):
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if size:
        r.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    return p


def set_widths(table, widths_mm):
    table.autofit = False
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)
    for row in table.rows:
        for c, w in zip(row.cells, widths_mm):
            c.width = Mm(w)


def para(doc, text, bold=False, size=None, align=None, italic=False, space_after=None):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.bold, r.italic = bold, italic
    if size:
        r.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


# 1 ------------------------------------------------------------------------------------------
def gazette_notification(ctx, stem):
    """Gazette notification: preamble, numbered clauses; marks in lettered sub-clauses (letters are not the
    indicator codes) or in a Schedule annexed to the notification."""
    rng = ctx.rng
    path = stem + ".docx"
    font = rng.choice(["Times New Roman", "Bookman Old Style", "Cambria"])
    doc = base(rng, font, rng.choice([11, 11.5, 12]), page=rng.choice([(210, 297), (210, 330)]), margins=25)
    titles = titles_for(ctx)
    d1, d2 = date_str(rng, ctx.cycle)
    day, month, year = d1.split()
    fno = "K-%d/%d/%s-SC-%s" % (rng.randint(15010, 15099), rng.randint(2, 90), year, rng.choice(["V", "IV", "II"]))
    central = rng.random() < 0.6
    C = WD_ALIGN_PARAGRAPH.CENTER
    J = WD_ALIGN_PARAGRAPH.JUSTIFY
    if central:
        para(doc, "[TO BE PUBLISHED IN THE GAZETTE OF INDIA, EXTRAORDINARY, PART I, SECTION 1]", size=10, align=C)
        para(doc, "GOVERNMENT OF INDIA", bold=True, align=C, space_after=0)
        para(doc, "MINISTRY OF HOUSING AND URBAN AFFAIRS", bold=True, align=C, space_after=0)
        para(doc, "(Smart Cities Mission)", align=C)
        place = "New Delhi"
    else:
        para(doc, "THE %s GAZETTE" % ctx.state.upper(), bold=True, size=16, align=C, space_after=0)
        para(doc, "EXTRAORDINARY", bold=True, align=C, space_after=0)
        para(doc, "PUBLISHED BY AUTHORITY", size=10, align=C)
        para(doc, "URBAN DEVELOPMENT DEPARTMENT, GOVERNMENT OF %s" % ctx.state.upper(), bold=True, align=C)
        place = ctx.city
    para(doc, "NOTIFICATION", bold=True, size=13, align=C)
    para(doc, "%s, the %s %s, %s" % (place, ordinal(int(day)), month, year), italic=True, align=C)
    para(doc, "No. %s.— Whereas the Smart Cities Mission of the Ministry of Housing and Urban Affairs conducts "
              "the %s to assess how cities collect, manage and use data; And whereas %s, in the State of %s, "
              "was assessed in the said cycle; Now, therefore, the results of the assessment in respect of the "
              "said city are hereby notified, namely:—" % (fno, cycle_phrase(ctx.label), ctx.city, ctx.state),
         align=J)
    para(doc, "1. Short title and application.— (1) This notification may be called the DMAF %s Results "
              "(%s) Notification, %s. (2) It applies to %s Smart City in the State of %s."
         % (ctx.label.replace("DMAF ", ""), ctx.city, year, ctx.city, ctx.state), align=J)
    naw = rng.choice(["not assessed", "N.A."])
    para(doc, "2. Definitions.— In this notification, unless the context otherwise requires,— (a) “marks” means "
              "the marks awarded to the city for an indicator on assessment; (b) “maximum” means the maximum "
              "marks assigned to that indicator; (c) “%s” means that the indicator was not assessed for the "
              "city in this cycle and no marks are notified for it." % naw, align=J)
    sched = rng.random() < 0.35
    fmt = rng.choice(["dash", "for", "colon"])
    sub = rng.choice(["alpha", "roman"])
    subs_r = ["i", "ii", "iii", "iv", "v", "vi", "vii"]
    n = 3
    if sched:
        para(doc, "3. Marks.— The marks awarded to the city for each indicator, with the maximum marks of the "
                  "indicator, are specified in the Schedule annexed to this notification.", align=J)
        n = 4
    else:
        for pn, group in by_pillar(ctx.inds).items():
            para(doc, "%d. Marks under Pillar %s (%s).— The marks awarded to the city under this Pillar are as "
                      "follows, namely:—" % (n, ROMAN[pn], PILLAR_NAMES[pn]), align=J)
            for i, d in enumerate(group):
                lab = "(%s)" % ("abcdefgh"[i] if sub == "alpha" else subs_r[i])
                s, m, t = ctx.scores[d["code"]], fnum(d["max"]), titles[d["code"]]
                end = ";" if i < len(group) - 1 else "."
                if s is None and fmt == "colon":
                    line = "%s %s: %s; maximum %s%s" % (lab, t, naw, m, end)
                elif s is None:
                    line = "%s “%s” — %s (maximum: %s marks)%s" % (lab, t, naw, m, end)
                elif fmt == "dash":
                    line = "%s “%s” — %s marks out of a maximum of %s%s" % (lab, t, fnum(s), m, end)
                elif fmt == "for":
                    line = "%s for the indicator “%s”, %s marks (maximum marks: %s)%s" % (lab, t, fnum(s), m, end)
                else:
                    line = "%s %s: marks awarded %s; maximum %s%s" % (lab, t, fnum(s), m, end)
                p = para(doc, line, align=J)
                p.paragraph_format.left_indent = Mm(10)
            n += 1
    tot = sum(v for v in ctx.scores.values() if v is not None)
    mx = sum(d["max"] for d in ctx.inds)
    para(doc, "%d. Aggregate.— The aggregate marks of %s in the %s are %s out of %s, the Pillar totals being %s."
         % (n, ctx.city, ctx.label, fnum(tot), fnum(mx),
            ", ".join("%s %s/%s" % (PILLAR_NAMES[pn], fnum(pillar_sum(g, ctx.scores)[0]),
                                     fnum(pillar_sum(g, ctx.scores)[1])) for pn, g in by_pillar(ctx.inds).items())),
         align=J)
    n += 1
    para(doc, "%d. Recommendations.— (1) %s (2) %s" % (n, paragraph(rng, 1, 2), paragraph(rng, 1, 2)), align=J)
    para(doc, "[F. No. %s]" % fno, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, officer(rng).upper(), bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=0)
    para(doc, "Joint Secretary to the Government of India" if central else "Secretary to Government, Urban "
         "Development Department", align=WD_ALIGN_PARAGRAPH.RIGHT)
    if sched:
        doc.add_page_break()
        para(doc, "THE SCHEDULE", bold=True, align=C, space_after=0)
        para(doc, "[See paragraph 3]", italic=True, align=C)
        hdr = ["Sl. No.", "Indicator", "Maximum marks", "Marks awarded"]
        t = doc.add_table(rows=1, cols=4)
        t.style = "Table Grid"
        for c, h in zip(t.rows[0].cells, hdr):
            cell_text(c, h, bold=True, size=10)
        sn = 0
        for pn, group in by_pillar(ctx.inds).items():
            row = t.add_row().cells
            m = row[0].merge(row[3])
            cell_text(m, "Part %s – %s" % (ROMAN[pn], PILLAR_NAMES[pn]), bold=True, size=10)
            for d in group:
                sn += 1
                s = ctx.scores[d["code"]]
                row = t.add_row().cells
                for c, v in zip(row, [str(sn), titles[d["code"]], fnum(d["max"]),
                                      "Not assessed" if s is None else fnum(s)]):
                    cell_text(c, v, size=10)
        set_widths(t, [16, 96, 26, 26])
    save(doc, path)
    return path, titles


# 2 ------------------------------------------------------------------------------------------
def claimed_vs_awarded(ctx, stem):
    """City's representation against its scorecard: table with 'marks awarded' and 'marks claimed' columns
    (order and wording vary). The truth is the awarded mark."""
    rng = ctx.rng
    path = stem + ".docx"
    doc = base(rng, rng.choice(["Arial", "Calibri", "Verdana"]), rng.choice([10, 10.5]), margins=18)
    titles = titles_for(ctx)
    spv = spv_name(rng, ctx.city)
    d1, d2 = date_str(rng, ctx.cycle)
    cstyle = rng.choice([None, "dot", "paren", "upper"])
    awarded_first = rng.random() < 0.5
    h_aw = rng.choice(["Marks awarded by MoHUA", "Score awarded", "Marks as per scorecard", "Awarded (DMAF cell)"])
    h_cl = rng.choice(["Marks claimed by city", "Score claimed", "Self-assessment marks", "City's claim"])
    naw = rng.choice(["Not assessed", "N.A.", "NA"])
    claimed = {}
    for d in ctx.inds:
        s = ctx.scores[d["code"]]
        if s is None:
            claimed[d["code"]] = float(rng.choice([v for v in range(5, int(d["max"]) + 1, 5)]))
        elif rng.random() < 0.35 and s < d["max"]:
            claimed[d["code"]] = float(rng.choice([k / 2 for k in range(int(s * 2) + 1, int(d["max"] * 2) + 1)
                                                   if (k / 2) % 5 == 0] or [d["max"]]))
        else:
            claimed[d["code"]] = s
    para(doc, spv.upper(), bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    para(doc, "%s, %s" % (ctx.city, ctx.state), align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    para(doc, "(A Special Purpose Vehicle under the Smart Cities Mission)", italic=True, size=9,
         align=WD_ALIGN_PARAGRAPH.CENTER)
    abbr = "".join(w[0] for w in spv.split() if w[0].isalpha()).upper()
    para(doc, "No. %s/DMAF/%s/%d\t\t\t\tDated: %s" % (abbr, d2[-4:], rng.randint(100, 999), d2))
    para(doc, "To,\nThe Director (Smart Cities),\nMinistry of Housing and Urban Affairs,\nNirman Bhawan, New Delhi")
    para(doc, "Subject: Request for review of the marks awarded to %s in the %s – reg." % (ctx.city,
                                                                                         cycle_phrase(ctx.label)),
         bold=True)
    para(doc, "Ref.: Scorecard communicated by the DMAF cell of the Mission.")
    para(doc, "Sir / Madam,")
    para(doc, "With reference to the above, the scorecard of %s (%s) for the %s has been examined by the city. "
              "The marks awarded by the assessment committee are reproduced below against the marks claimed by "
              "the city in its self-assessment. The city requests reconsideration of the indicators where the "
              "two differ, on the grounds given in the last column." % (ctx.city, ctx.state, ctx.label),
         align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    hdr = ["Sl."] + (["Ref."] if cstyle else []) + ["Indicator", "Max. marks"] + \
          ([h_aw, h_cl] if awarded_first else [h_cl, h_aw]) + ["City's justification"]
    t = doc.add_table(rows=1, cols=len(hdr))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, h in zip(t.rows[0].cells, hdr):
        cell_text(c, h, bold=True, size=9)
        shade(c, "D9D9D9")
    sn = 0
    pillar_rows = rng.random() < 0.5
    for pn, group in by_pillar(ctx.inds).items():
        if pillar_rows:
            row = t.add_row().cells
            cell_text(row[0].merge(row[-1]), "Pillar %d – %s" % (pn, PILLAR_NAMES[pn]), bold=True, size=9)
        for d in group:
            sn += 1
            s, cl = ctx.scores[d["code"]], claimed[d["code"]]
            sv = naw if s is None else fnum(s)
            if s is None:
                why = "Evidence was uploaded within the deadline; the city requests that it be assessed."
            elif cl != s:
                why = rng.choice(["Office order and minutes uploaded; may kindly be re-examined.",
                                  "All departments covered as per annexed list.",
                                  "Activity completed before the cut-off date; proof enclosed."])
            else:
                why = "Accepted."
            vals = [str(sn)] + ([code_fmt(d["code"], cstyle)] if cstyle else []) + \
                   [titles[d["code"]], fnum(d["max"])] + ([sv, fnum(cl)] if awarded_first else [fnum(cl), sv]) + [why]
            for c, v in zip(t.add_row().cells, vals):
                cell_text(c, v, size=9)
    ta = sum(v for v in ctx.scores.values() if v is not None)
    tc = sum(claimed.values())
    mx = sum(d["max"] for d in ctx.inds)
    row = t.add_row().cells
    k = 2 if cstyle else 1
    cell_text(row[0].merge(row[k]), "Total", bold=True, size=9)
    vals = [fnum(mx)] + ([fnum(ta), fnum(tc)] if awarded_first else [fnum(tc), fnum(ta)])
    for c, v in zip(row[k + 1:k + 4], vals):
        cell_text(c, v, bold=True, size=9)
    widths = [9] + ([13] if cstyle else []) + [55 if cstyle else 62, 15, 22, 22, 42]
    set_widths(t, widths)
    para(doc, "")
    para(doc, "In view of the above, it is requested that the total of the city, awarded as %s out of %s, may "
              "kindly be revised to %s after verification of the enclosed documents. %s"
         % (fnum(ta), fnum(mx), fnum(tc), paragraph(rng, 1, 2)), align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    para(doc, "Yours faithfully,")
    para(doc, "\n(%s)\nChief Executive Officer\n%s" % (officer(rng), spv))
    para(doc, "Encl.: as above", size=9)
    save(doc, path)
    return path, titles


# 3 ------------------------------------------------------------------------------------------
def _vml_box(idx, lines, left_pt, width_pt, height_pt):
    body = "".join('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>%s<w:sz w:val="%d"/></w:rPr>'
                   '<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % ("<w:b/>" if i else "", 18 if i == 0 else 24,
                                                                      escape(t))
                   for i, t in enumerate(lines))
    xml = ('<w:r xmlns:w="%s" xmlns:v="%s" xmlns:w10="%s"><w:pict><v:rect id="ScoreBox%d" '
           'style="position:absolute;margin-left:%dpt;margin-top:0;width:%dpt;height:%dpt;z-index:%d;'
           'mso-position-horizontal-relative:margin;mso-position-vertical-relative:line" '
           'fillcolor="#FFF2CC" strokecolor="#7F6000" strokeweight="1pt"><v:textbox inset="2pt,2pt,2pt,2pt">'
           '<w:txbxContent>%s</w:txbxContent></v:textbox><w10:wrap type="square"/></v:rect></w:pict></w:r>'
           % (W_NS, V_NS, W10_NS, idx, left_pt, width_pt, height_pt, idx + 10, body))
    return parse_xml(xml)


def _frame_para(doc, lines, anchor_par):
    """A framed paragraph (w:framePr) at the right margin, inserted BEFORE the heading it belongs to."""
    p = anchor_par.insert_paragraph_before()
    pPr = p._p.get_or_add_pPr()
    fr = OxmlElement("w:framePr")
    for k, v in [("w:w", "1900"), ("w:hSpace", "180"), ("w:wrap", "around"), ("w:vAnchor", "text"),
                 ("w:hAnchor", "margin"), ("w:xAlign", "right"), ("w:y", "1")]:
        fr.set(qn(k), v)
    pPr.insert(0, fr)
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        b = OxmlElement("w:%s" % side)
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "8")
        b.set(qn("w:space"), "2")
        b.set(qn("w:color"), "1F3864")
        bdr.append(b)
    pPr.append(bdr)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, t in enumerate(lines):
        r = p.add_run(t)
        r.bold = i > 0
        if i < len(lines) - 1:
            r.add_break()
    return p


def textbox_scores(ctx, stem):
    """Designed report: each indicator's score sits in a floating box (VML text box anchored in the heading,
    or a framed paragraph stored just before the heading); the cover may be a text box too."""
    rng = ctx.rng
    path = stem + ".docx"
    doc = base(rng, rng.choice(["Calibri", "Segoe UI", "Georgia"]), rng.choice([10.5, 11]), margins=22)
    titles = titles_for(ctx)
    mode = rng.choice(["vml", "frame", "mixed"])
    cstyle = rng.choice([None, "dot", "dot", "paren"])
    head_fmt = rng.choice(["Indicator %s: %s", "%s  %s", "%s – %s"])
    box_lab = rng.choice(["Score", "Marks", "Your score"])
    naw = rng.choice(["Not assessed", "N.A."])
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "DMAF %s  |  %s, %s" % (ctx.label.replace("DMAF ", ""), ctx.city, ctx.state)
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sec.footer.paragraphs[0].text = "Smart Cities Mission – DataSmart Cities"
    cover_box = rng.random() < 0.5
    cover_lines = [cycle_phrase(ctx.label), "City Performance & Recommendations",
                   rng.choice(["City: %s | State: %s" % (ctx.city, ctx.state), "%s, %s" % (ctx.city, ctx.state)])]
    if cover_box:
        p = doc.add_paragraph()
        body = "".join('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="FFFFFF"/>'
                       '<w:sz w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>'
                       % (40 if i == 0 else 28, escape(t)) for i, t in enumerate(cover_lines))
        p._p.append(parse_xml(
            '<w:r xmlns:w="%s" xmlns:v="%s"><w:pict><v:rect id="Cover1" style="position:absolute;margin-left:0;'
            'margin-top:0;width:450pt;height:150pt;z-index:1;mso-position-horizontal-relative:margin" '
            'fillcolor="#1F3864" stroked="f"><v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:rect>'
            '</w:pict></w:r>' % (W_NS, V_NS, body)))
        for _ in range(10):
            doc.add_paragraph()
    else:
        for i, t in enumerate(cover_lines):
            para(doc, t, bold=i < 2, size=[22, 15, 13][i], align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "Scores are shown in the box beside each indicator heading as marks awarded / maximum marks.",
         italic=True, size=9)
    idx = 0
    for pn, group in by_pillar(ctx.inds).items():
        h = doc.add_heading("Pillar %d – %s" % (pn, PILLAR_NAMES[pn]), level=1)
        for d in group:
            idx += 1
            s = ctx.scores[d["code"]]
            val = "%s / %s" % (naw if s is None else fnum(s), fnum(d["max"]))
            text = head_fmt % (code_fmt(d["code"], cstyle), titles[d["code"]]) if cstyle else titles[d["code"]]
            hpar = doc.add_heading(text, level=2)
            m = mode if mode != "mixed" else rng.choice(["vml", "frame"])
            if m == "vml":
                hpar._p.insert(1 if hpar._p.pPr is not None else 0, _vml_box(idx, [box_lab, val], 370, 80, 38))
            else:
                _frame_para(doc, [box_lab, val], hpar)
            for _ in range(rng.randint(1, 2)):
                para(doc, " ".join(rng.sample(SENTENCES, rng.randint(2, 4))), align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    save(doc, path)
    return path, titles


# 4 ------------------------------------------------------------------------------------------
def _split(rng, m):
    units = int(m // 5)
    k = rng.randint(1, min(4, units)) if units > 1 else 1
    cuts = sorted(rng.sample(range(1, units), k - 1)) if k > 1 else []
    parts = [b - a for a, b in zip([0] + cuts, cuts + [units])]
    return [p * 5.0 for p in parts]


def checklist_ticks(ctx, stem):
    """Verification checklist: per indicator a table of sub-criteria with tick symbols, marks allotted and
    marks given, and an indicator total row (the score)."""
    rng = ctx.rng
    path = stem + ".docx"
    doc = base(rng, rng.choice(["Arial", "Tahoma", "Calibri"]), 10, margins=18)
    titles = titles_for(ctx)
    cstyle = rng.choice(["dot", "paren", "roman", "upper"])
    sym = rng.choice([("☑", "◐", "☐"), ("✔", "~", "✘"), ("[x]", "[/]", "[ ]")])
    lab_tot = rng.choice(["Total for indicator", "Indicator total", "Marks for the indicator"])
    naw = rng.choice(["Not assessed", "N.A."])
    para(doc, "DataSmart Cities – %s" % cycle_phrase(ctx.label), bold=True, size=14)
    para(doc, "Verification Checklist and Marks", bold=True, size=12)
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    d1, d2 = date_str(rng, ctx.cycle)
    for k, v in [(rng.choice(["Smart City", "Name of city", "ULB"]), ctx.city), ("State / UT", ctx.state),
                 (rng.choice(["Cycle", "Assessment round"]), ctx.label), ("Verified by", officer(rng)),
                 ("Date of verification", d2)]:
        r = t.add_row().cells
        cell_text(r[0], k, bold=True)
        cell_text(r[1], v)
    set_widths(t, [50, 110])
    para(doc, "")
    para(doc, "Legend: %s criterion met (full marks)   %s partly met   %s not met. Marks given for the indicator "
              "are the sum of the marks given for its criteria." % sym, italic=True, size=9)
    summary = rng.random() < 0.5
    for pn, group in by_pillar(ctx.inds).items():
        doc.add_heading("Pillar %s: %s" % (ROMAN[pn], PILLAR_NAMES[pn]), level=1)
        for d in group:
            s = ctx.scores[d["code"]]
            para(doc, "%s  %s" % (code_fmt(d["code"], cstyle), titles[d["code"]]), bold=True, size=11)
            parts = _split(rng, d["max"])
            crit = rng.sample(SUBCRITERIA, len(parts))
            given = [None] * len(parts)
            if s is not None:
                rest = s
                for i in rng.sample(range(len(parts)), len(parts)):
                    given[i] = min(parts[i], rest)
                    rest -= given[i]
            tb = doc.add_table(rows=1, cols=4)
            tb.style = "Table Grid"
            for c, h in zip(tb.rows[0].cells, ["", "Criterion", "Marks allotted", "Marks given"]):
                cell_text(c, h, bold=True, size=9)
            for i, (cr, a) in enumerate(zip(crit, parts)):
                g = given[i]
                mark = "–" if g is None else (sym[0] if g == a else sym[2] if g == 0 else sym[1])
                for c, v in zip(tb.add_row().cells, [mark, cr, fnum(a), "–" if g is None else fnum(g)]):
                    cell_text(c, v, size=9)
            r = tb.add_row().cells
            cell_text(r[0].merge(r[1]), lab_tot, bold=True, size=9)
            cell_text(r[2], fnum(d["max"]), bold=True, size=9)
            cell_text(r[3], naw if s is None else fnum(s), bold=True, size=9)
            set_widths(tb, [12, 100, 25, 25])
            if s is None:
                para(doc, "The indicator was not assessed in this cycle.", italic=True, size=9)
            para(doc, "Remarks: " + " ".join(rng.sample(SENTENCES, 1)), size=9)
    if summary:
        doc.add_heading("Summary of marks", level=1)
        tb = doc.add_table(rows=1, cols=3)
        tb.style = "Table Grid"
        for c, h in zip(tb.rows[0].cells, ["Pillar", "Marks given", "Marks allotted"]):
            cell_text(c, h, bold=True)
        for pn, group in by_pillar(ctx.inds).items():
            sm, mx = pillar_sum(group, ctx.scores)
            for c, v in zip(tb.add_row().cells, [PILLAR_NAMES[pn], fnum(sm), fnum(mx)]):
                cell_text(c, v)
        tot = sum(v for v in ctx.scores.values() if v is not None)
        for c, v in zip(tb.add_row().cells, ["Total", fnum(tot), fnum(sum(d["max"] for d in ctx.inds))]):
            cell_text(c, v, bold=True)
    save(doc, path)
    return path, titles
