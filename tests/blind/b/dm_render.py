"""Generic block renderers (PDF via reportlab, DOCX via python-docx, TXT) with per-document style."""
import os
import re
import textwrap

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, letter, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle,
                                PageBreak, KeepTogether, CondPageBreak, NextPageTemplate)

HERE = os.path.dirname(os.path.abspath(__file__))
rl_config.invariant = 1

FONT_FILES = {
    "LSans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
              "liberation/LiberationSans-Italic.ttf", "liberation/LiberationSans-BoldItalic.ttf"),
    "LSerif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf",
               "liberation/LiberationSerif-Italic.ttf", "liberation/LiberationSerif-BoldItalic.ttf"),
    "LNarrow": ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf",
                "liberation/LiberationSansNarrow-Italic.ttf", "liberation/LiberationSansNarrow-BoldItalic.ttf"),
    "LMono": ("liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf",
              "liberation/LiberationMono-Italic.ttf", "liberation/LiberationMono-BoldItalic.ttf"),
    "DSans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf", "dejavu/DejaVuSans-Oblique.ttf",
              "dejavu/DejaVuSans-BoldOblique.ttf"),
    "DCond": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf",
              "dejavu/DejaVuSansCondensed-Oblique.ttf", "dejavu/DejaVuSansCondensed-BoldOblique.ttf"),
    "DSerif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf", "dejavu/DejaVuSerif-Italic.ttf",
               "dejavu/DejaVuSerif-BoldItalic.ttf"),
    "DMono": ("dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf", "dejavu/DejaVuSansMono-Oblique.ttf",
              "dejavu/DejaVuSansMono-BoldOblique.ttf"),
}
FALLBACK = {"LSans": "Helvetica", "LSerif": "Times", "LNarrow": "Helvetica", "LMono": "Courier", "DSans": "Helvetica",
            "DCond": "Helvetica", "DSerif": "Times", "DMono": "Courier"}
DOCX_FONT = {"LSans": "Arial", "LSerif": "Times New Roman", "LNarrow": "Arial Narrow", "LMono": "Courier New",
             "DSans": "Verdana", "DCond": "Calibri", "DSerif": "Cambria", "DMono": "Consolas"}
_REG = {}

def font(name, variant=""):
    """variant: '', 'B', 'I', 'BI' -> registered reportlab font name."""
    if not _REG:
        _register()
    key = name + variant
    return _REG.get(key, _REG.get(name, "Helvetica"))

def _register():
    base = "/usr/share/fonts/truetype"
    for fam, files in FONT_FILES.items():
        ok = True
        names = []
        for suf, fn in zip(["", "B", "I", "BI"], files):
            p = os.path.join(base, fn)
            if not os.path.exists(p):
                ok = False
                break
            pdfmetrics.registerFont(TTFont(fam + suf, p))
            names.append(fam + suf)
        if ok:
            from reportlab.lib.fonts import addMapping
            addMapping(fam, 0, 0, fam); addMapping(fam, 1, 0, fam + "B")
            addMapping(fam, 0, 1, fam + "I"); addMapping(fam, 1, 1, fam + "BI")
            for suf in ["", "B", "I", "BI"]:
                _REG[fam + suf] = fam + suf
        else:
            fb = FALLBACK[fam]
            std = {"Helvetica": ["Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"],
                   "Times": ["Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"],
                   "Courier": ["Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique"]}[fb]
            for suf, n in zip(["", "B", "I", "BI"], std):
                _REG[fam + suf] = n
    hp = os.path.join(HERE, "fonts", "Lohit-Devanagari.ttf")
    if os.path.exists(hp):
        pdfmetrics.registerFont(TTFont("Hindi", hp))
        _REG["Hindi"] = "Hindi"

def esc(t):
    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    t = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", t)
    t = re.sub(r" {2,}", lambda mo: " " + "&nbsp;" * (len(mo.group(0)) - 1), t)
    return t

def strip_md(t):
    return re.sub(r"\*\*(.+?)\*\*", r"\1", t)

def hex2color(h):
    return colors.HexColor(h)

# ============================================================ PDF
class PDFStyle:
    def __init__(self, fontname="LSans", size=10, head_font=None, color="#1F3864", accent="#DDEBF7",
                 pagesize=A4, margins=(20, 20, 22, 22), header=None, footer=None, pagenum="Page {n}",
                 pagenum_pos="center", columns=1, justify=False, header_rule=True, lead=1.3,
                 head_sizes=(18, 14, 11.5), head_upper=False, table_grid=True, table_font_size=None,
                 band=None, watermark=None):
        self.__dict__.update(locals())
        del self.__dict__["self"]
        self.head_font = head_font or fontname

