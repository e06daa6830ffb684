"""PDF families (reportlab and fpdf2)."""
import os
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle, KeepTogether)
from fpdf import FPDF
from fpdf.enums import XPos, YPos
import datetime

from common import (PILLAR_NAMES, code_fmt, fnum, pct, paragraph, pick_title, spv_name, date_str,
                    num_words, cap_first, OBSERVATIONS, norm)

VERA = os.path.join(os.path.dirname(reportlab.__file__), "fonts")


def _st(name, **kw):
    base = dict(fontName="Helvetica", fontSize=9, leading=11)
    base.update(kw)
    return ParagraphStyle(name, **base)


# ---------------------------------------------------------------- P1 landscape rubric table
def landscape_rubric(ctx, stem):
    rng = ctx.rng
    path = stem + ".pdf"
    spv = spv_name(rng, ctx.city)
    case = rng.choice(["asis", "asis", "title"])
    titles = {d["code"]: pick_title(rng, d, case, p_variant=0.4) for d in ctx.inds}
    cstyle = rng.choice(["dot", "upper", "paren"])
    na_word = rng.choice(["N.A.", "Not assessed", "NA*"])
    prev_on = ctx.cycle > 1
    total_max = sum(d["max"] for d in ctx.inds)
    sm = _st("sm", fontSize=8, leading=9.6)
    smb = _st("smb", fontName="Helvetica-Bold", fontSize=8, leading=9.6)
    tit = _st("tit", fontName="Helvetica-Bold", fontSize=15, leading=19)
    sub = _st("sub", fontSize=11, leading=14)

    def on_page(c, doc):
        c.saveState()
        w, h = landscape(A4)
        c.setFont("Helvetica", 7.5)
        c.drawString(15 * mm, h - 10 * mm, "%s  |  DMAF %s  |  Indicator-wise evaluation rubric" % (spv, ctx.label))
        c.drawRightString(w - 15 * mm, h - 10 * mm, "%s, %s" % (ctx.city, ctx.state))
        c.line(15 * mm, h - 11.5 * mm, w - 15 * mm, h - 11.5 * mm)
        c.drawString(15 * mm, 8 * mm, "For official use only")
        c.drawRightString(w - 15 * mm, 8 * mm, "Page %d" % doc.page)
        c.restoreState()

    doc = BaseDocTemplate(path, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                          topMargin=16 * mm, bottomMargin=14 * mm, invariant=1,
                          title="DMAF %s rubric – %s" % (ctx.label, ctx.city))
    fr = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="f")
    doc.addPageTemplates([PageTemplate(id="p", frames=[fr], onPage=on_page)])
    story = [Paragraph("Data Maturity Assessment Framework (DMAF) – %s" % escape(ctx.label), tit),
             Paragraph("City Performance &amp; Recommendations: evaluation rubric and marks awarded", sub),
             Spacer(1, 4 * mm)]
    d1, _ = date_str(rng)
    meta = [["Name of Smart City", ctx.city, "State / UT", ctx.state],
            ["Implementing agency", spv, "Assessment cycle", ctx.label],
            ["Date of evaluation", d1, "Maximum marks", fnum(total_max)]]
    mt = Table(meta, colWidths=[40 * mm, 80 * mm, 35 * mm, 60 * mm], hAlign="LEFT")
    mt.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                            ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
                            ("FONT", (0, 0), (0, -1), "Helvetica-Bold", 9),
                            ("FONT", (2, 0), (2, -1), "Helvetica-Bold", 9),
                            ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
                            ("BACKGROUND", (2, 0), (2, -1), colors.whitesmoke)]))
    story += [mt, Spacer(1, 3 * mm),
              Paragraph("Legend: Wt. = weight of the indicator in the total of %s marks; %s = indicator not assessed "
                        "for the city; %% = marks awarded as a share of the maximum." % (fnum(total_max), escape(na_word)), sm),
              Spacer(1, 3 * mm)]
    head = ["Sl.", "Code", "Indicator", "Observations of the evaluation committee", "Max", "Wt. (%)"]
    if prev_on:
        head.append("Cycle %d" % (ctx.cycle - 1))
    head += ["Marks awarded", "% of max"]
    head = [Paragraph(h, smb) for h in head]
    rows = [head]
    styles = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
              ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]
    ncol = len(head)
    sl = 0
    for p in sorted({d["pillar"] for d in ctx.inds}):
        rows.append([Paragraph("Pillar %d – %s" % (p, PILLAR_NAMES.get(p, "")), smb)] + [""] * (ncol - 1))
        r = len(rows) - 1
        styles += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#e8eef7"))]
        ptot = 0.0
        pmax = 0.0
        for d in [x for x in ctx.inds if x["pillar"] == p]:
            sl += 1
            s = ctx.scores[d["code"]]
            obs = " ".join(rng.sample(OBSERVATIONS, rng.randint(1, 2))) + " " + (paragraph(rng, 4, 8) if rng.random() < 0.35 else paragraph(rng, 1, 2))
            row = [Paragraph(str(sl), sm), Paragraph(escape(code_fmt(d["code"], cstyle)), sm),
                   Paragraph(escape(titles[d["code"]]), sm), Paragraph(escape(obs), sm),
                   Paragraph(fnum(d["max"]), sm), Paragraph("%.1f" % (d["max"] / total_max * 100), sm)]
            if prev_on:
                pv = ctx.prev[d["code"]]
                row.append(Paragraph("–" if pv is None else fnum(pv), sm))
            row += [Paragraph("<b>%s</b>" % (escape(na_word) if s is None else fnum(s)), sm),
                    Paragraph("–" if s is None else pct(s, d["max"]) + "%", sm)]
            rows.append(row)
            ptot += s or 0
            pmax += d["max"]
        sub_row = ["", "", Paragraph("<b>Sub-total, Pillar %d</b>" % p, sm), "", Paragraph(fnum(pmax), sm), ""]
        if prev_on:
            sub_row.append("")
        sub_row += [Paragraph("<b>%s</b>" % fnum(ptot), sm), ""]
        rows.append(sub_row)
    widths = [9, 15, 36, 0, 12, 13] + ([15] if prev_on else []) + [19, 15]
    widths[3] = 267 - sum(widths)
    t = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1, splitInRow=1)
    t.setStyle(TableStyle(styles))
    story.append(t)
    story += [Spacer(1, 5 * mm), Paragraph("Certified that the marks above were moderated by the State Level evaluation committee.", sm)]
    doc.build(story)
    return path, titles


