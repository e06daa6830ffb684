"""Render the document model as a PDF drawn directly on a reportlab canvas,
the way a hand-made office template would: a coloured title band, headings
with rules or bands, score boxes drawn as rectangles, hand-ruled tables.

Layout is done first (a list of drawing operations per page), so the total page
count is known when the furniture ("Page n of N") is drawn.
"""

from __future__ import annotations

import io
import random

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from .fonts import rl_fonts
from .model import Bullets, Document, Table, Text, marker_text, page_label

# role: (bold, size delta, space before, space after, coloured)
ROLES = {
    "cover_title": (True, 12, 30, 14, True), "cover_line": (False, 4, 6, 8, False),
    "title": (True, 7, 4, 6, True), "subtitle": (True, 3, 2, 6, False), "meta": (False, 1, 1, 3, False),
    "h1": (True, 5, 12, 6, True), "pillar": (True, 4, 12, 6, True), "ind": (True, 1.5, 10, 4, False),
    "score": (True, 0, 0, 4, False), "para": (False, 0, 0, 5, False), "total": (True, 1, 4, 6, False),
    "toc": (False, 1, 0, 4, False), "note": (False, -1, 4, 4, False),
}


class _Pager:
    """Accumulates drawing operations page by page."""

    def __init__(self, w: float, h: float, margin: float, fonts: tuple[str, str], base: float):
        self.w, self.h, self.m = w, h, margin
        self.reg, self.bold = fonts
        self.base = base
        self.pages: list[list[tuple]] = [[]]
        self.y = h - margin
        self.width = w - 2 * margin

    def new_page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])
        self.y = self.h - self.m

    def need(self, height: float) -> None:
        if self.y - height < self.m:
            self.new_page()

    def op(self, *args) -> None:
        self.pages[-1].append(args)

    def lines(self, text: str, font: str, size: float, x: float, width: float, align: str = "left",
              color=(0, 0, 0), leading: float | None = None) -> None:
        leading = leading or size * 1.32
        for ln in simpleSplit(text, font, size, width) or [""]:
            self.need(leading)
            self.y -= leading
            self.op("text", x, self.y, font, size, ln, align, width, color)


def _table(p: _Pager, t: Table, size: float) -> None:
    widths = [f * p.width for f in t.widths]
    lead = size * 1.25
    ruled = t.style in ("ruled", "header_shaded")

    def row_lines(row):
        return [[ln for part in c.split("\n") for ln in (simpleSplit(part, p.reg, size, wd - 6) or [""])]
                for c, wd in zip(row, widths)]

    header = t.rows[0] if t.header else None
    for k, row in enumerate(t.rows):
        cells = row_lines(row)
        hgt = max(len(c) for c in cells) * lead + 6
        if p.y - hgt < p.m:
            p.new_page()
            if header is not None and k > 0:
                _row(p, header, row_lines(header), widths, max(len(c) for c in row_lines(header)) * lead + 6, size, t, True, ruled)
        _row(p, row, cells, widths, hgt, size, t, (k == 0 and t.header) or k in t.bold_rows, ruled)
    p.y -= 8


def _row(p, row, cells, widths, hgt, size, t, bold, ruled) -> None:
    x = p.m
    top = p.y
    if bold and t.style == "header_shaded":
        p.op("rect", p.m, top - hgt, p.width, hgt, (0.85, 0.89, 0.95), False)
    for lines, wd, al in zip(cells, widths, t.align):
        yy = top - 3
        for ln in lines:
            yy -= size * 1.25
            align = {"r": "right", "c": "center"}.get(al, "left")
            p.op("text", x + 3, yy + 2, p.bold if bold else p.reg, size, ln, align, wd - 6, (0, 0, 0))
        if ruled:
            p.op("rect", x, top - hgt, wd, hgt, None, True)
        x += wd
    if not ruled and bold:
        p.op("line", p.m, top - hgt, p.m + p.width, top - hgt)
    p.y = top - hgt