def _numbered_canvas_factory(st):
    class NC(rl_canvas.Canvas):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._saved = []
        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()
        def save(self):
            total = len(self._saved)
            for i, state in enumerate(self._saved):
                self.__dict__.update(state)
                self._furniture(i + 1, total)
                super().showPage()
            super().save()
        def _furniture(self, n, total):
            w, h = st.pagesize
            self.saveState()
            if n == 1 and getattr(st, "skip_first", False):
                self.restoreState()
                return
            if st.watermark:
                self.setFillColor(colors.Color(0.85, 0.85, 0.85, alpha=0.35))
                self.setFont(font(st.fontname, "B"), 60)
                self.translate(w / 2, h / 2); self.rotate(40)
                self.drawCentredString(0, 0, st.watermark)
                self.rotate(-40); self.translate(-w / 2, -h / 2)
                self.setFillColor(colors.black)
            if st.band:
                self.setFillColor(hex2color(st.band))
                self.rect(0, h - 9 * mm, w, 9 * mm, stroke=0, fill=1)
            if st.header:
                self.setFont(font(st.fontname, "I"), 8)
                self.setFillColor(colors.white if st.band else colors.HexColor("#555555"))
                y = h - 6.2 * mm if st.band else h - st.margins[0] * mm + 8 * mm
                left, right = (st.header if isinstance(st.header, tuple) else (st.header, ""))
                self.drawString(st.margins[2] * mm, y, left)
                if right:
                    self.drawRightString(w - st.margins[3] * mm, y, right)
                if st.header_rule and not st.band:
                    self.setStrokeColor(colors.HexColor("#999999")); self.setLineWidth(0.4)
                    self.line(st.margins[2] * mm, y - 2.5 * mm, w - st.margins[3] * mm, y - 2.5 * mm)
            self.setFillColor(colors.HexColor("#444444"))
            self.setFont(font(st.fontname), 8)
            y = st.margins[1] * mm - 9 * mm
            if st.footer:
                self.drawString(st.margins[2] * mm, y, st.footer)
            if st.pagenum:
                txt = st.pagenum.format(n=n, N=total)
                if st.pagenum_pos == "right" or st.footer:
                    self.drawRightString(w - st.margins[3] * mm, y, txt)
                else:
                    self.drawCentredString(w / 2, y, txt)
            self.restoreState()
    return NC

def pdf_styles(st):
    fn = st.fontname
    base = ParagraphStyle("b", fontName=font(fn), fontSize=st.size, leading=st.size * st.lead,
                          alignment=TA_JUSTIFY if st.justify else TA_LEFT, spaceAfter=st.size * 0.55)
    hc = hex2color(st.color)
    s = {
        "p": base,
        "small": ParagraphStyle("s", parent=base, fontSize=st.size - 1.5, leading=(st.size - 1.5) * 1.25),
        "h1": ParagraphStyle("h1", parent=base, fontName=font(st.head_font, "B"), fontSize=st.head_sizes[0],
                             leading=st.head_sizes[0] * 1.2, textColor=hc, spaceAfter=8, spaceBefore=4,
                             alignment=TA_LEFT),
        "h2": ParagraphStyle("h2", parent=base, fontName=font(st.head_font, "B"), fontSize=st.head_sizes[1],
                             leading=st.head_sizes[1] * 1.2, textColor=hc, spaceAfter=6, spaceBefore=8,
                             alignment=TA_LEFT),
        "h3": ParagraphStyle("h3", parent=base, fontName=font(st.head_font, "B"), fontSize=st.head_sizes[2],
                             leading=st.head_sizes[2] * 1.25, textColor=hc, spaceAfter=3, spaceBefore=6,
                             alignment=TA_LEFT),
        "center": ParagraphStyle("c", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("r", parent=base, alignment=TA_RIGHT),
        "cell": ParagraphStyle("cell", parent=base, fontSize=st.table_font_size or st.size - 1,
                               leading=(st.table_font_size or st.size - 1) * 1.2, spaceAfter=0, alignment=TA_LEFT),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=font(fn, "B"),
                                fontSize=st.table_font_size or st.size - 1,
                                leading=(st.table_font_size or st.size - 1) * 1.2, spaceAfter=0, alignment=TA_LEFT),
        "bullet": ParagraphStyle("bl", parent=base, leftIndent=14, bulletIndent=4, spaceAfter=2),
    }
    if st.head_upper:
        pass
    return s