# ---------------------------------------------------------------- P2 two-column bulletin
def two_column_bulletin(ctx, stem):
    rng = ctx.rng
    path = stem + ".pdf"
    case = rng.choice(["asis", "asis", "title"])
    titles = {d["code"]: pick_title(rng, d, case, p_variant=0.5) for d in ctx.inds}
    cstyle = rng.choice(["dot", "paren", "dot_tight"])
    score_tpl = rng.choice(["Score {s} / {m}  ({p}%)", "Marks: {s} of {m} · {p} per cent", "Score achieved: {s}/{m} ({p}%)"])
    na_txt = rng.choice(["Not assessed (maximum {m})", "Score: not assessed / {m}"])
    head_style = _st("h", fontName="Helvetica-Bold", fontSize=rng.choice([12.5, 13.5]), leading=16, spaceBefore=8, spaceAfter=2,
                     textColor=colors.HexColor("#1f3b6e"))
    kick = _st("k", fontName="Helvetica-Oblique", fontSize=8, leading=10, textColor=colors.HexColor("#555555"))
    scst = _st("sc", fontName="Helvetica-Bold", fontSize=9.5, leading=12, spaceAfter=3)
    body = _st("b", fontSize=9, leading=11.5, spaceAfter=4)
    pil = _st("p", fontName="Helvetica-Bold", fontSize=10, leading=13, textColor=colors.white, backColor=colors.HexColor("#1f3b6e"),
              spaceBefore=10, spaceAfter=4, borderPadding=2)
    mast1 = _st("m1", fontName="Helvetica-Bold", fontSize=20, leading=24)
    mast2 = _st("m2", fontSize=11, leading=14)
    W, H = A4
    lm = 16 * mm
    gap = 8 * mm
    colw = (W - 2 * lm - gap) / 2
    top, bot = 18 * mm, 16 * mm
    mast_h = 34 * mm
    edition = rng.choice(["Vol. 2, Issue %d" % rng.randint(1, 12), "Special issue on DMAF results"])

    def on_page(c, doc):
        c.saveState()
        c.setFont("Helvetica", 7.5)
        c.drawString(lm, H - 11 * mm, "%s · %s · DMAF %s Bulletin" % (ctx.city, ctx.state, ctx.label))
        c.drawRightString(W - lm, H - 11 * mm, edition)
        c.line(lm, H - 12.5 * mm, W - lm, H - 12.5 * mm)
        c.drawCentredString(W / 2, 9 * mm, "– %d –" % doc.page)
        c.restoreState()

    doc = BaseDocTemplate(path, pagesize=A4, invariant=1, title="%s DMAF bulletin" % ctx.city)
    f_m = Frame(lm, H - top - mast_h, W - 2 * lm, mast_h, id="mast")
    f1 = Frame(lm, bot, colw, H - top - bot - mast_h, id="l1")
    f2 = Frame(lm + colw + gap, bot, colw, H - top - bot - mast_h, id="r1")
    g1 = Frame(lm, bot, colw, H - top - bot, id="l")
    g2 = Frame(lm + colw + gap, bot, colw, H - top - bot, id="r")
    doc.addPageTemplates([PageTemplate(id="first", frames=[f_m, f1, f2], onPage=on_page),
                          PageTemplate(id="later", frames=[g1, g2], onPage=on_page)])
    story = [NextPageTemplate("later"),
             Paragraph("DataSmart %s" % escape(ctx.city), mast1),
             Paragraph("Data Maturity Assessment Framework %s — City Performance &amp; Recommendations" % escape(ctx.label), mast2),
             Paragraph("A bulletin of the %s, %s" % (escape(spv_name(rng, ctx.city)), escape(ctx.state)), mast2),
             FrameBreak(),
             Paragraph(escape(paragraph(rng, 3, 4)), body)]
    sec0 = rng.choice([0, 1])  # sections numbered by pillar, or offset by an introduction section
    if sec0:
        story.insert(5, Paragraph("1  About this bulletin", head_style))
    pillars = sorted({d["pillar"] for d in ctx.inds})
    for p in pillars:
        story.append(Paragraph("Pillar %d — %s" % (p, PILLAR_NAMES.get(p, "")), pil))
        items = [d for d in ctx.inds if d["pillar"] == p]
        if rng.random() < 0.4 and len(items) > 2:
            i = rng.randrange(len(items) - 1)
            items[i], items[i + 1] = items[i + 1], items[i]
        for k, d in enumerate(items, 1):
            sec = "%d.%d" % (p + sec0, k)
            s = ctx.scores[d["code"]]
            if s is None:
                sline = na_txt.format(m=fnum(d["max"]))
            else:
                sline = score_tpl.format(s=fnum(s), m=fnum(d["max"]), p=pct(s, d["max"]))
            block = [Paragraph("%s&nbsp;&nbsp;%s" % (sec, escape(titles[d["code"]])), head_style),
                     Paragraph("Framework indicator %s" % escape(code_fmt(d["code"], cstyle)), kick),
                     Paragraph(escape(sline), scst)]
            story.append(KeepTogether(block))
            for _ in range(rng.randint(1, 2)):
                story.append(Paragraph(escape(paragraph(rng, 2, 4)), body))
    doc.build(story)
    return path, titles


