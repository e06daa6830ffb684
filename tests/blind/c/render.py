"""Generic block-model renderers for blind3: PDF (reportlab), DOCX (python-docx), TXT.

A document is a dict:
  blocks: list of blocks
     ("title", text)              big title line
     ("h", level, text)           heading 1..3
     ("p", text[, opts])          paragraph; opts: bold, italic, size, align ('c','r','j'), indent
     ("ul", [items][, bullet])    bullet list
     ("ol", [items])              numbered list
     ("table", rows, opts)        rows: list of lists of cells (str or {"table": rows, "opts": {}})
                                  opts: header (n rows), spans [(c0,r0,c1,r1)], widths (relative),
                                        size, align_right_cols, zebra, grid (bool), bold_rows
     ("sp", points)               vertical space
     ("pb",)                      page break
     ("small", text)              footnote-size paragraph
     ("mono", text)               preformatted monospace block
     ("textbox", [lines])         docx: a floating text box; pdf: framed box; txt: framed lines
  landscape, pagesize ('A4'|'A3'), font ('sans'|'serif'|'liberation'|'libserif'|'narrow'), base_size,
  header_left, header_right, footer (may contain {page}), margins (mm)
"""
import os
import re
import textwrap
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
DEVA = re.compile(r"[\u0900-\u097F][\u0900-\u097F\u200c\u200d ]*[\u0900-\u097F]|[\u0900-\u097F]")