def pdf_table(rows, st, S, widths, header=True, ruled=True, align_right_cols=(), zebra=False, head_bg=None,
              bold_rows=(), font_size=None, box_only=False, valign="MIDDLE"):
    data = []
    for ri, r in enumerate(rows):
        cells = []
        for ci, c in enumerate(r):
            if isinstance(c, str):
                sty = S["cellb"] if (header and ri == 0) or ri in bold_rows else S["cell"]
                if ci in align_right_cols and not (header and ri == 0):
                    sty = ParagraphStyle("x", parent=sty, alignment=TA_RIGHT)
                if header and ri == 0 and head_bg and _dark(head_bg):
                    sty = ParagraphStyle("xw", parent=sty, textColor=colors.white)
                cells.append(Paragraph(esc(c), sty))
            else:
                cells.append(c)
        data.append(cells)
    t = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    cmds = [("VALIGN", (0, 0), (-1, -1), valign), ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if ruled:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")))
    elif box_only:
        cmds.append(("BOX", (0, 0), (-1, -1), 0.8, colors.black))
    else:
        if header:
            cmds.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black))
        cmds.append(("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black))
    if header and head_bg:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), hex2color(head_bg)))
    if zebra:
        for i in range(1 if header else 0, len(rows)):
            if i % 2 == 0:
                cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F2F2F2")))
    for br in bold_rows:
        cmds.append(("BACKGROUND", (0, br), (-1, br), hex2color(st.accent)))
    t.setStyle(TableStyle(cmds))
    return t

def _dark(h):
    h = h.lstrip("#")
    r, g, b = int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    return (0.299 * r + 0.587 * g + 0.114 * b) < 140

def build_pdf(path, story, st, first_page_cover=False, title="", author="", cover_fn=None):
    doc = BaseDocTemplate(path, pagesize=st.pagesize, leftMargin=st.margins[2] * mm, rightMargin=st.margins[3] * mm,
                          topMargin=st.margins[0] * mm, bottomMargin=st.margins[1] * mm, title=title, author=author)
    w, h = st.pagesize
    fw = w - (st.margins[2] + st.margins[3]) * mm
    fh = h - (st.margins[0] + st.margins[1]) * mm
    frames = []
    if st.columns == 2:
        gap = 7 * mm
        cw = (fw - gap) / 2
        frames = [Frame(st.margins[2] * mm, st.margins[1] * mm, cw, fh, id="c1", leftPadding=0, rightPadding=0),
                  Frame(st.margins[2] * mm + cw + gap, st.margins[1] * mm, cw, fh, id="c2", leftPadding=0,
                        rightPadding=0)]
    else:
        frames = [Frame(st.margins[2] * mm, st.margins[1] * mm, fw, fh, id="f", leftPadding=0, rightPadding=0)]
    full = Frame(st.margins[2] * mm, st.margins[1] * mm, fw, fh, id="full", leftPadding=0, rightPadding=0)
    templates = [PageTemplate(id="body", frames=frames), PageTemplate(id="single", frames=[full])]
    if cover_fn:
        templates.insert(0, PageTemplate(id="cover", frames=[full], onPage=cover_fn))
    doc.addPageTemplates(templates)
    st.skip_first = bool(cover_fn) or first_page_cover
    doc.build(story, canvasmaker=_numbered_canvas_factory(st))

# ============================================================ DOCX
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Mm, Cm

def docx_new(fontname="Calibri", size=11, landscape_=False, margins_mm=(25, 25, 25, 25), letter_=False):
    d = Document()
    stl = d.styles["Normal"]
    stl.font.name = fontname
    stl.font.size = Pt(size)
    rpr = stl.element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts"); rpr.append(rf)
    rf.set(qn("w:eastAsia"), fontname); rf.set(qn("w:cs"), fontname)
    for hn in ["Heading 1", "Heading 2", "Heading 3", "Title"]:
        try:
            d.styles[hn].font.name = fontname
        except KeyError:
            pass
    sec = d.sections[0]
    if letter_:
        sec.page_width, sec.page_height = Mm(215.9), Mm(279.4)
    else:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    if landscape_:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = [Mm(x) for x in margins_mm]
    d.core_properties.author = ""
    return d

def _runs(par, text, bold=False, italic=False, size=None, color=None, fontname=None):
    parts = re.split(r"(\*\*.+?\*\*)", text)
    for part in parts:
        if not part:
            continue
        b = bold
        if part.startswith("**") and part.endswith("**"):
            part = part[2:-2]; b = True
        r = par.add_run(part)
        r.bold = b
        r.italic = italic
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color.lstrip("#"))
        if fontname:
            r.font.name = fontname
    return par

def dpar(d, text="", bold=False, italic=False, size=None, align=None, color=None, style=None, space_after=None,
         fontname=None, container=None):
    c = container if container is not None else d
    p = c.add_paragraph(style=style) if style else c.add_paragraph()
    _runs(p, text, bold, italic, size, color, fontname)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "justify":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p

def dhead(d, text, level=1, color=None, size=None, use_style=True):
    if use_style:
        p = d.add_heading(level=level)
        _runs(p, text, color=color, size=size)
        return p
    return dpar(d, text, bold=True, size=size or {1: 16, 2: 13, 3: 11.5}.get(level, 11), color=color)

