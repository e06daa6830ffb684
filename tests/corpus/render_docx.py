"""Render a laid-out report as a Word document with python-docx (styles, tables, header, fields)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from functools import singledispatch
from pathlib import Path
from string import Formatter

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from .elements import (
    BulletColumns,
    Bullets,
    Doc,
    Element,
    Heading,
    Line,
    PageBreak,
    Paragraph,
    ScoreLine,
    Spacer,
    Subtitle,
    Table,
    Title,
    layout_document,
)
from .spec import ReportSpec

FIXED_TIME = datetime(2021, 6, 25, 10, 0, 0)
_ZIP_TIME = (2021, 6, 25, 10, 0, 0)
_FIELDS = {"n": "PAGE", "m": "NUMPAGES"}


def render_docx(spec: ReportSpec, layout: str, path: Path, *, variant: int = 0) -> None:
    """Write ``spec`` as a DOCX file in ``layout``."""
    write_docx(layout_document(spec, layout, variant), path)


def write_docx(doc: Doc, path: Path) -> None:
    """Write a laid-out report as DOCX; the file is byte-identical for identical input."""
    document = Document()
    _set_properties(document, doc.title)
    if doc.header:
        document.sections[0].header.paragraphs[0].text = doc.header
    if doc.footer:
        _add_footer(document, doc.footer)
    for element in doc.elements:
        add(element, document)
    save_reproducibly(document, path)


def _set_properties(document: DocxDocument, title: str) -> None:
    """Fix the core properties so that the file is reproducible."""
    props = document.core_properties
    props.title = title
    props.author = props.last_modified_by = "Smart Cities Mission, MoHUA"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = ""


def save_reproducibly(document: DocxDocument, path: Path) -> None:
    """Save ``document`` with fixed ZIP entry times (python-docx stamps the current time)."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            dst.writestr(entry, src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)


def _add_footer(document: DocxDocument, template: str) -> None:
    """Fill the footer from a template such as "Page {n} of {m}", {n}/{m} as Word fields."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for literal, name, _, _ in Formatter().parse(template):
        if literal:
            paragraph.add_run(literal)
        if name:
            _add_field(paragraph, _FIELDS[name], "1")


def _add_field(paragraph: DocxParagraph, instruction: str, cached: str) -> None:
    """Append a simple field (PAGE, NUMPAGES) showing ``cached`` until Word updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = cached
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


@singledispatch
def add(element: Element, document: DocxDocument) -> None:
    """Add one element to the document."""
    raise TypeError(f"no DOCX rendering for {element!r}")


@add.register
def _title(element: Title, document: DocxDocument) -> None:
    """Add the title in the "Title" style (python-docx's heading level 0)."""
    document.add_heading(element.text, level=0)


@add.register
def _subtitle(element: Subtitle, document: DocxDocument) -> None:
    """Add the subtitle in the "Subtitle" style."""
    document.add_paragraph(element.text, style="Subtitle")


@add.register(Line)
@add.register(Paragraph)
def _text(element: Line | Paragraph, document: DocxDocument) -> None:
    """Add a Normal paragraph."""
    document.add_paragraph(element.text)


@add.register
def _heading(element: Heading, document: DocxDocument) -> None:
    """Add a heading (or bold Normal text) and its aside score.

    The aside is a right-aligned paragraph after the heading, or with ``tab_aside`` a tab and a
    run inside the heading, pushed right by a right tab stop.
    """
    if element.styled:
        paragraph = document.add_heading(element.text, level=element.level)
    else:
        paragraph = document.add_paragraph()
        paragraph.add_run(element.text).bold = True
    if element.aside is None:
        return
    if element.tab_aside:
        section = document.sections[0]
        stop = section.page_width - section.left_margin - section.right_margin
        paragraph.paragraph_format.tab_stops.add_tab_stop(stop, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run("\t" + element.aside)
    else:
        document.add_paragraph(element.aside).alignment = WD_ALIGN_PARAGRAPH.RIGHT


@add.register
def _score(element: ScoreLine, document: DocxDocument) -> None:
    """Add a score line; a bold value becomes a bold run (no markdown markers)."""
    paragraph = document.add_paragraph(element.label)
    if element.value:
        paragraph.add_run(element.value).bold = element.bold


@add.register
def _bullets(element: Bullets, document: DocxDocument) -> None:
    """Add bullets in the "List Bullet" style, or as Normal paragraphs with a literal marker."""
    for item in element.items:
        if element.styled:
            document.add_paragraph(item, style="List Bullet")
        else:
            document.add_paragraph(f"{element.marker} {item}")


@add.register
def _columns(element: BulletColumns, document: DocxDocument) -> None:
    """Add a borderless one-row table, one "List Bullet" list per cell."""
    table = document.add_table(rows=1, cols=len(element.groups))
    for cell, group in zip(table.rows[0].cells, element.groups, strict=True):
        first, *rest = group
        cell.paragraphs[0].text = first
        cell.paragraphs[0].style = document.styles["List Bullet"]
        for item in rest:
            cell.add_paragraph(item, style="List Bullet")


@add.register
def _table(element: Table, document: DocxDocument) -> None:
    """Add a "Table Grid" table; bold header row or first column as the element asks."""
    rows = element.rows
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, (cell, text) in enumerate(zip(table.rows[r].cells, row, strict=True)):
            cell.width = Pt(element.widths[c])
            run = cell.paragraphs[0].add_run(text)
            run.bold = element.is_bold(r, c)


@add.register
def _spacer(element: Spacer, document: DocxDocument) -> None:
    """Add nothing: Word documents space by style."""


@add.register
def _page_break(element: PageBreak, document: DocxDocument) -> None:
    """Add a page break."""
    document.add_page_break()
