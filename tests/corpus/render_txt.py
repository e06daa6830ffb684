"""Render a laid-out report as plain text, the way text extractions of real reports look."""

from __future__ import annotations

from functools import singledispatch
from pathlib import Path

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
from .text import encode_text, wrap

LINES_PER_PAGE = 48
ASIDE_COLUMN = 72


def render_txt(spec: ReportSpec, layout: str, path: Path, *, variant: int = 0) -> None:
    """Write ``spec`` as a TXT file in ``layout``."""
    write_txt(layout_document(spec, layout, variant), path)


def write_txt(doc: Doc, path: Path) -> None:
    """Write a laid-out report as TXT, paginated with its header/footer when it has them."""
    lines = doc_lines(doc)
    if doc.header or doc.footer:
        lines = paginate(lines, doc.header, doc.footer)
    Path(path).write_bytes(encode_text("\n".join(lines) + "\n", doc.codec))


def doc_lines(doc: Doc) -> list[str]:
    """Return the report's lines, elements separated by one blank line."""
    lines: list[str] = []
    for element in doc.elements:
        block = element_lines(element, doc)
        if isinstance(element, Spacer):
            lines += block
        elif block:
            lines += [*block, ""]
    return lines


def paginate(lines: list[str], header: str | None, footer: str | None) -> list[str]:
    """Return ``lines`` cut into pages framed by a header line and a "Page N of M" line."""
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    out: list[str] = []
    for n, page in enumerate(pages, start=1):
        top = [header, ""] if header else []
        bottom = ["", footer.format(n=n, m=len(pages)), ""] if footer else []
        out += [*top, *page, *bottom]
    return out


def _wrapped(text: str, doc: Doc, indent: str = "") -> list[str]:
    """Return ``text`` as one line, or hard-wrapped when the layout wraps."""
    if doc.wrap is None:
        return [text]
    lines = wrap(text, doc.wrap - len(indent), hyphenate=doc.hyphenate)
    return [lines[0], *(indent + line for line in lines[1:])]


@singledispatch
def element_lines(element: Element, doc: Doc) -> list[str]:
    """Return the lines of one element."""
    raise TypeError(f"no TXT rendering for {element!r}")


@element_lines.register(Title)
@element_lines.register(Subtitle)
@element_lines.register(Line)
@element_lines.register(Paragraph)
def _text(element: Title | Subtitle | Line | Paragraph, doc: Doc) -> list[str]:
    """Return a line of text, wrapped when the layout wraps."""
    return _wrapped(element.text, doc)


@element_lines.register
def _heading(element: Heading, doc: Doc) -> list[str]:
    """Return a heading with its aside score far right on the same line, as pdftotext does."""
    if element.aside is None:
        return [element.text]
    pad = max(4, ASIDE_COLUMN - len(element.text))
    return [element.text + " " * pad + element.aside]


@element_lines.register
def _score(element: ScoreLine, doc: Doc) -> list[str]:
    """Return a score line; a bold value keeps its markdown markers as in the seed."""
    return [f"{element.label}**{element.value}**" if element.bold else element.text]


@element_lines.register
def _bullets(element: Bullets, doc: Doc) -> list[str]:
    """Return one "- item" line per bullet (continuations indented when wrapped)."""
    items = (f"{element.marker} {item}" for item in element.items)
    return [line for item in items for line in _wrapped(item, doc, "  ")]


@element_lines.register
def _columns(element: BulletColumns, doc: Doc) -> list[str]:
    """Return each column as a group of bullets, groups separated by a blank line (the seed)."""
    lines: list[str] = []
    for group in element.groups:
        lines += [*(f"{element.marker} {item}" for item in group), ""]
    return lines[:-1]


@element_lines.register
def _table(element: Table, doc: Doc) -> list[str]:
    """Return a table as "a | b" lines, aligned columns, or a markdown-like pipe table."""
    rows = element.rows
    if element.txt == "inline":
        return [" | ".join(row) for row in rows]
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    cells = [[cell.ljust(w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    if element.txt == "aligned":
        return ["  ".join(row).rstrip() for row in cells]
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    return [lines[0], rule, *lines[1:]]


@element_lines.register
def _spacer(element: Spacer, doc: Doc) -> list[str]:
    """Return blank padding lines."""
    return [""] * element.lines


@element_lines.register
def _page_break(element: PageBreak, doc: Doc) -> list[str]:
    """Return the blank lines a text extraction leaves at a page break."""
    return [""] * 3
