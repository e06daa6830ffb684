"""PDF families for blind set G."""
import datetime
import os

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A3, letter, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table, TableStyle,
                                PageBreak, KeepTogether)
from xml.sax.saxutils import escape

from common import (FONTS, PILLAR_NAMES, ROMAN, by_pillar, fnum, code_fmt, paragraph, date_str, spv_name,
                    SENTENCES, titles_for, cycle_phrase, na_word, pillar_sum, officer)

rl_config.invariant = 1
_REG = {}


def ttf(name, path):
    if name not in _REG:
        pdfmetrics.registerFont(TTFont(name, os.path.join(FONTS, path)))
        _REG[name] = True
    return name


def fontset(rng):
    k = rng.choice(["times", "helv", "libserif", "dejavu", "libsans"])
    if k == "times":
        return "Times-Roman", "Times-Bold", "Times-Italic"
    if k == "helv":
        return "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
    if k == "libserif":
        return (ttf("GLibSerif", "liberation/LiberationSerif-Regular.ttf"),
                ttf("GLibSerifB", "liberation/LiberationSerif-Bold.ttf"),
                ttf("GLibSerifI", "liberation/LiberationSerif-Italic.ttf"))
    if k == "libsans":
        return (ttf("GLibSans", "liberation/LiberationSans-Regular.ttf"),
                ttf("GLibSansB", "liberation/LiberationSans-Bold.ttf"),
                ttf("GLibSansI", "liberation/LiberationSans-Italic.ttf"))
    return (ttf("GDVSerif", "dejavu/DejaVuSerif.ttf"), ttf("GDVSerifB", "dejavu/DejaVuSerif-Bold.ttf"),
            ttf("GDVSerifI", "dejavu/DejaVuSerif-Italic.ttf"))


def P(text, font, size, lead=None, align=0, color=None):
    st = ParagraphStyle("x", fontName=font, fontSize=size, leading=lead or size * 1.25, alignment=align,
                        textColor=color or colors.black)
    return Paragraph(escape(text), st)