# ============================================================ PDF
_FONTS_DONE = False
FONTSETS = {
    "sans": ("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
    "liberation": ("LibSans", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    "libserif": ("LibSerif", "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"),
    "narrow": ("LibNarrow", "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf"),
    "mono": ("DejaVuMono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"),
}
DOCX_FONTS = {"sans": "Arial", "serif": "Cambria", "liberation": "Calibri", "libserif": "Times New Roman", "narrow": "Arial Narrow", "mono": "Courier New"}


def _reg_fonts():
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.fonts import addMapping
    for key, (name, reg, bold) in FONTSETS.items():
        if not os.path.exists(bold):
            bold = reg
        pdfmetrics.registerFont(TTFont(name, reg))
        pdfmetrics.registerFont(TTFont(name + "-Bold", bold))
        addMapping(name, 0, 0, name)
        addMapping(name, 1, 0, name + "-Bold")
        addMapping(name, 0, 1, name)
        addMapping(name, 1, 1, name + "-Bold")
    pdfmetrics.registerFont(TTFont("Lohit", os.path.join(HERE, "Lohit-Devanagari.ttf")))
    addMapping("Lohit", 0, 0, "Lohit")
    addMapping("Lohit", 1, 0, "Lohit")
    addMapping("Lohit", 0, 1, "Lohit")
    addMapping("Lohit", 1, 1, "Lohit")
    _FONTS_DONE = True


def _mk(text):
    """escape and wrap Devanagari runs in Lohit font tags"""
    t = escape(str(text))
    t = DEVA.sub(lambda m: f'<font name="Lohit">{m.group(0)}</font>', t)
    return t.replace("\n", "<br/>")


def render_pdf(doc, path):
    _reg_fonts()
    from reportlab.lib.pagesizes import A4, A3, landscape
    from reportlab.lib.units import mm
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT, TA_JUSTIFY, TA_LEFT
    from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak,
                                    ListFlowable, ListItem, Preformatted, KeepTogether)
    fam = FONTSETS[doc.get("font", "sans")][0]
    base = doc.get("base_size", 10)
    ps = {"A4": A4, "A3": A3}[doc.get("pagesize", "A4")]
    if doc.get("landscape"):
        ps = landscape(ps)
    mg = doc.get("margins", 18) * mm
    accent = colors.HexColor(doc.get("accent", "#1f3b70"))
    st = {
        "p": ParagraphStyle("p", fontName=fam, fontSize=base, leading=base * 1.35, spaceAfter=base * 0.5),
        "title": ParagraphStyle("t", fontName=fam + "-Bold", fontSize=base * 1.9, leading=base * 2.3, alignment=TA_CENTER, spaceAfter=base, textColor=accent),
        "h1": ParagraphStyle("h1", fontName=fam + "-Bold", fontSize=base * 1.45, leading=base * 1.8, spaceBefore=base * 0.8, spaceAfter=base * 0.4, textColor=accent),
        "h2": ParagraphStyle("h2", fontName=fam + "-Bold", fontSize=base * 1.2, leading=base * 1.5, spaceBefore=base * 0.6, spaceAfter=base * 0.3),
        "h3": ParagraphStyle("h3", fontName=fam + "-Bold", fontSize=base * 1.05, leading=base * 1.3, spaceBefore=base * 0.4, spaceAfter=base * 0.2),
        "small": ParagraphStyle("s", fontName=fam, fontSize=base * 0.78, leading=base * 0.98, textColor=colors.HexColor("#333333")),
    }
    aligns = {"c": TA_CENTER, "r": TA_RIGHT, "j": TA_JUSTIFY, "l": TA_LEFT}
    avail_w = ps[0] - 2 * mg

    def cellpara(txt, size, bold=False, align="l"):
        s = ParagraphStyle("c", fontName=fam + ("-Bold" if bold else ""), fontSize=size, leading=size * 1.2, alignment=aligns[align])
        return Paragraph(_mk(txt), s)

    def mktable(rows, opts, width):
        size = opts.get("size", base * 0.9)
        nh = opts.get("header", 1)
        ncol = max(len(r) for r in rows)
        wr = opts.get("widths") or [1] * ncol
        tot = float(sum(wr))
        cw = [width * w / tot for w in wr]
        rcols = set(opts.get("align_right_cols", []))
        ccols = set(opts.get("align_center_cols", []))
        bold_rows = set(opts.get("bold_rows", []))
        data = []
        for ri, r in enumerate(rows):
            row = []
            for ci in range(ncol):
                c = r[ci] if ci < len(r) else ""
                if isinstance(c, dict):
                    row.append(mktable(c["table"], c.get("opts", {}), cw[ci] - 8))
                else:
                    al = "r" if ci in rcols and ri >= nh else ("c" if ci in ccols or (ri < nh and opts.get("center_header")) else "l")
                    row.append(cellpara(c, size, bold=(ri < nh or ri in bold_rows), align=al))
            data.append(row)
        t = Table(data, colWidths=cw, repeatRows=nh if opts.get("repeat", True) else 0)
        cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
        if opts.get("grid", True):
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(opts.get("gridcolor", "#777777"))))
        else:
            cmds.append(("LINEBELOW", (0, nh - 1 if nh else 0), (-1, nh - 1 if nh else 0), 0.8, colors.black))
            cmds.append(("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black))
        if nh and opts.get("shade_header", True):
            cmds.append(("BACKGROUND", (0, 0), (-1, nh - 1), colors.HexColor(opts.get("headbg", "#dde4f0"))))
        if opts.get("zebra"):
            for ri in range(nh, len(rows)):
                if (ri - nh) % 2:
                    cmds.append(("BACKGROUND", (0, ri), (-1, ri), colors.HexColor("#f3f3f3")))
        for (c0, r0, c1, r1) in opts.get("spans", []):
            cmds.append(("SPAN", (c0, r0), (c1, r1)))
        t.setStyle(TableStyle(cmds))
        return t

    story = []
    for b in doc["blocks"]:
        k = b[0]
        if k == "title":
            story.append(Paragraph(_mk(b[1]), st["title"]))
        elif k == "h":
            story.append(Paragraph(_mk(b[2]), st["h%d" % b[1]]))
        elif k in ("p", "small"):
            o = b[2] if len(b) > 2 else {}
            s = st[k]
            if o:
                s = ParagraphStyle("x", parent=s, fontName=fam + ("-Bold" if o.get("bold") else ""),
                                   fontSize=o.get("size", s.fontSize), leading=o.get("size", s.fontSize) * 1.3,
                                   alignment=aligns[o.get("align", "l")], leftIndent=o.get("indent", 0))
            txt = _mk(b[1])
            if o.get("italic"):
                txt = "<i>" + txt + "</i>"
            story.append(Paragraph(txt, s))
        elif k in ("ul", "ol"):
            items = [ListItem(Paragraph(_mk(x), st["p"]), leftIndent=14) for x in b[1]]
            if k == "ul":
                story.append(ListFlowable(items, bulletType="bullet", start=(b[2] if len(b) > 2 else "•"), leftIndent=14, bulletFontName=fam))
            else:
                story.append(ListFlowable(items, bulletType="1", leftIndent=14, bulletFontName=fam))
        elif k == "table":
            story.append(mktable(b[1], b[2], avail_w * b[2].get("frac", 1.0)))
            story.append(Spacer(1, base * 0.6))
        elif k == "sp":
            story.append(Spacer(1, b[1]))
        elif k == "pb":
            story.append(PageBreak())
        elif k == "mono":
            size = b[2] if len(b) > 2 else 8
            story.append(Preformatted(b[1], ParagraphStyle("m", fontName="DejaVuMono", fontSize=size, leading=size * 1.2)))
        elif k == "textbox":
            inner = [[Paragraph(_mk(x), st["p"])] for x in b[1]]
            t = Table(inner, colWidths=[avail_w * 0.6])
            t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, accent), ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f4f6fa"))]))
            story.append(t)
            story.append(Spacer(1, base))

    hl, hr, ft = doc.get("header_left"), doc.get("header_right"), doc.get("footer")

    def onpage(c, d):
        c.saveState()
        c.setFont(fam, base * 0.75)
        if hl:
            c.drawString(mg, ps[1] - mg * 0.6, hl)
        if hr:
            c.drawRightString(ps[0] - mg, ps[1] - mg * 0.6, hr)
        if hl or hr:
            c.setLineWidth(0.4)
            c.line(mg, ps[1] - mg * 0.7, ps[0] - mg, ps[1] - mg * 0.7)
        if ft:
            txt = ft.format(page=d.page)
            pos = doc.get("footer_pos", "c")
            if pos == "c":
                c.drawCentredString(ps[0] / 2, mg * 0.5, txt)
            elif pos == "r":
                c.drawRightString(ps[0] - mg, mg * 0.5, txt)
            else:
                c.drawString(mg, mg * 0.5, txt)
        c.restoreState()

    sd = SimpleDocTemplate(path, pagesize=ps, leftMargin=mg, rightMargin=mg, topMargin=mg, bottomMargin=mg,
                           title=doc.get("meta_title", ""), author=doc.get("meta_author", ""))
    sd.build(story, onFirstPage=onpage, onLaterPages=onpage)


# ============================================================ DOCX
def _add_page_field(par):
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    run = par.add_run()
    for kind, txt in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = txt
        run._r.append(el)


def _textbox(par, lines, font):
    """Insert a VML text box (legacy shape) holding `lines` into paragraph `par`."""
    from docx.oxml import parse_xml
    paras = "".join(
        '<w:p><w:r><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (font, font, escape(x))
        for x in lines)
    xml = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
           '<w:pict><v:shape id="tb1" type="#_x0000_t202" style="width:300pt;height:%dpt" strokecolor="#1f3b70" strokeweight="1.25pt" fillcolor="#f4f6fa">'
           '<v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict></w:r>') % (24 + 18 * len(lines), paras)
    par._p.append(parse_xml(xml))