def _layout(doc: Document, p: _Pager, rng: random.Random) -> None:
    base = p.base
    color = doc.title_color if doc.title_color != (0, 0, 0) else (0.1, 0.2, 0.5)
    first_title = True
    for b in doc.blocks:
        if isinstance(b, Text):
            bold, dsize, before, after, coloured = ROLES.get(b.role, ROLES["para"])
            size = base + dsize
            font = p.bold if bold else p.reg
            col = color if coloured else (0, 0, 0)
            if b.role == "ind" and doc.emphasis == "plain":
                font = p.reg
            if b.role in ("pillar", "h1"):
                p.need(before + size * 1.4 + base * 12)
            elif b.role == "ind":
                p.need(before + size * 1.4 * 2 + base * 5)
            p.y -= before
            if b.role == "title" and first_title and doc.emphasis == "band":
                first_title = False
                p.op("rect", 0, p.y - size * 1.6 - 6, p.w, size * 1.6 + 12, color, False)
                col = (1, 1, 1)
            if b.role == "ind" and b.box:
                bw = min(160.0, max(72.0, len(b.box) * base * 0.58))
                top = p.y
                head_lines = simpleSplit(b.text, font, size, p.width - bw - 12)
                box_lines = simpleSplit(b.box, p.bold, base, bw - 8)
                hgt = max(len(head_lines) * size * 1.3, len(box_lines) * base * 1.3) + 8
                p.need(hgt)
                top = p.y
                p.op("rect", p.m + p.width - bw, top - hgt, bw, hgt, None, True)
                for k, ln in enumerate(head_lines):
                    p.op("text", p.m, top - 4 - (k + 1) * size * 1.3 + 2, font, size, ln, "left", p.width, col)
                for k, ln in enumerate(box_lines):
                    p.op("text", p.m + p.width - bw + 4, top - 4 - (k + 1) * base * 1.3 + 2, p.bold, base, ln, "center", bw - 8, (0, 0, 0))
                p.y = top - hgt
            elif b.role == "ind" and doc.emphasis == "band":
                p.need(size * 1.5 + 6)
                p.op("rect", p.m - 3, p.y - size * 1.5 - 3, p.width + 6, size * 1.5 + 4, (0.86, 0.9, 0.96), False)
                p.lines(b.text, font, size, p.m, p.width, b.align, col)
            else:
                p.lines(b.text, font, size, p.m, p.width, b.align, col)
            if b.role in ("h1", "pillar") or (b.role == "ind" and doc.emphasis == "heading_style"):
                p.op("line", p.m, p.y - 3, p.m + p.width, p.y - 3)
                p.y -= 3
            p.y -= after
        elif isinstance(b, Bullets):
            for k, item in enumerate(b.items):
                m = marker_text(b.marker, k)
                p.need(base * 1.3)
                p.op("text", p.m + 8, p.y - base * 1.3, p.reg, base, m, "left", 20, (0, 0, 0))
                p.lines(item, p.reg, base, p.m + 26, p.width - 26)
            p.y -= 5
        elif isinstance(b, Table):
            _table(p, b, base - 0.5)
        elif b.kind in ("page", "columns"):
            p.new_page()
        elif b.kind == "rule":
            p.y -= 4
            p.op("line", p.m, p.y, p.m + p.width, p.y)
            p.y -= 8
        else:
            p.y -= 14


def _draw(c: Canvas, o: tuple) -> None:
    kind = o[0]
    if kind == "text":
        _, x, y, font, size, s, align, width, color = o
        c.setFillColorRGB(*color)
        c.setFont(font, size)
        if align == "center":
            c.drawCentredString(x + width / 2, y, s)
        elif align == "right":
            c.drawRightString(x + width, y, s)
        else:
            c.drawString(x, y, s)
    elif kind == "rect":
        _, x, y, w, h, fill, stroke = o
        if fill:
            c.setFillColorRGB(*fill)
        c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)
    elif kind == "line":
        c.setLineWidth(0.6)
        c.line(*o[1:5])


def render_canvas(doc: Document, rng: random.Random) -> bytes:
    w, h = A4
    base = rng.choice((9.5, 10.0, 10.5))
    margin = rng.choice((20, 22, 25)) * mm
    fonts = rl_fonts(doc.font)
    p = _Pager(w, h, margin, fonts, base)
    _layout(doc, p, rng)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("DMAF City Report")
    total = len(p.pages)
    for n, ops in enumerate(p.pages, 1):
        if doc.watermark:
            c.saveState()
            c.setFillColorRGB(0.88, 0.88, 0.88)
            c.setFont(fonts[1], 44)
            c.translate(w / 2, h / 2)
            c.rotate(45)
            c.drawCentredString(0, 0, doc.watermark)
            c.restoreState()
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.setFont(fonts[0], 8)
        if doc.header:
            c.drawString(margin, h - 12 * mm, doc.header)
            c.line(margin, h - 13.5 * mm, w - margin, h - 13.5 * mm)
        label = page_label(doc.page_numbers, n, total)
        if doc.footer:
            c.drawString(margin, 11 * mm, doc.footer)
        if label:
            c.drawRightString(w - margin, 11 * mm, label)
        for o in ops:
            _draw(c, o)
        c.showPage()
    c.save()
    return buf.getvalue()
