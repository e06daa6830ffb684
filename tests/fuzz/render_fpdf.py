"""Render the document model as a PDF with fpdf2 (multi_cell text, fpdf2
tables, bordered score cells at the right of headings, header()/footer()
furniture with the {nb} page-count alias). Core fonts get latin-1 text; TTF
fonts (DejaVu, Liberation) keep the Unicode punctuation.
"""

from __future__ import annotations

import datetime as dt
import random

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from .fonts import latin1, ttf_paths
from .model import Bullets, Document, Table, Text, marker_text

FIXED_DATE = dt.datetime(2021, 6, 25, 10, 0, 0, tzinfo=dt.timezone.utc)
SIZES = {"cover_title": 22, "cover_line": 14, "title": 17, "subtitle": 13, "meta": 11, "h1": 15, "pillar": 13,
         "ind": 11.5, "score": 10.5, "para": 10, "total": 11, "toc": 11, "note": 9}
BOLD = {"cover_title", "title", "subtitle", "h1", "pillar", "ind", "score", "total"}


class _PDF(FPDF):
    def __init__(self, doc: Document, family: str, clean, **kw):
        super().__init__(**kw)
        self.doc, self.family, self.clean = doc, family, clean

    def header(self):
        d = self.doc
        if d.watermark:
            with self.local_context(text_color=(215, 215, 215)):
                self.set_font(self.family, "B", 40)
                with self.rotation(45, self.w / 2, self.h / 2):
                    self.text(self.w / 2 - self.get_string_width(d.watermark) / 2, self.h / 2, self.clean(d.watermark))
        if d.header:
            self.set_font(self.family, "", 8)
            self.set_text_color(90, 90, 90)
            self.set_y(8)
            self.cell(0, 5, self.clean(d.header), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.set_text_color(0, 0, 0)
        self.set_y(self.t_margin)

    def footer(self):
        d = self.doc
        label = {"page_of": "Page {p} of {{nb}}", "dash": "– {p} –", "plain": "{p}", "page_n": "Page {p}"}.get(d.page_numbers)
        if not label and not d.footer:
            return
        self.set_y(-14)
        self.set_font(self.family, "", 8)
        self.set_text_color(0, 0, 0)
        if d.footer:
            self.cell(0, 5, self.clean(d.footer), align="L")
            self.set_x(self.l_margin)
        if label:
            self.cell(0, 5, self.clean(label.format(p=self.page_no())), align="R" if d.footer else "C")


def _table(pdf: _PDF, t: Table, size: float) -> None:
    pdf.set_font(pdf.family, "", size)
    borders = {"ruled": "ALL", "header_shaded": "ALL", "borderless": "NONE"}.get(t.style, "ALL")
    kw = dict(col_widths=tuple(t.widths), width=pdf.epw, borders_layout=borders, line_height=size * 0.5,
              first_row_as_headings=t.header, padding=(0.6, 1.2), text_align=tuple({"r": "RIGHT", "c": "CENTER"}.get(a, "LEFT") for a in t.align))
    if t.style == "header_shaded":
        kw["headings_style"] = FontFace(emphasis="BOLD", fill_color=(210, 222, 240))
    with pdf.table(**kw) as table:
        for k, row in enumerate(t.rows):
            r = table.row()
            for cell in row:
                style = None
                if k in t.bold_rows:
                    style = FontFace(emphasis="BOLD")
                r.cell(pdf.clean(cell), style=style)
    pdf.ln(3)


def _text(pdf: _PDF, b: Text, doc: Document, width: float) -> None:
    size = SIZES.get(b.role, 10)
    style = "B" if b.role in BOLD and not (b.role == "ind" and doc.emphasis == "plain") else ""
    if b.role == "ind" and doc.emphasis in ("larger", "heading_style"):
        size += 2
    col = tuple(int(255 * c) for c in doc.title_color)
    if b.role in ("title", "cover_title", "h1", "pillar") or (b.role == "ind" and doc.emphasis == "heading_style"):
        pdf.set_text_color(*col)
    if b.role in ("ind", "h1", "pillar"):
        if pdf.will_page_break(size * (0.5 * 5 if b.role == "ind" else 3)):
            pdf.add_page()
        pdf.ln(3)
    if b.role == "cover_title":
        pdf.ln(10)
    pdf.set_font(pdf.family, style, size)
    align = {"center": "C", "right": "R"}.get(b.align, "L")
    fill = b.role == "ind" and doc.emphasis == "band"
    if fill:
        pdf.set_fill_color(222, 230, 244)
    if b.box:
        bw = min(60.0, max(28.0, len(b.box) * 2.1))
        y0 = pdf.get_y()
        pdf.multi_cell(width - bw - 4, size * 0.5, pdf.clean(b.text), align="L", fill=fill,
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y1 = pdf.get_y()
        pdf.set_xy(pdf.l_margin + width - bw, y0)
        pdf.set_font(pdf.family, "B", 10)
        pdf.set_text_color(0, 0, 0)
        pdf.multi_cell(bw, 5.5, pdf.clean(b.box), border=1, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_y(max(y1, pdf.get_y()) + 1)
    else:
        pdf.multi_cell(width, size * 0.5, pdf.clean(b.text), align=align, fill=fill, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln({"para": 2, "meta": 0.5, "toc": 1}.get(b.role, 2))


def render_fpdf(doc: Document, rng: random.Random) -> bytes:
    paths = ttf_paths(doc.font)
    clean = (lambda s: s) if paths else latin1
    fmt = rng.choice(("A4", "A4", "Letter"))
    pdf = _PDF(doc, "body" if paths else ("times" if doc.font in ("times", "dejavu_serif", "liberation_serif") else "helvetica"),
               clean, format=fmt, unit="mm")
    if paths:
        pdf.add_font("body", "", paths[0])
        pdf.add_font("body", "B", paths[1])
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title("DMAF City Report")
    pdf.set_author("Smart Cities Mission")
    pdf.set_creator("fpdf2")
    pdf.set_producer("fpdf2")
    margin = rng.choice((15, 18, 20))
    pdf.set_margins(margin, 18, margin)
    pdf.set_auto_page_break(True, 18)
    pdf.add_page()
    width = pdf.epw
    for b in doc.blocks:
        if isinstance(b, Text):
            _text(pdf, b, doc, width)
        elif isinstance(b, Bullets):
            pdf.set_font(pdf.family, "", 10)
            for k, item in enumerate(b.items):
                m = marker_text(b.marker, k)
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(8, 5, clean(m))
                pdf.multi_cell(width - 12, 5, clean(item), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif isinstance(b, Table):
            _table(pdf, b, 9)
        elif b.kind in ("page", "columns"):
            pdf.add_page()
        elif b.kind == "rule":
            pdf.ln(1)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
            pdf.ln(3)
        else:
            pdf.ln(5)
    return bytes(pdf.output())
