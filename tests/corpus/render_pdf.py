"""Render a laid-out report as a PDF drawn on a reportlab canvas at explicit coordinates.

Layout happens first (elements → pages of drawing operations), painting second, so the page
count is known when footers say "Page N of M". Coordinates are reportlab's: origin bottom-left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import singledispatch
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

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
from .text import wrap

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 56.0, PAGE_W - 56.0
TOP, BOTTOM = PAGE_H - 72.0, 64.0
REGULAR, BOLD = "Helvetica", "Helvetica-Bold"
SYMBOL = "Symbol"  # "•" markers come from the Symbol font, as in Word's PDFs
BODY_SIZE, LEADING = 10.0, 14.0
ASIDE_X = 432.0  # left edge of the score box beside indicator headings
BULLET_INDENT = 16.0
ROW_H = 18.0


@dataclass(frozen=True)
class TextOp:
    """Draw ``text`` with its baseline starting at (x, y)."""

    x: float
    y: float
    text: str
    font: str = REGULAR
    size: float = BODY_SIZE


@dataclass(frozen=True)
class LineOp:
    """Draw a ruling line."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class RectOp:
    """Draw an unfilled rectangle with its lower-left corner at (x, y)."""

    x: float
    y: float
    w: float
    h: float


Op = TextOp | LineOp | RectOp


