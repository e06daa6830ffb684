"""Render the document model as a PDF with reportlab platypus (flowing text,
real tables, score boxes as two-cell tables, optional two-column body, running
header/footer, "Page n of N" via a deferred canvas, watermark). invariant=1
keeps the bytes reproducible.
"""

from __future__ import annotations

import io
import random
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from .fonts import rl_fonts
from .model import Break, Bullets, Document, Table, Text, marker_text, page_label

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def _styles(doc: Document, base: float) -> dict[str, ParagraphStyle]:
    reg, bold = rl_fonts(doc.font)
    col = colors.Color(*doc.title_color)
    s = {
        "para": ParagraphStyle("para", fontName=reg, fontSize=base, leading=base * 1.35, spaceAfter=base * 0.6),
        "title": ParagraphStyle("title", fontName=bold, fontSize=base + 8, leading=base + 12, spaceAfter=6, textColor=col),
        "subtitle": ParagraphStyle("subtitle", fontName=bold, fontSize=base + 3, leading=base + 6, spaceAfter=6),
        "cover_title": ParagraphStyle("cover_title", fontName=bold, fontSize=base + 12, leading=base + 18, spaceAfter=14, textColor=col),
        "cover_line": ParagraphStyle("cover_line", fontName=reg, fontSize=base + 4, leading=base + 8, spaceAfter=10),
        "meta": ParagraphStyle("meta", fontName=reg, fontSize=base + 1, leading=base * 1.5, spaceAfter=2),
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=base + 5, leading=base + 9, spaceBefore=10, spaceAfter=8, textColor=col),
        "pillar": ParagraphStyle("pillar", fontName=bold, fontSize=base + 4, leading=base + 8, spaceBefore=10, spaceAfter=6, textColor=col),
        "score": ParagraphStyle("score", fontName=bold, fontSize=base, leading=base * 1.4, spaceAfter=4),
        "total": ParagraphStyle("total", fontName=bold, fontSize=base + 1, leading=base * 1.5, spaceBefore=4, spaceAfter=6),
        "toc": ParagraphStyle("toc", fontName=reg, fontSize=base + 1, leading=base * 1.6),
        "note": ParagraphStyle("note", fontName=reg, fontSize=base - 1, leading=base * 1.3, textColor=colors.grey),
        "cell": ParagraphStyle("cell", fontName=reg, fontSize=base - 0.5, leading=(base - 0.5) * 1.25),
        "cellb": ParagraphStyle("cellb", fontName=bold, fontSize=base - 0.5, leading=(base - 0.5) * 1.25),
        "box": ParagraphStyle("box", fontName=bold, fontSize=base, leading=base * 1.25, alignment=TA_CENTER),
    }
    e = doc.emphasis
    ind = ParagraphStyle("ind", fontName=bold, fontSize=base + 1, leading=(base + 1) * 1.3, spaceBefore=8, spaceAfter=4)
    if e == "larger":
        ind.fontSize, ind.leading = base + 3, base + 6
    elif e == "heading_style":
        ind.fontSize, ind.leading, ind.textColor = base + 3, base + 6, col
    elif e == "plain":
        ind.fontName = reg
    elif e == "band":
        ind.textColor, ind.backColor, ind.borderPadding = colors.white, colors.Color(*doc.title_color) if doc.title_color != (0, 0, 0) else colors.darkblue, 3
        ind.spaceBefore = 12
    s["ind"] = ind
    return s


def _p(text: str, style: ParagraphStyle, align: str = "left") -> Paragraph:
    if align != "left":
        style = ParagraphStyle(style.name + align, parent=style, alignment=ALIGN[align])
    return Paragraph(escape(text).replace("\n", "<br/>").replace("  ", "&nbsp; "), style)


def _table(t: Table, st: dict, width: float) -> RLTable:
    data = []
    for k, row in enumerate(t.rows):
        bold = (k == 0 and t.header) or k in t.bold_rows
        data.append([_p(c, st["cellb" if bold else "cell"], {"r": "right", "c": "center"}.get(a, "left"))
                     for c, a in zip(row, t.align)])
    tbl = RLTable(data, colWidths=[f * width for f in t.widths], repeatRows=1 if t.header else 0, hAlign="LEFT")
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if t.style == "ruled":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif t.style == "header_shaded":
        cmds += [("BOX", (0, 0), (-1, -1), 0.6, colors.grey), ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.lightgrey)]
        if t.header:
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.82, 0.87, 0.95)))
    elif t.header:
        cmds.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black))
    for r in t.bold_rows:
        cmds.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.93, 0.93, 0.93)))
    tbl.setStyle(TableStyle(cmds))
    return tbl