def dbreak(d):
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hexcolor.lstrip("#"))
    tcPr.append(shd)

def dtable(d, rows, header=True, style="Table Grid", widths_cm=None, head_fill=None, bold_rows=(), size=None,
           align_right_cols=(), head_color=None, container=None):
    c = container if container is not None else d
    t = c.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        try:
            t.style = d.styles[style]
        except KeyError:
            t.style = d.styles["Table Grid"]
    for ri, r in enumerate(rows):
        for ci, val in enumerate(r):
            cell = t.cell(ri, ci)
            cell.text = ""
            p = cell.paragraphs[0]
            _runs(p, str(val), bold=(header and ri == 0) or ri in bold_rows, size=size,
                  color=head_color if (header and ri == 0) else None)
            if ci in align_right_cols and not (header and ri == 0):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if header and ri == 0 and head_fill:
                shade(cell, head_fill)
    if widths_cm:
        t.autofit = False
        for ci, wcm in enumerate(widths_cm):
            t.columns[ci].width = Cm(wcm)
        for ri in range(len(rows)):
            for ci, wcm in enumerate(widths_cm):
                t.cell(ri, ci).width = Cm(wcm)
    return t

def add_field(par, instr):
    r = par.add_run()
    f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr
    f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t"); t.text = "1"
    f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end")
    r._r.append(f1); r._r.append(it); r._r.append(f2); r._r.append(t); r._r.append(f3)

def docx_header_footer(d, header=None, footer=None, pagenum=None, header_align="right"):
    sec = d.sections[0]
    if header:
        p = sec.header.paragraphs[0]
        _runs(p, header, size=8, italic=True, color="#555555")
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if header_align == "right" else (
            WD_ALIGN_PARAGRAPH.CENTER if header_align == "center" else WD_ALIGN_PARAGRAPH.LEFT)
    if footer or pagenum:
        p = sec.footer.paragraphs[0]
        if footer:
            _runs(p, footer + ("    " if pagenum else ""), size=8)
        if pagenum:
            pre, _, post = pagenum.partition("{n}")
            if "{N}" in post:
                mid, _, post2 = post.partition("{N}")
                _runs(p, pre, size=8); add_field(p, "PAGE"); _runs(p, mid, size=8); add_field(p, "NUMPAGES")
                _runs(p, post2, size=8)
            else:
                _runs(p, pre, size=8); add_field(p, "PAGE"); _runs(p, post, size=8)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

def cell_borders_none(table):
    tbl = table._tbl
    tblPr = tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for e in ["top", "left", "bottom", "right", "insideH", "insideV"]:
        el = OxmlElement(f"w:{e}"); el.set(qn("w:val"), "nil"); b.append(el)
    tblPr.append(b)

def docx_save(d, path):
    import datetime, io, zipfile
    d.core_properties.title = ""
    d.core_properties.created = datetime.datetime(2021, 7, 1, 10, 0, 0)
    d.core_properties.modified = datetime.datetime(2021, 7, 1, 10, 0, 0)
    d.core_properties.last_modified_by = ""
    d.core_properties.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for it in zin.infolist():
            zi = zipfile.ZipInfo(it.filename, date_time=(2021, 7, 1, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(it.filename))

# ============================================================ TXT helpers
def txt_table(rows, style, rng=None, widths=None):
    """style: pipe, tab, space, cells (one cell per line), csv"""
    rows = [[strip_md(str(c)) for c in r] for r in rows]
    if style == "tab":
        return "\n".join("\t".join(r) for r in rows)
    if style == "csv":
        def q(c):
            return '"' + c.replace('"', '""') + '"' if ("," in c or '"' in c) else c
        return "\n".join(",".join(q(c) for c in r) for r in rows)
    if style == "cells":
        return "\n".join("\n".join(c for c in r if c != "") for r in rows)
    ncol = len(rows[0])
    w = [max(len(r[i]) for r in rows) for i in range(ncol)]
    if style == "pipe":
        out = []
        for ri, r in enumerate(rows):
            out.append("| " + " | ".join(r[i].ljust(w[i]) for i in range(ncol)) + " |")
            if ri == 0:
                out.append("|" + "|".join("-" * (w[i] + 2) for i in range(ncol)) + "|")
        return "\n".join(out)
    if style == "grid":
        sep = "+" + "+".join("-" * (w[i] + 2) for i in range(ncol)) + "+"
        out = [sep]
        for ri, r in enumerate(rows):
            out.append("| " + " | ".join(r[i].ljust(w[i]) for i in range(ncol)) + " |")
            if ri == 0:
                out.append(sep.replace("-", "="))
        out.append(sep)
        return "\n".join(out)
    # space aligned
    return "\n".join("  ".join(r[i].ljust(w[i]) for i in range(ncol)).rstrip() for r in rows)

def wrap(text, width):
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False))
