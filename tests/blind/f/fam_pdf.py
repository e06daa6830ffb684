"""PDF families for blind set F."""
import os

import datetime

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A3, letter, landscape, legal
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, KeepTogether,
                                PageBreak)
from xml.sax.saxutils import escape

from common import (FONTS, PILLAR_NAMES, ROMAN, by_pillar, fnum, office_refs, code_fmt, paragraph,
                    title_case, date_str, spv_name, REMARKS, SENTENCES)

rl_config.invariant = 1
_REG = {}


def ttf(name, path):
    if name not in _REG:
        pdfmetrics.registerFont(TTFont(name, os.path.join(FONTS, path)))
        _REG[name] = True
    return name


def P(text, font, size, lead=None, align=0, bold=None):
    st = ParagraphStyle("x", fontName=bold or font, fontSize=size, leading=lead or size * 1.25, alignment=align)
    return Paragraph(escape(text), st)


# 1 ------------------------------------------------------------------------------------------
def pillar_column_scorecard(ctx, stem):
    """Landscape scorecard: pillar as a spanned first column, codes omitted, Max before Secured."""
    rng = ctx.rng
    path = stem + ".pdf"
    size = rng.choice([landscape(A4), landscape(A4), A3])
    font, bold = rng.choice([("Times-Roman", "Times-Bold"), ("Helvetica", "Helvetica-Bold")])
    fs = rng.choice([8.5, 9, 10])
    case = rng.choice(["asis", "title"])
    titles = {d["code"]: (title_case(d["title"]) if case == "title" else d["title"]) for d in ctx.inds}
    doc = SimpleDocTemplate(path, pagesize=size, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=14 * mm, bottomMargin=14 * mm,
                            title="DMAF Scorecard %s" % ctx.city)
    story = [P("Smart Cities Mission – DataSmart Cities", font, fs + 2, bold=bold),
             P("Data Maturity Assessment Framework (DMAF) %s" % ctx.label, font, fs + 5, bold=bold),
             Spacer(1, 3 * mm),
             P("Scorecard of %s (%s)" % (ctx.city, ctx.state), font, fs + 3, bold=bold),
             P("Prepared for: %s" % spv_name(rng, ctx.city), font, fs),
             Spacer(1, 4 * mm)]
    hdr = ["Pillar", "Assessment Parameter", "Maximum Marks", "Marks Secured", "Assessor's Remarks"]
    data = [[P(h, font, fs, bold=bold) for h in hdr]]
    spans, shade = [], []
    total = 0.0
    for pn, group in by_pillar(ctx.inds).items():
        start = len(data)
        sub = 0.0
        for d in group:
            s = ctx.scores[d["code"]]
            sub += s or 0
            data.append(["%s. %s" % (ROMAN[pn], PILLAR_NAMES[pn]) if len(data) == start else "",
                         P(titles[d["code"]], font, fs), fnum(d["max"]),
                         "Not assessed" if s is None else fnum(s), P(rng.choice(REMARKS), font, fs - 1)])
        spans.append(("SPAN", (0, start), (0, len(data) - 1)))
        data.append(["", P("Pillar sub-total (%s)" % PILLAR_NAMES[pn], font, fs, bold=bold),
                     fnum(sum(d["max"] for d in group)), fnum(sub), ""])
        shade.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), colors.HexColor("#eeeeee")))
        total += sub
    data.append(["", P("Overall score", font, fs, bold=bold), fnum(sum(d["max"] for d in ctx.inds)),
                 fnum(total), ""])
    w = size[0] - 30 * mm
    widths = [w * 0.13, w * rng.choice([0.36, 0.42]), w * 0.1, w * 0.1]
    widths.append(w - sum(widths))
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                           ("FONT", (0, 1), (-1, -1), font, fs),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("ALIGN", (2, 1), (3, -1), "CENTER"),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2f3"))] + spans + shade))
    story.append(t)
    story.append(Spacer(1, 6 * mm))
    story.append(P("Key recommendations", font, fs + 2, bold=bold))
    for d in rng.sample(ctx.inds, 5):
        story.append(P("%s: %s" % (titles[d["code"]], paragraph(rng, 1, 2)), font, fs))
        story.append(Spacer(1, 2 * mm))
    doc.build(story)
    return path, titles


