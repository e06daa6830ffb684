"""A small format-neutral document model: what the composer produces and every
renderer (PDF, DOCX, TXT) consumes. All blocks are frozen dataclasses.

Text roles: cover_title, cover_line, title, subtitle, meta, h1, pillar, ind,
score, para, total, toc, note. A role-"ind" Text may carry `box`, a score
printed in a framed box at the right of the heading.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    role: str
    text: str
    align: str = "left"
    box: str | None = None


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    marker: str  # dash, bullet, circle, roman, letter, number


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width
    header: bool
    style: str  # ruled, borderless, header_shaded, pipe
    role: str  # meta, scorecard, indicators
    align: tuple[str, ...]  # "l" | "r" | "c" per column
    bold_rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class Break:
    kind: str  # page, rule, space, columns (start of a two-column body on a new page)


Block = Text | Bullets | Table | Break


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    header: str | None = None
    footer: str | None = None
    page_numbers: str = "none"  # none, page_of, dash, plain, page_n
    watermark: str | None = None
    font: str = "helvetica"
    emphasis: str = "bold"
    columns: int = 1
    title_color: tuple[float, float, float] = (0.0, 0.0, 0.0)


def page_label(style: str, n: int, total: int) -> str:
    return {
        "page_of": f"Page {n} of {total}",
        "dash": f"– {n} –",
        "plain": str(n),
        "page_n": f"Page {n}",
    }.get(style, "")


def marker_text(marker: str, k: int) -> str:
    """The printed bullet for item k (0-based)."""
    romans = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii")
    return {
        "dash": "-",
        "bullet": "•",
        "circle": "o",
        "roman": f"({romans[k % len(romans)]})",
        "letter": f"{chr(ord('a') + k % 26)})",
        "number": f"{k + 1}.",
    }[marker]


def cell_lines(cell: str) -> list[str]:
    return cell.split("\n")


def plain_text(block: Block) -> str:
    """Approximate text of a block, for checks."""
    if isinstance(block, Text):
        return block.text + (" " + block.box if block.box else "")
    if isinstance(block, Bullets):
        return " ".join(block.items)
    if isinstance(block, Table):
        return " ".join(" ".join(r) for r in block.rows)
    return ""
