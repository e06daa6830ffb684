"""Held-out PDFs made with reportlab platypus: flowables placed by the library, not by coordinates.

Three layouts: a single-column flow (metadata in a borderless key/value table, numbered lists),
two flowing frames per page (scores in brackets at the end of headings, pillar totals), and a ruled
scorecard with a serial-number column that splits over two pages (repeatRows) with subtotal rows.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tests.heldout import words as w
from tests.heldout.render_fpdf import Printed
from tests.heldout.spec import PILLARS, Report, pillar_total

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["BodyText"], fontName="Times-Roman", fontSize=10, leading=13)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
H1 = ParagraphStyle("h1", parent=STYLES["Title"], fontName="Times-Bold", fontSize=18, leading=22)
H2 = ParagraphStyle("h2", parent=STYLES["Heading2"], fontName="Times-Bold", fontSize=13, leading=16)
H3 = ParagraphStyle("h3", parent=STYLES["Heading3"], fontName="Times-Bold", fontSize=11, leading=14, spaceBefore=8)
SCORE = ParagraphStyle("score", parent=BODY, fontName="Times-Italic", alignment=TA_RIGHT)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """Return a paragraph of plain text (escaped for platypus' mini-markup)."""
    return Paragraph(escape(text), style)


def _steps(item, kind: str) -> ListFlowable:
    """Return the recommendations as a numbered list ("1", "a" or "i") laid out by platypus."""
    return ListFlowable([ListItem(_p(f"{s}.", BODY)) for s in item.steps], bulletType=kind, leftIndent=18,
                        bulletFontName="Times-Roman", bulletFontSize=10)


def _running(text: str):
    """Return an onPage callback drawing a running header and a "Page N" footer."""
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Times-Roman", 8)
        canvas.drawRightString(A4[0] - 56, A4[1] - 34, text)
        canvas.drawCentredString(A4[0] / 2, 30, f"Page {doc.page}")
        canvas.restoreState()
    return draw


def render_flow(report: Report, path: Path, variant: int) -> Printed:
    """One column of flowables: upper-case title, key/value metadata table without rules, numbered lists."""
    label = w.cycle_label(report.cycle, "plain")
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=56, rightMargin=56, topMargin=60, bottomMargin=56,
                            title="DMAF report", author="Smart Cities Mission")
    story = [
        _p("DATA MATURITY ASSESSMENT FRAMEWORK", H1),
        _p("CITY PERFORMANCE & RECOMMENDATIONS", ParagraphStyle("sub", parent=H2, alignment=TA_CENTER)),
        Spacer(1, 10),
        Table([["Name of the City", report.city], ["State/UT", report.state], ["Assessment cycle", label]],
              colWidths=(140, 300), hAlign="LEFT",
              style=TableStyle([("FONT", (0, 0), (0, -1), "Times-Bold"), ("FONT", (1, 0), (1, -1), "Times-Roman")])),
        Spacer(1, 12),
    ]
    style = ("dash", "colon", "dash")[variant % 3]
    score_style = w.SCORE_STYLES[(variant + 2) % len(w.SCORE_STYLES)]
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        story.append(_p(w.pillar_heading(pillar, PILLARS[pillar], "caps"), H2))
        for item in items:
            story.append(KeepTogether([_p(w.heading(item, style), H3), _p(w.score_line(item, score_style), SCORE)]))
            story.append(_p(" ".join(item.text), BODY))
            story.append(_steps(item, "1"))
    doc.build(story, onFirstPage=_running(f"DMAF · {report.city}"), onLaterPages=_running(f"DMAF · {report.city}"))
    return Printed(label, {})


def render_two_frames(report: Report, path: Path, variant: int) -> Printed:
    """Two flowing frames per page; the first page has a full-width title frame above them."""
    label = w.cycle_label(report.cycle, "roman")
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=50, rightMargin=50, topMargin=56, bottomMargin=56)
    gutter = 14 + 6 * variant
    width = (doc.width - gutter) / 2
    title_h = 120
    top = Frame(doc.leftMargin, doc.bottomMargin + doc.height - title_h, doc.width, title_h, id="title")
    first = [Frame(doc.leftMargin + k * (width + gutter), doc.bottomMargin, width, doc.height - title_h, id=f"c{k}")
             for k in range(2)]
    later = [Frame(doc.leftMargin + k * (width + gutter), doc.bottomMargin, width, doc.height, id=f"l{k}")
             for k in range(2)]
    footer = _running(f"{report.city} · {label}")
    doc.addPageTemplates([PageTemplate("first", [top, *first], onPage=footer),
                          PageTemplate("later", later, onPage=footer)])
    story = [
        NextPageTemplate("later"),
        _p(f"Data Maturity Assessment Framework ({label})", H1),
        _p("City Performance & Recommendations", ParagraphStyle("c", parent=H2, alignment=TA_CENTER)),
        _p(f"City/ULB: {report.city}    |    State/UT: {report.state}", ParagraphStyle("m", parent=BODY,
                                                                                     alignment=TA_CENTER)),
        FrameBreak(),
    ]
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        items = list(items)
        story.append(_p(w.pillar_heading(pillar, PILLARS[pillar], "numbered"), H2))
        for item in items:
            story.append(_p(f"{w.heading(item, 'colon')} {w.score_suffix(item)}", H3))
            story.append(_p(" ".join(item.text), BODY))
            story.append(_steps(item, "a" if variant == 2 else "1"))
        score, maximum = pillar_total(report, pillar)
        story.append(_p(w.pillar_total_line(PILLARS[pillar], score, maximum), ParagraphStyle("t", parent=H3,
                                                                                          alignment=TA_RIGHT)))
    doc.build(story)
    return Printed(label, {})


