"""Small block-document renderers for blind4 (reportlab PDF, python-docx DOCX).

A doc is a dict: {"blocks": [...], "font": key, "base": pt, "landscape": bool, "header": str, "footer": str,
                  "accent": "#RRGGBB"}
Blocks: ("title", text) ("h1", text) ("h2", text) ("p", text) ("small", text) ("mono", text) ("sp", pts) ("pb",)
        ("table", rows, {"widths": [fractions], "head": n_header_rows, "spans": [(col, r0, r1)], "size": pt,
                         "align_right": [cols], "shade_cells": [(c, r)]})
"""
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

FONTS = {
    "sans": ("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans"),
    "serif": ("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "DejaVu Serif"),
    "lib": ("LibSans", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", "Liberation Sans"),
    "libserif": ("LibSerif", "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf", "Liberation Serif"),
    "narrow": ("LibNarrow", "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf", "Liberation Sans Narrow"),
    "condensed": ("DejaVuCond", "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf", "DejaVu Sans Condensed"),
    "mono": ("DejaVuMono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", "DejaVu Sans Mono"),
}
_REG = False


def reg_fonts():
    global _REG
    if _REG:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.fonts import addMapping
    for key, (name, reg, bold, _) in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, reg))
        pdfmetrics.registerFont(TTFont(name + "-Bold", bold))
        addMapping(name, 0, 0, name)
        addMapping(name, 1, 0, name + "-Bold")
        addMapping(name, 0, 1, name)
        addMapping(name, 1, 1, name + "-Bold")
    _REG = True


def esc(t):
    return escape(str(t)).replace("\n", "<br/>")


def render_pdf(doc, path):
    reg_fonts()
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    fam = FONTS[doc.get("font", "sans")][0]
    base = doc.get("base", 9.5)
    accent = colors.HexColor(doc.get("accent", "#1F3A5F"))
    ps = landscape(A4) if doc.get("landscape") else A4
    st = {
        "p": ParagraphStyle("p", fontName=fam, fontSize=base, leading=base * 1.35, spaceAfter=base * 0.5),
        "small": ParagraphStyle("s", fontName=fam, fontSize=base * 0.82, leading=base * 1.1, spaceAfter=base * 0.4),
        "mono": ParagraphStyle("m", fontName="DejaVuMono", fontSize=base * 0.85, leading=base * 1.15),
        "title": ParagraphStyle("t", fontName=fam + "-Bold", fontSize=base * 1.8, leading=base * 2.2, alignment=TA_CENTER, spaceAfter=base * 0.8, textColor=accent),
        "h1": ParagraphStyle("h1", fontName=fam + "-Bold", fontSize=base * 1.35, leading=base * 1.7, spaceBefore=base * 0.8, spaceAfter=base * 0.4, textColor=accent),
        "h2": ParagraphStyle("h2", fontName=fam + "-Bold", fontSize=base * 1.1, leading=base * 1.4, spaceBefore=base * 0.5, spaceAfter=base * 0.25),
    }
    cell = ParagraphStyle("c", fontName=fam, fontSize=base * 0.9, leading=base * 1.12)
    cellb = ParagraphStyle("cb", parent=cell, fontName=fam + "-Bold")
    margin = 42
    width = ps[0] - 2 * margin
    story = []
    for b in doc["blocks"]:
        k = b[0]
        if k in st:
            story.append(Paragraph(esc(b[1]) if k != "mono" else esc(b[1]).replace(" ", "&nbsp;"), st[k]))
        elif k == "sp":
            story.append(Spacer(1, b[1]))
        elif k == "pb":
            story.append(PageBreak())
        elif k == "table":
            rows, o = b[1], b[2]
            nh = o.get("head", 1)
            size = o.get("size")
            cs = ParagraphStyle("cx", parent=cell, fontSize=size, leading=size * 1.2) if size else cell
            csb = ParagraphStyle("cxb", parent=cs, fontName=fam + "-Bold")
            data = [[Paragraph(esc(c), csb if r < nh else cs) for c in row] for r, row in enumerate(rows)]
            ws = o.get("widths")
            cw = [width * w for w in ws] if ws else None
            t = Table(data, colWidths=cw, repeatRows=nh)
            sty = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                   ("BACKGROUND", (0, 0), (-1, nh - 1), colors.HexColor(o.get("headbg", "#DDE4EE")))]
            for c, r0, r1 in o.get("spans", []):
                sty.append(("SPAN", (c, r0), (c, r1)))
                sty.append(("VALIGN", (c, r0), (c, r1), "MIDDLE"))
            for c, r in o.get("shade_cells", []):
                sty.append(("BACKGROUND", (c, r), (c, r), colors.HexColor("#7FA7D9")))
            t.setStyle(TableStyle(sty))
            story.append(t)
            story.append(Spacer(1, base * 0.7))
    header, footer = doc.get("header"), doc.get("footer")

    def deco(canv, d):
        canv.saveState()
        canv.setFont(fam, base * 0.75)
        if header:
            canv.drawString(margin, ps[1] - 26, header)
            canv.line(margin, ps[1] - 30, ps[0] - margin, ps[1] - 30)
        ft = (footer or "Page {n}").replace("{n}", str(d.page))
        canv.drawRightString(ps[0] - margin, 22, ft)
        canv.restoreState()
    sd = SimpleDocTemplate(path, pagesize=ps, leftMargin=margin, rightMargin=margin, topMargin=margin + 6, bottomMargin=margin,
                           title=doc.get("meta_title", ""), author=doc.get("author", ""))
    sd.build(story, onFirstPage=deco, onLaterPages=deco)


