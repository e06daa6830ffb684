"""DOCX families for blind set F."""
import datetime

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Mm, RGBColor

from common import (PILLAR_NAMES, ROMAN, by_pillar, fnum, office_refs, code_fmt, paragraph, title_case,
                    date_str, spv_name, REMARKS, SENTENCES)


FIXED = datetime.datetime(2021, 7, 1, 10, 0, 0)


def base(rng, font, size, page=None, margins=20):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    doc.core_properties.created = doc.core_properties.modified = FIXED
    doc.core_properties.author = "Smart Cities Mission"
    sec = doc.sections[0]
    w, h = page or rng.choice([(210, 297), (215.9, 279.4), (215.9, 355.6)])
    sec.page_width, sec.page_height = Mm(w), Mm(h)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(margins))
    return doc


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
    if align:
        p.alignment = align
    return p


def page_field(par, prefix="Page "):
    par.add_run(prefix)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    par._p.append(fld)


def set_widths(table, widths_mm):
    table.autofit = False
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)
    for row in table.rows:
        for c, w in zip(row.cells, widths_mm):
            c.width = Mm(w)


# 5 ------------------------------------------------------------------------------------------
HINDI = [("भारत सरकार", "Government of India"),
         ("आवास और शहरी कार्य मंत्रालय", "Ministry of Housing and Urban Affairs"),
         ("स्मार्ट सिटी मिशन", "Smart Cities Mission"),
         ("डेटा परिपक्वता मूल्यांकन ढांचा", "Data Maturity Assessment Framework")]


def bilingual_form(ctx, stem):
    """Hindi/English header, metadata as a bilingual label table, one form block per indicator."""
    rng = ctx.rng
    path = stem + ".docx"
    doc = base(rng, rng.choice(["Cambria", "Arial", "Calibri"]), rng.choice([10, 11]))
    titles = {d["code"]: d["title"] for d in ctx.inds}
    slash = rng.random() < 0.5
    for hi, en in HINDI:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if slash:
            r = p.add_run("%s / %s" % (hi, en))
        else:
            r = p.add_run(hi)
            r.font.name = "Mangal"
            r.add_break()
            p.add_run(en)
        r.bold = True
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("नगर निष्पादन एवं अनुशंसाएँ / City Performance & Recommendations").bold = True
    meta = [("शहरी स्थानीय निकाय का नाम", "Name of ULB", ctx.city),
            ("राज्य / संघ राज्य क्षेत्र", "State / UT", ctx.state),
            ("मूल्यांकन चक्र", "Assessment Round", ctx.label),
            ("विशेष प्रयोजन वाहन", "SPV", spv_name(rng, ctx.city))]
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for hi, en, val in meta:
        row = t.add_row().cells
        cell_text(row[0], "%s (%s)" % (en, hi) if rng.random() < 0.5 else "%s / %s" % (hi, en), bold=True)
        cell_text(row[1], val)
    set_widths(t, [80, 90])
    doc.add_paragraph()
    doc.add_paragraph("Part B – Indicator-wise assessment (to be read with the assessor's notes)").runs[0].bold = True
    blank = rng.choice(["__", "_____", "____ "])
    for pn, group in by_pillar(ctx.inds).items():
        h = doc.add_paragraph()
        h.add_run("Pillar %d – %s" % (pn, PILLAR_NAMES[pn])).bold = True
        for d in group:
            s = ctx.scores[d["code"]]
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p.add_run("Indicator No.: ").bold = True
            p.add_run(code_fmt(d["code"], "dot"))
            p.add_run("\tIndicator: ").bold = True
            p.add_run(titles[d["code"]])
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p.add_run("Marks obtained: ")
            u = p.add_run("%s%s%s" % (blank, "N.A." if s is None else fnum(s), blank))
            u.underline = True
            p.add_run("     Maximum marks: ")
            u = p.add_run(fnum(d["max"]))
            u.underline = True
            p = doc.add_paragraph()
            p.add_run("Assessor's note: ").italic = True
            p.add_run(paragraph(rng, 1, 2))
    doc.add_paragraph()
    doc.add_paragraph("हस्ताक्षर / Signature of the Assessor: ____________________")
    doc.add_paragraph("दिनांक / Date: %s" % date_str(rng, ctx.cycle)[1])
    doc.save(path)
    return path, titles


