"""Render the document model as DOCX with python-docx, in two house styles:

- docx_styles: Word's own styles (Title, Heading 1/2, List Bullet, table styles);
- docx_direct: everything in Normal with direct formatting (bold runs, sizes,
  typed bullet characters), as many offices produce them.

Score boxes are two-cell tables with a bordered right cell; headers/footers
carry PAGE / NUMPAGES fields. Core properties and zip timestamps are fixed so
the bytes are reproducible.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from .model import Bullets, Document, Table, Text, marker_text

FONT = {"calibri": "Calibri", "arial": "Arial", "times_new_roman": "Times New Roman", "cambria": "Cambria"}
FIXED = dt.datetime(2021, 6, 25, 10, 0, 0)
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT, "left": WD_ALIGN_PARAGRAPH.LEFT}
DIRECT = {"cover_title": (24, True), "cover_line": (14, False), "title": (18, True), "subtitle": (13, True),
          "meta": (11, False), "h1": (15, True), "pillar": (13, True), "ind": (11.5, True), "score": (11, True),
          "para": (11, False), "total": (11.5, True), "toc": (11, False), "note": (9, False)}
STYLED = {"cover_title": "Title", "title": "Title", "subtitle": "Subtitle", "h1": "Heading 1", "pillar": "Heading 2",
          "toc": "Normal", "meta": "Normal"}


def _field(paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)


def _border(cell, sides=("top", "left", "bottom", "right")) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in sides:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "8")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tc_pr.append(borders)


def _para(d, b: Text, doc: Document, engine: str, colour: RGBColor):
    if engine == "docx_styles" and b.role in STYLED:
        p = d.add_paragraph(b.text, style=STYLED[b.role])
    elif engine == "docx_styles" and b.role == "ind" and doc.emphasis == "heading_style":
        p = d.add_paragraph(b.text, style="Heading 3")
    else:
        size, bold = DIRECT.get(b.role, (11, False))
        if b.role == "ind":
            bold = doc.emphasis != "plain"
            size += 2 if doc.emphasis in ("larger", "heading_style") else 0
        p = d.add_paragraph()
        run = p.add_run(b.text)
        run.bold, run.font.size = bold, Pt(size)
        if b.role in ("title", "cover_title", "h1", "pillar"):
            run.font.color.rgb = colour
    if b.align != "left":
        p.alignment = ALIGN[b.align]
    return p


def _boxed(d, b: Text, doc: Document, engine: str) -> None:
    t = d.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.width, right.width = Inches(4.9), Inches(1.4)
    run = left.paragraphs[0].add_run(b.text)
    run.bold, run.font.size = doc.emphasis != "plain", Pt(12)
    rp = right.paragraphs[0]
    rp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r2 = rp.add_run(b.box)
    r2.bold = True
    _border(right)
    d.add_paragraph()


def _table(d, t: Table, engine: str) -> None:
    style = {"ruled": "Table Grid", "header_shaded": "Light Grid Accent 1"}.get(t.style)
    tbl = d.add_table(rows=0, cols=len(t.widths))
    if style:
        tbl.style = d.styles[style]
    total = 6.3
    for k, row in enumerate(t.rows):
        cells = tbl.add_row().cells
        bold = (k == 0 and t.header) or k in t.bold_rows
        for j, (cell, text) in enumerate(zip(cells, row)):
            cell.width = Inches(total * t.widths[j])
            lines = text.split("\n")
            cell.paragraphs[0].text = ""
            for n, line in enumerate(lines):
                p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                run = p.add_run(line)
                run.bold = bold
                run.font.size = Pt(9.5)
                if t.align[j] == "r":
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif t.align[j] == "c":
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if t.header and style is None:
        for cell in tbl.rows[0].cells:
            _border(cell, ("bottom",))
    d.add_paragraph()


def _bullets(d, b: Bullets, engine: str) -> None:
    for k, item in enumerate(b.items):
        if engine == "docx_styles" and b.marker in ("bullet", "dash", "circle"):
            d.add_paragraph(item, style="List Bullet")
        elif engine == "docx_styles" and b.marker == "number":
            d.add_paragraph(item, style="List Number")
        else:
            p = d.add_paragraph(f"{marker_text(b.marker, k)}\t{item}")
            p.paragraph_format.left_indent = Inches(0.35)
            p.paragraph_format.first_line_indent = Inches(-0.25)


def _furniture(section, doc: Document) -> None:
    if doc.header:
        hp = section.header.paragraphs[0]
        hp.text = doc.header
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if doc.footer or doc.page_numbers not in ("none", "n/a"):
        fp = section.footer.paragraphs[0]
        if doc.footer:
            fp.add_run(doc.footer + "\t\t")
        else:
            fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if doc.page_numbers == "page_of":
            fp.add_run("Page ")
            _field(fp, "PAGE")
            fp.add_run(" of ")
            _field(fp, "NUMPAGES")
        elif doc.page_numbers == "dash":
            fp.add_run("– ")
            _field(fp, "PAGE")
            fp.add_run(" –")
        elif doc.page_numbers == "page_n":
            fp.add_run("Page ")
            _field(fp, "PAGE")
        elif doc.page_numbers == "plain":
            _field(fp, "PAGE")


def _normalize_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2021, 6, 25, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def render_docx(doc: Document, engine: str, rng: random.Random) -> bytes:
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = FONT.get(doc.font, "Calibri")
    normal.font.size = Pt(rng.choice((10, 10.5, 11, 11)))
    colour = RGBColor(*(int(255 * c) for c in doc.title_color))
    cp = d.core_properties
    cp.author = cp.last_modified_by = "Smart Cities Mission"
    cp.title, cp.subject = "DMAF City Performance & Recommendations", "Data Maturity Assessment Framework"
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.revision = 1
    _furniture(d.sections[0], doc)
    for b in doc.blocks:
        if isinstance(b, Text):
            if b.role == "ind" and b.box:
                _boxed(d, b, doc, engine)
            else:
                _para(d, b, doc, engine, colour)
        elif isinstance(b, Bullets):
            _bullets(d, b, engine)
        elif isinstance(b, Table):
            _table(d, b, engine)
        elif b.kind == "page":
            d.add_page_break()
        elif b.kind == "columns":
            sec = d.add_section(WD_SECTION.NEW_PAGE)
            cols = sec._sectPr.find(qn("w:cols"))
            if cols is None:
                cols = OxmlElement("w:cols")
                sec._sectPr.append(cols)
            cols.set(qn("w:num"), "2")
            cols.set(qn("w:space"), "425")
        elif b.kind == "rule":
            p = d.add_paragraph("_" * 40)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            d.add_paragraph()
    buf = io.BytesIO()
    d.save(buf)
    return _normalize_zip(buf.getvalue())