class Flow:
    """Pages of drawing operations, filled top to bottom; ``y`` is the last baseline drawn.

    ``lead_in`` lowers the start of the first page; ``split_paragraphs`` counts paragraphs that
    run across a page break.
    """

    def __init__(self, hyphenate: bool = False, lead_in: float = 0.0) -> None:
        self.pages: list[list[Op]] = [[]]
        self.y = TOP - lead_in
        self.hyphenate = hyphenate
        self.split_paragraphs = 0

    def new_page(self) -> None:
        """Start a new page, unless the current one is still empty."""
        if self.pages[-1]:
            self.pages.append([])
            self.y = TOP

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` more points fit on this one."""
        if self.y - height < BOTTOM:
            self.new_page()

    def advance(self, leading: float) -> float:
        """Move down one line of ``leading`` (breaking the page if needed); return its baseline."""
        self.need(leading)
        self.y -= leading
        return self.y

    def gap(self, height: float) -> None:
        """Leave vertical space (none at the top of a page)."""
        if self.y < TOP:
            self.y -= height

    def draw(self, op: Op) -> None:
        """Add one drawing operation to the current page."""
        self.pages[-1].append(op)

    def text_lines(self, lines: list[str], x: float, font: str = REGULAR) -> None:
        """Draw lines one under the other from the current position."""
        for line in lines:
            self.draw(TextOp(x, self.advance(LEADING), line, font))


def render_pdf(spec: ReportSpec, layout: str, path: Path, *, variant: int = 0) -> None:
    """Write ``spec`` as a PDF file in ``layout``."""
    write_pdf(layout_document(spec, layout, variant), path)


def write_pdf(doc: Doc, path: Path) -> None:
    """Lay out and paint a report; the file is byte-identical for identical input."""
    paint(lay_out(doc).pages, doc, path)


def lay_out(doc: Doc) -> Flow:
    """Return the laid-out pages of a report.

    A report with a footer is a designed one: it is nudged down in 7pt steps until at least one
    paragraph runs across a page break, as in real designed reports.
    """
    for step in range(8):
        flow = Flow(doc.hyphenate, lead_in=7.0 * step)
        for element in doc.elements:
            place(element, flow)
        if flow.split_paragraphs or not doc.footer:
            break
    return flow


def paint(pages: list[list[Op]], doc: Doc, path: Path) -> None:
    """Draw the pages, with the running header and footer on each, and save."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setTitle(doc.title)
    canvas.setAuthor("Smart Cities Mission, MoHUA")
    for n, page in enumerate(pages, start=1):
        for op in [*page, *_furniture(doc, n, len(pages))]:
            _paint_op(canvas, op)
        canvas.showPage()
    canvas.save()


def _furniture(doc: Doc, n: int, m: int) -> list[Op]:
    """Return the running header (with a rule under it) and the centred footer of page ``n``."""
    ops: list[Op] = []
    if doc.header:
        ops.append(TextOp(LEFT, PAGE_H - 40, doc.header, size=9))
        ops.append(LineOp(LEFT, PAGE_H - 46, RIGHT, PAGE_H - 46))
    if doc.footer:
        text = doc.footer.format(n=n, m=m)
        ops.append(TextOp((PAGE_W - stringWidth(text, REGULAR, 9)) / 2, 36, text, size=9))
    return ops


def _paint_op(canvas: Canvas, op: Op) -> None:
    """Draw one operation."""
    canvas.setLineWidth(0.6)
    if isinstance(op, TextOp):
        canvas.setFont(op.font, op.size)
        canvas.drawString(op.x, op.y, op.text)
    elif isinstance(op, LineOp):
        canvas.line(op.x0, op.y0, op.x1, op.y1)
    else:
        canvas.rect(op.x, op.y, op.w, op.h, stroke=1, fill=0)


def _fit(text: str, font: str, size: float, width: float) -> float:
    """Return the largest font size ≤ ``size`` (down to 7pt) at which ``text`` fits ``width``."""
    while size > 7 and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _measure(font: str = REGULAR, size: float = BODY_SIZE) -> Callable[[str], float]:
    """Return a width function for ``wrap``."""
    return lambda s: stringWidth(s, font, size)


def _marker_font(marker: str) -> str:
    """Return the font that draws a bullet marker."""
    return SYMBOL if marker == "•" else REGULAR


@singledispatch
def place(element: Element, flow: Flow) -> None:
    """Lay out one element on the flow."""
    raise TypeError(f"no PDF rendering for {element!r}")


@place.register
def _title(element: Title, flow: Flow) -> None:
    """Place the title, large and bold."""
    size = _fit(element.text, BOLD, 18, RIGHT - LEFT)
    flow.draw(TextOp(LEFT, flow.advance(26), element.text, BOLD, size))


@place.register
def _subtitle(element: Subtitle, flow: Flow) -> None:
    """Place the subtitle."""
    flow.draw(TextOp(LEFT, flow.advance(20), element.text, REGULAR, 13))
    flow.gap(6)


@place.register
def _line(element: Line, flow: Flow) -> None:
    """Place a standalone line."""
    flow.text_lines([element.text], LEFT)


@place.register
def _heading(element: Heading, flow: Flow) -> None:
    """Place a heading kept with two following lines; an aside score goes in a box level with it."""
    size = (14.0 if element.level == 1 else 12.0) if element.styled else 10.5
    width = (ASIDE_X - 12 if element.aside else RIGHT) - LEFT
    flow.gap(10 if element.level == 1 else 8)
    flow.need(20 + 2 * LEADING)
    baseline = flow.advance(20)
    flow.draw(TextOp(LEFT, baseline, element.text, BOLD, _fit(element.text, BOLD, size, width)))
    if element.aside:
        flow.draw(RectOp(ASIDE_X, baseline - 6, RIGHT - ASIDE_X, 20))
        aside_size = _fit(element.aside, BOLD, 10.5, RIGHT - ASIDE_X - 12)
        flow.draw(TextOp(ASIDE_X + 6, baseline, element.aside, BOLD, aside_size))
    flow.gap(2)


@place.register
def _score(element: ScoreLine, flow: Flow) -> None:
    """Place a score line; a bold value is drawn in the bold face after the label."""
    baseline = flow.advance(LEADING)
    flow.draw(TextOp(LEFT, baseline, element.label))
    if element.value:
        x = LEFT + stringWidth(element.label, REGULAR, BODY_SIZE)
        flow.draw(TextOp(x, baseline, element.value, BOLD if element.bold else REGULAR))


@place.register
def _paragraph(element: Paragraph, flow: Flow) -> None:
    """Place a paragraph, wrapped (and hyphenated if the layout says so); it may cross pages."""
    flow.gap(5)
    first, *rest = wrap(element.text, RIGHT - LEFT, _measure(), flow.hyphenate)
    flow.text_lines([first], LEFT)
    page = len(flow.pages)
    flow.text_lines(rest, LEFT)
    flow.split_paragraphs += len(flow.pages) > page


@place.register
def _bullets(element: Bullets, flow: Flow) -> None:
    """Place bullets with a hanging indent; unstyled lists are the same in a PDF."""
    flow.gap(3)
    for item in element.items:
        first, *rest = wrap(item, RIGHT - LEFT - BULLET_INDENT, _measure())
        baseline = flow.advance(LEADING)
        flow.draw(TextOp(LEFT + 4, baseline, element.marker, _marker_font(element.marker)))
        flow.draw(TextOp(LEFT + BULLET_INDENT, baseline, first))
        flow.text_lines(rest, LEFT + BULLET_INDENT)


@place.register
def _columns(element: BulletColumns, flow: Flow) -> None:
    """Place a bullet list as side-by-side columns whose rows share baselines."""
    col_w = (RIGHT - LEFT) / len(element.groups)
    width = col_w - BULLET_INDENT - 6
    wrapped = [[wrap(item, width, _measure()) for item in group] for group in element.groups]
    heights = [max(len(col[r]) for col in wrapped if r < len(col)) for r in range(len(wrapped[0]))]
    flow.gap(3)
    flow.need(sum(heights) * LEADING)
    marker_font = _marker_font(element.marker)
    for r, height in enumerate(heights):
        top = flow.y
        for c, col in enumerate(wrapped):
            if r < len(col):
                x = LEFT + c * col_w
                flow.draw(TextOp(x + 4, top - LEADING, element.marker, marker_font))
                for k, line in enumerate(col[r]):
                    flow.draw(TextOp(x + BULLET_INDENT, top - (k + 1) * LEADING, line))
        flow.y = top - height * LEADING


@place.register
def _table(element: Table, flow: Flow) -> None:
    """Place a table ruled on every cell edge (so pdfplumber's line strategy finds it)."""
    rows, widths = element.rows, element.widths
    xs = [LEFT + sum(widths[:i]) for i in range(len(widths) + 1)]
    flow.gap(6)
    flow.need(len(rows) * ROW_H + 2 * LEADING)
    top = flow.y
    for r, row in enumerate(rows):
        baseline = top - r * ROW_H - 12.5
        for c, cell in enumerate(row):
            font = BOLD if element.is_bold(r, c) else REGULAR
            size = _fit(cell, font, 9.5 if element.bold == "header" else 10, widths[c] - 8)
            flow.draw(TextOp(xs[c] + 4, baseline, cell, font, size))
    bottom = top - len(rows) * ROW_H
    for r in range(len(rows) + 1):
        flow.draw(LineOp(xs[0], top - r * ROW_H, xs[-1], top - r * ROW_H))
    for x in xs:
        flow.draw(LineOp(x, top, x, bottom))
    flow.y = bottom - 4


@place.register
def _spacer(element: Spacer, flow: Flow) -> None:
    """Leave ``lines`` × 4pt of space."""
    flow.gap(4 * element.lines)


@place.register
def _page_break(element: PageBreak, flow: Flow) -> None:
    """Start a new page."""
    flow.new_page()