# 1 ------------------------------------------------------------------------------------------
def transposed_scorecard(ctx, stem):
    """Indicators as columns, one row of maxima and one row of marks; per-pillar blocks with their own row
    labels, or one wide row with a code legend below."""
    rng = ctx.rng
    path = stem + ".pdf"
    variant = rng.choice(["blocks", "blocks", "legend"])
    size = landscape(rng.choice([A4, A3])) if variant == "legend" else rng.choice([landscape(A4), A4])
    font, bold, ital = fontset(rng)
    fs = rng.choice([7.5, 8, 8.5]) if variant == "legend" else rng.choice([8, 8.5, 9])
    titles = titles_for(ctx)
    cstyle = rng.choice(["dot", "paren", "roman", "compact", "pcode"])
    naw, legend = na_word(rng)
    d1, d2 = date_str(rng, ctx.cycle)
    doc = BaseDocTemplate(path, pagesize=size, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=16 * mm,
                          bottomMargin=16 * mm, title="Indicator-wise marks %s" % ctx.city)
    W = size[0] - 28 * mm

    def furniture(c, d):
        c.saveState()
        c.setFont(font, 7)
        c.drawString(14 * mm, 9 * mm, "%s  |  %s" % (spv, d2))
        c.drawRightString(size[0] - 14 * mm, 9 * mm, "Sheet %d" % c.getPageNumber())
        c.restoreState()

    spv = spv_name(rng, ctx.city)
    doc.addPageTemplates([PageTemplate("p", [Frame(14 * mm, 16 * mm, W, size[1] - 32 * mm, id="f")],
                                       onPage=furniture)])
    head = rng.choice([
        ["Smart Cities Mission, Ministry of Housing and Urban Affairs",
         "%s – Indicator-wise Marks (transposed)" % cycle_phrase(ctx.label),
         "Smart City: %s      State: %s" % (ctx.city, ctx.state)],
        ["%s" % spv.upper(), "Statement of marks – %s" % cycle_phrase(ctx.label),
         "ULB: %s (%s)" % (ctx.city, ctx.state)],
        ["DataSmart Cities – assessment result sheet", "City / State: %s / %s" % (ctx.city, ctx.state),
         "Assessment round: %s" % ctx.label],
    ])
    story = [P(head[0], bold, fs + 2), Spacer(1, 1.5 * mm), P(head[1], bold, fs + 5, lead=(fs + 5) * 1.3),
             Spacer(1, 1.5 * mm), P(head[2], font, fs + 3), Spacer(1, 4 * mm)]
    grid = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONT", (0, 0), (-1, -1), font, fs), ("ALIGN", (1, 0), (-1, -1), "CENTER")]
    if variant == "blocks":
        story.append(P("Marks are shown pillar by pillar; read each column downwards.", ital, fs))
        story.append(Spacer(1, 3 * mm))
        for pn, group in by_pillar(ctx.inds).items():
            lab_t = rng.choice(["Indicator", "Parameter", "Assessment indicator", "Criterion"])
            lab_m = rng.choice(["Maximum marks", "Max. Pts", "Full marks", "Marks allotted", "Out of"])
            lab_s = rng.choice(["Marks scored", "Points earned", "Rating awarded", "Score awarded",
                                "Marks secured"])
            show_code = rng.random() < 0.5
            n = len(group)
            lw = 30 * mm
            tw = 24 * mm
            cw = (W - lw - tw) / n
            rows = [[P("Pillar %s – %s" % (ROMAN[pn], PILLAR_NAMES[pn]), bold, fs + 1)] + [""] * (n + 1),
                    [P(lab_t, bold, fs)] + [P(titles[d["code"]], font, fs, align=1) for d in group]
                    + [P("Pillar total", bold, fs, align=1)]]
            if show_code:
                rows.append([P("Ref.", bold, fs)] + [code_fmt(d["code"], cstyle) for d in group] + [""])
            sub, mx = pillar_sum(group, ctx.scores)
            rm = [P(lab_m, bold, fs)] + [fnum(d["max"]) for d in group] + [fnum(mx)]
            rs = [P(lab_s, bold, fs)] + [naw if ctx.scores[d["code"]] is None else fnum(ctx.scores[d["code"]])
                                         for d in group] + [fnum(sub)]
            rows += [rm, rs] if rng.random() < 0.6 else [rs, rm]
            t = Table(rows, colWidths=[lw] + [cw] * n + [tw])
            t.setStyle(TableStyle(grid + [("SPAN", (0, 0), (-1, 0)),
                                          ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7f0")),
                                          ("BACKGROUND", (-1, 1), (-1, -1), colors.HexColor("#f2f2f2"))]))
            story += [KeepTogether([t]), Spacer(1, 4 * mm)]
    else:
        n = len(ctx.inds)
        lw, tw = 26 * mm, 14 * mm
        cw = (W - lw - tw) / n
        codes = [P(code_fmt(d["code"], cstyle), bold, fs, align=1) for d in ctx.inds]
        rm = [rng.choice(["Max.", "Full marks", "Maximum"])] + [fnum(d["max"]) for d in ctx.inds] + \
             [fnum(sum(d["max"] for d in ctx.inds))]
        tot = sum(v for v in ctx.scores.values() if v is not None)
        rs = [rng.choice(["Marks", "Awarded", "Score"])] + [
            naw if ctx.scores[d["code"]] is None else fnum(ctx.scores[d["code"]]) for d in ctx.inds] + [fnum(tot)]
        prow = ["Pillar"]
        spans = []
        col = 1
        for pn, group in by_pillar(ctx.inds).items():
            prow += [PILLAR_NAMES[pn]] + [""] * (len(group) - 1)
            spans.append(("SPAN", (col, 0), (col + len(group) - 1, 0)))
            col += len(group)
        prow.append("")
        rows = [prow, [P("Indicator", bold, fs)] + codes + [P("Total", bold, fs, align=1)], rm, rs]
        t = Table(rows, colWidths=[lw] + [cw] * n + [tw])
        t.setStyle(TableStyle(grid + spans + [("FONT", (0, 0), (-1, 0), bold, fs),
                                              ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#e8eef7"))]))
        story += [t, Spacer(1, 5 * mm), P("Legend of indicator references", bold, fs + 1), Spacer(1, 1.5 * mm)]
        leg = []
        for d in ctx.inds:
            leg.append([code_fmt(d["code"], cstyle), P(titles[d["code"]], font, fs)])
        half = (len(leg) + 1) // 2
        rows2 = []
        for i in range(half):
            r = leg[i] + (leg[half + i] if half + i < len(leg) else ["", ""])
            rows2.append(r)
        lt = Table(rows2, colWidths=[18 * mm, W / 2 - 18 * mm, 18 * mm, W / 2 - 18 * mm])
        lt.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, fs), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(lt)
    if legend:
        story += [Spacer(1, 2 * mm), P("Note: " + legend + ".", ital, fs)]
    story += [Spacer(1, 4 * mm), P("Observations", bold, fs + 2), Spacer(1, 1.5 * mm),
              P(paragraph(rng, 3, 5), font, fs + 1, lead=(fs + 1) * 1.35, align=4),
              Spacer(1, 6 * mm), P("(%s)" % officer(rng), font, fs + 1, align=2),
              P("Nodal Officer, DMAF – dated %s" % d1, font, fs + 1, align=2)]
    doc.build(story)
    return path, titles


# 2 ------------------------------------------------------------------------------------------
def certificate_per_pillar(ctx, stem):
    """One ornamental certificate page per pillar with that pillar's marks; optional summary cover."""
    rng = ctx.rng
    path = stem + ".pdf"
    size = rng.choice([A4, landscape(A4)])
    font, bold, ital = fontset(rng)
    titles = titles_for(ctx)
    cstyle = rng.choice([None, None, "roman", "dot"])
    awarded_first = rng.random() < 0.6
    naw, legend = na_word(rng)
    d1, d2 = date_str(rng, ctx.cycle)
    abbr = "".join(ch for ch in ctx.city.upper() if ch.isalpha())[:3]
    serial = rng.randint(100, 899)
    cover = rng.random() < 0.5
    c = canvas.Canvas(path, pagesize=size)
    c.setTitle("DMAF certificates – %s" % ctx.city)
    W, H = size
    ink = rng.choice(["#1f3864", "#5b2c06", "#0b5345", "#000000"])

    def border():
        c.setStrokeColor(colors.HexColor(ink))
        c.setLineWidth(3)
        c.rect(10 * mm, 10 * mm, W - 20 * mm, H - 20 * mm)
        c.setLineWidth(0.8)
        c.rect(13 * mm, 13 * mm, W - 26 * mm, H - 26 * mm)
        for x, y in [(13, 13), (13, H / mm - 13), (W / mm - 13, 13), (W / mm - 13, H / mm - 13)]:
            c.circle(x * mm, y * mm, 2.2 * mm, stroke=1, fill=0)
            c.circle(x * mm, y * mm, 1 * mm, stroke=0, fill=1)

    def centred(text, fnt, sz, y, color=None):
        c.setFont(fnt, sz)
        c.setFillColor(colors.HexColor(color or "#000000"))
        c.drawCentredString(W / 2, y, text)
        c.setFillColor(colors.black)

    def para(text, fnt, sz, y, width, align=1):
        p = P(text, fnt, sz, lead=sz * 1.45, align=align)
        w, h = p.wrap(width, H)
        p.drawOn(c, (W - width) / 2, y - h)
        return y - h

    def seal(x, y):
        c.setStrokeColor(colors.HexColor(ink))
        c.setLineWidth(1.2)
        c.circle(x, y, 13 * mm)
        c.circle(x, y, 10.5 * mm)
        c.setFont(bold, 5.5)
        c.drawCentredString(x, y + 2 * mm, "SMART CITIES")
        c.drawCentredString(x, y - 1.5 * mm, "MISSION")
        c.setFont(font, 6)
        c.drawCentredString(x, y - 5 * mm, "MoHUA")

    def signature(y):
        c.setFont(font, 9)
        c.line(W - 85 * mm, y + 6 * mm, W - 30 * mm, y + 6 * mm)
        c.drawCentredString(W - 57.5 * mm, y + 1 * mm, "(%s)" % officer(rng))
        c.drawCentredString(W - 57.5 * mm, y - 3.5 * mm, rng.choice(["Mission Director", "Director (Smart Cities)",
                                                                    "Joint Secretary & Mission Director"]))
        c.drawString(30 * mm, y + 1 * mm, "Place: New Delhi")
        c.drawString(30 * mm, y - 3.5 * mm, "Date: %s" % d2)

    top = H - 26 * mm
    if cover:
        border()
        centred("Government of India · Ministry of Housing and Urban Affairs", font, 11, top)
        centred("Smart Cities Mission", bold, 14, top - 7 * mm)
        centred("Certificates of Data Maturity", ital, 26, top - 24 * mm, ink)
        y = para("issued to %s, %s under the %s. This set contains one certificate for each of the five "
                 "pillars; the indicator-wise marks are given on the pillar certificates that follow."
                 % (spv_name(rng, ctx.city), ctx.state, cycle_phrase(ctx.label)), font, 12, top - 34 * mm,
                 W - 70 * mm)
        y -= 8 * mm
        rows = [["Pillar", "Marks", "Maximum"]]
        for pn, group in by_pillar(ctx.inds).items():
            s, m = pillar_sum(group, ctx.scores)
            rows.append(["%s. %s" % (ROMAN[pn], PILLAR_NAMES[pn]), fnum(s), fnum(m)])
        tot = sum(v for v in ctx.scores.values() if v is not None)
        rows.append(["Aggregate", fnum(tot), fnum(sum(d["max"] for d in ctx.inds))])
        t = Table(rows, colWidths=[60 * mm, 25 * mm, 25 * mm])
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 11), ("FONT", (0, 0), (-1, 0), bold, 11),
                               ("FONT", (0, -1), (-1, -1), bold, 11), ("LINEABOVE", (0, -1), (-1, -1), 0.8,
                                                                          colors.black),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                               ("ALIGN", (1, 0), (-1, -1), "CENTER")]))
        w, h = t.wrap(W, H)
        t.drawOn(c, (W - w) / 2, y - h)
        seal(W / 2, 36 * mm)
        signature(28 * mm)
        c.showPage()
    for pn, group in by_pillar(ctx.inds).items():
        border()
        c.setFont(font, 8)
        c.drawRightString(W - 18 * mm, H - 19 * mm, "Certificate No. DMAF/%d/%s/%s-%d" % (ctx.cycle, abbr,
                                                                                  ROMAN[pn], serial + pn))
        centred("Smart Cities Mission · Ministry of Housing and Urban Affairs", font, 10, top - 4 * mm)
        centred(rng.choice(["Certificate of Assessment", "Certificate of Data Maturity", "Certificate"]),
                ital, 28, top - 20 * mm, ink)
        centred("Pillar %s – %s" % (ROMAN[pn], PILLAR_NAMES[pn]), bold, 15, top - 30 * mm)
        y = para("This is to certify that %s, %s has been assessed under the %s for Pillar %s (%s) and has "
                 "been awarded the marks set out below." % (ctx.city, ctx.state, cycle_phrase(ctx.label),
                                                           ROMAN[pn], PILLAR_NAMES[pn]),
                 font, 12, top - 37 * mm, W - 70 * mm)
        y -= 6 * mm
        hm, ha = rng.choice([("Maximum marks", "Marks awarded"), ("Out of", "Secured"),
                             ("Max.", "Awarded")])
        hdr = ["Indicator", ha, hm] if awarded_first else ["Indicator", hm, ha]
        if cstyle:
            hdr = ["Ref."] + hdr
        rows = [hdr]
        for d in group:
            s = ctx.scores[d["code"]]
            sv = naw if s is None else fnum(s)
            vals = [sv, fnum(d["max"])] if awarded_first else [fnum(d["max"]), sv]
            r = [P(titles[d["code"]], font, 10.5)] + vals
            if cstyle:
                r = [code_fmt(d["code"], cstyle)] + r
            rows.append(r)
        s, m = pillar_sum(group, ctx.scores)
        tot = [fnum(s), fnum(m)] if awarded_first else [fnum(m), fnum(s)]
        rows.append(([""] if cstyle else []) + ["Total for the pillar"] + tot)
        tw = min(W - 60 * mm, 150 * mm)
        cws = [22 * mm, 22 * mm]
        if cstyle:
            cws = [14 * mm] + [tw - 58 * mm] + cws
        else:
            cws = [tw - 44 * mm] + cws
        t = Table(rows, colWidths=cws)
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 10.5), ("FONT", (0, 0), (-1, 0), bold, 10.5),
                               ("FONT", (0, -1), (-1, -1), bold, 10.5),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(ink)),
                               ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor(ink)),
                               ("ALIGN", (-2, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        w, h = t.wrap(W, H)
        t.drawOn(c, (W - w) / 2, y - h)
        y = y - h - 6 * mm
        if legend and any(ctx.scores[d["code"]] is None for d in group):
            c.setFont(ital, 9)
            c.drawCentredString(W / 2, y, legend)
        seal(W / 2, 36 * mm)
        signature(28 * mm)
        c.showPage()
    c.save()
    return path, titles


# 3 ------------------------------------------------------------------------------------------
def footer_score_table(ctx, stem):
    """Narrative recommendation pages; the marks of the indicators whose headings stand on a page are
    given only in a small table in that page's footer."""
    rng = ctx.rng
    path = stem + ".pdf"
    size = rng.choice([A4, letter])
    font, bold, ital = fontset(rng)
    fs = rng.choice([10, 10.5, 11])
    titles = titles_for(ctx)
    cstyle = rng.choice(["dot", "paren", "upper", "roman"])
    keyed = rng.choice(["code", "title"])
    naw, legend = na_word(rng)
    cols = rng.choice([("Max.", "Awarded"), ("Maximum marks", "Marks scored"), ("Out of", "Score")])
    run = rng.choice(["DMAF %s · %s (%s)" % (ctx.label.replace("DMAF ", ""), ctx.city, ctx.state),
                      "%s, %s – City Performance & Recommendations" % (ctx.city, ctx.state)])
    d1, _ = date_str(rng, ctx.cycle)
    W, H = size
    FOOT = 7
    foot_h = 12 * mm + FOOT * 4.2 * mm
    texts = {d["code"]: [" ".join(rng.sample(SENTENCES, rng.randint(2, 4))) for _ in range(rng.randint(1, 3))]
             for d in ctx.inds}

    class Doc(BaseDocTemplate):
        def __init__(self, *a, **k):
            BaseDocTemplate.__init__(self, *a, **k)
            self.on_page = []
            self.pages = []

        def afterFlowable(self, fl):
            code = getattr(fl, "_ind_code", None)
            if code:
                self.on_page.append(code)

    def page_start(c, doc):
        c.saveState()
        c.setFont(ital, 8)
        c.drawString(20 * mm, H - 12 * mm, run)
        c.drawRightString(W - 20 * mm, H - 12 * mm, "%d" % c.getPageNumber())
        c.setLineWidth(0.4)
        c.line(20 * mm, H - 13.5 * mm, W - 20 * mm, H - 13.5 * mm)
        c.restoreState()

    def page_end(c, doc):
        codes = doc.on_page
        doc.pages.append(list(codes))
        doc.on_page = []
        c.saveState()
        c.setLineWidth(0.4)
        top = 10 * mm + foot_h
        c.line(20 * mm, top, W - 20 * mm, top)
        if codes:
            c.setFont(bold, 7.5)
            c.drawString(20 * mm, top - 4 * mm, rng_cap)
            rows = [[("Ref." if keyed == "code" else "Indicator"), cols[0], cols[1]]]
            for code in codes:
                s = ctx.scores[code]
                mx = [d["max"] for d in ctx.inds if d["code"] == code][0]
                rows.append([code_fmt(code, cstyle) if keyed == "code" else titles[code], fnum(mx),
                             naw if s is None else fnum(s)])
            kw = 22 * mm if keyed == "code" else 80 * mm
            t = Table(rows, colWidths=[kw, 22 * mm, 22 * mm], rowHeights=4.2 * mm)
            t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 7.5), ("FONT", (0, 0), (-1, 0), bold, 7.5),
                                   ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                                   ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
            w, h = t.wrap(W, H)
            t.drawOn(c, 20 * mm, top - 6 * mm - h)
        else:
            c.setFont(ital, 7.5)
            c.drawString(20 * mm, top - 4 * mm, "No indicator heading on this page.")
        if legend:
            c.setFont(ital, 7)
            c.drawRightString(W - 20 * mm, 10 * mm, legend)
        c.restoreState()

    rng_cap = rng.choice(["Marks for the indicators on this page", "Scores – this page",
                          "Marks awarded (indicators headed on this page)"])
    hstyle = ParagraphStyle("h", fontName=bold, fontSize=fs + 1.5, leading=(fs + 1.5) * 1.3, keepWithNext=1,
                            spaceBefore=4 * mm, spaceAfter=1.5 * mm)
    bstyle = ParagraphStyle("b", fontName=font, fontSize=fs, leading=fs * 1.4, alignment=4, spaceAfter=2 * mm)

    def build(forced):
        doc = Doc(path, pagesize=size, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                  bottomMargin=10 * mm + foot_h + 4 * mm, title="DMAF %s" % ctx.city)
        fr = Frame(20 * mm, 10 * mm + foot_h + 4 * mm, W - 40 * mm, H - 20 * mm - (10 * mm + foot_h + 4 * mm),
                   id="f")
        doc.addPageTemplates([PageTemplate("p", [fr], onPage=page_start, onPageEnd=page_end)])
        story = [P("Data Maturity Assessment Framework", bold, 20, lead=24), Spacer(1, 2 * mm),
                 P("%s – City Performance & Recommendations" % ctx.label, font, 14, lead=18), Spacer(1, 4 * mm),
                 P(rng_city, font, 12, lead=16), Spacer(1, 3 * mm),
                 P("How to read this report: the marks of every indicator are printed in the table at the foot "
                   "of the page on which the indicator's heading appears.", ital, fs - 0.5), Spacer(1, 4 * mm)]
        for pn, group in by_pillar(ctx.inds).items():
            story.append(P("Pillar %d – %s" % (pn, PILLAR_NAMES[pn]), bold, fs + 4, lead=(fs + 4) * 1.4))
            for d in group:
                if d["code"] in forced:
                    story.append(PageBreak())
                txt = titles[d["code"]] if keyed == "title" else "%s  %s" % (code_fmt(d["code"], cstyle),
                                                                            titles[d["code"]])
                h = Paragraph(escape(txt), hstyle)
                h._ind_code = d["code"]
                story.append(h)
                for t in texts[d["code"]]:
                    story.append(Paragraph(escape(t), bstyle))
        story += [Spacer(1, 6 * mm), P("Issued on %s by the DMAF assessment cell." % d1, ital, fs - 1)]
        doc.build(story)
        return doc.pages

    rng_city = rng.choice(["City: %s | State: %s" % (ctx.city, ctx.state),
                           "%s (%s)" % (ctx.city, ctx.state),
                           "Smart City – %s, State – %s" % (ctx.city, ctx.state)])
    forced = set()
    for _ in range(30):
        pages = build(forced)
        over = [p for p in pages if len(p) > FOOT]
        if not over:
            break
        forced.add(over[0][FOOT])
    else:
        raise RuntimeError("footer overflow")
    return path, titles


# 4 ------------------------------------------------------------------------------------------
def rank_leaderboard(ctx, stem):
    """fpdf2 leaderboard: indicators ranked by attainment with ties ('3='), bars, strongest/weakest boxes."""
    from fpdf import FPDF
    rng = ctx.rng
    path = stem + ".pdf"
    pdf = FPDF(orientation="P", format=rng.choice(["A4", "letter"]))
    pdf.set_auto_page_break(True, margin=16)
    fam = rng.choice(["libsans", "dejavu"])
    if fam == "libsans":
        pdf.add_font("F", "", os.path.join(FONTS, "liberation/LiberationSans-Regular.ttf"))
        pdf.add_font("F", "B", os.path.join(FONTS, "liberation/LiberationSans-Bold.ttf"))
    else:
        pdf.add_font("F", "", os.path.join(FONTS, "dejavu/DejaVuSansCondensed.ttf"))
        pdf.add_font("F", "B", os.path.join(FONTS, "dejavu/DejaVuSansCondensed-Bold.ttf"))
    pdf.set_creation_date(datetime.datetime(2021, 7, 1, tzinfo=datetime.timezone.utc))
    titles = titles_for(ctx)
    cstyle = rng.choice([None, "roman", "dot", "compact"])
    naw, legend = na_word(rng)
    tie = rng.choice(["=", "T"])
    pdf.add_page()
    pdf.set_font("F", "B", 16)
    pdf.cell(0, 9, rng.choice(["Indicator Leaderboard", "Where do we stand? – Indicator ranking",
                               "Indicator-wise Ranking of Performance"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 10.5)
    pdf.cell(0, 6, "%s  ·  %s  ·  %s" % (ctx.city, ctx.state, cycle_phrase(ctx.label)), new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_font("F", "", 8.5)
    pdf.multi_cell(0, 4.3, "Indicators of the city are ranked by attainment, i.e. marks awarded as a share of the "
                   "maximum marks of the indicator. Equal attainment shares a rank (shown as %s). "
                   "Indicators not assessed are listed at the end without a rank." %
                   ("3=" if tie == "=" else "T-3"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    scored = [d for d in ctx.inds if ctx.scores[d["code"]] is not None]
    scored.sort(key=lambda d: (-ctx.scores[d["code"]] / d["max"], -d["max"], d["code"]))
    ranks, prev, r0 = {}, None, 0
    for i, d in enumerate(scored):
        a = ctx.scores[d["code"]] / d["max"]
        if a != prev:
            r0, prev = i + 1, a
        ranks[d["code"]] = r0
    counts = {}
    for v in ranks.values():
        counts[v] = counts.get(v, 0) + 1

    def rk(code):
        r = ranks[code]
        if counts[r] > 1:
            return "%d=" % r if tie == "=" else "T-%d" % r
        return "%d" % r

    hdr = ["Rank", "Indicator"] + (["Ref."] if cstyle else []) + ["Pillar", "Marks", "Max.", "Attainment"]
    wid = [13, 70 if cstyle else 84] + ([14] if cstyle else []) + [22, 14, 12, 45]
    pdf.set_font("F", "B", 8.5)
    pdf.set_fill_color(225, 232, 240)
    for h, w in zip(hdr, wid):
        pdf.cell(w, 6.5, h, border=1, fill=True, align="C")
    pdf.ln()
    pdf.set_font("F", "", 8.5)

    def line(d, rank, s):
        vals = [rank, titles[d["code"]]] + ([code_fmt(d["code"], cstyle)] if cstyle else []) + \
               [PILLAR_NAMES[d["pillar"]], naw if s is None else fnum(s), fnum(d["max"])]
        for v, w, a in zip(vals, wid, ["C", "L"] + (["C"] if cstyle else []) + ["L", "C", "C"]):
            pdf.cell(w, 6, v, border=1, align=a)
        x, y = pdf.get_x(), pdf.get_y()
        pdf.cell(wid[-1], 6, "", border=1)
        if s is not None:
            pc = s / d["max"]
            pdf.set_fill_color(84, 130, 53)
            pdf.rect(x + 1.5, y + 1.5, 26 * pc, 3, style="F")
            pdf.set_xy(x + 29, y)
            pdf.cell(15, 6, "%.0f %%" % (pc * 100), align="R")
        else:
            pdf.set_xy(x + 2, y)
            pdf.cell(40, 6, "not ranked", align="L")
        pdf.ln()

    for d in scored:
        line(d, rk(d["code"]), ctx.scores[d["code"]])
    for d in ctx.inds:
        if ctx.scores[d["code"]] is None:
            line(d, "–", None)
    pdf.ln(4)
    if legend:
        pdf.set_font("F", "", 8)
        pdf.cell(0, 4.5, "Note: " + legend + ".", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for head, picks in (("Strongest areas", scored[:3]), ("Needs attention", list(reversed(scored[-3:])))):
        pdf.set_font("F", "B", 10)
        pdf.cell(0, 6, head, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("F", "", 9)
        for d in picks:
            pdf.cell(0, 5, "•  %s – %s of %s marks" % (titles[d["code"]], fnum(ctx.scores[d["code"]]),
                                                      fnum(d["max"])), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.set_font("F", "B", 10)
    pdf.cell(0, 6, "Pillar summary", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("F", "", 9)
    for pn, group in by_pillar(ctx.inds).items():
        s, m = pillar_sum(group, ctx.scores)
        pdf.cell(50, 5, "%s" % PILLAR_NAMES[pn], border="B")
        pdf.cell(30, 5, "%s / %s" % (fnum(s), fnum(m)), border="B", align="R", new_x="LMARGIN", new_y="NEXT")
    tot = sum(v for v in ctx.scores.values() if v is not None)
    pdf.set_font("F", "B", 9)
    pdf.cell(50, 6, "Total")
    pdf.cell(30, 6, "%s / %s" % (fnum(tot), fnum(sum(d["max"] for d in ctx.inds))), align="R",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("F", "", 9)
    pdf.multi_cell(0, 4.8, paragraph(rng, 2, 4), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("F", "", 7.5)
    pdf.cell(0, 4, "Prepared by the PMU, %s – %s" % (spv_name(rng, ctx.city), date_str(rng, ctx.cycle)[0]),
             new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)
    return path, titles
