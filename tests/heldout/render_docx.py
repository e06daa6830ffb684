"""Held-out Word documents: real numbering (numPr), header metadata, heading|score table rows, a TOC.

Five layouts, each with conventions the first corpus does not use: bare-code "Heading 3" headings,
bold Normal headings in capitals, a Word TOC field with dot-leader tabs, a borderless scorecard with
the code inside the title cell, metadata in a header table, and a two-column section.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from tests.heldout import words as w
from tests.heldout.render_fpdf import Printed
from tests.heldout.spec import PILLARS, Item, Report, pillar_total

_ABSTRACT_ID = 90


class _Numbering:
    """Numbered lists the way Word writes them: one abstract list, one w:num per list (restarting at 1)."""

    def __init__(self, document) -> None:
        self.root = document.part.numbering_part.element
        self.next_id = 90
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(_ABSTRACT_ID))
        for level, (fmt, text) in enumerate((("decimal", "%1."), ("lowerLetter", "%2)"))):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                lvl.append(child)
            abstract.append(lvl)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)

    def new_list(self) -> int:
        """Return the id of a new w:num that restarts the numbering at 1."""
        self.next_id += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(_ABSTRACT_ID))
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        self.root.append(num)
        return self.next_id

    def add_items(self, document, texts: list[str]) -> None:
        """Add paragraphs numbered 1., 2., … through w:numPr (the number is not in the text)."""
        num_id = self.new_list()
        for text in texts:
            paragraph = document.add_paragraph(text, style="List Paragraph")
            p_pr = paragraph._p.get_or_add_pPr()
            num_pr = OxmlElement("w:numPr")
            for tag, value in (("w:ilvl", "0"), ("w:numId", str(num_id))):
                child = OxmlElement(tag)
                child.set(qn("w:val"), value)
                num_pr.append(child)
            p_pr.append(num_pr)


def _bold_line(document, text: str, size: float | None = None):
    """Add a Normal paragraph whose only run is bold (a heading by looks, not by style)."""
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)
    return paragraph


def _label_value(document, label: str, value: str) -> None:
    """Add "Label: value" with the label in bold, as forms print it."""
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}:").bold = True
    paragraph.add_run(f" {value}")


def _text(document, item: Item) -> None:
    """Add an indicator's recommendation paragraph."""
    document.add_paragraph(" ".join(item.text))


def render_numbered(report: Report, path: Path, variant: int) -> Printed:
    """Heading 3 with bare codes, the cycle only in the page header, numPr-numbered recommendations."""
    label = w.cycle_label(report.cycle, "dmaf")
    document = Document()
    document.sections[0].header.paragraphs[0].text = f"{label} — City Performance & Recommendations"
    document.add_heading("City Assessment Report", level=0)
    _label_value(document, "Name of the City", report.city)
    _label_value(document, "State/UT", report.state)
    numbering = _Numbering(document)
    style = w.SCORE_STYLES[variant % len(w.SCORE_STYLES)]
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        document.add_heading(w.pillar_heading(pillar, PILLARS[pillar], "numbered"), level=2)
        for item in items:
            document.add_heading(w.heading(item, "bare"), level=3)
            document.add_paragraph(w.score_line(item, style))
            _text(document, item)
            numbering.add_items(document, [f"{s}." for s in item.steps])
    document.save(path)
    return Printed(label, {})


def render_table_rows(report: Report, path: Path, variant: int) -> Printed:
    """Metadata in a header table; each heading and its score in two cells of one table row."""
    label = w.cycle_label(report.cycle, "roman").upper()
    document = Document()
    header = document.sections[0].header
    table = header.add_table(rows=1, cols=4, width=Inches(6.5))
    for cell, text in zip(table.rows[0].cells, ("City/ULB", report.city, "State/UT", report.state)):
        cell.text = text
    document.add_heading(f"DATA MATURITY ASSESSMENT FRAMEWORK – {label}", level=0)
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        _bold_line(document, w.pillar_heading(pillar, PILLARS[pillar], "caps"), 13)
        for item in items:
            row = document.add_table(rows=1, cols=2)
            row.style = "Table Grid" if variant != 1 else None
            row.cell(0, 0).text = w.heading(item, "dash")
            row.cell(0, 1).text = w.score_line(item, "fraction_marks")
            _text(document, item)
            for step in item.steps:
                document.add_paragraph(f"{step}.", style="List Number")
    document.save(path)
    return Printed(label, {})


def _toc_style(document, level: int):
    """Return (creating it) the paragraph style Word uses for TOC entries of a level."""
    name = f"toc {level}"
    try:
        return document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Inches(0.25 * (level - 1))
        style.paragraph_format.tab_stops.add_tab_stop(Inches(6.2), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        return style


def _field_char(paragraph, kind: str, instruction: str | None = None) -> None:
    """Append a complex-field marker run (begin/separate/end), with its instruction text."""
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)
    if instruction:
        instr_run = paragraph.add_run()
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = instruction
        instr_run._r.append(instr)


