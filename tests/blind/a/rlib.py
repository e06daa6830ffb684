"""Rendering helpers shared by the styles (reportlab, python-docx, plain text)."""
import io
import textwrap
import zipfile

from reportlab import rl_config
rl_config.invariant = 1
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.fonts import addMapping

from content import num

FONTDIR = {"dv": "/usr/share/fonts/truetype/dejavu/", "lib": "/usr/share/fonts/truetype/liberation/"}
FAMILIES = {
    "DejaVuSans": ("dv", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    "DejaVuSerif": ("dv", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
    "DejaVuCond": ("dv", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf", "DejaVuSansCondensed-Oblique.ttf", "DejaVuSansCondensed-BoldOblique.ttf"),
    "LibSans": ("lib", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),
    "LibSerif": ("lib", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),
    "LibMono": ("lib", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf", "LiberationMono-Italic.ttf", "LiberationMono-BoldItalic.ttf"),
    "LibNarrow": ("lib", "LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf", "LiberationSansNarrow-Italic.ttf", "LiberationSansNarrow-BoldItalic.ttf"),
}
_registered = False


def register_fonts():
    global _registered
    if _registered:
        return
    for fam, (d, r, b, i, bi) in FAMILIES.items():
        base = FONTDIR[d]
        pdfmetrics.registerFont(TTFont(fam, base + r))
        pdfmetrics.registerFont(TTFont(fam + "-B", base + b))
        pdfmetrics.registerFont(TTFont(fam + "-I", base + i))
        pdfmetrics.registerFont(TTFont(fam + "-BI", base + bi))
        addMapping(fam, 0, 0, fam)
        addMapping(fam, 1, 0, fam + "-B")
        addMapping(fam, 0, 1, fam + "-I")
        addMapping(fam, 1, 1, fam + "-BI")
    _registered = True


def font_path(fam, bold=False, italic=False):
    d, r, b, i, bi = FAMILIES[fam]
    f = bi if bold and italic else b if bold else i if italic else r
    return FONTDIR[d] + f


def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- score phrases
class Fmt:
    """Per-document printing conventions for codes and scores."""

    def __init__(self, rng, code_forms=None, score_forms=None, nmodes=None, null_forms=None):
        self.code_form = rng.choice(code_forms or ["dot", "dot", "dot", "paren", "plain", "upper"])
        self.score_form = rng.choice(score_forms or ["slash", "slash_sp", "outof", "of", "pct"])
        self.nmode = rng.choice(nmodes or [0, 0, 0, 1])
        self.null_form = rng.choice(null_forms or ["Not assessed", "Not Assessed", "N/A (not assessed)", "NA – not assessed"])

    def n(self, x):
        return num(x, self.nmode)

    def score(self, ind, form=None):
        form = form or self.score_form
        mx = num(ind["max"], 0)
        if ind["score"] is None:
            return {"slash": f"{self.null_form} / {mx}", "slash_sp": f"{self.null_form} / {mx}",
                    "outof": f"{self.null_form} (out of {mx})", "of": f"{self.null_form} (max. {mx})",
                    "pct": f"{self.null_form} (max. {mx})", "marks": f"{self.null_form} (maximum {mx} marks)"}[form]
        sc = self.n(ind["score"])
        if form == "slash":
            return f"{sc}/{mx}"
        if form == "slash_sp":
            return f"{sc} / {mx}"
        if form == "outof":
            return f"{sc} out of {mx}"
        if form == "of":
            return f"{sc} of {mx}"
        if form == "marks":
            return f"{sc} marks out of {mx}"
        if form == "pct":
            return f"{sc}/{mx} ({pct(ind)})"
        raise ValueError(form)

    def s_only(self, ind):
        return self.null_form if ind["score"] is None else self.n(ind["score"])


def pct(ind, dec=0):
    if ind["score"] is None:
        return "–"
    v = 100.0 * ind["score"] / ind["max"]
    return f"{v:.{dec}f}%"


# ---------------------------------------------------------------- plain text
def wrap(text, width, indent="", subsequent=None):
    return textwrap.fill(text, width=width, initial_indent=indent,
                         subsequent_indent=indent if subsequent is None else subsequent,
                         break_long_words=False, break_on_hyphens=False)


def text_table(rows, widths, style="pipe", header=True, aligns=None):
    """Render rows (list of list of str) with wrapped cells. style: pipe | box | plain | grid."""
    aligns = aligns or ["l"] * len(widths)
    def cell_lines(t, w):
        t = str(t)
        ls = []
        for part in t.split("\n"):
            ls += textwrap.wrap(part, w, break_long_words=True, break_on_hyphens=False) or [""]
        return ls
    def fmt_line(cells, w, a):
        out = []
        for c, ww, aa in zip(cells, w, a):
            out.append(c.rjust(ww) if aa == "r" else c.center(ww) if aa == "c" else c.ljust(ww))
        return out
    lines = []
    if style == "box":
        top = "┌" + "┬".join("─" * (w + 2) for w in widths) + "┐"
        mid = "├" + "┼".join("─" * (w + 2) for w in widths) + "┤"
        bot = "└" + "┴".join("─" * (w + 2) for w in widths) + "┘"
        sep_l, sep, sep_r = "│ ", " │ ", " │"
    elif style == "grid":
        top = mid = bot = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        sep_l, sep, sep_r = "| ", " | ", " |"
    elif style == "pipe":
        top = None
        mid = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        bot = None
        sep_l, sep, sep_r = "| ", " | ", " |"
    else:
        top = None
        mid = "  ".join("-" * w for w in widths)
        bot = None
        sep_l, sep, sep_r = "", "  ", ""
    if top:
        lines.append(top)
    for ri, row in enumerate(rows):
        cl = [cell_lines(c, w) for c, w in zip(row, widths)]
        h = max(len(c) for c in cl)
        for k in range(h):
            cells = [c[k] if k < len(c) else "" for c in cl]
            lines.append((sep_l + sep.join(fmt_line(cells, widths, aligns)) + sep_r).rstrip())
        if ri == 0 and header:
            lines.append(mid)
        elif style in ("box", "grid") and ri < len(rows) - 1:
            lines.append(mid)
    if bot:
        lines.append(bot)
    return "\n".join(lines)


# ---------------------------------------------------------------- docx
from docx import Document
from docx.shared import Pt, RGBColor, Cm, Emu
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
import datetime


def new_docx(font="Calibri", size=11):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), font)
    for hn in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        try:
            hs = d.styles[hn]
            hs.font.name = font
            r2 = hs.element.get_or_add_rPr()
            rf = r2.find(qn("w:rFonts"))
            if rf is None:
                rf = OxmlElement("w:rFonts"); r2.append(rf)
            for a in ("w:ascii", "w:hAnsi", "w:cs"):
                rf.set(qn(a), font)
            for at in list(rf.attrib):
                if at.endswith("Theme"):
                    del rf.attrib[at]
        except KeyError:
            pass
    cp = d.core_properties
    cp.author = "Smart Cities Mission"
    cp.created = datetime.datetime(2021, 6, 25, 10, 0, 0)
    cp.modified = datetime.datetime(2021, 6, 25, 10, 0, 0)
    cp.last_modified_by = "SCM"
    cp.revision = 1
    return d


def save_docx(d, path):
    """Save with fixed zip timestamps so output is byte-deterministic."""
    buf = io.BytesIO()
    d.save(buf)
    buf.seek(0)
    zin = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zi = zipfile.ZipInfo(item.filename, date_time=(2021, 6, 25, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(item.filename))


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcolor)
    tcPr.append(shd)


def table_borders(table, sz=4, color="000000", inside=True, outer=True):
    tbl = table._tbl
    tblPr = tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        on = (inside if edge.startswith("inside") else outer)
        e.set(qn("w:val"), "single" if on else "nil")
        e.set(qn("w:sz"), str(sz))
        e.set(qn("w:space"), "0")
        e.set(qn("w:color"), color)
        b.append(e)
    tblPr.append(b)


def cell_text(cell, text, bold=False, size=None, color=None, align=None, italic=False, font=None):
    cell.text = ""
    p = cell.paragraphs[0]
    lines = str(text).split("\n")
    for k, ln in enumerate(lines):
        r = p.add_run(ln)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        if font:
            r.font.name = font
        if k < len(lines) - 1:
            r.add_break()
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


def add_field(run, instr):
    f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr
    f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t"); t.text = "1"
    f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end")
    for el in (f1, it, f2, t, f3):
        run._r.append(el)


def set_cols(section, n, space_twips=567):
    sectPr = section._sectPr
    cols = sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sectPr.append(cols)
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), str(space_twips))