def _story(blocks: tuple, st: dict, width: float) -> list:
    story: list = []
    pending_head = None
    for b in blocks:
        flow = None
        if isinstance(b, Text):
            if b.role == "ind" and b.box:
                bw = min(150.0, max(70.0, 6.2 * len(b.box)))
                head = RLTable([[_p(b.text, st["ind"]), _p(b.box, st["box"])]], colWidths=[width - bw - 6, bw + 6])
                head.setStyle(TableStyle([("BOX", (1, 0), (1, 0), 1.0, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                          ("LEFTPADDING", (0, 0), (0, 0), 0), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                          ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
                flow = [Spacer(1, 6), head, Spacer(1, 4)]
            else:
                flow = [_p(b.text, st[b.role], b.align)]
        elif isinstance(b, Bullets):
            flow = [Paragraph(escape(item), ParagraphStyle("li", parent=st["para"], leftIndent=18, bulletIndent=6, spaceAfter=2),
                              bulletText=marker_text(b.marker, k)) for k, item in enumerate(b.items)]
            flow.append(Spacer(1, 4))
        elif isinstance(b, Table):
            flow = [_table(b, st, width), Spacer(1, 8)]
        elif b.kind == "page":
            flow = [PageBreak()]
        elif b.kind == "columns":
            flow = [NextPageTemplate("two"), PageBreak()]
        elif b.kind == "rule":
            flow = [HRFlowable(width="100%", thickness=0.5, color=colors.grey, spaceBefore=4, spaceAfter=6)]
        else:
            flow = [Spacer(1, 12)]
        if isinstance(b, Text) and b.role in ("ind", "pillar", "h1"):
            pending_head = (pending_head or []) + flow  # keep headings with what follows
            continue
        if pending_head is not None:
            story.append(KeepTogether(pending_head + flow[:1]))
            flow = flow[1:]
            pending_head = None
        story += flow
    if pending_head:
        story += pending_head
    return story


def _canvas_maker(doc: Document, font: str):
    class NumberedCanvas(rl_canvas.Canvas):
        """Defers pages so the total page count is known when stamping numbers."""

        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._saved: list[dict] = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for n, state in enumerate(self._saved, 1):
                self.__dict__.update(state)
                w, h = self._pagesize
                label = page_label(doc.page_numbers, n, total)
                self.setFont(font, 8.5)
                if doc.footer:
                    self.drawString(20 * mm, 12 * mm, doc.footer)
                    self.drawRightString(w - 20 * mm, 12 * mm, label)
                elif label:
                    self.drawCentredString(w / 2, 12 * mm, label)
                super().showPage()
            super().save()

    return NumberedCanvas


def render_rl(doc: Document, rng: random.Random) -> bytes:
    size = rng.choice((A4, A4, letter))
    base = rng.choice((9.5, 10.0, 10.5, 11.0))
    margin = rng.choice((18, 20, 25)) * mm
    st = _styles(doc, base)
    reg, bold = rl_fonts(doc.font)
    buf = io.BytesIO()
    w, h = size
    width = w - 2 * margin

    def on_page(c, _d):
        c.saveState()
        if doc.header:
            c.setFont(reg, 8.5)
            c.drawRightString(w - margin, h - 12 * mm, doc.header)
            c.setLineWidth(0.4)
            c.line(margin, h - 13.5 * mm, w - margin, h - 13.5 * mm)
        if doc.watermark:
            c.setFillColor(colors.Color(0.85, 0.85, 0.85))
            c.setFont(bold, 46)
            c.translate(w / 2, h / 2)
            c.rotate(40)
            c.drawCentredString(0, 0, doc.watermark)
        c.restoreState()

    one = Frame(margin, margin, width, h - 2 * margin, id="one")
    gap = 8 * mm
    colw = (width - gap) / 2
    two = [Frame(margin, margin, colw, h - 2 * margin, id="l"), Frame(margin + colw + gap, margin, colw, h - 2 * margin, id="r")]
    tpl = BaseDocTemplate(buf, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
                          invariant=1, title="DMAF City Report", author="Smart Cities Mission", creator="", producer="")
    tpl.addPageTemplates([PageTemplate("one", [one], onPage=on_page), PageTemplate("two", two, onPage=on_page)])
    cut = next((k for k, b in enumerate(doc.blocks) if isinstance(b, Break) and b.kind == "columns"), None)
    if doc.columns == 2 and cut is not None:
        story = _story(doc.blocks[:cut + 1], st, width) + _story(doc.blocks[cut + 1:], st, colw)
    else:
        story = _story(doc.blocks, st, width)
    tpl.build(story, canvasmaker=_canvas_maker(doc, reg))
    return buf.getvalue()

