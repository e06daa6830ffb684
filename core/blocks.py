"""The one intermediate form between files and records: an ordered list of text blocks.

Every extractor (TXT, DOCX, PDF) turns a file into ``list[Block]``; the parser reads only blocks,
never files, so it stays format-agnostic.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table_cell", "header", "footer"]
BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "list_item", "table_cell", "header", "footer")

BBox = tuple[float, float, float, float]

UNREAD = "\ufffd"
"""What a number OCR could not read with confidence becomes in a block's text (no score pattern takes it)."""


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of text with its kind and where it came from.

    ``order`` is the block's position in reading order; ``location`` is a human-readable place
    ("line 12", "paragraph 7", "table 1 row 3 cell 2", "page 2"). PDF blocks carry ``page`` and
    ``bbox`` (x0, top, x1, bottom in PDF points, origin top-left); table cells carry
    ``table``/``row``/``col``; TXT blocks carry ``line``.
    """

    kind: BlockKind
    text: str
    order: int
    location: str
    page: int | None = None
    bbox: BBox | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    style: str | None = None
    level: int | None = None
    source: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}; expected one of {BLOCK_KINDS}")

    def to_dict(self) -> dict:
        """Return the block as a plain JSON-ready dict."""
        data = asdict(self)
        if data["bbox"] is not None:
            data["bbox"] = [round(v, 2) for v in data["bbox"]]
        return data