# ---------------------------------------------------------------- fpdf2 helpers
class _Pdf(FPDF):
    def __init__(self, hdr, ftr, orientation="P"):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.hdr, self.ftr = hdr, ftr
        self.add_font("Vera", "", os.path.join(VERA, "Vera.ttf"))
        self.add_font("Vera", "B", os.path.join(VERA, "VeraBd.ttf"))
        self.add_font("Vera", "I", os.path.join(VERA, "VeraIt.ttf"))
        self.set_creation_date(datetime.datetime(2021, 7, 1, tzinfo=datetime.timezone.utc))

    def header(self):
        self.set_font("Vera", "", 7.5)
        self.set_text_color(90, 90, 90)
        self.set_xy(self.l_margin, 7)
        self.cell(0, 4, self.hdr[0], new_x=XPos.LMARGIN, new_y=YPos.TOP)
        self.set_xy(self.l_margin, 7)
        self.cell(0, 4, self.hdr[1], align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.line(self.l_margin, 12, self.w - self.r_margin, 12)
        self.set_text_color(0, 0, 0)
        self.set_y(16)

    def footer(self):
        self.set_y(-11)
        self.set_font("Vera", "", 7.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, self.ftr.format(n=self.page_no()), align="C")
        self.set_text_color(0, 0, 0)


# ---------------------------------------------------------------- P3 score tiles
def score_tiles(ctx, stem):
    rng = ctx.rng
    path = stem + ".pdf"
    titles = {d["code"]: pick_title(rng, d, "upper", p_variant=0.35) for d in ctx.inds}
    cstyle = rng.choice(["upper", "dot", "paren"])
    ncols = rng.choice([3, 3, 4])
    pdf = _Pdf(("DMAF %s  |  SCORECARD" % ctx.label.upper(), "%s, %s" % (ctx.city.upper(), ctx.state.upper())),
               "Page {n}  ·  %s Smart City" % ctx.city)
    pdf.set_margins(12, 16, 12)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Vera", "B", 18)
    pdf.cell(0, 10, "CITY PERFORMANCE SCORECARD", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Vera", "", 10)
    pdf.cell(0, 6, "Data Maturity Assessment Framework — %s" % ctx.label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Vera", "B", 10)
    pdf.cell(0, 6, "CITY: %s     STATE: %s     CYCLE: %d" % (ctx.city.upper(), ctx.state.upper(), ctx.cycle),
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Vera", "", 8)
    pdf.multi_cell(0, 4, "Each tile shows the marks awarded (large figure) against the maximum marks of the indicator, "
                   "followed by the framework reference and the indicator. NA = not assessed.",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    gap = 3
    tw = (pdf.w - 24 - gap * (ncols - 1)) / ncols
    pad = 2.5
    for p in sorted({d["pillar"] for d in ctx.inds}):
        items = [d for d in ctx.inds if d["pillar"] == p]
        if pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.ln(2)
        pdf.set_font("Vera", "B", 10)
        pdf.set_fill_color(230, 236, 245)
        tot = sum((ctx.scores[d["code"]] or 0) for d in items)
        pdf.cell(0, 7, "PILLAR %d — %s   (%s / %s)" % (p, PILLAR_NAMES.get(p, "").upper(), fnum(tot),
                                                     fnum(sum(d["max"] for d in items))),
                 fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        for r0 in range(0, len(items), ncols):
            row = items[r0:r0 + ncols]
            pdf.set_font("Vera", "B", 8.5)
            lines = {d["code"]: pdf.multi_cell(tw - 2 * pad, 4, titles[d["code"]], dry_run=True, output="LINES")
                     for d in row}
            th = 24 + 4 * max(len(v) for v in lines.values())
            if pdf.get_y() + th > pdf.h - 14:
                pdf.add_page()
            y0 = pdf.get_y()
            for j, d in enumerate(row):
                x0 = 12 + j * (tw + gap)
                s = ctx.scores[d["code"]]
                pdf.set_draw_color(120, 120, 120)
                pdf.rect(x0, y0, tw, th)
                pdf.set_xy(x0 + pad, y0 + 2)
                pdf.set_font("Vera", "B", 20)
                big = "NA" if s is None else fnum(s)
                bw = pdf.get_string_width(big)
                pdf.cell(bw + 1, 10, big)
                pdf.set_font("Vera", "", 10)
                pdf.cell(20, 10, "/ " + fnum(d["max"]))
                pdf.set_font("Vera", "", 7.5)
                pdf.set_xy(x0 + pad, y0 + 2)
                pdf.cell(tw - 2 * pad, 10, "" if s is None else pct(s, d["max"], 0) + "%", align="R")
                pdf.set_xy(x0 + pad, y0 + 13)
                pdf.set_font("Vera", "", 7.5)
                pdf.set_text_color(80, 80, 80)
                pdf.cell(tw - 2 * pad, 4, "INDICATOR " + code_fmt(d["code"], cstyle))
                pdf.set_text_color(0, 0, 0)
                pdf.set_xy(x0 + pad, y0 + 18)
                pdf.set_font("Vera", "B", 8.5)
                pdf.multi_cell(tw - 2 * pad, 4, titles[d["code"]], align="L")
            pdf.set_xy(12, y0 + th + gap)
    pdf.ln(3)
    total = sum((v or 0) for v in ctx.scores.values())
    pdf.set_font("Vera", "B", 11)
    if pdf.get_y() > pdf.h - 25:
        pdf.add_page()
    pdf.cell(0, 8, "OVERALL: %s / %s" % (fnum(total), fnum(sum(d["max"] for d in ctx.inds))), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.output(path)
    return path, titles


# ---------------------------------------------------------------- P4 ledger with scores in words
def ledger_words(ctx, stem):
    rng = ctx.rng
    path = stem + ".pdf"
    case = rng.choice(["asis", "title"])
    titles = {d["code"]: pick_title(rng, d, case, p_variant=0.45) for d in ctx.inds}
    cstyle = rng.choice(["paren", "dot"])
    half = rng.choice(["and a half", "point five"])
    spv = spv_name(rng, ctx.city)
    pdf = _Pdf(("%s — DMAF %s" % (spv, ctx.label), "City Performance & Recommendations"),
               "%s, %s  ·  page {n}" % (ctx.city, ctx.state))
    pdf.set_margins(15, 16, 15)
    pdf.set_auto_page_break(True, 16)
    pdf.add_page()
    pdf.set_font("Vera", "B", 16)
    pdf.multi_cell(0, 8, "Data Maturity Assessment Framework %s\nCity Performance & Recommendations" % ctx.label,
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font("Vera", "", 10)
    pdf.cell(0, 6, "City: %s    State: %s" % (ctx.city, ctx.state), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Vera", "I", 8.5)
    pdf.multi_cell(0, 4.5, "The figure in the left margin is the marks awarded for the indicator; the maximum marks and "
                   "the marks in words are stated with each entry.", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    lx, rx = 15, 46
    rw = pdf.w - 15 - rx
    order = list(ctx.inds)
    if rng.random() < 0.5:  # office lists pillars in a different order
        i = rng.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    last_p = None
    for d in order:
        if d["pillar"] != last_p:
            last_p = d["pillar"]
            if pdf.get_y() > pdf.h - 50:
                pdf.add_page()
            pdf.set_font("Vera", "B", 11)
            pdf.set_text_color(30, 60, 110)
            pdf.cell(0, 8, "%d.  %s" % (d["pillar"], PILLAR_NAMES.get(d["pillar"], "")), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_text_color(0, 0, 0)
        if pdf.get_y() > pdf.h - 45:
            pdf.add_page()
        s = ctx.scores[d["code"]]
        y0 = pdf.get_y() + 1
        pdf.set_xy(lx, y0)
        pdf.set_font("Vera", "B", 17)
        pdf.cell(rx - lx - 3, 8, "N.A." if s is None else fnum(s), align="R")
        pdf.set_xy(lx, y0 + 8)
        pdf.set_font("Vera", "", 8)
        pdf.cell(rx - lx - 3, 4, "of %s" % fnum(d["max"]), align="R")
        pdf.set_xy(rx, y0)
        pdf.set_font("Vera", "", 8)
        pdf.set_text_color(110, 110, 110)
        pdf.cell(rw, 4, "Indicator %s" % code_fmt(d["code"], cstyle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
        pdf.set_x(rx)
        pdf.set_font("Vera", "B", 12)
        pdf.multi_cell(rw, 6, titles[d["code"]], align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_x(rx)
        pdf.set_font("Vera", "I", 9)
        if s is None:
            wtxt = "Marks in words: not assessed (maximum %s marks)." % num_words(d["max"])
        else:
            wtxt = "Marks in words: %s out of %s." % (cap_first(num_words(s, half)), num_words(d["max"]))
        pdf.multi_cell(rw, 5, wtxt, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Vera", "", 9.5)
        for _ in range(rng.randint(1, 2)):
            pdf.set_x(rx)
            pdf.multi_cell(rw, 5, paragraph(rng, 2, 4), align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)
    pdf.output(path)
    return path, titles