def para(d, text="", bold=False, size=None, color=None, align=None, style=None, italic=False, space_after=None, font=None):
    p = d.add_paragraph(style=style) if style else d.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        if font:
            r.font.name = font
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "j":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def add_blocks_docx(d, blocks, bullet_style="List Bullet", size=None, justify=False):
    for b in blocks:
        if b[0] == "p":
            para(d, b[1], size=size, align="j" if justify else None)
        else:
            for it in b[1]:
                p = d.add_paragraph(style=bullet_style)
                r = p.add_run(it)
                if size:
                    r.font.size = Pt(size)


def landscape(section):
    section.orientation = WD_ORIENT.LANDSCAPE
    w, h = section.page_width, section.page_height
    if w < h:
        section.page_width, section.page_height = h, w


# ---------------------------------------------------------------- reportlab
from reportlab.platypus import BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table, TableStyle, PageBreak, KeepTogether, NextPageTemplate, FrameBreak, CondPageBreak
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter, legal, landscape as rl_landscape
from reportlab.lib.units import mm, cm
from reportlab.lib.enums import TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY


def PS(name, font="DejaVuSans", size=10, leading=None, color=colors.black, align=TA_LEFT, before=0, after=4, **kw):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.3, textColor=color,
                          alignment=align, spaceBefore=before, spaceAfter=after, **kw)