def render_docx(doc, path):
    import docx
    from docx.shared import Pt, Mm, RGBColor
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    d = docx.Document()
    font = DOCX_FONTS[doc.get("font", "sans")]
    base = doc.get("base_size", 10.5)
    stn = d.styles["Normal"]
    stn.font.name = font
    stn.font.size = Pt(base)
    stn.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    for hn in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        d.styles[hn].font.name = font
    sec = d.sections[0]
    if doc.get("pagesize", "A4") == "A4":
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    else:
        sec.page_width, sec.page_height = Mm(297), Mm(420)
    if doc.get("landscape"):
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    m = Mm(doc.get("margins", 20))
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = m
    hl, hr, ft = doc.get("header_left"), doc.get("header_right"), doc.get("footer")
    if hl or hr:
        hp = sec.header.paragraphs[0]
        hp.text = (hl or "") + ("\t\t" + hr if hr else "")
        for r in hp.runs:
            r.font.size = Pt(8.5)
    for extra in doc.get("header_extra", []):
        p = sec.header.add_paragraph(extra)
        for r in p.runs:
            r.font.size = Pt(8.5)
    if ft:
        fp = sec.footer.paragraphs[0]
        fp.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT, "l": WD_ALIGN_PARAGRAPH.LEFT}[doc.get("footer_pos", "c")]
        pre, _, post = ft.partition("{page}")
        if pre:
            fp.add_run(pre)
        if "{page}" in ft:
            _add_page_field(fp)
        if post:
            fp.add_run(post)

    def fill_table(t, rows, opts):
        nh = opts.get("header", 1)
        ncol = len(t.columns)
        rcols = set(opts.get("align_right_cols", []))
        size = opts.get("size", base * 0.9)
        bold_rows = set(opts.get("bold_rows", []))
        for ri, r in enumerate(rows):
            for ci in range(ncol):
                c = r[ci] if ci < len(r) else ""
                cell = t.cell(ri, ci)
                if isinstance(c, dict):
                    cell.paragraphs[0].text = c.get("caption", "")
                    sub = cell.add_table(rows=len(c["table"]), cols=max(len(x) for x in c["table"]))
                    sub.style = "Table Grid"
                    fill_table(sub, c["table"], c.get("opts", {}))
                    continue
                lines = str(c).split("\n")
                p = cell.paragraphs[0]
                for li, ln in enumerate(lines):
                    if li:
                        p = cell.add_paragraph()
                    run = p.add_run(ln)
                    run.font.size = Pt(size)
                    if ri < nh or ri in bold_rows:
                        run.bold = True
                    if ci in rcols and ri >= nh:
                        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    for b in doc["blocks"]:
        k = b[0]
        if k == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for i, ln in enumerate(b[1].split("\n")):
                if i:
                    p.add_run().add_break()
                r = p.add_run(ln)
                r.bold = True
                r.font.size = Pt(base * 1.8)
                r.font.color.rgb = RGBColor(0x1F, 0x3B, 0x70)
        elif k == "h":
            d.add_heading(b[2], level=b[1])
        elif k in ("p", "small"):
            o = b[2] if len(b) > 2 else {}
            p = d.add_paragraph()
            for i, ln in enumerate(b[1].split("\n")):
                if i:
                    p.add_run().add_break()
                r = p.add_run(ln)
                r.bold = o.get("bold", False)
                r.italic = o.get("italic", False)
                if k == "small":
                    r.font.size = Pt(base * 0.8)
                elif "size" in o:
                    r.font.size = Pt(o["size"])
            if o.get("align"):
                p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT, "j": WD_ALIGN_PARAGRAPH.JUSTIFY, "l": WD_ALIGN_PARAGRAPH.LEFT}[o["align"]]
        elif k == "ul":
            for x in b[1]:
                d.add_paragraph(x, style="List Bullet")
        elif k == "ol":
            for x in b[1]:
                d.add_paragraph(x, style="List Number")
        elif k == "table":
            rows, opts = b[1], b[2]
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid" if opts.get("grid", True) else "Light List"
            for (c0, r0, c1, r1) in opts.get("spans", []):
                # blank merged-away cells first
                t.cell(r0, c0).merge(t.cell(r1, c1))
            # fill: spans keep the first cell's text
            spanned = set()
            for (c0, r0, c1, r1) in opts.get("spans", []):
                for rr in range(r0, r1 + 1):
                    for cc in range(c0, c1 + 1):
                        if (rr, cc) != (r0, c0):
                            spanned.add((rr, cc))
            rows2 = [[("" if (ri, ci) in spanned else (r[ci] if ci < len(r) else "")) for ci in range(ncol)] for ri, r in enumerate(rows)]
            fill_table_spans(t, rows2, opts, fill_table, spanned)
            d.add_paragraph()
        elif k == "sp":
            d.add_paragraph()
        elif k == "pb":
            d.add_page_break()
        elif k == "mono":
            p = d.add_paragraph()
            r = p.add_run(b[1])
            r.font.name = "Courier New"
            r.font.size = Pt(7.5)
        elif k == "textbox":
            p = d.add_paragraph()
            _textbox(p, b[1], font)
    cp = d.core_properties
    cp.title = doc.get("meta_title", "")
    cp.author = doc.get("meta_author", "")
    d.save(path)


