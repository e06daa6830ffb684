"""PDF families of blind set H (reportlab and fpdf2)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

import h_common as C

_FONTS_DONE = False


def _fonts() -> None:
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    pdfmetrics.registerFont(TTFont("DejaVu", str(C.DEJAVU / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(C.DEJAVU / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuCond", str(C.DEJAVU / "DejaVuSansCondensed.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuCond-Bold", str(C.DEJAVU / "DejaVuSansCondensed-Bold.ttf")))
    _FONTS_DONE = True


FIXED_DATE = _dt.datetime(2023, 9, 14, 10, 0, 0, tzinfo=_dt.timezone.utc)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ================================================================ F0 unruled, x-aligned (canvas, no lines)

def unruled_xpos(rng, path: Path) -> dict:
    from reportlab.pdfgen import canvas
    unit = rng.choice([1, 1, 5])
    rows = C.make_rows(rng, unit=unit, alias_p=0.3)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["plain", "eq_pre", "T-"])
    title, issuer, lab = C.titles(rng, dash="\u2013")
    heads = rng.choice([["Pol", "Ppl", "Proc", "Tech", "Outc"], ["Pol.", "Peo.", "Pro.", "Tec.", "Out."]])
    rank_first = rng.random() < 0.3
    font, bold = "Helvetica", "Helvetica-Bold"
    order = C.by_rank(rows)
    cols = [("City", "L", [r.name for r in order]), ("State", "L", [r.state for r in order])]
    for i, h in enumerate(heads):
        cols.append((h, "R", [C.num(r.p[i], ns) for r in order]))
    cols.append(("Total", "R", [C.num(r.printed_total, ns) for r in order]))
    rk = ("Rank", "R", [C.rank_str(r, tie) for r in order])
    cols = [rk] + cols if rank_first else cols + [rk]
    pw, ph = A4
    margin = 42
    avail = pw - 2 * margin
    fs = 9.0
    while True:
        widths = [max(stringWidth(v, font, fs) for v in vals + [h]) for h, _, vals in cols]
        gap = 13 if fs > 7.5 else 10
        if sum(widths) + gap * (len(cols) - 1) <= avail or fs <= 6.5:
            break
        fs -= 0.25
    xs = []  # (left, right)
    x = margin
    for w in widths:
        xs.append((x, x + w))
        x += w + gap
    lead = fs + 4.2
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    y = ph - 56
    c.setFont(bold, 13)
    for line in simpleSplit(title, bold, 13, avail):
        c.drawString(margin, y, line)
        y -= 16
    c.setFont(font, 9)
    c.drawString(margin, y, issuer)
    y -= 18
    for line in simpleSplit(C.intro(rng, len(rows), lab), font, 9, avail):
        c.drawString(margin, y, line)
        y -= 11.5
    y -= 3
    legend = ", ".join(f"{h} = {p}" for h, p in zip(heads, C.PILLARS)) + " (100 marks each); Total out of 500."
    c.setFont("Helvetica-Oblique", 8)
    for line in simpleSplit(legend, "Helvetica-Oblique", 8, avail):
        c.drawString(margin, y, line)
        y -= 10
    y -= 8

    def header(y):
        c.setFont(bold, fs)
        for (h, al, _), (l, r) in zip(cols, xs):
            if al == "L":
                c.drawString(l, y, h)
            else:
                c.drawRightString(r, y, h)
        return y - lead - 2

    y = header(y)
    page = 1
    for i in range(len(order)):
        if y < 60:
            c.setFont(font, 7.5)
            c.drawRightString(pw - margin, 30, f"Page {page}")
            c.showPage()
            page += 1
            y = header(ph - 56)
        c.setFont(font, fs)
        for (h, al, vals), (l, r) in zip(cols, xs):
            if al == "L":
                c.drawString(l, y, vals[i])
            else:
                c.drawRightString(r, y, vals[i])
        y -= lead
    # national average row
    if y < 100:
        c.setFont(font, 7.5)
        c.drawRightString(pw - margin, 30, f"Page {page}")
        c.showPage()
        page += 1
        y = ph - 60
    y -= 4
    avg = [C.num(C.average10([r.p[i] for r in rows]), "fixed1") for i in range(5)]
    avg_t = C.num(C.average10([r.total for r in rows]), "fixed1")
    c.setFont("Helvetica-Oblique", fs)
    for (h, al, _), (l, r) in zip(cols, xs):
        v = None
        if h == "City":
            v = "National average"
        elif h in heads:
            v = avg[heads.index(h)]
        elif h == "Total":
            v = avg_t
        if v is None:
            continue
        if al == "L":
            c.drawString(l, y, v)
        else:
            c.drawRightString(r, y, v)
    y -= lead + 10
    c.setFont(font, 8)
    notes = [C.TIE_NOTES[tie], f"Number of cities assessed: {len(rows)}.", rng.choice(C.NOTES)]
    for nline in notes:
        c.drawString(margin, y, nline)
        y -= 10
    c.setFont(font, 7.5)
    c.drawRightString(pw - margin, 30, f"Page {page}")
    c.showPage()
    c.save()
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ============================================================ F1 zebra stripes, landscape, S.No. + prev rank

def zebra_landscape(rng, path: Path) -> dict:
    _fonts()
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, unit=unit, alias_p=0.15)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["eq_pre", "eq_post", "T"])
    title, issuer, lab = C.titles(rng, dash="\u2014")
    order = C.by_rank(rows)
    fs = 8.2
    hstyle = ParagraphStyle("h", fontName="DejaVuCond-Bold", fontSize=fs, leading=fs + 2, alignment=TA_CENTER,
                            textColor=colors.white)
    cstyle = ParagraphStyle("c", fontName="DejaVu", fontSize=fs, leading=fs + 2, alignment=TA_LEFT)
    with_prev = rng.random() < 0.7
    heads = ["S.No.", "City", "State / UT"] + [f"{p} (100)" for p in C.PILLARS] + ["Total (500)", "Rank"]
    if with_prev:
        heads.append("Rank in Cycle 1")
    data = [[Paragraph(h, hstyle) for h in heads]]
    for i, r in enumerate(order, 1):
        line = [str(i), Paragraph(_esc(r.name), cstyle), Paragraph(_esc(r.state), cstyle)]
        line += [C.num(v, ns) for v in r.p] + [C.num(r.printed_total, ns), C.rank_str(r, tie)]
        if with_prev:
            prev = "New" if rng.random() < 0.12 else str(max(1, min(100, r.rank + int(rng.gauss(0, 9)))))
            line.append(prev)
        data.append(line)
    pw, ph = landscape(A4)
    avail = pw - 2 * 36
    w_city = max(stringWidth(r.name, "DejaVu", fs) for r in rows) + 16
    w = [38, max(w_city, 70)] + [0] + [60] * 5 + [56, 40] + ([54] if with_prev else [])
    w[2] = avail - sum(w)
    t = Table(data, colWidths=w, repeatRows=1)
    stripe = rng.choice([colors.HexColor("#EEF3F8"), colors.HexColor("#F2F2F2"), colors.HexColor("#FFF6E5")])
    head_bg = rng.choice([colors.HexColor("#1F4E79"), colors.HexColor("#385723"), colors.HexColor("#7B2C2C")])
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), head_bg),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, stripe]),
        ("FONTNAME", (0, 1), (-1, -1), "DejaVu"),
        ("FONTSIZE", (0, 1), (-1, -1), fs),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    ss = ParagraphStyle("t", fontName="DejaVu-Bold", fontSize=14, leading=18)
    sub = ParagraphStyle("s", fontName="DejaVu", fontSize=9, leading=12)
    small = ParagraphStyle("n", fontName="DejaVu", fontSize=7.5, leading=10)
    story = [Paragraph(_esc(title), ss), Paragraph(_esc(issuer), sub), Spacer(1, 4),
             Paragraph(_esc(C.intro(rng, len(rows), lab)), sub), Spacer(1, 8), t, Spacer(1, 8),
             Paragraph(f"Total cities assessed: {len(rows)}", sub),
             Paragraph(_esc(C.TIE_NOTES[tie]), small)]
    if with_prev:
        story.append(Paragraph("'Rank in Cycle 1' is shown for reference only; 'New' marks a city not "
                               "ranked in the first cycle.", small))
    story.append(Paragraph(_esc(rng.choice(C.NOTES)), small))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=36, rightMargin=36, topMargin=34,
                            bottomMargin=34, title=title, invariant=1)
    doc.build(story)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ===================================================== F3 two-tier header, roman pillars, City (State), A-Z

def roman_twotier(rng, path: Path) -> dict:
    _fonts()
    unit = rng.choice([1, 5])
    rows = C.make_rows(rng, unit=unit, alias_p=0.2)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["star", "star", "eq_post"])
    title, issuer, lab = C.titles(rng, dash="\u2013")
    alpha = rng.random() < 0.75
    order = C.by_name(rows) if alpha else C.by_rank(rows)
    fs = 8.5
    cstyle = ParagraphStyle("c", fontName="DejaVu", fontSize=fs, leading=fs + 2)
    hstyle = ParagraphStyle("h", fontName="DejaVu-Bold", fontSize=fs, leading=fs + 2, alignment=TA_CENTER)
    romans = ["I", "II", "III", "IV", "V"]
    span_label = rng.choice(["Pillar scores (maximum 100 each)", "Score by pillar (out of 100)",
                             "Pillar-wise marks"])
    data = [[Paragraph("S. No.", hstyle), Paragraph("Smart City (State)", hstyle), Paragraph(span_label, hstyle),
             "", "", "", "", Paragraph("Total<br/>(500)", hstyle), Paragraph("Rank", hstyle)],
            ["", "", *[Paragraph(x, hstyle) for x in romans], "", ""]]
    for i, r in enumerate(order, 1):
        data.append([str(i), Paragraph(f"{_esc(r.name)} ({_esc(r.state)})", cstyle),
                     *[C.num(v, ns) for v in r.p], C.num(r.printed_total, ns), C.rank_str(r, tie)])
    pw, ph = A4
    avail = pw - 2 * 40
    w = [32, 0] + [44] * 5 + [48, 40]
    w[1] = avail - sum(w)
    t = Table(data, colWidths=w, repeatRows=2)
    t.setStyle(TableStyle([
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (6, 0)),
        ("SPAN", (7, 0), (7, 1)), ("SPAN", (8, 0), (8, 1)),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#DDE4EE")),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black),
        ("LINEBELOW", (2, 0), (6, 0), 0.4, colors.grey),
        ("LINEAFTER", (1, 0), (1, -1), 0.4, colors.grey),
        ("LINEAFTER", (6, 0), (6, -1), 0.4, colors.grey),
        ("LINEBELOW", (0, 2), (-1, -1), 0.2, colors.HexColor("#BBBBBB")),
        ("FONTNAME", (0, 2), (-1, -1), "DejaVu"), ("FONTSIZE", (0, 2), (-1, -1), fs),
        ("ALIGN", (2, 2), (-1, -1), "RIGHT"), ("ALIGN", (0, 2), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    ss = ParagraphStyle("t", fontName="DejaVu-Bold", fontSize=13, leading=17, alignment=TA_CENTER)
    sub = ParagraphStyle("s", fontName="DejaVu", fontSize=9, leading=12, alignment=TA_CENTER)
    body = ParagraphStyle("b", fontName="DejaVu", fontSize=9, leading=12)
    small = ParagraphStyle("n", fontName="DejaVu", fontSize=7.5, leading=10)
    legend = "; ".join(f"{rn} \u2013 {p}" for rn, p in zip(romans, C.PILLARS)) + "."
    story = [Paragraph(_esc(issuer), sub), Paragraph(_esc(title), ss), Spacer(1, 6),
             Paragraph(_esc(C.intro(rng, len(rows), lab)) +
                       (" Cities are listed in alphabetical order." if alpha else ""),
                       body),
             Spacer(1, 4), Paragraph("<i>Pillars:</i> " + _esc(legend), small), Spacer(1, 6), t, Spacer(1, 6),
             Paragraph(_esc(C.TIE_NOTES[tie]), small), Paragraph(_esc(rng.choice(C.NOTES)), small)]

    def footer(canv, doc):
        canv.setFont("DejaVu", 7)
        canv.drawCentredString(pw / 2, 22, f"- {doc.page} -")

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=40, rightMargin=40, topMargin=40, bottomMargin=40,
                            title=title, invariant=1)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ================================================ F5 leaderboard in two/three side-by-side column blocks

def multi_column_leaderboard(rng, path: Path) -> dict:
    from reportlab.pdfgen import canvas
    unit = rng.choice([1, 5])
    rows = C.make_rows(rng, unit=unit, alias_p=0.3)
    ns = rng.choice(["fixed1", "general"])
    tie = rng.choice(["eq_post", "T-", "plain"])
    title, issuer, lab = C.titles(rng, dash="\u2013")
    order = C.by_rank(rows)
    three = rng.random() < 0.5
    size = landscape(A4) if three else A4
    pw, ph = size
    margin = 36
    nb = 3 if three else 2
    gutter = 24
    bw = (pw - 2 * margin - gutter * (nb - 1)) / nb
    per = -(-len(order) // nb)
    c = canvas.Canvas(str(path), pagesize=size, invariant=1)
    c.setTitle(title)
    y = ph - 50
    c.setFont("Helvetica-Bold", 14)
    for line in simpleSplit(title, "Helvetica-Bold", 14, pw - 2 * margin):
        c.drawString(margin, y, line)
        y -= 17
    c.setFont("Helvetica", 9)
    c.drawString(margin, y, issuer)
    y -= 15
    text = C.intro(rng, len(rows), lab, pillars=False) + " Scores are out of 500 (five pillars of 100 marks)."
    for line in simpleSplit(text, "Helvetica", 9, pw - 2 * margin):
        c.drawString(margin, y, line)
        y -= 11
    y -= 4
    c.setFont("Helvetica-Oblique", 8)
    c.drawString(margin, y, "Read down each column; the ranking continues in the next column.")
    y -= 20
    fs = 9
    lead = 13.5
    avail_h = y - 70
    if per * lead > avail_h:
        lead = max(10.5, avail_h / per)
        fs = min(fs, lead - 3)
    score_head = rng.choice(["Score", "Total", "Marks (500)"])
    for b in range(nb):
        x0 = margin + b * (bw + gutter)
        chunk = order[b * per:(b + 1) * per]
        if not chunk:
            continue
        # rank | city | score within bw
        rx = x0 + 26          # right edge of rank
        sx = x0 + bw - 4      # right edge of score
        cx = x0 + 34
        yy = y
        c.setFont("Helvetica-Bold", fs)
        c.drawRightString(rx, yy, "Rank")
        c.drawString(cx, yy, "City")
        c.drawRightString(sx, yy, score_head)
        c.setLineWidth(0.6)
        c.line(x0, yy - 3.5, x0 + bw, yy - 3.5)
        yy -= lead
        c.setFont("Helvetica", fs)
        for r in chunk:
            c.drawRightString(rx, yy, C.rank_str(r, tie))
            name = r.name
            maxw = sx - cx - stringWidth("000.0", "Helvetica", fs) - 10
            while stringWidth(name, "Helvetica", fs) > maxw:  # should never trigger, names are short
                fs -= 0.25
                c.setFont("Helvetica", fs)
            c.drawString(cx, yy, name)
            c.drawRightString(sx, yy, C.num(r.printed_total, ns))
            yy -= lead
    yb = y - per * lead - 22
    c.setFont("Helvetica", 8.5)
    best, worst = order[0], order[-1]
    avg = C.num(C.average10([r.total for r in rows]), "fixed1")
    lines = [f"Cities ranked: {len(rows)}.  National average score: {avg}.",
             f"Highest score: {C.num(best.printed_total, ns)} ({best.name}).  Lowest score: "
             f"{C.num(worst.printed_total, ns)} ({worst.name}).",
             C.TIE_NOTES[tie]]
    for ln in lines:
        c.drawString(margin, yb, ln)
        yb -= 11
    c.showPage()
    c.save()
    return {"rows": rows, "pillars": False, "total": True, "rank": True}


# ======================================================= F6 transposed: cities as columns, blocks of 7-8

def transposed_blocks(rng, path: Path) -> dict:
    _fonts()
    unit = rng.choice([1, 5, 10])
    rows = C.make_rows(rng, lo=20, hi=32, unit=unit, alias_p=0.0)
    ns = C.pick_num_style(rng, unit)
    tie = rng.choice(["eq_pre", "T-", "star"])
    title, issuer, lab = C.titles(rng, dash="\u2014")
    order = C.by_rank(rows)
    k = rng.choice([7, 8])
    pw, ph = landscape(A4)
    avail = pw - 2 * 34
    label_w = 100
    fs = 8
    hstyle = ParagraphStyle("h", fontName="DejaVuCond-Bold", fontSize=fs, leading=fs + 2, alignment=TA_CENTER)
    sstyle = ParagraphStyle("s", fontName="DejaVuCond", fontSize=fs - 1, leading=fs + 1, alignment=TA_CENTER,
                            textColor=colors.HexColor("#444444"))
    labels = [f"{i + 1}. {p}" for i, p in enumerate(C.PILLARS)] if rng.random() < 0.5 else \
        [f"Pillar {i + 1} \u2013 {p}" for i, p in enumerate(C.PILLARS)]
    ss = ParagraphStyle("t", fontName="DejaVu-Bold", fontSize=14, leading=18)
    sub = ParagraphStyle("s2", fontName="DejaVu", fontSize=9, leading=12)
    small = ParagraphStyle("n", fontName="DejaVu", fontSize=7.5, leading=10)
    story = [Paragraph(_esc(title), ss), Paragraph(_esc(issuer), sub), Spacer(1, 4),
             Paragraph(_esc(C.intro(rng, len(rows), lab)) + " Cities appear as columns, in order of rank.", sub),
             Spacer(1, 10)]
    nblocks = -(-len(order) // k)
    k = -(-len(order) // nblocks)  # balance the blocks
    for b in range(0, len(order), k):
        chunk = order[b:b + k]
        cw = (avail - label_w) / k
        hfs = fs
        while max(stringWidth(r.name, "DejaVuCond-Bold", hfs) for r in chunk) + 13 > cw:
            hfs -= 0.25
        hstyle = ParagraphStyle("h", fontName="DejaVuCond-Bold", fontSize=hfs, leading=fs + 2, alignment=TA_CENTER)
        data = [[Paragraph("", hstyle)] + [Paragraph(_esc(r.name), hstyle) for r in chunk],
                [Paragraph("State / UT", ParagraphStyle("x", parent=sstyle, alignment=TA_LEFT))] +
                [Paragraph(_esc(r.state), sstyle) for r in chunk]]
        for i in range(5):
            data.append([labels[i]] + [C.num(r.p[i], ns) for r in chunk])
        data.append(["Total (out of 500)"] + [C.num(r.printed_total, ns) for r in chunk])
        data.append(["National rank"] + [C.rank_str(r, tie) for r in chunk])
        t = Table(data, colWidths=[label_w] + [cw] * len(chunk), hAlign="LEFT")
        t.setStyle(TableStyle([
            ("FONTNAME", (0, 2), (-1, -1), "DejaVuCond"), ("FONTSIZE", (0, 2), (-1, -1), fs),
            ("FONTNAME", (0, -2), (-1, -1), "DejaVuCond-Bold"),
            ("ALIGN", (1, 2), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black),
            ("LINEABOVE", (0, -2), (-1, -2), 0.5, colors.black),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
            ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#F3F0E6")),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]))
        story += [KeepTogether([t]), Spacer(1, 14)]
    story += [Paragraph(_esc(C.TIE_NOTES[tie]), small), Paragraph(_esc(rng.choice(C.NOTES)), small)]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=34, rightMargin=34, topMargin=34,
                            bottomMargin=34, title=title, invariant=1)
    doc.build(story)
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ========================================================================= fpdf2 helpers

def _fpdf(orientation="P", running=None):
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            if running and self.page_no() > 0:
                self.set_font("DejaVu", "", 7)
                self.set_text_color(110, 110, 110)
                self.set_xy(self.l_margin, 8)
                self.cell(0, 4, running, align="L")
                self.set_text_color(0, 0, 0)
                self.set_xy(self.l_margin, 16)

        def footer(self):
            self.set_y(-12)
            self.set_font("DejaVu", "", 7)
            self.set_text_color(110, 110, 110)
            self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = Doc(orientation=orientation, unit="mm", format="A4")
    pdf.add_font("DejaVu", "", str(C.DEJAVU / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(C.DEJAVU / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(C.DEJAVU / "DejaVuSans-Oblique.ttf"))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 16, 15)
    return pdf


def _fit(pdf, cols, avail, fs, pad=2.6, min_fs=6.0, style=""):
    """cols: list of (header, values); shrink the font until the widest cells fit side by side."""
    while True:
        pdf.set_font("DejaVu", "B", fs)
        hw = [pdf.get_string_width(h) for h, _ in cols]
        pdf.set_font("DejaVu", style, fs)
        vw = [max([pdf.get_string_width(v) for v in vals] or [0]) for _, vals in cols]
        w = [max(a, b) + 2 * pad for a, b in zip(hw, vw)]
        if sum(w) <= avail or fs <= min_fs:
            break
        fs -= 0.25
    spare = (avail - sum(w)) / len(w)
    return [x + max(spare, 0) for x in w], fs


# ====================================================== F2 split over pages, header NOT repeated (+ trap)

def paged_norepeat(rng, path: Path) -> dict:
    unit = rng.choice([5, 5, 10])
    rows = C.make_rows(rng, lo=34, hi=60, unit=unit, alias_p=0.1)
    C.add_trap(rng, rows)
    ns = "general" if unit == 5 else rng.choice(["fixed0", "general"])
    tie = rng.choice(["T-", "T-", "T"])
    title, issuer, lab = C.titles(rng, dash="\u2013")
    order = C.by_rank(rows)
    running = f"DMAF {lab.replace('DMAF ', '')} \u2013 national results" if "DMAF" in lab else \
        f"DMAF {lab} \u2013 national results"
    pdf = _fpdf("P", running=running)
    pdf.alias_nb_pages()
    pdf.add_page()
    heads = ["Rank", "City", "State", "P1", "P2", "P3", "P4", "P5", rng.choice(["Score", "Total", "Overall"])]
    vals = [[C.rank_str(r, tie) for r in order], [r.name for r in order], [r.state for r in order]]
    vals += [[C.num(r.p[i], ns) for r in order] for i in range(5)]
    vals += [[C.num(r.printed_total, ns) for r in order]]
    widths, fs = _fit(pdf, list(zip(heads, vals)), 180, 8.5)
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(180, 6.2, title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8.5)
    pdf.multi_cell(180, 4.6, issuer, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.multi_cell(180, 4.6, C.intro(rng, len(rows), lab), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font("DejaVu", "I", 8)
    pdf.multi_cell(180, 4.2, "P1 Policy \u00b7 P2 People \u00b7 P3 Process \u00b7 P4 Technology \u00b7 P5 Outcomes "
                              "(100 marks each); " + heads[-1] + " out of 500.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    h = rng.choice([6.0, 6.5, 7.5, 8.0])
    aligns = ["C", "L", "L"] + ["R"] * 6

    def draw_row(cells, bold=False):
        pdf.set_font("DejaVu", "B" if bold else "", fs)
        x = pdf.l_margin
        y = pdf.get_y()
        for w, v, a in zip(widths, cells, aligns):
            pdf.set_xy(x, y)
            pdf.cell(w, h, v, align=a)
            x += w
        pdf.set_draw_color(185, 185, 185)
        pdf.set_line_width(0.15 if not bold else 0.4)
        pdf.line(pdf.l_margin, y + h, pdf.l_margin + sum(widths), y + h)
        pdf.set_xy(pdf.l_margin, y + h)

    draw_row(heads, bold=True)
    bottom = 297 - 20
    for i in range(len(order)):
        if pdf.get_y() + h > bottom:
            pdf.add_page()  # the column header is deliberately NOT repeated
            pdf.set_y(18)
        draw_row([v[i] for v in vals])
    if pdf.get_y() > 297 - 45:
        pdf.add_page()
        pdf.set_y(20)
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 7.5)
    for note in [C.TIE_NOTES[tie], f"Total cities: {len(rows)}", rng.choice(C.NOTES)]:
        pdf.multi_cell(180, 4, note, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return {"rows": rows, "pillars": True, "total": True, "rank": True}


# ======================================= F4 grouped by state: state heading rows, '/100' scores, state averages

def state_grouped(rng, path: Path) -> dict:
    unit = rng.choice([1, 5])
    rows = C.make_rows(rng, unit=unit, alias_p=0.2)
    ns = "fixed1"
    title, issuer, lab = C.titles(rng, dash="\u2013")
    slash_total = rng.random() < 0.5
    pdf = _fpdf("P", running=None)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_y(16)
    states = sorted({r.state for r in rows})
    grouped = {s: sorted([r for r in rows if r.state == s], key=lambda r: (r.rank, r.name)) for s in states}
    heads = ["City"] + C.PILLARS + ["Total", "National rank"]
    allr = [r for s in states for r in grouped[s]]
    vals = [[r.name for r in allr] + ["State average"]]
    vals += [[f"{C.num(r.p[i], ns)}/100" for r in allr] for i in range(5)]
    vals += [[C.num(r.printed_total, ns) + ("/500" if slash_total else "") for r in allr]]
    vals += [[str(r.rank) for r in allr]]
    widths, fs = _fit(pdf, list(zip(heads, vals)), 180, 8.5, pad=2.0)
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(180, 6.2, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8.5)
    pdf.multi_cell(180, 4.6, issuer, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.multi_cell(180, 4.6, C.intro(rng, len(rows), lab) + " Cities are grouped by State/UT; the rank shown "
                                                             "is the all-India rank.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    h = 5.8
    aligns = ["L"] + ["R"] * 7

    def head_row():
        pdf.set_fill_color(40, 70, 110)
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DejaVu", "B", fs)
        x, y = pdf.l_margin, pdf.get_y()
        for w, v, a in zip(widths, heads, aligns):
            pdf.set_xy(x, y)
            pdf.cell(w, h + 1, v, align="C" if a == "R" else "L", fill=True)
            x += w
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(pdf.l_margin, y + h + 1)

    def row(cells, style=""):
        pdf.set_font("DejaVu", style, fs)
        x, y = pdf.l_margin, pdf.get_y()
        for w, v, a in zip(widths, cells, aligns):
            pdf.set_xy(x, y)
            pdf.cell(w, h, v, align=a)
            x += w
        pdf.set_xy(pdf.l_margin, y + h)

    bottom = 297 - 20
    head_row()
    with_avg = rng.random() < 0.7
    for s in states:
        need = h * (2 + (1 if with_avg else 0))
        if pdf.get_y() + need > bottom:
            pdf.add_page()
            pdf.set_y(16)
            head_row()
        pdf.set_fill_color(228, 232, 238)
        pdf.set_font("DejaVu", "B", fs)
        k = len(grouped[s])
        label = f"{s.upper() if rng.random() < 0.5 else s}  ({k} {'city' if k == 1 else 'cities'})"
        pdf.cell(sum(widths), h, label, fill=True, new_x="LMARGIN", new_y="NEXT")
        for r in grouped[s]:
            if pdf.get_y() + h > bottom:
                pdf.add_page()
                pdf.set_y(16)
                head_row()
            row([r.name] + [f"{C.num(v, ns)}/100" for v in r.p] +
                [C.num(r.printed_total, ns) + ("/500" if slash_total else ""), str(r.rank)])
        if with_avg and k > 1:
            if pdf.get_y() + h > bottom:
                pdf.add_page()
                pdf.set_y(16)
                head_row()
            g = grouped[s]
            row(["State average"] + [C.num(C.average10([r.p[i] for r in g]), "fixed1") for i in range(5)] +
                [C.num(C.average10([r.total for r in g]), "fixed1"), ""], style="I")
        pdf.set_draw_color(160, 160, 160)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + sum(widths), pdf.get_y())
    if pdf.get_y() > bottom - 25:
        pdf.add_page()
        pdf.set_y(18)
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 7.5)
    for note in ["Equal totals share the same national rank.",
                 f"{len(rows)} cities in {len(states)} States/UTs were assessed.", rng.choice(C.NOTES)]:
        pdf.multi_cell(180, 4, note, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return {"rows": rows, "pillars": True, "total": True, "rank": True}