def render_ruled_scorecard(report: Report, path: Path, variant: int) -> Printed:
    """A ruled scorecard with S.No., pillar subtotal rows and a total, split over two pages."""
    label = w.cycle_label(report.cycle, "decimal")
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=56, rightMargin=56, topMargin=60, bottomMargin=56)
    story = [
        _p(f"DMAF {label} – City Performance & Recommendations", H1),
        _p(f"City/ULB: {report.city}; State/UT: {report.state}", BODY),
        Spacer(1, 8),
    ]
    for item in report.items[:6 + 2 * variant]:  # an introduction long enough to push the table over a page
        story.append(_p(" ".join(item.text) + " " + " ".join(item.steps) + ".", BODY))
    rows = [["S. No.", "Indicator", "Score", "Max. Score"]]
    spans = []
    number = 0
    for pillar, items in groupby(report.items, key=lambda i: i.pillar):
        items = list(items)
        score, maximum = pillar_total(report, pillar)
        spans.append(len(rows))
        rows.append([f"Pillar {pillar} – {PILLARS[pillar]}", "", w.num(score), w.num(maximum)])
        for item in items:
            number += 1
            shown = "NA" if item.score is None else f"{item.score:.1f}"
            rows.append([str(number), f"{w.printed_code(item.code)} – {item.title}", shown, f"{item.max_score:.1f}"])
    total = sum(i.score or 0 for i in report.items), sum(i.max_score for i in report.items)
    rows.append(["Total", "", w.num(total[0]), w.num(total[1])])
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"),
             ("FONT", (0, 1), (-1, -1), "Helvetica"), ("FONTSIZE", (0, 0), (-1, -1), 9),
             ("ALIGN", (2, 0), (-1, -1), "CENTER")]
    style += [("SPAN", (0, r), (1, r)) for r in spans] + [("FONT", (0, r), (-1, r), "Helvetica-Bold") for r in spans]
    story += [Spacer(1, 8), _p("Scorecard", H2), Table(rows, colWidths=(46, 300, 60, 70), repeatRows=1,
                                                        style=TableStyle(style)), PageBreak()]
    for item in report.items:
        story.append(_p(w.heading(item, "colon"), H3))
        story.append(_p(" ".join(item.text), BODY))
        story.append(_steps(item, "1"))
    story.append(_p("Note: scores are out of the maximum marks of each indicator; NA = not assessed.", SMALL))
    doc.build(story)
    return Printed(label, {})


def render_row_tables(report: Report, path: Path, variant: int) -> Printed:
    """Each heading and its "12 / 30" in a borderless two-cell table row; a ruled pillar summary at the end."""
    label = f"DMAF {report.cycle}.0"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    body = STYLES["BodyText"]
    heading = ParagraphStyle("rowhead", parent=STYLES["Heading4"], fontSize=11)
    story = [_p(f"{label} Assessment Report", STYLES["Title"]),
             Paragraph(f"City: {escape(report.city)} &nbsp;&nbsp;|&nbsp;&nbsp; State: {escape(report.state)}", body),
             Spacer(1, 10)]
    for item in report.items:
        shown = "N/A" if item.score is None else f"{w.num(item.score)} / {w.num(item.max_score)}"
        story.append(Table([[_p(w.heading(item, "dash"), heading), _p(shown, ParagraphStyle("r", parent=body,
                                                                                                alignment=TA_RIGHT))]],
                           colWidths=(330, 120)))
        story.append(_p(" ".join(item.text), body))
    pillars = sorted({i.pillar for i in report.items})
    rows = [["Pillar", "Score", "Max"]] + [[PILLARS[p], *(w.num(v) for v in pillar_total(report, p))] for p in pillars]
    story += [Spacer(1, 10), Table(rows, style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))]
    doc.build(story)
    return Printed(label, {})