def fill_table_spans(t, rows, opts, fill_table, spanned):
    if not spanned:
        fill_table(t, rows, opts)
        return
    # write only non-spanned cells (a merged cell would otherwise get text appended several times)
    from docx.shared import Pt
    nh = opts.get("header", 1)
    size = opts.get("size", 9)
    for ri, r in enumerate(rows):
        for ci, c in enumerate(r):
            if (ri, ci) in spanned:
                continue
            cell = t.cell(ri, ci)
            run = cell.paragraphs[0].add_run(str(c))
            run.font.size = Pt(size)
            if ri < nh:
                run.bold = True


# ============================================================ TXT helpers
def wrap_cell(s, w):
    out = []
    for part in str(s).split("\n"):
        out += textwrap.wrap(part, w, break_long_words=True) or [""]
    return out


def grid_table(rows, widths, style="ascii", header=1, right=()):
    """Wrapped-cell grid table. style: ascii (+-|), box (unicode), rst (rst grid), pipe (markdown, no wrap)."""
    if style == "pipe":
        out = []
        for ri, r in enumerate(rows):
            out.append("| " + " | ".join(str(c).replace("\n", " ") for c in r) + " |")
            if ri == header - 1:
                out.append("|" + "|".join(("-" * (len(str(c)) + 1) + ":") if i in right else ("-" * (len(str(c)) + 2)) for i, c in enumerate(r)) + "|")
        return "\n".join(out)
    if style == "box":
        H, V, TL, TM, TR, ML, MM, MR, BL, BM, BR = "─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"
        HH = "═"
    else:
        H, V, TL, TM, TR, ML, MM, MR, BL, BM, BR = "-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+"
        HH = "=" if style == "rst" else "-"

    def sep(l, m, r, h):
        return l + m.join(h * (w + 2) for w in widths) + r

    out = [sep(TL, TM, TR, H)]
    for ri, r in enumerate(rows):
        cells = [wrap_cell(c, widths[i]) for i, c in enumerate(r)]
        n = max(len(c) for c in cells)
        for li in range(n):
            parts = []
            for i, c in enumerate(cells):
                t = c[li] if li < len(c) else ""
                parts.append(" " + (t.rjust(widths[i]) if (i in right and ri >= header) else t.ljust(widths[i])) + " ")
            out.append(V + V.join(parts) + V)
        if ri == header - 1:
            out.append(sep(ML, MM, MR, HH))
        elif ri < len(rows) - 1:
            out.append(sep(ML, MM, MR, H))
    out.append(sep(BL, BM, BR, H))
    return "\n".join(out)


