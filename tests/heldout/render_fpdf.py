"""Held-out PDFs made with fpdf2: the library flows the text (text_columns, multi_cell, table).

Three layouts: a two-column page, a borderless scorecard split over two pages with the cycle only in
the running header, and a cover page + table of contents + pillar sections with footnotes.
Fonts are DejaVu TrueType (embedded subsets), not the base-14 Helvetica the first corpus uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from tests.heldout import words as w
from tests.heldout.spec import PILLARS, Report, pillar_total

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


@dataclass(frozen=True)
class Printed:
    """What a renderer printed that the answer key depends on."""

    cycle_label: str
    titles: dict[str, str]


def _font_file(name: str) -> Path:
    """Return the path of a DejaVu font file; raise a clear error if the fonts are not installed."""
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"{name} not found in {FONT_DIRS}: install fonts-dejavu-core")


class _Doc(FPDF):
    """An A4 document in points (DejaVu or a base-14 font), an optional running header and "– N –" footers."""

    def __init__(self, header_text: str | None = None, *, font: str = "dejavu") -> None:
        super().__init__(unit="pt", format="A4")
        if font == "dejavu":
            self.add_font("dv", "", str(_font_file("DejaVuSans.ttf")))
            self.add_font("dv", "B", str(_font_file("DejaVuSans-Bold.ttf")))
            self.face = "dv"
        else:  # a base-14 font with Windows-1252 text (dashes, curly quotes), as many tools write
            self.core_fonts_encoding = "windows-1252"
            self.face = font
        self.set_margins(50, 60, 50)
        self.set_auto_page_break(True, 88)
        self.header_text = header_text
        self.footnotes: dict[int, list[str]] = {}
        self.set_creator("fpdf2 held-out generator")

    def header(self) -> None:
        """Print the running header, if any, in small type above the text."""
        if self.header_text:
            self.set_font(self.face, "", 7.5)
            self.set_y(26)
            self.cell(0, 10, self.header_text, align="R")
            self.set_y(self.t_margin)

    def footer(self) -> None:
        """Print this page's footnotes (small type) and a centred "– N –" page number."""
        notes = self.footnotes.get(self.page_no(), [])
        if notes:
            self.set_y(-58 - 9 * len(notes))
            self.set_font(self.face, "", 7)
            for note in notes:
                self.cell(0, 9, note, new_x="LMARGIN", new_y="NEXT")
        self.set_y(-40)
        self.set_font(self.face, "", 8)
        self.cell(0, 10, f"– {self.page_no()} –", align="C")

    def para(self, content: str, *, size: float = 9.5, bold: bool = False, h: float | None = None,
             align: str = "J", space: float = 3) -> None:
        """Write a flowing paragraph across the text width."""
        self.set_font(self.face, "B" if bold else "", size)
        self.multi_cell(0, h or size * 1.35, content, align=align, new_x="LMARGIN", new_y="NEXT")
        self.ln(space)


def render_two_column(report: Report, path: Path, variant: int) -> Printed:
    """A two-column page: title block across the page, then indicators flowing in two columns."""
    label = w.cycle_label(report.cycle, "dmaf")
    pdf = _Doc(font="Times")
    pdf.add_page()
    pdf.para("DATA MATURITY ASSESSMENT FRAMEWORK", size=15, bold=True, align="C", space=1)
    pdf.para(f"{label} · City Performance & Recommendations", size=11, align="C", space=6)
    pdf.para(f"Name of the City: {report.city}", size=10, align="L", space=0)
    pdf.para(f"State/UT: {report.state}", size=10, align="L", space=8)
    style = w.SCORE_STYLES[variant % len(w.SCORE_STYLES)]
    with pdf.text_columns(ncols=2, gutter=16 + 4 * variant, text_align="J") as cols:
        for pillar, items in groupby(report.items, key=lambda i: i.pillar):
            pdf.set_font(pdf.face, "B", 11)
            with cols.paragraph(text_align="L", top_margin=8, bottom_margin=4) as par:
                par.write(text=w.pillar_heading(pillar, PILLARS[pillar], "numbered"))
            for item in items:
                pdf.set_font(pdf.face, "B", 10)
                with cols.paragraph(text_align="L", top_margin=6, bottom_margin=2) as par:
                    par.write(text=w.heading(item, "colon"))
                pdf.set_font(pdf.face, "", 9.5)
                with cols.paragraph(text_align="L", bottom_margin=3) as par:
                    par.write(text=w.score_line(item, style))
                with cols.paragraph(text_align="J", bottom_margin=3) as par:
                    par.write(text=" ".join(item.text))
                for n, step in enumerate(item.steps, start=1):
                    with cols.paragraph(text_align="L", bottom_margin=1) as par:
                        par.write(text=f"{n}. {step}.")
        pdf.set_font(pdf.face, "", 7.5)
        with cols.paragraph(text_align="L", top_margin=10) as par:
            par.write(text="¹ Marks as awarded by the assessment committee of the Smart Cities Mission.")
    pdf.output(str(path))
    return Printed(label, {})