def P(text, style):
    return Paragraph(text, style)


def build_pdf(path, story, pagesize=A4, margins=(20 * mm, 20 * mm, 22 * mm, 20 * mm), on_page=None, on_first=None,
              cols=1, gap=8 * mm, first_cols=None, title="", author="Smart Cities Mission"):
    """margins = (left, right, top, bottom). Page templates: 'first' and 'later' (cols)."""
    register_fonts()
    W, H = pagesize
    l, r, t, b = margins
    def frames(n, idp):
        fw = (W - l - r - gap * (n - 1)) / n
        return [Frame(l + k * (fw + gap), b, fw, H - t - b, id=f"{idp}{k}", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0) for k in range(n)]
    doc = BaseDocTemplate(path, pagesize=pagesize, leftMargin=l, rightMargin=r, topMargin=t, bottomMargin=b,
                          title=title, author=author, creator="Microsoft® Word" if False else "", invariant=1)
    fc = first_cols or cols
    templates = [PageTemplate(id="first", frames=frames(fc, "f"), onPage=on_first or on_page, autoNextPageTemplate="later"),
                 PageTemplate(id="later", frames=frames(cols, "l"), onPage=on_page)]
    doc.addPageTemplates(templates)
    doc.build(story)
    return doc


def blocks_flow(blocks, st, bullet_st=None, bullet_char="•"):
    out = []
    bullet_st = bullet_st or ParagraphStyle("b_" + st.name, parent=st, leftIndent=st.leftIndent + 14, bulletIndent=st.leftIndent + 4, spaceAfter=1, alignment=TA_LEFT)
    for b in blocks:
        if b[0] == "p":
            out.append(Paragraph(esc(b[1]), st))
        else:
            for it in b[1]:
                out.append(Paragraph(esc(it), bullet_st, bulletText=bullet_char))
            out.append(Spacer(1, 3))
    return out


register_fonts()


def pdf_to_text(render, s, rng, path, joiner=None):
    """Render a PDF with `render` to a temporary file and save its extracted plain text at `path`."""
    import os as _os
    import tempfile as _tf
    import pypdfium2 as _pdfium
    fd, tmp = _tf.mkstemp(suffix=".pdf")
    _os.close(fd)
    try:
        render(s, rng, tmp)
        pdf = _pdfium.PdfDocument(tmp)
        pages = []
        for pg in pdf:
            tp = pg.get_textpage()
            pages.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            tp.close(); pg.close()
        pdf.close()
    finally:
        _os.remove(tmp)
    mode = rng.choice(["ff", "blank", "marker"]) if joiner is None else joiner
    if mode == "ff":
        txt = "\n\f".join(pages)
    elif mode == "blank":
        txt = "\n\n\n\n".join(pages)
    else:
        txt = "".join(f"\n--- page {k} ---\n" + p for k, p in enumerate(pages, 1))
    with open(path, "w", encoding="utf-8") as f:
        f.write(txt.strip("\n") + "\n")


def col_widths(table, widths_cm):
    """Fix docx table column widths (grid + every cell)."""
    table.autofit = False
    tbl = table._tbl
    grid = tbl.tblGrid
    gcs = grid.findall(qn("w:gridCol"))
    for gc, w in zip(gcs, widths_cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for c, w in zip(row.cells, widths_cm):
            c.width = Cm(w)


def cant_split(table):
    for row in table.rows:
        trPr = row._tr.get_or_add_trPr()
        e = OxmlElement("w:cantSplit")
        trPr.append(e)