def render_txt_blocks(doc, tstyle="ascii", hstyle="caps", width=92):
    """Plain-text rendering of a block document."""
    out = []
    hn = [0, 0, 0]
    for b in doc["blocks"]:
        k = b[0]
        if k == "title":
            for ln in b[1].split("\n"):
                out.append(ln.center(width).rstrip())
            out.append("")
        elif k == "h":
            t = b[2]
            if hstyle == "caps":
                out += ["", t.upper(), ""] if b[1] == 1 else ["", t, ""]
            elif hstyle == "md":
                out += ["", "#" * (b[1] + 1) + " " + t, ""]
            elif hstyle == "under":
                out += ["", t, ("=" if b[1] == 1 else "-") * len(t), ""]
        elif k in ("p", "small"):
            txt = b[1]
            for para in txt.split("\n"):
                out += textwrap.wrap(para, width) or [""]
            out.append("")
        elif k == "ul":
            bullet = b[2] if len(b) > 2 else "*"
            for x in b[1]:
                w = textwrap.wrap(x, width - 4)
                out.append(f"  {bullet} " + w[0])
                out += ["    " + y for y in w[1:]]
            out.append("")
        elif k == "ol":
            for n, x in enumerate(b[1], 1):
                w = textwrap.wrap(x, width - 5)
                out.append(f"  {n}. " + w[0])
                out += ["     " + y for y in w[1:]]
            out.append("")
        elif k == "table":
            rows, opts = b[1], b[2]
            flat = []
            for r in rows:
                rr = []
                for c in r:
                    if isinstance(c, dict):
                        rr.append("; ".join(" ".join(str(x) for x in sr) for sr in c["table"][1:]))
                    else:
                        rr.append(c)
                flat.append(rr)
            ncol = max(len(r) for r in flat)
            flat = [r + [""] * (ncol - len(r)) for r in flat]
            wr = opts.get("txt_widths")
            if not wr:
                rel = opts.get("widths") or [1] * ncol
                avail = width - 3 * ncol - 1
                wr = [max(4, int(avail * w / float(sum(rel)))) for w in rel]
            out.append(grid_table(flat, wr, style=tstyle, header=opts.get("header", 1), right=opts.get("align_right_cols", ())))
            out.append("")
        elif k == "sp":
            out.append("")
        elif k == "pb":
            out += ["", "\f"] if doc.get("formfeed") else ["", "-" * width, ""]
        elif k == "mono":
            out += [b[1], ""]
        elif k == "textbox":
            w = max(len(x) for x in b[1]) + 4
            out.append("+" + "-" * w + "+")
            for x in b[1]:
                out.append("|  " + x.ljust(w - 2) + "|")
            out.append("+" + "-" * w + "+")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