# 2 ------------------------------------------------------------------------------------------
def running_header_sections(ctx, stem):
    """Letter/legal pages with running header & 'Page x of y' footer; office refs P1.1; score box."""
    rng = ctx.rng
    path = stem + ".pdf"
    size = rng.choice([letter, legal, A4])
    font = ttf("LibSerif", "liberation/LiberationSerif-Regular.ttf")
    bold = ttf("LibSerifB", "liberation/LiberationSerif-Bold.ttf")
    fs = rng.choice([10, 10.5, 11])
    refs = office_refs(ctx.inds, "P")
    titles = {d["code"]: d["title"] for d in ctx.inds}
    box_right = rng.random() < 0.6
    run_title = "DMAF %s  |  %s, %s  |  City Performance & Recommendations" % (
        ctx.label.replace("DMAF ", ""), ctx.city, ctx.state)

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *a, **k):
            canvas.Canvas.__init__(self, *a, **k)
            self._states = []

        def showPage(self):
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            n = len(self._states)
            for st in self._states:
                self.__dict__.update(st)
                self.setFont(font, 8)
                self.drawRightString(size[0] - 20 * mm, 10 * mm, "Page %d of %d" % (self._pageNumber, n))
                canvas.Canvas.showPage(self)
            canvas.Canvas.save(self)

    def on_page(c, doc):
        c.saveState()
        c.setFont(font, 8)
        c.drawString(20 * mm, size[1] - 12 * mm, run_title)
        c.line(20 * mm, size[1] - 13.5 * mm, size[0] - 20 * mm, size[1] - 13.5 * mm)
        c.drawString(20 * mm, 10 * mm, "Smart Cities Mission, MoHUA – for official use")
        c.restoreState()

    doc = SimpleDocTemplate(path, pagesize=size, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
              bottomMargin=20 * mm)
    story = [P("Data Maturity Assessment Framework", font, 20, bold=bold), Spacer(1, 2 * mm),
             P(ctx.label + " — City Performance & Recommendations", font, 14, bold=bold), Spacer(1, 4 * mm),
             P("City: %s" % ctx.city, font, 12), P("State: %s" % ctx.state, font, 12), Spacer(1, 4 * mm),
             P("Note: indicators are referenced by this office's serial numbers (P pillar.serial). "
               "Each score is shown as marks awarded / maximum marks.", font, fs - 1), Spacer(1, 6 * mm)]
    inner = size[0] - 40 * mm
    for pn, group in by_pillar(ctx.inds).items():
        story.append(P("Pillar %d: %s" % (pn, PILLAR_NAMES[pn]), font, fs + 4, bold=bold))
        story.append(Spacer(1, 3 * mm))
        for d in group:
            s = ctx.scores[d["code"]]
            head = P("%s  %s" % (refs[d["code"]], titles[d["code"]]), font, fs + 1.5, bold=bold)
            box = Paragraph("Score<br/>%s / %s" % ("N.A." if s is None else fnum(s), fnum(d["max"])),
                            ParagraphStyle("b", fontName=bold, fontSize=fs, leading=fs * 1.3, alignment=1))
            cells = [head, box] if box_right else [box, head]
            widths = [inner - 32 * mm, 32 * mm] if box_right else [32 * mm, inner - 32 * mm]
            t = Table([cells], colWidths=widths)
            bi = 1 if box_right else 0
            t.setStyle(TableStyle([("BOX", (bi, 0), (bi, 0), 0.8, colors.black),
                                   ("BACKGROUND", (bi, 0), (bi, 0), colors.HexColor("#fff2cc")),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            story.append(t)
            story.append(Spacer(1, 2 * mm))
            pool = rng.sample(SENTENCES, rng.randint(3, 10))
            for k in range(0, len(pool), 4):
                story.append(P(" ".join(pool[k:k + 4]), font, fs, lead=fs * 1.35, align=4))
                story.append(Spacer(1, 2 * mm))
            story.append(Spacer(1, 3 * mm))
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=NumberedCanvas)
    return path, titles


# 3 ------------------------------------------------------------------------------------------
def prev_vs_current(ctx, stem):
    """fpdf2 comparative statement: previous cycle score beside this cycle's, with change column."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace
    rng = ctx.rng
    path = stem + ".pdf"
    fmt = rng.choice(["A4", "A4", "letter"])
    pdf = FPDF(orientation=rng.choice(["P", "L"]), format=fmt)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("DV", "", os.path.join(FONTS, "dejavu/DejaVuSans.ttf"))
    pdf.add_font("DV", "B", os.path.join(FONTS, "dejavu/DejaVuSans-Bold.ttf"))
    pdf.add_font("DVC", "", os.path.join(FONTS, "dejavu/DejaVuSansCondensed.ttf"))
    pdf.add_font("DVC", "B", os.path.join(FONTS, "dejavu/DejaVuSansCondensed-Bold.ttf"))
    pdf.set_creation_date(datetime.datetime(2021, 7, 1, tzinfo=datetime.timezone.utc))
    pdf.add_page()
    prev_lab = "Cycle %d.0" % (ctx.cycle - 1) if ctx.cycle > 1 else "Baseline"
    cur_first = rng.random() < 0.5
    cstyle = rng.choice(["dot", "paren", "upper"])
    titles = {d["code"]: d["title"] for d in ctx.inds}
    pdf.set_font("DV", "B", 15)
    pdf.multi_cell(0, 8, "Comparative Performance Statement – DMAF", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DV", "", 11)
    pdf.multi_cell(0, 6, "Smart City: %s        State/UT: %s" % (ctx.city, ctx.state), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "Current assessment: %s   (compared with the previous round, %s)"
                   % (ctx.label, prev_lab), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DVC", "", 8.5)
    pdf.multi_cell(0, 4.5, "The column headed '%s (current)' gives the marks of this assessment. The column "
                   "'%s (previous)' is shown for reference only. A dash in the previous column means the "
                   "indicator was not scored then; N.A. in the current column means it was not assessed in "
                   "this round." % (ctx.label, prev_lab), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    cur_h, prev_h = "%s (current)" % ctx.label, "%s (previous)" % prev_lab
    hdr = ["Code", "Indicator", "Max. Marks"] + ([cur_h, prev_h] if cur_first else [prev_h, cur_h]) + ["Change"]
    widths = (12, 58, 12, 16, 16, 12) if pdf.epw < 200 else (10, 70, 10, 15, 15, 10)
    pdf.set_font("DVC", "", rng.choice([8, 8.5, 9]))
    with pdf.table(col_widths=widths, headings_style=FontFace(emphasis="BOLD", fill_color=(220, 230, 241)),
                   line_height=pdf.font_size * 1.6, text_align=("LEFT", "LEFT", "CENTER", "CENTER",
                                                                 "CENTER", "CENTER")) as table:
        row = table.row()
        for h in hdr:
            row.cell(h)
        for d in ctx.inds:
            s, p = ctx.scores[d["code"]], ctx.prev[d["code"]]
            cs = "N.A." if s is None else fnum(s)
            ps = "–" if p is None else fnum(p)
            ch = "n/a" if (s is None or p is None) else ("%+.1f" % (s - p)).replace(".0", "")
            row = table.row()
            for v in [code_fmt(d["code"], cstyle), titles[d["code"]], fnum(d["max"])] + \
                    ([cs, ps] if cur_first else [ps, cs]) + [ch]:
                row.cell(v)
    pdf.ln(4)
    pdf.set_font("DV", "", 9.5)
    tot = sum(v for v in ctx.scores.values() if v is not None)
    pdf.multi_cell(0, 5, "Total marks in the current assessment (%s): %s out of %s." %
                   (ctx.label, fnum(tot), fnum(sum(d["max"] for d in ctx.inds))))
    pdf.ln(2)
    pdf.multi_cell(0, 5, paragraph(rng, 3, 5), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DV", "", 8)
    pdf.multi_cell(0, 4, "Issued by the PMU, %s, on %s." % (spv_name(rng, ctx.city), date_str(rng, ctx.cycle)[0]), new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)
    return path, titles


# 4 ------------------------------------------------------------------------------------------
def percent_attainment(ctx, stem):
    """Canvas-drawn attainment chart: each indicator as % of its maximum with a bar; no raw marks."""
    rng = ctx.rng
    path = stem + ".pdf"
    size = rng.choice([A4, letter])
    font = ttf("LibNarrow", "liberation/LiberationSansNarrow-Regular.ttf")
    bold = ttf("LibNarrowB", "liberation/LiberationSansNarrow-Bold.ttf")
    titles = {d["code"]: d["title"] for d in ctx.inds}
    nd = 2
    c = canvas.Canvas(path, pagesize=size)
    W, H = size
    L, R = 18 * mm, W - 18 * mm
    pno = [1]

    def header():
        c.setFont(bold, 9)
        c.drawString(L, H - 12 * mm, "DataSmart Cities – Attainment Profile")
        c.setFont(font, 9)
        c.drawRightString(R, H - 12 * mm, "Sheet %d" % pno[0])

    header()
    y = H - 26 * mm
    c.setFont(bold, 16)
    c.drawString(L, y, "Data Maturity Assessment Framework – %s" % ctx.label)
    y -= 9 * mm
    c.setFont(font, 11)
    for lab, val in [("Urban Local Body", ctx.city), ("State", ctx.state), ("Assessment Round", ctx.label)]:
        c.drawString(L, y, lab)
        c.drawString(L + 35 * mm, y, ": " + val)
        y -= 5.5 * mm
    y -= 2 * mm
    c.setFont(font, 8.5)
    for line in simpleSplit("How to read this sheet: for every indicator the maximum marks are stated and the "
                            "attainment is printed as a percentage of that maximum. Marks awarded = attainment "
                            "% x maximum marks / 100 (marks are awarded in steps of half a mark). 'N.A.' = not "
                            "assessed in this round.", font, 8.5, R - L):
        c.drawString(L, y, line)
        y -= 4 * mm
    y -= 4 * mm
    tcol, mcol, bcol = L + 15 * mm, L + 86 * mm, L + 104 * mm
    bw = R - bcol - 18 * mm
    for pn, group in by_pillar(ctx.inds).items():
        if y < 60 * mm:
            c.showPage()
            pno[0] += 1
            header()
            y = H - 24 * mm
        c.setFont(bold, 11)
        c.drawString(L, y, "Pillar %s – %s" % (ROMAN[pn], PILLAR_NAMES[pn]))
        c.setFont(font, 8)
        c.drawString(mcol, y, "Max. marks")
        c.drawString(bcol, y, "Attainment (% of max.)")
        y -= 6 * mm
        for d in group:
            s = ctx.scores[d["code"]]
            lines = simpleSplit(titles[d["code"]], font, 10, mcol - tcol - 4 * mm)
            c.setFont(font, 10)
            c.drawString(L, y, d["code"])
            for i, ln in enumerate(lines):
                c.drawString(tcol, y - i * 4.2 * mm, ln)
            c.drawString(mcol + 4 * mm, y, fnum(d["max"]))
            c.setStrokeColor(colors.grey)
            c.rect(bcol, y - 1 * mm, bw, 3.5 * mm, stroke=1, fill=0)
            if s is None:
                c.drawString(bcol + bw + 2 * mm, y, "N.A.")
            else:
                pc = s / d["max"] * 100
                c.setFillColor(colors.HexColor("#4472c4"))
                c.rect(bcol, y - 1 * mm, bw * pc / 100, 3.5 * mm, stroke=0, fill=1)
                c.setFillColor(colors.black)
                c.drawString(bcol + bw + 2 * mm, y, ("%." + str(nd) + "f%%") % pc)
            y -= max(len(lines), 1) * 4.2 * mm + 3 * mm
        ps = [ctx.scores[d["code"]] or 0 for d in group]
        c.setFont(bold, 9)
        c.drawString(tcol, y, "Pillar attainment: %.2f%% (pillar maximum %s marks)" % (
            sum(ps) / sum(d["max"] for d in group) * 100, fnum(sum(d["max"] for d in group))))
        y -= 9 * mm
    c.showPage()
    c.save()
    return path, titles