def render_whitespace_scorecard(report: Report, path: Path, variant: int) -> Printed:
    """A borderless scorecard (max before score) split over two pages; the cycle is only in the header."""
    label = w.cycle_label(report.cycle, ("roman", "plain", "roman")[variant % 3])
    pdf = _Doc(header_text=f"Smart Cities Mission  |  Data Maturity Assessment Framework  |  {label}", font="Helvetica")
    pdf.add_page()
    pdf.para("City Performance & Recommendations", size=16, bold=True, align="L", space=8)
    pdf.set_font(pdf.face, "", 10)
    pdf.cell(240, 14, f"City/ULB: {report.city}")
    pdf.cell(0, 14, f"State/UT: {report.state}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    for item in report.items[:3 + variant]:
        pdf.para(" ".join(item.text), align="J", space=4)
    pdf.para("Summary of Scores", size=12, bold=True, align="L", space=4)
    pdf.set_font(pdf.face, "", 9)
    with pdf.table(borders_layout="NONE", col_widths=(45, 285, 80, 85), text_align=("LEFT", "LEFT", "CENTER", "CENTER"),
                   first_row_as_headings=True, headings_style=FontFace(emphasis="BOLD"), line_height=13,
                   padding=3, width=495, align="LEFT") as table:
        table.row(("Code", "Indicator", "Max Marks", "Marks Obtained"))
        for item in report.items:
            score = "NA" if item.score is None else w.num(item.score)
            table.row((w.printed_code(item.code), item.title, w.num(item.max_score), score))
    pdf.add_page()
    pdf.para("Recommendations", size=14, bold=True, align="L", space=6)
    for item in report.items:
        pdf.para(w.heading(item, "bare"), size=11, bold=True, align="L", space=2)
        pdf.para(" ".join(item.text), space=2)
        for step in item.steps:
            pdf.para(f"•  {step}.", align="L", space=0)
        pdf.ln(4)
    pdf.output(str(path))
    return Printed(label, {})


def render_cover_toc(report: Report, path: Path, variant: int) -> Printed:
    """Cover page, a table of contents with dot leaders, pillar sections with totals, scores in headings."""
    label = w.cycle_label(report.cycle, "ordinal")
    pdf = _Doc()
    pdf.add_page()
    pdf.ln(160)
    pdf.para("DATA MATURITY ASSESSMENT FRAMEWORK", size=20, bold=True, align="C", space=8)
    pdf.para(label.upper(), size=14, bold=True, align="C", space=30)
    pdf.para("City Performance & Recommendations", size=13, align="C", space=20)
    pdf.para(f"Name of the City: {report.city}", size=11, align="C", space=2)
    pdf.para(f"State/UT: {report.state}", size=11, align="C", space=2)
    pdf.add_page()
    pdf.insert_toc_placeholder(_render_toc, pages=1)
    style = "upper" if variant == 1 else "colon"
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        items = list(items)
        score, maximum = pillar_total(report, pillar)
        pdf.start_section(f"Pillar {pillar}: {PILLARS[pillar]}", level=0)
        pdf.para(w.pillar_total_line(PILLARS[pillar], score, maximum), size=13, bold=True, align="L", space=6)
        for item in items:
            pdf.start_section(w.heading(item, style), level=1)
            pdf.para(f"{w.heading(item, style)} {w.score_suffix(item)}", size=10.5, bold=True, align="L", space=3)
            pdf.para(" ".join(item.text), space=2)
            for n, step in enumerate(item.steps, start=1):
                pdf.para(f"{n}) {step}.", align="L", space=0)
            if "SCODP" in item.title or "portal" in item.title:
                pdf.footnotes.setdefault(pdf.page_no(), []).append(
                    "* SCODP / portal: the Smart Cities Open Data Portal, data.smartcities.gov.in")
            pdf.ln(6)
    pdf.output(str(path))
    return Printed(label, {i.code: w.printed_title(i, style) for i in report.items})


def _render_toc(pdf: FPDF, outline: list) -> None:
    """Draw the table of contents: every section with dot leaders and its page number."""
    pdf.set_xy(pdf.l_margin, pdf.t_margin)
    pdf.set_font(pdf.face, "B", 14)
    pdf.cell(0, 24, "Table of Contents", new_x="LMARGIN", new_y="NEXT")
    width = pdf.epw
    for section in outline:
        indent = 14 * section.level
        pdf.set_font(pdf.face, "B" if section.level == 0 else "", 9.5)
        page = str(section.page_number)
        room = width - indent - pdf.get_string_width(section.name) - pdf.get_string_width(page) - 8
        dots = "." * max(3, int(room / pdf.get_string_width(".")))
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(width - indent, 14, f"{section.name} {dots} {page}", new_x="LMARGIN", new_y="NEXT")


def render_score_box(report: Report, path: Path, variant: int) -> Printed:
    """A designed page: metadata in a ruled table, each score in a box at the right margin ("SCORE" over "12/30")."""
    label = f"Cycle {report.cycle}"
    pdf = _Doc(font="Helvetica")
    pdf.add_page()
    pdf.para("City Performance & Recommendations", size=18, bold=True, align="L", space=2)
    pdf.para(f"Data Maturity Assessment Framework - DMAF {label}", size=11, align="L", space=6)
    pdf.set_font(pdf.face, "", 10)
    with pdf.table(col_widths=(120, 200), width=320, align="LEFT", first_row_as_headings=False,
                   line_height=14) as table:
        table.row(("City", report.city))
        table.row(("State", report.state))
    pdf.ln(10)
    for item in report.items:
        if pdf.get_y() > 700:
            pdf.add_page()
        top = pdf.get_y()
        pdf.set_font(pdf.face, "B", 11)
        pdf.multi_cell(360, 14, w.heading(item, "colon"), new_x="LMARGIN", new_y="NEXT")
        below = pdf.get_y()
        pdf.rect(440, top, 90, 30)
        pdf.set_xy(440, top + 2)
        pdf.set_font(pdf.face, "", 7)
        pdf.cell(90, 9, "SCORE", align="C")
        pdf.set_xy(440, top + 12)
        pdf.set_font(pdf.face, "B", 12)
        pdf.cell(90, 14, "NA" if item.score is None else f"{w.num(item.score)}/{w.num(item.max_score)}", align="C")
        pdf.set_xy(pdf.l_margin, max(below, top + 34))
        pdf.para(" ".join(item.text), size=10, space=8)
    pdf.output(str(path))
    return Printed(label, {})