def render_bold_toc(report: Report, path: Path, variant: int) -> Printed:
    """Cover page, a TOC field (toc 1/toc 2 paragraphs, dot-leader tabs), capitals bold Normal headings."""
    label = w.cycle_label(report.cycle, "ordinal")
    document = Document()
    document.add_heading("DATA MATURITY ASSESSMENT FRAMEWORK", level=0)
    _bold_line(document, label.upper(), 16)
    document.add_paragraph("City Performance & Recommendations")
    _label_value(document, "Name of the City", report.city)
    _label_value(document, "State/UT", report.state)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Contents", style="TOC Heading")
    entries = []
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        entries.append((1, w.pillar_heading(pillar, PILLARS[pillar], "numbered"), 3 + (pillar - 1)))
        entries += [(2, w.heading(i, "upper"), 3 + (pillar - 1)) for i in items]
    for n, (level, text, page) in enumerate(entries):
        paragraph = document.add_paragraph(style=_toc_style(document, level))
        if n == 0:
            _field_char(paragraph, "begin", ' TOC \\o "1-3" \\h \\z \\u ')
            _field_char(paragraph, "separate")
        paragraph.add_run(f"{text}\t{page}")
        if n == len(entries) - 1:
            _field_char(paragraph, "end")
    style = w.SCORE_STYLES[(variant + 3) % len(w.SCORE_STYLES)]
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _bold_line(document, w.pillar_heading(pillar, PILLARS[pillar], "numbered"), 14)
        for item in items:
            _bold_line(document, w.heading(item, "upper"))
            document.add_paragraph(w.score_line(item, style))
            _text(document, item)
            for step in item.steps:
                document.add_paragraph(f"{step}.", style="List Bullet")
    document.save(path)
    return Printed(label, {i.code: w.printed_title(i, "upper") for i in report.items})


def render_borderless_scorecard(report: Report, path: Path, variant: int) -> Printed:
    """Metadata and a scorecard in borderless Word tables (code inside the title cell), then the text."""
    label = w.cycle_label(report.cycle, "roman")
    document = Document()
    document.add_heading("City Performance & Recommendations", level=1)
    meta = document.add_table(rows=3, cols=2)
    for row, (key, value) in zip(meta.rows, (("Name of the City/ULB", report.city), ("State/UT", report.state),
                                             ("Assessment Cycle", label))):
        row.cells[0].text, row.cells[1].text = key, value
    document.add_paragraph("Summary of scores")
    card = document.add_table(rows=1, cols=3)
    for cell, text in zip(card.rows[0].cells, ("Indicator", "Marks Obtained", "Maximum Marks")):
        cell.text = text
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        score, maximum = pillar_total(report, pillar)
        cells = card.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = PILLARS[pillar].upper(), w.num(score), w.num(maximum)
        for item in items:
            cells = card.add_row().cells
            shown = "Not assessed" if item.score is None else w.num(item.score)
            cells[0].text = f"{w.printed_code(item.code)} {item.title}"
            cells[1].text, cells[2].text = shown, w.num(item.max_score)
    for item in report.items:
        document.add_heading(w.heading(item, "colon"), level=2)
        _text(document, item)
        for step in item.steps:
            document.add_paragraph(f"{step}.", style="List Bullet")
    document.save(path)
    return Printed(label, {})


def render_two_column(report: Report, path: Path, variant: int) -> Printed:
    """A two-column section: title, "City: X<tab>State: Y", Heading 2 headings, pillar totals after groups."""
    label = w.cycle_label(report.cycle, "roman")
    document = Document()
    document.add_heading(f"Data Maturity Assessment Framework, {label}", level=0)
    document.add_paragraph(f"City: {report.city}\tState: {report.state}")
    section = document.add_section()  # continuous two-column section after the title block
    section.start_type = 0  # WD_SECTION.CONTINUOUS
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "360")
    numbering = _Numbering(document)
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        for item in items:
            document.add_heading(w.heading(item, "colon"), level=2)
            document.add_paragraph(w.score_line(item, "score_of"))
            _text(document, item)
            numbering.add_items(document, [f"{s}." for s in item.steps])
        score, maximum = pillar_total(report, pillar)
        _bold_line(document, w.pillar_total_line(PILLARS[pillar], score, maximum))
    document.save(path)
    return Printed(label, {})


def render_code_at_end(report: Report, path: Path, variant: int) -> Printed:
    """Headings "Title (Indicator 1.a)" with the code last, "Score achieved: 12 out of 30", "City – X" lines."""
    label = f"Cycle {report.cycle}"
    document = Document()
    document.add_heading("Data Maturity Assessment Framework", level=0)
    document.add_paragraph(label)
    document.add_paragraph(f"City – {report.city}")
    document.add_paragraph(f"State – {report.state}")
    for item in report.items:
        document.add_heading(f"{item.title} (Indicator {w.printed_code(item.code)})", level=2)
        shown = "Not assessed" if item.score is None else f"{w.num(item.score)} out of {w.num(item.max_score)}"
        document.add_paragraph(f"Score achieved: {shown}")
        _text(document, item)
    document.save(path)
    return Printed(label, {})
