"""Renderers for blind set I: a neutral element list -> PDF (reportlab), DOCX (python-docx), TXT.

Elements: ("center", text, size, bold) ("h1", t) ("h2", t) ("h3", t) ("p", t) ("b", t) ("small", t)
("ul", items) ("hs", heading, score) ("table", rows, opts) ("dots", [(label, page)]) ("sp", h)
("pb",) ("pb_odd",) ("template", "port"|"land") ("mark", report_index|None) ("divpage", i)
"""
import datetime
import io
import textwrap
import zipfile
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (ActionFlowable, BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)

# ------------------------------------------------------------------------------------------- PDF
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=5)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Helvetica-Bold")
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, textColor=colors.grey)
H1 = ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=8,
                    spaceBefore=4)
H2 = ParagraphStyle("h2", parent=BODY, fontName="Helvetica-Bold", fontSize=11.5, leading=14, spaceBefore=8,
                    spaceAfter=4, keepWithNext=1)
H3 = ParagraphStyle("h3", parent=BODY, fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10,
                    spaceAfter=4, textColor=colors.HexColor("#1f3b73"), keepWithNext=1)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11, spaceAfter=0)
CELLS = ParagraphStyle("cells", parent=BODY, fontSize=8, leading=9.5, spaceAfter=0)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
RIGHT = ParagraphStyle("right", parent=BOLD, alignment=TA_RIGHT, spaceAfter=0)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=16, bulletIndent=5, spaceAfter=2)


def X(t):
    return escape(t)


class Mark(Flowable):
    """Zero-size marker: the report that following flowables belong to (None = no report)."""
    _ZEROSIZE = True

    def __init__(self, key, kind="mark"):
        Flowable.__init__(self)
        self.key, self.kind = key, kind
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return (0, 0)

    def draw(self):
        pass


class OddStart(ActionFlowable):
    """After a page break: if the new page is even, mark it blank and break again."""

    def apply(self, doc):
        if doc.page % 2 == 0:
            c = doc.canv
            w, h = c._pagesize
            c.setFont("Helvetica-Oblique", 10)
            c.drawCentredString(w / 2, h / 2, "This page is intentionally left blank")
            doc.handle_pageBreak()


class DotLine(Flowable):
    def __init__(self, label, page, width):
        Flowable.__init__(self)
        self.label, self.page, self.width, self.height = label, page, width, 18

    def wrap(self, aw, ah):
        return (self.width, self.height)

    def draw(self):
        c = self.canv
        c.setFont("Helvetica", 11)
        c.drawString(0, 4, self.label)
        c.drawRightString(self.width, 4, self.page)
        x0 = stringWidth(self.label, "Helvetica", 11) + 6
        x1 = self.width - stringWidth(self.page, "Helvetica", 11) - 6
        dots = ""
        dw = stringWidth(" .", "Helvetica", 11)
        n = int((x1 - x0) / dw)
        if n > 0:
            dots = " ." * n
            c.drawRightString(x1, 4, dots)


class Doc(BaseDocTemplate):
    def __init__(self, path, hdr, info, land, **kw):
        BaseDocTemplate.__init__(self, path, pagesize=A4, invariant=1, leftMargin=2 * cm, rightMargin=2 * cm,
                                 topMargin=2.2 * cm, bottomMargin=2 * cm, title=hdr.get("title") or "Compendium",
                                 author="Smart Cities Mission", **kw)
        self.hdr, self.info = hdr, info
        self.cur = None
        self.ranges, self.divpages = {}, {}
        tpls = []
        for tid, size in (("port", A4), ("land", landscape(A4))):
            fr = Frame(2 * cm, 2 * cm, size[0] - 4 * cm, size[1] - 4.2 * cm, id="f_" + tid)
            tpls.append(PageTemplate(id=tid, frames=[fr], onPage=self.on_page, pagesize=size))
        self.addPageTemplates(tpls)

    def on_page(self, c, doc):
        page = doc.page
        total = self.info["total"] if self.info else 0
        w, h = c._pagesize
        c.saveState()
        c.setFont("Helvetica", 8.5)
        hf = self.hdr.get("header")
        if hf:
            t = hf(page, total, self.info)
            if t:
                if len(t) == 1:
                    c.drawCentredString(w / 2, h - 1.3 * cm, t[0])
                else:
                    c.drawString(2 * cm, h - 1.3 * cm, t[0])
                    c.drawRightString(w - 2 * cm, h - 1.3 * cm, t[1])
                c.setLineWidth(0.4)
                c.line(2 * cm, h - 1.45 * cm, w - 2 * cm, h - 1.45 * cm)
        ff = self.hdr.get("footer")
        if ff:
            t = ff(page, total, self.info)
            if t:
                c.drawCentredString(w / 2, 1.1 * cm, t)
        c.restoreState()

    def afterFlowable(self, f):
        if isinstance(f, Mark):
            if f.kind == "mark":
                self.cur = f.key
            else:
                self.divpages[f.key] = self.page
            return
        if isinstance(f, (ActionFlowable, PageBreak, Spacer)):
            return
        if self.cur is not None:
            a, b = self.ranges.get(self.cur, (self.page, self.page))
            self.ranges[self.cur] = (min(a, self.page), max(b, self.page))