# 6 ------------------------------------------------------------------------------------------
def achieved_maximum_table(ctx, stem):
    """Covering letter + one table 'Achieved | Maximum' with merged pillar rows, sub-totals, grand total."""
    rng = ctx.rng
    path = stem + ".docx"
    doc = base(rng, rng.choice(["Times New Roman", "Book Antiqua", "Arial Narrow"]), rng.choice([10, 11, 12]))
    titles = {d["code"]: title_case(d["title"]) for d in ctx.inds}
    sfmt = rng.choice(["two", "short", "one"])
    d1, d2 = date_str(rng, ctx.cycle)
    doc.add_paragraph("No. K-%d/%d/DMAF/SCM" % (rng.randint(10000, 19999), rng.randint(1, 99)) +
                      "\t\t\tDated: %s" % d2)
    doc.add_paragraph("To,\nThe Chief Executive Officer,\n%s,\n%s, %s" % (spv_name(rng, ctx.city), ctx.city,
                                                                         ctx.state))
    p = doc.add_paragraph()
    p.add_run("Subject: Communication of marks – Data Maturity Assessment Framework, %s – %s"
              % (ctx.label, ctx.city)).bold = True
    doc.add_paragraph("Sir/Madam,")
    doc.add_paragraph("I am directed to communicate the indicator-wise marks achieved by %s (%s) in the %s "
                      "of the Data Maturity Assessment Framework, as given in the table below. "
                      "Indicators shown as 'Not assessed' did not form part of the evaluation of your city in "
                      "this round." % (ctx.city, ctx.state, ctx.label))
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, h in zip(t.rows[0].cells, ["S. No.", "Ref.", "Indicator", "Achieved", "Maximum"]):
        cell_text(c, h, bold=True)
        shade(c, "BDD7EE")
    sn, grand = 0, 0.0
    for pn, group in by_pillar(ctx.inds).items():
        row = t.add_row().cells
        m = row[0].merge(row[4])
        cell_text(m, "PILLAR %s – %s" % (ROMAN[pn], PILLAR_NAMES[pn].upper()), bold=True)
        shade(m, "F2F2F2")
        sub = 0.0
        for d in group:
            sn += 1
            s = ctx.scores[d["code"]]
            sub += s or 0
            row = t.add_row().cells
            for c, v in zip(row, [str(sn), code_fmt(d["code"], "paren"), titles[d["code"]],
                                  "Not assessed" if s is None else fnum(s, sfmt), fnum(d["max"], sfmt)]):
                cell_text(c, v)
        row = t.add_row().cells
        m = row[0].merge(row[2])
        cell_text(m, "Sub-total, Pillar %s" % ROMAN[pn], bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        cell_text(row[3], fnum(sub, sfmt), bold=True)
        cell_text(row[4], fnum(sum(d["max"] for d in group), sfmt), bold=True)
        grand += sub
    row = t.add_row().cells
    m = row[0].merge(row[2])
    cell_text(m, "GRAND TOTAL", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    cell_text(row[3], fnum(grand, sfmt), bold=True)
    cell_text(row[4], fnum(sum(d["max"] for d in ctx.inds), sfmt), bold=True)
    set_widths(t, [14, 18, 90, 22, 22])
    doc.add_paragraph()
    doc.add_paragraph(paragraph(rng, 2, 3))
    doc.add_paragraph("Yours faithfully,\n\n(Director, Smart Cities Mission)")
    doc.save(path)
    return path, titles


# 7 ------------------------------------------------------------------------------------------
TEMPL = [
    "The city scored {s} out of {m} on \u201c{t}\u201d (indicator {c}).",
    "Against a maximum of {m} marks for {t} ({c}), {city} secured {s}.",
    "For indicator {c}, {t}, the marks awarded were {s}/{m}.",
    "On {t} (indicator {c}) the assessment committee awarded {s} marks of a possible {m}.",
]
TEMPL_NA = [
    "Indicator {c}, {t} (maximum {m} marks), was not assessed in this round.",
    "No marks are reported for {t} ({c}; maximum {m}) as it was not assessed for {city} in this round.",
]


def narrative_paragraphs(ctx, stem):
    """Prose note: every score stated in a sentence, varied templates, pillar headings in words."""
    rng = ctx.rng
    path = stem + ".docx"
    doc = base(rng, rng.choice(["Georgia", "Garamond", "Calibri"]), rng.choice([11, 12]))
    titles = {d["code"]: d["title"] for d in ctx.inds}
    doc.add_heading("Assessment Outcome Note", level=0)
    doc.add_paragraph("Urban Local Body: %s\nState: %s\nAssessment: Data Maturity Assessment Framework, %s"
                      % (ctx.city, ctx.state, ctx.label))
    doc.add_paragraph("This note records the outcome of %s of the Data Maturity Assessment Framework for the "
                      "urban local body of %s in the State of %s. Scores are stated indicator by indicator "
                      "below, grouped by pillar, followed by the committee's observations."
                      % (ctx.label, ctx.city, ctx.state))
    order = list(by_pillar(ctx.inds).items())
    for pn, group in order:
        doc.add_heading("%s pillar" % PILLAR_NAMES[pn], level=rng.choice([1, 2]))
        sents = []
        for d in group:
            s = ctx.scores[d["code"]]
            tpl = rng.choice(TEMPL_NA if s is None else TEMPL)
            sents.append(tpl.format(s="" if s is None else fnum(s), m=fnum(d["max"]), t=titles[d["code"]],
                                    c=d["code"], city=ctx.city))
            if rng.random() < 0.4:
                sents.append(rng.choice(SENTENCES))
        if rng.random() < 0.5:
            doc.add_paragraph(" ".join(sents))
        else:
            for sn in sents:
                doc.add_paragraph(sn)
    doc.add_heading("Observations of the committee", level=1)
    for _ in range(3):
        doc.add_paragraph(paragraph(rng, 2, 4))
    doc.save(path)
    return path, titles


# 8 ------------------------------------------------------------------------------------------
def annexure_after_recs(ctx, stem):
    """Recommendations by title only (no scores); marks in a landscape Annexure-A with refs A1..A21."""
    rng = ctx.rng
    path = stem + ".docx"
    doc = base(rng, rng.choice(["Verdana", "Tahoma", "Segoe UI"]), rng.choice([9, 10]), page=(210, 297))
    refs = office_refs(ctx.inds, "A")
    titles = {d["code"]: d["title"] for d in ctx.inds}
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "DMAF %s – %s" % (ctx.label.replace("DMAF ", ""), ctx.city)
    page_field(sec.footer.paragraphs[0])
    doc.add_heading("DataSmart Cities: City Performance & Recommendations", level=0)
    t = doc.add_table(rows=0, cols=2)
    t.style = "Light List Accent 1" if rng.random() < 0.5 else "Table Grid"
    for k, v in [("Urban Local Body", ctx.city), ("State", ctx.state), ("Assessment Round", ctx.label),
                 ("Date of issue", date_str(rng, ctx.cycle)[0])]:
        row = t.add_row().cells
        cell_text(row[0], k, bold=True)
        cell_text(row[1], v)
    doc.add_paragraph("The indicator-wise marks are given in Annexure-A at the end of this report.")
    doc.add_heading("Recommendations", level=1)
    for d in ctx.inds:
        doc.add_heading(titles[d["code"]], level=2)
        for _ in range(rng.randint(1, 2)):
            doc.add_paragraph(paragraph(rng, 2, 4))
    new = doc.add_section(WD_SECTION.NEW_PAGE)
    new.orientation = WD_ORIENT.LANDSCAPE
    new.page_width, new.page_height = Mm(297), Mm(210)
    doc.add_heading("Annexure-A: Indicator-wise marks awarded to %s" % ctx.city, level=1)
    doc.add_paragraph("Reference numbers A1 onwards are serial numbers used in this report only.")
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["Ref.", "Pillar", "Indicator", "Marks awarded (out of)"]):
        cell_text(c, h, bold=True)
    for d in ctx.inds:
        s = ctx.scores[d["code"]]
        row = t.add_row().cells
        for c, v in zip(row, [refs[d["code"]], PILLAR_NAMES[d["pillar"]], titles[d["code"]],
                              ("N.A. (out of %s)" % fnum(d["max"])) if s is None
                              else "%s (out of %s)" % (fnum(s), fnum(d["max"]))]):
            cell_text(c, v)
    set_widths(t, [18, 35, 140, 50])
    doc.save(path)
    return path, titles
