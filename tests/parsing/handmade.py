"""Hand-made blocks for the parser's focused tests: a PDF page laid out line by line, or lines of a text file.

``Page`` places each line at a left edge and a height, in reading order, so that a test says where things are
printed and nothing else; ``parse`` reads the blocks as the pipeline would (no file, no extractor).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.blocks import Block
from core.records import ParsedReport
from extractors.txt import lines_to_blocks
from parsing.report import parse_blocks

TITLE_BLOCK = ("Data Maturity Assessment Framework Cycle 2.0", "City Performance & Recommendations",
               "City: Pune | State: Maharashtra")
LINE = 12.0  # points: the height of one printed line


@dataclass
class Page:
    """Blocks of PDF pages in reading order; each ``add`` prints one line (or a block of ``lines`` lines)."""

    blocks: list[Block] = field(default_factory=list)

    def add(self, text: str, *, x: float = 72.0, y: float, width: float | None = None, kind: str = "paragraph",
            page: int = 1, lines: int = 1, **cell) -> Page:
        """Print ``text`` with its top-left corner at (x, y); ``cell`` is table/row/col for a table cell."""
        right = x + (width if width is not None else 5.5 * len(text))
        self.blocks.append(Block(kind, text, len(self.blocks), f"page {page}", page=page,
                                 bbox=(x, y, right, y + LINE * lines), **cell))
        return self

    def title_block(self, page: int = 1) -> Page:
        """Print the report's title block at the top of a page."""
        for k, text in enumerate(TITLE_BLOCK):
            self.add(text, y=40.0 + k * 16, kind="heading" if k == 0 else "paragraph", page=page)
        return self


def parse(blocks: list[Block], source: str = "hand.pdf") -> ParsedReport:
    """Return the report the blocks describe, read as a PDF's (or as a text file's for ``.txt``)."""
    return parse_blocks(blocks, source=source, format=source.rsplit(".", 1)[-1])


def text_blocks(lines: list[str], *, title_block: bool = True) -> list[Block]:
    """Return the blocks of a text file holding these lines (after the title block)."""
    return lines_to_blocks([*TITLE_BLOCK, "", *lines] if title_block else lines, source="hand.txt")


def indicator(report: ParsedReport, code: str):
    """Return the report's indicator of a code (KeyError naming the codes read when it has none)."""
    found = {i.code: i for i in report.indicators}
    if code not in found:
        raise KeyError(f"{code} not read; read {sorted(found)}")
    return found[code]


def warning_codes(report: ParsedReport, code: str | None = None) -> list[str]:
    """Return the codes of the report's warnings (about one indicator when ``code`` is given)."""
    return [w.code for w in report.warnings if code is None or w.indicator == code]