def _table(rows, opts, width):
    small = opts.get("small")
    st = CELLS if small else CELL
    hdr = opts.get("header")
    bold_cols = set(opts.get("bold_cols", []))
    data = []
    for r, row in enumerate(rows):
        cells = []
        for j, v in enumerate(row):
            sty = CELLB if ((hdr and r == 0) or j in bold_cols) else st
            cells.append(Paragraph(X(v), sty))
        data.append(cells)
    ncol = max(len(r) for r in rows)
    fr = opts.get("widths") or [1.0 / ncol] * ncol
    t = Table(data, colWidths=[f * width for f in fr], repeatRows=1 if hdr else 0, hAlign="LEFT")
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if opts.get("grid", True):
        cmds.append(("GRID", (0, 0), (-1, -1), 0.4, colors.grey))
    if hdr:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe6f0")))
    t.setStyle(TableStyle(cmds))
    return t


def pdf_flowables(els):
    out = []
    width = A4[0] - 4 * cm
    pending_tpl = None
    for e in els:
        k = e[0]
        if k == "center":
            _, text, size, bold = e
            st = ParagraphStyle("c%s%s" % (size, bold), parent=BODY, fontSize=size, leading=size * 1.25,
                                alignment=TA_CENTER, fontName="Helvetica-Bold" if bold else "Helvetica",
                                spaceAfter=size * 0.4)
            out.append(Paragraph(X(text), st))
        elif k in ("h1", "h2", "h3", "p", "b", "small"):
            out.append(Paragraph(X(e[1]), {"h1": H1, "h2": H2, "h3": H3, "p": BODY, "b": BOLD, "small": SMALL}[k]))
        elif k == "ul":
            for it in e[1]:
                out.append(Paragraph(X(it), BULLET, bulletText="\u2022"))
        elif k == "hs":
            t = Table([[Paragraph(X(e[1]), H2), Paragraph(X(e[2]), RIGHT)]], colWidths=[width * 0.72, width * 0.28])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0),
                                   ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor("#1f3b73"))]))
            t.keepWithNext = 1
            out.append(t)
        elif k == "table":
            out.append(_table(e[1], e[2], width))
        elif k == "dots":
            for lab, pg in e[1]:
                out.append(DotLine(lab, pg, width))
        elif k == "sp":
            out.append(Spacer(1, e[1]))
        elif k == "pb":
            out.append(PageBreak())
            if pending_tpl:
                width = pending_tpl
                pending_tpl = None
        elif k == "pb_odd":
            out.append(PageBreak())
            out.append(OddStart())
        elif k == "template":
            out.append(NextPageTemplate(e[1]))
            pending_tpl = (landscape(A4)[0] if e[1] == "land" else A4[0]) - 4 * cm
        elif k == "mark":
            out.append(Mark(e[1]))
        elif k == "divpage":
            out.append(Mark(e[1], "div"))
        else:
            raise ValueError(k)
    return out


def render_pdf(path, els, hdr, info, landscape=False):
    doc = Doc(path, hdr, info, landscape)
    doc.build(pdf_flowables(els))
    return {"ranges": dict(doc.ranges), "divpages": dict(doc.divpages), "total": doc.page}


# ------------------------------------------------------------------------------------------ DOCX
def render_docx(path, els, opts):
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Pt, Cm

    d = docx.Document()
    heads = opts.get("headings", True)
    mode = opts.get("break", "run")
    pending = [False]
    nsec = [0]

    def set_header(sec, text):
        sec.header.is_linked_to_previous = False
        p = sec.header.paragraphs[0]
        p.text = text
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    if opts.get("header"):
        set_header(d.sections[0], opts["header"])
    if opts.get("header_fn"):
        set_header(d.sections[0], opts["header_fn"](0))

    def para(text="", style=None, bold=False, size=None, align=None):
        p = d.add_paragraph(style=style)
        if text:
            r = p.add_run(text)
            r.bold = bold or None
            if size:
                r.font.size = Pt(size)
        if align == "c":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if pending[0]:
            p.paragraph_format.page_break_before = True
            pending[0] = False
        return p

    def heading(text, level, size):
        if heads:
            if pending[0]:
                p = d.add_heading(text, level=level)
                p.paragraph_format.page_break_before = True
                pending[0] = False
                return p
            return d.add_heading(text, level=level)
        return para(text, bold=True, size=size)

    for e in els:
        k = e[0]
        if k == "center":
            if heads and e[3] and e[2] >= 15:
                p = heading(e[1], 0 if e[2] >= 24 else 1, e[2])
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                para(e[1], bold=e[3], size=min(e[2], 26), align="c")
        elif k == "h1":
            heading(e[1], 1, 16)
        elif k == "h2":
            heading(e[1], 2, 12)
        elif k == "h3":
            heading(e[1], 3, 12)
        elif k == "p":
            para(e[1])
        elif k == "b":
            para(e[1], bold=True)
        elif k == "small":
            para(e[1], size=8)
        elif k == "ul":
            for it in e[1]:
                para(it, style="List Bullet")
        elif k == "hs":
            p = para(e[1] + "\t" + e[2], bold=True)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
        elif k == "dots":
            for lab, pg in e[1]:
                p = para(lab + "\t" + pg)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        elif k == "table":
            rows, o = e[1], e[2]
            if pending[0]:
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                pending[0] = False
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    cell = t.cell(i, j)
                    cell.text = v
                    if (o.get("header") and i == 0) or j in o.get("bold_cols", []):
                        for r in cell.paragraphs[0].runs:
                            r.bold = True
            d.add_paragraph()
        elif k == "sp":
            pass
        elif k == "pb":
            if mode == "run":
                if d.paragraphs:
                    d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
                else:
                    d.add_page_break()
            elif mode == "para":
                pending[0] = True
            else:
                sec = d.add_section(WD_SECTION.NEW_PAGE)
                nsec[0] += 1
                if opts.get("header_fn"):
                    set_header(sec, opts["header_fn"](nsec[0]))
        elif k in ("mark", "divpage", "template", "pb_odd"):
            pass
        else:
            raise ValueError(k)
    cp = d.core_properties
    fixed = datetime.datetime(2021, 6, 25, 10, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    cp.last_modified_by = "SCM"
    cp.author = "Smart Cities Mission"
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    _fix_zip(buf.getvalue(), path)


def _fix_zip(data, path):
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2021, 6, 25, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))