# ------------------------------------------------------------------ DOCX
def docx_base(doc):
    import docx
    from docx.shared import Pt
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    d = docx.Document()
    fontname = FONTS[doc.get("font", "sans")][3] if doc.get("font") in FONTS else doc.get("font", "Calibri")
    for sn in ("Normal", "Title", "Heading 1", "Heading 2"):
        try:
            stl = d.styles[sn]
            stl.font.name = fontname
            rpr = stl.element.get_or_add_rPr()
            rf = rpr.find(qn("w:rFonts"))
            if rf is not None:
                rf.set(qn("w:cs"), fontname)
        except KeyError:
            pass
    d.styles["Normal"].font.size = Pt(doc.get("base", 10))
    sec = d.sections[0]
    if doc.get("landscape"):
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    if doc.get("header"):
        sec.header.paragraphs[0].text = doc["header"]
    if doc.get("footer"):
        sec.footer.paragraphs[0].text = doc["footer"].replace("{n}", "").strip(" -|")
    return d


def shade(cell, hexcol):
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcol)
    tcPr.append(shd)


def docx_table(d, rows, o):
    from docx.shared import Pt, Emu
    nh = o.get("head", 1)
    ncol = max(len(r) for r in rows)
    t = d.add_table(rows=len(rows), cols=ncol)
    t.style = o.get("style", "Table Grid")
    sec = d.sections[-1]
    avail = sec.page_width - sec.left_margin - sec.right_margin
    ws = o.get("widths")
    skip = set()
    for c, r0, r1 in o.get("spans", []):
        top = t.cell(r0, c)
        top.merge(t.cell(r1, c))
        for r in range(r0 + 1, r1 + 1):
            skip.add((r, c))
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            if (r, c) in skip:
                continue
            cell = t.cell(r, c)
            cell.text = ""
            p = cell.paragraphs[0]
            run = p.add_run(str(val))
            if o.get("size"):
                run.font.size = Pt(o["size"])
            if r < nh:
                run.bold = True
                shade(cell, o.get("headbg", "DDE4EE").lstrip("#"))
    for c, r in o.get("shade_cells", []):
        shade(t.cell(r, c), "7FA7D9")
    if ws:
        t.autofit = False
        for c in range(ncol):
            t.columns[c].width = Emu(int(avail * ws[c]))
        for r in range(len(rows)):
            for c in range(ncol):
                t.cell(r, c).width = Emu(int(avail * ws[c]))
    return t


def render_docx(doc, path, post=None):
    from docx.shared import Pt
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.enum.text import WD_BREAK
    d = docx_base(doc)
    for b in doc["blocks"]:
        k = b[0]
        if k == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(b[1])
            r.bold = True
            r.font.size = Pt(doc.get("base", 10) * 1.7)
        elif k == "h1":
            d.add_heading(b[1], level=1)
        elif k == "h2":
            d.add_heading(b[1], level=2)
        elif k == "p":
            d.add_paragraph(b[1])
        elif k == "small":
            p = d.add_paragraph()
            r = p.add_run(b[1])
            r.font.size = Pt(doc.get("base", 10) * 0.8)
        elif k == "mono":
            p = d.add_paragraph()
            r = p.add_run(b[1])
            r.font.name = "Courier New"
        elif k == "sp":
            d.add_paragraph("")
        elif k == "pb":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif k == "table":
            docx_table(d, b[1], b[2])
            d.add_paragraph("")
        elif k == "fn":  # paragraph with footnotes: ("fn", [(text, footnote_text_or_None), ...], style)
            import footnotes
            footnotes.add_para_with_footnotes(d, b[1], b[2] if len(b) > 2 else None)
    if post:
        post(d)
    d.save(path)


# ------------------------------------------------------------------ TXT
def txt_table(rows, head=1, sep=" | ", border=True):
    ncol = max(len(r) for r in rows)
    rows = [list(r) + [""] * (ncol - len(r)) for r in rows]
    w = [max(len(str(r[c])) for r in rows) for c in range(ncol)]
    out = []
    line = "-+-".join("-" * x for x in w)
    for i, r in enumerate(rows):
        out.append(sep.join(str(v).ljust(w[c]) for c, v in enumerate(r)).rstrip())
        if border and i == head - 1:
            out.append(line)
    return "\n".join(out)