# ------------------------------------------------------------------------------------------- TXT
def txt_lines(els, opts, wrap):
    md = opts.get("markdown")
    out = []

    def add(lines, blank=True):
        out.extend(lines)
        if blank:
            out.append("")

    def w(t, indent=""):
        if not wrap:
            return [indent + t]
        return textwrap.wrap(t, wrap, initial_indent=indent, subsequent_indent=indent + ("  " if indent else "")) or [""]

    for e in els:
        k = e[0]
        if k == "center":
            t = e[1]
            if md and e[3]:
                add(["# " + t])
            else:
                add([t.center(wrap or 80).rstrip()])
        elif k == "h1":
            add(["# " + e[1]] if md else [e[1], opts.get("underline", "=") * min(len(e[1]), 80)])
        elif k == "h2":
            add(["## " + e[1]] if md else [e[1]])
        elif k == "h3":
            add(["### " + e[1]] if md else [e[1].upper()])
        elif k == "p":
            add(w(e[1]))
        elif k == "b":
            t = e[1]
            if md and ":" in t:
                a, b = t.split(":", 1)
                t = "%s: **%s**" % (a, b.strip())
            add([t])
        elif k == "small":
            add([e[1]])
        elif k == "ul":
            lines = []
            for it in e[1]:
                lines += w(it, "- ")
            add(lines)
        elif k == "hs":
            pad = max(2, (wrap or 90) - len(e[1]) - len(e[2]))
            add([e[1] + " " * pad + e[2]])
        elif k == "table":
            rows = e[1]
            ncol = max(len(r) for r in rows)
            rows = [r + [""] * (ncol - len(r)) for r in rows]
            if md:
                lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * ncol]
                lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            else:
                cap = 60 if ncol <= 3 else 44
                wid = [min(cap, max(len(r[j]) for r in rows)) for j in range(ncol)]
                lines = []
                for r in rows:
                    cells = [textwrap.wrap(r[j], wid[j]) or [""] for j in range(ncol)]
                    for h in range(max(len(c) for c in cells)):
                        lines.append("  ".join((c[h] if h < len(c) else "").ljust(wid[j])
                                               for j, c in enumerate(cells)).rstrip())
            add(lines)
        elif k == "dots":
            add([lab + " " + "." * max(3, 60 - len(lab) - len(pg)) + " " + pg for lab, pg in e[1]])
        elif k == "sp":
            out.append("")
        elif k in ("mark", "divpage", "template", "pb", "pb_odd"):
            pass
        else:
            raise ValueError(k)
    return out


def render_txt(path, chunks, opts):
    sep = opts.get("sep", "formfeed")
    if sep == "formfeed":
        per = opts.get("lines", 55)
        pages = []
        for ch in chunks:
            lines = txt_lines(ch, opts, 88)
            body = per - 4
            for i in range(0, max(1, len(lines)), body):
                pages.append(lines[i:i + body])
        total = len(pages)
        texts = []
        for n, pg in enumerate(pages, 1):
            head = [opts.get("header", ""), ""]
            foot = ["", opts.get("footer", "Page {p}").format(p=n, t=total).center(88).rstrip()]
            texts.append("\n".join(head + pg + [""] * (per - 4 - len(pg)) + foot))
        text = "\f".join(texts) + "\n"
    else:
        parts = ["\n".join(txt_lines(ch, opts, None)).rstrip() for ch in chunks]
        text = ("\n\n" + sep + "\n\n").join(parts) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
